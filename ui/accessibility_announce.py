"""Say something to a screen reader without moving the focus: a new marker, a step change, a
save that failed. Qt 6.8+ sends these as announcement events (AT-SPI on Linux, UI Automation
notifications on Windows); the text is on screen as well, so nothing depends on hearing it."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QApplication


def announce(text: str, source: QObject | None = None, *, assertive: bool = False) -> None:
    """Announce `text` for `source` (default: the active window); nothing when there is
    no window or no text."""
    if not text:
        return
    target = source if source is not None else QApplication.activeWindow()
    if target is None:
        target = next((w for w in QApplication.topLevelWidgets() if w.isVisible()), None)
    if target is None:
        return
    event = QAccessibleAnnouncementEvent(target, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)
