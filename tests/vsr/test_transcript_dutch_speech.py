"""Real Dutch speech (two human voices reading a game script, GPL-2, tests/data/dutch_speech)
through the packaged Whisper base model in its child process: the words come out Dutch and
mostly right, and the two voices are told apart. A guard, not the measure: the word error rate
on all 24 lines is a row of bench/bench_transcript.py (docs/transcript.md)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.bench_transcript import DUTCH_SPEECH, _words, dutch_speech, word_error_rate
from vsr.transcript.run import transcribe_media
from vsr.transcript.speech_model import find_model, packaged_parts_installed

LINES = 6  # about 30 s of speech, three lines of each voice


def test_the_data_and_its_licence_are_kept_together() -> None:
    rows = (DUTCH_SPEECH / "transcripts.tsv").read_text(encoding="utf-8").splitlines()[1:]
    assert len(rows) == 24
    for row in rows:
        name, speaker, text = row.split("\t")
        assert (DUTCH_SPEECH / name).is_file() and speaker in ("m", "v") and len(text.split()) >= 8
    readme = " ".join((DUTCH_SPEECH / "README.md").read_text("utf-8").split())
    assert "GNU General Public License" in readme and "version 2" in readme


def test_real_dutch_is_heard_as_dutch_by_two_voices(tmp_path: Path) -> None:
    if not packaged_parts_installed():
        if os.environ.get("CI") == "true":
            pytest.fail("the speech model is missing under CI: scripts/setup.sh installs it")
        pytest.skip("the speech model is not installed")
    media, spans = dutch_speech(tmp_path / "nl.wav", LINES)
    segments = transcribe_media(find_model(), media)
    reference = [w for span in spans for w in _words(span[3])]
    hypothesis = [w for s in segments for w in _words(s.text)]
    wer = word_error_rate(reference, hypothesis)
    # Whisper base measured 43 % on all 24 lines and 60 % on these six (greedy decoding: 55 %
    # and 64 %): far from perfect, far from the ~100 % of English or a broken pipeline
    assert wer < 70, (wer, hypothesis)
    # common words of clear speech come out right (beam search hears "glazen" as "vlazen",
    # greedy decoding heard it right: one rare word is no guard, so more common ones)
    assert {"dit", "is", "geen", "maar", "beneden", "kunnen", "denk", "ergens", "moeten"} <= set(
        hypothesis)
    # the lines alternate between the two voices: each line's segments get its voice
    by_line = []
    for start, end, _speaker, _text in spans:
        inside = [s.speaker for s in segments
                  if start - 500 <= (s.start_ms + s.end_ms) // 2 <= end + 500]
        by_line.append(max(set(inside), key=inside.count) if inside else None)
    assert by_line[0] == 0
    agree = sum(v == n % 2 for n, v in enumerate(by_line))
    assert agree >= LINES - 1, by_line
