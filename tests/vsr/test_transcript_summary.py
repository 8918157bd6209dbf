"""Talk time in Stap 3 and, only when chosen, as a section of the summary in every format;
said in words when chosen without a transcript; never a score."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.vsr import session_fixtures as fx
from tests.vsr.test_export_summary import docx_text, flat, pdf_text
from tests.vsr.test_transcript_store import CONVERSATION
from vsr.errors import VsrError
from vsr.export import export_summary
from vsr.transcript.store import save_transcript
from vsr.transcript.talk import review_talk_sentences


@pytest.fixture
def walked(library, tmp_path: Path):  # type: ignore[no-untyped-def]
    return fx.walked_review(library, tmp_path)


def _read(path: Path, fmt: str) -> str:
    if fmt == "pdf":
        return flat(pdf_text(path))
    if fmt == "docx":
        return flat(docx_text(path)[0])
    return flat(path.read_text(encoding="utf-8"))


def test_stap3_talk_time_needs_a_transcript(library, walked) -> None:
    assert review_talk_sentences(library, walked.review.id) == []
    save_transcript(library, walked.review.recording_id, CONVERSATION, model="whisper-base")
    lines = review_talk_sentences(library, walked.review.id)
    assert lines[0] == "Stem 1 sprak 54 % van de tijd (0:07; aantal beurten: 2)."
    assert lines[2].startswith("Lange beurt: ")


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "md"])
def test_summary_section_only_when_chosen(library, walked, tmp_path: Path, fmt: str) -> None:
    with pytest.raises(VsrError) as err:
        export_summary(library, walked.review.id, fmt, tmp_path / f"a.{fmt}",
                       include_talk_time=True)
    assert err.value.key == "error.transcript.none" and not (tmp_path / f"a.{fmt}").exists()
    save_transcript(library, walked.review.recording_id, CONVERSATION, model="whisper-base")
    plain = _read(export_summary(library, walked.review.id, fmt, tmp_path / f"b.{fmt}"), fmt)
    assert flat("Wie sprak hoeveel") not in plain and flat("sprak 54 %") not in plain
    assert "schuldhulpverlening" not in plain  # no transcript text in a summary, ever
    chosen = _read(export_summary(library, walked.review.id, fmt, tmp_path / f"c.{fmt}",
                                  include_talk_time=True), fmt)
    assert flat("Wie sprak hoeveel") in chosen and flat("geen score") in chosen
    assert flat("Stem 1 sprak 54 % van de tijd") in chosen
    assert flat("Stem 2 sprak 46 % van de tijd") in chosen
