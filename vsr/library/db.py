"""Opening the library: WAL, synchronous=FULL, versioned migrations after a backup, and the
change events that views subscribe to. Every edit is committed when it is made."""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import platformdirs

from vsr.app_dirs import (
    create_private_file,
    library_companions,
    make_private,
    private_dir,
    staging_root,
)
from vsr.errors import StorageError, VsrError
from vsr.library import backups, health
from vsr.library.changes import Action, Entity, Listener
from vsr.library.changes import Change as Change  # re-exported: `from vsr.library.db import Change`
from vsr.library.schema import MIGRATIONS, Migration
from vsr.library.sqlite_failures import failure_text, full_disk, is_damage
from vsr.staging import clean_staging

if TYPE_CHECKING:
    import sqlite_utils

APP_NAME = "vsr"
BUSY_WAIT_MS = 10_000  # a busy library: wait this long for the other program, then say so
MIGRATION_WAIT_MS = 300_000  # another program migrating the library: wait for it
log = logging.getLogger(__name__)


def default_library_path() -> Path:
    """VSR_LIBRARY if set, else library.sqlite in the user's data directory."""
    env = os.environ.get("VSR_LIBRARY")
    if env:
        return Path(env).expanduser()
    return app_data_dir() / "library.sqlite"


def app_data_dir() -> Path:
    """The user data folder of the app (private: 0700)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))




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

    def __init__(self, path: Path, conn: sqlite3.Connection, *, damage: str | None = None) -> None:
        self.path = path
        self.conn = conn
        # What the integrity check found; a damaged library is open read-only (query_only).
        self.damage = damage
        self._db: sqlite_utils.Database | None = None
        self._listeners: list[Listener] = []
        self._depth = 0
        self._pending: list[Change] = []
        # This program's open-marker and when it checked the file (see vsr.library.health).
        self._open_marker: Path | None = None
        self._checked_at: float | None = None

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
        try:
            cursor = self.conn.execute(sql, params)
            rows = cursor.fetchall()
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            if is_damage(exc):
                raise VsrError("cli.backup.check_bad", path=str(self.path),
                               problem=failure_text(exc)) from exc
            raise
        names = [d[0] for d in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in rows]

    def get_setting(self, key: str, default: str = "") -> str:
        rows = self.query("SELECT value FROM settings WHERE key = ?", (key,))
        return str(rows[0]["value"]) if rows else default

    def set_setting(self, key: str, value: str) -> None:
        with self.write(Change(Entity.SETTING, Action.UPDATED)):
            self.conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def set_busy_wait(self, ms: int) -> None:
        """How long a write waits for another program's write lock before it fails as busy.
        The command line waits BUSY_WAIT_MS; the window waits a few ms only (nothing may wait
        on its UI thread) and tries a refused edit again later (ui.save_queue)."""
        self.conn.execute(f"PRAGMA busy_timeout = {max(0, int(ms))}")

    @property
    def read_only(self) -> bool:
        return self.damage is not None

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self._listeners.clear()
        self.conn.close()
        marker, self._open_marker = self._open_marker, None
        health.mark_closed(self.path, marker, self._checked_at)


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves, so nothing stays uncommitted.
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False,
                           timeout=BUSY_WAIT_MS / 1000)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA secure_delete=ON")  # what is deleted is zeroed (vsr.library.erasure)
    except BaseException:
        conn.close()
        raise
    return conn


def _connect_when_free(path: Path, *, check: bool = True) -> tuple[sqlite3.Connection, str]:
    """`_connect` and `quick_check` (if `check`; else 'ok' unchecked), waiting as long as for a
    migration while another program holds the library in a way SQLite does not wait for by
    itself: switching an old library to WAL needs it alone, and a program that closes the
    library last briefly holds it to fold the WAL back in; SQLite can answer "locked" there at
    once instead of calling its busy handler."""
    deadline = time.monotonic() + MIGRATION_WAIT_MS / 1000
    pause = 0.01
    while True:
        try:
            conn = _connect(path)
            try:
                return conn, quick_check(conn) if check else "ok"
            except BaseException:
                conn.close()
                raise
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() > deadline:
                raise
            log.info("library %s busy while opening (%s): trying again", path.name, exc)
        time.sleep(pause)
        pause = min(pause * 2, 0.5)


def _migrate(path: Path, conn: sqlite3.Connection) -> None:
    """Bring the schema up to date in one transaction. The version is read under the write
    lock, so two programs opening an old (or new) library at once never both migrate it.
    A migration that rebuilds tables needs foreign keys off, which SQLite only allows outside
    a transaction: they go off before BEGIN (when a pending migration asks, judged from a first
    look at the version; the real one is read under the lock) and on again after COMMIT, and
    `foreign_key_check` must find nothing before the COMMIT."""
    target = len(MIGRATIONS)
    seen = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if seen == target:
        # Up to date (a migration by another program only ever raises the version): no write
        # lock to take. Taking it, every command waited up to MIGRATION_WAIT_MS (5 minutes,
        # silent) while another program held the library for writing, `vsr list` too.
        return
    keys_off = any(isinstance(m, Migration) and m.foreign_keys_off for m in MIGRATIONS[seen:])
    if keys_off:
        conn.execute("PRAGMA foreign_keys=OFF")
    # Another program may be migrating this library right now (a first start, an upgrade):
    # that can take longer than an ordinary edit, so wait for it longer than for an edit.
    conn.execute(f"PRAGMA busy_timeout = {MIGRATION_WAIT_MS}")
    try:
        _migrate_locked(path, conn, target)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_WAIT_MS}")
        if keys_off:
            conn.execute("PRAGMA foreign_keys=ON")


def _migrate_locked(path: Path, conn: sqlite3.Connection, target: int) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if current > target:
            raise VsrError("error.library.newer", path=str(path), found=current, known=target)
        if current < target:
            if current > 0:
                _backup_before_migration(path, current)
            for version in range(current, target):
                _run_migration(conn, MIGRATIONS[version])
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise sqlite3.IntegrityError(f"foreign key check failed: {broken[:5]}")
            conn.execute(f"PRAGMA user_version = {target}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _run_migration(conn: sqlite3.Connection, migration: list[str] | Migration) -> None:
    if isinstance(migration, Migration):
        for statement in migration.statements:
            conn.execute(statement)
        if migration.run is not None:
            migration.run(conn)
        return
    for statement in migration:
        conn.execute(statement)


def _backup_before_migration(path: Path, version: int) -> None:
    """A copy of the library as it was, before any migration touches it, beside it as
    `<name>.v<version>.bak` (an older copy of that name is kept, never overwritten)."""
    backup = path.with_name(f"{path.name}.v{version}.bak")
    n = 1
    while backup.exists():
        backup = path.with_name(f"{path.name}.v{version}.{n}.bak")
        n += 1
    backups.copy_database(path, backup)


DamageReporter = Callable[[Path, str], None]
_damage_reporters: list[DamageReporter] = []


def report_damage_to(reporter: DamageReporter) -> None:
    """Be told (path, problem) when a damaged library is opened read-only (the CLI prints it)."""
    _damage_reporters.append(reporter)


def _is_busy(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def quick_check(conn: sqlite3.Connection) -> str:
    """'ok', or what SQLite's quick_check found wrong."""
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.OperationalError as exc:
        if _is_busy(exc):  # another program has it: busy, not damaged
            raise
        return str(exc)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        return failure_text(exc)
    return "ok" if rows == ["ok"] else "; ".join(rows[:5])


def open_library(path: Path | str | None = None, *, backup: bool = True) -> Library:
    """Open (creating if needed) the library at path, bringing its schema up to date. It is
    checked first when a check pays (`vsr.library.health`: after an unclean shutdown, once a
    day, before a backup): a damaged library opens read-only (Library.damage says what is
    wrong). A healthy one gets its daily/weekly backup when one is due (unless backup=False)."""
    lib_path = Path(path).expanduser() if path is not None else default_library_path()
    existed = lib_path.is_file() and lib_path.stat().st_size > 0
    reason = health.check_reason(lib_path) if existed else None
    due = backups.kinds_due(lib_path, verify=reason is not None) if backup and existed else []
    checked = reason is not None or bool(due) or not existed  # a new one: cheap to check
    try:
        _prepare_private(lib_path)
        conn, problem = _connect_when_free(lib_path, check=checked)
        if problem != "ok":
            conn.close()
            return _open_damaged(lib_path, problem)
        _migrate(lib_path, conn)
        for companion in library_companions(lib_path):
            make_private(companion)
        # Every start: remove what exports killed in an earlier run left (never a live one's).
        clean_staging(staging_root(lib_path))
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        if is_damage(exc):
            return _open_damaged(lib_path, failure_text(exc))
        raise VsrError("error.library.unreadable", path=str(lib_path),
                       reason=_open_reason(lib_path, str(exc))) from exc
    except OSError as exc:
        raise VsrError("error.library.unreadable", path=str(lib_path),
                       reason=_open_reason(lib_path, exc.strerror or str(exc))) from exc
    if due:  # made under the backups' lock, which decides again what is due (ten programs: one)
        try:
            backups.backup_if_due(lib_path, verify=reason is not None)
        except VsrError as exc:  # a backup that fails must not keep anyone from their work
            log.warning("%s", exc.message())
    return _opened(lib_path, conn, checked)


def _opened(lib_path: Path, conn: sqlite3.Connection, checked: bool) -> Library:
    lib = Library(lib_path, conn)
    if checked:
        health.forget_dead(lib_path)
    lib._open_marker = health.mark_open(lib_path)
    lib._checked_at = time.time() if checked else None
    return lib


def _open_reason(lib_path: Path, said: str) -> str:
    """Why the library cannot be opened: a folder (or file) that cannot be written in, in the
    user's words (SQLite only says "unable to open database file", in English); else what
    was said."""
    folder_closed = lib_path.parent.is_dir() and not os.access(lib_path.parent, os.W_OK)
    file_closed = lib_path.is_file() and not os.access(lib_path, os.W_OK)
    if folder_closed or file_closed:
        return "reason.read_only_folder"
    return "reason.disk_full" if full_disk(lib_path, said) else said


def _prepare_private(lib_path: Path) -> None:
    """The library and what SQLite keeps beside it are the user's only (0600). SQLite gives
    the -wal and -shm files the library's own rights, so the library file is made first."""
    if lib_path.parent == app_data_dir() or not lib_path.parent.exists():
        private_dir(lib_path.parent)
    if not lib_path.exists():
        create_private_file(lib_path)
    for path in (lib_path, *library_companions(lib_path)):
        make_private(path)


T = TypeVar("T")
READER_WAIT_MS = 5_000  # a reader on a worker may wait for the WAL index (never on the UI thread)


def read_apart(path: Path, read: Callable[[Library], T]) -> T:
    """`read(reader)` on a connection of its own to the library at `path`, for reading on a
    worker thread while the window's connection stays with the UI thread. The reader only
    reads (query_only; the file is never created), all its queries see one committed state
    (one read transaction), and it is closed after. No check, migration or open-marker: the
    window's own open did those."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True,
                               isolation_level=None, check_same_thread=False,
                               timeout=READER_WAIT_MS / 1000)
    except sqlite3.Error as exc:
        raise VsrError("error.library.unreadable", path=str(path), reason=str(exc)) from exc
    try:
        conn.execute("PRAGMA query_only=ON")
        conn.execute("BEGIN")  # deferred: the first read fixes the state every read sees
        return read(Library(path, conn))
    except sqlite3.Error as exc:
        raise VsrError("error.library.unreadable", path=str(path), reason=str(exc)) from exc
    finally:
        with suppress(sqlite3.Error):
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        conn.close()


def library_staging(lib: Library) -> Path:
    """The app's own private folder for exports in progress (see `vsr.app_dirs`)."""
    return staging_root(lib.path)


def _open_damaged(path: Path, problem: str) -> Library:
    """Read-only, so nothing is written into a damaged file and no backup is rotated away."""
    log.error("library %s is damaged: %s", path, problem)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                               isolation_level=None, check_same_thread=False, timeout=10)
        conn.execute("PRAGMA query_only=ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        text = failure_text(exc)
        raise LibraryDamagedError(path, problem if text in problem else f"{problem}; {text}") \
            from exc
    for reporter in list(_damage_reporters):
        reporter(path, problem)
    return Library(path, conn, damage=problem)


class LibraryDamagedError(VsrError):
    """The library is so damaged it cannot be opened even to read: only a restore helps."""

    def __init__(self, path: Path, problem: str) -> None:
        newest = backups.newest_good(path)
        super().__init__("error.library.damaged_unopenable", path=str(path), problem=problem,
                         backup=str(newest.path) if newest else "")
        self.path = path
        self.problem = problem


def copy_library(src: Path, dest: Path) -> None:
    """A consistent copy of a library file through SQLite's backup API (a file copy of a WAL
    database can miss what is still in its -wal file, or catch a half-written page)."""
    backups.copy_database(src, dest)
