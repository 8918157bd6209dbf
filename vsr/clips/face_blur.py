"""How a face is made unrecognisable: a strong blur (or coarse blocks), and overlapping
boxes joined.

The blur shrinks the picture to one pixel per 12x12 cell, blurs those widely and blows them up
again: the detail is gone (not just softened), and it stays smooth to look at; strength grows
with the face. It is worked out on a grid fixed to the PICTURE, not to the box: a box that
moves or grows by a few pixels leaves the blurred pixels it already had as they were, so a
still face gives the encoder the same pixels every frame (a blur fixed to the box changed all
its pixels whenever the box did, which more than doubled the clip's size and encoding time)."""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np
from numpy.typing import NDArray

CELL = 12  # px of the picture per pixel of the shrunk picture
KERNELS = (3, 5, 9, 15, 25, 41, 67)  # blur widths in cells; a box takes the next one up


class BlurLayers:
    """The blurred picture of one frame, made on first use for each strength needed."""

    def __init__(self, frame_bgr: NDArray[np.uint8]) -> None:
        self.frame = frame_bgr
        self._tiny: NDArray[np.uint8] | None = None
        self._layers: dict[int, NDArray[np.uint8]] = {}

    def blurred(self, x1: int, y1: int, x2: int, y2: int) -> NDArray[np.uint8]:
        """The blurred pixels of the box (x1, y1)-(x2, y2), as strong as its size asks."""
        want = max(3, (max(x2 - x1, y2 - y1) // CELL // 2) | 1)
        kernel = next((k for k in KERNELS if k >= want), KERNELS[-1])
        layer = self._layer(kernel)
        rows, cols = layer.shape[:2]
        # One cell more on every side than the box needs, so the blow-up inside the box is
        # the same as that of the whole picture (no edge effects that move with the box).
        cx1, cy1 = max(0, x1 // CELL - 1), max(0, y1 // CELL - 1)
        cx2, cy2 = min(cols, -(-x2 // CELL) + 1), min(rows, -(-y2 // CELL) + 1)
        patch = cv2.resize(layer[cy1:cy2, cx1:cx2], ((cx2 - cx1) * CELL, (cy2 - cy1) * CELL),
                           interpolation=cv2.INTER_LINEAR)
        return np.asarray(patch[y1 - cy1 * CELL:y2 - cy1 * CELL,
                                x1 - cx1 * CELL:x2 - cx1 * CELL], np.uint8)

    def _layer(self, kernel: int) -> NDArray[np.uint8]:
        if kernel not in self._layers:
            if self._tiny is None:
                height, width = self.frame.shape[:2]
                size = (max(1, -(-width // CELL)), max(1, -(-height // CELL)))
                padded = _padded(self.frame, size[1] * CELL, size[0] * CELL)
                self._tiny = np.asarray(cv2.resize(padded, size, interpolation=cv2.INTER_AREA),
                                        np.uint8)
            self._layers[kernel] = np.asarray(cv2.GaussianBlur(
                self._tiny, (kernel, kernel), 0, borderType=cv2.BORDER_REPLICATE), np.uint8)
        return self._layers[kernel]


def _padded(picture: NDArray[np.uint8], height: int, width: int) -> NDArray[np.uint8]:
    """`picture` grown to `height` x `width` by repeating its last row and column (a picture's
    size is seldom a multiple of 12)."""
    rows, cols = picture.shape[:2]
    bottom, right = max(0, height - rows), max(0, width - cols)
    if not bottom and not right:
        return picture
    return np.asarray(cv2.copyMakeBorder(picture, 0, bottom, 0, right, cv2.BORDER_REPLICATE),
                      np.uint8)


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


def pixelated(region: NDArray[np.uint8], blocks: int = 5) -> NDArray[np.uint8]:
    """Coarse blocks: about `blocks` across the longer side of the face."""
    height, width = region.shape[:2]
    step = max(1, max(width, height) // blocks)
    small = (max(1, width // step), max(1, height // step))
    tiny = cv2.resize(region, small, interpolation=cv2.INTER_AREA)
    return np.asarray(
        cv2.resize(tiny, (width, height), interpolation=cv2.INTER_NEAREST), dtype=np.uint8
    )
