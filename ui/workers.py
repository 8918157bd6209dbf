"""Running core work off the main thread. Workers never touch widgets: results come back to
the main thread through queued signals. `Task` runs on a pool thread (I/O, short work);
`ChildJob` runs a `vsr.jobs` job in a child process (CPU work: it never holds this
interpreter's lock), read by QProcess on the event loop."""

from __future__ import annotations

import contextlib
import json
import pickle
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QObject,
    QProcess,
    QProcessEnvironment,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)

from vsr.errors import VsrError
from vsr.jobs import parse_line


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


# -- work in a child process -----------------------------------------------------------------
# CPU-heavy work (stills, a PDF, clips with faces made unrecognisable, packs) runs in a child
# process: a thread doing it holds the interpreter lock and the window stutters. QProcess reads
# the child's lines as they come, on the event loop: the UI thread never waits for it.

_children: set[ChildJob] = set()
_STDERR_KEEP = 4000


class ChildJob(QObject):
    """Runs the `vsr.jobs` job `name` with `payload` in a child process.

    `progress(fraction)` as the child reports; then `done(result)` or `failed(exception)` (a
    VsrError in the child is the same VsrError here; anything else `error.job.failed`);
    `finished` always, last, also after a cancel. `cancel()` kills the child and nothing is
    sent but `finished`; `cleanup` (if given) runs once the child is gone, after a cancel or a
    failure, to remove what it staged. The job keeps itself alive until it has finished, also
    when the dialog that started it is closed."""

    progress = Signal(float)
    done = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, name: str, payload: object, *,
                 cleanup: Callable[[], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name, self._payload, self._cleanup = name, payload, cleanup
        self._cancelled = False
        self._ended = False
        self._out = b""
        self._err = b""
        self._said: list[tuple[str, str]] = []
        self._folder = Path(tempfile.mkdtemp(prefix="vsr-job-"))  # 0700
        self._result = self._folder / "result.pickle"
        self.process = QProcess(self)
        self.process.setProgram(sys.executable)
        self.process.setArguments(["-m", "vsr.jobs.child"])
        env = QProcessEnvironment.systemEnvironment()
        env.insert("PYTHONUNBUFFERED", "1")
        self.process.setProcessEnvironment(env)
        self.process.readyReadStandardOutput.connect(self._read_out)
        self.process.readyReadStandardError.connect(self._read_err)
        self.process.finished.connect(self._ended_with)
        self.process.errorOccurred.connect(self._error)

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def running(self) -> bool:
        return not self._ended

    def start(self) -> ChildJob:
        from vsr.i18n import current_language
        from vsr.jobs import Request

        request = Request(self.name, self._payload, current_language(), str(self._result))
        data = pickle.dumps(request)
        _children.add(self)
        self.process.start()
        self.process.write(data)  # buffered by Qt until the child runs, written by the loop
        self.process.closeWriteChannel()
        return self

    def cancel(self) -> None:
        """Kill the child; what it staged is removed once it is gone."""
        if self._ended or self._cancelled:
            return
        self._cancelled = True
        self.process.kill()

    # -- the child's lines and end ---------------------------------------------------------
    def _read_out(self) -> None:
        self._out += bytes(self.process.readAllStandardOutput().data())
        *lines, self._out = self._out.split(b"\n")
        for raw in lines:
            kind, rest = parse_line(raw.decode("utf-8", "replace"))
            if kind == "progress":
                if not self._cancelled:
                    with contextlib.suppress(ValueError):
                        self.progress.emit(float(rest))
            elif kind:
                self._said.append((kind, rest))

    def _read_err(self) -> None:
        self._err = (self._err + bytes(self.process.readAllStandardError().data()))[
            -_STDERR_KEEP:]

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._ended_with(-1, QProcess.ExitStatus.CrashExit)

    def _ended_with(self, code: int, status: QProcess.ExitStatus) -> None:
        if self._ended:
            return
        self._ended = True
        self._read_out()
        result: object = None
        error: BaseException | None = None
        if not self._cancelled:
            if status == QProcess.ExitStatus.NormalExit and code == 0 \
                    and ("done", "") in self._said and self._result.is_file():
                try:  # our own child's result, in our own private folder
                    result = pickle.loads(self._result.read_bytes())  # noqa: S301
                except (OSError, pickle.UnpicklingError, EOFError) as exc:
                    error = VsrError("error.job.failed", reason=str(exc))
            else:
                error = self._failure(code, status)
        shutil.rmtree(self._folder, ignore_errors=True)
        if (self._cancelled or error is not None) and self._cleanup is not None:
            with contextlib.suppress(OSError, VsrError):
                self._cleanup()
        try:
            if error is not None:
                self.failed.emit(error)
            elif not self._cancelled:
                self.done.emit(result)
        finally:
            self.finished.emit()
            _children.discard(self)

    def _failure(self, code: int, status: QProcess.ExitStatus) -> BaseException:
        for kind, rest in self._said:
            if kind == "vsr-error":
                try:
                    said = json.loads(rest)
                    return VsrError(str(said["key"]), **dict(said.get("params") or {}))
                except (ValueError, KeyError, TypeError):
                    break
            if kind == "error":
                return VsrError("error.job.failed", reason=rest)
        last = self._err.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        reason = f"exit code {code}" if status == QProcess.ExitStatus.NormalExit \
            else "the process stopped"
        return VsrError("error.job.failed", reason=f"{reason}; {last[0]}".strip("; ")[:300])


def children() -> int:
    """How many child jobs have not finished yet."""
    return len(_children)
