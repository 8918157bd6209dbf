"""The faces of one clip, frame by frame: when the detector looks, and which boxes every
frame gets from the tracks (see face_tracks.py).

The detector looks at the whole picture at reduced size every `step` frames and at full size
every `fine_step` frames (faces under about 40 px need it); right at every scene cut (the
tracks from before it are dropped: they are another shot); on every frame where much of the
picture changes; and, cheaply on a crop, every frame around a face that moves fast or that
the flow has lost. A face found for the first time is followed BACK through the frames held
in the buffer, so the frames before it was found are covered too, up to the cut before it.
Near the picture's edge and around a lost face a lower score counts as a face."""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

import numpy as np
from numpy.typing import NDArray

from vsr.clips.centerface import Box, CenterFace
from vsr.clips.face_motion import (
    Change,
    Look,
    change_between,
    changed_regions,
    look_at,
    uncovered_changes,
)
from vsr.clips.face_tracks import Track, between, matches
from vsr.clips.frames import Picture

if TYPE_CHECKING:
    from vsr.clips.faces import FaceAnonymizer

UNSURE_THRESHOLD = 0.12  # accepted near the picture's edge and where a lost face should be
TINY_FACE = 32  # px high: the network scores faces this small low, and unevenly
TINY_THRESHOLD = 0.2  # so they count from this score
PROFILE = 0.7  # a box narrower than this share of its height is a head turned sideways
EDGE = 0.6  # face sizes from the picture's edge that count as "near the edge"
EDGE_CUT = 8  # px from the picture's edge: a box this close is cut by it
COARSE_SIDE = 640  # the reduced look: the longer side at most this (at most half size)
FINE_REACH = 192  # px around a change that a full-size look takes in (context for a face)
SMALL_AT_COARSE = 36  # px in the reduced picture under which a face needs the full-size look
MOTION_EVERY = 2  # frames between looks at what changed outside the covers
MOTION_SMALLEST = 40  # px: a changed part this size can be a face (24 px + 8 px growth each side)
MOTION_SIDE = 192  # px: the longer side of a changed part is looked at this size (or larger)
MOTION_MOST = 0.25  # share of the picture changed outside the covers over which it is not looked at
MOTION_SEEN = 0.7  # share of a changed part looked at since the last regular look: not again
# A face moving so fast that the frame smears it scores 0.03-0.10. Such a score alone also
# fits flowers and walls; it counts when three looks close together find it along one
# straight, fast way (see ClipScan._smeared).
WEAK_THRESHOLD = 0.04
WEAK_GAP = 4  # frames: looks further apart are not joined into one way
WEAK_SPEED = 0.25  # face sizes a frame: slower faces are sharp enough to score well
WEAK_OFF = 0.35  # face sizes a third find may lie off the straight way
SMEAR_SHAPE = 1.5  # a changed part this many times as long as it is narrow: fast motion
SMEAR_SIDE = 112  # px: its narrow side is looked at this size (the face in it at about 90)
SMEAR_MOST = 2.5  # but enlarged at most this much


class FaceDetector(Protocol):
    """Finds faces in a BGR picture (CenterFace; tests use a scripted stand-in)."""

    def detect(self, frame_bgr: NDArray[np.uint8], threshold: float) -> list[Box]: ...


class Passes:
    """The detector's three kinds of look: reduced, full size and a crop. A scripted test
    detector gets the whole picture for the first two and is asked for crops only if it
    has `detect_crop`."""

    def __init__(self, detector: FaceDetector | None) -> None:
        self.script = detector
        self.net = CenterFace() if detector is None else None  # its own, for a worker

    def coarse_scale(self, width: int, height: int) -> float:
        return min(0.5, COARSE_SIDE / max(width, height))

    def whole(self, frame: NDArray[np.uint8], threshold: float, fine: bool) -> list[Box]:
        if self.net is None:
            assert self.script is not None
            return self.script.detect(frame, threshold)
        height, width = frame.shape[:2]
        scale = 1.0 if fine else self.coarse_scale(width, height)
        return self.net.detect(frame, threshold, scale=scale)

    def crop(self, frame: NDArray[np.uint8], rect: tuple[int, int, int, int],
             scale: float, threshold: float) -> list[Box]:
        x1, y1, x2, y2 = rect
        if self.net is None:
            ask = getattr(self.script, "detect_crop", None)
            return list(ask(frame, rect, threshold)) if ask is not None else []
        found = self.net.detect(frame[y1:y2, x1:x2], threshold, scale=scale)
        return [Box(b.x1 + x1, b.y1 + y1, b.x2 + x1, b.y2 + y1, b.score) for b in found]


@dataclass(slots=True)
class ScanFrame:
    picture: Picture
    look: Look
    boxes: list[Box] = field(default_factory=list)

    @property
    def index(self) -> int:
        return self.picture.index


class ClipScan:
    """Feed frames in order with `add`; it returns the frames whose boxes are final (the
    ones no later look can still reach back to), `finish` the rest."""

    def __init__(self, owner: FaceAnonymizer, passes: Passes) -> None:
        self.owner, self.passes = owner, passes
        self.buffer: deque[ScanFrame] = deque()
        self.tracks: list[Track] = []
        self.previous: ScanFrame | None = None
        self.last_coarse: int | None = None
        self.last_fine: int | None = None
        self.shot_start = 0
        self.fine_look: Look | None = None  # the frame of the last full-size look
        self.lookahead = owner.fine_step + owner.step
        # Quarter-size: where looks between the regular looks have looked since the last one.
        self.looked: NDArray[np.bool_] | None = None
        self.weak: list[tuple[int, Box]] = []  # recent finds scored too low to count alone

    def add(self, picture: Picture) -> list[ScanFrame]:
        frame = ScanFrame(picture, look_at(picture.pixels))
        change = (change_between(self.previous.look, frame.look) if self.previous is not None
                  else Change(cut=True, fast=True))
        if self.previous is not None:
            self._move_tracks(frame, change.cut)
        if change.cut:
            # Another shot: a face the flow could not follow over the cut is not there any
            # more; one it did follow (the "cut" was big motion) stays until confirmed.
            self.tracks = [t for t in self.tracks if t.lost == 0]
            self.shot_start = frame.index
        self.buffer.append(frame)
        self.previous = frame
        self._look(frame, change)
        self._cover(frame)
        done = []
        while len(self.buffer) > self.lookahead:
            done.append(self.buffer.popleft())
        return done

    def _move_tracks(self, frame: ScanFrame, cut: bool) -> None:
        """Every track follows its face to `frame`; a slow one coasts every other frame and
        is followed over two frames at once (half the flow's work, same accuracy)."""
        assert self.previous is not None
        looks = {f.index: f.look for f in list(self.buffer)[-2:]}
        for track in self.tracks:
            last = track.flowed[0] if track.flowed is not None else self.previous.index
            if track.slow() and frame.index - last < 2 and not cut:
                track.coast()
                continue
            gap = frame.index - last if last in looks else 1
            track.step(looks.get(last, self.previous.look), frame.look, gap)
            track.flowed = (frame.index, track.box)

    def finish(self) -> list[ScanFrame]:
        """The clip ended: its last frame gets a full-size look too (where the picture changed
        since the last one, as within a shot), then all are final."""
        if self.buffer and self.last_fine != self.buffer[-1].index:
            last = self.buffer[-1]
            self._take(last, self._whole(last, fine=True, cut=False))
            self._cover(last)
        done = list(self.buffer)
        self.buffer.clear()
        return done

    def _cover(self, frame: ScanFrame) -> None:
        height, width = frame.picture.pixels.shape[:2]
        owner = self.owner
        self.tracks = [t for t in self.tracks if not t.expired(
            frame.index, owner.fine_hold if t.small else owner.hold, width, height)]
        frame.boxes += [t.cover(frame.index) for t in self.tracks]

    def _look(self, frame: ScanFrame, change: Change) -> None:
        owner, index = self.owner, frame.index
        fine = change.cut or self.last_fine is None or index % owner.fine_step == 0 or (
            index - self.last_fine >= owner.fine_step)
        coarse = fine or change.fast or index % owner.step == 0 or (
            self.last_coarse is not None and index - self.last_coarse >= owner.step)
        if coarse:
            self._take(frame, self._whole(frame, fine, change.cut))
        elif index % MOTION_EVERY == 0:
            self._look_at_changes(frame)
        looked_at = coarse
        for track in list(self.tracks):
            # Around a fast or lost face every frame; a small one needs a full-size look
            # (on a crop) whenever the reduced look could not have seen it.
            due = track.fast() or track.lost > 0 or (coarse and not fine and track.small)
            if due and track.seen != index and not (looked_at and not track.small):
                found, smeared = self._around(frame, track)
                self._take(frame, found)
                if smeared is not None and track.seen != index and track in self.tracks:
                    self._confirm(track, smeared, index)

    def _look_at_changes(self, frame: ScanFrame) -> None:
        """Between the regular looks: a look at every part of the picture that changed since
        `MOTION_EVERY` frames ago outside the faces already covered. A face that is there for
        fewer frames than lie between two regular looks (one that looks in, or crosses the
        picture in a quarter of a second) is found while it is there."""
        frames = list(self.buffer)
        if len(frames) <= MOTION_EVERY or frames[-1 - MOTION_EVERY].index < self.shot_start:
            return
        before = frames[-1 - MOTION_EVERY]
        pixels = frame.picture.pixels
        height, width = pixels.shape[:2]
        # What is blurred: the covers grown by the anonymiser's margin (a face's hair and
        # ears move with it outside the detector's box).
        covers = [Box(*c.enlarged(self.owner.margin, width, height))
                  for t in self.tracks for c in (t.cover(frame.index), t.cover(before.index))]
        coarse = self.passes.coarse_scale(width, height)
        threshold = min(WEAK_THRESHOLD, self.owner.threshold)
        if self.looked is None:
            self.looked = np.zeros((-(-height // 4), -(-width // 4)), bool)
        changes = uncovered_changes(before.look, frame.look, covers, MOTION_SMALLEST)
        if sum((x2 - x1) * (y2 - y1) for x1, y1, x2, y2 in changes) > MOTION_MOST * (
                width * height):
            return  # the camera or the light moves: the regular looks' work, not this one's
        fresh = []
        for x1, y1, x2, y2 in changes:
            # Something that moves on the spot (hands, a body swaying) is looked at once
            # between two regular looks: a face that comes there and stays is found by the
            # next regular look and followed back.
            seen = self.looked[y1 // 4:-(-y2 // 4), x1 // 4:-(-x2 // 4)]
            if seen.size and seen.mean() >= MOTION_SEEN:
                continue
            seen[:] = True
            fresh.append((x1, y1, x2, y2))
        for x1, y1, x2, y2 in _grouped(fresh):
            # Some context: the network needs it to see a face.
            grow = max(32, (x2 - x1 + y2 - y1) // 8)
            rect = (max(0, x1 - grow), max(0, y1 - grow), min(width, x2 + grow),
                    min(height, y2 + grow))
            scale = max(coarse, min(1.0, MOTION_SIDE / max(rect[2] - rect[0],
                                                           rect[3] - rect[1])))
            long, short = max(x2 - x1, y2 - y1), min(x2 - x1, y2 - y1)
            if long >= SMEAR_SHAPE * short:
                # Long and narrow: something crossed it fast, maybe a smeared face as high
                # as the part is narrow. The network scores a smeared face best at about
                # 90 px (0.06-0.13 there, 0.02-0.04 at 48 px); a 30-44 px one needs the
                # crop enlarged up to 2.5 times.
                scale = max(scale, min(SMEAR_MOST, SMEAR_SIDE / short))
            found = [b for b in self.passes.crop(pixels, rect, scale, threshold)
                     if not any(_centre_in(b, c) for c in covers)]
            # Only faces not followed yet: one already covered is left to its own looks.
            self._take(frame, self._accepted(found, width, height, crop=True))
            self._smeared(frame, found)

    def _whole(self, frame: ScanFrame, fine: bool, cut: bool = True) -> list[Box]:
        """The detector's look at the whole picture (reduced, or at full size). A full-size
        look within a shot looks only where the picture changed since the last full-size
        look: elsewhere it would find what it found then (at 1080p this is most of the
        cost)."""
        pixels = frame.picture.pixels
        height, width = pixels.shape[:2]
        threshold = min(WEAK_THRESHOLD, self.owner.threshold)
        self.last_coarse = frame.index
        self.looked = None
        if fine and self.fine_look is not None and not cut and self.passes.net is not None:
            found = []
            for rect in changed_regions(self.fine_look, frame.look, FINE_REACH):
                found += self.passes.crop(pixels, _on_net_grid(rect, width, height), 1.0,
                                          threshold)
        else:
            found = self.passes.whole(pixels, threshold, fine)
        if fine:
            self.last_fine, self.fine_look = frame.index, frame.look
        weak = [b for b in found if b.score < self.owner.threshold]
        if weak:
            covers = [t.cover(frame.index) for t in self.tracks]
            self._smeared(frame, [b for b in weak if not any(_centre_in(b, c) for c in covers)])
        return self._accepted(found, width, height)

    def _accepted(self, found: Sequence[Box], width: int, height: int, crop: bool = False
                  ) -> list[Box]:
        """The detections that count as faces (a lower score where the network is unsure).
        On a crop of what changed, "near the edge" means cut by it: there the network finds
        large faces in flowers and walls (a 250 px one 60 px from the edge, at 0.14),
        which the look at the whole picture does not."""
        if crop:
            return [_as_head(b) for b in found if b.score >= self.owner.threshold
                    or (_cut_by_edge(b, width, height) and b.score >= TINY_THRESHOLD)]
        unsure = min(UNSURE_THRESHOLD, self.owner.threshold)
        return [_as_head(b) for b in found if b.score >= self.owner.threshold
                or (b.score >= unsure and (_near_edge(b, width, height) or _profile(b)))
                or (b.height < TINY_FACE and b.score >= TINY_THRESHOLD)]

    def _around(self, frame: ScanFrame, track: Track) -> tuple[list[Box], Box | None]:
        """A crop around where the track is (and is going), at a size where the face is
        about 64 px; any face found there counts even with a low score (the faces found,
        and a weak find that is this track's face smeared by its speed, if any)."""
        pixels = frame.picture.pixels
        height, width = pixels.shape[:2]
        box, (vx, vy) = track.box, track.velocity
        size = max(box.width, box.height)
        reach = size + abs(vx) + abs(vy)
        if not track.measured:
            reach += 2 * size  # its speed is not known yet: it may cross the picture fast
        rect = (max(0, int(box.x1 - reach)), max(0, int(box.y1 - reach)),
                min(width, int(box.x2 + reach)), min(height, int(box.y2 + reach)))
        if rect[2] - rect[0] < 16 or rect[3] - rect[1] < 16:
            return [], None
        scale = min(1.0, max(0.25, 64 / max(size, 1.0)))
        unsure = min(UNSURE_THRESHOLD, self.owner.threshold)
        found = self.passes.crop(pixels, rect, scale, min(WEAK_THRESHOLD, unsure))
        # A face moving fast enough to be smeared scores low: where a fast face is expected,
        # a weak find of its size near it is that face (it starts no track of its own).
        weak = [b for b in found if b.score < unsure and track.fast() and _similar(b, box)
                and _distance(b, box) <= size]
        smeared = min(weak, key=lambda b: _distance(b, box)) if weak else None
        return [_as_head(b) for b in found if b.score >= unsure], smeared

    def _smeared(self, frame: ScanFrame, found: Sequence[Box]) -> None:
        """Finds scored too low to count alone (a face smeared by fast motion scores
        0.03-0.10): one counts when two earlier looks, each at most `WEAK_GAP` frames before
        the next, found a box of its size on one straight way, at `WEAK_SPEED` face sizes a
        frame or faster. The frames held before it get the face along that way."""
        index = frame.index
        weak = [b for b in found if WEAK_THRESHOLD <= b.score < self.owner.threshold]
        self.weak = [(i, b) for i, b in self.weak
                     if index - 2 * WEAK_GAP <= i <= index and i >= self.shot_start]
        if not weak:
            return
        faces = []
        for box in weak:
            way = self._way(box, index)
            if way is not None:
                faces.append((box, way))
        self.weak += [(index, b) for b in weak]
        covers = [t.cover(index) for t in self.tracks] if faces else []
        for box, velocity in faces:
            if any(_centre_in(box, c) for c in covers):
                continue
            small = box.height < SMALL_AT_COARSE / self.passes.coarse_scale(
                frame.picture.pixels.shape[1], frame.picture.pixels.shape[0])
            track = Track(box, velocity, index, box, small, measured=True)
            self._cover_way_back(track, box, velocity, index)
            self.tracks.append(track)

    def _way(self, box: Box, index: int) -> tuple[float, float] | None:
        """The velocity of a straight, fast way through `box` at `index` and two weak finds
        before it, or None."""
        size = max(box.width, box.height)
        cx, cy = _centre(box)
        for i, p in self.weak:
            if not 0 < index - i <= WEAK_GAP or not _similar(p, box):
                continue
            px, py = _centre(p)
            vx, vy = (cx - px) / (index - i), (cy - py) / (index - i)
            if (vx * vx + vy * vy) ** 0.5 < WEAK_SPEED * size:
                continue
            for k, q in self.weak:
                if not 0 < i - k <= WEAK_GAP or not _similar(q, box):
                    continue
                qx, qy = _centre(q)
                off = ((px - vx * (i - k) - qx) ** 2 + (py - vy * (i - k) - qy) ** 2) ** 0.5
                if off <= WEAK_OFF * size:
                    return vx, vy
        return None

    def _cover_way_back(self, track: Track, box: Box, velocity: tuple[float, float],
                        index: int) -> None:
        """The held frames before `index` get the face where `velocity` puts it, up to the
        shot's start, until it is out of the picture."""
        vx, vy = velocity
        frames = list(self.buffer)
        height, width = frames[-1].picture.pixels.shape[:2]
        reach = self.owner.fine_hold if track.small else self.owner.hold
        for frame in reversed(frames):
            back = index - frame.index
            if back <= 0:
                continue
            if frame.index < self.shot_start or back > reach:
                break
            place = Box(box.x1 - vx * back, box.y1 - vy * back, box.x2 - vx * back,
                        box.y2 - vy * back, box.score)
            cover = Track(place, velocity, index, box, track.small).cover(frame.index)
            if cover.x2 < 0 or cover.y2 < 0 or cover.x1 > width or cover.y1 > height:
                break
            frame.boxes.append(cover)

    def _take(self, frame: ScanFrame, found: Sequence[Box]) -> None:
        """Detections at `frame` confirm the tracks they match; the others start new tracks,
        followed back through the buffer."""
        index = frame.index
        small_face = SMALL_AT_COARSE / self.passes.coarse_scale(
            frame.picture.pixels.shape[1], frame.picture.pixels.shape[0])
        matched = matches(self.tracks, found)
        for ti, fj in matched:
            self._confirm(self.tracks[ti], found[fj], index)
        taken = {fj for _, fj in matched}
        for j, box in enumerate(found):
            if j in taken:
                continue
            track = Track(box, (0.0, 0.0), index, box, small=box.height < small_face,
                          first=(index, box))
            self._follow_back(track, index)
            self.tracks.append(track)

    def _confirm(self, track: Track, box: Box, index: int) -> None:
        """A detection of a followed face: where the flow had drifted from it (or lost it),
        the frames since it was last confirmed also get the straight way between."""
        size = max(box.width, box.height)
        drift = abs((track.box.x1 + track.box.x2) - (box.x1 + box.x2)) / 2 + abs(
            (track.box.y1 + track.box.y2) - (box.y1 + box.y2)) / 2
        if (drift > 0.3 * size or track.lost) and track.seen < index:
            gap = index - track.seen
            for frame in self.buffer:
                if track.seen < frame.index < index:
                    t = (frame.index - track.seen) / gap
                    frame.boxes.append(Track(between(track.seen_box, box, t), (0, 0), index,
                                             box, track.small).cover(index))
            if track.lost:
                cx = ((box.x1 + box.x2) - (track.seen_box.x1 + track.seen_box.x2)) / 2
                cy = ((box.y1 + box.y2) - (track.seen_box.y1 + track.seen_box.y2)) / 2
                track.velocity = (cx / gap, cy / gap)
        if track.first is not None and track.first[0] == track.seen < index:
            self._extrapolate_back(track, box, index)
        track.first = None
        track.box, track.seen, track.seen_box, track.lost = box, index, box, 0
        track.flowed = (index, box)

    def _extrapolate_back(self, track: Track, box: Box, index: int) -> None:
        """A face found the second time far from where it was found first moved too fast
        for the flow to follow it back (a face crossing the picture in a quarter of a
        second): the frames held before it was first found get it where its velocity between
        the two finds puts it, up to the shot's start, until it is out of the picture."""
        found_at, found = track.first or (index, box)
        size = max(box.width, box.height)
        dx = ((box.x1 + box.x2) - (found.x1 + found.x2)) / 2
        dy = ((box.y1 + box.y2) - (found.y1 + found.y2)) / 2
        if abs(dx) + abs(dy) <= 0.3 * size:
            return  # slow enough for the flow: _follow_back covered it
        self._cover_way_back(track, found, (dx / (index - found_at), dy / (index - found_at)),
                             found_at)

    def _follow_back(self, track: Track, index: int) -> None:
        """Covers a newly found face in the held frames before `index`, following it back
        with the flow, up to the shot's start and as far as it could have been missed."""
        owner = self.owner
        reach = owner.fine_hold if track.small else owner.hold
        back = Track(track.box, (0.0, 0.0), index, track.box, track.small)
        frames = list(self.buffer)
        height, width = frames[-1].picture.pixels.shape[:2]
        later = frames[-1]
        for frame in reversed(frames[:-1]):
            if frame.index < self.shot_start or index - frame.index > reach:
                break
            back.step(later.look, frame.look)
            if back.expired(frame.index, reach, width, height):
                break
            frame.boxes.append(back.cover(frame.index))
            later = frame


def _on_net_grid(rect: tuple[int, int, int, int], width: int, height: int
                 ) -> tuple[int, int, int, int]:
    """The crop grown to whole 32 px cells of the picture's grid: the network needs sides in
    multiples of 32 and would stretch the crop otherwise, and on the picture's own grid a
    small face is found (or missed) as in a look at the whole picture."""
    x1, y1, x2, y2 = rect
    x1, y1 = x1 - x1 % 32, y1 - y1 % 32
    x2, y2 = min(width, x2 + -x2 % 32), min(height, y2 + -y2 % 32)
    x1 = max(0, x1 - (x2 - x1) % 32)  # at the right or bottom edge: grow the other way
    y1 = max(0, y1 - (y2 - y1) % 32)
    return x1, y1, x2, y2


def _grouped(rects: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Changed parts joined where one crop around two costs the network less than two
    crops (each look has its own cost): while their common box is at most 1.5 times their
    areas together."""
    def area(r: tuple[int, int, int, int]) -> int:
        return (r[2] - r[0]) * (r[3] - r[1])

    groups = list(rects)
    joined = True
    while joined and len(groups) > 1:
        joined = False
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                a, b = groups[i], groups[j]
                both = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
                if area(both) <= 1.5 * (area(a) + area(b)):
                    groups[i] = both
                    del groups[j]
                    joined = True
                    break
            if joined:
                break
    return groups


def _centre(box: Box) -> tuple[float, float]:
    return (box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2


def _distance(a: Box, b: Box) -> float:
    (ax, ay), (bx, by) = _centre(a), _centre(b)
    return float(((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5)


def _similar(a: Box, b: Box) -> bool:
    return 0.7 < a.height / max(b.height, 1e-6) < 1.4


def _centre_in(box: Box, zone: Box) -> bool:
    cx, cy = (box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2
    return zone.x1 <= cx <= zone.x2 and zone.y1 <= cy <= zone.y2


def _profile(box: Box) -> bool:
    """Narrow for its height: a head turned sideways, which the network scores low."""
    return box.width < PROFILE * box.height


def _as_head(box: Box) -> Box:
    """A profile-shaped box covers only part of the head: grown to a head's size."""
    if not _profile(box):
        return box
    cx, cy = (box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2
    half_h = box.height * 0.65
    half_w = max(box.width / 2, 0.45 * box.height)
    return Box(cx - half_w, cy - half_h, cx + half_w, cy + half_h, box.score)


def _cut_by_edge(box: Box, width: int, height: int) -> bool:
    return (box.x1 < EDGE_CUT or box.y1 < EDGE_CUT or box.x2 > width - EDGE_CUT
            or box.y2 > height - EDGE_CUT)


def _near_edge(box: Box, width: int, height: int) -> bool:
    margin = EDGE * max(box.width, box.height)
    return (box.x1 < margin or box.y1 < margin or box.x2 > width - margin
            or box.y2 > height - margin)
