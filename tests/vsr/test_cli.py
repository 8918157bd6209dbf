"""The `vsr` command over the same library, without a window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_vsr(*args: str, library: Path, lang: str = "en", **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "VSR_LIBRARY": str(library), "VSR_LANG": lang, **env}
    return subprocess.run([sys.executable, "-m", "vsr", *args], capture_output=True, text=True,
                          env=environment, cwd=ROOT, timeout=300)


def test_import_prints_json_and_reports_bad_files(tmp_path: Path, corpus: Path) -> None:
    lib = tmp_path / "lib.sqlite"
    good = [corpus / "media/valid/flower.mp4", corpus / "media/valid/t-rex-roar.mp3",
            corpus / "media/valid/iphone_rotated.mov"]
    bad = [corpus / "media/malformed/fixture-corrupt.mkv", tmp_path / "missing.mp4"]
    empty = tmp_path / "leeg.mp4"
    empty.write_bytes(b"")
    proc = run_vsr("import", str(good[0]), str(bad[0]), str(good[1]), str(empty), str(bad[1]),
                   str(good[2]), library=lib)
    assert proc.returncode == 2
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["path"] for r in rows] == [str(p) for p in good]
    flower, roar, iphone = rows
    assert set(flower) == {"id", "path", "duration_ms", "has_video", "has_audio", "width",
                           "height", "fps", "rotation"}
    assert (flower["width"], flower["height"], flower["has_audio"]) == (960, 540, True)
    assert 5000 <= flower["duration_ms"] <= 5100
    assert roar["has_video"] is False and roar["has_audio"] is True
    assert iphone["rotation"] in (90, 270)
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 3
    assert "fixture-corrupt.mkv" in errors[0] and "leeg.mp4" in errors[1]
    assert "missing.mp4" in errors[2]
    assert "Traceback" not in proc.stderr

    again = run_vsr("import", str(good[0]), library=lib)
    assert again.returncode == 0
    assert json.loads(again.stdout)["id"] == flower["id"]  # no duplicate


def test_list_json_has_recordings_and_reviews(tmp_path: Path, corpus: Path) -> None:
    lib = tmp_path / "lib.sqlite"
    run_vsr("import", str(corpus / "media/valid/flower.mp4"), library=lib)
    from vsr.library import markers, open_library, reviews

    library = open_library(lib)
    review = reviews.create_review(library, 1, title="Gesprek met Anouk")
    party = reviews.list_parties(library, review.id)[0]
    markers.add_marker(library, party.id, 1000)
    markers.add_marker(library, party.id, 2000)
    library.close()
    proc = run_vsr("list", "--json", library=lib)
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert [r["id"] for r in data["recordings"]] == [1]
    assert data["reviews"] == [{"id": review.id, "title": "Gesprek met Anouk", "recording_id": 1,
                                "marker_count": 2, "updated_at": data["reviews"][0]["updated_at"]}]
    text = run_vsr("list", library=lib, lang="nl")
    assert "Gesprek met Anouk" in text.stdout and "2 momenten" in text.stdout


def test_unusable_library_is_a_clear_message(tmp_path: Path) -> None:
    lib = tmp_path / "lib.sqlite"
    lib.write_bytes(b"garbage" * 1000)
    proc = run_vsr("list", library=lib, lang="nl")
    assert proc.returncode == 1
    assert "zo beschadigd dat het niet open kan" in proc.stderr  # issue 10: offers a restore
    assert "vsr backup restore" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.slow
def test_demo_no_gui_creates_recording_and_review(tmp_path: Path) -> None:
    lib = tmp_path / "lib.sqlite"
    proc = run_vsr("demo", "--no-gui", library=lib, lang="nl",
                   VSR_RECORDINGS=str(tmp_path / "rec"))
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "rec" / "demo-begeleidingsgesprek.mp4").exists()
    data = json.loads(run_vsr("list", "--json", library=lib).stdout)
    assert len(data["recordings"]) == 1
    assert 120_000 <= data["recordings"][0]["duration_ms"] <= 180_000
    assert data["recordings"][0]["has_video"] and data["recordings"][0]["has_audio"]
    assert data["reviews"][0]["marker_count"] >= 3
    # Running it again reuses both.
    run_vsr("demo", "--no-gui", library=lib, lang="nl", VSR_RECORDINGS=str(tmp_path / "rec"))
    again = json.loads(run_vsr("list", "--json", library=lib).stdout)
    assert len(again["recordings"]) == 1 and len(again["reviews"]) == 1


def test_the_window_program_is_vsr_gui_beside_vsr_in_the_standalone_build(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from vsr.cli.library_commands import gui_command

    assert gui_command(["--review", "3"])[1:] == ["-m", "vsr.ui", "--review", "3"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(Path("/opt/vsr/vsr")))
    assert gui_command(["--review", "3"]) == [str(Path("/opt/vsr/vsr-gui")), "--review", "3"]


def test_the_probe_child_is_the_vsr_program_in_the_standalone_build(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from vsr.media.probe_child import FROZEN_FLAG, child_command

    assert child_command()[1:] == ["-m", "vsr.media.probe_child"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(Path("/opt/vsr/vsr-gui")))
    assert child_command() == [str(Path("/opt/vsr/vsr")), FROZEN_FLAG]
