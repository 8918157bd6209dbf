"""TimelineView: ruler, audio envelope and one lane of markers per party, under the video.

It only shows state and emits intents (seek, marker moved, range drawn); it never talks to a
player or the library. While the user scrubs the playhead, set_position() is ignored, so the
player's position updates cannot fight the mouse (as in Qt's player example).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QContextMenuEvent,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QToolTip, QWidget

from vsr.model import Marker, Party

from ..timefmt import format_ms
from .accessible import install_timeline_accessibility, notify
from .canvas import TimelineCanvas
from .drag import DragKind
from .geometry import TimelineLayout
from .interaction import PointerInteraction
from .lanes import MarkerPart
from .marker_focus import TIMELINE_KEYS, MarkerFocus
from .marker_text import marker_tooltip
from .pause_paint import pause_at
from .view_input import EdgeAutoScroll, handle_key, handle_wheel


class TimelineView(MarkerFocus, TimelineCanvas):
    """The interactive timeline. Signals carry intents only; see the module docstring."""

    seek_requested = Signal(int)
    marker_clicked = Signal(int)
    marker_double_clicked = Signal(int)
    marker_moving = Signal(int, int, object)  # id, start_ms, end_ms | None
    marker_move_finished = Signal(int, int, object)  # id, start_ms, end_ms | None
    range_drawn = Signal(int, int, int)  # party id, start_ms, end_ms
    pause_moment_requested = Signal(int, int)  # party id, ms of a recorded pause

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pointer = PointerInteraction(self)
        self._last_mouse = QPointF()
        self._autoscroll = EdgeAutoScroll(
            self, lambda: self._pointer.move(self._last_mouse.x(), self._last_mouse.y())
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        install_timeline_accessibility()
        self.setProperty("keysTaken", TIMELINE_KEYS)
        self.setProperty("focusRing", True)
        self.setAccessibleName(self.tr("Timeline"))
        self.setAccessibleDescription(
            self.tr(
                "The recording over time, with one row of marked moments per person. Up and "
                "down go from moment to moment, Return opens it. Left and right arrow keys move "
                "the playhead by one second, plus and minus zoom, zero shows all."
            )
        )

    def set_markers(self, markers: Iterable[Marker], *, in_order: bool = False,
                    changed: Mapping[int, Marker | None] | None = None) -> None:
        markers = list(markers)
        preview = self._pointer.marker_preview()
        if preview is not None and (
                changed.get(preview[0], True) is None if changed is not None
                else all(m.id != preview[0] for m in markers)):
            self._pointer.cancel()  # the dragged marker was deleted meanwhile
        super().set_markers(markers, in_order=in_order, changed=changed)
        notify(self, QAccessible.Event.ObjectReorder)  # the markers are the pane's children

    # ------------------------------------------------------------------ hooks
    def _scrubbing(self) -> bool:
        return self._pointer.scrubbing

    def _marker_preview(self) -> tuple[int, int, int | None] | None:
        return self._pointer.marker_preview()

    def _draw_preview(self) -> tuple[int, int, int] | None:
        return self._pointer.draw_preview()

    # ------------------------------------------------------------------ PointerHost
    def party_for_lane(self, lane: int) -> Party | None:
        if 0 <= lane < len(self._parties) and self._parties[lane].id not in self._hidden:
            return self._parties[lane]
        return None

    def scrub_to(self, ms: int) -> None:
        self._move_playhead(ms, follow=True)
        self.seek_requested.emit(ms)

    def click_marker(self, marker_id: int) -> None:
        marker = self._markers.get(marker_id)
        if marker is None:
            return
        self.set_selected_marker(marker_id)
        self._move_playhead(marker.start_ms, follow=True)
        self.marker_clicked.emit(marker_id)
        self.seek_requested.emit(marker.start_ms)

    def preview_marker(self, marker_id: int, start_ms: int, end_ms: int | None) -> None:
        self._invalidate(markers_only=True)
        self.marker_moving.emit(marker_id, start_ms, end_ms)

    def finish_marker(
        self, marker_id: int, start_ms: int, end_ms: int | None, changed: bool
    ) -> None:
        marker = self._markers.get(marker_id)
        if changed and marker is not None:
            # Shown at its new place at once; the owner confirms (or undoes) via set_markers.
            self._markers[marker_id] = dataclasses.replace(marker, start_ms=start_ms, end_ms=end_ms)
            self.marker_move_finished.emit(marker_id, start_ms, end_ms)
        self._invalidate(markers_only=True)

    def preview_draw(self, party_id: int, start_ms: int, end_ms: int) -> None:
        self._invalidate(markers_only=True)

    def finish_draw(self, party_id: int, start_ms: int, end_ms: int) -> None:
        self._invalidate(markers_only=True)
        self.range_drawn.emit(party_id, start_ms, end_ms)

    def drag_ended(self) -> None:
        self._autoscroll.stop()
        self._invalidate(markers_only=True)
        self._update_hover(self._last_mouse.x(), self._last_mouse.y())

    # ------------------------------------------------------------------ Qt events
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        pos = event.position()
        self._last_mouse = pos
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self._pointer.press(pos.x(), pos.y(), shift)
        drag = self._pointer.drag
        if drag is not None and drag.kind is DragKind.MARKER and drag.part is MarkerPart.BODY:
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        self._last_mouse = pos
        drag = self._pointer.drag
        if drag is not None:
            self._pointer.move(pos.x(), pos.y())
            self._autoscroll.track(pos.x(), drag.active)
        else:
            self._update_hover(pos.x(), pos.y())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        pos = event.position()
        self._last_mouse = pos
        self._autoscroll.stop()
        self._pointer.release(pos.x(), pos.y())
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            pos = event.position()
            hit = self.marker_at(pos.x(), pos.y())
            if hit is not None:
                self.marker_double_clicked.emit(hit.marker_id)
                event.accept()
                return
        self.mousePressEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self._pointer.drag is None and self._hover is not None:
            self._hover = None
            self._invalidate(markers_only=True)
        super().leaveEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if handle_wheel(self, event):
            event.accept()
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._pointer.drag is not None:
            self._pointer.cancel()
        elif not handle_key(self, event):
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self._pointer.drag is not None:
            self._pointer.cancel()
        self.update()
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos().x(), event.pos().y())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_at(self, x: float, y: float) -> str | None:
        """Who marked the marker under (x, y), when, and its theme; a party's full name over
        its lane title; None elsewhere."""
        hit = self.marker_at(x, y)
        marker = self._markers.get(hit.marker_id) if hit is not None else None
        if marker is None:
            layout = self.current_layout()
            lane = layout.lane_at(y)
            if lane is not None and x < layout.time_x0 and lane < len(self._parties):
                return self._parties[lane].name
            return self._pause_tooltip(layout, x, y)
        lane = self._lane_of_party.get(marker.party_id)
        party = self._parties[lane] if lane is not None else None
        return marker_tooltip(
            marker,
            party,
            self._duration >= 3_600_000,
            self._theme_titles,
            self._labels.get(marker.id),
        )

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt API)
        """Right-click on a pause mark: make that pause a moment."""
        pos = event.pos()
        hit = pause_at(self.current_layout(), self.current_scale(), self._pauses,
                       self._lane_of_party, pos.x(), pos.y())
        if hit is None:
            super().contextMenuEvent(event)
            return
        menu = QMenu(self)
        action = menu.addAction(self.tr("Make this pause a moment"))
        action.triggered.connect(lambda: self.pause_moment_requested.emit(*hit))
        menu.exec(event.globalPos())

    def _pause_tooltip(self, layout: TimelineLayout, x: float, y: float) -> str | None:
        hit = pause_at(layout, self.current_scale(), self._pauses, self._lane_of_party, x, y)
        if hit is None:
            return None
        lane = self._lane_of_party[hit[0]]
        return self.tr("{name} paused here ({time})").format(
            name=self._parties[lane].name, time=format_ms(hit[1], length_ms=self.duration_ms()))

    def _update_hover(self, x: float, y: float) -> None:
        hit = self.marker_at(x, y) if self.rect().contains(int(x), int(y)) else None
        if hit is None:
            self.unsetCursor()
        elif hit.part is MarkerPart.BODY:
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.setCursor(Qt.CursorShape.SizeHorCursor)
        old_id = self._hover.marker_id if self._hover is not None else None
        changed = (hit.marker_id if hit is not None else None) != old_id
        self._hover = hit
        if changed:
            self._invalidate(markers_only=True)
        self._hover = hit
