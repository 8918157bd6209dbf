"""The mouse state machine of the timeline: press / move / release become scrubs, marker clicks,
marker moves and resizes, or newly drawn ranges. It talks to the widget only through PointerHost,
so the rules read in one place and the widget stays about painting and Qt plumbing."""

from __future__ import annotations

from typing import Protocol

from vsr.model import Marker, Party

from .drag import DragKind, DragState, dragged_span, drawn_range
from .geometry import TimelineLayout, TimeScale, clamp
from .lanes import MarkerHit, MarkerPart


class PointerHost(Protocol):
    """What the interaction needs from the widget."""

    def duration_ms(self) -> int: ...
    def current_layout(self) -> TimelineLayout: ...
    def current_scale(self) -> TimeScale: ...
    def marker_at(self, x: float, y: float) -> MarkerHit | None: ...
    def marker_by_id(self, marker_id: int) -> Marker | None: ...
    def party_for_lane(self, lane: int) -> Party | None: ...  # None when hidden or absent
    def scrub_to(self, ms: int) -> None: ...
    def click_marker(self, marker_id: int) -> None: ...
    def preview_marker(self, marker_id: int, start_ms: int, end_ms: int | None) -> None: ...
    def finish_marker(
        self, marker_id: int, start_ms: int, end_ms: int | None, changed: bool
    ) -> None: ...
    def preview_draw(self, party_id: int, start_ms: int, end_ms: int) -> None: ...
    def finish_draw(self, party_id: int, start_ms: int, end_ms: int) -> None: ...
    def drag_ended(self) -> None: ...


class PointerInteraction:
    def __init__(self, host: PointerHost) -> None:
        self._host = host
        self.drag: DragState | None = None

    @property
    def scrubbing(self) -> bool:
        return self.drag is not None and self.drag.kind is DragKind.SCRUB

    def _time_at(self, x: float) -> float:
        return clamp(self._host.current_scale().x_to_ms(x), 0.0, float(self._host.duration_ms()))

    # ------------------------------------------------------------------ press
    def press(self, x: float, y: float, shift: bool) -> None:
        host = self._host
        layout = host.current_layout()
        if not layout.in_time_area(x) or host.duration_ms() <= 0:
            return
        ms = self._time_at(x)
        if layout.in_ruler_zone(y):
            self._start_scrub(x, y, ms)
            return
        lane = layout.lane_at(y)
        party = host.party_for_lane(lane) if lane is not None else None
        hit = host.marker_at(x, y)
        if shift and party is not None:
            self.drag = DragState(DragKind.DRAW, x, y, ms, party_id=party.id, current_ms=ms)
            # Remember the marker under a shift-click: without a drag it is a plain click on it.
            self.drag.marker_id = hit.marker_id if hit is not None else None
            return
        if hit is not None:
            marker = host.marker_by_id(hit.marker_id)
            if marker is not None:
                self.drag = DragState(
                    DragKind.MARKER,
                    x,
                    y,
                    ms,
                    marker_id=marker.id,
                    part=hit.part,
                    orig_start=marker.start_ms,
                    orig_end=marker.end_ms,
                    preview_start=marker.start_ms,
                    preview_end=marker.end_ms,
                )
                return
        self._start_scrub(x, y, ms)

    def _start_scrub(self, x: float, y: float, ms: float) -> None:
        self.drag = DragState(DragKind.SCRUB, x, y, ms, active=True, current_ms=ms)
        self._host.scrub_to(int(round(ms)))

    # ------------------------------------------------------------------ move
    def move(self, x: float, y: float) -> None:
        drag = self.drag
        if drag is None:
            return
        if not drag.active:
            if not drag.passed_threshold(x, y):
                return
            drag.active = True
        ms = self._time_at(x)
        previous, drag.current_ms = drag.current_ms, ms
        if drag.kind is DragKind.SCRUB:
            if round(ms) != round(previous):  # one seek per new time, none for a still mouse
                self._host.scrub_to(int(round(ms)))
        elif drag.kind is DragKind.MARKER and drag.marker_id is not None:
            # The delta is measured in time, not pixels, so auto-scroll during the drag is honoured.
            start, end = dragged_span(
                drag.part,
                drag.orig_start,
                drag.orig_end,
                ms - drag.press_ms,
                self._host.duration_ms(),
            )
            if (start, end) != (drag.preview_start, drag.preview_end):
                drag.preview_start, drag.preview_end = start, end
                self._host.preview_marker(drag.marker_id, start, end)
        elif drag.kind is DragKind.DRAW and drag.party_id is not None:
            lo, hi = drawn_range(drag.press_ms, ms, self._host.duration_ms())
            self._host.preview_draw(drag.party_id, lo, hi)

    # ------------------------------------------------------------------ release / cancel
    def release(self, x: float, y: float) -> None:
        drag = self.drag
        if drag is None:
            return
        self.move(x, y)
        self.drag = None
        host = self._host
        if drag.kind is DragKind.MARKER and drag.marker_id is not None:
            if drag.active:
                changed = (drag.preview_start, drag.preview_end) != (drag.orig_start, drag.orig_end)
                host.finish_marker(drag.marker_id, drag.preview_start, drag.preview_end, changed)
            else:
                host.click_marker(drag.marker_id)
        elif drag.kind is DragKind.DRAW and drag.party_id is not None:
            if drag.active:
                lo, hi = drawn_range(drag.press_ms, drag.current_ms, host.duration_ms())
                host.finish_draw(drag.party_id, lo, hi)
            elif drag.marker_id is not None:
                host.click_marker(drag.marker_id)
            else:
                host.scrub_to(int(round(drag.press_ms)))
        host.drag_ended()

    def cancel(self) -> None:
        """Escape or lost focus: put a dragged marker back and forget the drag."""
        drag = self.drag
        self.drag = None
        if drag is None:
            return
        if drag.kind is DragKind.MARKER and drag.marker_id is not None and drag.active:
            self._host.preview_marker(drag.marker_id, drag.orig_start, drag.orig_end)
        self._host.drag_ended()

    # ------------------------------------------------------------------ preview state for painting
    def marker_preview(self) -> tuple[int, int, int | None] | None:
        """(marker id, start, end) of a marker being dragged, for drawing it at its new place."""
        d = self.drag
        if d is None or not d.active or d.kind is not DragKind.MARKER or d.marker_id is None:
            return None
        return d.marker_id, d.preview_start, d.preview_end

    def draw_preview(self) -> tuple[int, int, int] | None:
        """(party id, start, end) of a range being drawn."""
        d = self.drag
        if d is None or not d.active or d.kind is not DragKind.DRAW or d.party_id is None:
            return None
        lo, hi = drawn_range(d.press_ms, d.current_ms, self._host.duration_ms())
        return d.party_id, lo, hi

    @property
    def dragging_part(self) -> MarkerPart | None:
        d = self.drag
        return d.part if d is not None and d.kind is DragKind.MARKER and d.active else None
