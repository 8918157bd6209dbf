"""Running core work off the main thread. Workers never touch widgets: results come back to
the main thread through queued signals. `Task` runs on a pool thread (I/O, short work);
`ChildJob` runs a `vsr.jobs` job in a child process (CPU work: it never holds this
interpreter's lock), its lines brought to the UI thread by queued signals."""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import pickle
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from vsr.errors import VsrError
from vsr.jobs import child_command, parse_line


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
# process: a thread doing it holds the interpreter lock and the window stutters. A small thread
# of this process starts the child (starting a process waits until it runs, which under load
# takes a while) and reads its lines, blocked in read() without the interpreter lock; each
# line reaches the UI thread as a queued signal, so the UI thread never waits for the child.

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
    _line = Signal(str)  # from the reader thread, queued to this object's (the UI) thread
    _exited = Signal(int)

    def __init__(self, name: str, payload: object, *,
                 cleanup: Callable[[], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name, self._payload, self._cleanup = name, payload, cleanup
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._cancelled = False
        self._ended = False
        self.returncode: int | None = None
        self._said: list[tuple[str, str]] = []
        self._folder = Path(tempfile.mkdtemp(prefix="vsr-job-"))  # 0700
        self._result = self._folder / "result.pickle"
        self._stderr = self._folder / "stderr.txt"
        self._line.connect(self._read_line, Qt.ConnectionType.QueuedConnection)
        self._exited.connect(self._ended_with, Qt.ConnectionType.QueuedConnection)

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
        threading.Thread(target=self._run, args=(data,), name=f"vsr-job-{self.name}",
                         daemon=True).start()
        return self

    def cancel(self) -> None:
        """Kill the child; what it staged is removed once it is gone."""
        with self._lock:
            if self._ended or self._cancelled:
                return
            self._cancelled = True
            proc = self._proc
        if proc is not None:
            with contextlib.suppress(OSError):
                proc.kill()

    # -- the reader thread -----------------------------------------------------------------
    def _run(self, data: bytes) -> None:
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        try:
            with self._stderr.open("wb") as stderr:
                proc = subprocess.Popen(child_command(),
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=stderr, env=env)
        except OSError as exc:
            self._line.emit(f"error could not start: {exc}")
            self._exited.emit(1)
            return
        with self._lock:
            self._proc = proc
            if self._cancelled:
                proc.kill()
        assert proc.stdin is not None and proc.stdout is not None
        with contextlib.suppress(OSError):  # a killed child closed its end
            proc.stdin.write(data)
            proc.stdin.close()
        for raw in proc.stdout:
            self._line.emit(raw.decode("utf-8", "replace"))
        proc.stdout.close()
        self._exited.emit(proc.wait())

    # -- on the UI thread ------------------------------------------------------------------
    def _read_line(self, line: str) -> None:
        kind, rest = parse_line(line)
        if kind == "progress":
            if not self._cancelled:
                with contextlib.suppress(ValueError):
                    self.progress.emit(float(rest))
        elif kind:
            self._said.append((kind, rest))

    def _ended_with(self, code: int) -> None:
        with self._lock:
            if self._ended:
                return
            self._ended = True
        self.returncode = code
        result: object = None
        error: BaseException | None = None
        if not self._cancelled:
            if code == 0 and ("done", "") in self._said and self._result.is_file():
                try:  # our own child's result, in our own private folder
                    result = pickle.loads(self._result.read_bytes())  # noqa: S301
                except (OSError, pickle.UnpicklingError, EOFError) as exc:
                    error = VsrError("error.job.failed", reason=str(exc))
            else:
                error = self._failure(code)
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

    def _failure(self, code: int) -> BaseException:
        for kind, rest in self._said:
            if kind == "vsr-error":
                try:
                    said = json.loads(rest)
                    return VsrError(str(said["key"]), **dict(said.get("params") or {}))
                except (ValueError, KeyError, TypeError):
                    break
            if kind == "error":
                return VsrError("error.job.failed", reason=rest)
        try:
            stderr = self._stderr.read_bytes()[-_STDERR_KEEP:].decode("utf-8", "replace")
        except OSError:
            stderr = ""
        last = stderr.strip().splitlines()[-1:] or [""]
        reason = f"exit code {code}" if code >= 0 else "the process stopped"
        return VsrError("error.job.failed", reason=f"{reason}; {last[0]}".strip("; ")[:300])


def _kill_children() -> None:
    """At exit: a child still working is stopped (its staged work is cleaned at the next
    start); it would otherwise go on for a program that no longer waits for it."""
    for job in list(_children):
        job.cancel()


atexit.register(_kill_children)


def children() -> int:
    """How many child jobs have not finished yet."""
    return len(_children)
