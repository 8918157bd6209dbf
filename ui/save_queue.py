"""Edits that must not be lost while another program holds the library's write lock (a backup
tool, a second vsr): a mark, a pause, a moment made of a pause. The window never waits for the
lock (ui.bridge gives SQLite a few ms only); an edit the library refuses as busy waits here, in
order, and is tried again every RETRY_MS until the library is free. It counts as saved (its undo
step pushed, its views updated by the change events) only once it is in the library.

Text fields keep their own unsaved text and try again by themselves (ui.review.sheet_fields)."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from vsr.errors import StorageError

from .dialogs import error_text
from .operations import FAILURES, OperationCommand, Outcome, Report, perform, quiet

log = logging.getLogger(__name__)
RETRY_MS = 500


def is_busy(error: BaseException | None) -> bool:
    """The library is locked by another program (the edit may work in a moment)."""
    return isinstance(error, StorageError) and error.busy


@dataclass
class _Waiting:
    operation: Callable[[], Any]
    on_saved: Callable[[Any], None]
    report: Report


class SaveQueue(QObject):
    """`submit` saves now, or (library busy, or earlier edits still waiting) keeps the edit
    and saves it later, in the order given. `waiting_changed(n)` says how many wait."""

    waiting_changed = Signal(int)

    def __init__(self, parent: QObject | None = None, retry_ms: int = RETRY_MS) -> None:
        super().__init__(parent)
        self._waiting: deque[_Waiting] = deque()
        self._timer = QTimer(self)
        self._timer.setInterval(retry_ms)
        self._timer.timeout.connect(self.retry)

    def waiting(self) -> int:
        return len(self._waiting)

    def submit(self, operation: Callable[[], Any], on_saved: Callable[[Any], None], *,
               report: Report = quiet, waiting_text: str = "") -> bool:
        """True when saved now; False when it waits (or failed for good: said in `report`)."""
        if self._waiting:  # never before an earlier edit that still waits
            self._keep(_Waiting(operation, on_saved, report), waiting_text)
            return False
        outcome: Outcome[Any] = perform(operation)
        if outcome.ok:
            report("")
            on_saved(outcome.value)
            return True
        if is_busy(outcome.error):
            self._keep(_Waiting(operation, on_saved, report), waiting_text)
        else:
            report(outcome.message)
        return False

    def _keep(self, item: _Waiting, waiting_text: str) -> None:
        self._waiting.append(item)
        item.report(waiting_text)
        self._timer.start()
        self.waiting_changed.emit(len(self._waiting))

    def retry(self) -> None:
        """Save the oldest waiting edit; the next one follows in the next turn of the event
        loop (each save is a commit to disk: one at a time keeps the window responsive)."""
        if not self._waiting:
            self._timer.stop()
            return
        item = self._waiting[0]
        outcome = self._attempt(item.operation)
        if not outcome.ok and is_busy(outcome.error):
            return  # still locked: the timer tries again
        self._waiting.popleft()
        if outcome.ok:
            item.report("")
            item.on_saved(outcome.value)
        else:  # refused for another reason (read-only, disk full): say so, drop it
            log.warning("waiting edit not saved: %s", outcome.error)
            item.report(outcome.message)
        self.waiting_changed.emit(len(self._waiting))
        if self._waiting:
            QTimer.singleShot(0, self, self.retry)
        else:
            self._timer.stop()

    @staticmethod
    def _attempt(operation: Callable[[], Any]) -> Outcome[Any]:
        """`perform` without a log line for every try while the library stays locked."""
        try:
            return Outcome(True, operation())
        except FAILURES as exc:
            return Outcome(False, None, error_text(exc), exc)

    def submit_command(self, stack: QUndoStack, command: OperationCommand,
                       on_saved: Callable[[], None] = lambda: None, *,
                       waiting_text: str = "") -> bool:
        """An undoable edit: its undo step is pushed when (and only when) it is saved."""
        def saved(_value: object) -> None:
            command.mark_performed()
            stack.push(command)  # push() calls redo(): skipped, the edit is in the library
            on_saved()

        return self.submit(command.apply, saved, report=command.report,
                           waiting_text=waiting_text)

