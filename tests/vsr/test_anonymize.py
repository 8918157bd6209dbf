"""Face detection with the real CenterFace model, and anonymised clip export: a face that the
detector finds in the source is found in no frame of the export."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

from tests.vsr.clip_media import decoded_frames, face_picture, make_recording, read_index
from vsr.clips import Box, FaceAnonymizer, detect_faces, export_clip
from vsr.clips.centerface import non_max_suppression
from vsr.clips.faces import Mode

# Where the astronaut's face is in the 512x512 picture (checked by eye).
FACE = (150, 40, 290, 200)


def test_detects_the_face_in_a_real_photo() -> None:
    faces = detect_faces(face_picture())
    assert len(faces) == 1
    box = faces[0]
    assert box.score > 0.5
    cx, cy = (box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2
    assert FACE[0] < cx < FACE[2] and FACE[1] < cy < FACE[3]
    assert 60 < box.width < 200 and 80 < box.height < 220


def test_finds_no_face_in_pictures_without_one() -> None:
    rng = np.random.default_rng(3)
    assert detect_faces(np.full((360, 640, 3), 90, np.uint8)) == []
    assert detect_faces(rng.integers(0, 255, (360, 640, 3), dtype=np.uint8)) == []


@pytest.mark.parametrize("mode", ["blur", "pixelate"])
def test_anonymised_photo_has_no_detectable_face(mode: Mode) -> None:
    picture = face_picture()
    before = picture.copy()
    covered = FaceAnonymizer(mode).apply(picture)
    assert np.array_equal(picture, before)  # the input is left alone
    assert detect_faces(covered, threshold=0.2) == []
    # Only around the face changed: the lower corners are untouched.
    assert np.array_equal(covered[400:, :100], picture[400:, :100])
    assert np.array_equal(covered[400:, 412:], picture[400:, 412:])
    changed = np.argwhere(np.any(covered != picture, axis=2))
    (top, left), (bottom, right) = changed.min(axis=0), changed.max(axis=0)
    assert left < FACE[0] and right > FACE[2] and top < FACE[1] and bottom > FACE[3] - 20


class ScriptedDetector:
    """Stands in for the network: returns the boxes it is given, frame by frame."""

    def __init__(self, script: list[list[Box]]) -> None:
        self.script = script

    def detect(self, frame_bgr: NDArray[np.uint8], threshold: float) -> list[Box]:
        return self.script.pop(0) if self.script else []


def test_a_face_stays_covered_for_a_few_missed_frames() -> None:
    face = Box(40, 40, 80, 80, 0.9)
    script: list[list[Box]] = [[face], [], [], [], []]
    anonymizer = FaceAnonymizer(
        "pixelate",
        hold_frames=2,
        margin=0.0,
        detector=ScriptedDetector(script),
    )
    frame = np.random.default_rng(1).integers(0, 255, (120, 160, 3), dtype=np.uint8)
    covered = [
        not np.array_equal(anonymizer.apply(frame)[40:80, 40:80], frame[40:80, 40:80])
        for _ in range(5)
    ]
    assert covered == [True, True, True, False, False]


def test_reset_forgets_held_faces() -> None:
    script: list[list[Box]] = [[Box(10, 10, 50, 50)], []]
    anonymizer = FaceAnonymizer(detector=ScriptedDetector(script))
    frame = np.random.default_rng(2).integers(0, 255, (100, 100, 3), dtype=np.uint8)
    anonymizer.apply(frame)
    anonymizer.reset()
    assert np.array_equal(anonymizer.apply(frame), frame)


def test_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError):
        FaceAnonymizer("smudge")  # type: ignore[arg-type]


def test_non_max_suppression_keeps_the_best_of_overlapping_boxes() -> None:
    boxes = np.array([[0, 0, 10, 10], [1, 1, 11, 11], [50, 50, 60, 60]], dtype=np.float64)
    scores = np.array([0.6, 0.9, 0.5])
    assert non_max_suppression(boxes, scores, 0.3) == [1, 2]


@pytest.fixture(scope="module")
def face_recording(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("face")
    return make_recording(folder / "face.mp4", seconds=2, size=(480, 360), face=True)


def test_preview_shows_original_and_anonymised(face_recording: Path) -> None:
    original, covered = FaceAnonymizer("blur").preview(face_recording, 1000)
    assert original.shape == covered.shape == (360, 480, 3)
    assert read_index(original) == 25
    assert detect_faces(original) and not detect_faces(covered)


@pytest.mark.parametrize("mode", ["blur", "pixelate"])
def test_anonymised_export_has_no_face_where_the_source_had_one(
    face_recording: Path, tmp_path: Path, mode: Mode
) -> None:
    source = decoded_frames(face_recording)[10:36]
    assert all(detect_faces(frame) for frame in source)
    out = tmp_path / "clip.mp4"
    result = export_clip(face_recording, 400, 1440, out, anonymize=FaceAnonymizer(mode))
    assert result.mode == "reencode" and result.has_audio
    clip = decoded_frames(out)
    assert [read_index(frame) for frame in clip] == list(range(10, 36))
    # A stricter threshold than the anonymiser itself uses (0.3), for a safety margin.
    assert [detect_faces(frame, threshold=0.25) for frame in clip] == [[] for _ in clip]
