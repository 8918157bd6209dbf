"""Pure rules for changing a marker by dragging: move keeps the length, resize keeps a minimum
length, and everything stays inside [0, duration]."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .lanes import MarkerPart

DRAG_THRESHOLD_PX = 4.0  # a press that moves less than this is a click
MIN_RANGE_MS = 100


def dragged_span(
    part: MarkerPart, start_ms: int, end_ms: int | None, delta_ms: float, duration_ms: int
) -> tuple[int, int | None]:
    """The marker's (start, end) after dragging `part` by `delta_ms`."""
    delta = int(round(delta_ms))
    if end_ms is None:  # a point only moves
        return int(min(max(0, start_ms + delta), duration_ms)), None
    length = end_ms - start_ms
    if part is MarkerPart.BODY:
        new_start = min(max(0, start_ms + delta), max(0, duration_ms - length))
        return new_start, new_start + length
    if part is MarkerPart.START:
        new_start = min(max(0, start_ms + delta), end_ms - MIN_RANGE_MS)
        return max(0, new_start), end_ms
    new_end = max(min(duration_ms, end_ms + delta), start_ms + MIN_RANGE_MS)
    return start_ms, min(new_end, max(duration_ms, start_ms + MIN_RANGE_MS))


def drawn_range(a_ms: float, b_ms: float, duration_ms: int) -> tuple[int, int]:
    """A range drawn from a to b (either direction), at least MIN_RANGE_MS long, within
    [0, duration] where the duration allows it."""
    lo = int(round(max(0.0, min(a_ms, b_ms))))
    hi = int(round(min(float(duration_ms), max(a_ms, b_ms))))
    if hi - lo < MIN_RANGE_MS:
        hi = min(duration_ms, lo + MIN_RANGE_MS)
        lo = max(0, hi - MIN_RANGE_MS)
    return lo, hi


class DragKind(Enum):
    SCRUB = "scrub"  # moving the playhead (ruler or empty lane)
    MARKER = "marker"  # moving or resizing a marker
    DRAW = "draw"  # shift-drag: drawing a new range in a lane


@dataclass(slots=True)
class DragState:
    """What the current mouse press is doing. `active` turns on once the mouse has moved
    DRAG_THRESHOLD_PX; before that a release is a click."""

    kind: DragKind
    press_x: float
    press_y: float
    press_ms: float
    active: bool = False
    marker_id: int | None = None
    part: MarkerPart = MarkerPart.BODY
    orig_start: int = 0
    orig_end: int | None = None
    preview_start: int = 0
    preview_end: int | None = None
    party_id: int | None = None  # the lane's party when drawing
    current_ms: float = 0.0

    def passed_threshold(self, x: float, y: float) -> bool:
        return abs(x - self.press_x) >= DRAG_THRESHOLD_PX or abs(y - self.press_y) >= (
            DRAG_THRESHOLD_PX
        )
