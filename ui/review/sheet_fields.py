"""A text field of the gespreksblad that saves itself: shortly after typing stops, on leaving
the field, and before the marker changes. Each save is one undoable, committed edit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

SAVE_DELAY_MS = 400


class SheetTextField(QPlainTextEdit):
    """Emits `edited(old, new)` when its text should be saved."""

    edited = Signal(str, str)

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(64)
        self._saved = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._timer.start)

    def load(self, text: str) -> None:
        """Show stored text without treating it as an edit."""
        self._timer.stop()
        self._saved = text
        if self.toPlainText() != text:
            self.blockSignals(True)
            self.setPlainText(text)
            self.blockSignals(False)

    def flush(self) -> None:
        self._timer.stop()
        text = self.toPlainText()
        if text != self._saved:
            old, self._saved = self._saved, text
            self.edited.emit(old, text)

    def has_pending_edit(self) -> bool:
        return self.toPlainText() != self._saved

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt API)
        self.flush()
        super().focusOutEvent(event)


def connect_field(field: SheetTextField, save: Callable[[str, str], None]) -> None:
    field.edited.connect(save)
