"""Reading a review's markers on a worker (issue 21): at ten thousand moments the read took
about 0.2 s, on the UI thread, before the recording could show its first picture. The worker
reads with a connection of its own (`vsr.library.db.read_apart`), as one snapshot, and what the
shared screen may show is decided by the same rule as everywhere (`shared_screen`). A result of
an earlier request (another review opened meanwhile) is dropped here; the review view merges
what changed while the read was under way (ui.review.review_view)."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from vsr.library import sheets as sh
from vsr.library.db import Library, read_apart
from vsr.samenleergesprek import SharedScreen, shared_screen

from ..workers import Task, start


@dataclass(frozen=True, slots=True)
class LoadedMarkers:
    """What the shared screen may show of a review's markers, and the first words of their A."""

    review_id: int
    shared: SharedScreen
    words: dict[int, str]


def read_markers(lib: Library, review_id: int) -> LoadedMarkers:
    """The markers of a review as the review view shows them (on the worker's reader)."""
    shared = shared_screen(lib, review_id)
    words = sh.what_happened_words(lib, review_id) if shared.markers else {}
    return LoadedMarkers(review_id, shared, words)


class MarkerLoader(QObject):
    """One read at a time: `load` drops the result of the one before. `loaded(LoadedMarkers)`
    or `failed(exception)` come on the UI thread, only for the latest request."""

    loaded = Signal(object)
    failed = Signal(object)
    _done = Signal(object)  # (request number, result or exception), from the worker, queued

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._task: Task | None = None
        self._request = 0
        self._done.connect(self._arrived)

    def load(self, path: Path, review_id: int) -> None:
        self.cancel()
        self._request += 1
        request = self._request

        def work(_progress, _cancelled):  # type: ignore[no-untyped-def]
            try:
                result: object = read_apart(path, lambda reader: read_markers(reader, review_id))
            except Exception as exc:  # noqa: BLE001 - said to the user on the UI thread
                result = exc
            with suppress(RuntimeError):  # the view (and this loader) closed meanwhile
                self._done.emit((request, result))

        self._task = start(Task(work))

    def busy(self) -> bool:
        return self._task is not None

    def cancel(self) -> None:
        """Forget the read under way (its result is dropped when it comes)."""
        self._request += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None

    @Slot(object)
    def _arrived(self, done: tuple[int, object]) -> None:
        request, result = done
        if request != self._request:
            return  # an earlier request: another review was opened, or it was cancelled
        self._task = None
        if isinstance(result, BaseException):
            self.failed.emit(result)
        else:
            self.loaded.emit(result)
