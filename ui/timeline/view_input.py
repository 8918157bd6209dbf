"""Keyboard, wheel and edge auto-scroll handling of the timeline, on top of TimelineView's public
API, so the widget file stays about state and painting."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QWheelEvent

from .geometry import clamp

if TYPE_CHECKING:
    from .view import TimelineView

WHEEL_ZOOM_BASE = 1.25  # zoom factor per wheel notch with Ctrl
WHEEL_SCROLL_PX = 90  # horizontal scroll per wheel notch
KEY_STEP_MS = 1000
KEY_BIG_STEP_MS = 10_000  # with Shift
AUTOSCROLL_EDGE_PX = 6


def handle_key(view: TimelineView, event: QKeyEvent) -> bool:
    """+/- zoom, 0 shows all, Left/Right move the playhead 1 s (10 s with Shift), Home/End go to
    the start/end, Up/Down move the focus between markers, Return opens the focused one.
    Returns whether the key was used."""
    key = event.key()
    shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
        view.zoom_in()
    elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
        view.zoom_out()
    elif key == Qt.Key.Key_0:
        view.zoom_to_fit()
    elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
        step = KEY_BIG_STEP_MS if shift else KEY_STEP_MS
        sign = -1 if key == Qt.Key.Key_Left else 1
        _key_seek(view, view.position() + sign * step)
    elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
        view.step_marker_focus(-1 if key == Qt.Key.Key_Up else 1)
    elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        view.activate_marker()
    elif key == Qt.Key.Key_Home:
        _key_seek(view, 0)
    elif key == Qt.Key.Key_End:
        _key_seek(view, view.duration_ms())
    else:
        return False
    return True


def _key_seek(view: TimelineView, ms: int) -> None:
    if view.duration_ms() > 0:
        view.scrub_to(int(clamp(ms, 0, view.duration_ms())))


def handle_wheel(view: TimelineView, event: QWheelEvent) -> bool:
    """Ctrl+wheel zooms about the mouse; the plain wheel scrolls sideways."""
    delta = event.angleDelta()
    notches = (delta.y() if delta.y() != 0 else delta.x()) / 120.0
    if notches == 0:
        return False
    if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
        anchor_x = max(float(view.current_layout().time_x0), event.position().x())
        view.set_ms_per_px(view.ms_per_px() / WHEEL_ZOOM_BASE**notches, anchor_x)
    else:
        view.scroll_by_px(-notches * WHEEL_SCROLL_PX)
    return True


class EdgeAutoScroll(QObject):
    """While a drag is held at the left or right edge, scroll that way (faster the further out)
    and replay the mouse position so the drag follows the scrolled time."""

    def __init__(self, view: TimelineView, replay: Callable[[], None]) -> None:
        super().__init__(view)
        self._view = view
        self._replay = replay
        self._x = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(30)
        self._timer.timeout.connect(self._tick)

    def track(self, x: float, dragging: bool) -> None:
        self._x = x
        if dragging and self._step() != 0.0:
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()

    def stop(self) -> None:
        self._timer.stop()

    def _step(self) -> float:
        left = self._view.current_layout().time_x0 + AUTOSCROLL_EDGE_PX
        right = self._view.width() - AUTOSCROLL_EDGE_PX
        if self._x < left:
            return -clamp((left - self._x) / 2, 3, 40)
        if self._x > right:
            return clamp((self._x - right) / 2, 3, 40)
        return 0.0

    def _tick(self) -> None:
        step = self._step()
        if step == 0.0 or not self._view.scroll_by_px(step):
            self._timer.stop()
            return
        self._replay()
