"""SQLite's failures on a damaged file, caught as one kind.

Damage in a schema page can put bytes that are not UTF-8 into SQLite's own error message (the
name of a table or trigger it could not read). Python's sqlite3 then fails to decode that
message and raises UnicodeDecodeError instead of DatabaseError, from any statement, even
`PRAGMA journal_mode`. Code that handles a damaged library catches `SQLITE_FAILURES` and words
it with `failure_text`, so such a library is reported and can be restored like any other."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

SQLITE_FAILURES: tuple[type[Exception], ...] = (sqlite3.Error, UnicodeDecodeError)
# What SQLite (or Python reading its text) says about a damaged file, rather than a missing,
# busy or forbidden one. "vtable constructor failed": the search index (FTS5) could not read
# its own tables (a damaged page in them).
DAMAGE_WORDS = ("malformed", "not a database", "corrupt", "could not decode",
                "vtable constructor failed")


def failure_text(exc: BaseException) -> str:
    """SQLite's message; one it could not decode is shown with its bad bytes replaced."""
    if isinstance(exc, UnicodeDecodeError) and isinstance(exc.object, bytes | bytearray):
        return bytes(exc.object).decode("utf-8", "replace")
    return str(exc)


def is_damage(exc: BaseException) -> bool:
    """Whether the failure says the file is damaged (not busy, missing or not allowed)."""
    if isinstance(exc, UnicodeDecodeError):  # only a damaged file gives such a message
        return True
    return any(word in str(exc).lower() for word in DAMAGE_WORDS)


# Less than this free on the library's disk and SQLite's "disk I/O error" means the disk is
# full: it cannot even make its shared-memory file (-shm, 32 KiB) there, and says only that.
NEARLY_FULL_BYTES = 1024 * 1024
_FULL_WORDS = ("disk i/o error", "disk is full")


def full_disk(path: Path, said: str) -> bool:
    """Whether SQLite's failure `said` at the library `path` comes from a full disk (rather
    than damage: `vsr backup check` called such a library damaged and offered a restore)."""
    if not any(word in said.lower() for word in _FULL_WORDS):
        return False
    try:
        return shutil.disk_usage(Path(path).parent).free < NEARLY_FULL_BYTES
    except OSError:
        return False
