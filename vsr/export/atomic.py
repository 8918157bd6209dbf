"""Writing an export file atomically: into a temporary file, flushed to disk, then renamed
over the target. A failure at any point leaves no file (and an older file untouched).

With a `staging_root` (the app's own private folder) the temporary file is written there when
it is on the target's file system, so no half file ever shows in the user's folder; otherwise
into a hidden staging folder beside the target that is recorded first, so the next start of
the app removes it after a kill (`vsr.staging`)."""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vsr.errors import VsrError
from vsr.i18n import current_language, translate
from vsr.library.db import Library
from vsr.staging import Staging, close_staging, open_staging


def write_atomic(out: Path, write: Callable[[Path], None], *,
                 staging_root: Path | None = None, shown_as: Path | None = None) -> Path:
    """Call write(tmp) to produce the file, then move it to `out`. Disk errors become a
    VsrError naming the file (`shown_as` when given: the target of a staged file); any
    other error is passed on. Returns `out`."""
    out = Path(out).expanduser().absolute()
    staging: Staging | None = None
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if staging_root is not None:
            staging = open_staging(staging_root, out.parent)
            tmp = staging.folder / out.name
        write(tmp)
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        raise VsrError("error.export.write_failed", path=str(shown_as or out),
                       reason=system_words(exc)) from exc
    finally:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass  # the folder itself is unusable: there is no temp file to clean up
        if staging is not None:
            close_staging(staging)
    return out


@dataclass(frozen=True, slots=True)
class StagedFile:
    """An export's file written in full into a staging of its own, not yet in its place: it
    moves there only after its audit entry is committed (`place_staged`), so the log knows
    every file the app leaves in the user's folder, and a failed audit leaves no file."""

    target: Path
    staging: Staging

    @property
    def file(self) -> Path:
        """Where the writer writes (atomically, e.g. with `write_staged`)."""
        return self.staging.folder / self.target.name


def write_staged(staged: StagedFile, write: Callable[[Path], None]) -> Path:
    """`write_atomic` into the staging; an error names the target, the place the user chose."""
    return write_atomic(staged.file, write, shown_as=staged.target)


def stage_file(out: Path, staging_root: Path) -> StagedFile:
    """Make the staging for one export file (the target's folder is made when missing)."""
    target = Path(out).expanduser().absolute()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        return StagedFile(target, open_staging(staging_root, target.parent))
    except OSError as exc:
        raise VsrError("error.export.write_failed", path=str(target),
                       reason=system_words(exc)) from exc


def place_staged(lib: Library, staged: StagedFile, record: Callable[[], object]) -> Path:
    """In one transaction of `lib`: call `record()` (the export's audit entry) and move the
    written file into place. The entry and the file are there together or not at all: when
    either fails the staged file is removed, a file that was at the target already is put
    back, and a VsrError says in the user's language that no file was saved and why. The
    staging goes in every case."""
    previous = staged.staging.folder / f".{uuid.uuid4().hex[:8]}.previous"
    kept = placed = False
    stage = "record"
    try:
        with lib.write():
            record()
            stage = "move"
            # no hard links (a FAT stick): not kept. A link is kept as the link it was.
            with contextlib.suppress(OSError, NotImplementedError):
                os.link(staged.target, previous, follow_symlinks=False)
                kept = True
            os.replace(staged.file, staged.target)
            placed = True
            stage = "commit"
    except BaseException as exc:
        if placed:  # the entry is not committed: neither is the file
            with contextlib.suppress(OSError):
                if kept:
                    os.replace(previous, staged.target)
                else:
                    staged.target.unlink()
        if isinstance(exc, (VsrError, sqlite3.Error, OSError)):
            key = "error.export.write_failed" if stage == "move" else "error.export.not_recorded"
            raise VsrError(key, path=str(staged.target), reason=failure_words(exc)) from exc
        raise
    finally:
        close_staging(staged.staging)
    return staged.target


def drop_staged(staged: StagedFile) -> None:
    """The export did not happen: remove what it staged."""
    close_staging(staged.staging)


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a write failed, worded when the message is (so in the language the sentence is
    shown in, never English inside Dutch): a message key, or the system's text as it is."""

    key: str = ""
    params: tuple[tuple[str, Any], ...] = ()
    text: str = ""
    english_as_is: bool = False  # the system's own (English) text, in English
    place: str = ""  # the file or folder it is about, said before the reason

    def __str__(self) -> str:
        if self.key and not (self.english_as_is and self.text and current_language() == "en"):
            said = translate(self.key, **dict(self.params))
        else:
            said = self.text
        return f"{self.place}: {said}" if self.place else said

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def system_words(exc: OSError, place: object = "") -> Reason:
    """Why the system refused a write (about `place`, when given): a full disk or no access
    in the user's words ("No space left on device" stood in the Dutch sentence), else the
    system's text."""
    said = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return Reason("package.reason.disk_full", text=said, english_as_is=True,
                      place=str(place))
    if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        return Reason("package.reason.no_access", text=said, english_as_is=True,
                      place=str(place))
    return Reason(text=said, place=str(place))


def failure_words(exc: BaseException) -> Reason:
    """Why a write failed, in the user's words (the system's and SQLite's texts are English)."""
    if isinstance(exc, VsrError):
        return Reason(exc.key, tuple(exc.params.items()))
    text = str(exc).lower()
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT) or "full" in text:
        return Reason("error.storage.disk_full")
    if "locked" in text or "busy" in text:
        return Reason("error.storage.busy")
    if isinstance(exc, OSError):
        return Reason(text=exc.strerror or str(exc))
    return Reason(text=str(exc))
