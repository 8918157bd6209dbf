"""Undo while the parties mark separately ("Apart markeren"). Their marks are hidden, so one
shared history would let Ctrl+Z silently take back whichever mark came last, even the other
party's. Each party therefore has its own history of hidden marks, and Ctrl+Z asks whose mark
to take back (the screen cannot know who pressed the key); the answer takes back only that
party's last mark. Nothing here shows where a mark was."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from vsr.model import Party

from ..operations import OperationCommand, UndoStack, push_performed


class HiddenMarkUndo(QObject):
    """One undo history per party for the marks made while the markers are hidden."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stacks: dict[int, UndoStack] = {}

    def stack_for(self, party_id: int) -> UndoStack:
        """The party's own history of hidden marks (made on first use)."""
        stack = self._stacks.get(party_id)
        if stack is None:
            stack = UndoStack(self)
            stack.indexChanged.connect(self._stack_moved)
            self._stacks[party_id] = stack
        return stack

    def push(self, party_id: int, command: OperationCommand) -> bool:
        """Save a party's hidden mark and remember it in that party's history only."""
        return push_performed(self.stack_for(party_id), command)

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


class WhoseMarkBox(QMessageBox):
    """One button per party, named in the party's own name, and Cancel."""

    def __init__(self, parent: QWidget | None, parties: list[Party], *, redo: bool) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Whose mark?"))
        if redo:
            self.setText(self.tr("Whose last mark do you want to bring back?"))
            each = self.tr("Bring back the last mark of {name}")
        else:
            self.setText(self.tr("Whose last mark do you want to take back?"))
            each = self.tr("Take back the last mark of {name}")
        self.setInformativeText(self.tr("Only that person's mark changes. "
                                        "Nobody sees where it was."))
        self.party_of: dict[object, int] = {}
        for party in parties:
            button = self.addButton(party.name, QMessageBox.ButtonRole.AcceptRole)
            button.setAccessibleName(each.format(name=party.name))
            self.party_of[button] = party.id
        # Return alone must not take back anybody's mark: the safe answer is the default.
        self.setDefaultButton(self.addButton(QMessageBox.StandardButton.Cancel))


def ask_whose_mark(parent: QWidget | None, parties: list[Party], *, redo: bool) -> int | None:
    """Ask whose hidden mark to take back (or bring back); None for "Cancel"."""
    box = WhoseMarkBox(parent, parties, redo=redo)
    box.exec()
    return box.party_of.get(box.clickedButton())
