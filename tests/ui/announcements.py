"""What a screen reader is told without the focus moving (QAccessibleAnnouncementEvent), for
the tests: the messages in order, recorded while Qt still gets every event."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible, QAccessibleEvent


def announcements(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    original = QAccessible.updateAccessibility

    def record(event: QAccessibleEvent) -> None:
        if event.type() == QAccessible.Event.Announcement:
            said.append(event.message())  # type: ignore[attr-defined]
        original(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", record)
    return said
