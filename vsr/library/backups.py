"""Rotating backups of the library, made with SQLite's backup API (never a file copy of a WAL
database), kept in a private `backups/` folder beside it, and put back on request.

Kept: the last 7 daily and 4 weekly backups (made when the library is opened and the newest
backup is older than a day), every backup the user made by hand ("manual"), and the last 5
backups made before a restore ("before-restore"). The backup made before a schema migration
stays where it always was: `<library>.v<version>.bak` beside the library; it is listed too.

A file in `backups/` that is damaged or not a backup at all is skipped and logged, never
overwritten, and only deleted when rotation reaches it; it never stands in the way of opening."""

from __future__ import annotations

import errno
import json
import logging
import os
import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from vsr.errors import StorageError, VsrError
from vsr.library.backup_lock import backup_lock
from vsr.library.id_sequences import highest_counters, keep_counters_ahead
from vsr.library.schema import MIGRATIONS
from vsr.library.sqlite_failures import SQLITE_FAILURES, failure_text

log = logging.getLogger(__name__)

class BackupCancelled(Exception):  # noqa: N818 - the name says what happened
    """A backup stopped on request: no file was left."""


FOLDER = "backups"
KEEP = {"daily": 7, "weekly": 4, "before-restore": 5}  # "manual" and "migration" are never rotated
KINDS = ("daily", "weekly", "manual", "before-restore", "migration")
DAILY_EVERY = timedelta(days=1)
WEEKLY_EVERY = timedelta(days=7)
_STAMP = "%Y%m%d-%H%M%S"
_PAGES_PER_STEP = 256  # pages copied between progress reports (1 MiB at 4 KiB pages)
_NAME = re.compile(r"^(?P<lib>.+)-(?P<kind>daily|weekly|manual|before-restore)-"
                   r"(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.sqlite$")


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup file: when it was made, of what kind, and how large it is."""

    path: Path
    kind: str
    made_at: datetime  # UTC
    size: int


def backup_folder(library: Path) -> Path:
    return library.parent / FOLDER


def _now() -> datetime:
    return datetime.now(UTC)


def list_backups(library: Path) -> list[Backup]:
    """Every backup of this library, newest first. Files that are not ours are logged, skipped."""
    found: list[Backup] = []
    folder = backup_folder(library)
    entries = sorted(folder.iterdir()) if folder.is_dir() else []
    for entry in entries:
        match = _NAME.match(entry.name)
        if match is None or match["lib"] != library.stem:
            if not entry.name.startswith(".") and entry.name.startswith(library.stem + "-") \
                    and not _is_companion(entry.name):
                log.warning("not a backup, skipped: %s", entry)
            continue
        made = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
        found.extend(_stat(entry, match["kind"], made))
    for entry in library.parent.glob(f"{glob_escape(library.name)}.v*.bak"):
        found.extend(_stat(entry, "migration", datetime.fromtimestamp(_mtime(entry), UTC)))
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def _is_companion(name: str) -> bool:
    """The -wal kept beside a raw 'before-restore' copy of a damaged library (part of it)."""
    base, _, suffix = name.rpartition("-")
    return suffix in ("wal", "shm") and _NAME.match(base) is not None


def glob_escape(name: str) -> str:
    return re.sub(r"([\[\]*?])", r"[\1]", name)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _stat(path: Path, kind: str, made: datetime) -> list[Backup]:
    try:
        return [Backup(path, kind, made, path.stat().st_size)]
    except OSError:  # removed meanwhile by another program's rotation
        return []


def check_file(path: Path, *, full: bool = False) -> str:
    """'ok', or what is wrong with this SQLite file (quick_check, or integrity_check if full).
    An empty file or a database without a library schema is not a backup either."""
    try:
        if path.stat().st_size == 0:
            return "empty file"
    except OSError as exc:
        return str(exc.strerror)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    except SQLITE_FAILURES as exc:
        return failure_text(exc)
    try:
        pragma = "integrity_check" if full else "quick_check"
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        problems = [str(r[0]) for r in rows]
        if problems != ["ok"]:
            return "; ".join(problems[:5])
        if int(conn.execute("PRAGMA user_version").fetchone()[0]) == 0:
            return "no library schema"
        return "ok"
    except SQLITE_FAILURES as exc:
        return failure_text(exc)
    finally:
        conn.close()


def failure_reason(exc: BaseException) -> str:
    """Why a backup could not be made or put back, for `error.backup.failed`: a full disk or
    a place that cannot be written to in the user's words (a message key; the system's and
    SQLite's own texts are English: "[Errno 30] Read-only file system" stood in the Dutch
    sentence), else SQLite's text."""
    said = failure_text(exc).lower()
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return "package.reason.disk_full"
        if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
            return "package.reason.no_access"
        return failure_text(exc) if exc.errno is None else "package.reason.os"
    if "full" in said:
        return "package.reason.disk_full"
    if "readonly" in said or "read-only" in said or "unable to open" in said:
        return "package.reason.no_access"
    return failure_text(exc)


def schema_version(path: Path) -> int:
    """The schema version of the SQLite file at `path` (read only; 0 when it cannot be read)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    except SQLITE_FAILURES:
        return 0
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    except SQLITE_FAILURES:
        return 0
    finally:
        conn.close()


def _constraint_problems(library: Path, backup: Path) -> str:
    """What the backup's rows break of its own CHECK and NOT NULL constraints ('' when
    nothing). SQLite checks those only on a connection that may write, so a private copy
    beside the library is checked, never the backup itself: read-only, a backup with a moment
    at -1 s passed, was put back, then opened as damaged, and the restore stopped half done
    with "cannot be saved right now"."""
    staged = library.with_name(f".{library.name}.{os.getpid()}.check")
    try:
        try:
            copy_database(backup, staged)
        except (OSError, sqlite3.Error, UnicodeDecodeError) as exc:  # no room: not the backup's
            raise VsrError("error.backup.failed", path=str(library),
                           reason=failure_reason(exc),
                           errno=getattr(exc, "errno", None) or 0) from exc
        conn = sqlite3.connect(str(staged), isolation_level=None)
        try:
            rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
            if rows == ["ok"]:
                rows = _value_problems(conn) or rows
        finally:
            conn.close()
    except SQLITE_FAILURES as exc:
        return failure_text(exc)
    finally:
        for leftover in (staged, Path(f"{staged}-journal"), Path(f"{staged}.fresh")):
            leftover.unlink(missing_ok=True)
    return "" if rows == ["ok"] else "; ".join(rows[:5])


# The stored values every reader turns into a type (an enum, the feelings' JSON): one that is
# not among them ended exports and the window in a traceback once such a backup was put back.
_READ_AS_TYPE = (("parties", "role"), ("parties", "shape"), ("session_state", "step"),
                 ("session_ratings", "question"), ("reflections", "feelings"),
                 ("collection_clips", "questions"))
_WORDS_LISTS = ("feelings", "questions")  # JSON lists of texts


def _value_problems(conn: sqlite3.Connection) -> list[str]:
    """'table.column: value' for each stored value that the package checks
    (`vsr.review_package.validate`, the same as what a colleague's package must pass) refuse.
    Of the feelings only their form is judged (a list of words: a feeling the method no longer
    has is no reason to refuse a backup).

    A backup of this version: the values of `_READ_AS_TYPE`. An older one (`conn` is a private
    copy) is first brought up to date the way opening it after the restore would, then its
    rows must fit this version's CHECK constraints (older versions had fewer) and every field
    the package checks know must pass them: an unknown role, a moment at -5 s or past 48 h, a
    time that is no time, a text of 100 MB or a number where a text belongs, let in by an
    older version's looser schema, ended in a traceback or a frozen window once put back."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > len(MIGRATIONS):
        return []  # refused on its own (`error.library.newer`)
    if version < len(MIGRATIONS):
        try:
            _bring_up_to_date(conn, version)
            problems = _current_check_problems(conn)
        except SQLITE_FAILURES as exc:
            return [failure_text(exc)]
        return problems or _field_problems(conn) or _typed_problems(conn)
    return _typed_problems(conn)


def _typed_problems(conn: sqlite3.Connection) -> list[str]:
    from vsr.review_package.checks import Bad
    from vsr.review_package.validate import TABLES
    from vsr.text import clean_text

    problems: list[str] = []
    for table, column in _READ_AS_TYPE:
        check = _words_list if column in _WORDS_LISTS else TABLES[table][0][column].check
        try:
            values = [r[0] for r in conn.execute(f'SELECT DISTINCT "{column}" FROM "{table}"')]
        except sqlite3.OperationalError:  # a table or column an older backup does not have
            continue
        for value in values:
            try:
                check(value)
            except Bad:
                problems.append(f"{table}.{column}: {clean_text(str(value))[:40]}")
    return problems


def _bring_up_to_date(conn: sqlite3.Connection, version: int) -> None:
    """The migrations from `version` on, in one transaction (on a private copy: the restored
    file itself is migrated again when it is opened, with its own backup first)."""
    from vsr.library.db import _run_migration  # db imports this module

    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("BEGIN IMMEDIATE")
    for migration in MIGRATIONS[version:]:
        _run_migration(conn, migration)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
    conn.execute("COMMIT")


def _current_check_problems(conn: sqlite3.Connection) -> list[str]:
    """Every row copied into an empty library of this version (its triggers dropped): what
    SQLite refuses there breaks a CHECK or NOT NULL this version has and the older one had
    not (a migration that only adds a column leaves the older table's definition)."""
    from vsr.library.db import _run_migration  # db imports this module

    main = Path(conn.execute("PRAGMA database_list").fetchone()[2])
    fresh_path = main.with_name(f"{main.name}.fresh")
    fresh = sqlite3.connect(str(fresh_path), isolation_level=None)
    try:
        for migration in MIGRATIONS:
            _run_migration(fresh, migration)
        for (trigger,) in fresh.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            fresh.execute(f'DROP TRIGGER "{trigger}"')
        virtual = [str(r[0]) for r in fresh.execute(
            "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'")]
        made = {str(r[0]) for r in fresh.execute(  # full-text indexes are no data of their own
            "SELECT name FROM sqlite_master WHERE type = 'table'")
                if not any(str(r[0]) == v or str(r[0]).startswith(f"{v}_") for v in virtual)}
        fresh.close()
        tables = [str(r[0]) for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%'")]
        conn.execute("ATTACH DATABASE ? AS fresh", (str(fresh_path),))
        try:
            for table in tables:
                if table in made:
                    try:
                        conn.execute(f'INSERT INTO fresh."{table}" SELECT * FROM main."{table}"')
                    except sqlite3.IntegrityError as exc:
                        return [f"{table}: {failure_text(exc)}"]
        finally:
            conn.execute("DETACH DATABASE fresh")
    finally:
        fresh.close()
        for leftover in (fresh_path, Path(f"{fresh_path}-journal")):
            leftover.unlink(missing_ok=True)
    return []


def _field_problems(conn: sqlite3.Connection) -> list[str]:
    """'table.column: value' for the first few stored values the package checks refuse."""
    from vsr.review_package.checks import Bad, Field
    from vsr.review_package.validate import CONSENT, RECORDING, REVIEW, TABLES
    from vsr.text import clean_text

    fields: dict[str, dict[str, Field]] = {table: f for table, (f, _) in TABLES.items()}
    fields.update(recordings=RECORDING, reviews=REVIEW, consents=CONSENT)
    problems: list[str] = []
    for table, checks in fields.items():
        columns = {str(r[1]) for r in conn.execute(f'PRAGMA table_info("{table}")')}
        for column, field in checks.items():
            if column not in columns:
                continue
            check = _words_list if column == "feelings" else field.check
            for (value,) in conn.execute(f'SELECT DISTINCT "{column}" FROM "{table}"'):
                try:
                    check(value)
                except Bad:
                    shown = clean_text(value[:40]) if isinstance(value, str) else repr(value)
                    problems.append(f"{table}.{column}: {shown[:40]}")
                    if len(problems) >= 5:
                        return problems
    return problems


def _words_list(value: object) -> None:
    """A JSON list of texts, as the gespreksblad's reader needs the feelings."""
    from vsr.review_package.checks import Bad

    try:
        picked = json.loads(value) if isinstance(value, str) else None
    except (ValueError, RecursionError) as exc:
        raise Bad("package.problem.feelings") from exc
    if not isinstance(picked, list) or not all(isinstance(k, str) for k in picked):
        raise Bad("package.problem.feelings")


def foreign_schema(path: Path, version: int) -> list[str]:
    """What the schema of the library file at `path` holds that vsr's migrations up to
    `version` do not make, or make otherwise: tables, indexes, triggers and views by name (and
    triggers and views by their SQL), as 'type name'. A trigger planted in a file that is then
    put back as the library would run on every edit (a trigger that empties the gespreksbladen
    whenever a moment is added)."""
    from vsr.library.db import _run_migration  # db imports this module

    fresh = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for migration in MIGRATIONS[:version]:
            _run_migration(fresh, migration)
        made = _schema(fresh)
    finally:
        fresh.close()
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    except SQLITE_FAILURES:
        return []  # check_file said what is wrong with it
    try:
        found = _schema(conn)
    except SQLITE_FAILURES:
        return []
    finally:
        conn.close()
    return sorted(f"{kind} {name}" for (kind, name), sql in found.items()
                  if made.get((kind, name), "?") != sql) + \
        sorted(f"{kind} {name}" for kind, name in made if (kind, name) not in found)


def _schema(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """(type, name) -> the SQL of triggers and views, words only ("" for tables and indexes:
    SQLite rewrites their SQL as columns are added); SQLite's own tables left out."""
    return {(str(kind), str(name)): " ".join(str(sql or "").split())
            if kind in ("trigger", "view") else ""
            for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master")
            if not str(name).startswith("sqlite_")}


def copy_database(src: Path, dest: Path, *, progress: Callable[[float], None] | None = None,
                  cancel: Callable[[], bool] | None = None) -> None:
    """A consistent copy of src as a single self-contained file at dest, through the backup API
    from a separate read connection (SQLite refuses a backup from a connection holding the write
    lock; a reader in WAL mode sees the library as last committed). Written under a temporary
    name, private to the user, and renamed: a half-made copy never carries the real name.
    `progress(fraction)` is told as pages are copied; when `cancel()` says so the copy stops,
    the partial file is removed and `Cancelled` raised."""
    partial = dest.with_name(f".{dest.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(f"{src.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    target = sqlite3.connect(str(partial))
    try:
        if progress is None and cancel is None:
            source.backup(target)
        else:
            def step(_status: int, remaining: int, total: int) -> None:
                if cancel is not None and cancel():
                    raise BackupCancelled
                if progress is not None and total > 0:
                    progress((total - remaining) / total)

            source.backup(target, pages=_PAGES_PER_STEP, progress=step)
        # One file, no -wal beside it: a copy that can be moved, checked and opened read-only.
        target.execute("PRAGMA journal_mode=DELETE")
    except BaseException:
        target.close()
        partial.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    target.close()
    os.chmod(partial, 0o600)
    os.replace(partial, dest)


def _new_name(library: Path, kind: str, when: datetime) -> Path:
    folder = backup_folder(library)
    base = f"{library.stem}-{kind}-{when.strftime(_STAMP)}"
    candidate = folder / f"{base}.sqlite"
    n = 1
    while candidate.exists():  # never overwrite a backup, not even one made this second
        candidate = folder / f"{base}-{n}.sqlite"
        n += 1
    return candidate


def _private_folder(library: Path) -> Path:
    folder = backup_folder(library)
    folder.mkdir(mode=0o700, exist_ok=True)
    os.chmod(folder, 0o700)
    return folder


def create_backup(library: Path, kind: str = "manual", *,
                  progress: Callable[[float], None] | None = None,
                  cancel: Callable[[], bool] | None = None) -> Backup:
    """Make a backup now (a new file; never replaces one), then rotate that kind. Waits while
    another program makes or rotates backups of this library. `progress` and `cancel` as in
    `copy_database` (a cancelled backup leaves no file)."""
    try:
        folder = _private_folder(library)
    except OSError as exc:
        raise VsrError("error.backup.failed", path=str(library), reason=failure_reason(exc),
                       errno=getattr(exc, "errno", None) or 0) from exc
    with backup_lock(folder, library.stem):
        return _create_locked(library, kind, progress, cancel)


def _create_locked(library: Path, kind: str,
                   progress: Callable[[float], None] | None = None,
                   cancel: Callable[[], bool] | None = None) -> Backup:
    if kind not in KINDS or kind == "migration":
        raise ValueError(kind)
    try:
        when = _now()
        dest = _new_name(library, kind, when)
        copy_database(library, dest, progress=progress, cancel=cancel)
    except (OSError, sqlite3.Error, UnicodeDecodeError) as exc:
        raise VsrError("error.backup.failed", path=str(library), reason=failure_reason(exc),
                       errno=getattr(exc, "errno", None) or 0) from exc
    rotate(library, kind)
    return Backup(dest, kind, when.replace(microsecond=0), dest.stat().st_size)


def _remove_stale_partials(library: Path) -> None:
    """A backup cut off by a kill leaves its temporary file; after an hour it is nobody's."""
    cutoff = time.time() - 3600  # file times are the real clock's
    for partial in backup_folder(library).glob(f".{glob_escape(library.stem)}-*.partial"):
        if _mtime(partial) < cutoff:
            partial.unlink(missing_ok=True)


def rotate(library: Path, kind: str) -> list[Path]:
    """Delete the oldest backups of `kind` beyond what is kept; returns what was deleted."""
    _remove_stale_partials(library)
    keep = KEEP.get(kind)
    if keep is None:
        return []
    of_kind = [b for b in list_backups(library) if b.kind == kind]
    removed = []
    for old in of_kind[keep:]:
        try:
            old.path.unlink()
            removed.append(old.path)
            Path(f"{old.path}-wal").unlink(missing_ok=True)  # kept with a raw copy
        except FileNotFoundError:
            pass  # another program rotated it first
    return removed


def newest_good(library: Path, kinds: tuple[str, ...] = KINDS, *,
                full: bool = False) -> Backup | None:
    """The newest backup that passes a quick check (`full`: the integrity check a restore
    asks for); damaged ones are logged and passed over."""
    for backup in list_backups(library):
        if backup.kind not in kinds:
            continue
        problem = check_file(backup.path, full=full)
        if problem == "ok":
            return backup
        log.warning("damaged backup skipped: %s (%s)", backup.path, problem)
    return None


def backup_if_due(library: Path, *, verify: bool = True) -> list[Backup]:
    """The daily (and weekly) backup, if the newest good one of that kind is older than its
    period. Called when the library is opened and found healthy."""
    made: list[Backup] = []
    try:
        folder = _private_folder(library)
    except OSError as exc:
        raise VsrError("error.backup.failed", path=str(library), reason=failure_reason(exc),
                       errno=getattr(exc, "errno", None) or 0) from exc
    with backup_lock(folder, library.stem, wait=False) as mine:
        if not mine:  # another program is making them right now
            return made
        # Which are due is read under the lock: what another program made is seen here.
        for kind in kinds_due(library, verify=verify):
            made.append(_create_locked(library, kind))
    return made


def kinds_due(library: Path, *, verify: bool) -> list[str]:
    """Which of the daily and weekly backups are due. `verify`: the newest of a kind counts only
    if it passes a quick check (a full read of it); otherwise, on the opens between checks, only
    if it looks like a library from the past (its header read, never the whole file)."""
    now = _now()
    due: list[str] = []
    for kind, every in (("daily", DAILY_EVERY), ("weekly", WEEKLY_EVERY)):
        newest = newest_good(library, (kind,)) if verify else _newest_plausible(library, kind)
        if newest is None or now - newest.made_at >= every:
            due.append(kind)
    return due


_SQLITE_HEADER = b"SQLite format 3\x00"


def _newest_plausible(library: Path, kind: str) -> Backup | None:
    now = _now()
    for backup in list_backups(library):
        if backup.kind != kind or backup.made_at > now:
            continue  # dated in the future: a clock that was wrong, not a backup to rely on
        try:
            with open(backup.path, "rb") as file:
                if file.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER:
                    return backup
        except OSError:
            pass
    return None


def _keep_current(library: Path) -> Backup | None:
    """Before a restore: the library as it is now, as a 'before-restore' backup. A library too
    damaged for the backup API is kept byte for byte (with its -wal) so nothing is thrown away."""
    if not library.exists():
        return None
    try:
        return create_backup(library, "before-restore")
    except VsrError:
        log.warning("backup API failed on %s; keeping its raw bytes", library)
    dest = _new_name(library, "before-restore", _now())
    for suffix in ("", "-wal"):
        source = Path(f"{library}{suffix}")
        if source.exists():
            target = Path(f"{dest}{suffix}")
            target.write_bytes(source.read_bytes())
            os.chmod(target, 0o600)
    return Backup(dest, "before-restore", _now().replace(microsecond=0), dest.stat().st_size)


def restore_backup(library: Path, backup: Path) -> Backup | None:
    """Put `backup` back as the library. The backup must pass a full integrity check; the
    current library is first kept as a 'before-restore' backup (returned). The backup file
    itself is only read. A readable library is overwritten through the backup API, so another
    program that has it open sees the restored library, not a deleted file; only a library too
    damaged for that is replaced as a file. Then the log rows and exported files since the
    backup are carried over, consent is kept as it is now, and the restore is logged
    (`vsr.library.restore`)."""
    # Imported here: restore opens the library through db, which imports this module.
    from vsr.library.restore import carry_forward, plan_restore

    problem = check_file(backup, full=True) if backup.is_file() else "not found"
    if problem != "ok":
        raise VsrError("error.backup.damaged", path=str(backup), reason=problem)
    # A backup a newer vsr made: put back, it left a library this version cannot open (and the
    # restore half done), with nothing said about the way back.
    version, known = schema_version(backup), len(MIGRATIONS)
    if version > known:
        raise VsrError("error.library.newer", path=str(backup), found=version, known=known)
    broken = _constraint_problems(library, backup)
    if broken:
        raise VsrError("error.backup.damaged", path=str(backup), reason=broken)
    foreign = foreign_schema(backup, version)
    if foreign:
        raise VsrError("error.backup.damaged", path=str(backup),
                       reason="reason.backup_foreign_schema", names=", ".join(foreign[:5]))
    plan = plan_restore(library, backup)
    counters = highest_counters([library, *(b.path for b in list_backups(library))])
    kept = _keep_current(library)
    try:
        _restore_in_place(library, backup)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        log.warning("restoring %s in place failed (%s); replacing the file", library,
                    failure_text(exc))
        _replace_file(library, backup)
    carry_forward(library, plan, kept.path if kept else None)
    keep_counters_ahead(library, counters)  # no id is handed out a second time
    return kept


RESTORE_WAIT_S = 10.0  # another program holds the library for writing: wait this long


class _Busy(Exception):
    pass


def _restore_in_place(library: Path, backup: Path) -> None:
    """The backup's pages into the library through the backup API. While another program
    holds the library for writing, Python's backup loop waited for it without end (a restore
    hung, silent, as long as a database browser had it open for writing): after
    RESTORE_WAIT_S it is StorageError busy, and the library is as it was (SQLite rolls back
    a backup that did not finish). Never a reason to replace the file under that program."""
    if check_file(library) != "ok":
        raise sqlite3.DatabaseError("the library is damaged")
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    target = sqlite3.connect(str(library), timeout=1)  # each step: the loop below waits on
    deadline = time.monotonic() + RESTORE_WAIT_S

    def step(status: int, _remaining: int, _total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) \
                and time.monotonic() > deadline:
            raise _Busy

    try:
        source.backup(target, progress=step)
    except _Busy:
        raise StorageError("error.storage.busy") from None
    finally:
        target.close()
        source.close()


def _replace_file(library: Path, backup: Path) -> None:
    staged = library.with_name(f".{library.name}.{os.getpid()}.restore")
    try:
        copy_database(backup, staged)
        # The old -wal and -shm belong to the old file; left beside the new one SQLite would
        # replay them into it.
        for suffix in ("-wal", "-shm"):
            Path(f"{library}{suffix}").unlink(missing_ok=True)
        os.replace(staged, library)
    except (OSError, sqlite3.Error, UnicodeDecodeError) as exc:
        staged.unlink(missing_ok=True)
        raise VsrError("error.backup.failed", path=str(library), reason=failure_reason(exc),
                       errno=getattr(exc, "errno", None) or 0) from exc
