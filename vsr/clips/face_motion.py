"""How the picture moves between two frames, cheaply: a scene cut or a fast change (from a
small grey thumbnail and its histogram), and where a face box went (Lucas-Kanade optical
flow on a grid of points inside the box, looked for only around the box)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

from vsr.clips.centerface import Box

THUMB_WIDTH = 96
CHANGED_LEVEL = 24  # grey levels: a thumbnail cell that changed more than this has changed
CUT_CHANGED = 0.2  # share of changed cells that, with a new histogram, makes a cut
CUT_HISTOGRAM = 0.1  # half the L1 distance of the grey histograms (0 same, 1 disjoint)
FAST_CHANGED = 0.12  # share of changed cells from which the picture changes fast
REGION_LEVEL = 6  # grey levels (quarter size) a pixel must change by to count as changed
WHOLE_SHARE = 0.4  # share of changed picture from which the whole picture is looked at
STILL_LEVEL = 2.0  # mean grey difference in a box under which nothing in it moved
Velocity = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Look:
    """What the motion measures need of one frame: its grey picture and a thumbnail."""

    grey: NDArray[np.uint8]
    levels: tuple[NDArray[np.uint8], ...]  # grey at full, half and quarter size
    thumb: NDArray[np.float32]
    histogram: NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Change:
    cut: bool  # a different shot: nothing before it says where faces are now
    fast: bool  # much of the picture changed since the frame before


def look_at(pixels: NDArray[np.uint8]) -> Look:
    grey = np.asarray(cv2.cvtColor(pixels, cv2.COLOR_BGR2GRAY), np.uint8)
    height, width = grey.shape
    half = np.asarray(cv2.resize(grey, (max(1, width // 2), max(1, height // 2)),
                                 interpolation=cv2.INTER_AREA), np.uint8)
    quarter = np.asarray(cv2.resize(half, (max(1, width // 4), max(1, height // 4)),
                                    interpolation=cv2.INTER_AREA), np.uint8)
    size = (THUMB_WIDTH, max(1, round(THUMB_WIDTH * height / max(width, 1))))
    thumb = np.asarray(cv2.resize(quarter, size, interpolation=cv2.INTER_AREA), np.float32)
    histogram = np.histogram(thumb, bins=32, range=(0, 256))[0] / thumb.size
    return Look(grey, (grey, half, quarter), thumb, histogram.astype(np.float64))


def change_between(before: Look, after: Look) -> Change:
    if before.thumb.shape != after.thumb.shape:
        return Change(cut=True, fast=True)
    changed = float((np.abs(after.thumb - before.thumb) > CHANGED_LEVEL).mean())
    distance = 0.5 * float(np.abs(after.histogram - before.histogram).sum())
    cut = changed > CUT_CHANGED and distance > CUT_HISTOGRAM
    return Change(cut=cut, fast=cut or changed > FAST_CHANGED)


def changed_regions(before: Look, after: Look, reach: int) -> list[tuple[int, int, int, int]]:
    """The parts of the picture (x1, y1, x2, y2 in full-size pixels) where anything changed
    between the two frames, each grown by `reach` px; [] when nothing changed, and the whole
    picture when most of it did. Worked out on the quarter-size grey: a face that moves a
    pixel or turns its head changes it."""
    a, b = before.levels[2], after.levels[2]
    height, width = before.grey.shape
    if a.shape != b.shape:
        return [(0, 0, width, height)]
    moved = (cv2.absdiff(a, b) > REGION_LEVEL).astype(np.uint8)
    grow = max(1, reach // 4)
    moved = np.asarray(cv2.dilate(moved, np.ones((2 * grow + 1, 2 * grow + 1), np.uint8)),
                       np.uint8)
    if moved.mean() > WHOLE_SHARE:
        return [(0, 0, width, height)]
    count, _labels, stats, _centres = cv2.connectedComponentsWithStats(moved, connectivity=8)
    regions = []
    for x, y, w, h, _area in stats[1:count]:
        regions.append((max(0, int(x) * 4), max(0, int(y) * 4),
                        min(width, int(x + w) * 4), min(height, int(y + h) * 4)))
    return regions


def uncovered_changes(before: Look, after: Look, covered: Sequence[Box], smallest: int
                      ) -> list[tuple[int, int, int, int]]:
    """The parts of the picture (x1, y1, x2, y2 in full-size pixels) that changed between
    the two frames outside the `covered` boxes, each at least `smallest` px wide and high:
    where a face may have come into the picture since `before` (a face already covered
    changes only inside its cover). Worked out on the quarter-size grey, as
    `changed_regions`; specks of noise are too small to count."""
    a, b = before.levels[2], after.levels[2]
    height, width = after.grey.shape
    if a.shape != b.shape:
        return [(0, 0, width, height)]
    moved = (cv2.absdiff(a, b) > REGION_LEVEL).astype(np.uint8)
    rows, cols = moved.shape
    for box in covered:
        x1, y1 = max(0, int(box.x1) // 4), max(0, int(box.y1) // 4)
        x2, y2 = min(cols, -(-int(box.x2) // 4)), min(rows, -(-int(box.y2) // 4))
        if x2 > x1 and y2 > y1:
            moved[y1:y2, x1:x2] = 0
    moved = np.asarray(cv2.dilate(moved, np.ones((5, 5), np.uint8)), np.uint8)
    count, _labels, stats, _centres = cv2.connectedComponentsWithStats(moved, connectivity=8)
    regions = []
    for x, y, w, h, _area in stats[1:count]:
        if w * 4 >= smallest and h * 4 >= smallest:
            regions.append((int(x) * 4, int(y) * 4, min(width, int(x + w) * 4),
                            min(height, int(y + h) * 4)))
    return regions


@dataclass(frozen=True, slots=True)
class Followed:
    box: Box
    velocity: Velocity  # px a frame
    sure: bool  # False: the flow found too little, so the box moved on with its velocity


def follow(before: Look, after: Look, box: Box, velocity: Velocity, gap: int = 1) -> Followed:
    """Where `box` of `before` is in `after`: the median flow of a grid of points in the
    middle of the box, started from where the velocity says it goes (so fast faces are
    found) and checked back again (points whose way back misses are dropped). A box whose
    pixels did not change stays where it is without any flow worked out. `after` is `gap`
    frames on from `before` (velocities are per frame)."""
    height, width = before.grey.shape
    vx, vy = velocity[0] * gap, velocity[1] * gap  # the way it goes in `gap` frames
    guessed = Followed(_moved(box, vx, vy), velocity, sure=False)
    size = max(box.width, box.height)
    level = 0 if size <= 64 else 1 if size <= 160 else 2  # big faces: flow at lower size
    shrink = 2 ** level
    if vx == 0 and vy == 0 and _unchanged(before.levels[level], after.levels[level], box, shrink):
        return Followed(box, (0.0, 0.0), sure=True)
    window = int(min(21, max(9, size / shrink * 0.3))) | 1
    reach = 1.5 * (abs(vx) + abs(vy)) + 0.15 * size + (window + 8) * shrink
    x1, y1 = max(0, int(box.x1 - reach)), max(0, int(box.y1 - reach))
    x2, y2 = min(width, int(box.x2 + reach) + 1), min(height, int(box.y2 + reach) + 1)
    points = _grid(box, width, height)
    if len(points) < 4 or x2 - x1 < 2 * shrink * 4 or y2 - y1 < 2 * shrink * 4:
        return guessed
    a = before.levels[level][y1 // shrink:y2 // shrink, x1 // shrink:x2 // shrink]
    b = after.levels[level][y1 // shrink:y2 // shrink, x1 // shrink:x2 // shrink]
    origin = np.array([x1 // shrink, y1 // shrink], np.float32) * shrink
    start = np.asarray(((points - origin) / shrink).reshape(-1, 1, 2), np.float32)
    guess = np.asarray(start + np.array([vx, vy], np.float32) / shrink, np.float32)
    ahead, found = _lucas_kanade(a, b, start, guess, window)
    back, found_back = _lucas_kanade(b, a, ahead, start, window)
    good = (found.ravel() == 1) & (found_back.ravel() == 1)
    good &= np.linalg.norm((back - start).reshape(-1, 2), axis=1) < 1.0
    if good.sum() < max(4, len(points) * 0.3):
        return guessed
    dx, dy = np.median((ahead - start).reshape(-1, 2)[good], axis=0) * shrink
    return Followed(_moved(box, float(dx), float(dy)), (float(dx) / gap, float(dy) / gap),
                    sure=True)


def _lucas_kanade(a: NDArray[np.uint8], b: NDArray[np.uint8], points: NDArray[np.float32],
                  guess: NDArray[np.float32], window: int
                  ) -> tuple[NDArray[np.float32], NDArray[np.uint8]]:
    moved, found, _ = cv2.calcOpticalFlowPyrLK(
        a, b, points, guess.copy(), winSize=(window, window), maxLevel=3,
        criteria=(cv2.TERM_CRITERIA_COUNT | cv2.TERM_CRITERIA_EPS, 10, 0.05),
        flags=cv2.OPTFLOW_USE_INITIAL_FLOW)
    return np.asarray(moved, np.float32), np.asarray(found, np.uint8)


def _unchanged(before: NDArray[np.uint8], after: NDArray[np.uint8], box: Box,
               shrink: int) -> bool:
    """Whether the box's pixels are the same but for noise (a face sitting still)."""
    height, width = before.shape
    x1, y1 = max(0, int(box.x1) // shrink), max(0, int(box.y1) // shrink)
    x2, y2 = min(width, int(box.x2) // shrink), min(height, int(box.y2) // shrink)
    if x2 - x1 < 4 or y2 - y1 < 4:
        return False
    diff = cv2.absdiff(before[y1:y2, x1:x2], after[y1:y2, x1:x2])
    return float(diff.mean()) < STILL_LEVEL


def _grid(box: Box, width: int, height: int) -> NDArray[np.float32]:
    """Up to 4x4 points in the middle 60% of the box, those inside the picture."""
    xs = np.linspace(box.x1 + 0.2 * box.width, box.x2 - 0.2 * box.width, 4)
    ys = np.linspace(box.y1 + 0.2 * box.height, box.y2 - 0.2 * box.height, 4)
    grid = np.array([(x, y) for y in ys for x in xs], np.float32)
    inside = (grid[:, 0] >= 1) & (grid[:, 0] < width - 1) & (grid[:, 1] >= 1) & (
        grid[:, 1] < height - 1)
    return np.asarray(grid[inside], np.float32)


def _moved(box: Box, dx: float, dy: float) -> Box:
    return Box(box.x1 + dx, box.y1 + dy, box.x2 + dx, box.y2 + dy, box.score)
