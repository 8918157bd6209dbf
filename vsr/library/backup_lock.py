"""One program at a time makes or rotates the backups of a library.

Ten programs opening the library when a backup is due each saw it due and each made one; the
rotation after them then counted the copies of this one moment as the week's backups and
deleted real older daily and weekly ones. A lock file in the backups folder, held with
flock (Unix) or msvcrt.locking (Windows) while a program checks, makes and rotates, stops
that: the lock goes with the process, so a program that is killed never leaves it stuck."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt


def _take(fd: int, wait: bool) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        else:  # pragma: no cover - Windows
            msvcrt.locking(fd, msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)
    except (BlockingIOError, PermissionError):
        return False
    except OSError:
        if wait:
            raise
        return False
    return True


@contextmanager
def backup_lock(folder: Path, name: str, *, wait: bool = True) -> Iterator[bool]:
    """Hold the backups lock of `name` (the library's stem) in `folder`; yields whether this
    program has it (always True with wait=True, which waits for the other program)."""
    fd = os.open(folder / f".{name}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        yield _take(fd, wait)
    finally:
        os.close(fd)  # closing the file lets go of the lock
