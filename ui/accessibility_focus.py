"""A focus ring that shows where the keyboard is, around every control, in the app's blue.

Fusion marks a focused button with a faint tint only, and the many buttons with a style sheet of
their own (mark buttons, steps, feelings) showed nothing at all. A ring drawn by the widgets
themselves would need every style sheet changed; instead a ring widget in each window follows
the focus, just outside the focused control (QFocusFrame showed only the style's 1-2 px of it,
and ancestors without margins cut a ring in the control's own parent off).
It draws a FOCUS_RING_PX line in FOCUS_COLOR with a thin white halo, so it shows on light and
dark backgrounds alike (WCAG 2.4.7, and 1.4.11 with contrast >= 3:1)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QRegion
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
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


class FocusRing(QWidget):
    """Drawn just outside `widget()`, above everything in its window; mouse goes through.
    One per window, a child of it: it lives and dies with the window and is never moved
    between windows or into widgets that a page rebuild may delete."""

    MARGIN = FOCUS_RING_PX + 2  # ring and halo outside the control's own border

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName("focusRing")
        self._target: QWidget | None = None
        self._watched: list[QWidget] = []  # the target and its parents (scrolling moves those)

    def widget(self) -> QWidget | None:
        return self._target

    def setWidget(self, target: QWidget | None) -> None:  # noqa: N802 (as QFocusFrame)
        for watched in self._watched:
            if shiboken6.isValid(watched):
                watched.removeEventFilter(self)
        self._target = target
        self._watched = []
        window = self.parentWidget()
        widget = target
        # The target and its parents up to the window: a scroll area moves the target's parent
        # when it scrolls, and the ring must move along.
        while widget is not None and widget is not window:
            widget.installEventFilter(self)
            self._watched.append(widget)
            widget = widget.parentWidget()
        self._follow()

    def _follow(self) -> None:
        target, window = self._target, self.parentWidget()
        if (target is None or window is None or not shiboken6.isValid(target)
                or not target.isVisible() or target.window() is not window):
            self.hide()
            return
        m = self.MARGIN
        shown = target.visibleRegion().boundingRect()
        if shown.isEmpty():  # scrolled out of sight: no ring over whatever is there now
            self.hide()
            return
        self.setGeometry(QRect(target.mapTo(window, QPoint(0, 0)), target.size())
                         .adjusted(-m, -m, m, m))
        # Only around the part of the control on show (in a scroll area, part may be out).
        if shown.size() == target.size():
            self.clearMask()
        else:
            self.setMask(QRegion(shown.translated(m, m).adjusted(-m, -m, m, m)))
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show,
                            QEvent.Type.Hide):
            self._follow()
        return False

    def ring_color(self) -> QColor:
        """The app's blue; in a high-contrast theme the system's own highlight colour."""
        from .accessibility_colors import UI_CONTRAST, contrast_ratio, high_contrast_on

        if high_contrast_on():
            # The system's highlight, when it stands out 3:1 from the window (else its text).
            role = self.palette().ColorRole
            window = self.palette().color(role.Window)
            for color in (self.palette().color(role.Highlight),
                          self.palette().color(role.WindowText)):
                if contrast_ratio(color, window) >= UI_CONTRAST:
                    return color
        return QColor(FOCUS_COLOR)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(HALO_COLOR), 1))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        inset = 1 + FOCUS_RING_PX / 2
        painter.setPen(QPen(self.ring_color(), FOCUS_RING_PX))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), 5, 5)
        painter.end()


class FocusRingTracker(QObject):
    """Moves its window's FocusRing to whichever control gets the focus (install_focus_ring)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("focusRingTracker")
        self._rings: list[FocusRing] = []
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # The rings are remembered here rather than looked up through `old`: when focus leaves
        # a window that is being destroyed (a message box closing), asking it for its children
        # aborts the program.
        self._rings = [r for r in self._rings if shiboken6.isValid(r)]
        if new is not None and not shiboken6.isValid(new):
            new = None
        target = new.window() if new is not None else None
        for ring in self._rings:
            if ring.parentWidget() is not target:
                ring.setWidget(None)
        if not wants_ring(new) or new is None or target is None:
            return
        ring = target.findChild(FocusRing, "focusRing", Qt.FindChildOption.FindDirectChildrenOnly)
        if ring is None:
            ring = FocusRing(target)
        if ring not in self._rings:
            self._rings.append(ring)
        ring.setWidget(new)


def install_focus_ring() -> FocusRingTracker | None:
    app = QCoreApplication.instance()
    if not isinstance(app, QApplication):
        return None
    tracker = app.findChild(FocusRingTracker, "focusRingTracker")
    return tracker if tracker is not None else FocusRingTracker(app)
