"""A window and dialogs that stay usable on a screen smaller than they need: at 200 % text size
(QT_SCALE_FACTOR=2 turns a 1366x768 laptop into 683x384 logical pixels) or with a large system
font (WCAG 1.4.4 and 1.4.10, EN 301 549 9.1.4.4/9.1.4.10).

- `ScreenFittingArea`: the main window's content in a scroll area. While the screen has room
  for the content's minimum it asks for exactly that minimum (nothing changes on a normal
  screen); on a smaller screen its minimum is capped at the screen, the window fits, and the
  content scrolls up and down and sideways.
- `FocusFollower`: the control that gets the keyboard focus is scrolled into view in every
  scroll area around it (innermost first), so Tab never lands on a control out of sight.
- `DialogFitter`: a dialog larger than the screen is made to fit it; one whose minimum is
  larger gets its content in a scroll area (its OK/Cancel row stays below, always visible).

`room_for` is the free area of a widget's screen; tests simulate a small screen with
`simulate_room`."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFontDialog,
    QFrame,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QScrollArea,
    QStackedWidget,
    QStatusBar,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from .window_geometry import TITLE_BAR_H

_simulated: QRect | None = None
# Dialogs Qt lays out itself (their layout must stay theirs).
_QT_DIALOGS = (QMessageBox, QFileDialog, QInputDialog, QProgressDialog, QColorDialog, QFontDialog)


def simulate_room(rect: QRect | None) -> None:
    """Pretend every screen's free area is `rect` (None: the real screens again). For tests."""
    global _simulated
    _simulated = QRect(rect) if rect is not None else None


def room_for(widget: QWidget | None) -> QRect:
    """The free area (without taskbars) of the screen `widget` is on, or the primary one's."""
    if _simulated is not None:
        return QRect(_simulated)
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


class _Holder(QWidget):
    """Holds the content at exactly its own size, as a main window does: without a layout,
    so the scroll area never grows the content to a height-for-width it asks (which a main
    window never gave, and which cut off its bottom row)."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.tall = False  # scrolling: as tall as the content would like, not its least
        self.content = content
        content.setParent(self)
        content.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.content and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return False

    def least(self) -> QSize:
        return self.content.minimumSizeHint().expandedTo(self.content.minimumSize())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        least = self.least()
        if self.tall:
            # While the window scrolls, its pages get the height they would like: at their
            # least height a page's own list or text would be a slit of its own to scroll.
            least.setHeight(max(least.height(), self.content.sizeHint().height()))
        return least

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return self.content.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        self.content.setGeometry(self.rect())
        super().resizeEvent(event)
        # Another page or step changed the size: the focused control moved, show it again.
        area = self.parentWidget().parentWidget() if self.parentWidget() else None
        if isinstance(area, ScreenFittingArea):
            QTimer.singleShot(0, area, area._show_focus)


class ScreenFittingArea(QScrollArea):
    """The main window's central widget: `content` at its minimum or larger, scrolled when the
    screen is smaller than that minimum."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screenFittingArea")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self._set_bars(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the content takes the focus, not the area
        self.setWidget(_Holder(content))
        self.widget().installEventFilter(self)
        if isinstance(content, QStackedWidget):  # another page: its focused control on show
            content.currentChanged.connect(lambda _i: QTimer.singleShot(0, self, self._show_focus))

    def _show_focus(self) -> None:
        focus = QApplication.focusWidget()
        content = self.widget()
        if focus is not None and content is not None and content.isAncestorOf(focus):
            bring_into_view(focus)

    def _set_bars(self, on: bool) -> None:
        """Scroll bars only on a screen too small: on one large enough the area is a plain
        holder, and the window behaves as it did without it."""
        policy = Qt.ScrollBarPolicy.ScrollBarAsNeeded if on else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        holder = self.widget()
        if isinstance(holder, _Holder) and holder.tall != on:
            holder.tall = on
            holder.updateGeometry()
        if self.verticalScrollBarPolicy() != policy:
            self.setHorizontalScrollBarPolicy(policy)
            self.setVerticalScrollBarPolicy(policy)
            if not on:
                self.horizontalScrollBar().setValue(0)
                self.verticalScrollBar().setValue(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        # The content's minimum changed (another page, a step): ask the window again.
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._set_bars(self.scrolls())
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        self._set_bars(self.scrolls() or not self._fits(event.size()))
        super().resizeEvent(event)

    def bars_on(self) -> bool:
        return self.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 (Qt API)
        if not self.bars_on() and (self.horizontalScrollBar().value()
                                   or self.verticalScrollBar().value()):
            # Large enough a screen: never scrolled (Tab or a focus would otherwise move the
            # whole window's content to show a control the window cuts off as it always did).
            self.horizontalScrollBar().setValue(0)
            self.verticalScrollBar().setValue(0)
            return
        super().scrollContentsBy(dx, dy)

    def _fits(self, size: QSize) -> bool:
        need = self.needed()
        return need.width() <= size.width() and need.height() <= size.height()

    def room(self) -> QSize:
        """The most this area may ask for: the screen's free area minus the title bar and what
        the window shows around it (menu bar, status bar)."""
        free = room_for(self).size()
        window = self.window()
        around = TITLE_BAR_H
        if isinstance(window, QMainWindow):
            bars = [window.menuWidget(), window.findChild(QStatusBar)]
            around += sum(bar.sizeHint().height() for bar in bars
                          if bar is not None and bar.isVisibleTo(window))
        return QSize(max(1, free.width()), max(1, free.height() - around))

    def needed(self) -> QSize:
        """The content's own minimum (what a screen large enough gives it)."""
        content = self.widget()
        return content.least() if isinstance(content, _Holder) else QSize()

    def scrolls(self) -> bool:
        """The screen is smaller than the content's minimum."""
        need, room = self.needed(), self.room()
        return need.width() > room.width() or need.height() > room.height()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        need = self.needed()
        if not self.scrolls():
            return need
        # Capped at the screen; the side that overflows keeps room for the other's scroll bar.
        bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        room = self.room()
        width = min(need.width() + (bar if need.height() > room.height() else 0), room.width())
        height = min(need.height() + (bar if need.width() > room.width() else 0), room.height())
        return QSize(width, height)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        content = self.widget()
        hint = content.sizeHint() if content is not None else QSize()
        return hint.boundedTo(self.room()).expandedTo(self.minimumSizeHint())


def scroll_areas_around(widget: QWidget) -> list[QScrollArea]:
    """The scroll areas that hold `widget`, innermost first."""
    areas: list[QScrollArea] = []
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            areas.append(parent)
        if parent.isWindow():
            break
        parent = parent.parentWidget()
    return areas


def bring_into_view(widget: QWidget) -> None:
    """Scroll every area around `widget` so it is on show (innermost first: the outer one then
    sees where the inner one put it)."""
    for area in scroll_areas_around(widget):
        if isinstance(area, ScreenFittingArea) and not area.bars_on():
            continue
        inside = area.widget()
        if inside is not None and inside.isAncestorOf(widget):
            margin = 8 if widget.width() < area.viewport().width() else 0
            area.ensureWidgetVisible(widget, margin, margin)


class FocusFollower(QObject):
    """Keeps the control with the keyboard focus on screen (install_small_screen_support)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("focusFollower")
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not shiboken6.isValid(new):
            return
        bring_into_view(new)
        # Once more after the layouts settled (a page that was just switched to moves its
        # controls after the focus arrived there).
        QTimer.singleShot(0, self, lambda: self._again(new))

    def _again(self, widget: QWidget) -> None:
        if shiboken6.isValid(widget) and QApplication.focusWidget() is widget:
            bring_into_view(widget)


def wrap_in_scroll_area(dialog: QDialog) -> QScrollArea | None:
    """Move the dialog's content into a scroll area; a last row of OK/Cancel buttons stays
    under it, outside, so it is always on show. None when it has no layout or was wrapped."""
    layout = dialog.layout()
    if layout is None or dialog.findChild(QScrollArea, "dialogFittingArea") is not None:
        return None
    buttons: QDialogButtonBox | None = None
    last = layout.itemAt(layout.count() - 1) if layout.count() else None
    if last is not None and isinstance(last.widget(), QDialogButtonBox):
        buttons = last.widget()  # type: ignore[assignment]
        layout.removeWidget(buttons)
    body = QWidget()
    body.setObjectName("dialogFittingBody")
    body.setLayout(layout)  # takes the layout, and its widgets, from the dialog
    area = QScrollArea()
    area.setObjectName("dialogFittingArea")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(body)
    # Room for the upright scroll bar beside the content's narrowest width: without it the
    # bar covered the content's right edge and the area scrolled sideways by the bar's width
    # (the clip export at 200 %).
    extent = area.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    area.setMinimumWidth(body.minimumSizeHint().width() + extent)
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(0, 0, 0, 0 if buttons is None else 8)
    outer.addWidget(area, 1)
    if buttons is not None:
        row = QVBoxLayout()
        row.setContentsMargins(12, 0, 12, 0)
        row.addWidget(buttons)
        outer.addLayout(row)
    return area


def fit_dialog(dialog: QDialog) -> None:
    """Make `dialog` no larger than its screen's free area (scrolling its content when its
    minimum is larger), and move it onto that area."""
    room = room_for(dialog).adjusted(0, TITLE_BAR_H, 0, 0)
    least = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    if least.width() > room.width() or least.height() > room.height():
        if wrap_in_scroll_area(dialog) is not None:
            layout = dialog.layout()
            if layout is not None:
                layout.activate()
    if dialog.minimumWidth() > room.width() or dialog.minimumHeight() > room.height():
        dialog.setMinimumSize(dialog.minimumSize().boundedTo(room.size()))
    size = dialog.size().boundedTo(room.size())
    if size != dialog.size():
        dialog.resize(size)
    place = QRect(dialog.pos(), dialog.size())
    x = min(max(place.x(), room.left()), room.right() + 1 - place.width())
    y = min(max(place.y(), room.top()), room.bottom() + 1 - place.height())
    if (x, y) != (place.x(), place.y()):
        dialog.move(x, y)


class DialogFitter(QObject):
    """Fits every dialog of the app to its screen as it is shown (install_small_screen_support)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("dialogFitter")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        # Every event of the application passes here: the class test first, the event's type
        # (a conversion to a Python enum) only for a dialog.
        if (isinstance(watched, QDialog) and event.type() == QEvent.Type.Show
                and not isinstance(watched, _QT_DIALOGS) and watched.isWindow()):
            fit_dialog(watched)
        return False


def install_small_screen_support() -> None:
    """Once per application: focus followed into view, dialogs fitted to the screen."""
    app = QCoreApplication.instance()
    if not isinstance(app, QApplication):
        return
    if app.findChild(FocusFollower, "focusFollower") is None:
        FocusFollower(app)
    if app.findChild(DialogFitter, "dialogFitter") is None:
        app.installEventFilter(DialogFitter(app))
