"""Face anonymisation for clip export: find faces with CenterFace, follow them, and blur or
pixelate them.

Every face of 24 px or more must be covered in every frame, also when it moves fast, turns
away, hides half behind something, enters at the edge or appears after a scene cut, and
quickly. The detector looks now and then (see face_scan.py for when); in between, faces are
followed with optical flow and their velocity (face_tracks.py), a newly found face is also
followed back over the frames held before it, and every box grows with the motion and with
the time since the face was last confirmed. Export and preview both run `process`, so the
preview shows exactly what the export does."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from vsr.clips.centerface import Box, CenterFace
from vsr.clips.face_blur import BlurLayers, merged, pixelated
from vsr.clips.face_scan import ClipScan, FaceDetector, Passes, ScanFrame
from vsr.clips.face_tracks import HEAD_SHAPE, ManualBox, with_manual
from vsr.clips.frames import Picture, pictures_between
from vsr.clips.source import inspect_source

Mode = Literal["blur", "pixelate"]
__all__ = ["Box", "FaceAnonymizer", "FaceDetector", "ManualBox", "Mode", "detect_faces"]

DEFAULT_THRESHOLD = 0.3  # lower than a typical 0.5: missing a face is worse than an extra blur
STILL_THRESHOLD = 0.2  # a single still has no frames around it to make up for a miss
STEP = 8  # a reduced-size look every 8th frame (about 3 times a second at 25 fps)
FINE_EVERY = 4  # every fourth one at full size (faces under about 40 px need it)
GRID = 8  # px: blurred areas snap to this grid
HOLD = 16  # a face nobody confirms stays covered 16 frames (32 while the flow follows it)


@functools.lru_cache(maxsize=1)
def _shared_detector() -> CenterFace:
    return CenterFace()


def detect_faces(frame_bgr: NDArray[np.uint8], threshold: float = DEFAULT_THRESHOLD) -> list[Box]:
    """Faces in a BGR picture (uses one shared network: call from one thread at a time)."""
    return _shared_detector().detect(frame_bgr, threshold)


class FaceAnonymizer:
    """Makes faces unrecognisable in the frames of one clip.

    mode: "blur" (a strong blur whose strength grows with the face) or "pixelate" (coarse
    blocks). margin: how much each box grows on every side, as a share of its size. The
    detector looks at every `step`-th frame at reduced size and every `step * fine_every`-th
    at full size, and more often where the picture cuts or changes fast (face_scan.py); a
    face nobody confirms stays covered `hold` frames (a small one twice as long, and both
    twice that while the flow still follows it). manual: boxes a trainer added or told to
    ignore. `detector` (tests) stands in for the network."""

    def __init__(
        self,
        mode: Mode = "blur",
        *,
        margin: float = 0.5,
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
        self._detector = detector
        self._passes: Passes | None = None

    @property
    def passes(self) -> Passes:
        """The detector's looks, made on first use (the network loads then)."""
        if self._passes is None:
            self._passes = Passes(self._detector)
        return self._passes

    def reset(self) -> None:
        """Nothing carries over between clips (`process` keeps its state per call)."""

    def apply(self, frame_bgr: NDArray[np.uint8]) -> NDArray[np.uint8]:
        """A copy of one still picture with every face found in it covered: looked for at
        full and reduced size with a lower threshold (a still has no frames around it),
        covered head-shaped."""
        height, width = frame_bgr.shape[:2]
        threshold = min(self.threshold, STILL_THRESHOLD)
        found = self.passes.whole(frame_bgr, threshold, fine=True)
        found += self.passes.whole(frame_bgr, threshold, fine=False)
        return self.cover(frame_bgr, [_head_shaped(b) for b in found], [])

    def process(self, pictures: Iterable[Picture]) -> Iterator[Picture]:
        """The pictures of one clip, in order, with faces covered. Holds back up to
        step * (fine_every + 1) pictures: a newly found face is covered in those too."""
        scan = ClipScan(self, self.passes)
        for picture in pictures:
            for frame in scan.add(picture):
                yield self._covered(frame)
        for frame in scan.finish():
            yield self._covered(frame)

    def _covered(self, frame: ScanFrame) -> Picture:
        picture = frame.picture
        height, width = picture.pixels.shape[:2]
        kept, drawn = with_manual(frame.boxes, self.manual, picture.ms, width, height)
        picture.pixels = self.cover(picture.pixels, kept, drawn)
        return picture

    def cover(self, frame_bgr: NDArray[np.uint8], faces: Sequence[Box],
              drawn: Sequence[Box]) -> NDArray[np.uint8]:
        """A copy with `faces` (grown by the margin) and `drawn` boxes (as they are) covered."""
        out = frame_bgr.copy()
        height, width = out.shape[:2]
        bounds = [_on_grid(b.enlarged(self.margin, width, height), width, height)
                  for b in faces]
        bounds += [b.enlarged(0.0, width, height) for b in drawn]
        layers = BlurLayers(frame_bgr)
        for x1, y1, x2, y2 in merged(bounds):
            if x2 - x1 >= 2 and y2 - y1 >= 2:
                out[y1:y2, x1:x2] = (pixelated(out[y1:y2, x1:x2]) if self.mode == "pixelate"
                                     else layers.blurred(x1, y1, x2, y2))
        return out

    def preview(self, src: Path, ms: int, clip: tuple[int, int] | None = None
                ) -> tuple[NDArray[np.uint8], NDArray[np.uint8]]:
        """(original, anonymised) picture of `src` at `ms`, upright, made by `process` over
        the frames around it, so it is what the export of `clip` (start, end ms) shows."""
        first_ms, end_ms = clip if clip is not None else (0, inspect_source(src).duration_ms or ms + 1)
        fps = float(inspect_source(src).frame_rate or 25)
        reach = int((self.fine_step + self.step + 1) * 1000 / fps)
        pictures = pictures_between(Path(src), max(first_ms, ms - reach),
                                    min(end_ms, ms + reach), first_ms)
        if not pictures:
            raise ValueError(f"no picture at {ms} ms")
        chosen = min(pictures, key=lambda p: (abs(p.ms - ms), -p.ms))
        original = chosen.pixels.copy()
        covered = next(p for p in self.process(pictures) if p.index == chosen.index)
        return original, covered.pixels


def _on_grid(bounds: tuple[int, int, int, int], width: int, height: int
             ) -> tuple[int, int, int, int]:
    """The bounds grown out to an 8 px grid: a face that moves a pixel keeps the same blurred
    area, so the encoder need not redo its edge every frame."""
    x1, y1, x2, y2 = bounds
    return (x1 - x1 % GRID, y1 - y1 % GRID, min(width, x2 + -x2 % GRID),
            min(height, y2 + -y2 % GRID))


def _head_shaped(box: Box) -> Box:
    """At least as wide as a head for its height (a profile's box is narrow)."""
    half = max(box.width, HEAD_SHAPE * box.height) / 2
    cx = (box.x1 + box.x2) / 2
    return Box(cx - half, box.y1, cx + half, box.y2, box.score)
