"""Writing a learning summary (its stills and the file) in a child process: decoding stills and
laying out a PDF are CPU work, and a thread doing them holds the interpreter lock, which stalls
whatever else the program does (a window's events). The child reports progress, can be
cancelled (it is killed), and never leaves a half file: the summary is written to a staged
temporary file and renamed into place only when whole.

The library stays with the caller: it gathers the summary (`build_summary`) and records the
export in the ledger; the child gets the gathered summary and touches no library."""

from __future__ import annotations

import multiprocessing
import queue
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vsr.clips.errors import Cancelled
from vsr.errors import VsrError
from vsr.export.summary_content import SummaryDoc
from vsr.i18n import current_language, set_language

if TYPE_CHECKING:
    from vsr.export.stills_ahead import StillsAhead

Progress = Callable[[float], None]
Cancel = Callable[[], bool]
STILLS_SHARE = 0.8  # of the progress bar, when there are stills; the rest is the file
_POLL_S = 0.05
_STOP_WAIT_S = 5.0

__all__ = ["Cancelled", "write_summary_in_child"]


def write_summary_in_child(doc: SummaryDoc, fmt: str, out: Path, *,
                           staging_root: Path | None = None, include_stills: bool = False,
                           progress: Progress | None = None,
                           cancel: Cancel | None = None, shown_as: Path | None = None) -> Path:
    """`add_stills` (if `include_stills`) and `write_summary` in a child process; returns the
    written path. `progress(fraction)` is called in this process as the child reports;
    `cancel()` is polled, and when it says so the child is killed and `Cancelled` raised
    (the target file is then untouched). A failure in the child raises here: a VsrError as
    the same message, anything else as `error.summary.child_failed`."""
    context = multiprocessing.get_context("spawn")  # no fork of a program with threads
    messages: Any = context.Queue()
    child = context.Process(
        target=_child_main, name="vsr-summary",
        args=(doc, fmt, str(out), str(staging_root) if staging_root else None, include_stills,
              current_language(), messages, shown_as), daemon=True)
    child.start()
    try:
        return _await_child(child, messages, progress, cancel)
    finally:
        _stop(child)
        messages.close()
        if staging_root is not None:  # a killed child's staged file: its process is gone
            from vsr.staging import clean_staging

            clean_staging(staging_root)


def _await_child(child: Any, messages: Any, progress: Progress | None,
                 cancel: Cancel | None) -> Path:
    while True:
        if cancel is not None and cancel():
            raise Cancelled
        try:
            kind, value = messages.get(timeout=_POLL_S)
        except queue.Empty:
            if child.is_alive():
                continue
            try:  # it ended: what it said last may still be on its way
                kind, value = messages.get(timeout=1.0)
            except queue.Empty:
                raise VsrError("error.summary.child_failed",
                               reason=f"exit code {child.exitcode}") from None
        if kind == "progress":
            if progress is not None:
                progress(float(value))
        elif kind == "done":
            return Path(value)
        elif kind == "vsr-error":
            key, params = value
            raise VsrError(key, **params)
        else:
            raise VsrError("error.summary.child_failed", reason=str(value))


def _stop(child: Any) -> None:
    if child.is_alive():
        child.terminate()
        child.join(_STOP_WAIT_S)
        if child.is_alive():
            child.kill()
    child.join()


def _child_main(doc: SummaryDoc, fmt: str, out: str, staging_root: str | None,
                include_stills: bool, language: str, messages: Any,
                shown_as: Path | None = None) -> None:
    """In the child: the same language as the parent, progress as ("progress", fraction)."""
    set_language(language)
    try:
        from vsr.export import write_summary

        staging = Path(staging_root) if staging_root else None
        if include_stills and doc.recording_has_video:  # made while the file is laid out
            with _stills_with_progress(doc, messages) as ahead:
                path = write_summary(ahead.doc, fmt, Path(out), staging_root=staging,
                                     shown_as=shown_as)
        else:
            messages.put(("progress", 0.0))
            path = write_summary(doc, fmt, Path(out), staging_root=staging, shown_as=shown_as)
        messages.put(("progress", 1.0))
        messages.put(("done", str(path)))
    except VsrError as exc:
        messages.put(("vsr-error", (exc.key, exc.params)))
    except Exception as exc:  # noqa: BLE001 - said to the parent in words, never lost
        messages.put(("error", f"{type(exc).__name__}: {exc}"))


def _stills_with_progress(doc: SummaryDoc, messages: Any) -> StillsAhead:
    """The stills, made in one pass in time order (StillReader.grab_many) on a thread while
    the file is written, with progress for every fifth."""
    from vsr.export.stills_ahead import StillsAhead

    total = max(1, len({block.at_ms for block in doc.moments}))

    def done(count: int) -> None:
        if count % 5 == 0 or count == total:
            messages.put(("progress", STILLS_SHARE * count / total))

    return StillsAhead(doc, done)
