"""Computes (or loads from the cache) a recording's audio envelope in the background."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import QObject, Signal

from ..workers import Task, start


def envelope_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("vsr", appauthor=False)) / "envelopes"


class EnvelopeLoader(QObject):
    ready = Signal(object)  # an Envelope, or None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._task: Task | None = None

    def load(self, path: Path, fingerprint: str) -> None:
        from vsr.media.envelope import load_or_compute_envelope

        self.cancel()
        self.ready.emit(None)
        cache = envelope_cache_dir()

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            return load_or_compute_envelope(path, fingerprint, cache, progress=progress,
                                            cancel=cancelled)

        task = Task(work)
        task.signals.done.connect(self.ready)
        # An envelope that cannot be computed only leaves the lane empty; playback still works.
        task.signals.failed.connect(lambda _exc: self.ready.emit(None))
        self._task = start(task)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
