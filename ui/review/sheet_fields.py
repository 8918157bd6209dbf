"""A text field that saves itself: shortly after typing stops, at least every SAVE_EVERY_MS while
typing goes on (so a crash or a kill loses about the last second at most), on leaving the field,
and before what it shows changes. A save that failed leaves the text in the field, unsaved, and
is tried again on the next keystroke, on leaving the field and every RETRY_MS.

Undo is the window's one history, the same whether the cursor is in a field or not: the field's
own undo is off and Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z) go past it to the window's actions. Typing
without a pause of TYPING_PAUSE_MS is one burst (`burst`), and one undo step."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QPlainTextEdit, QWidget

SAVE_DELAY_MS = 400  # quiet time after the last keystroke
SAVE_EVERY_MS = 800  # longest time typed text waits while typing goes on ("about a second")
RETRY_MS = 2_000  # a failed save (full disk, read-only library) is tried again this often

TYPING_PAUSE_MS = 1_500  # a pause this long in typing starts a new undo step

# saver(old, new) -> True when `new` is in the library now.
Saver = Callable[[str, str], bool]

_HISTORY_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
_EXTRA_REDO = (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z"))


def now_ms() -> float:
    return time.monotonic() * 1000


def is_history_key(event: QKeyEvent) -> bool:
    """Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z (and the platform's undo/redo keys)."""
    if any(event.matches(key) for key in _HISTORY_KEYS):
        return True
    pressed = QKeySequence(event.keyCombination())
    return any(pressed.matches(key) == QKeySequence.SequenceMatch.ExactMatch
               for key in _EXTRA_REDO)


class SheetTextField(QPlainTextEdit):
    """`set_saver` decides where text goes; without one, `edited(old, new)` is emitted and the
    text counts as saved. `typing_started` fires on the first keystroke of a burst."""

    edited = Signal(str, str)
    typing_started = Signal()

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(64)
        self.setUndoRedoEnabled(False)  # one history: the window's (see the module docstring)
        self.burst = 0  # which burst of typing the unsaved text belongs to
        self._last_key = -float("inf")
        self._saved = ""
        self._saver: Saver | None = None
        self._idle = self._timer(SAVE_DELAY_MS)
        self._longest = self._timer(SAVE_EVERY_MS)
        self._retry = self._timer(RETRY_MS)
        self.textChanged.connect(self._typed)

    def _timer(self, interval: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(self.flush)
        return timer

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        # As tall as its minimum: a sheet asks for no more than it needs, and a layout with
        # room to spare lets the fields grow (their stretch).
        return QSize(super().sizeHint().width(), self.minimumHeight())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(super().minimumSizeHint().width(), self.minimumHeight())

    def set_saver(self, saver: Saver) -> None:
        self._saver = saver

    def _typed(self) -> None:
        now = now_ms()
        if now - self._last_key >= TYPING_PAUSE_MS:
            self.burst += 1
        self._last_key = now
        if not self._idle.isActive() and not self._longest.isActive():
            self.typing_started.emit()
        self._idle.start()  # restarts: waits for a pause
        if not self._longest.isActive():
            self._longest.start()  # does not restart: bounds how long text stays unsaved

    def load(self, text: str) -> None:
        """Show stored text without treating it as an edit."""
        for timer in (self._idle, self._longest, self._retry):
            timer.stop()
        self._saved = text
        self._last_key = -float("inf")  # what comes next is a new step (after an undo, say)
        if self.toPlainText() != text:
            cursor = self.textCursor().position()
            self.blockSignals(True)
            self.setPlainText(text)
            self.blockSignals(False)
            if self.hasFocus():  # an undo with the cursor here: it stays about where it was
                moved = self.textCursor()
                moved.setPosition(min(cursor, len(text)))
                self.setTextCursor(moved)

    def flush(self) -> bool:
        """Save the text now if it changed; False when it could not be saved (kept, retried)."""
        for timer in (self._idle, self._longest, self._retry):
            timer.stop()
        text = self.toPlainText()
        if text == self._saved:
            return True
        if self._saver is None:
            old, self._saved = self._saved, text
            self.edited.emit(old, text)
            return True
        if not self._saver(self._saved, text):
            self._retry.start()
            return False
        self._saved = text
        return True

    def has_pending_edit(self) -> bool:
        return self.toPlainText() != self._saved

    def saved_text(self) -> str:
        """The text known to be in the library."""
        return self._saved

    def event(self, event: QEvent) -> bool:
        # Qt's text fields claim Ctrl+Z for their own undo; leave it to the window's actions.
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and is_history_key(event)):
            self.flush()  # typing so far becomes the step that Ctrl+Z takes back
            event.ignore()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if is_history_key(event):  # no window action took it (e.g. a field on its own)
            event.ignore()
            return
        if now_ms() - self._last_key >= TYPING_PAUSE_MS and self.has_pending_edit():
            self.flush()  # typing before the pause is its own step, whatever the timers did
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt API)
        self.flush()
        super().focusOutEvent(event)
