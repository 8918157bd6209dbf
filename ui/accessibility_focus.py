"""A focus ring that shows where the keyboard is, around every control, in the app's blue.

Fusion marks a focused button with a faint tint only, and the many buttons with a style sheet of
their own (mark buttons, steps, feelings) showed nothing at all. A ring drawn by the widgets
themselves would need every style sheet changed; instead one QFocusFrame follows the focus: it
sits in the focused widget's parent just outside the widget (so a scroll area clips it like the
widget), and is drawn here: a FOCUS_RING_PX line in FOCUS_COLOR with a thin white halo, so it
shows on light and dark backgrounds alike (WCAG 2.4.7, and 1.4.11 with contrast >= 3:1)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFocusFrame,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

FOCUS_COLOR = "#1f4e79"  # the app's blue (steps, moment cards): 8.6:1 on white, 7.7:1 on #efefef
HALO_COLOR = "#ffffff"
FOCUS_RING_PX = 2
_RINGED = (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox,
           QLineEdit, QPlainTextEdit, QTextEdit, QTabBar)


def wants_ring(widget: QWidget | None) -> bool:
    """Controls get the ring; so do custom widgets that take keys (the timeline asks with the
    `focusRing` property)."""
    if widget is None or not widget.isVisible():
        return False
    return isinstance(widget, _RINGED) or bool(widget.property("focusRing"))


class FocusRing(QFocusFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setObjectName("focusRing")

    def ring_color(self) -> QColor:
        """The app's blue; in a high-contrast theme the system's own highlight colour."""
        from .accessibility_colors import high_contrast_on

        if high_contrast_on():
            return self.palette().color(self.palette().ColorRole.Highlight)
        return QColor(FOCUS_COLOR)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        outer = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(QColor(HALO_COLOR), 1))
        painter.drawRoundedRect(outer, 5, 5)
        inset = 1 + FOCUS_RING_PX / 2
        painter.setPen(QPen(self.ring_color(), FOCUS_RING_PX))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), 4, 4)
        painter.end()


class FocusRingTracker(QObject):
    """Moves the one FocusRing to whichever control gets the focus (install_focus_ring)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("focusRingTracker")
        self.ring: FocusRing | None = None
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        ring = self.ring if self.ring is not None and shiboken6.isValid(self.ring) else None
        if not wants_ring(new):
            if ring is not None:
                ring.setWidget(None)
                ring.hide()
            return
        if ring is None:  # the first, or its window was closed and took it along
            ring = self.ring = FocusRing()
        ring.setWidget(new)
        ring.show()
        ring.raise_()


def install_focus_ring() -> FocusRingTracker | None:
    app = QCoreApplication.instance()
    if not isinstance(app, QApplication):
        return None
    tracker = app.findChild(FocusRingTracker, "focusRingTracker")
    return tracker if tracker is not None else FocusRingTracker(app)
