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


def readable_selection() -> None:
    """A chosen row (the moment in the table, a review in a list) in colours whose text reaches
    4.5:1. Qt's own Fusion blue is #308cc6 under white: 3.7:1, seen on the chosen moment in a
    screenshot. A system palette that reaches 4.5:1 stays as it is; one that does not gets its
    selection colour darkened (same hue) until it does."""
    from PySide6.QtGui import QGuiApplication, QPalette

    from .accessibility_colors import TEXT_CONTRAST, contrast_ratio

    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return
    palette = app.palette()
    changed = False
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        back = palette.color(group, QPalette.ColorRole.Highlight)
        text = palette.color(group, QPalette.ColorRole.HighlightedText)
        for _ in range(20):  # darker (or lighter, under dark text) a step at a time
            if contrast_ratio(text, back) >= TEXT_CONTRAST:
                break
            back = back.darker(110) if text.lightness() > back.lightness() else back.lighter(110)
            changed = True
        palette.setColor(group, QPalette.ColorRole.Highlight, back)
    if changed:
        app.setPalette(palette)
