"""The one way a UI edit reaches the library (Anki's CollectionOp, made small): run the core
operation; when it fails because of the user's storage (disk full, library read-only or locked)
say so in words through `report`, change nothing else, and tell the caller it failed so the
caller keeps what the user typed and tries again later. A success reports "" so an older
message goes away.

Undo works the same way: `OperationCommand`s are performed first and pushed "already done" only
when that succeeded, and `UndoStack.undo`/`redo` perform the step before moving the stack, so a
failed undo leaves both the library and the stack where they were."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from vsr.errors import VsrError

from .accessibility_announce import announce
from .dialogs import error_text, warn

log = logging.getLogger(__name__)

T = TypeVar("T")
Report = Callable[[str], None]
# What a user's storage can do to an edit. The core turns sqlite errors into StorageError;
# sqlite3.Error is here for reads outside a write transaction.
FAILURES = (VsrError, OSError, sqlite3.Error)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    ok: bool
    value: T | None = None
    message: str = ""
    error: BaseException | None = None  # what failed, for callers whose next question depends on it


def quiet(_text: str) -> None:
    """A report that shows nothing (for callers that have no place for a message)."""


def in_box(parent: QWidget | None) -> Report:
    """A report for a window without a notice line: a failure becomes a warning box with
    the sentence (never the "something unexpected" box with a traceback)."""
    def report(text: str) -> None:
        if text:
            warn(parent, text)
    return report


def perform(operation: Callable[[], T], *, report: Report = quiet) -> Outcome[T]:
    """Run `operation`; a storage or user error becomes a message, never an exception."""
    try:
        value = operation()
    except FAILURES as exc:
        log.warning("edit not saved: %s", exc)
        message = error_text(exc)
        report(message)
        announce(message, assertive=True)  # a screen reader user hears it failed, too
        return Outcome(False, None, message, exc)
    report("")
    return Outcome(True, value)


class OperationCommand(QUndoCommand):
    """An undoable edit whose `apply`/`revert` are core operations. It is pushed only after
    `apply` succeeded (see `push_performed`); undo and redo go through `perform` as well."""

    def __init__(self, text: str, *, report: Report = quiet) -> None:
        super().__init__(text)
        self.report = report
        self._skip_next = False  # the stack calls redo()/undo() for a step already performed

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def perform_apply(self) -> bool:
        return perform(self.apply, report=self.report).ok

    def perform_revert(self) -> bool:
        return perform(self.revert, report=self.report).ok

    def redo(self) -> None:
        if self._skip_next:
            self._skip_next = False
            return
        self.perform_apply()  # only reached when a plain QUndoStack drives this command

    def undo(self) -> None:
        if self._skip_next:
            self._skip_next = False
            return
        self.perform_revert()

    def mark_performed(self) -> None:
        self._skip_next = True


def push_performed(stack: QUndoStack, command: OperationCommand) -> bool:
    """Perform the command's edit; only when it was saved does it become an undo step."""
    if not command.perform_apply():
        return False
    command.mark_performed()
    stack.push(command)  # push() calls redo(): skipped, the edit is already in the library
    return True


class UndoStack(QUndoStack):
    """A QUndoStack that moves only when the step's edit was saved. Menus and shortcuts must
    call these Python methods (QUndoStack.createUndoAction would bypass them)."""

    def undo(self) -> None:
        command = self.command(self.index() - 1) if self.canUndo() else None
        if isinstance(command, OperationCommand):
            if not command.perform_revert():
                return
            command.mark_performed()
        super().undo()

    def redo(self) -> None:
        command = self.command(self.index()) if self.canRedo() else None
        if isinstance(command, OperationCommand):
            if not command.perform_apply():
                return
            command.mark_performed()
        super().redo()
