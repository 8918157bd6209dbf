"""Undo while the parties mark separately ("Apart markeren"). Their marks are hidden, so one
shared history would let Ctrl+Z silently take back whichever mark came last, even the other
party's. Each party therefore has its own history of hidden marks, and Ctrl+Z asks whose mark
to take back (the screen cannot know who pressed the key); the answer takes back only that
party's last mark. Nothing here shows where a mark was."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from vsr.model import Party

from ..operations import OperationCommand, UndoStack, push_performed


class HiddenMarkUndo(QObject):
    """One undo history per party for the marks made while the markers are hidden."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stacks: dict[int, UndoStack] = {}

    def push(self, party_id: int, command: OperationCommand) -> bool:
        """Save a party's hidden mark and remember it in that party's history only."""
        stack = self._stacks.get(party_id)
        if stack is None:
            stack = UndoStack(self)
            stack.indexChanged.connect(self._stack_moved)
            self._stacks[party_id] = stack
        return push_performed(stack, command)

    def _stack_moved(self, _index: int) -> None:
        self.changed.emit()

    def undoable(self) -> list[int]:
        """The parties that have a hidden mark to take back, in party order."""
        return [pid for pid, stack in self._stacks.items() if stack.canUndo()]

    def redoable(self) -> list[int]:
        return [pid for pid, stack in self._stacks.items() if stack.canRedo()]

    def undo(self, party_id: int) -> None:
        if party_id in self.undoable():
            self._stacks[party_id].undo()

    def redo(self, party_id: int) -> None:
        if party_id in self.redoable():
            self._stacks[party_id].redo()

    def clear(self) -> None:
        """After the reveal (or another review) the marks are ordinary moments again."""
        for stack in self._stacks.values():
            stack.indexChanged.disconnect(self._stack_moved)  # its destructor moves it too
            stack.deleteLater()
        self._stacks.clear()
        self.changed.emit()


def ask_whose_mark(parent: QWidget | None, parties: list[Party], *, redo: bool) -> int | None:
    """Ask whose hidden mark to take back (or bring back): one button per party that has one,
    named in the party's own name; None for "Cancel"."""
    tr = QCoreApplication.translate
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("HiddenMarkUndo", "Whose mark?"))
    if redo:
        box.setText(tr("HiddenMarkUndo", "Whose last mark do you want to bring back?"))
        each = tr("HiddenMarkUndo", "Bring back the last mark of {name}")
    else:
        box.setText(tr("HiddenMarkUndo", "Whose last mark do you want to take back?"))
        each = tr("HiddenMarkUndo", "Take back the last mark of {name}")
    box.setInformativeText(
        tr("HiddenMarkUndo", "Only that person's mark changes. Nobody sees where it was."))
    buttons = {}
    for party in parties:
        button = box.addButton(party.name, QMessageBox.ButtonRole.AcceptRole)
        button.setAccessibleName(each.format(name=party.name))
        buttons[button] = party.id
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return buttons.get(box.clickedButton())
