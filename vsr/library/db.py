"""Opening the library: WAL, synchronous=FULL, versioned migrations after a backup, and the
change events that views subscribe to. Every edit is committed when it is made."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from vsr.errors import StorageError, VsrError
from vsr.library.schema import MIGRATIONS

if TYPE_CHECKING:
    import sqlite_utils

APP_NAME = "vsr"


def default_library_path() -> Path:
    """VSR_LIBRARY if set, else library.sqlite in the user's data directory."""
    env = os.environ.get("VSR_LIBRARY")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "library.sqlite"


@dataclass(frozen=True, slots=True)
class Change:
    """What an operation changed, so views refresh only that, and can skip their own edits."""

    entity: str  # "recording", "review", "party", "marker", "sheet", ...
    action: str  # "added", "updated", "removed"
    ids: tuple[int, ...] = ()
    review_id: int | None = None
    initiator: object | None = None


Listener = Callable[[Change], None]


def _storage_error(exc: sqlite3.Error) -> StorageError:
    text = str(exc)
    if "full" in text.lower():
        return StorageError("error.storage.disk_full")
    if "readonly" in text.lower():
        return StorageError("error.storage.read_only")
    if "locked" in text.lower() or "busy" in text.lower():
        return StorageError("error.storage.busy")
    return StorageError(reason=text)


class Library:
    """A connection to one library file. Use the operation modules to read and change it."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self._db: sqlite_utils.Database | None = None
        self._listeners: list[Listener] = []
        self._depth = 0
        self._pending: list[Change] = []

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the connection, made on first use: importing it costs start-up time
        (about 80 ms, numpy included) that no command or window needs."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    # -- change events -------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # -- writing -------------------------------------------------------------------------
    @contextmanager
    def write(self, *changes: Change) -> Iterator[list[Change]]:
        """One committed transaction. Changes (given or appended to the yielded list) are
        announced after the commit, never for a rolled-back edit."""
        collected: list[Change] = list(changes)
        outer = self._depth == 0
        try:
            if outer:
                self.conn.execute("BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield collected
            finally:
                self._depth -= 1
            if outer:
                self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if outer and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self._pending.clear()
            raise _storage_error(exc) from exc
        except BaseException:
            if outer and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self._pending.clear()
            raise
        self._pending.extend(collected)
        if outer:
            pending, self._pending = self._pending, []
            for change in pending:
                self._emit(change)

    def query(self, sql: str, params: tuple[object, ...] | dict[str, object] = ()) -> list[dict[str, object]]:
        cursor = self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def get_setting(self, key: str, default: str = "") -> str:
        rows = self.query("SELECT value FROM settings WHERE key = ?", (key,))
        return str(rows[0]["value"]) if rows else default

    def set_setting(self, key: str, value: str) -> None:
        with self.write(Change("setting", "updated")):
            self.conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self._listeners.clear()
        self.conn.close()


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves, so nothing stays uncommitted.
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=10)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def _migrate(path: Path, conn: sqlite3.Connection) -> None:
    """Bring the schema up to date in one transaction. The version is read under the write
    lock, so two programs opening an old (or new) library at once never both migrate it."""
    target = len(MIGRATIONS)
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if current > target:
            raise VsrError("error.library.newer", path=str(path), found=current, known=target)
        if current < target:
            if current > 0:
                _backup_before_migration(path, current)
            for version in range(current, target):
                for statement in MIGRATIONS[version]:
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {target}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _backup_before_migration(path: Path, version: int) -> None:
    """A copy of the library as it was, before any migration touches it. Written beside it
    under a temporary name and renamed, so a damaged left-over copy never stands in the way."""
    backup = path.with_name(f"{path.name}.v{version}.bak")
    partial = backup.with_name(f"{backup.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    # Read through a second connection: SQLite refuses a backup from the connection that holds
    # the write lock, and in WAL mode a reader still sees the library as last committed.
    source = sqlite3.connect(str(path), timeout=10)
    dest = sqlite3.connect(str(partial))
    try:
        source.backup(dest)
    finally:
        dest.close()
        source.close()
    os.replace(partial, backup)


def open_library(path: Path | str | None = None) -> Library:
    """Open (creating if needed) the library at path, bringing its schema up to date."""
    lib_path = Path(path).expanduser() if path is not None else default_library_path()
    try:
        lib_path.parent.mkdir(parents=True, exist_ok=True)
        conn = _connect(lib_path)
        _migrate(lib_path, conn)
    except sqlite3.DatabaseError as exc:
        raise VsrError("error.library.unreadable", path=str(lib_path), reason=str(exc)) from exc
    except OSError as exc:
        raise VsrError("error.library.unreadable", path=str(lib_path), reason=exc.strerror) from exc
    return Library(lib_path, conn)


def copy_library(src: Path, dest: Path) -> None:
    """A consistent copy of a library file (used for backups)."""
    shutil.copy2(src, dest)
