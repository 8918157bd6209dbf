"""Temporal filling: which boxes to cover in every frame, from detections on some of them.

The detector runs on every `step`-th frame (the keyframes). A frame between two keyframes gets
the faces of both, moved along a straight line where a face of one matches a face of the
other, and every face seen on any keyframe up to `hold` frames before or after it: a face the
detector misses on one keyframe (a turned head, motion blur) is still covered there because it
was found around it. Boxes a trainer drew by hand are added, and detections inside an "ignore"
box are dropped."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from vsr.clips.centerface import Box


@dataclass(frozen=True, slots=True)
class ManualBox:
    """A box a trainer drew on a range of the recording (ms, inclusive). Coordinates are shares
    (0..1) of the upright picture. ignore=False: always blur it; ignore=True: the detector is
    wrong here, so no detected face whose centre lies inside it is blurred."""

    start_ms: int
    end_ms: int
    x1: float
    y1: float
    x2: float
    y2: float
    ignore: bool = False
    id: int | None = None

    def active(self, ms: int) -> bool:
        return self.start_ms <= ms <= self.end_ms

    def in_pixels(self, width: int, height: int) -> Box:
        return Box(self.x1 * width, self.y1 * height, self.x2 * width, self.y2 * height)


def boxes_at(index: int, keyframes: Mapping[int, Sequence[Box]], hold: int) -> list[Box]:
    """The faces to cover in frame `index`, from the detections on keyframes near it."""
    near = sorted(k for k in keyframes if abs(k - index) <= hold)
    before = [k for k in near if k <= index]
    after = [k for k in near if k > index]
    boxes: list[Box] = []
    if before and after:
        a, b = before[-1], after[0]
        boxes += interpolated(keyframes[a], keyframes[b], (index - a) / (b - a))
        near = [k for k in near if k not in (a, b)]
    for key in near:
        boxes += keyframes[key]
    return boxes


def interpolated(first: Sequence[Box], second: Sequence[Box], t: float) -> list[Box]:
    """Faces of two keyframes at share `t` of the way from the first to the second: every face
    of both stays covered where it was seen, and a face matched in both is covered along the
    line between too (so a face that moves more than its own size is covered in between).
    Closest pairs are matched first, so neighbours in a group are not swapped."""
    pairs = sorted((_distance(a, b), i, j) for i, a in enumerate(first)
                   for j, b in enumerate(second) if _may_be_same(a, b))
    used_first: set[int] = set()
    used_second: set[int] = set()
    moving: list[Box] = []
    for _, i, j in pairs:
        if i in used_first or j in used_second:
            continue
        used_first.add(i)
        used_second.add(j)
        a, b = first[i], second[j]
        x1, y1, x2, y2 = (p + (q - p) * t for p, q in zip(_coords(a), _coords(b), strict=True))
        moving.append(Box(x1, y1, x2, y2, max(a.score, b.score)))
    return moving + list(first) + list(second)


def _coords(box: Box) -> tuple[float, float, float, float]:
    return box.x1, box.y1, box.x2, box.y2


def _distance(a: Box, b: Box) -> float:
    ax, ay = (a.x1 + a.x2) / 2, (a.y1 + a.y2) / 2
    bx, by = (b.x1 + b.x2) / 2, (b.y1 + b.y2) / 2
    return float(((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5)


def _may_be_same(a: Box, b: Box) -> bool:
    """Similar size and at most two face sizes apart: plausibly one face a few frames on."""
    similar = 0.5 < b.width / max(a.width, 1e-6) < 2.0
    return similar and _distance(a, b) <= 2 * max(a.width, a.height)


def with_manual(boxes: Sequence[Box], manual: Sequence[ManualBox], ms: int, width: int,
                height: int) -> tuple[list[Box], list[Box]]:
    """(detected boxes that stay, hand-drawn boxes to blur as drawn) at `ms`."""
    active = [m for m in manual if m.active(ms)]
    ignored = [m.in_pixels(width, height) for m in active if m.ignore]
    kept = [b for b in boxes if not any(_centre_inside(b, zone) for zone in ignored)]
    return kept, [m.in_pixels(width, height) for m in active if not m.ignore]


def _centre_inside(box: Box, zone: Box) -> bool:
    cx, cy = (box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2
    return zone.x1 <= cx <= zone.x2 and zone.y1 <= cy <= zone.y2
