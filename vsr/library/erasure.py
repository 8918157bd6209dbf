"""What is deleted is gone: from the library file and from its backups.

SQLite does not wipe what it deletes. A deleted row's bytes stay in its page until the space is
used again, the full-text indexes (FTS5) keep the words of a deleted text in their segments
(a delete is written as a new entry that carries the words again) until segments are merged,
and old page images stay in the `-wal` file until it is truncated. A privacy officer who
searched the bytes of a library after a purge found the client's name three times, and six
times in the backup made the day before. Backups are kept for weeks (daily, weekly) or until
the user deletes them (by hand, before a restore, before a schema update).

So:
- every library connection deletes securely (`PRAGMA secure_delete`: freed space is zeroed;
  set in `db._connect`);
- after a purge, a withdrawal or a deleted review, and when the window ends (a moment deleted,
  a name typed and taken out again: an index keeps every saved version's words), `forget`
  merges the full-text indexes (which drops the deleted entries; about 0.1 s at 100,000
  moments) and truncates the `-wal`;
- after a purge or a withdrawal (the client's data has to go: retention passed, consent
  withdrawn), `scrub_backups` removes the same rows from every backup that holds them: a private
  copy of the backup has them deleted (with the cascades of its own schema), its indexes merged
  and is vacuumed (no free page left), checked, and put in the backup's place under the backups
  lock. The audit log in a backup is not touched (it holds no names, and its rows are what the
  log's tamper check compares). Which rows: every erasure the library's audit log records, so
  a backup that could not be cleaned (reported, never removed) or one made before this version
  is cleaned at the next purge or withdrawal.

What this cannot reach: copies of the library or its backups outside vsr's folders, and blocks
of the disk that the file system freed (a full-disk encryption keeps those unreadable).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from vsr.i18n import translate

from .backup_lock import backup_lock
from .backups import backup_folder, failure_reason, foreign_schema, list_backups, schema_version
from .db import BUSY_WAIT_MS

log = logging.getLogger(__name__)

# Tables whose rows a purge or withdrawal deletes outright (their children go by cascade).
ERASABLE = ("recordings", "reviews", "collections", "collection_clips")


@dataclass(frozen=True, slots=True)
class ScrubReport:
    """Backups cleaned, and those that could not be, with why (in the user's language)."""
    cleaned: tuple[Path, ...] = ()
    failed: tuple[tuple[Path, str], ...] = ()
    unchanged: int = 0


@dataclass(slots=True)
class Erased:
    """Ids deleted outright, per table of `ERASABLE`."""
    ids: dict[str, set[int]] = field(default_factory=dict)

    def add(self, table: str, ids: Iterable[int]) -> None:
        if table not in ERASABLE:
            raise ValueError(table)
        self.ids.setdefault(table, set()).update(int(i) for i in ids)

    def __bool__(self) -> bool:
        return any(self.ids.values())


def fts_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                        " AND sql LIKE 'CREATE VIRTUAL TABLE%' AND lower(sql) LIKE '%using fts5%'")
    return [str(r[0]) for r in rows]


def _merge_indexes(conn: sqlite3.Connection) -> None:
    for table in fts_tables(conn):
        quoted = '"' + table.replace('"', '""') + '"'
        conn.execute(f"INSERT INTO {quoted}({quoted}) VALUES ('optimize')")


def forget(library: Path, *, wait_ms: int = BUSY_WAIT_MS) -> None:
    """After a deletion has been committed: merge the full-text indexes (their deleted entries
    go) and truncate the `-wal` (its older page images go). On a connection of its own, so it
    can run off the window's thread; a checkpoint that another program's reading holds back is
    done by the last one to close the library. `wait_ms`: how long to wait for another
    program's write (then sqlite3.OperationalError)."""
    conn = sqlite3.connect(str(library), isolation_level=None, timeout=wait_ms / 1000)
    try:
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("BEGIN IMMEDIATE")
        try:
            _merge_indexes(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except sqlite3.Error as exc:  # busy: the next checkpoint does it
            log.info("wal checkpoint after a deletion put off: %s", exc)
    finally:
        conn.close()


# Rows of the audit log that record an erasure: the ids they name are taken out of backups.
ERASURES = {"recording.deleted": "recordings", "team.received_removed": "recordings",
            "collection.deleted": "collections"}


def clean_up(library: Path) -> ScrubReport:
    """`forget` in the library and `scrub_backups`: what a purge or withdrawal does after its
    own commit (the window runs it on a worker: the backups can take seconds). What goes is
    every erasure the audit log records, which the purge or withdrawal has just added to: a
    backup that could not be cleaned before (disk full), or one from before this version, is
    cleaned now too."""
    forget(library)
    return scrub_backups(library, erased_in_log(library))


def erased_in_log(library: Path) -> Erased:
    """The recordings, collections and clips the audit log says were deleted outright (a
    purge, a withdrawal, a collection deleted, a team share withdrawn)."""
    erased = Erased()
    conn = sqlite3.connect(f"{library.resolve().as_uri()}?mode=ro", uri=True,
                           timeout=BUSY_WAIT_MS / 1000)
    try:
        _read_log(conn, erased)
        # Only what is gone: an undone deletion (a clip put back) is the library's again.
        for table, ids in erased.ids.items():
            erased.ids[table] = {i for i in ids if conn.execute(
                f"SELECT 1 FROM {table} WHERE id = ?", (i,)).fetchone() is None}
    finally:
        conn.close()
    return erased


def _read_log(conn: sqlite3.Connection, erased: Erased) -> None:
    """Deletions the user chose (a clip or collection removed by hand) are not erasures: a
    restore may bring those back; a purge, a withdrawal or a lapsed consent are."""
    marks = ",".join("?" * (len(ERASURES) + 1))
    for action, subject, details in conn.execute(
            f"SELECT action, subject, details FROM audit_log WHERE action IN ({marks})",
            (*ERASURES, "clips.removed")):
        try:
            stated = json.loads(str(details or "{}"))
            if not isinstance(stated, dict) or stated.get("reason") == "user":
                continue
            if action == "clips.removed":
                erased.add("collection_clips", (int(c) for c in stated.get("clips") or []))
                continue
            if action == "team.received_removed" and isinstance(stated.get("review"), int):
                erased.add("reviews", (int(stated["review"]),))  # the recording may stay
        except (ValueError, TypeError):
            log.warning("%s row with unreadable details skipped", action)
            continue
        ident = str(subject).partition(":")[2]
        if ident.isdigit():
            erased.add(ERASURES[str(action)], (int(ident),))


def scrub_backups(library: Path, erased: Erased) -> ScrubReport:
    """Remove the erased rows from every backup of `library` that holds any of them."""
    if not erased:
        return ScrubReport()
    cleaned: list[Path] = []
    failed: list[tuple[Path, str]] = []
    unchanged = 0
    folder = backup_folder(library)
    if not folder.is_dir() and not any(b.kind == "migration" for b in list_backups(library)):
        return ScrubReport()
    folder.mkdir(mode=0o700, exist_ok=True)
    with backup_lock(folder, library.stem):
        for backup in list_backups(library):
            try:
                if _scrub(backup.path, erased, folder, library.stem):
                    cleaned.append(backup.path)
                else:
                    unchanged += 1
            except (OSError, sqlite3.Error) as exc:
                log.warning("backup not cleaned: %s (%s)", backup.path, exc)
                failed.append((backup.path, translate(
                    failure_reason(exc), errno=getattr(exc, "errno", None) or 0)))
    return ScrubReport(tuple(cleaned), tuple(failed), unchanged)


def _holds(conn: sqlite3.Connection, erased: Erased) -> bool:
    tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for table, ids in erased.ids.items():
        if table in tables and ids and conn.execute(
                f"SELECT 1 FROM {table} WHERE id IN ({','.join('?' * len(ids))}) LIMIT 1",
                sorted(ids)).fetchone():
            return True
    return False


def _scrub(path: Path, erased: Erased, scrub_folder: Path, stem: str) -> bool:
    """True when the backup held erased rows and was replaced by a copy without them."""
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    try:
        if not _holds(source, erased):
            return False
    finally:
        source.close()
    # In the backups folder, named so that a kill's leftover goes with the stale partials.
    # Its own triggers run while rows are deleted: only a schema vsr's migrations made.
    foreign = foreign_schema(path, schema_version(path))
    if foreign:
        raise sqlite3.DatabaseError("not vsr's own schema: " + ", ".join(foreign[:3]))
    partial = scrub_folder / f".{stem}-scrub-{path.name}.{os.getpid()}.partial"
    wal = Path(f"{path}-wal")
    try:
        shutil.copyfile(path, partial)
        if wal.exists():  # a raw copy kept with its -wal: the copy reads it too
            shutil.copyfile(wal, f"{partial}-wal")
        os.chmod(partial, 0o600)
        _delete_rows(partial, erased)
        stat = path.stat()
        os.replace(partial, path)
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # a migration copy's date
        wal.unlink(missing_ok=True)
    finally:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm"),
                         Path(f"{partial}-journal")):
            leftover.unlink(missing_ok=True)
    return True


def _delete_rows(path: Path, erased: Erased) -> None:
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=10)
    try:
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = DELETE")  # folds a copied -wal in; one file again
        tables = {str(r[0]) for r in
                  conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        conn.execute("BEGIN IMMEDIATE")
        for table in ERASABLE:  # parents first: their cascades take most
            ids = sorted(erased.ids.get(table, ()))
            if table in tables and ids:
                conn.execute(f"DELETE FROM {table} WHERE id IN ({','.join('?' * len(ids))})",
                             ids)
        _merge_indexes(conn)
        conn.execute("COMMIT")
        conn.execute("VACUUM")  # rewrites the file: no free page, no old cell left
        problems = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            raise sqlite3.DatabaseError("; ".join(problems[:3]))
    finally:
        conn.close()
