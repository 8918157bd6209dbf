"""The transcript's commands in-process: spoken words in `vsr search` with the time as the hit,
talk time, who-is-who, the words of a moment into A, the export, and a clear line (no
traceback) when a recording has no transcript or no model can be found."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.vsr.fakes import add_fake_recording
from tests.vsr.test_transcript_store import CONVERSATION
from vsr.cli import main
from vsr.library import markers as mk
from vsr.library import open_library
from vsr.library import reviews as rv
from vsr.library.sheets import get_sheet
from vsr.transcript.speech_model import ENV_KEY
from vsr.transcript.store import save_transcript


@pytest.fixture
def filled(tmp_path: Path) -> tuple[Path, int, int]:
    path = tmp_path / "library.sqlite"
    lib = open_library(path)
    rec = add_fake_recording(lib, tmp_path)
    save_transcript(lib, rec.id, CONVERSATION, model="whisper-base")
    review = rv.create_review(lib, rec.id, title="Gesprek")
    marker = mk.add_marker(lib, rv.list_parties(lib, review.id)[0].id, 16500).id
    lib.close()
    return path, rec.id, marker


def test_search_finds_spoken_words_with_their_time(filled, capsys) -> None:  # type: ignore[no-untyped-def]
    path, rec, _m = filled
    assert main(["--library", str(path), "search", "afspraak"]) == 0
    out = capsys.readouterr().out
    assert f"gezegd in opname {rec}" in out and "  0:03  Stem 1  " in out and "«afspraken»" in out
    assert main(["--library", str(path), "search", "afspraak", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [(h["kind"], h["start_ms"], h["recording_id"]) for h in hits] == [
        ("spoken", 3000, rec)]
    assert main(["--library", str(path), "search", "afspraak", "--party", "client"]) == 0
    assert "Niets gevonden" in capsys.readouterr().out  # a moment filter: no spoken hits


def test_talk_swap_moment_and_export(filled, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path, rec, marker = filled
    assert main(["--library", str(path), "transcript", "talk", str(rec)]) == 0
    before = capsys.readouterr().out.splitlines()
    assert before[0] == "Stem 1 sprak 54 % van de tijd (0:07; aantal beurten: 2)."
    assert before[1] == "Stem 2 sprak 46 % van de tijd (0:06; aantal beurten: 1)."
    assert main(["--library", str(path), "transcript", "swap", str(rec)]) == 0
    capsys.readouterr()
    assert main(["--library", str(path), "transcript", "talk", str(rec)]) == 0
    after = capsys.readouterr().out.splitlines()
    assert after[:2] == [before[1].replace("Stem 2", "Stem 1"), before[0].replace("Stem 1", "Stem 2")]
    assert main(["--library", str(path), "transcript", "moment", str(marker), "--fill"]) == 0
    assert "samen bekijken" in capsys.readouterr().out
    lib = open_library(path)
    assert get_sheet(lib, marker).what_happened == "“Zullen we dat samen bekijken?”"
    lib.close()
    out = tmp_path / "uit.vtt"
    assert main(["--library", str(path), "export", "transcript", str(rec), "--format", "vtt",
                 "-o", str(out), "--replace-names", "--extra-name", "Jan"]) == 0
    assert "Jan" not in out.read_text(encoding="utf-8")


def test_errors_are_one_line(filled, tmp_path: Path, capsys,  # type: ignore[no-untyped-def]
                             monkeypatch: pytest.MonkeyPatch) -> None:
    path, rec, _m = filled
    assert main(["--library", str(path), "transcript", "show", str(rec + 5)]) == 1
    err = capsys.readouterr().err
    assert "vsr transcribe" in err and "Traceback" not in err
    monkeypatch.setenv(ENV_KEY, str(tmp_path / "geen-model"))
    assert main(["--library", str(path), "transcribe", str(rec)]) == 1
    err = capsys.readouterr().err
    assert "geen-model" in err and "Traceback" not in err
