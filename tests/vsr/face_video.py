"""A 720p test video with real faces at known boxes (the ground truth for the anonymisation
tests and the benchmark): one large face walking, a group of seven (mirrored, rotated, grey,
turned), small faces at the back (24-32 px) and a face half out of the picture.

The faces are the astronaut photo in tests/vsr/data (the only real face photo that ships
offline here; scikit-image's other data has no faces), varied by flipping, rotating, squeezing
(a head turned away) and colour, so the detector sees more than one appearance."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np
from numpy.typing import NDArray

from tests.vsr.clip_media import face_picture

SIZE = (1280, 720)
FPS = 25
Rect = tuple[int, int, int, int]  # x1, y1, x2, y2 in pixels


@functools.lru_cache(maxsize=1)
def _face() -> NDArray[np.uint8]:
    """The astronaut's face, from brow to chin and ear to ear (no helmet or flag)."""
    return face_picture()[62:190, 160:280].copy()


def face_variant(kind: str, width: int, height: int) -> NDArray[np.uint8]:
    face = _face()
    if kind == "mirror":
        face = face[:, ::-1]
    elif kind == "grey":
        face = cv2.cvtColor(cv2.cvtColor(face, cv2.COLOR_BGR2GRAY), cv2.COLOR_GRAY2BGR)
    elif kind.startswith("rot"):
        angle = float(kind[3:])
        h, w = face.shape[:2]
        turn = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        face = cv2.warpAffine(face, turn, (w, h), borderMode=cv2.BORDER_REFLECT)
    elif kind == "turned":  # a head turned part-way: squeezed, and darker on one side
        h, w = face.shape[:2]
        face = cv2.resize(face, (int(w * 0.65), h))
        shade = np.linspace(0.55, 1.0, face.shape[1])[None, :, None]
        face = (face * shade).astype(np.uint8)
    return np.asarray(cv2.resize(np.ascontiguousarray(face), (width, height),
                                 interpolation=cv2.INTER_AREA), np.uint8)


@dataclass(frozen=True)
class Actor:
    """One face: its kind, height in px and where its top-left corner is at frame i."""

    kind: str
    height: int
    place: Callable[[int], tuple[int, int]]

    def rect(self, index: int) -> Rect:
        x, y = self.place(index)
        width = self.height * 15 // 16 if self.kind != "turned" else self.height * 5 // 8
        return x, y, x + width, y + self.height


def cast() -> list[Actor]:
    def bob(x: int, y: int, phase: float) -> Callable[[int], tuple[int, int]]:
        return lambda i: (x + int(5 * math.sin(i / 6 + phase)), y + int(4 * math.cos(i / 7 + phase)))

    group_kinds = ["plain", "mirror", "plain", "rot15", "grey", "turned", "rot-20"]
    actors = [Actor("plain", 200, lambda i: (60 + 4 * i, 470))]
    actors += [Actor(kind, 92, bob(330 + 125 * n, 250, n)) for n, kind in enumerate(group_kinds)]
    actors += [
        Actor("plain", 24, lambda i: (420 + i, 70)),
        Actor("mirror", 28, lambda i: (700 - i, 90)),
        Actor("rot10", 32, bob(980, 60, 0.5)),
        Actor("plain", 40, bob(180, 110, 1.0)),
        Actor("plain", 130, lambda i: (1200, 480 + i)),  # half out at the right edge
    ]
    return actors


@functools.lru_cache(maxsize=1)
def _background() -> NDArray[np.uint8]:
    width, height = SIZE
    ramp = np.linspace(60, 170, width, dtype=np.float32)[None, :]
    rows = np.linspace(0.8, 1.1, height, dtype=np.float32)[:, None]
    grey = ramp * rows + np.random.default_rng(7).normal(0, 6, (height, width))
    picture = np.clip(np.stack([grey * 0.9, grey, grey * 1.05], axis=2), 0, 255)
    return picture.astype(np.uint8)


def frame(index: int, actors: list[Actor]) -> tuple[NDArray[np.uint8], list[Rect]]:
    """Picture `index` and the boxes of the faces in it (clipped to the picture)."""
    picture = _background().copy()
    width, height = SIZE
    truth: list[Rect] = []
    for actor in actors:
        x1, y1, x2, y2 = actor.rect(index)
        face = face_variant(actor.kind, x2 - x1, y2 - y1)
        cx1, cy1, cx2, cy2 = max(0, x1), max(0, y1), min(width, x2), min(height, y2)
        if cx2 - cx1 < 4 or cy2 - cy1 < 4:
            continue
        picture[cy1:cy2, cx1:cx2] = face[cy1 - y1:cy2 - y1, cx1 - x1:cx2 - x1]
        truth.append((cx1, cy1, cx2, cy2))
    return picture, truth


def make_face_video(path: Path, frames: int) -> list[list[Rect]]:
    """Writes an H.264 720p video of `frames` pictures; returns each picture's face boxes."""
    actors = cast()
    truth: list[list[Rect]] = []
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = *SIZE, "yuv420p"
        stream.codec_context.time_base = Fraction(1, FPS)
        stream.options = {"crf": "18", "preset": "ultrafast", "g": "50"}
        for index in range(frames):
            picture, boxes = frame(index, actors)
            truth.append(boxes)
            video = av.VideoFrame.from_ndarray(picture, format="bgr24")
            video.pts = index
            container.mux(stream.encode(video))
        container.mux(stream.encode(None))
    return truth
