"""Face anonymisation for clip export: find faces with CenterFace, then blur or pixelate them.

Every face of 24 px or more must be covered in every frame, quickly. So the detector runs on
every few frames only (the keyframes) but at full resolution, where CenterFace still finds
faces of about 20 px; the frames in between get the faces of the keyframes around them
(moved along a line where a face was seen on both sides, held where it was seen on one side:
see face_tracks.py), and every box grows by a margin for hair, ears and movement. Export and
preview both run `process`, so the preview shows exactly what the export does."""

from __future__ import annotations

import functools
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Literal, Protocol

import cv2
import numpy as np
from numpy.typing import NDArray

from vsr.clips.centerface import Box, CenterFace
from vsr.clips.face_tracks import ManualBox, boxes_at, with_manual
from vsr.clips.frames import Picture, pictures_between
from vsr.clips.source import inspect_source

Mode = Literal["blur", "pixelate"]
__all__ = ["Box", "FaceAnonymizer", "FaceDetector", "ManualBox", "Mode", "detect_faces"]

DEFAULT_THRESHOLD = 0.3  # lower than a typical 0.5: missing a face is worse than an extra blur
# Small faces need full resolution: at 3/4 the network misses many 24-28 px faces, at 1/2 (the
# old 640 px) all under about 40 px. Full resolution costs five times a half-resolution pass,
# so it runs on every second keyframe only; faces that small are far away and move little.
COARSE_SCALE = 0.5
SMALL_FACE = 64  # px high: faces below this are held from the full-resolution keyframes
STEP = 8  # a keyframe every 8th frame (about 3 times a second at 25 fps)
FINE_EVERY = 2  # every second keyframe at full resolution
HOLD = 16  # a face seen on a keyframe is covered up to 16 frames before and after it


@functools.lru_cache(maxsize=1)
def _shared_detector() -> CenterFace:
    return CenterFace()


def detect_faces(frame_bgr: NDArray[np.uint8], threshold: float = DEFAULT_THRESHOLD) -> list[Box]:
    """Faces in a BGR picture (uses one shared network: call from one thread at a time)."""
    return _shared_detector().detect(frame_bgr, threshold)


class FaceDetector(Protocol):
    """Finds faces in a BGR picture (CenterFace; tests use a scripted stand-in)."""

    def detect(self, frame_bgr: NDArray[np.uint8], threshold: float) -> list[Box]: ...


class _ScaledDetector:
    """CenterFace on the picture scaled by `scale` (1.0 finds faces of about 20 px, 0.5 is
    five times cheaper and finds faces from about 40 px)."""

    def __init__(self, net: CenterFace, scale: float) -> None:
        self.net, self.scale = net, scale

    def detect(self, frame_bgr: NDArray[np.uint8], threshold: float) -> list[Box]:
        return self.net.detect(frame_bgr, threshold, scale=self.scale)


class FaceAnonymizer:
    """Makes faces unrecognisable in the frames of one clip.

    mode: "blur" (a strong blur whose strength grows with the face) or "pixelate" (coarse
    blocks). margin: how much each box grows on every side, as a share of its size. Faces are
    looked for on every `step`-th frame at half resolution and on every `step * fine_every`-th
    at full resolution (small faces are far away and move little); a face stays covered
    `hold` frames (a small one twice as long) before and after a keyframe it was seen on, so
    one missed keyframe leaves no gap. manual: boxes a trainer added or told to ignore.
    `detector` (tests) stands in for both passes."""

    def __init__(
        self,
        mode: Mode = "blur",
        *,
        margin: float = 0.4,
        step: int = STEP,
        fine_every: int = FINE_EVERY,
        hold: int = HOLD,
        threshold: float = DEFAULT_THRESHOLD,
        detector: FaceDetector | None = None,
        manual: Sequence[ManualBox] = (),
    ) -> None:
        if mode not in ("blur", "pixelate"):
            raise ValueError(f"unknown anonymisation mode {mode!r}")
        if step < 1 or fine_every < 1 or hold < step:
            raise ValueError("need step >= 1, fine_every >= 1 and hold >= step")
        self.mode: Mode = mode
        self.margin, self.step, self.hold, self.threshold = margin, step, hold, threshold
        self.fine_step, self.fine_hold = step * fine_every, hold * fine_every
        self.manual: list[ManualBox] = list(manual)
        self._detectors = (detector, detector) if detector is not None else None

    @property
    def detectors(self) -> tuple[FaceDetector, FaceDetector]:
        """(half resolution, full resolution) detectors, made on first use."""
        if self._detectors is None:
            net = CenterFace()  # its own network, so exports can run on a worker
            self._detectors = (_ScaledDetector(net, COARSE_SCALE), _ScaledDetector(net, 1.0))
        return self._detectors

    def reset(self) -> None:
        """Nothing carries over between clips (`process` keeps its state per call)."""

    def apply(self, frame_bgr: NDArray[np.uint8]) -> NDArray[np.uint8]:
        """A copy of one still picture with every face found in it covered."""
        return self.cover(frame_bgr, self.detectors[1].detect(frame_bgr, self.threshold), [])

    def process(self, pictures: Iterable[Picture]) -> Iterator[Picture]:
        """The pictures of one clip, in order, with faces covered. Holds back up to
        fine_hold + fine_step pictures: a frame's boxes depend on the keyframes after it."""
        pending: deque[Picture] = deque()
        keys = _Keyframes(self)
        for picture in pictures:
            keys.see(picture)
            pending.append(picture)
            while pending and keys.settled(pending[0].index):
                done = self._covered(pending.popleft(), keys)
                keys.forget(done.index + 1)
                yield done
        if pending:
            keys.see(pending[-1], last=True)  # the clip's end is looked at too
        while pending:
            yield self._covered(pending.popleft(), keys)

    def _covered(self, picture: Picture, keys: _Keyframes) -> Picture:
        height, width = picture.pixels.shape[:2]
        found = boxes_at(picture.index, keys.coarse, self.hold)
        found += boxes_at(picture.index, keys.fine, self.fine_hold)
        kept, drawn = with_manual(found, self.manual, picture.ms, width, height)
        picture.pixels = self.cover(picture.pixels, kept, drawn)
        return picture

    def cover(self, frame_bgr: NDArray[np.uint8], faces: Sequence[Box],
              drawn: Sequence[Box]) -> NDArray[np.uint8]:
        """A copy with `faces` (grown by the margin) and `drawn` boxes (as they are) covered."""
        out = frame_bgr.copy()
        height, width = out.shape[:2]
        bounds = [b.enlarged(self.margin, width, height) for b in faces]
        bounds += [b.enlarged(0.0, width, height) for b in drawn]
        for x1, y1, x2, y2 in merged(bounds):
            if x2 - x1 >= 2 and y2 - y1 >= 2:
                region = out[y1:y2, x1:x2]
                out[y1:y2, x1:x2] = _pixelate(region) if self.mode == "pixelate" else _blur(region)
        return out

    def preview(self, src: Path, ms: int, clip: tuple[int, int] | None = None
                ) -> tuple[NDArray[np.uint8], NDArray[np.uint8]]:
        """(original, anonymised) picture of `src` at `ms`, upright, made by `process` over
        the frames around it, so it is what the export of `clip` (start, end ms) shows."""
        first_ms, end_ms = clip if clip is not None else (0, inspect_source(src).duration_ms or ms + 1)
        fps = float(inspect_source(src).frame_rate or 25)
        reach = int((self.hold + self.step + 1) * 1000 / fps)
        pictures = pictures_between(Path(src), max(first_ms, ms - reach),
                                    min(end_ms, ms + reach), first_ms)
        if not pictures:
            raise ValueError(f"no picture at {ms} ms")
        chosen = min(pictures, key=lambda p: (abs(p.ms - ms), -p.ms))
        original = chosen.pixels.copy()
        covered = next(p for p in self.process(pictures) if p.index == chosen.index)
        return original, covered.pixels


class _Keyframes:
    """The detections of one clip so far: `coarse` has every face of every keyframe, `fine`
    the small faces of the full-resolution keyframes (held longer)."""

    def __init__(self, owner: FaceAnonymizer) -> None:
        self.owner = owner
        self.coarse: dict[int, list[Box]] = {}
        self.fine: dict[int, list[Box]] = {}
        self.last: int | None = None
        self.last_fine: int | None = None

    def see(self, picture: Picture, last: bool = False) -> None:
        owner, index = self.owner, picture.index
        if last and index in self.fine:
            return  # the last frame gets a full-resolution look, once
        fine = last or self.last_fine is None or index % owner.fine_step == 0 or (
            index - self.last_fine >= owner.fine_step)
        if not (fine or index % owner.step == 0 or index - (self.last or 0) >= owner.step):
            return
        coarse_detector, fine_detector = owner.detectors
        found = (fine_detector if fine else coarse_detector).detect(picture.pixels,
                                                                    owner.threshold)
        self.coarse[index], self.last = found, index
        if fine:
            self.fine[index] = [b for b in found if b.height < SMALL_FACE]
            self.last_fine = index

    def settled(self, index: int) -> bool:
        """Whether every keyframe that can cover frame `index` has been looked at."""
        return (self.last is not None and self.last_fine is not None
                and index + self.owner.hold <= self.last
                and index + self.owner.fine_hold <= self.last_fine)

    def forget(self, next_index: int) -> None:
        for keys, hold in ((self.coarse, self.owner.hold), (self.fine, self.owner.fine_hold)):
            for key in [k for k in keys if k < next_index - hold]:
                del keys[key]


def _blur(region: NDArray[np.uint8]) -> NDArray[np.uint8]:
    """Shrink to a few pixels, blur those widely and blow up again: the detail is gone (not
    just softened), and it stays smooth to look at. Strength scales with the face size. The
    blur works on the shrunk picture, where it costs a hundredth of a full-size one."""
    height, width = region.shape[:2]
    small = (max(1, width // 12), max(1, height // 12))
    tiny = cv2.resize(region, small, interpolation=cv2.INTER_AREA)
    kernel = max(3, (max(small) // 2) | 1)
    tiny = cv2.GaussianBlur(tiny, (kernel, kernel), 0, borderType=cv2.BORDER_REPLICATE)
    return np.asarray(cv2.resize(tiny, (width, height), interpolation=cv2.INTER_LINEAR),
                      dtype=np.uint8)


def merged(bounds: Sequence[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Overlapping boxes joined into their common bounding box, so one face held from several
    keyframes is covered once (and the path it moved along with it)."""
    result: list[tuple[int, int, int, int]] = []
    for box in sorted(bounds):
        for i, other in enumerate(result):
            if _overlap_share(box, other) > 0.3:
                result[i] = (min(box[0], other[0]), min(box[1], other[1]),
                             max(box[2], other[2]), max(box[3], other[3]))
                break
        else:
            result.append(box)
    return result


def _overlap_share(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    """Intersection over the smaller box's area."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return w * h / max(smaller, 1)


def _pixelate(region: NDArray[np.uint8], blocks: int = 5) -> NDArray[np.uint8]:
    """Coarse blocks: about `blocks` across the longer side of the face."""
    height, width = region.shape[:2]
    step = max(1, max(width, height) // blocks)
    small = (max(1, width // step), max(1, height // step))
    tiny = cv2.resize(region, small, interpolation=cv2.INTER_AREA)
    return np.asarray(
        cv2.resize(tiny, (width, height), interpolation=cv2.INTER_NEAREST), dtype=np.uint8
    )
