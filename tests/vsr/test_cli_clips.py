"""`vsr consent`, `vsr collection`, `vsr export clips`, `vsr retention`, `vsr purge` and
`vsr audit` end to end, as a coach's batch script would run them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.lang import worded
from tests.vsr.collection_fixtures import make_source
from vsr.dates import long_date

ROOT = Path(__file__).resolve().parents[2]


class Vsr:
    def __init__(self, tmp: Path) -> None:
        self.env = {**os.environ, "VSR_LIBRARY": str(tmp / "lib.sqlite"),
                    "VSR_RECORDINGS": str(tmp / "app-recordings")}

    def __call__(self, *args: str, lang: str = "nl") -> subprocess.CompletedProcess[str]:
        proc = subprocess.run([sys.executable, "-m", "vsr", "--lang", lang, *args],
                              capture_output=True, text=True, env=self.env, cwd=ROOT,
                              stdin=subprocess.DEVNULL, timeout=300)
        assert "Traceback" not in proc.stderr, proc.stderr
        return proc


@pytest.fixture
def vsr(tmp_path: Path) -> Vsr:
    return Vsr(tmp_path)


def _import(vsr: Vsr, path: Path) -> int:
    proc = vsr("import", str(path))
    assert proc.returncode == 0, proc.stderr
    return int(json.loads(proc.stdout)["id"])


def test_intervisie_flow_with_refusal_export_and_withdrawal(vsr: Vsr, tmp_path: Path) -> None:
    rec = _import(vsr, make_source(tmp_path / "media", "gesprek.mp4", 2.0))
    shown = vsr("consent", str(rec))
    assert "intervisie: geen toestemming" in shown.stdout
    made = vsr("collection", "new", "Intervisie mei", "--purpose", "intervisie")
    assert made.returncode == 0 and made.stdout.strip().isdigit()
    col = made.stdout.strip()

    refused = vsr("collection", "add", col, "--recording", str(rec), "--from", "0.2", "--to", "1")
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.strip().count("\n") == 0  # one clear line
    assert "geen toestemming" in refused.stderr and "intervisie" in refused.stderr

    granted = vsr("consent", str(rec), "--grant", "intervisie", "--until", "2099-12-31",
                  "--by", "A. de Vries")
    assert granted.returncode == 0, granted.stderr
    shown = vsr("consent", str(rec)).stdout
    assert "31 december 2099" in shown
    # Both dates in words: the day it was given too, not 2026-11-30.
    assert f"gegeven door A. de Vries op {worded('nl', long_date, date.today())}" in shown
    added = vsr("collection", "add", col, "--recording", str(rec), "--from", "0.2", "--to", "1",
                "--question", "Wat zie je?", "--question", "Wat doe jij?", "--title", "Begin")
    assert added.returncode == 0, added.stderr
    listed = json.loads(vsr("collection", "list", "--json").stdout)
    assert listed == [{"id": int(col), "name": "Intervisie mei", "purpose": "intervisie",
                       "clips": 1, "keep_until": None}]
    shown_col = json.loads(vsr("collection", "show", col, "--json").stdout)
    assert shown_col["clips"][0]["questions"] == ["Wat zie je?", "Wat doe jij?"]
    assert (shown_col["clips"][0]["start_ms"], shown_col["clips"][0]["end_ms"]) == (200, 1000)

    out = tmp_path / "pakket"
    exported = vsr("export", "clips", col, "-o", str(out), "--pack", "intervisie",
                   "--no-audio")
    assert exported.returncode == 0, exported.stderr
    assert sorted(p.name for p in out.iterdir()) == ["clip-01.mp4", "handout.pdf"]
    assert exported.stdout.split() == [str(out / "clip-01.mp4"), str(out / "handout.pdf")]

    asked = vsr("consent", str(rec), "--withdraw", "intervisie")  # stdin is not a terminal
    assert asked.returncode == 3
    assert "Begin" in asked.stdout and str(out / "clip-01.mp4") in asked.stdout
    assert "--yes" in asked.stderr and (out / "clip-01.mp4").exists()
    done = vsr("consent", str(rec), "--withdraw", "intervisie", "--yes", lang="en")
    assert done.returncode == 0, done.stderr
    assert "Deleted: 1 clip and 2 files" in done.stdout
    assert list(out.iterdir()) == []
    assert json.loads(vsr("collection", "show", col, "--json").stdout)["clips"] == []

    actions = [e["action"] for e in json.loads(vsr("audit", "--json").stdout)]
    assert actions[:3] == ["consent.withdrawn", "clips.removed", "files.deleted"]
    assert "export" in actions and "consent.granted" in actions


def test_training_export_needs_faces_anonymised(vsr: Vsr, tmp_path: Path) -> None:
    rec = _import(vsr, make_source(tmp_path / "media", "training.mp4", 1.6))
    assert vsr("consent", str(rec), "--grant", "training").returncode == 0
    col = vsr("collection", "new", "Cursus", "--purpose", "training").stdout.strip()
    assert vsr("collection", "add", col, "--recording", str(rec), "--from", "0",
               "--to", "0.6").returncode == 0
    refused = vsr("export", "clips", col, "-o", str(tmp_path / "uit"), "--pack", "exercise",
                  lang="en")
    assert refused.returncode == 1
    assert "make faces unrecognisable" in refused.stderr
    assert not (tmp_path / "uit").exists()
    bad = vsr("consent", str(rec), "--grant", "reclame", lang="en")
    assert bad.returncode == 1 and "not a purpose" in bad.stderr
    missing = vsr("collection", "add", col, "--recording", str(rec), "--from", "0")
    assert missing.returncode == 2 and "--marker" in missing.stderr


def test_purge_lists_first_and_deletes_with_yes(vsr: Vsr, tmp_path: Path) -> None:
    app_file = make_source(tmp_path / "app-recordings", "demo.mp4", 1.0)
    own_file = make_source(tmp_path / "eigen", "eigen.mp4", 1.2)
    app_rec, own_rec = _import(vsr, app_file), _import(vsr, own_file)
    assert vsr("purge").stdout.strip() == "Er is niets verlopen. Er is niets verwijderd."
    for rec in (app_rec, own_rec):
        assert vsr("retention", "recording", str(rec), "--until", "2000-01-01").returncode == 0
    col = vsr("collection", "new", "Oud", "--purpose", "intervisie",
              "--keep-until", "2001-02-03").stdout.strip()

    listed = vsr("purge")
    assert listed.returncode == 3 and app_file.exists()
    assert "demo.mp4" in listed.stdout and "eigen.mp4" in listed.stdout
    assert "buiten de opnamemap" in listed.stdout and "'Oud'" in listed.stdout

    purged = vsr("purge", "--yes", lang="en")
    assert purged.returncode == 0, purged.stderr
    assert "Deleted: 2 recordings, 1 collection and 1 file." in purged.stdout
    assert not app_file.exists() and own_file.exists()
    assert json.loads(vsr("list", "--json").stdout)["recordings"] == []
    assert json.loads(vsr("collection", "list", "--json").stdout) == []
    assert vsr("purge").returncode == 0
    audit = json.loads(vsr("audit", "--json", "--action", "purge").stdout)
    assert audit[0]["details"]["recordings"] == [app_rec, own_rec]
    assert audit[0]["details"]["collections"] == [int(col)]


def test_sharing_gespreksbladen_with_clips_is_set_per_review(vsr: Vsr, tmp_path: Path) -> None:
    from vsr.library import open_library
    from vsr.library import reviews as rv
    from vsr.library.markers import add_marker

    rec = _import(vsr, make_source(tmp_path / "media", "gesprek.mp4", 2.0))
    lib = open_library(Path(vsr.env["VSR_LIBRARY"]))
    try:
        review = rv.create_review(lib, rec)
        marker = add_marker(lib, rv.list_parties(lib, review.id)[0].id, 200, 1500)
    finally:
        lib.close()
    assert vsr("consent", str(rec), "--grant", "intervisie", "--by", "K.").returncode == 0
    col = vsr("collection", "new", "Intervisie", "--purpose", "intervisie").stdout.strip()
    add = ("collection", "add", col, "--marker", str(marker.id), "--reflections")
    refused = vsr(*add)
    assert refused.returncode == 1 and refused.stderr.strip().count("\n") == 0
    assert "gespreksblad" in refused.stderr
    assert "niet" in vsr("sharing", str(review.id)).stdout
    on = vsr("sharing", str(review.id), "on")
    assert on.returncode == 0 and "mogen" in on.stdout
    assert vsr(*add).returncode == 0
    shown = json.loads(vsr("collection", "show", col, "--json").stdout)
    assert shown["clips"][0]["include_reflections"] is True
    assert vsr("sharing", str(review.id), "off", lang="en").stdout.strip() == (
        f"Review {review.id}: the gespreksbladen do not go with its clips.")
