"""Faces followed from frame to frame between the detector's looks.

A face the detector finds starts a track. Every frame the track moves with the face (optical
flow on the box, see face_motion.py; where the flow finds too little, on with its velocity),
and a later detection of the same face puts it right again. A track nobody confirms lives on
`hold` frames (twice that while the flow still follows something) and is drawn larger the
longer it goes unconfirmed and the faster it moves: when unsure, blur more. Boxes a trainer
drew by hand are added, and detections inside an "ignore" box are dropped."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vsr.clips.centerface import Box

if TYPE_CHECKING:  # OpenCV: loaded with the face detector, not with every clip (ManualBox)
    from vsr.clips.face_motion import Look, Velocity

HEAD_SHAPE = 0.9  # a cover is at least this wide for its height: a profile's head is too
GROWTH = 0.04  # share of the face size a cover grows each frame the face goes unconfirmed
CONFIRM_EVERY = 8  # frames between the detector's looks: a face seen on each does not grow
MAX_GROWTH = 0.6
MOTION_AHEAD = 1.5  # frames of motion a cover reaches ahead (and one behind)


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


@dataclass(slots=True)
class Track:
    """One face followed over frames. `seen`/`seen_box`: the last frame a detection confirmed
    it and its box there; `lost`: frames since the flow last found it."""

    box: Box
    velocity: Velocity
    seen: int
    seen_box: Box
    small: bool
    lost: int = 0
    flowed: tuple[int, Box] | None = None  # the last frame the flow placed it on, and where
    measured: bool = False  # its velocity came from the flow (a new track's is a guess)
    first: tuple[int, Box] | None = None  # where it was first found, until confirmed again

    def step(self, before: Look, after: Look, gap: int = 1) -> None:
        """Moves the track on to `after`, `gap` frames after `before` (or back, with the two
        swapped), from where it was at `before`."""
        from vsr.clips.face_motion import follow

        start = self.flowed[1] if self.flowed is not None and gap > 1 else self.box
        followed = follow(before, after, start, self.velocity, gap)
        self.box, self.velocity = followed.box, followed.velocity
        self.lost = 0 if followed.sure else self.lost + 1
        self.measured = self.measured or followed.sure

    def coast(self) -> None:
        """Moves the track one frame on with its velocity (no flow worked out)."""
        vx, vy = self.velocity
        b = self.box
        self.box = Box(b.x1 + vx, b.y1 + vy, b.x2 + vx, b.y2 + vy, b.score)

    def slow(self) -> bool:
        """Moving under 2 px a frame, and followed surely: it can coast one frame."""
        return (self.measured and self.lost == 0
                and abs(self.velocity[0]) + abs(self.velocity[1]) < 2.0)

    def cover(self, index: int) -> Box:
        """The box to blur at frame `index`: head-shaped, grown with the time it went
        unconfirmed (and more while the flow has lost it), stretched along the motion. A face
        the detector confirms on every look does not grow: a cover that grew and shrank again
        every few frames would make the encoder redo the picture around it each time."""
        box, (vx, vy) = self.box, self.velocity
        size = max(box.width, box.height)
        unconfirmed = max(0, abs(index - self.seen) - CONFIRM_EVERY)
        unsure = min(MAX_GROWTH, GROWTH * (unconfirmed + 2 * self.lost)) * size
        half_width = max(box.width, HEAD_SHAPE * box.height) / 2 + unsure
        half_height = box.height / 2 + unsure
        cx, cy = (box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2
        return Box(cx - half_width + min(0.0, vx * MOTION_AHEAD) - abs(vx),
                   cy - half_height + min(0.0, vy * MOTION_AHEAD) - abs(vy),
                   cx + half_width + max(0.0, vx * MOTION_AHEAD) + abs(vx),
                   cy + half_height + max(0.0, vy * MOTION_AHEAD) + abs(vy), box.score)

    def expired(self, index: int, hold: int, width: int, height: int) -> bool:
        """Unconfirmed for too long (twice `hold` while the flow still follows it), or its
        cover wholly out of the picture. The cover, not the detector's box: that is tighter
        than the head, so a face leaving at the edge still showed a strip of itself after the
        box had gone out (a 40 px face in low light, its last 4 px)."""
        life = hold * (2 if self.lost == 0 else 1)
        box = self.cover(index)
        outside = box.x2 < 0 or box.y2 < 0 or box.x1 > width or box.y1 > height
        return outside or index - self.seen > life

    def fast(self) -> bool:
        """Moving a fifth of its size or 8 px a frame or more: worth a look every frame."""
        speed = (self.velocity[0] ** 2 + self.velocity[1] ** 2) ** 0.5
        return bool(speed >= min(8.0, 0.2 * max(self.box.width, self.box.height)))


def matches(tracks: Sequence[Track], found: Sequence[Box]) -> list[tuple[int, int]]:
    """(track, detection) pairs that are plausibly one face: similar size and near where
    the track is now, closest first."""
    pairs = sorted((_distance(t.box, b), i, j) for i, t in enumerate(tracks)
                   for j, b in enumerate(found) if _may_be_same(t, b))
    used_tracks: set[int] = set()
    used_found: set[int] = set()
    result = []
    for _, i, j in pairs:
        if i not in used_tracks and j not in used_found:
            used_tracks.add(i)
            used_found.add(j)
            result.append((i, j))
    return result


def between(first: Box, second: Box, t: float) -> Box:
    """The box at share `t` of the straight way from `first` to `second`."""
    x1, y1, x2, y2 = (p + (q - p) * t for p, q in zip(
        (first.x1, first.y1, first.x2, first.y2),
        (second.x1, second.y1, second.x2, second.y2), strict=True))
    return Box(x1, y1, x2, y2, max(first.score, second.score))


def _distance(a: Box, b: Box) -> float:
    ax, ay = (a.x1 + a.x2) / 2, (a.y1 + a.y2) / 2
    bx, by = (b.x1 + b.x2) / 2, (b.y1 + b.y2) / 2
    return float(((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5)


def _may_be_same(track: Track, b: Box) -> bool:
    """Similar size and within two face sizes (plus how far it may have gone since it was
    last confirmed) of where the track is now."""
    a = track.box
    similar = 0.5 < b.height / max(a.height, 1e-6) < 2.0
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
