"""What every Samenleergesprek screen needs: the library, the review, the player, the
window's undo stack, and the one edit path (ui.operations) so a user error or a failed save
becomes a message instead of a crash."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QVBoxLayout, QWidget

from vsr.library import Library
from vsr.library.reviews import list_parties
from vsr.model import Party, PartyRole

from ..bridge import LibraryBridge
from ..fitting import UpAndDownScrollArea
from ..operations import perform
from ..player.base import MediaPlayer

T = TypeVar("T")


class SessionContext(QObject):
    """Shared by the panel and its pages. `message(text)` asks the panel to show a notice."""

    message = Signal(str)

    def __init__(self, bridge: LibraryBridge, review_id: int, player: MediaPlayer,
                 undo: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge, self.review_id, self.player = bridge, review_id, player
        self.undo = undo

    @property
    def lib(self) -> Library:
        return self.bridge.lib

    def parties(self) -> list[Party]:
        return list_parties(self.lib, self.review_id)

    def client(self) -> Party | None:
        parties = self.parties()
        return next((p for p in parties if p.role == PartyRole.CLIENT),
                    parties[1] if len(parties) > 1 else None)

    def run(self, operation: Callable[[], T]) -> T | None:
        """Run a core operation through the one edit path; a failure is shown, not raised
        (None then). A success clears an older notice."""
        return perform(operation, report=self.message.emit).value

    def saved(self, operation: Callable[[], object]) -> bool:
        """Like `run`, for text fields: True only when the text is in the library."""
        return perform(operation, report=self.message.emit).ok


class Page(QWidget):
    """One screen of the conversation. `enter` builds or reloads it; `flush` saves typing."""

    def __init__(self, ctx: SessionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def scrolling_body(self, top_margin: int = 16) -> QVBoxLayout:
        """Make the page one scroll area and return the layout of what scrolls in it."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = UpAndDownScrollArea()
        # No Tab stop of its own (it had no name): Tab goes to the controls inside, and the
        # scroll area scrolls each one into view as it gets the focus.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, top_margin, 24, 16)
        return layout

    def enter(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Show the library's data again (after a change made elsewhere)."""

    def flush(self) -> None:
        """Save text that is still being typed."""

    def leave(self) -> None:
        self.flush()
