"""Pure geometry of the timeline: time <-> pixel mapping, the vertical layout and time labels.

No Qt here, so every rule can be tested without a widget or a display.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rect:
    """An axis-aligned rectangle in widget pixels (float, top-left origin)."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def contains(self, px: float, py: float) -> bool:
        return self.x <= px <= self.right and self.y <= py <= self.bottom


@dataclass(frozen=True, slots=True)
class TimeScale:
    """Maps milliseconds to x pixels: `x0` is where the time area starts, `offset_ms` is the time
    shown at x0, `ms_per_px` the zoom."""

    ms_per_px: float
    offset_ms: float
    x0: float = 0.0

    def ms_to_x(self, ms: float) -> float:
        return self.x0 + (ms - self.offset_ms) / self.ms_per_px

    def x_to_ms(self, x: float) -> float:
        return self.offset_ms + (x - self.x0) * self.ms_per_px

    def px_to_ms(self, px: float) -> float:
        """A horizontal distance in pixels as a duration in milliseconds."""
        return px * self.ms_per_px


@dataclass(frozen=True, slots=True)
class TimelineLayout:
    """Vertical bands from top to bottom: ruler, audio envelope (may be 0 high), one lane per party.
    The left `header_w` pixels hold the band titles (party names); time starts right of it."""

    width: int
    height: int
    header_w: int
    ruler_h: int
    envelope_h: int
    lane_h: int
    lane_count: int

    @property
    def time_x0(self) -> int:
        return self.header_w

    @property
    def time_width(self) -> int:
        return max(1, self.width - self.header_w)

    @property
    def envelope_top(self) -> int:
        return self.ruler_h

    @property
    def lanes_top(self) -> int:
        return self.ruler_h + self.envelope_h

    @property
    def lanes_bottom(self) -> int:
        return self.lanes_top + self.lane_h * self.lane_count

    def lane_rect(self, index: int) -> Rect:
        """The full-width rectangle of lane `index` (header included)."""
        return Rect(0, self.lanes_top + index * self.lane_h, self.width, self.lane_h)

    def lane_at(self, y: float) -> int | None:
        """The lane index under y, or None above/below the lanes."""
        if y < self.lanes_top or self.lane_h <= 0:
            return None
        index = int((y - self.lanes_top) // self.lane_h)
        return index if 0 <= index < self.lane_count else None

    def in_time_area(self, x: float) -> bool:
        return x >= self.time_x0

    def in_ruler_zone(self, y: float) -> bool:
        """The ruler and the envelope band both act as a scrub strip."""
        return 0 <= y < self.lanes_top


def make_layout(
    width: int,
    height: int,
    lane_count: int,
    *,
    header_w: int = 120,
    ruler_h: int = 26,
    envelope_h: int = 40,
    min_lane_h: int = 30,
    max_lane_h: int = 52,
) -> TimelineLayout:
    """Lanes share the height left under ruler and envelope, within [min_lane_h, max_lane_h]."""
    free = height - ruler_h - envelope_h
    lane_h = free // lane_count if lane_count > 0 else max_lane_h
    lane_h = max(min_lane_h, min(max_lane_h, lane_h))
    return TimelineLayout(width, height, header_w, ruler_h, envelope_h, lane_h, lane_count)


def clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))
