"""Marking in the review workspace: a party's mark (button, key or a range drawn on the
timeline), a recorded pause made a moment, and Ctrl+Z while the parties mark apart. Every mark
is saved through the window's save queue (ui.save_queue): the window never waits for a locked
library, and a mark counts as saved (undo step, sheet shown) only once it is in the library.
A mark made while the markers are hidden goes into its party's own history (hidden_mark_undo)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from vsr.samenleergesprek import pauses as ps

from ..accessibility_announce import announce
from ..timefmt import format_ms
from . import hidden_mark_undo
from .undo_commands import AddMarkerCommand, PauseToMomentCommand

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from vsr.model import Party, Review
    from vsr.samenleergesprek import SharedScreen

    from ..bridge import LibraryBridge
    from ..player.base import MediaPlayer
    from ..save_queue import SaveQueue
    from .mark_buttons import MarkButtons
    from .sheet_editor import SheetEditor


def waiting_text() -> str:
    return QCoreApplication.translate(
        "ReviewView", "The library is in use by another program. Your mark is saved as soon "
        "as the library is free.")


class MarkingIntents:
    """Mixed into ReviewView (which provides the attributes below and the view methods)."""

    bridge: LibraryBridge
    player: MediaPlayer
    undo: QUndoStack
    review: Review | None
    parties: list[Party]
    shared: SharedScreen | None
    saves: SaveQueue
    hidden_undo: hidden_mark_undo.HiddenMarkUndo
    mark_buttons: MarkButtons
    sheet: SheetEditor

    def select_marker(self, marker_id: int | None, *, seek: bool = False) -> None:
        raise NotImplementedError

    def _reload_markers(self) -> None:
        raise NotImplementedError

    def mark(self, party_id: int) -> None:
        """Mark the current moment for a party, while the video keeps playing (unless asked)."""
        if self.review is None:
            return
        if self.review.pause_on_mark and self.player.is_playing():
            self.player.pause()
        self._push_mark(party_id, AddMarkerCommand(
            self.bridge.lib, party_id, self.player.position(),
            report=self.sheet.notice.show_message))

    def _range_drawn(self, party_id: int, start_ms: int, end_ms: int) -> None:
        self._push_mark(party_id, AddMarkerCommand(
            self.bridge.lib, party_id, start_ms, end_ms, report=self.sheet.notice.show_message))

    def make_pause_moment(self, party_id: int, at_ms: int) -> None:
        """A recorded pause (picked on the timeline) becomes a moment of the party who paused."""
        if self.review is None:
            return
        pause = next((p for p in ps.list_pauses(self.bridge.lib, self.review.id, party_id)
                      if p.position_ms == at_ms), None)
        if pause is None or pause.marker_id is not None:  # already a moment: show that one
            self.select_marker(pause.marker_id if pause else None, seek=True)
            return
        command = PauseToMomentCommand(self.bridge.lib, pause.id,
                                       report=self.sheet.notice.show_message)
        self.saves.submit_command(self.undo, command,
                                  lambda: self._show_new_marker(party_id, command.marker_id),
                                  waiting_text=waiting_text())

    def _push_mark(self, party_id: int, command: AddMarkerCommand) -> None:
        """Save a mark (or keep it until a busy library is free) and show it once saved. A
        mark made while the markers are hidden goes into its party's own history."""
        hidden = self.shared is not None and self.shared.hidden
        stack = self.hidden_undo.stack_for(party_id) if hidden else self.undo
        now = [True]  # saved later: shown, but the sheet being typed in is not taken away
        saved = self.saves.submit_command(
            stack, command,
            lambda: self._show_new_marker(party_id, command.marker_id, select=now[0]),
            waiting_text=waiting_text())
        now[0] = False
        if not saved and self.saves.waiting():
            self.mark_buttons.flash(party_id)  # taken (it says so above the sheet), not saved

    def undo_hidden_mark(self, *, redo: bool = False) -> bool:
        """Ctrl+Z (or redo) while the parties mark apart: ask whose mark, and take back (or
        bring back) only that party's last one. False when there is no hidden mark to act on,
        so the window's own history goes on as usual."""
        if self.shared is None or not self.shared.hidden:
            return False
        ids = self.hidden_undo.redoable() if redo else self.hidden_undo.undoable()
        if not ids:
            return False
        whose = hidden_mark_undo.ask_whose_mark(
            self, [p for p in self.parties if p.id in ids], redo=redo)
        if whose is not None:
            (self.hidden_undo.redo if redo else self.hidden_undo.undo)(whose)
        return True

    def _show_new_marker(self, party_id: int, marker_id: int | None, *,
                         select: bool = True) -> None:
        """Open the sheet of a new marker, or, while the markers are hidden, only let its
        party know the mark was taken (count and flash of their button)."""
        if self.shared is None or not (self.shared.hidden or self.shared.shows(marker_id)):
            self._reload_markers()  # the change event did not reach this view (yet)
        name = next((p.name for p in self.parties if p.id == party_id), "")
        if self.shared is not None and self.shared.hidden:
            self.mark_buttons.flash(party_id)
            announce(QCoreApplication.translate(
                "ReviewView", "Moment marked for {name}; hidden until you show them together"
            ).format(name=name), self)
            return
        if select:
            self.select_marker(marker_id, seek=False)
        marker = self._marker(marker_id)
        when = format_ms(marker.start_ms) if marker is not None else ""
        announce(QCoreApplication.translate("ReviewView", "Moment marked for {name} at {time}")
                 .format(name=name, time=when), self)

