"""Where each marker sits on screen and what lies under the mouse: pure functions, no painting.

A point marker is a shape glyph on a thin vertical line; a range marker is a bar with the glyph at
its start. Hit testing prefers precise targets (range edges, point markers) over range bodies, and
the topmost (last drawn) marker over those below it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from vsr.model import Marker

from .geometry import Rect, TimelineLayout, TimeScale

GLYPH_R = 7.0  # half the glyph size in px: big enough to aim at, small enough not to crowd
EDGE_TOL_PX = 5.0  # how close to a range edge the mouse must be to resize instead of move
POINT_HIT_HALF_PX = 7.0
BAR_MAX_H = 22.0
MERGE_PX = 1.0  # markers of one lane starting within this many px are drawn as one


class MarkerPart(Enum):
    BODY = "body"  # move the whole marker
    START = "start"  # resize a range at its start
    END = "end"  # resize a range at its end


@dataclass(frozen=True, slots=True)
class MarkerGeometry:
    marker_id: int
    party_id: int
    lane: int
    x_start: float
    x_end: float | None  # None for a point marker
    lane_box: Rect  # the lane's time area (header excluded)
    glyph_cx: float
    glyph_cy: float
    bar: Rect | None  # None for a point marker
    # False when the glyph would mostly cover the one drawn just before it in its lane (dense
    # markers at wide zoom): the line or bar is drawn, the glyph is left out.
    glyph: bool = True

    @property
    def is_range(self) -> bool:
        return self.x_end is not None

    def glyph_box(self) -> Rect:
        return Rect(self.glyph_cx - GLYPH_R, self.glyph_cy - GLYPH_R, 2 * GLYPH_R, 2 * GLYPH_R)


@dataclass(frozen=True, slots=True)
class MarkerHit:
    marker_id: int
    part: MarkerPart


def lane_time_box(layout: TimelineLayout, lane: int) -> Rect:
    r = layout.lane_rect(lane)
    return Rect(layout.time_x0, r.y, layout.time_width, r.h)


def marker_geometry(
    marker: Marker, lane: int, layout: TimelineLayout, scale: TimeScale, box: Rect | None = None,
    glyph_after: float = -1e9,
) -> MarkerGeometry:
    """`box` is the lane's time box when the caller already has it (saves work per marker);
    the glyph is left out when it would start less than GLYPH_R after x `glyph_after`."""
    if box is None:
        box = lane_time_box(layout, lane)
    cy = box.y + box.h / 2
    xs = scale.ms_to_x(marker.start_ms)
    if marker.end_ms is None:
        return MarkerGeometry(marker.id, marker.party_id, lane, xs, None, box, xs, cy, None,
                              xs - glyph_after >= GLYPH_R)
    xe = max(xs, scale.ms_to_x(marker.end_ms))
    bar_h = min(BAR_MAX_H, box.h - 10)
    bar = Rect(xs, cy - bar_h / 2, xe - xs, bar_h)
    # The glyph sits inside the bar at its start, so the start edge stays free to grab; a bar too
    # narrow for that carries the glyph on its middle.
    gx = xs + GLYPH_R + 3 if bar.w >= 2 * GLYPH_R + 6 else xs + bar.w / 2
    return MarkerGeometry(marker.id, marker.party_id, lane, xs, xe, box, gx, cy, bar,
                          gx - glyph_after >= GLYPH_R)


def layout_markers(
    markers: Iterable[Marker],
    lane_of_party: Mapping[int, int],
    hidden_parties: set[int] | frozenset[int],
    layout: TimelineLayout,
    scale: TimeScale,
    selected_id: int | None = None,
    *,
    in_order: bool = False,
) -> list[MarkerGeometry]:
    """Geometry of the markers that are at least partly visible, in drawing order (by start time
    within each lane, as lanes do not overlap; the selected marker last so it is drawn on top
    and hit first).

    Markers of one lane that start in the same pixel column (thousands of markers at "show
    all") would be drawn on top of each other: only the last of them, the one that would be on
    top, is kept, and a glyph that would mostly cover the previous one is left out. So a repaint
    costs at most a line per pixel column and lane, however many markers there are; zoomed in,
    every marker has its own column again. `in_order`: `markers` are already sorted by
    (start, id)."""
    margin_ms = scale.px_to_ms(GLYPH_R * 3)
    left_ms = scale.x_to_ms(layout.time_x0) - margin_ms
    right_ms = scale.x_to_ms(layout.width) + margin_ms
    boxes = {lane: lane_time_box(layout, lane) for lane in set(lane_of_party.values())}
    out: list[MarkerGeometry] = []
    selected: MarkerGeometry | None = None
    pending: dict[int, tuple[int, Marker]] = {}  # lane -> (pixel column, last marker in it)
    last_glyph: dict[int, float] = {}  # lane -> x of the last glyph drawn

    def emit(lane: int, marker: Marker) -> None:
        geo = marker_geometry(marker, lane, layout, scale, boxes[lane],
                              last_glyph.get(lane, -1e9))
        if geo.glyph:
            last_glyph[lane] = geo.glyph_cx
        out.append(geo)

    offset, per_px, x0 = scale.offset_ms, scale.ms_per_px, scale.x0
    ordered = markers if in_order else sorted(markers, key=lambda m: (m.start_ms, m.id))
    for m in ordered:
        lane = lane_of_party.get(m.party_id)
        if lane is None or m.party_id in hidden_parties:
            continue
        end = m.end_ms if m.end_ms is not None else m.start_ms
        if end < left_ms or m.start_ms > right_ms:
            continue
        if m.id == selected_id:
            selected = marker_geometry(m, lane, layout, scale, boxes[lane])
            continue
        # Geometry is made only for the last marker of each column (the one on top).
        column = int((x0 + (m.start_ms - offset) / per_px) // MERGE_PX)
        waiting = pending.get(lane)
        if waiting is not None and waiting[0] != column:
            emit(lane, waiting[1])
        pending[lane] = (column, m)
    for lane, (_column, marker) in pending.items():
        emit(lane, marker)
    if selected is not None:
        out.append(selected)
    return out


def _edge_hit(geo: MarkerGeometry, x: float, y: float, edge_tol: float) -> MarkerPart | None:
    assert geo.bar is not None and geo.x_end is not None
    if not (geo.bar.y - 3 <= y <= geo.bar.bottom + 3):
        return None
    # Narrow bars get narrower edge zones so their middle can still be grabbed to move them.
    tol = min(edge_tol, max(1.5, geo.bar.w / 3))
    if abs(x - geo.x_end) <= tol:
        return MarkerPart.END
    if abs(x - geo.x_start) <= tol and not geo.glyph_box().contains(x, y):
        return MarkerPart.START
    return None


def hit_test(
    geometries: Sequence[MarkerGeometry], x: float, y: float, edge_tol: float = EDGE_TOL_PX
) -> MarkerHit | None:
    """The marker part under (x, y), or None."""
    for geo in reversed(geometries):
        if not geo.lane_box.contains(x, y) and not geo.glyph_box().contains(x, y):
            continue
        if geo.is_range:
            part = _edge_hit(geo, x, y, edge_tol)
            if part is not None:
                return MarkerHit(geo.marker_id, part)
        elif abs(x - geo.x_start) <= POINT_HIT_HALF_PX:
            return MarkerHit(geo.marker_id, MarkerPart.BODY)
    for geo in reversed(geometries):
        if geo.bar is not None:
            body = Rect(geo.bar.x, geo.bar.y - 2, geo.bar.w, geo.bar.h + 4)
            if body.contains(x, y) or geo.glyph_box().contains(x, y):
                return MarkerHit(geo.marker_id, MarkerPart.BODY)
    return None
