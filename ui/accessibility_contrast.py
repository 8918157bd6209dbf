"""High contrast: when the system asks for it, the window uses the system's colours.

The app colours much of itself with style sheets (party colours on buttons, tinted notices, the
step buttons). A high-contrast theme only helps if those step aside, so with high contrast on
every widget's own style sheet is dropped as soon as it is set (Qt sends StyleChange), and the
system palette shows. Party colours still have their names and shapes; the timeline's painting
keeps its colours (see docs/accessibility.md)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget

from .accessibility_colors import high_contrast_on


class SystemColours(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (event.type() in (QEvent.Type.StyleChange, QEvent.Type.Polish)
                and isinstance(watched, QWidget) and watched.styleSheet()):
            watched.setStyleSheet("")
        return False


def install_system_colours() -> SystemColours | None:
    """With high contrast on (accessibility_colors.high_contrast_on), once per application."""
    app = QCoreApplication.instance()
    if app is None or not high_contrast_on():
        return None
    guard = app.findChild(SystemColours, "systemColours")
    if guard is None:
        guard = SystemColours(app)
        guard.setObjectName("systemColours")
        app.installEventFilter(guard)
    return guard
