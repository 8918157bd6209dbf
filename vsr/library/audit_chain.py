"""The audit log is tamper-evident and holds no folder names.

Each row's `chain` is sha256(previous row's chain + "\\n" + the row as canonical JSON), so a
row changed or deleted anywhere breaks the chain from there on; `sqlite_sequence` remembers
the highest id ever given, so deleting the newest rows shows too; the table's definition
and its triggers are checked by their text, and no other trigger may touch the log (one that
silently drops every later row with RAISE(IGNORE) shows). The log's head is also kept outside
it (`vsr.library.audit_head`), so a log emptied, cut back, or dropped and made again shows.
This detects edits made with any SQLite tool. It cannot detect someone who rewrites the whole
chain and the head with this very code (there is no secret on a local computer to sign with);
a backup or an exported log is the record for that.

Folder paths carry client names ("Gesprekken/Jan de Vries/"), so details keep file names
only (`strip_folders`); the migration rewrites older rows the same way.

Works on a bare connection (the migration uses it before a Library exists)."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

TRIGGERS = {
    "audit_log_no_update": """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    "audit_log_no_delete": """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
}
# The table as the migrations leave it (version 3's CREATE, version 8's added column).
TABLE = """CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL,
    action TEXT NOT NULL, subject TEXT NOT NULL, details TEXT NOT NULL DEFAULT '{}',
    chain TEXT NOT NULL DEFAULT '')"""
_FOLDER_KEYS = frozenset({"folder"})  # details that are nothing but a folder: dropped


# -- hashing -------------------------------------------------------------------------------
def row_hash(prev: str, ident: int, at: str, action: str, subject: str, details: str) -> str:
    canonical = json.dumps([ident, at, action, subject, details], ensure_ascii=False,
                           separators=(",", ":"))
    return hashlib.sha256(f"{prev}\n{canonical}".encode()).hexdigest()


def next_row(conn: sqlite3.Connection) -> tuple[int, str]:
    """(id, previous chain) for the row about to be appended; call inside the write
    transaction so no other program appends in between."""
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").fetchone()
    last = conn.execute("SELECT id, chain FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    top = max(int(row[0]) if row else 0, int(last[0]) if last else 0)
    return top + 1, str(last[1]) if last else ""


# -- no folders ----------------------------------------------------------------------------
def file_name(path: str) -> str:
    """The last part of a path (POSIX or Windows); text without a separator is kept."""
    if "\\" in path:
        return PureWindowsPath(path).name
    if "/" in path:
        return PurePosixPath(path).name
    return path


def strip_folders(details: dict[str, Any]) -> dict[str, Any]:
    """The details with folder-only entries dropped and every path reduced to its file name."""
    return {k: _strip(v) for k, v in details.items() if k not in _FOLDER_KEYS}


def _strip(value: Any) -> Any:
    if isinstance(value, str):
        return file_name(value)
    if isinstance(value, list | tuple):
        return [_strip(v) for v in value]
    if isinstance(value, dict):
        return strip_folders(value)
    return value


# -- checking ------------------------------------------------------------------------------
@dataclass(slots=True)
class AuditCheck:
    """What `verify_audit_log` found. `ok` when nothing; problems are (kind, row id) with kind
    "changed" (row altered or a row before it deleted), "deleted_end" (newest rows deleted),
    "trigger" (an append-only trigger dropped or altered; id 0), "table" (the table's definition
    changed; id 0), "extra_trigger" (a trigger that is not ours touches the log; id 0), and
    from `vsr.library.audit_head`: "head_behind", "head_missing", "head_unreadable",
    "backup_ahead"."""

    rows: int = 0
    problems: list[tuple[str, int]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_audit_log(conn: sqlite3.Connection, *, full: bool = True) -> AuditCheck:
    """Check the triggers, the end of the log and the chain: every row when `full`, else only
    the newest (cheap enough for every start)."""
    check = AuditCheck(problems=schema_problems(conn))
    count, top = conn.execute("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM audit_log").fetchone()
    check.rows = int(count)
    seq = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").fetchone()
    if seq is not None and int(seq[0]) > int(top):
        check.problems.append(("deleted_end", int(seq[0])))
    sql = "SELECT id, at, action, subject, details, chain FROM audit_log ORDER BY id"
    rows = conn.execute(sql if full else sql.replace("ORDER BY id", "ORDER BY id DESC LIMIT 2")
                        ).fetchall()
    if not full:
        rows.reverse()
    prev = None if not full and len(rows) == 2 else ""
    for ident, at, action, subject, details, chain in rows:
        expected = row_hash(prev, ident, at, action, subject, details) if prev is not None else None
        if expected is not None and chain != expected:
            check.problems.append(("changed", int(ident)))
        prev = str(chain)
    return check


def schema_problems(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """The log's table as the migrations made it, exactly our two triggers on it, and no other
    trigger anywhere that names it (one on another table could insert rows into it)."""
    problems: list[tuple[str, int]] = []
    table = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table'"
                         " AND name = 'audit_log'").fetchone()
    if table is None or _shape(str(table[0])) != _shape(TABLE):
        problems.append(("table", 0))
    found = {str(name): str(sql) for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        " AND (tbl_name = 'audit_log' OR lower(sql) LIKE '%audit_log%')")}
    for name, sql in TRIGGERS.items():
        if name not in found or _words(found[name]) != _words(sql):
            problems.append(("trigger", 0))
    problems.extend(("extra_trigger", 0) for name in found if name not in TRIGGERS)
    return problems


def _words(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip().lower()


def _shape(sql: str) -> str:
    """SQL text with spacing around brackets and commas ignored (ALTER TABLE's own layout)."""
    return re.sub(r"\s*([(),])\s*", r"\1", _words(sql))


# -- migration -----------------------------------------------------------------------------
def migrate_audit_log(conn: sqlite3.Connection) -> None:
    """Drop the append-only triggers, rewrite older rows without folders, add the chain column
    and chain every row, then put the triggers back. Runs inside the migration's transaction,
    so nobody sees the log without its triggers."""
    for name in TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    columns = {str(r[1]) for r in conn.execute("PRAGMA table_info(audit_log)")}
    if "chain" not in columns:
        conn.execute("ALTER TABLE audit_log ADD COLUMN chain TEXT NOT NULL DEFAULT ''")
    prev = ""
    rows = conn.execute("SELECT id, at, action, subject, details FROM audit_log ORDER BY id"
                        ).fetchall()
    for ident, at, action, subject, details in rows:
        cleaned = _clean_details(str(details or "{}"))
        chain = row_hash(prev, int(ident), str(at), str(action), str(subject), cleaned)
        conn.execute("UPDATE audit_log SET details = ?, chain = ? WHERE id = ?",
                     (cleaned, chain, ident))
        prev = chain
    for sql in TRIGGERS.values():
        conn.execute(sql)


def _clean_details(text: str) -> str:
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return file_name(text)
    if not isinstance(data, dict):
        return text
    return dump_details(strip_folders(data))


def dump_details(details: dict[str, Any]) -> str:
    return json.dumps(details, ensure_ascii=False, sort_keys=True, default=str)
