"""Exporting collections into packs, from a small generated recording: the intervisie handout,
the offline exercise page and worksheet, consent checks, and no half files after a cancel,
a failure or a consent withdrawn mid-export."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import av
import numpy as np
import pytest
from numpy.typing import NDArray
from pypdf import PdfReader

from tests.lang import worded
from tests.vsr.collection_fixtures import CLIENT, World, make_source, make_world, marker_with_sheet
from vsr.clip_packs import commit_export, export_collection, prepare_export, run_export
from vsr.clip_packs.index_html import render_index
from vsr.clips import Box, Cancelled, FaceAnonymizer
from vsr.errors import ConsentError, RecordingMissingError, VsrError
from vsr.library import Library
from vsr.library import collections as co
from vsr.library import consent as cs
from vsr.library import reviews as rv
from vsr.library.audit import list_audit
from vsr.library.exported import list_exported
from vsr.library.face_boxes import add_face_box


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_source(tmp_path_factory.mktemp("src"), "gesprek-anouk.mp4", 3.0)


@pytest.fixture
def world(library: Library, source: Path) -> World:
    w = make_world(library, source, title="Gesprek met Anouk de Vries")
    cs.grant_consent(library, w.rec.id, "intervisie", given_by=CLIENT)
    return w


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def _duration_ms(path: Path) -> int:
    with av.open(str(path)) as container:
        return round(float(container.duration or 0) / 1000)


def test_intervisie_pack_has_clips_and_a_handout_with_questions(world: World,
                                                                tmp_path: Path) -> None:
    col = co.create_collection(world.lib, "Intervisie Anouk", "intervisie")
    co.add_clip(world.lib, col.id, world.rec.id, 400, 1400, title="Anouk wordt boos",
                questions=["Wat zag je bij Anouk?", "Wat had jij gedaan?"])
    co.add_clip(world.lib, col.id, world.rec.id, 2000, 2800)  # default questions
    out = tmp_path / "intervisie"
    progress: list[float] = []
    report = export_collection(world.lib, col.id, out, anonymize_faces=False,
                               pack="intervisie", progress=progress.append,
                               today=date(2026, 5, 4))
    assert _files(out) == ["clip-01.mp4", "clip-02.mp4", "handout.pdf"]
    assert [p.name for p in report.files] == _files(out)
    assert abs(_duration_ms(out / "clip-01.mp4") - 1000) <= 80
    assert [c.has_audio for c in report.clips] == [True, True]
    assert progress == sorted(progress) and progress[-1] == 1.0
    text = _pdf_text(out / "handout.pdf")
    for expected in ("Intervisie: Intervisie Anouk", "Anouk wordt boos", "Wat zag je bij Anouk?",
                     "Wat had jij gedaan?", "Wat gebeurt hier?", "Hoe zou jij reageren?",
                     "clip-02.mp4", "0:00.4 tot 0:01.4", "Aantekeningen", "Gemaakt op 4 mei 2026",
                     "Gesprek met Anouk de Vries"):
        assert expected in text, expected
    rows = list_exported(world.lib)
    assert {Path(r.path).name: r.kind for r in rows} == {
        "clip-01.mp4": "clip", "clip-02.mp4": "clip", "handout.pdf": "handout"}
    assert all(r.purpose == "intervisie" and r.collection_id == col.id for r in rows)
    entry = list_audit(world.lib, action="export")[0]
    assert entry.details["files"] == ["clip-01.mp4", "clip-02.mp4", "handout.pdf"]
    assert entry.details["pack"] == "intervisie" and len(entry.details["clips"]) == 2


def test_names_are_replaced_in_the_handout_when_asked(world: World, tmp_path: Path) -> None:
    col = co.create_collection(world.lib, "Intervisie Anouk", "intervisie")
    co.add_clip(world.lib, col.id, world.rec.id, 0, 800, title="Anouk wordt boos",
                questions=["Wat deed Piet Jansen?"])
    worded("en", export_collection, world.lib, col.id, tmp_path, anonymize_faces=False, anonymize_names=True,
                      pack="intervisie")
    text = _pdf_text(tmp_path / "handout.pdf")
    assert "Client wordt boos" in text and "What did" not in text
    # The recording is named by number, never by its title (issue 11: titles hold names).
    assert "Wat deed Professional?" in text and "From recording: Recording 1" in text
    assert "Gesprek met" not in text
    assert "Anouk" not in text and "Jansen" not in text and "Piet" not in text


def test_exercise_pack_works_offline(world: World, tmp_path: Path) -> None:
    marker = marker_with_sheet(world, 1000, 2000)
    rv.set_share_reflections(world.lib, world.review.id, True)
    cs.grant_consent(world.lib, world.rec.id, "training", given_by=CLIENT, recognisable=True)
    col = co.create_collection(world.lib, "Cursus <MGV> & meer", "training")
    co.add_clip(world.lib, col.id, world.rec.id, 0, 700, title="Begin",
                questions=["Bekijk de clip. Wat gebeurt hier?"])
    co.add_clip_from_marker(world.lib, col.id, marker, include_reflections=True,
                            questions=["Hoe zou jij reageren?"])
    out = tmp_path / "usb-stick"
    export_collection(world.lib, col.id, out, anonymize_faces=False, anonymize_names=True,
                      pack="exercise")
    assert _files(out) == ["clip-01.mp4", "clip-02.mp4", "index.html", "werkblad.pdf"]
    html = (out / "index.html").read_text("utf-8")
    sources = re.findall(r'<video[^>]*\ssrc="([^"]+)"', html)
    assert sources == ["clip-01.mp4", "clip-02.mp4"]
    assert all((out / s).is_file() for s in sources)
    assert not re.search(r"https?:", html, re.IGNORECASE)
    assert not re.search(r"<(script|link|img|iframe)\b", html, re.IGNORECASE)
    assert re.findall(r'(?:src|href)="([^"#]+)"', html) == [
        "clip-01.mp4", "clip-01.mp4", "clip-02.mp4", "clip-02.mp4"]
    assert "Cursus &lt;MGV&gt; &amp; meer" in html
    assert "Bekijk de clip. Wat gebeurt hier?" in html
    # the parties' own A/B/C, by role and with names replaced
    assert "Cliënt zei dat ze boos was." in html and "Ik voelde me niet gehoord." in html
    assert "B. Professional: wat deed dit met mij?" in html and "Anouk" not in html
    worksheet = _pdf_text(out / "werkblad.pdf")
    assert "Hoe zou jij reageren?" in worksheet and "Jouw antwoord" in worksheet
    assert "Oefening 2" in worksheet and "Eerst doorvragen." in worksheet


def test_export_refuses_when_any_clip_lacks_consent(world: World, source: Path,
                                                    tmp_path: Path) -> None:
    col = co.create_collection(world.lib, "Intervisie", "intervisie")
    co.add_clip(world.lib, col.id, world.rec.id, 0, 500)
    other = make_world(world.lib, make_source(tmp_path / "src", "b.mp4", 1.2))
    cs.grant_consent(world.lib, other.rec.id, "intervisie", given_by="B", until="2026-01-31",
                     given_on="2026-01-01")
    co.add_clip(world.lib, col.id, other.rec.id, 0, 500, today=date(2026, 1, 31))
    out = tmp_path / "out"
    with pytest.raises(ConsentError) as err:
        export_collection(world.lib, col.id, out, anonymize_faces=False, pack="intervisie",
                          today=date(2026, 2, 1))
    assert err.value.key == "error.consent.lapsed"
    assert not out.exists() and list_exported(world.lib) == []
    assert list_audit(world.lib, action="export") == []


class _ScriptedDetector:
    """Says there is a face in the middle of every frame, and counts the frames it saw."""

    def __init__(self) -> None:
        self.frames = 0

    def detect(self, frame_bgr: NDArray[np.uint8], threshold: float) -> list[Box]:
        self.frames += 1
        h, w = frame_bgr.shape[:2]
        return [Box(w * 0.3, h * 0.3, w * 0.7, h * 0.7, 0.9)]


def test_training_without_recognisable_consent_needs_faces_anonymised(
        world: World, tmp_path: Path) -> None:
    cs.grant_consent(world.lib, world.rec.id, "training", given_by=CLIENT, recognisable=False)
    col = co.create_collection(world.lib, "Cursus", "training")
    co.add_clip(world.lib, col.id, world.rec.id, 0, 800, title="Anouk twijfelt")
    with pytest.raises(ConsentError) as err:
        export_collection(world.lib, col.id, tmp_path / "a", anonymize_faces=False,
                          pack="exercise")
    assert err.value.key == "error.consent.not_recognisable"
    assert not (tmp_path / "a").exists()
    detector = _ScriptedDetector()
    # names are replaced even though only faces were asked for, and even if names were kept
    export_collection(world.lib, col.id, tmp_path / "b", anonymize_faces=True,
                      anonymize_names=False, pack="exercise",
                      anonymizer_factory=lambda: FaceAnonymizer(detector=detector))
    # The detector looks at keyframes (every 8th frame and the last) of the 20-frame clip,
    # and where much of the picture changes at once (frame 10 of this recording, issue 18);
    # the frames between are covered from them (issue 11: it used to see every frame).
    assert detector.frames == 5
    html = (tmp_path / "b/index.html").read_text("utf-8")
    assert "Cliënt twijfelt" in html and "Anouk" not in html
    assert list_audit(world.lib, action="export")[0].details["anonymize_faces"] is True


def test_cancel_leaves_no_half_files(world: World, tmp_path: Path) -> None:
    col = co.create_collection(world.lib, "Intervisie", "intervisie")
    co.add_clip(world.lib, col.id, world.rec.id, 0, 1000)
    co.add_clip(world.lib, col.id, world.rec.id, 1000, 2500)
    out = tmp_path / "bestaand"
    out.mkdir()
    (out / "eigen.txt").write_text("van de gebruiker")
    seen: list[float] = []

    def cancel() -> bool:
        return bool(seen) and seen[-1] > 0.5  # stop during the second clip

    with pytest.raises(Cancelled):
        export_collection(world.lib, col.id, out, anonymize_faces=False, pack="intervisie",
                          progress=seen.append, cancel=cancel)
    assert _files(out) == ["eigen.txt"]
    fresh = tmp_path / "nieuw"
    with pytest.raises(Cancelled):
        export_collection(world.lib, col.id, fresh, anonymize_faces=False,
                          cancel=lambda: True)
    assert not fresh.exists()  # the folder it made is gone too
    assert list_exported(world.lib) == [] and list_audit(world.lib, action="export") == []


def test_failure_midway_and_consent_withdrawn_before_commit(world: World,
                                                            tmp_path: Path) -> None:
    col = co.create_collection(world.lib, "Intervisie", "intervisie")
    co.add_clip(world.lib, col.id, world.rec.id, 0, 500)
    out = tmp_path / "out"
    job = prepare_export(world.lib, col.id, out, anonymize_faces=False, pack="intervisie")
    # the recording goes missing after the checks: the worker fails, nothing stays behind
    away = Path(world.rec.path).rename(tmp_path / "weg.mp4")
    try:
        with pytest.raises(VsrError):
            run_export(job)
        assert not out.exists()
        with pytest.raises(RecordingMissingError):  # and now it is refused up front
            prepare_export(world.lib, col.id, out, anonymize_faces=False)
    finally:
        away.rename(world.rec.path)

    staged = run_export(prepare_export(world.lib, col.id, out, anonymize_faces=False,
                                       pack="intervisie"))
    cs.grant_consent(world.lib, world.rec.id, "intervisie", given_by=CLIENT,
                     until="2000-01-01", given_on="2000-01-01")  # lapsed meanwhile
    with pytest.raises(ConsentError):
        commit_export(world.lib, staged)
    assert not out.exists() and list_exported(world.lib) == []


def test_foreign_files_are_never_overwritten_but_own_exports_are(world: World,
                                                                 tmp_path: Path) -> None:
    col = co.create_collection(world.lib, "Intervisie", "intervisie")
    co.add_clip(world.lib, col.id, world.rec.id, 0, 500)
    export_collection(world.lib, col.id, tmp_path, anonymize_faces=False, pack="intervisie")
    first = (tmp_path / "clip-01.mp4").stat().st_mtime_ns
    export_collection(world.lib, col.id, tmp_path, anonymize_faces=False, pack="intervisie")
    assert (tmp_path / "clip-01.mp4").stat().st_mtime_ns >= first
    assert len(list_exported(world.lib)) == 2  # the re-export replaced the rows
    other = tmp_path / "ander"
    other.mkdir()
    (other / "handout.pdf").write_text("niet van ons")
    with pytest.raises(VsrError) as err:
        export_collection(world.lib, col.id, other, anonymize_faces=False, pack="intervisie")
    assert err.value.key == "error.export.exists" and "handout.pdf" in worded("en", err.value.message)
    assert _files(other) == ["handout.pdf"]
    empty = co.create_collection(world.lib, "Leeg", "intervisie")
    with pytest.raises(VsrError) as err:
        export_collection(world.lib, empty.id, tmp_path / "leeg", anonymize_faces=False)
    assert err.value.key == "error.collection.empty"


def test_index_page_escapes_and_quotes_file_names(world: World) -> None:
    from vsr.clip_packs.content import PackClip, PackDoc

    clip = PackClip(1, 1, 1, Path("x.mp4"), 0, 1000, "clip 01#.mp4", "<b>", "bron", ("q",))
    page = render_index(PackDoc(1, "n", "training", "en", date(2026, 1, 1), False, False,
                                (clip,)))
    assert 'src="clip%2001%23.mp4"' in page and "&lt;b&gt;" in page and "<b>" not in page


def test_cli_pack_choices_match_the_packs() -> None:
    from vsr.cli import clip_commands
    from vsr.clip_packs import PACKS

    assert clip_commands.PACKS == PACKS


class _NoFaces:
    def detect(self, frame_bgr: NDArray[np.uint8], threshold: float) -> list[Box]:
        return []


def test_hand_drawn_blur_boxes_are_applied_by_the_export(world: World, tmp_path: Path) -> None:
    col = co.create_collection(world.lib, "Intervisie", "intervisie")
    clip = co.add_clip(world.lib, col.id, world.rec.id, 0, 800, title="Stuk")
    add_face_box(world.lib, clip.id, 200, 400, (0.5, 0.5, 0.9, 0.9))  # frames 5-10
    plain, covered = tmp_path / "plain", tmp_path / "covered"
    export_collection(world.lib, col.id, plain, anonymize_faces=False, anonymize_names=False)
    export_collection(world.lib, col.id, covered, anonymize_faces=True, anonymize_names=False,
                      anonymizer_factory=lambda: FaceAnonymizer(detector=_NoFaces()))
    before, after = (_frames(next(folder.glob("*.mp4"))) for folder in (plain, covered))
    box = (slice(70, 100), slice(90, 140))  # inside the drawn box of the 160x120 picture
    differs = [float(np.abs(a[box].astype(int) - b[box].astype(int)).mean()) > 4
               for a, b in zip(before, after, strict=True)]
    assert differs == [False] * 5 + [True] * 6 + [False] * 9


def _frames(path: Path) -> list[NDArray[np.uint8]]:
    with av.open(str(path)) as container:
        return [np.asarray(f.to_ndarray(format="bgr24"), np.uint8)
                for f in container.decode(video=0)]
