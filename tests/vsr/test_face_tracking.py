"""The parts of the anonymiser that do not depend on the face network: the cut and fast-change
measure, optical flow on a box (also at 40 px a frame), following a newly found face back
through the held frames, looking again right at a cut, and covers that grow along the motion
and with doubt. A scripted detector stands in for the network."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from vsr.clips import Box, FaceAnonymizer
from vsr.clips.face_motion import Change, change_between, follow, look_at
from vsr.clips.face_tracks import Track
from vsr.clips.frames import Picture

SIZE = (240, 480)  # height, width


def _room(seed: int) -> NDArray[np.uint8]:
    """A flat, slightly noisy picture (so flow has nothing to hold on to outside the face)."""
    rng = np.random.default_rng(seed)
    grey = np.clip(rng.normal(100 + 30 * seed, 2, SIZE), 0, 255)
    return np.repeat(grey[:, :, None], 3, axis=2).astype(np.uint8)


_PATTERN = np.random.default_rng(9).integers(0, 255, (40, 40, 3), dtype=np.uint8)


def _with_face(picture: NDArray[np.uint8], x: int, y: int = 100) -> NDArray[np.uint8]:
    """A 40 px textured square (the "face") with its top left at (x, y)."""
    out = picture.copy()
    out[y:y + 40, x:x + 40] = _PATTERN
    return out


def test_a_cut_and_a_fast_change_are_told_from_a_small_motion() -> None:
    a = look_at(_with_face(_room(0), 100))
    assert change_between(a, a) == Change(cut=False, fast=False)
    assert change_between(a, look_at(_with_face(_room(0), 130))) == Change(cut=False, fast=False)
    other_shot = look_at(_with_face(_room(3), 300))
    assert change_between(a, other_shot).cut
    half_changed = _room(0)
    half_changed[:, :240] = 230  # a light went on over half the room
    assert change_between(a, look_at(half_changed)).fast


def test_the_flow_follows_a_face_moving_40_px_a_frame() -> None:
    room = _room(0)
    box = Box(100, 100, 140, 140)
    before, after = look_at(_with_face(room, 100)), look_at(_with_face(room, 140))
    followed = follow(before, after, box, (36.0, 0.0))  # the velocity it had
    assert followed.sure
    assert abs(followed.box.x1 - 140) < 2 and abs(followed.box.y1 - 100) < 2
    assert abs(followed.velocity[0] - 40) < 2
    lost = follow(before, look_at(room), box, (36.0, 0.0))  # the face is gone
    assert not lost.sure and lost.box.x1 == 136  # moved on with its velocity


def test_a_cover_grows_along_the_motion_and_with_doubt() -> None:
    face = Box(100, 100, 140, 140)
    moving = Track(face, (20.0, 0.0), seen=10, seen_box=face, small=True)
    cover = moving.cover(10)
    assert cover.x2 - face.x2 >= 20 * 1.5 and face.x1 - cover.x1 >= 20
    still = Track(face, (0.0, 0.0), seen=10, seen_box=face, small=True)
    assert still.cover(10).x2 - still.cover(10).x1 >= 40
    later = still.cover(20)
    assert later.x1 < still.cover(10).x1 and later.y2 > still.cover(10).y2
    narrow = Track(Box(100, 100, 120, 140), (0.0, 0.0), 10, face, small=True).cover(10)
    assert narrow.x2 - narrow.x1 >= 0.9 * 40  # a profile is covered head-shaped


class ScriptedDetector:
    """Finds the boxes it is given for a frame number (kept in pixel [0, 0]); records when it
    was asked."""

    def __init__(self, script: dict[int, list[Box]]) -> None:
        self.script, self.asked = script, []  # type: ignore[var-annotated]

    def detect(self, frame_bgr: NDArray[np.uint8], threshold: float) -> list[Box]:
        index = int(frame_bgr[0, 0, 0])
        self.asked.append(index)
        return self.script.get(index, [])


def _clip(xs: list[int], rooms: list[int]) -> list[Picture]:
    pictures = []
    for i, (x, room) in enumerate(zip(xs, rooms, strict=True)):
        pixels = _with_face(_room(room), x)
        pixels[0, 0] = i
        pictures.append(Picture(i, i * 40, pixels, i))
    return pictures


def _covered(out: list[Picture], originals: list[NDArray[np.uint8]], xs: list[int]
             ) -> list[bool]:
    """Whether the middle of the face changed in each frame (it was covered)."""
    return [not np.array_equal(p.pixels[110:130, x + 10:x + 30], o[110:130, x + 10:x + 30])
            for p, o, x in zip(out, originals, xs, strict=True)]


def test_a_face_found_late_is_covered_back_along_its_way() -> None:
    """Seen by the detector only at frame 8, after walking 12 px a frame from x=20: the
    frames before are covered where the face WAS, not where it was found."""
    xs = [20 + 12 * i for i in range(12)]
    detector = ScriptedDetector({8: [Box(xs[8], 100, xs[8] + 40, 140)]})
    anonymizer = FaceAnonymizer("pixelate", step=8, fine_every=1, hold=16, margin=0.0,
                                detector=detector)
    pictures = _clip(xs, [0] * 12)
    originals = [p.pixels.copy() for p in pictures]
    out = list(anonymizer.process(pictures))
    assert _covered(out, originals, xs) == [True] * 12


def test_after_a_cut_it_looks_again_at_once_and_covers_the_new_face() -> None:
    xs = [60] * 6 + [300] * 6
    detector = ScriptedDetector({0: [Box(60, 100, 100, 140)], 6: [Box(300, 100, 340, 140)]})
    anonymizer = FaceAnonymizer("pixelate", step=8, fine_every=1, hold=16, margin=0.0,
                                detector=detector)
    pictures = _clip(xs, [0] * 6 + [3] * 6)
    originals = [p.pixels.copy() for p in pictures]
    out = list(anonymizer.process(pictures))
    assert 6 in detector.asked  # the cut, not a keyframe
    assert _covered(out, originals, xs) == [True] * 12
    # Nothing of the new face was covered before the cut (the old shot is another place).
    assert all(np.array_equal(p.pixels[110:130, 310:330], o[110:130, 310:330])
               for p, o in zip(out[:6], originals[:6], strict=True))


class CropDetector(ScriptedDetector):
    """Also answers crops: the scripted boxes of that frame that lie inside the crop."""

    def __init__(self, script: dict[int, list[Box]]) -> None:
        super().__init__(script)
        self.crops: list[tuple[int, tuple[int, int, int, int]]] = []

    def detect_crop(self, frame_bgr: NDArray[np.uint8], rect: tuple[int, int, int, int],
                    threshold: float) -> list[Box]:
        index = int(frame_bgr[0, 0, 0])
        self.crops.append((index, rect))
        x1, y1, x2, y2 = rect
        return [b for b in self.script.get(index, [])
                if x1 <= b.x1 and y1 <= b.y1 and b.x2 <= x2 and b.y2 <= y2]


def test_a_face_there_only_between_two_looks_is_found_on_what_changed() -> None:
    """The face looks in at frames 2-5 only, between the regular looks at 0 and 8: the look
    at what changed outside the covers finds it, and every frame of it is covered."""
    there = range(2, 6)
    detector = CropDetector({i: [Box(200, 100, 240, 140)] for i in there})
    anonymizer = FaceAnonymizer("pixelate", step=8, fine_every=1, hold=16, margin=0.0,
                                detector=detector)
    pictures = [Picture(i, i * 40, _with_face(_room(0), 200) if i in there else _room(0), i)
                for i in range(12)]
    for p in pictures:
        p.pixels[0, 0] = p.index
    originals = [p.pixels.copy() for p in pictures]
    out = list(anonymizer.process(pictures))
    assert not set(detector.asked) & set(there)  # the regular looks did not see it
    assert [i for i in there if not np.array_equal(out[i].pixels[110:130, 210:230],
                                                   originals[i][110:130, 210:230])
            ] == list(there)


def test_something_moving_on_the_spot_is_looked_at_once_between_two_looks() -> None:
    """A hand waving in place (no face) changes the picture every frame: between two regular
    looks its place is looked at once, not every second frame (each look costs the network)."""
    xs = [200 + (0, 6, 12, 6)[i % 4] for i in range(16)]
    detector = CropDetector({})
    anonymizer = FaceAnonymizer("pixelate", step=8, fine_every=1, hold=16, margin=0.0,
                                detector=detector)
    list(anonymizer.process(_clip(xs, [0] * 16)))
    assert detector.asked == [0, 8, 15]  # the regular looks, and the clip's last frame
    assert [index for index, _rect in detector.crops] == [2, 10]
