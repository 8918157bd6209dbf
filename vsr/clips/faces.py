"""Face anonymisation for clip export: find faces with CenterFace, then blur or pixelate them.

Detection misses a face now and then (a turned head, motion blur); a face that shows through
for one frame is still a recognisable face, so each box is held for a few frames after it was
last seen, and boxes are enlarged to cover hair, ears and movement between frames."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

import cv2
import numpy as np
from numpy.typing import NDArray

from vsr.clips.centerface import Box, CenterFace
from vsr.clips.frames import frame_at

Mode = Literal["blur", "pixelate"]
__all__ = ["Box", "FaceAnonymizer", "FaceDetector", "Mode", "detect_faces"]

DEFAULT_THRESHOLD = 0.3  # lower than a typical 0.5: missing a face is worse than an extra blur


@functools.lru_cache(maxsize=1)
def _shared_detector() -> CenterFace:
    return CenterFace()


def detect_faces(frame_bgr: NDArray[np.uint8], threshold: float = DEFAULT_THRESHOLD) -> list[Box]:
    """Faces in a BGR picture (uses one shared network: call from one thread at a time)."""
    return _shared_detector().detect(frame_bgr, threshold)


class FaceDetector(Protocol):
    """Finds faces in a BGR picture (CenterFace; tests use a scripted stand-in)."""

    def detect(self, frame_bgr: NDArray[np.uint8], threshold: float) -> list[Box]: ...


@dataclass(slots=True)
class _Track:
    box: Box
    missed: int = 0  # frames since the detector last saw this face


class FaceAnonymizer:
    """Makes faces unrecognisable, frame after frame of one clip.

    mode: "blur" (a strong blur whose strength grows with the face) or "pixelate" (coarse
    blocks). margin: how much each box grows on every side, as a share of its size.
    hold_frames: how long a face that is no longer detected stays covered."""

    def __init__(
        self,
        mode: Mode = "blur",
        *,
        margin: float = 0.4,
        hold_frames: int = 8,
        threshold: float = DEFAULT_THRESHOLD,
        detector: FaceDetector | None = None,
    ) -> None:
        if mode not in ("blur", "pixelate"):
            raise ValueError(f"unknown anonymisation mode {mode!r}")
        self.mode: Mode = mode
        self.margin, self.hold_frames, self.threshold = margin, hold_frames, threshold
        self._detector = detector
        self._tracks: list[_Track] = []

    @property
    def detector(self) -> FaceDetector:
        if self._detector is None:
            self._detector = CenterFace()  # its own network, so exports can run on a worker
        return self._detector

    def reset(self) -> None:
        """Forget held faces; call between clips."""
        self._tracks = []

    def apply(self, frame_bgr: NDArray[np.uint8]) -> NDArray[np.uint8]:
        """A copy of the frame with every detected (or recently detected) face covered."""
        found = self.detector.detect(frame_bgr, self.threshold)
        self._tracks = _follow(self._tracks, found, self.hold_frames)
        out = frame_bgr.copy()
        height, width = out.shape[:2]
        for track in self._tracks:
            x1, y1, x2, y2 = track.box.enlarged(self.margin, width, height)
            if x2 - x1 >= 2 and y2 - y1 >= 2:
                region = out[y1:y2, x1:x2]
                out[y1:y2, x1:x2] = _pixelate(region) if self.mode == "pixelate" else _blur(region)
        return out

    def preview(self, src: Path, ms: int) -> tuple[NDArray[np.uint8], NDArray[np.uint8]]:
        """(original, anonymised) picture of `src` at `ms`, upright, for the export preview."""
        original = frame_at(Path(src), ms)
        saved = self._tracks
        self._tracks = []
        try:
            return original, self.apply(original)
        finally:
            self._tracks = saved


def _follow(tracks: list[_Track], found: list[Box], hold: int) -> list[_Track]:
    """New detections replace the held boxes they overlap; unmatched held boxes age and are
    dropped after `hold` frames."""
    result = [_Track(box) for box in found]
    for track in tracks:
        if any(track.box.overlap(box) > 0.1 or _centre_inside(track.box, box) for box in found):
            continue
        if track.missed < hold:
            result.append(_Track(track.box, track.missed + 1))
    return result


def _centre_inside(held: Box, box: Box) -> bool:
    cx, cy = (box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2
    return held.x1 <= cx <= held.x2 and held.y1 <= cy <= held.y2


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
