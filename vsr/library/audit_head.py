"""The audit log's head kept outside the log: how many rows it had and the newest row's id and
hash, in a small file beside the library (`<library>.audit-head`), rewritten atomically after
every committed audit row. The backups hold their own head: the newest row in each.

A log that has fewer rows than its head or backup recorded, or whose newest recorded row now
hashes differently, was cut back, emptied or made again; that shows even when the table, its
triggers and `sqlite_sequence` were all made to look untouched. The log may be *ahead* of the
head: a program killed between its commit and the head write, or two programs writing at
once, leave the head a row or two behind, never ahead.

What this cannot detect: someone who rewrites the table and the head file consistently (and
the backups, or deletes them), using this very code; there is no secret on a local computer to
sign with. An exported copy of the log kept elsewhere is the record for that."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from vsr.app_dirs import PRIVATE_FILE

SUFFIX = ".audit-head"
STAMP_KEY = "workstation"  # a detail every row from this version on carries


@dataclass(frozen=True, slots=True)
class AuditHead:
    """The log's end: `rows` in all, the newest row's id and its chain hash."""

    rows: int
    last_id: int
    chain: str


def head_file(library: Path) -> Path:
    return library.with_name(library.name + SUFFIX)


def read_tail(conn: sqlite3.Connection) -> AuditHead:
    """The log's end as the table has it now."""
    count, top = conn.execute("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM audit_log").fetchone()
    row = conn.execute("SELECT chain FROM audit_log WHERE id = ?", (top,)).fetchone()
    return AuditHead(int(count), int(top), str(row[0]) if row else "")


def write_head(library: Path, head: AuditHead) -> None:
    """Write the head beside the library: a private temporary file, renamed over the old one,
    so a reader sees the old head or the new one, never half of one."""
    target = head_file(library)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    text = json.dumps({"rows": head.rows, "last_id": head.last_id, "chain": head.chain})
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(partial, PRIVATE_FILE)
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise


def read_head(library: Path) -> AuditHead | None:
    """The head file's contents; None when there is none. ValueError when it is not a head."""
    try:
        text = head_file(library).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ValueError(str(exc)) from exc
    try:
        data = json.loads(text)
        return AuditHead(int(data["rows"]), int(data["last_id"]), str(data["chain"]))
    except (json.JSONDecodeError, KeyError, TypeError, ValueError, RecursionError) as exc:
        raise ValueError(str(exc)) from exc


def head_problems(conn: sqlite3.Connection, library: Path) -> list[tuple[str, int]]:
    """What the head file says about the log: [] when the log reaches it unchanged.
    No head file is only a problem once rows were written that name their workstation (rows
    from this version on, which always leave a head)."""
    try:
        head = read_head(library)
    except ValueError:
        return [("head_unreadable", 0)]
    if head is None:
        written = conn.execute("SELECT id FROM audit_log WHERE details LIKE ? ORDER BY id"
                               " LIMIT 1", (f'%"{STAMP_KEY}":%',)).fetchone()
        return [("head_missing", int(written[0]))] if written else []
    return _behind(conn, head, "head_behind")


def _behind(conn: sqlite3.Connection, head: AuditHead, kind: str) -> list[tuple[str, int]]:
    """[(kind, id)] when the log no longer holds `head` as it was: its newest row gone or
    changed, or fewer rows up to it."""
    if head.last_id == 0:
        return []
    row = conn.execute("SELECT chain FROM audit_log WHERE id = ?", (head.last_id,)).fetchone()
    if row is None or str(row[0]) != head.chain:
        return [(kind, head.last_id)]
    (count,) = conn.execute("SELECT COUNT(*) FROM audit_log WHERE id <= ?",
                            (head.last_id,)).fetchone()
    return [(kind, head.last_id)] if int(count) != head.rows else []


def backup_head(path: Path) -> AuditHead | None:
    """The newest audit row of a backup file (read-only); None when it has no chained log
    (a backup from before version 8) or cannot be read."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return None
    try:
        columns = {str(r[1]) for r in conn.execute("PRAGMA table_info(audit_log)")}
        return read_tail(conn) if "chain" in columns else None
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def backups_problems(conn: sqlite3.Connection, backups: list[Path]) -> list[tuple[str, int]]:
    """[("backup_ahead", id)] for each backup whose newest row the log no longer holds as it
    was: the log lost rows that a backup still has."""
    problems: list[tuple[str, int]] = []
    for path in backups:
        head = backup_head(path)
        if head is not None:
            problems.extend(_behind(conn, head, "backup_ahead"))
    return sorted(set(problems), key=lambda p: p[1])
