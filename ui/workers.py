"""Running core work off the main thread. Workers never touch widgets: results come back to
the main thread through queued signals."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(float)


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
            return
        if not self._cancel.is_set():
            self.signals.done.emit(result)


def start(task: Task, pool: QThreadPool | None = None) -> Task:
    task.setAutoDelete(False)  # we keep a reference to cancel it
    (pool or QThreadPool.globalInstance()).start(task)
    return task
