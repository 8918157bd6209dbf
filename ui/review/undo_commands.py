"""Every user edit of a review is an undoable command. Each is performed through the one edit path
(ui.operations): `push_performed` saves it first and puts it on the stack only when that worked;
undo and redo save through the same path and show a failure instead of raising it.

The first save of an edit is announced as coming from the editor that made it (it already shows
the new state); undo and redo are announced as coming from nobody, so every view follows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from vsr.library import Library
from vsr.library import markers as mk
from vsr.library import sheets as sh
from vsr.library.markers import MarkerSnapshot
from vsr.samenleergesprek import pauses as ps

from ..operations import OperationCommand, Report, quiet

ID_MOVE = 1001
ID_TEXT = 1002


class ReviewCommand(OperationCommand):
    """Knows the library and who made the edit; `initiator` applies to the first save only."""

    def __init__(self, text: str, lib: Library, *, report: Report = quiet,
                 initiator: object | None = None) -> None:
        super().__init__(text, report=report)
        self.lib = lib
        self._initiator = initiator

    def initiator(self) -> object | None:
        first, self._initiator = self._initiator, None
        return first


class AddMarkerCommand(ReviewCommand):
    def __init__(self, lib: Library, party_id: int, start_ms: int, end_ms: int | None = None,
                 *, theme: str = "", report: Report = quiet,
                 initiator: object | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("UndoCommands", "Mark moment"),
            lib, report=report, initiator=initiator)
        self.party_id, self.start_ms, self.end_ms, self.theme = party_id, start_ms, end_ms, theme
        self.marker_id: int | None = None
        self._snapshot: MarkerSnapshot | None = None

    def apply(self) -> None:
        if self._snapshot is not None:  # redo after undo: bring back the same marker and sheet
            mk.restore_marker(self.lib, self._snapshot, initiator=self.initiator())
            return
        marker = mk.add_marker(self.lib, self.party_id, self.start_ms, self.end_ms,
                               theme=self.theme, initiator=self.initiator())
        self.marker_id = marker.id

    def revert(self) -> None:
        assert self.marker_id is not None
        self._snapshot = mk.delete_marker(self.lib, self.marker_id)


class DeleteMarkerCommand(ReviewCommand):
    def __init__(self, lib: Library, marker_id: int, *, report: Report = quiet) -> None:
        super().__init__(
            QCoreApplication.translate("UndoCommands", "Delete moment"),
            lib, report=report)
        self.marker_id = marker_id
        self._snapshot: MarkerSnapshot | None = None

    def apply(self) -> None:
        self._snapshot = mk.delete_marker(self.lib, self.marker_id)

    def revert(self) -> None:
        assert self._snapshot is not None
        mk.restore_marker(self.lib, self._snapshot)


class MoveMarkerCommand(ReviewCommand):
    """Move or resize; consecutive moves of the same marker merge into one undo step."""

    def __init__(self, lib: Library, marker_id: int, start_ms: int, end_ms: int | None,
                 *, report: Report = quiet, initiator: object | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("UndoCommands", "Move moment"),
            lib, report=report, initiator=initiator)
        old = mk.get_marker(lib, marker_id)
        self.marker_id = marker_id
        self.old = (old.start_ms, old.end_ms)
        self.new = (start_ms, end_ms)

    def id(self) -> int:
        return ID_MOVE

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt API)
        if not isinstance(other, MoveMarkerCommand) or other.marker_id != self.marker_id:
            return False
        self.new = other.new
        return True

    def apply(self) -> None:
        mk.move_marker(self.lib, self.marker_id, *self.new, initiator=self.initiator())

    def revert(self) -> None:
        mk.move_marker(self.lib, self.marker_id, *self.old)


class SetThemeCommand(ReviewCommand):
    def __init__(self, lib: Library, marker_id: int, theme: str, subtopic: str, *,
                 report: Report = quiet, initiator: object | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("UndoCommands", "Choose theme card"),
            lib, report=report, initiator=initiator)
        old = mk.get_marker(lib, marker_id)
        self.marker_id = marker_id
        self.old = (old.theme, old.subtopic)
        self.new = (theme, subtopic)

    def apply(self) -> None:
        mk.set_marker_theme(self.lib, self.marker_id, *self.new, initiator=self.initiator())

    def revert(self) -> None:
        mk.set_marker_theme(self.lib, self.marker_id, *self.old)


class SetFeelingsCommand(ReviewCommand):
    """The feeling pictograms a party chose for a moment (part B)."""

    def __init__(self, lib: Library, marker_id: int, party_id: int, old: tuple[str, ...],
                 new: tuple[str, ...], *, report: Report = quiet,
                 initiator: object | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("UndoCommands", "Choose feelings"),
            lib, report=report, initiator=initiator)
        self.marker_id, self.party_id, self.old, self.new = marker_id, party_id, old, new

    def apply(self) -> None:
        sh.set_feelings(self.lib, self.marker_id, self.party_id, self.new,
                        initiator=self.initiator())

    def revert(self) -> None:
        sh.set_feelings(self.lib, self.marker_id, self.party_id, self.old)


class EditSheetFieldCommand(ReviewCommand):
    """A text edit in the gespreksblad. Typing in the same field without a pause (one `burst`)
    merges into one undo step; a pause, another field or another edit in between starts a new
    one (QUndoStack merges only with the step on top)."""

    def __init__(self, lib: Library, marker_id: int, field: sh.SheetField, old: str, new: str,
                 party_id: int | None = None, *, burst: int = 0, report: Report = quiet,
                 initiator: object | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("UndoCommands", "Edit reflection sheet"),
            lib, report=report, initiator=initiator)
        self.marker_id, self.field, self.party_id = marker_id, field, party_id
        self.old, self.new = old, new
        self.burst = burst  # saves of one burst of typing (no pause) are one step

    def id(self) -> int:
        return ID_TEXT

    def key(self) -> tuple[int, str, int | None, int]:
        return (self.marker_id, self.field.value, self.party_id, self.burst)

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt API)
        if not isinstance(other, EditSheetFieldCommand) or other.key() != self.key():
            return False
        self.new = other.new
        return True

    def apply(self) -> None:
        sh.set_field(self.lib, self.marker_id, self.field, self.new, self.party_id,
                     initiator=self.initiator())

    def revert(self) -> None:
        sh.set_field(self.lib, self.marker_id, self.field, self.old, self.party_id)


class PauseToMomentCommand(ReviewCommand):
    """A recorded pause made a moment of the party who paused (one step, undoable)."""

    def __init__(self, lib: Library, pause_id: int, *, report: Report = quiet,
                 initiator: object | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("UndoCommands", "Make the pause a moment"),
            lib, report=report, initiator=initiator)
        self.pause_id = pause_id
        self.marker_id: int | None = None
        self._snapshot: MarkerSnapshot | None = None

    def apply(self) -> None:
        if self._snapshot is not None:  # redo: the same moment with its gespreksblad
            self.marker_id = ps.redo_pause_moment(self.lib, self.pause_id, self._snapshot).id
            return
        self.marker_id = ps.pause_to_moment(self.lib, self.pause_id,
                                            initiator=self.initiator()).id

    def revert(self) -> None:
        self._snapshot = ps.undo_pause_moment(self.lib, self.pause_id)
