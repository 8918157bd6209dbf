"""An anonymised summary (names replaced, `vsr export summary --initials --stills`) gets
stills with every face blurred, by the same face anonymiser as the clips; a summary with names
keeps its stills as they are. Judged on real faces (the face test video) by the detail left in
the middle of each known face box, not by the detector."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np
import pytest
from numpy.typing import NDArray
from PIL import Image

from tests.vsr import session_fixtures as fx
from tests.vsr.face_scenes import KEPT, MIN_FACE, Face, kept_detail
from tests.vsr.face_video import SIZE, Rect, make_face_video
from vsr.export import export_summary
from vsr.export.stills import STILL_WIDTH, grab_still
from vsr.export.summary_content import SummaryDoc, add_stills, build_summary

AT_MS = 400  # frame 10 of the face video


@pytest.fixture(scope="module")
def face_video(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[list[Rect]]]:
    path = tmp_path_factory.mktemp("stills") / "faces.mp4"
    return path, make_face_video(path, 15)


def _picture(jpeg: bytes | None) -> NDArray[np.uint8]:
    assert jpeg is not None and jpeg[:2] == b"\xff\xd8"
    image = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert image is not None and image.shape[1] == STILL_WIDTH
    return np.asarray(image, np.uint8)


def _faces_in_still(truth: list[Rect]) -> list[Face]:
    """The known face boxes at the still's size, those of 24 px or more there."""
    scale = STILL_WIDTH / SIZE[0]
    faces = []
    for x1, y1, x2, y2 in truth:
        rect = (round(x1 * scale), round(y1 * scale), round(x2 * scale), round(y2 * scale))
        if rect[3] - rect[1] >= MIN_FACE:
            faces.append(Face(rect, np.ones((rect[3] - rect[1], rect[2] - rect[0]), bool)))
    return faces


def _kept(original: NDArray[np.uint8], still: NDArray[np.uint8], truth: list[Rect]
          ) -> list[float]:
    shares = [kept_detail(original, still, face) for face in _faces_in_still(truth)]
    return [round(s, 2) for s in shares if s is not None]


def _stills(doc: SummaryDoc) -> list[NDArray[np.uint8]]:
    return [_picture(m.still) for m in doc.moments]


def test_stills_of_an_anonymised_summary_have_every_face_blurred(
        library, face_video: tuple[Path, list[list[Rect]]], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    video, truth = face_video
    walked = fx.walked_review(library, tmp_path, long_text=False)
    with_names = build_summary(library, walked.review.id, party_naming="names")
    anonymised = build_summary(library, walked.review.id, party_naming="initials")
    assert anonymised.faces_blurred and not with_names.faces_blurred

    def at_face_frame(doc: SummaryDoc) -> SummaryDoc:  # every moment shows frame 10
        moments = tuple(replace(m, at_ms=AT_MS) for m in doc.moments)
        return replace(doc, recording_path=str(video), recording_rotation=0, moments=moments)

    original = _stills(add_stills(at_face_frame(with_names)))
    blurred = _stills(add_stills(at_face_frame(anonymised)))
    faces = _faces_in_still(truth[10])
    assert len(faces) >= 8  # the walker, the group of seven, the face at the edge
    # With names the faces are there (same picture); anonymised, none keeps its detail.
    assert _kept(original[0], original[1], truth[10]) == [1.0] * len(faces)
    for still in blurred:
        kept = _kept(original[0], still, truth[10])
        assert len(kept) == len(faces) and max(kept) < KEPT, kept


def test_a_given_still_grabber_is_blurred_too_in_an_anonymised_export(
        library, face_video: tuple[Path, list[list[Rect]]], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The export path a window or the CLI uses: `export_summary(..., party_naming="initials",
    include_stills=True)`, here with a grabber handing out the face frame."""
    video, truth = face_video
    walked = fx.walked_review(library, tmp_path, long_text=False)
    grabbed = grab_still(video, AT_MS)
    original = _picture(grabbed)
    out = export_summary(library, walked.review.id, "docx", tmp_path / "s.docx",
                         party_naming="initials", include_stills=True,
                         grab_still=lambda _p, _ms, _r: grabbed)
    with zipfile.ZipFile(out) as archive:
        images = [archive.read(n) for n in archive.namelist() if n.endswith((".jpg", ".jpeg"))]
    pictures = [cv2.cvtColor(np.asarray(Image.open(io.BytesIO(d)).convert("RGB")),
                             cv2.COLOR_RGB2BGR) for d in images]
    stills = [p for p in pictures if p.shape == original.shape]  # not the pictograms
    assert stills  # (the two moments show the same frame: DOCX may keep it once)
    for picture in stills:
        kept = _kept(original, np.asarray(picture, np.uint8), truth[10])
        assert kept and max(kept) < KEPT, kept


def test_without_the_face_model_an_anonymised_summary_shows_no_still(
        library, face_video: tuple[Path, list[list[Rect]]], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Faces that cannot be looked for are not shown: the moment says its picture is missing."""
    video, _truth = face_video
    monkeypatch.setattr("vsr.clips.centerface.model_path", lambda: tmp_path / "gone.onnx")
    walked = fx.walked_review(library, tmp_path, long_text=False)
    doc = build_summary(library, walked.review.id, party_naming="initials")
    doc = replace(doc, recording_path=str(video), recording_rotation=0,
                  moments=tuple(replace(m, at_ms=AT_MS) for m in doc.moments))
    with_stills = add_stills(doc)
    assert [(m.still, m.still_missing) for m in with_stills.moments] == [(None, True)] * 2
