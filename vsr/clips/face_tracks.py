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
    """Faces of two keyframes at share `t` of the way from the first to the second: a matched
    pair moves along a line; a face in only one of them is held where it was seen."""
    unmatched = list(second)
    result: list[Box] = []
    for box in first:
        partner = _partner(box, unmatched)
        if partner is None:
            result.append(box)
            continue
        unmatched.remove(partner)
        result.append(Box(*(p + (q - p) * t for p, q in zip(_coords(box), _coords(partner),
                                                               strict=True)),
                          max(box.score, partner.score)))
    return result + unmatched


def _coords(box: Box) -> tuple[float, float, float, float]:
    return box.x1, box.y1, box.x2, box.y2


def _partner(box: Box, candidates: Sequence[Box]) -> Box | None:
    """The candidate that is most likely the same face a few frames later: overlapping, or with
    its centre within one face width."""
    best, best_distance = None, float("inf")
    cx, cy = (box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2
    reach = max(box.width, box.height)
    for other in candidates:
        ox, oy = (other.x1 + other.x2) / 2, (other.y1 + other.y2) / 2
        distance = ((ox - cx) ** 2 + (oy - cy) ** 2) ** 0.5
        similar = 0.5 < other.width / max(box.width, 1e-6) < 2.0
        if similar and distance <= reach and distance < best_distance:
            best, best_distance = other, distance
    return best


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
