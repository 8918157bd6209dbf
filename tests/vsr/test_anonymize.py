"""Face detection with the real CenterFace model, and anonymised clip export: a face that the
detector finds in the source is found in no frame of the export."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

from tests.vsr.clip_media import decoded_frames, face_picture, make_recording, read_index
from vsr.clips import Box, FaceAnonymizer, ManualBox, detect_faces, export_clip
from vsr.clips.centerface import non_max_suppression
from vsr.clips.faces import Mode
from vsr.clips.frames import Picture

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


class KeyedDetector:
    """Stands in for the network: the boxes it is given per frame number (looked up through
    the picture's content: each test frame carries its number in pixel [0, 0])."""

    def __init__(self, script: dict[int, list[Box]]) -> None:
        self.script, self.asked = script, []  # type: ignore[var-annotated]

    def detect(self, frame_bgr: NDArray[np.uint8], threshold: float) -> list[Box]:
        index = int(frame_bgr[0, 0, 0])
        self.asked.append(index)
        return self.script.get(index, [])


def _numbered(frames: int, size: tuple[int, int] = (120, 160)) -> list[Picture]:
    rng = np.random.default_rng(1)
    base = rng.integers(0, 255, (*size, 3), dtype=np.uint8)
    pictures = []
    for i in range(frames):
        pixels = base.copy()
        pixels[0, 0, 0] = i
        pictures.append(Picture(i, i * 40, pixels))
    return pictures


def _changed(pictures: list[Picture], originals: list[NDArray[np.uint8]],
             rect: tuple[int, int, int, int]) -> list[bool]:
    x1, y1, x2, y2 = rect
    return [not np.array_equal(p.pixels[y1:y2, x1:x2], o[y1:y2, x1:x2])
            for p, o in zip(pictures, originals, strict=True)]


def test_detects_on_keyframes_only_and_covers_the_frames_between() -> None:
    face = Box(40, 40, 80, 80, 0.9)
    detector = KeyedDetector({0: [face], 4: [face], 8: [face]})
    anonymizer = FaceAnonymizer("pixelate", step=4, fine_every=2, hold=8, margin=0.0,
                                detector=detector)
    pictures = _numbered(9)
    originals = [p.pixels.copy() for p in pictures]
    out = list(anonymizer.process(pictures))
    assert detector.asked == [0, 4, 8]  # the network ran on 3 of 9 frames
    assert _changed(out, originals, (40, 40, 80, 80)) == [True] * 9


def test_a_face_missed_on_a_keyframe_is_covered_from_the_keyframes_around_it() -> None:
    face = Box(40, 40, 80, 80, 0.9)
    detector = KeyedDetector({0: [face], 8: [face]})  # missed on keyframe 4
    anonymizer = FaceAnonymizer("pixelate", step=4, fine_every=1, hold=8, margin=0.0,
                                detector=detector)
    pictures = _numbered(32)
    originals = [p.pixels.copy() for p in pictures]
    covered = _changed(list(anonymizer.process(pictures)), originals, (40, 40, 80, 80))
    # Held after it was last seen (frame 8): twice `hold` (16 frames), as the optical flow
    # still follows the (unmoving) picture there; then gone: frames 25-31 are clear.
    assert covered == [True] * 25 + [False] * 7


def test_a_moving_face_is_covered_where_it_is_between_keyframes() -> None:
    detector = KeyedDetector({0: [Box(0, 40, 20, 60)], 8: [Box(30, 40, 50, 60)]})
    anonymizer = FaceAnonymizer("pixelate", step=8, fine_every=1, hold=8, margin=0.0,
                                detector=detector)
    pictures = _numbered(9)
    originals = [p.pixels.copy() for p in pictures]
    out = list(anonymizer.process(pictures))
    # Half way (frame 4) the face is at x 15-35: x 21-29 is covered only by following it
    # along the line between the keyframes, not by holding it where it was seen.
    assert _changed(out, originals, (21, 42, 29, 58))[4]


def test_hand_drawn_boxes_blur_and_ignore_on_their_range() -> None:
    face = Box(40, 40, 80, 80, 0.9)
    detector = KeyedDetector({i: [face] for i in range(10)})
    drawn = ManualBox(80, 200, 0.0, 0.0, 0.2, 0.2)  # frames 2-5 (40 ms a frame), top left
    ignored = ManualBox(240, 400, 0.2, 0.2, 0.6, 0.6, ignore=True)  # frames 6-10: "no face"
    anonymizer = FaceAnonymizer("pixelate", step=1, fine_every=1, hold=1, margin=0.0,
                                detector=detector, manual=[drawn, ignored])
    pictures = _numbered(10)
    originals = [p.pixels.copy() for p in pictures]
    out = list(anonymizer.process(pictures))
    assert _changed(out, originals, (2, 2, 30, 22)) == [False] * 2 + [True] * 4 + [False] * 4
    # The ignore box drops the detected face from frame 6 on; before that it is covered.
    assert _changed(out, originals, (40, 40, 80, 80)) == [True] * 6 + [False] * 4


def test_process_keeps_no_state_between_clips() -> None:
    detector = KeyedDetector({0: [Box(10, 10, 50, 50)]})
    anonymizer = FaceAnonymizer(detector=detector, step=1, hold=1)
    list(anonymizer.process(_numbered(1)))
    anonymizer.reset()
    second = _numbered(3)[1:]  # a clip whose frames the detector finds nothing in
    originals = [p.pixels.copy() for p in second]
    out = list(anonymizer.process(second))
    assert all(np.array_equal(p.pixels, o) for p, o in zip(out, originals, strict=True))


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


def test_an_anonymised_clip_keeps_the_colours_where_no_face_is(tmp_path: Path) -> None:
    """Every picture of an anonymised clip goes to BGR and back to 4:2:0: where no face is, it
    stays about as close to the source as a plain re-encode of the clip. A wrong colour matrix
    or range (full for limited) would cost many dB and shift the brightness by 8 levels or more;
    the two conversions' rounding darkens it by 1-2 levels."""
    source = make_recording(tmp_path / "geen gezicht.mp4", seconds=2, size=(480, 360))
    before = decoded_frames(source)[:25]

    def compared(out: Path) -> tuple[float, float]:
        """(lowest PSNR in dB, largest brightness shift in levels) against the source."""
        after = decoded_frames(out)
        assert len(after) == 25
        psnr, shift = [], []
        for a, b in zip(before, after, strict=True):
            error = np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2)
            psnr.append(10 * np.log10(255 ** 2 / max(error, 1e-9)))
            shift.append(abs(float(a.mean()) - float(b.mean())))
        return min(psnr), max(shift)

    export_clip(source, 0, 1000, tmp_path / "plain.mp4", smart=False)
    export_clip(source, 0, 1000, tmp_path / "anon.mp4", anonymize=FaceAnonymizer("blur"))
    plain_psnr, plain_shift = compared(tmp_path / "plain.mp4")
    psnr, shift = compared(tmp_path / "anon.mp4")
    assert psnr > plain_psnr - 1.5, (psnr, plain_psnr)
    assert shift < plain_shift + 2.5, (shift, plain_shift)
