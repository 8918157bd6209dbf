"""Where each marker sits on screen and what lies under the mouse: pure functions, no painting.

A point marker is a shape glyph on a thin vertical line; a range marker is a bar with the glyph at
its start. Hit testing prefers precise targets (range edges, point markers) over range bodies, and
the topmost (last drawn) marker over those below it.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator, Mapping, Sequence
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


BLOCK_COLUMNS = 64  # pixel columns per block: the unit a change re-batches for painting
_NO_GLYPH = -1e9


class MarkerLayout:
    """What `layout_markers` makes, kept so that one marker added, moved or removed costs work
    on its own pixel columns only, not on every marker in view.

    Per lane it holds the markers in view by pixel column (the last by (start, id) is the one
    drawn), the geometry of each column's top marker and the x of the last glyph before it (a
    glyph is left out when it would mostly cover that one). A change redoes its columns and
    the glyph decisions after them until they come out as before, then stops. The geometries
    are kept in blocks of BLOCK_COLUMNS columns; a block that changed is a new list object, so
    whoever batches them for painting (static_layer) redoes those blocks only. The result
    always equals a fresh `layout_markers` of the same markers (tested with random edits)."""

    def __init__(
        self,
        markers: Iterable[Marker],
        lane_of_party: Mapping[int, int],
        hidden_parties: set[int] | frozenset[int],
        layout: TimelineLayout,
        scale: TimeScale,
    ) -> None:
        self.layout, self.scale = layout, scale
        self._lane_of_party = dict(lane_of_party)
        self._hidden = frozenset(hidden_parties)
        margin_ms = scale.px_to_ms(GLYPH_R * 3)
        self._left_ms = scale.x_to_ms(layout.time_x0) - margin_ms
        self._right_ms = scale.x_to_ms(layout.width) + margin_ms
        self._boxes = {lane: lane_time_box(layout, lane) for lane in set(lane_of_party.values())}
        self._shown: dict[int, Marker] = {}  # id -> marker in view
        self._in_column: dict[int, dict[int, list[tuple[int, int]]]] = {}  # lane -> column -> keys
        self._columns: dict[int, list[int]] = {}  # lane -> occupied columns, ascending
        self._top: dict[int, dict[int, MarkerGeometry]] = {}  # lane -> column -> drawn geometry
        self._before: dict[int, dict[int, float]] = {}  # lane -> column -> x of the glyph before
        self._blocks: dict[int, dict[int, list[MarkerGeometry]]] = {}  # lane -> block -> geos
        self._flat: list[MarkerGeometry] | None = None
        for lane in self._boxes:
            self._in_column[lane], self._columns[lane] = {}, []
            self._top[lane], self._before[lane], self._blocks[lane] = {}, {}, {}
        for m in markers:
            lane = self._lane_in_view(m)
            if lane is not None:
                self._shown[m.id] = m
                keys = self._in_column[lane].setdefault(self._column(m.start_ms), [])
                keys.append((m.start_ms, m.id))
        for lane, by_column in self._in_column.items():
            for keys in by_column.values():
                keys.sort()
            columns = self._columns[lane] = sorted(by_column)
            if columns:
                self._redo(lane, columns)

    # ------------------------------------------------------------------ reading
    def geometries(self) -> list[MarkerGeometry]:
        """All geometries, lane by lane in column order (lanes do not overlap, so this is a
        drawing order); the same list object until the next change."""
        if self._flat is None:
            self._flat = [g for lane in sorted(self._blocks) for block in self.lane_blocks(lane)
                          for g in block]
        return self._flat

    def lane_blocks(self, lane: int) -> Iterator[list[MarkerGeometry]]:
        """The geometries of `lane` block by block, left to right."""
        blocks = self._blocks.get(lane, {})
        return (blocks[b] for b in sorted(blocks))

    def lanes(self) -> list[int]:
        return sorted(self._blocks)

    def shows(self, marker_id: int) -> bool:
        """Whether the marker is in view (drawn, or hidden under the top one of its column)."""
        return marker_id in self._shown

    def drawn(self, marker_id: int) -> MarkerGeometry | None:
        """The marker's geometry when it is drawn (in view and on top in its column)."""
        m = self._shown.get(marker_id)
        if m is None:
            return None
        geo = self._top[self._lane_of_party[m.party_id]].get(self._column(m.start_ms))
        return geo if geo is not None and geo.marker_id == marker_id else None

    def index_of(self, marker_id: int) -> int | None:
        """Where `drawn(marker_id)` is in `geometries()` (None when it is not drawn)."""
        if self.drawn(marker_id) is None:
            return None
        m = self._shown[marker_id]
        lane = self._lane_of_party[m.party_id]
        before = sum(len(self._columns[other]) for other in self._columns if other < lane)
        return before + bisect_left(self._columns[lane], self._column(m.start_ms))

    # ------------------------------------------------------------------ changing
    def update(self, removed: Iterable[int], added: Iterable[Marker]) -> None:
        """Markers `removed` (ids) are gone, `added` are new or at a new place (a moved marker
        is in both)."""
        touched: dict[int, set[int]] = {}  # lane -> columns whose markers changed
        for marker_id in removed:
            old = self._shown.pop(marker_id, None)
            if old is None:
                continue
            lane = self._lane_of_party[old.party_id]
            column = self._column(old.start_ms)
            keys = self._in_column[lane][column]
            keys.remove((old.start_ms, old.id))
            if not keys:
                del self._in_column[lane][column]
                columns = self._columns[lane]
                del columns[bisect_left(columns, column)]
            touched.setdefault(lane, set()).add(column)
        for m in added:
            if m.id in self._shown:
                raise ValueError(f"marker {m.id} is laid out already: remove it first")
            lane = self._lane_in_view(m)
            if lane is None:
                continue
            self._shown[m.id] = m
            column = self._column(m.start_ms)
            keys = self._in_column[lane].get(column)
            if keys is None:
                keys = self._in_column[lane][column] = []
                insort(self._columns[lane], column)
            insort(keys, (m.start_ms, m.id))
            touched.setdefault(lane, set()).add(column)
        for lane, columns in touched.items():
            self._redo(lane, sorted(columns))

    # ------------------------------------------------------------------ internals
    def _lane_in_view(self, m: Marker) -> int | None:
        lane = self._lane_of_party.get(m.party_id)
        if lane is None or m.party_id in self._hidden:
            return None
        end = m.end_ms if m.end_ms is not None else m.start_ms
        if end < self._left_ms or m.start_ms > self._right_ms:
            return None
        return lane

    def _column(self, start_ms: int) -> int:
        # The very expression of layout_markers: the same floats, the same columns.
        s = self.scale
        return int((s.x0 + (start_ms - s.offset_ms) / s.ms_per_px) // MERGE_PX)

    def _redo(self, lane: int, touched: list[int]) -> None:
        """Lay out the `touched` columns (ascending) of `lane` again, and the glyph decisions
        after each until they come out as before."""
        columns, top, before = self._columns[lane], self._top[lane], self._before[lane]
        by_column, box = self._in_column[lane], self._boxes[lane]
        dirty: set[int] = set()
        for column in touched:
            if column not in by_column and column in top:  # emptied
                del top[column], before[column]
                dirty.add(column // BLOCK_COLUMNS)
        # From each touched column (one emptied included: the glyphs after it may show now)
        # the decisions are made again until one comes out as it was before.
        must = {c for c in touched if c in by_column}
        k = 0  # touched[k:] still to start from
        while k < len(touched):
            i = bisect_left(columns, touched[k])
            if i == len(columns):
                break
            last = top.get(columns[i - 1]) if i > 0 else None
            glyph_after = _NO_GLYPH if last is None else (
                last.glyph_cx if last.glyph else before[columns[i - 1]])
            while i < len(columns):
                column = columns[i]
                while k < len(touched) and touched[k] <= column:
                    k += 1
                if column not in must and before.get(column) == glyph_after:
                    break  # as before from here on, up to the next touched column
                _start_ms, marker_id = by_column[column][-1]
                geo = marker_geometry(self._shown[marker_id], lane, self.layout, self.scale,
                                      box, glyph_after)
                if top.get(column) != geo or before.get(column) != glyph_after:
                    top[column], before[column] = geo, glyph_after
                    dirty.add(column // BLOCK_COLUMNS)
                if geo.glyph:
                    glyph_after = geo.glyph_cx
                i += 1
        blocks = self._blocks[lane]
        for block in dirty:
            lo = bisect_left(columns, block * BLOCK_COLUMNS)
            hi = bisect_left(columns, (block + 1) * BLOCK_COLUMNS)
            if lo == hi:
                blocks.pop(block, None)
            else:
                blocks[block] = [top[c] for c in columns[lo:hi]]
        if dirty:
            self._flat = None


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
