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
# Full resolution: at 3/4 the network misses many 24-28 px faces, at 1/2 (the old 640 px) all
# faces under about 40 px.
DETECT_SCALE = 1.0
STEP = 8  # detect on every 8th frame (about 3 times a second at 25 fps)
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


class _SmallFaceDetector:
    """CenterFace at DETECT_SCALE of the picture's own size, so small faces are found."""

    scale = DETECT_SCALE

    def __init__(self) -> None:
        self.net = CenterFace()  # its own network, so exports can run on a worker

    def detect(self, frame_bgr: NDArray[np.uint8], threshold: float) -> list[Box]:
        return self.net.detect(frame_bgr, threshold, scale=self.scale)


class FaceAnonymizer:
    """Makes faces unrecognisable in the frames of one clip.

    mode: "blur" (a strong blur whose strength grows with the face) or "pixelate" (coarse
    blocks). margin: how much each box grows on every side, as a share of its size. step:
    detect on every step-th frame; hold: a face stays covered this many frames before and
    after a keyframe it was seen on (at least step, so a face missed on one keyframe is
    still covered). manual: boxes a trainer added or told to ignore."""

    def __init__(
        self,
        mode: Mode = "blur",
        *,
        margin: float = 0.4,
        step: int = STEP,
        hold: int = HOLD,
        threshold: float = DEFAULT_THRESHOLD,
        detector: FaceDetector | None = None,
        manual: Sequence[ManualBox] = (),
    ) -> None:
        if mode not in ("blur", "pixelate"):
            raise ValueError(f"unknown anonymisation mode {mode!r}")
        if step < 1 or hold < step:
            raise ValueError("need step >= 1 and hold >= step")
        self.mode: Mode = mode
        self.margin, self.step, self.hold, self.threshold = margin, step, hold, threshold
        self.manual: list[ManualBox] = list(manual)
        self._detector = detector

    @property
    def detector(self) -> FaceDetector:
        if self._detector is None:
            self._detector = _SmallFaceDetector()
        return self._detector

    def reset(self) -> None:
        """Nothing carries over between clips (`process` keeps its state per call)."""

    def apply(self, frame_bgr: NDArray[np.uint8]) -> NDArray[np.uint8]:
        """A copy of one still picture with every face found in it covered."""
        return self.cover(frame_bgr, self.detector.detect(frame_bgr, self.threshold), [])

    def process(self, pictures: Iterable[Picture]) -> Iterator[Picture]:
        """The pictures of one clip, in order, with faces covered. Holds back up to
        hold + step pictures, because a frame's boxes depend on the keyframes after it."""
        pending: deque[Picture] = deque()
        keyframes: dict[int, list[Box]] = {}
        last_key: int | None = None
        for picture in pictures:
            if last_key is None or picture.index % self.step == 0 or (
                    picture.index - last_key >= self.step):
                keyframes[picture.index] = self.detector.detect(picture.pixels, self.threshold)
                last_key = picture.index
            pending.append(picture)
            while pending and pending[0].index + self.hold <= last_key:
                done = self._covered(pending.popleft(), keyframes)
                _forget(keyframes, done.index + 1 - self.hold)
                yield done
        if pending and pending[-1].index not in keyframes:  # the clip's end is seen too
            keyframes[pending[-1].index] = self.detector.detect(pending[-1].pixels,
                                                                self.threshold)
        while pending:
            yield self._covered(pending.popleft(), keyframes)

    def _covered(self, picture: Picture, keyframes: dict[int, list[Box]]) -> Picture:
        height, width = picture.pixels.shape[:2]
        found = boxes_at(picture.index, keyframes, self.hold)
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
        for x1, y1, x2, y2 in bounds:
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


def _forget(keyframes: dict[int, list[Box]], before: int) -> None:
    for key in [k for k in keyframes if k < before]:
        del keyframes[key]


def _blur(region: NDArray[np.uint8]) -> NDArray[np.uint8]:
    """Shrink to a few pixels and blow up again with a wide Gaussian: the detail is gone (not
    just softened), and it stays smooth to look at. Strength scales with the face size."""
    height, width = region.shape[:2]
    small = (max(1, width // 12), max(1, height // 12))
    tiny = cv2.resize(region, small, interpolation=cv2.INTER_AREA)
    grown = cv2.resize(tiny, (width, height), interpolation=cv2.INTER_LINEAR)
    kernel = max(3, (max(width, height) // 2) | 1)
    return np.asarray(cv2.GaussianBlur(grown, (kernel, kernel), 0), dtype=np.uint8)


def _pixelate(region: NDArray[np.uint8], blocks: int = 5) -> NDArray[np.uint8]:
    """Coarse blocks: about `blocks` across the longer side of the face."""
    height, width = region.shape[:2]
    step = max(1, max(width, height) // blocks)
    small = (max(1, width // step), max(1, height // step))
    tiny = cv2.resize(region, small, interpolation=cv2.INTER_AREA)
    return np.asarray(
        cv2.resize(tiny, (width, height), interpolation=cv2.INTER_NEAREST), dtype=np.uint8
    )
