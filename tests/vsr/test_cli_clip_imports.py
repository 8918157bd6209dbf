"""`vsr export clips` loads only what the command needs: no PDF writer (fpdf) without --pack,
no face detector (OpenCV) nor the faces' bookkeeping without faces, no transcript or WebVTT
code without --subtitles, no review-file writers of the other export commands, and no numpy
when the clip is smart-rendered with its sound copied (only a re-encode needs it). Each of
those costs tens to hundreds of milliseconds of a command that should take about as long as
`ffmpeg -c copy`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.vsr.collection_fixtures import make_source
from tests.vsr.test_cli_clips import Vsr, _import

HEAVY = ("cv2", "fpdf", "vsr.clip_packs.pdf", "vsr.clip_packs.index_html", "vsr.clips.faces",
         "vsr.clips.face_tracks", "vsr.clips.centerface", "vsr.library.face_boxes",
         "vsr.transcript.store", "vsr.transcript.parties", "vsr.interop.subtitles",
         "vsr.interop.exports", "vsr.export.summary_pdf", "docx", "numpy",
         "vsr.clips.reencode", "vsr.clips.audio", "vsr.cli.backup_commands",
         "vsr.library.restore")
_PROBE = """
import json, sys
from vsr.cli.main import main
code = main(sys.argv[1:])
heavy = {heavy!r}
print(json.dumps({{"code": code, "loaded": [m for m in heavy if m in sys.modules]}}))
"""


@pytest.fixture
def collection(tmp_path: Path) -> tuple[Vsr, str]:
    vsr = Vsr(tmp_path)
    rec = _import(vsr, make_source(tmp_path / "media", "gesprek ø ı.mp4", 3.0))
    assert vsr("consent", str(rec), "--grant", "intervisie", "--until", "2099-12-31",
               "--by", "Li").returncode == 0
    col = vsr("collection", "new", "Îk", "--purpose", "intervisie").stdout.strip()
    assert vsr("collection", "add", col, "--recording", str(rec), "--from", "0.52",
               "--to", "2.2").returncode == 0
    return vsr, col


def _loaded(vsr: Vsr, *args: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", _PROBE.format(heavy=HEAVY), "--lang", "nl",
                           *args], capture_output=True, text=True, env=vsr.env, timeout=300)
    assert "Traceback" not in done.stderr, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0, done.stderr
    return list(result["loaded"])


def test_a_plain_clip_export_loads_no_pdf_faces_or_other_writers(
        collection: tuple[Vsr, str], tmp_path: Path) -> None:
    vsr, col = collection
    assert _loaded(vsr, "export", "clips", col, "-o", str(tmp_path / "uit")) == []
    assert (tmp_path / "uit" / "clip-01.mp4").stat().st_size > 0


def test_a_pack_loads_the_pdf_writer_and_faces_load_the_detector(
        collection: tuple[Vsr, str], tmp_path: Path) -> None:
    vsr, col = collection
    loaded = _loaded(vsr, "export", "clips", col, "-o", str(tmp_path / "pak"),
                     "--pack", "intervisie")
    assert "fpdf" in loaded and "cv2" not in loaded  # the probe sees what is loaded
    loaded = _loaded(vsr, "export", "clips", col, "-o", str(tmp_path / "blur"),
                     "--anonymize", "faces")
    assert "cv2" in loaded and "vsr.clips.faces" in loaded and "fpdf" not in loaded
    assert sorted(p.name for p in (tmp_path / "pak").iterdir()) == ["clip-01.mp4",
                                                                    "handout.pdf"]
