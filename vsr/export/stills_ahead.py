"""A summary's stills made on a thread while its file is laid out, in a child process
(`vsr.export.child`, `vsr.jobs.work`): decoding the stills is C work that lets go of the
interpreter lock, laying out a PDF is Python work that holds it, so on two cores the two
take about as long as the longer of them instead of both in a row (300 moments: about 3 s of
stills and 2 s of PDF). The writers read `doc.moments` in order; a moment whose still is not
made yet waits for it (the stills come in time order, which is the order of the moments)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from types import TracebackType
from typing import Any, SupportsIndex, overload

from vsr.export.summary_content import MomentBlock, SummaryDoc

# While both run, the stills' thread needs the lock for a moment between pictures; the
# layout would keep it for the default 5 ms each time, and decoding would wait.
_SWITCH_S = 0.0005
_BEGIN_WAIT_S = 2.0


class StillsAhead:
    """`with StillsAhead(doc, done) as ahead: write(ahead.doc)`: `ahead.doc` is `doc` whose
    moments get their stills as they are made (faces blurred when the summary is
    anonymised); `done(n)` is called on the thread as the n-th still is made, and once more
    when all are made with their number (at least 1, so a summary without moments reports
    its stills done too)."""

    def __init__(self, doc: SummaryDoc, done: Callable[[int], None] | None = None) -> None:
        self._source = doc
        self._done = done
        self._stills: dict[int, bytes | None] = {}
        self._failure: BaseException | None = None
        self._finished = False
        self._stopped = False
        self._changed = threading.Condition()
        self._begun = threading.Event()  # the stills' thread has its modules: it decodes
        self._switch = sys.getswitchinterval()
        self.doc = replace(doc, moments=_Waiting(doc.moments, self._block))
        self._thread = threading.Thread(target=self._make, name="summary-stills", daemon=True)

    def __enter__(self) -> StillsAhead:
        sys.setswitchinterval(_SWITCH_S)
        self._thread.start()
        # The stills are the longer work and the layout waits for them: their thread imports
        # its modules (PyAV, OpenCV) before this one imports the writer's (fpdf), instead of
        # both taking turns with the interpreter lock, so decoding starts sooner.
        self._begun.wait(_BEGIN_WAIT_S)
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if kind is not None:
            self._stopped = True  # the file failed: the next still ends the thread
        self._thread.join()
        sys.setswitchinterval(self._switch)

    def _make(self) -> None:
        doc = self._source
        times = [m.at_ms for m in doc.moments]
        try:
            try:
                from vsr.export.stills import StillFaces, StillReader
            finally:
                self._begun.set()
            faces = StillFaces() if doc.faces_blurred else None
            with StillReader(doc.recording_path, rotation=doc.recording_rotation) as reader:
                reader.grab_many(times, self._done, ready=(
                    lambda at_ms, still: self._put(
                        at_ms, still if faces is None else faces.blurred_jpeg(still))))
            if self._done is not None:
                self._done(max(1, len(set(times))))
        except BaseException as exc:  # noqa: BLE001 - handed to the writer, which raises it
            self._failure = exc
        finally:
            with self._changed:
                self._finished = True
                self._changed.notify_all()

    def _put(self, at_ms: int, still: bytes | None) -> None:
        if self._stopped:
            raise _Stopped
        with self._changed:
            self._stills[at_ms] = still
            self._changed.notify_all()

    def _block(self, block: MomentBlock) -> MomentBlock:
        """`block` with its still (waiting until it is made)."""
        with self._changed:
            while block.at_ms not in self._stills:
                if self._failure is not None:
                    raise self._failure
                if self._finished:
                    break
                self._changed.wait()
            still = self._stills.get(block.at_ms)
        return replace(block, still=still, still_missing=still is None)


class _Stopped(Exception):
    """The summary's file failed: no more stills are wanted."""


class _Waiting(tuple[MomentBlock, ...]):
    """The moments of a summary, each handed out with its still once it is made."""

    _resolve: Callable[[MomentBlock], MomentBlock]

    def __new__(cls, blocks: tuple[MomentBlock, ...],
                resolve: Callable[[MomentBlock], MomentBlock]) -> _Waiting:
        made = super().__new__(cls, blocks)
        made._resolve = resolve
        return made

    def __iter__(self) -> Iterator[MomentBlock]:
        for block in super().__iter__():
            yield self._resolve(block)

    @overload
    def __getitem__(self, index: SupportsIndex) -> MomentBlock: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[MomentBlock, ...]: ...

    def __getitem__(self, index: Any) -> Any:
        found = super().__getitem__(index)
        if isinstance(index, slice):
            return tuple(self._resolve(block) for block in found)
        return self._resolve(found)
