"""Hard face scenes with ground truth, made in memory: fast walks (24 and 40 px a frame),
a face half behind a pillar, heads turning to a profile, faces entering at the picture's
edge, scene cuts, low light, faces leaving at the edge and 1080p with 24-40 px faces.

The faces are the astronaut photo (see face_video.py), squeezed for a turning head and cut
to one half for a profile. Every face carries its visible pixels (a pillar hides part), so the
check of a blurred frame looks only at what a viewer could see.

`kept_detail` is the criterion, independent of any detector: the Laplacian variance in the
central half of a face box (its visible pixels) after anonymising, as a share of the same
measure in the original frame. A face blurred so it cannot be recognised keeps well under a
fifth of it; an uncovered face keeps all of it."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np
from numpy.typing import NDArray

from tests.vsr.face_video import _face, face_variant
from vsr.clips.frames import Picture

FPS = 25
KEPT = 0.2  # share of the original detail above which a face counts as recognisable
MIN_FACE = 24  # px high: smaller faces are not counted (as the criterion)
Rect = tuple[int, int, int, int]
Pixels = NDArray[np.uint8]


@dataclass(frozen=True)
class Face:
    """A face in one frame: its box in the picture and which of its pixels are visible."""

    rect: Rect
    visible: NDArray[np.bool_]  # the rect's shape; False where something covers the face


@dataclass
class Scene:
    name: str
    size: tuple[int, int]
    frames: list[Pixels] = field(default_factory=list)
    faces: list[list[Face]] = field(default_factory=list)

    def pictures(self) -> Iterator[Picture]:
        for index, pixels in enumerate(self.frames):
            yield Picture(index, index * 1000 // FPS, pixels.copy(), index)


# -- faces ---------------------------------------------------------------------------------

def turned_face(width_share: float, height: int) -> Pixels:
    """The face squeezed to `width_share` of its width and darker on the far side: a head
    turning away (1.0 frontal, 0.35 nearly a profile)."""
    face = _face()
    h, w = face.shape[:2]
    squeezed = cv2.resize(face, (max(4, int(w * width_share)), h), interpolation=cv2.INTER_AREA)
    shade = np.linspace(0.5 + 0.5 * width_share, 1.0, squeezed.shape[1])[None, :, None]
    squeezed = (squeezed * shade).astype(np.uint8)
    width = max(4, round(height * 15 / 16 * width_share))
    return np.asarray(cv2.resize(squeezed, (width, height), interpolation=cv2.INTER_AREA),
                      np.uint8)


def profile_face(height: int) -> Pixels:
    """One half of the face, from the nose to the ear, a little squeezed: a profile."""
    face = _face()
    half = face[:, face.shape[1] * 2 // 5:]
    width = max(4, round(height * 0.55))
    return np.asarray(cv2.resize(np.ascontiguousarray(half), (width, height),
                                 interpolation=cv2.INTER_AREA), np.uint8)


def dark(face: Pixels, gain: float) -> Pixels:
    return np.asarray(np.clip(face.astype(np.float32) * gain, 0, 255), np.uint8)


# -- backgrounds ---------------------------------------------------------------------------

@functools.lru_cache(maxsize=8)
def background(size: tuple[int, int], seed: int) -> Pixels:
    """A room-like picture: a gradient, noise and some furniture-like blocks (no faces)."""
    width, height = size
    rng = np.random.default_rng(seed)
    ramp = np.linspace(50 + seed * 7 % 40, 170, width, dtype=np.float32)[None, :]
    rows = np.linspace(0.8, 1.1, height, dtype=np.float32)[:, None]
    grey = ramp * rows + rng.normal(0, 5, (height, width))
    picture = np.clip(np.stack([grey * 0.9, grey, grey * 1.05], axis=2), 0, 255)
    picture = picture.astype(np.uint8)
    for _ in range(12):
        x, y = int(rng.integers(0, width - 40)), int(rng.integers(0, height - 40))
        w, h = int(rng.integers(30, width // 5)), int(rng.integers(30, height // 4))
        colour = tuple(int(c) for c in rng.integers(30, 220, 3))
        cv2.rectangle(picture, (x, y), (x + w, y + h), colour, -1)
    return picture


def paste(picture: Pixels, face: Pixels, x: int, y: int,
          hidden: Callable[[int, int], bool] | None = None) -> Face | None:
    """Puts `face` with its top left at (x, y), clipped to the picture and leaving out the
    columns `hidden(column)` says are covered; returns its ground truth."""
    height, width = picture.shape[:2]
    fh, fw = face.shape[:2]
    x1, y1, x2, y2 = max(0, x), max(0, y), min(width, x + fw), min(height, y + fh)
    if x2 - x1 < 4 or y2 - y1 < 4:
        return None
    visible = np.ones((y2 - y1, x2 - x1), bool)
    if hidden is not None:
        for column in range(x1, x2):
            if hidden(column, 0):
                visible[:, column - x1] = False
    region = picture[y1:y2, x1:x2]
    part = face[y1 - y:y2 - y, x1 - x:x2 - x]
    region[visible] = part[visible]
    return Face((x1, y1, x2, y2), visible)


# -- the scenes ----------------------------------------------------------------------------

def fast_walk(speed: int, height: int, frames: int) -> Scene:
    """1080p: a face walking across at `speed` px a frame, from half out at the left."""
    scene = Scene(f"fast walk {speed} px/frame, {height} px face", (1920, 1080))
    face = face_variant("plain", height * 15 // 16, height)
    for i in range(frames):
        picture = background(scene.size, 1).copy()
        _add(scene, picture, [paste(picture, face, -height // 2 + speed * i, 520)])
    return scene


def pillar(frames: int) -> Scene:
    """1080p: a profile standing half behind a pillar the whole time, and a frontal face
    walking behind a second pillar at 12 px a frame."""
    scene = Scene("half behind a pillar", (1920, 1080))
    first, second = (300, 360), (1020, 1090)

    def behind(span: tuple[int, int]) -> Callable[[int, int], bool]:
        return lambda column, _row: span[0] <= column < span[1]

    profile, walker = profile_face(80), face_variant("plain", 84, 90)
    for i in range(frames):
        picture = background(scene.size, 2).copy()
        faces = [paste(picture, profile, 266 + (i // 6) % 3, 250, behind(first)),
                 paste(picture, walker, 760 + 12 * i, 620, behind(second))]
        for x1, x2 in (first, second):
            picture[:, x1:x2] = (90, 100, 110)
        _add(scene, picture, faces)
    return scene


def turning(frames: int) -> Scene:
    """720p: one head turns from frontal to a profile while moving, another from a profile
    to frontal, a third stays in an extreme sideways turn."""
    scene = Scene("turning heads", (1280, 720))
    for i in range(frames):
        t = i / max(1, frames - 1)
        picture = background(scene.size, 3).copy()
        away = turned_face(1.0 - 0.8 * t, 110) if t < 0.7 else profile_face(110)
        back = profile_face(100) if t < 0.3 else turned_face(0.2 + 0.8 * t, 100)
        faces = [paste(picture, away, 150 + 8 * i, 200),
                 paste(picture, back, 900 - 8 * i, 400),
                 paste(picture, turned_face(0.22, 90), 1050, 120)]
        _add(scene, picture, faces)
    return scene


def entering(frames: int) -> Scene:
    """720p: faces coming into the picture from the left (10 px a frame), from below and
    fast from the right (20 px a frame)."""
    scene = Scene("entering at the edge", (1280, 720))
    left, below, right = (face_variant(k, 75, 80) for k in ("plain", "mirror", "rot10"))
    for i in range(frames):
        picture = background(scene.size, 4).copy()
        faces = [paste(picture, left, -75 + 10 * i, 300),
                 paste(picture, below, 600, 720 - 6 * i),
                 paste(picture, right, 1280 - 20 * i, 120)]
        _add(scene, picture, faces)
    return scene


def cuts(frames_per_shot: int) -> Scene:
    """720p: three shots, hard cuts between them; every shot has its faces elsewhere."""
    scene = Scene("scene cuts", (1280, 720))
    shots = [
        [("plain", 120, 100, 150), ("grey", 60, 800, 400)],
        [("mirror", 110, 900, 100), ("plain", 40, 200, 500)],
        [("rot-15", 90, 500, 300), ("plain", 28, 1000, 600), ("mirror", 32, 100, 80)],
    ]
    for shot, cast in enumerate(shots):
        for i in range(frames_per_shot):
            picture = background(scene.size, 10 + shot).copy()
            faces = [paste(picture, face_variant(kind, h * 15 // 16, h), x + 8 * i, y)
                     for kind, h, x, y in cast]
            _add(scene, picture, faces)
    return scene


def low_light(frames: int) -> Scene:
    """720p at a sixth of the light, with sensor noise: faces of 40-120 px, moving."""
    return _dim_walk("low light", 5, frames, [("plain", 120, 100, 200, 10),
                                               ("mirror", 70, 900, 150, -10),
                                               ("grey", 40, 400, 500, 6)])


def leaving_at_the_edge(frames: int) -> Scene:
    """Low light, faces of 40 and 70 px walking out of the picture at its right and left
    edges: their last strips must stay covered as the faces go."""
    return _dim_walk("leaving at the edge", 7, frames, [("grey", 40, 1042, 500, 6),
                                                         ("grey", 40, 1030, 300, 6),
                                                         ("plain", 70, 140, 200, -7)])


def _dim_walk(name: str, seed: int, frames: int,
              cast: list[tuple[str, int, int, int, int]]) -> Scene:
    """720p at a sixth of the light with sensor noise; each face (kind, height, x, y, x-speed
    a frame) walks sideways."""
    scene = Scene(name, (1280, 720))
    rng = np.random.default_rng(seed)
    for i in range(frames):
        picture = dark(background(scene.size, 5), 0.16)
        faces = [paste(picture, dark(face_variant(kind, h * 15 // 16, h), 0.16), x + v * i, y)
                 for kind, h, x, y, v in cast]
        noise = rng.normal(0, 5, picture.shape)
        picture[:] = np.clip(picture + noise, 0, 255).astype(np.uint8)
        _add(scene, picture, faces)
    return scene


def small_1080p(frames: int) -> Scene:
    """1080p with faces of 24-40 px at the back of a room, some walking slowly."""
    scene = Scene("1080p small faces", (1920, 1080))
    cast = [("plain", 24, 300, 200, 2), ("mirror", 28, 700, 180, -2), ("rot10", 32, 1100, 220, 1),
            ("plain", 36, 1500, 160, 0), ("grey", 40, 900, 600, 3), ("turned", 34, 1300, 700, -1)]
    for i in range(frames):
        picture = background(scene.size, 6).copy()
        faces = [paste(picture, face_variant(kind, h * 15 // 16 if kind != "turned"
                                             else h * 5 // 8, h), x + v * i, y)
                 for kind, h, x, y, v in cast]
        _add(scene, picture, faces)
    return scene


def peeking(frames: int) -> Scene:
    """640x360: a face that looks in for six frames (a quarter of a second) and is gone
    again, twice, each time between two of the detector's regular looks (frames 9-14 and
    25-30 of every 16), and keeps still while it is there."""
    scene = Scene("peeking in for six frames", (640, 360))
    face = face_variant("plain", 75, 80)
    for i in range(frames):
        picture = background(scene.size, 21).copy()
        _add(scene, picture, [paste(picture, face, 300, 120) if 9 <= i % 16 <= 14 else None])
    return scene


def crossing(speed: int, frames: int, period: int) -> Scene:
    """640x360: a sharp 90 px face crossing the whole picture at `speed` px a frame (120:
    in six frames), from half out at the left, again every `period` frames."""
    scene = Scene(f"crossing at {speed} px a frame", (640, 360))
    face = face_variant("plain", 84, 90)
    for i in range(frames):
        picture = background(scene.size, 21).copy()
        x = -45 + speed * (i % period)
        _add(scene, picture, [paste(picture, face, x, 130) if x < scene.size[0] else None])
    return scene


def write_scene(path: Path, scene: Scene, gop: int = 50, crf: int = 16) -> None:
    """The scene as an H.264 MP4 at 25 fps (a keyframe every `gop` frames; `crf` 40 or more
    is a heavily compressed, blocky recording)."""
    width, height = scene.size
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.codec_context.time_base = Fraction(1, FPS)
        stream.options = {"crf": str(crf), "preset": "ultrafast", "g": str(gop)}
        for index, pixels in enumerate(scene.frames):
            video = av.VideoFrame.from_ndarray(pixels, format="bgr24")
            video.pts = index
            container.mux(stream.encode(video))
        container.mux(stream.encode(None))


def _add(scene: Scene, picture: Pixels, faces: list[Face | None]) -> None:
    scene.frames.append(picture)
    scene.faces.append([f for f in faces if f is not None])


# -- the criterion -------------------------------------------------------------------------

def kept_detail(before: Pixels, after: Pixels, face: Face) -> float | None:
    """Detail left in the central half of the face's visible pixels, as a share of the
    original's (None when too little of it is visible to judge)."""
    x1, y1, x2, y2 = face.rect
    if y2 - y1 < MIN_FACE:
        return None
    mask = _central_half(face)
    if mask.sum() < 30:
        return None
    original = _laplacian(before, face.rect)[mask].var()
    left = _laplacian(after, face.rect)[mask].var()
    return float(left / max(original, 1e-6))


def _central_half(face: Face) -> NDArray[np.bool_]:
    """The visible pixels in the middle half of the box, two pixels away from any cover
    (the Laplacian of a pillar's edge is not the face's detail)."""
    visible = cv2.erode(face.visible.astype(np.uint8), np.ones((5, 5), np.uint8),
                        borderType=cv2.BORDER_REPLICATE).astype(bool)
    height, width = visible.shape
    middle = np.zeros_like(visible)
    middle[height // 4:height - height // 4, width // 4:width - width // 4] = True
    return visible & middle


def _laplacian(picture: Pixels, rect: Rect) -> NDArray[np.float64]:
    x1, y1, x2, y2 = rect
    pad = 2  # the Laplacian of the box's own border pixels needs their neighbours
    top, left = max(0, y1 - pad), max(0, x1 - pad)
    grey = cv2.cvtColor(picture[top:y2 + pad, left:x2 + pad], cv2.COLOR_BGR2GRAY)
    lap = cv2.Laplacian(grey, cv2.CV_64F)
    return np.asarray(lap[y1 - top:y1 - top + y2 - y1, x1 - left:x1 - left + x2 - x1])


@dataclass
class Tally:
    """How many face boxes of 24 px or more a scene had, and which kept their detail."""

    boxes: int = 0
    kept: list[tuple[int, Rect, float]] = field(default_factory=list)


def tally(scene: Scene, anonymised: list[Pixels]) -> Tally:
    result = Tally()
    for index, (before, after) in enumerate(zip(scene.frames, anonymised, strict=True)):
        for face in scene.faces[index]:
            share = kept_detail(before, after, face)
            if share is None:
                continue
            result.boxes += 1
            if share > KEPT:
                result.kept.append((index, face.rect, round(share, 2)))
    return result


def hard_scenes(short: bool = True) -> dict[str, Callable[[], Scene]]:
    """The scenes by name; `short` keeps each to about two seconds (for the tests)."""
    n = 50 if short else 150
    return {
        "fast24": lambda: fast_walk(24, 70, min(n, 82)),
        "fast40": lambda: fast_walk(40, 100, min(n, 50)),
        "pillar": lambda: pillar(n),
        "turning": lambda: turning(n),
        "entering": lambda: entering(n),
        "cuts": lambda: cuts(n // 3 + 4),
        "low_light": lambda: low_light(n),
        "leaving": lambda: leaving_at_the_edge(48),
        "small_1080p": lambda: small_1080p(n),
    }


# -- motion smear and other unseen cases ------------------------------------------------------

Path2D = Callable[[float], tuple[float, float]]


def smeared_scene(name: str, size: tuple[int, int], seed: int, frames: int,
                  cast: list[tuple[Pixels, Path2D]], shutter: float = 0.5,
                  steps: int = 9) -> Scene:
    """Faces moving along `path(t)` (top left at time t, in frames), each frame exposed for
    `shutter` of the frame time: the frame is the average of `steps` pictures over that
    time, so a fast face is smeared along its way as a camera shows it. The ground truth is
    the face's box at the frame's middle moment."""
    scene = Scene(name, size)
    base = background(size, seed)
    for i in range(frames):
        total = np.zeros(base.shape, np.float32)
        for s in range(steps):
            t = i + shutter * (s / max(1, steps - 1) - 0.5)
            picture = base.copy()
            for face, path in cast:
                x, y = path(t)
                paste(picture, face, round(x), round(y))
            total += picture
        picture = np.asarray(np.clip(total / steps + 0.5, 0, 255), np.uint8)
        truth = []
        for face, path in cast:
            x, y = path(float(i))
            truth.append(paste(base.copy(), face, round(x), round(y)))
        _add(scene, picture, truth)
    return scene


def smear_cross(speed: float, height: int, frames: int, shutter: float = 0.5) -> Scene:
    """720p: a face crossing at `speed` px a frame the whole time, smeared over `shutter` of
    it (never sharp in any frame)."""
    face = face_variant("plain", height * 15 // 16, height)
    return smeared_scene(f"smeared, {speed} px/frame, {height} px face", (1280, 720), 31,
                         frames, [(face, lambda t: (-height / 2 + speed * t, 300))], shutter)


def smear_swing(amplitude: float, period: float, height: int, frames: int) -> Scene:
    """720p: a face that swings left and right (a person rocking, turning to someone):
    sharp at the ends of the swing, smeared in the middle (peak speed 2*pi*A/period)."""
    import math

    face = face_variant("plain", height * 15 // 16, height)
    return smeared_scene(f"swinging {amplitude} px every {period} frames", (1280, 720), 32,
                         frames, [(face, lambda t: (600 + amplitude * math.sin(
                             2 * math.pi * t / period), 250))])


def smear_start(speed: float, height: int, still: int, frames: int) -> Scene:
    """720p: a face that stands still for `still` frames (sharp, found) and then jumps away
    at `speed` px a frame, smeared (a person who stands up and walks off quickly)."""
    face = face_variant("plain", height * 15 // 16, height)

    def path(t: float) -> tuple[float, float]:
        moving = max(0.0, t - still)
        # accelerates over four frames to its speed
        way = speed * (moving ** 2 / 8 if moving < 4 else moving - 2)
        return 300 + way, 260 - way / 4

    return smeared_scene(f"still, then off at {speed} px/frame", (1280, 720), 33, frames,
                         [(face, path)])


def rotated_face(height: int, angle: float) -> tuple[Pixels, NDArray[np.bool_]]:
    """The face turned `angle` degrees in the picture's plane (90: a head lying down), on
    a square of its height, and which pixels of the square are face."""
    face = face_variant("plain", height * 15 // 16, height)
    side = int(height * 1.45)
    canvas = np.zeros((side, side, 3), np.uint8)
    mask = np.zeros((side, side), np.uint8)
    top, left = (side - face.shape[0]) // 2, (side - face.shape[1]) // 2
    canvas[top:top + face.shape[0], left:left + face.shape[1]] = face
    mask[top:top + face.shape[0], left:left + face.shape[1]] = 1
    turn = cv2.getRotationMatrix2D((side / 2, side / 2), angle, 1.0)
    return (np.asarray(cv2.warpAffine(canvas, turn, (side, side)), np.uint8),
            cv2.warpAffine(mask, turn, (side, side), flags=cv2.INTER_NEAREST).astype(bool))


def paste_masked(picture: Pixels, face: Pixels, mask: NDArray[np.bool_], x: int, y: int
                 ) -> Face | None:
    """Puts the pixels of `face` where `mask` is set, top left at (x, y); the ground truth is
    the bounding box of what is face."""
    height, width = picture.shape[:2]
    fh, fw = face.shape[:2]
    x1, y1, x2, y2 = max(0, x), max(0, y), min(width, x + fw), min(height, y + fh)
    if x2 - x1 < 4 or y2 - y1 < 4:
        return None
    part, keep = face[y1 - y:y2 - y, x1 - x:x2 - x], mask[y1 - y:y2 - y, x1 - x:x2 - x]
    picture[y1:y2, x1:x2][keep] = part[keep]
    rows, cols = np.nonzero(keep)
    if rows.size < 16:
        return None
    bx1, by1, bx2, by2 = cols.min(), rows.min(), cols.max() + 1, rows.max() + 1
    return Face((x1 + int(bx1), y1 + int(by1), x1 + int(bx2), y1 + int(by2)),
                keep[by1:by2, bx1:bx2].copy())


def tilted(angles: tuple[float, ...], height: int, frames: int, speed: int = 3) -> Scene:
    """720p: heads tilted in the picture's plane (a person lying down, a head on its side),
    moving slowly sideways."""
    scene = Scene(f"tilted {angles}", (1280, 720))
    faces = [rotated_face(height, a) for a in angles]
    for i in range(frames):
        picture = background(scene.size, 41).copy()
        _add(scene, picture, [paste_masked(picture, face, mask, 80 + 300 * k + speed * i,
                                           150 + 200 * (k % 2))
                              for k, (face, mask) in enumerate(faces)])
    return scene


def corner_fast(speed: int, height: int, frames: int) -> Scene:
    """720p: a face half out of the picture at its bottom right corner, moving fast along
    the bottom edge and out, then back in at the top left corner."""
    scene = Scene(f"at a corner, {speed} px/frame", (1280, 720))
    face = face_variant("plain", height * 15 // 16, height)
    for i in range(frames):
        picture = background(scene.size, 42).copy()
        half = frames // 2
        if i < half:
            x, y = 1280 - height // 2 - speed * i // 3, 720 - height // 2
        else:
            x, y = -height // 2 + speed * (i - half) // 3, -height // 2 + speed * (i - half) // 4
        _add(scene, picture, [paste(picture, face, x, y)])
    return scene


def small_fast(height: int, speed: int, frames: int) -> Scene:
    """720p: faces of `height` px crossing at `speed` px a frame (someone walking by far
    away)."""
    scene = Scene(f"{height} px faces at {speed} px/frame", (1280, 720))
    cast = [(face_variant(k, height * 15 // 16, height), x, y, v) for k, x, y, v in (
        ("plain", 20, 200, speed), ("mirror", 1200, 420, -speed), ("grey", 300, 600, speed))]
    for i in range(frames):
        picture = background(scene.size, 43).copy()
        _add(scene, picture, [paste(picture, f, x + v * i, y) for f, x, y, v in cast])
    return scene


def mirrored(frames: int, copy_height: int = 54) -> Scene:
    """720p: a face and its copy on a screen (or in a mirror), `copy_height` px high, shown
    dimmer and a little soft: both are faces to cover."""
    scene = Scene("a face and its copy on a screen", (1280, 720))
    face = face_variant("plain", 112, 120)
    copy = cv2.GaussianBlur(dark(face_variant("mirror", copy_height * 15 // 16, copy_height),
                                 0.8), (3, 3), 0.8)
    for i in range(frames):
        picture = background(scene.size, 44).copy()
        cv2.rectangle(picture, (880, 120), (1160, 320), (30, 30, 30), -1)  # the screen
        _add(scene, picture, [paste(picture, face, 300 + 2 * i, 300),
                              paste(picture, np.asarray(copy, np.uint8), 990 - i, 190)])
    return scene


def grainy(frames: int, noise: float = 14.0) -> Scene:
    """720p: faces of 60-100 px, moving, under heavy grain (a cheap sensor in poor light)."""
    scene = Scene("grainy", (1280, 720))
    rng = np.random.default_rng(45)
    cast = [(face_variant("plain", 94, 100), 200, 200, 6), (face_variant("mirror", 56, 60),
                                                              900, 400, -8)]
    for i in range(frames):
        picture = background(scene.size, 45).copy()
        faces = [paste(picture, f, x + v * i, y) for f, x, y, v in cast]
        picture[:] = np.clip(picture + rng.normal(0, noise, picture.shape), 0, 255)
        _add(scene, picture, faces)
    return scene


def portrait(frames: int) -> Scene:
    """A phone held upright (720x1280): a face near the left edge, half cut, moving in and
    out, and one near the bottom."""
    scene = Scene("portrait phone", (720, 1280))
    face = face_variant("plain", 150, 160)
    other = face_variant("mirror", 84, 90)
    for i in range(frames):
        picture = background(scene.size, 46).copy()
        _add(scene, picture, [paste(picture, face, -70 + int(40 * np.sin(i / 5)), 300),
                              paste(picture, other, 400 + 3 * i, 1280 - 60)])
    return scene


def smeared_pan(speed: int, frames: int, shutter: float = 0.5) -> Scene:
    """720p: the camera pans across a room at `speed` px a frame past a 120 px face, the
    whole picture smeared (each frame the average over the shutter time)."""
    scene = Scene(f"pan at {speed} px/frame", (1280, 720))
    world = background((3200, 720), 36).copy()
    face = face_variant("plain", 112, 120)
    paste(world, face, 1400, 250)
    for i in range(frames):
        total = np.zeros((720, 1280, 3), np.float32)
        for s in range(9):
            left = round(speed * (i + 1 + shutter * (s / 8 - 0.5)))
            total += world[:, left:left + 1280]
        _add(scene, np.asarray(np.clip(total / 9 + 0.5, 0, 255), np.uint8),
             [paste(np.zeros((720, 1280, 3), np.uint8), face, 1400 - speed * (i + 1), 250)])
    return scene
