"""Every user edit of a review is a QUndoCommand: it performs the edit through the core (which
commits it at once) and knows how to take it back. Consecutive edits of one thing merge."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from vsr.library import Library
from vsr.library import markers as mk
from vsr.library import sheets as sh
from vsr.library.markers import MarkerSnapshot

ID_MOVE = 1001
ID_TEXT = 1002



class AddMarkerCommand(QUndoCommand):
    def __init__(self, lib: Library, party_id: int, start_ms: int, end_ms: int | None = None,
                 *, theme: str = "", initiator: object | None = None) -> None:
        super().__init__(QCoreApplication.translate("UndoCommands", "Mark moment"))
        self.lib, self.party_id, self.start_ms, self.end_ms = lib, party_id, start_ms, end_ms
        self.theme = theme
        self.initiator = initiator
        self.marker_id: int | None = None
        self._snapshot: MarkerSnapshot | None = None

    def redo(self) -> None:
        if self._snapshot is not None:  # redo after undo: bring back the same marker and sheet
            mk.restore_marker(self.lib, self._snapshot, initiator=self.initiator)
            return
        marker = mk.add_marker(self.lib, self.party_id, self.start_ms, self.end_ms,
                               theme=self.theme, initiator=self.initiator)
        self.marker_id = marker.id

    def undo(self) -> None:
        assert self.marker_id is not None
        self._snapshot = mk.delete_marker(self.lib, self.marker_id, initiator=self.initiator)


class DeleteMarkerCommand(QUndoCommand):
    def __init__(self, lib: Library, marker_id: int) -> None:
        super().__init__(QCoreApplication.translate("UndoCommands", "Delete moment"))
        self.lib, self.marker_id = lib, marker_id
        self._snapshot: MarkerSnapshot | None = None

    def redo(self) -> None:
        self._snapshot = mk.delete_marker(self.lib, self.marker_id)

    def undo(self) -> None:
        assert self._snapshot is not None
        mk.restore_marker(self.lib, self._snapshot)


class MoveMarkerCommand(QUndoCommand):
    """Move or resize; consecutive moves of the same marker merge into one undo step."""

    def __init__(self, lib: Library, marker_id: int, start_ms: int, end_ms: int | None,
                 *, initiator: object | None = None) -> None:
        super().__init__(QCoreApplication.translate("UndoCommands", "Move moment"))
        old = mk.get_marker(lib, marker_id)
        self.lib, self.marker_id = lib, marker_id
        self.old = (old.start_ms, old.end_ms)
        self.new = (start_ms, end_ms)
        self.initiator = initiator

    def id(self) -> int:
        return ID_MOVE

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt API)
        if not isinstance(other, MoveMarkerCommand) or other.marker_id != self.marker_id:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        mk.move_marker(self.lib, self.marker_id, *self.new, initiator=self.initiator)

    def undo(self) -> None:
        mk.move_marker(self.lib, self.marker_id, *self.old, initiator=self.initiator)


class SetThemeCommand(QUndoCommand):
    def __init__(self, lib: Library, marker_id: int, theme: str, subtopic: str) -> None:
        super().__init__(QCoreApplication.translate("UndoCommands", "Choose theme card"))
        old = mk.get_marker(lib, marker_id)
        self.lib, self.marker_id = lib, marker_id
        self.old = (old.theme, old.subtopic)
        self.new = (theme, subtopic)

    def redo(self) -> None:
        mk.set_marker_theme(self.lib, self.marker_id, *self.new)

    def undo(self) -> None:
        mk.set_marker_theme(self.lib, self.marker_id, *self.old)


class EditSheetFieldCommand(QUndoCommand):
    """A text edit in the gespreksblad. Typing in the same field merges into one undo step.
    The editor already shows the new text, so the first redo only saves it."""

    def __init__(self, lib: Library, marker_id: int, field: sh.SheetField, old: str, new: str,
                 party_id: int | None = None, *, initiator: object | None = None) -> None:
        super().__init__(QCoreApplication.translate("UndoCommands", "Edit reflection sheet"))
        self.lib, self.marker_id, self.field, self.party_id = lib, marker_id, field, party_id
        self.old, self.new = old, new
        self.initiator = initiator
        self._undone = False

    def id(self) -> int:
        return ID_TEXT

    def key(self) -> tuple[int, str, int | None]:
        return (self.marker_id, self.field.value, self.party_id)

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt API)
        if not isinstance(other, EditSheetFieldCommand) or other.key() != self.key():
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        # After an undo, the editor must follow too: announce it as coming from nobody.
        initiator = None if self._undone else self.initiator
        sh.set_field(self.lib, self.marker_id, self.field, self.new, self.party_id,
                     initiator=initiator)

    def undo(self) -> None:
        self._undone = True
        sh.set_field(self.lib, self.marker_id, self.field, self.old, self.party_id)
