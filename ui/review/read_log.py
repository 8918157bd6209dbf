"""Reading is logged (NEN 7513): opening a review, and the first play of its recording after
each opening (not every frame, pause or seek). The rows are written by the core
(`vsr.library.audit`); this only says when."""

from __future__ import annotations

from PySide6.QtCore import QObject

from vsr.errors import VsrError
from vsr.library.audit import record_recording_played, record_review_opened

from ..bridge import LibraryBridge
from ..player.base import PLAYING, MediaPlayer


class ReadLog(QObject):
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
        except VsrError as exc:  # the log refused: do not play on unlogged
            from ..dialogs import show_error

            self.player.pause()
            self.played = False
            show_error(None, exc)
