"""Where the main window opens: where it was last time, but never larger than the screen it
opens on (a laptop after a big monitor), and on first start a size that fits that screen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication

# Room above the window's client area for the title bar the window manager adds.
TITLE_BAR_H = 32
FIRST_SIZE = QSize(1360, 860)
# Below this available size a first start opens maximised: every pixel counts there.
SMALL_SCREEN = QSize(1440, 900)


def fit_to_screen(rect: QRect, available: QRect) -> QRect:
    """`rect` (the client area) made no larger than `available` minus a title bar, and moved
    so all of it is on that screen."""
    room = available.adjusted(0, TITLE_BAR_H, 0, 0)
    width = max(1, min(rect.width(), room.width()))
    height = max(1, min(rect.height(), room.height()))
    x = min(max(rect.x(), room.left()), room.right() + 1 - width)
    y = min(max(rect.y(), room.top()), room.bottom() + 1 - height)
    return QRect(x, y, width, height)


def first_rect(available: QRect) -> QRect:
    """The window's place on first start: FIRST_SIZE (or less), centred on the screen."""
    rect = QRect(QPoint(0, 0), FIRST_SIZE)
    rect.moveCenter(available.center())
    return fit_to_screen(rect, available)


def saved_rect(settings: QSettings, available: QRect) -> tuple[QRect, bool]:
    """(client rect, maximised) from the settings, fitted to `available`; first start when
    nothing was saved."""
    value = settings.value("window/rect")
    if isinstance(value, QRect) and value.isValid():
        maximised = str(settings.value("window/maximized", "false")).lower() == "true"
        return fit_to_screen(value, available), maximised
    small = (available.width() < SMALL_SCREEN.width()
             or available.height() < SMALL_SCREEN.height())
    return first_rect(available), small


def screen_area(settings: QSettings) -> QRect:
    """The free area of the screen the window was last on (the primary one if that is gone)."""
    value = settings.value("window/rect")
    screen = QGuiApplication.screenAt(value.center()) if isinstance(value, QRect) else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def save_rect(settings: QSettings, normal: QRect, maximised: bool) -> None:
    settings.setValue("window/rect", normal)
    settings.setValue("window/maximized", maximised)
