"""Running core work off the main thread. Workers never touch widgets: results come back to
the main thread through queued signals."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(float)
    finished = Signal()  # always, last, also after a cancel


# Tasks the pool is running. The pool does not own them (setAutoDelete(False), so a dialog can
# cancel its task); this set keeps each one alive until its run has returned, even when the
# dialog that started it is closed and gone meanwhile.
_running: set[Task] = set()


class Task(QRunnable):
    """fn(progress, cancelled) runs on a pool thread; done/failed fire on the receiver's thread."""

    def __init__(self, fn: Callable[[Callable[[float], None], Callable[[], bool]], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit, self._cancel.is_set)
        except BaseException as exc:  # noqa: BLE001 - reported to the UI, never swallowed
            if not self._cancel.is_set():
                self.signals.failed.emit(exc)
        else:
            if not self._cancel.is_set():
                self.signals.done.emit(result)
        finally:
            self.signals.finished.emit()


def start(task: Task, pool: QThreadPool | None = None) -> Task:
    task.setAutoDelete(False)  # we keep a reference to cancel it
    _running.add(task)
    # Queued: the task is let go on the main thread, after run() has returned on the worker.
    task.signals.finished.connect(lambda: _running.discard(task),
                                  Qt.ConnectionType.QueuedConnection)
    (pool or QThreadPool.globalInstance()).start(task)
    return task


def running() -> int:
    """How many started tasks have not finished yet."""
    return len(_running)
