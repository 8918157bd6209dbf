"""Reading is logged (NEN 7513): opening a review, and the first play of its recording after
each opening (not every frame, pause or seek). The rows are written by the core
(`vsr.library.audit`); this only says when."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from vsr.errors import StorageError, VsrError
from vsr.library.audit import record_recording_played, record_review_opened

from ..bridge import LibraryBridge
from ..player.base import PLAYING, MediaPlayer

log = logging.getLogger(__name__)


class ReadLog(QObject):
    """`refused(str)`: the log refused the row (not a busy or read-only library): the player was
    paused and the sentence says why; the window shows it without blocking."""

    refused = Signal(str)

    def __init__(self, bridge: LibraryBridge, player: MediaPlayer,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge, self.player = bridge, player
        self.review_id: int | None = None
        self.recording_id: int | None = None
        self.played = False
        player.state_changed.connect(self._state_changed)

    def opened(self, review_id: int, recording_id: int) -> None:
        """Log the opening; raises VsrError when the log refuses it (then nothing opens)."""
        record_review_opened(self.bridge.lib, review_id)
        self.review_id, self.recording_id, self.played = review_id, recording_id, False

    def _state_changed(self, state: str) -> None:
        if state != PLAYING or self.played or self.recording_id is None:
            return
        self.played = True
        try:
            record_recording_played(self.bridge.lib, self.recording_id, self.review_id)
        except StorageError as exc:
            # A busy, read-only or full library: playing goes on (the client's replay never
            # waits on the log) and the row is written at the next play that can.
            log.warning("play not logged yet: %s", exc)
            self.played = False
        except VsrError as exc:  # the log itself refused the row: do not play on unlogged
            self.player.pause()
            self.played = False
            self.refused.emit(exc.message())
