"""The demo recording speaks Dutch (espeak-ng), so it gets a transcript: the words land in the
turns of the script, and the two voices come out as two speakers."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from vsr.library.recordings import add_recording
from vsr.media.demo_recording import generate_demo_recording
from vsr.media.demo_script import demo_turns
from vsr.media.demo_speech import demo_speech
from vsr.transcript.run import transcribe_recording
from vsr.transcript.speech_model import ENV_KEY, packaged_parts_installed
from vsr.transcript.store import load_transcript


def _need(ok: bool, what: str) -> None:
    if ok:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing under CI: scripts/setup.sh installs it")
    pytest.skip(f"{what} is not installed")


def test_every_turn_gets_speech_that_fits_it() -> None:
    _need(shutil.which("espeak-ng") is not None, "espeak-ng")
    turns = demo_turns(20_000)
    speech = demo_speech(turns, 16_000)
    assert speech is not None and sorted(speech) == [t[0] for t in turns]
    for start, _end, _role in turns:
        assert 0.5 * 16_000 < speech[start].size  # at least half a second of speech


def test_the_spoken_demo_is_transcribed(library, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    _need(shutil.which("espeak-ng") is not None, "espeak-ng")
    _need(packaged_parts_installed(), "the Whisper base model")
    monkeypatch.delenv(ENV_KEY, raising=False)
    demo = generate_demo_recording(tmp_path / "demo.mp4", 12.0, 320, 180)
    rec, _ = add_recording(library, demo)
    transcribe_recording(library, rec.id)
    t = load_transcript(library, rec.id)
    # espeak's Dutch through AAC is hard for Whisper base ("Goedemorgen" came out as "hoge
    # morgan"): what the demo needs is words at the right times, not a perfect text.
    words = [w for s in t.segments for w in s.words]
    assert len(t.segments) >= 2 and len(words) >= 4
    turns = demo_turns(12_000)
    for seg in t.segments:  # every segment starts inside a turn (give or take 600 ms)
        assert any(a - 600 <= seg.start_ms <= b for a, b, _r in turns), seg
