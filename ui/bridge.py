"""The one place where library change events enter Qt: views connect to `changed` and refresh
only what changed, skipping changes they initiated themselves (Anki's OpChanges pattern)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from vsr.library import Change, Library

UI_BUSY_WAIT_MS = 5  # enough for another program's short write; never a noticeable stall


class LibraryBridge(QObject):
    """Wraps the open Library; `changed(Change)` fires on the main thread after each commit."""

    changed = Signal(object)

    def __init__(self, lib: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lib = lib
        # No wait on the UI thread: a write that finds the library locked by another program
        # fails after a few ms and is tried again later (ui.save_queue), instead of freezing
        # the window for SQLite's busy wait.
        lib.set_busy_wait(UI_BUSY_WAIT_MS)
        lib.subscribe(self._on_change)

    def _on_change(self, change: Change) -> None:
        self.changed.emit(change)

    def close(self) -> None:
        self.lib.unsubscribe(self._on_change)
