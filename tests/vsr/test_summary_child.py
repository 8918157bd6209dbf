"""The learning summary's stills and file made in a child process (vsr.export.child): the same
file as in this process, progress that rises to the end, cancel that kills the child and leaves
no file, a child's failure said in words here."""

from __future__ import annotations

import dataclasses
import multiprocessing
import subprocess
import sys
from pathlib import Path

import pytest

from tests.vsr import session_fixtures as fx
from vsr.clips.errors import Cancelled
from vsr.errors import VsrError
from vsr.export import build_summary, export_summary
from vsr.export.child import write_summary_in_child
from vsr.media.testclip import generate_test_clip


@pytest.fixture
def walked(library, tmp_path: Path):  # type: ignore[no-untyped-def]
    return fx.walked_review(library, tmp_path)


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_test_clip(tmp_path_factory.mktemp("child") / "gesprek ø ı.mp4", 8.0,
                              with_audio=False)


def _doc_with_stills(library, walked, clip: Path, moments: int = 40):  # type: ignore[no-untyped-def]
    doc = build_summary(library, walked.review.id)
    first = doc.moments[0]
    many = tuple(dataclasses.replace(first, number=n, at_ms=(n * 173) % 7900)
                 for n in range(1, moments + 1))
    return dataclasses.replace(doc, recording_path=str(clip), moments=many)


def test_the_child_writes_the_same_summary_as_this_process(library, walked,  # type: ignore[no-untyped-def]
                                                           tmp_path: Path) -> None:
    here = export_summary(library, walked.review.id, "md", tmp_path / "hier.md",
                          include_stills=True)
    seen: list[float] = []
    there = export_summary(library, walked.review.id, "md", tmp_path / "kind.md",
                           include_stills=True, in_child=True, progress=seen.append)
    assert there.read_text("utf-8") == here.read_text("utf-8")
    assert "(beeld niet beschikbaar)" in there.read_text("utf-8")  # the fake file: no still
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
    assert multiprocessing.active_children() == []


def test_stills_and_pdf_in_the_child_report_progress(library, walked, clip: Path,  # type: ignore[no-untyped-def]
                                                     tmp_path: Path) -> None:
    from pypdf import PdfReader

    doc = _doc_with_stills(library, walked, clip)
    seen: list[float] = []
    out = write_summary_in_child(doc, "pdf", tmp_path / "verslag.pdf", include_stills=True,
                                 progress=seen.append)
    images = [xo for page in PdfReader(str(out)).pages
              for xo in page["/Resources"].get("/XObject", {}).values()]
    assert len(images) >= 40
    assert len([f for f in seen if 0 < f < 0.8]) >= 5  # stills reported as they are made
    assert seen == sorted(seen) and seen[-1] == 1.0


def test_cancel_kills_the_child_and_leaves_no_file(library, walked, clip: Path,  # type: ignore[no-untyped-def]
                                                   tmp_path: Path) -> None:
    doc = _doc_with_stills(library, walked, clip, moments=300)
    folder = tmp_path / "uit"
    folder.mkdir()
    out = folder / "verslag.pdf"
    out.write_bytes(b"the older summary")
    staging = folder / ".staging"
    staging.mkdir()
    seen: list[float] = []
    with pytest.raises(Cancelled):
        write_summary_in_child(doc, "pdf", out, staging_root=staging, include_stills=True,
                               progress=seen.append, cancel=lambda: bool(seen))
    assert seen and seen[-1] < 1.0  # stopped on the way, not after
    assert multiprocessing.active_children() == []
    assert out.read_bytes() == b"the older summary"
    assert sorted(p.name for p in folder.iterdir()) == [".staging", "verslag.pdf"]
    assert list(staging.iterdir()) == []


def test_a_failure_in_the_child_is_a_message_here(library, walked, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = build_summary(library, walked.review.id)
    (tmp_path / "geen map").write_text("a file where the folder should be")
    with pytest.raises(VsrError) as caught:
        write_summary_in_child(doc, "pdf", tmp_path / "geen map" / "verslag.pdf")
    assert "Traceback" not in caught.value.message()
    assert "geen map" in caught.value.message()
    with pytest.raises(VsrError) as unknown:
        write_summary_in_child(doc, "odt", tmp_path / "verslag.odt")
    assert unknown.value.message()


def test_the_cli_makes_the_stills_in_a_child(library, walked, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Run as its own process: the stills' decoder (PyAV, OpenCV) and the PDF writer do not
    load in the CLI's own process; the child does that work (the format is checked by name
    before any work is done)."""
    library.close()
    probe = ("import sys; from vsr.cli.main import main; "
             f"code = main(['--library', {str(library.path)!r}, 'export', 'summary', "
             f"'{walked.review.id}', '-o', {str(tmp_path / 'v.pdf')!r}, '--stills']); "
             "print([m for m in ('vsr.export.stills', 'cv2', 'av', 'fpdf', "
             "'vsr.export.summary_pdf') if m in sys.modules]); "
             "sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "v.pdf").read_bytes()[:5] == b"%PDF-"


def test_stills_made_while_the_file_is_written_are_those_made_before(  # type: ignore[no-untyped-def]
        library, walked, clip: Path, tmp_path: Path) -> None:
    """StillsAhead: the stills come from a thread while the writer lays out the moments; the
    moments get the same stills (and the same 'still missing') as add_stills gives them,
    and a failing writer stops the thread."""
    from dataclasses import replace

    from vsr.export.stills_ahead import StillsAhead
    from vsr.export.summary_content import add_stills

    base = _doc_with_stills(library, walked, clip, 3)
    doc = replace(base, moments=tuple(
        replace(m, at_ms=ms) for m, ms in zip(base.moments, (2500, 40, 9000), strict=True)))
    counts: list[int] = []
    with StillsAhead(doc, counts.append) as ahead:
        made = list(ahead.doc.moments)
    expected = add_stills(doc).moments
    assert [m.still for m in made] == [m.still for m in expected]
    assert all(m.still for m in made) and counts[-1] == 3
    missing = replace(doc, recording_path=str(tmp_path / "weg.mp4"))
    with StillsAhead(missing) as ahead:
        assert [m.still_missing for m in ahead.doc.moments] == [True, True, True]
    with pytest.raises(OSError), StillsAhead(doc) as ahead:
        raise OSError("disk full")


def test_the_stills_thread_has_its_decoder_before_the_writer_begins(  # type: ignore[no-untyped-def]
        library, walked, clip: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """StillsAhead lets its thread import the stills' modules before the writer imports its
    own (both would take turns with the interpreter lock, and the layout waits for the
    stills anyway): once entered, the decoder is loaded."""
    from vsr.export.stills_ahead import StillsAhead

    monkeypatch.delitem(sys.modules, "vsr.export.stills")  # imported afresh by the thread
    doc = _doc_with_stills(library, walked, clip, 3)
    with StillsAhead(doc) as ahead:
        assert "vsr.export.stills" in sys.modules
        assert all(m.still for m in ahead.doc.moments)
