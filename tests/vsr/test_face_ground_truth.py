"""The face test video with ground truth: real faces (24-200 px, a group of seven, mirrored,
rotated, turned, grey, half out of the picture, moving) at known boxes. After an anonymised
export every known face box has lost its detail in EVERY frame, and an independent detector
(template matching against the face photo) finds no face in the export."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from numpy.typing import NDArray

from tests.vsr.clip_media import decoded_frames
from tests.vsr.face_video import FPS, SIZE, Rect, cast, face_variant, make_face_video
from vsr.clips import FaceAnonymizer, export_clip

FRAMES = 2 * FPS  # two seconds: enough keyframes and in-between frames to test the filling


@pytest.fixture(scope="module")
def face_video(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[list[Rect]]]:
    path = tmp_path_factory.mktemp("faces") / "faces720.mp4"
    return path, make_face_video(path, FRAMES)


@pytest.fixture(scope="module")
def exported(face_video: tuple[Path, list[list[Rect]]],
             tmp_path_factory: pytest.TempPathFactory) -> tuple[list[NDArray[np.uint8]],
                                                                list[NDArray[np.uint8]]]:
    src, _truth = face_video
    out = tmp_path_factory.mktemp("faces_out") / "clip.mp4"
    export_clip(src, 0, FRAMES * 1000 // FPS, out, anonymize=FaceAnonymizer("blur"))
    return decoded_frames(src), decoded_frames(out)


def _detail(picture: NDArray[np.uint8], rect: Rect) -> float:
    x1, y1, x2, y2 = rect
    grey = cv2.cvtColor(picture[y1:y2, x1:x2], cv2.COLOR_BGR2GRAY)
    return float(cv2.Laplacian(grey, cv2.CV_64F).var())


def test_every_known_face_box_loses_its_detail_in_every_frame(
        face_video: tuple[Path, list[list[Rect]]], exported: tuple[list[NDArray[np.uint8]],
                                                                   list[NDArray[np.uint8]]]
) -> None:
    _src, truth = face_video
    source, clip = exported
    assert len(clip) == len(source) == len(truth) == FRAMES
    left = []
    for index, (before, after, boxes) in enumerate(zip(source, clip, truth, strict=True)):
        for rect in boxes:
            if rect[3] - rect[1] < 24:
                continue
            kept = _detail(after, rect) / max(_detail(before, rect), 1e-6)
            if kept > 0.2:  # a blurred face keeps well under a tenth of its edges
                left.append((index, rect, round(kept, 2)))
    assert left == []


def _template_scores(picture: NDArray[np.uint8], index: int) -> list[float]:
    """How well each face of the cast, as it looks in frame `index`, matches anywhere in the
    picture (normalised cross-correlation of the fine detail, best place; 1.0 is a perfect
    copy). The detail is what makes a face recognisable: a blurred face keeps its light and
    dark patches, which plain correlation still matches at about 0.7."""
    grey = cv2.cvtColor(picture, cv2.COLOR_BGR2GRAY)
    scores = []
    for actor in cast():
        x1, y1, x2, y2 = actor.rect(index)
        if x1 < 0 or y1 < 0 or x2 > SIZE[0] or y2 > SIZE[1]:
            continue  # half out of the picture: the whole face cannot be matched
        face = cv2.cvtColor(face_variant(actor.kind, x2 - x1, y2 - y1), cv2.COLOR_BGR2GRAY)
        sigma = max(1.0, (y2 - y1) / 16)
        found = cv2.matchTemplate(_detail_only(grey, sigma), _detail_only(face, sigma),
                                  cv2.TM_CCOEFF_NORMED)
        scores.append(float(found.max()))
    return scores


def _detail_only(grey: NDArray[np.uint8], sigma: float) -> NDArray[np.float32]:
    smooth = grey.astype(np.float32)
    return np.asarray(smooth - cv2.GaussianBlur(smooth, (0, 0), sigma), np.float32)


def test_an_independent_detector_finds_no_face_left(
        exported: tuple[list[NDArray[np.uint8]], list[NDArray[np.uint8]]]) -> None:
    """OpenCV 5 has no Haar cascade and no YuNet model ships offline, so the independent
    detector is template matching against the face photo itself: it finds each face of the
    cast anywhere in the picture, whatever CenterFace thinks."""
    source, clip = exported
    sample = range(0, FRAMES, 7)  # keyframes and frames between them
    for index in sample:
        assert min(_template_scores(source[index], index)) > 0.8  # every face is findable
        left = [round(s, 2) for s in _template_scores(clip[index], index) if s > 0.5]
        assert left == [], f"frame {index}"
