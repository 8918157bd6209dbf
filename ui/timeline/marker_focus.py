"""The timeline by keyboard and for a screen reader: Up/Down move the focus from marker to marker
(in time order; the marker is selected and its gespreksblad shown), Return opens it (selects it
and goes there), and what each accessible part (lane, marker, playhead) says and where it is.
A mixin for TimelineView, so view.py stays about pointer input."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAccessible

from ..timefmt import format_ms
from .accessible import PLAYHEAD, Key, marker_name, notify
from .geometry import Rect
from .lanes import GLYPH_R

if TYPE_CHECKING:
    from .view import TimelineView

# Keys the timeline uses itself: window shortcuts yield them while it has the focus
# (ui/accessibility_keys.py reads this property).
TIMELINE_KEYS = [int(k) for k in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Return,
                                  Qt.Key.Key_Enter)]



class MarkerFocus:
    """Needs TimelineView's state (_parties, _ordered, _markers, _hidden, _selected)."""

    _focused_marker: int | None = None

    # -- keyboard ---------------------------------------------------------------------------
    def focused_marker(self: TimelineView) -> int | None:
        return self._focused_marker if self._focused_marker in self._markers else None

    def step_marker_focus(self: TimelineView, direction: int) -> None:
        """Move the focus to the next (1) or previous (-1) marker in time."""
        ordered = [m.id for m in self._ordered]
        if not ordered:
            return
        current = self.focused_marker() or (self._selected if self._selected in self._markers
                                             else None)
        if current is None:
            after = [m.id for m in self._ordered if m.start_ms >= self.position()]
            target = (after[0] if after else ordered[-1]) if direction > 0 else \
                next((m.id for m in reversed(self._ordered) if m.start_ms <= self.position()),
                     ordered[0])
        else:
            index = ordered.index(current) + direction
            target = ordered[max(0, min(len(ordered) - 1, index))]
        self.focus_marker(target)

    def focus_marker(self: TimelineView, marker_id: int) -> None:
        """Keyboard focus on a marker: selected, shown, and told to a screen reader."""
        marker = self._markers.get(marker_id)
        if marker is None:
            return
        self._focused_marker = marker_id
        self.set_selected_marker(marker_id)
        self.reveal(marker.start_ms)
        self.marker_clicked.emit(marker_id)
        if self.hasFocus():
            notify(self, QAccessible.Event.Focus, self.accessible_keys().index(("marker", marker_id)))

    def activate_marker(self: TimelineView, marker_id: int | None = None) -> None:
        """Open a marker (the focused one by default): select it and go to its start."""
        target = marker_id if marker_id is not None else (self.focused_marker() or self._selected)
        if target is not None and target in self._markers:
            self._focused_marker = target
            self.click_marker(target)

    # -- what a screen reader reads (see accessible.py) -----------------------------------
    def accessible_keys(self: TimelineView) -> list[Key]:
        lanes: list[Key] = [("lane", p.id) for p in self._parties]
        return lanes + [("marker", m.id) for m in self._ordered] + [PLAYHEAD]

    def accessible_text(self: TimelineView, key: Key, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._accessible_name(key)
        if kind == QAccessible.Text.Description:
            return self._accessible_description(key)
        if kind == QAccessible.Text.Value and key == PLAYHEAD:
            return self._position_words()
        return ""

    def _position_words(self: TimelineView) -> str:
        return QCoreApplication.translate("TimelineAccessible", "{now} of {total}").format(
            now=format_ms(self.position(), length_ms=self.duration_ms()),
            total=format_ms(self.duration_ms()))

    def _accessible_name(self: TimelineView, key: Key) -> str:
        kind, ident = key
        if kind == "lane":
            party = next((p for p in self._parties if p.id == ident), None)
            name = party.name if party is not None else ""
            if ident in self._hidden:
                return QCoreApplication.translate(
                    "TimelineAccessible", "Row of {name} (hidden)").format(name=name)
            count = sum(1 for m in self._ordered if m.party_id == ident)
            if count == 1:
                return QCoreApplication.translate(
                    "TimelineAccessible", "Row of {name}: 1 moment").format(name=name)
            return QCoreApplication.translate(
                "TimelineAccessible", "Row of {name}: {n} moments").format(name=name, n=count)
        if kind == "marker":
            marker = self._markers.get(ident)
            if marker is None:
                return ""
            lane = self._lane_of_party.get(marker.party_id)
            return marker_name(marker, self._parties[lane] if lane is not None else None)
        return QCoreApplication.translate("TimelineAccessible", "Position in the recording")

    def _accessible_description(self: TimelineView, key: Key) -> str:
        if key[0] == "marker":
            return QCoreApplication.translate(
                "TimelineAccessible",
                "Return opens this moment. Up and down go to the previous or next one.")
        if key == PLAYHEAD:
            return self._position_words()
        return ""

    def accessible_rect(self: TimelineView, key: Key) -> Rect | None:
        """Where the part is in the view, or None when it is scrolled out of sight."""
        layout = self.current_layout()
        kind, ident = key
        if kind == "lane":
            lane = self._lane_of_party.get(ident)
            return layout.lane_rect(lane) if lane is not None else None
        if kind == "marker":
            geometry = next((g for g in self._marker_geometries() if g.marker_id == ident), None)
            if geometry is None:
                return None
            box = geometry.bar if geometry.bar is not None else geometry.glyph_box()
            return box if box.right >= layout.time_x0 and box.x <= self.width() else None
        x = self.x_for_time(self.position())
        return Rect(x - GLYPH_R, 0, 2 * GLYPH_R, self.height())

    def accessible_flags(self: TimelineView, key: Key) -> tuple[bool, bool]:
        """(focused, selected) of a part."""
        if key[0] != "marker":
            return False, False
        return (self.hasFocus() and self.focused_marker() == key[1], self._selected == key[1])
