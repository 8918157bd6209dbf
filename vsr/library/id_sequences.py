"""Ids are never handed out twice, also not across a restore.

A backup holds SQLite's id counters (sqlite_sequence) as they were when it was made. Put back
as it is, the next review or marker would get the id of one made after the backup, which may
since have been deleted or exported (and so be named in the audit log and the export ledger).
Before a restore the highest counters are read from the library and from every backup that
can be read (the library itself may be too damaged); after it they are put back in."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from vsr.library.sqlite_failures import SQLITE_FAILURES, failure_text

log = logging.getLogger(__name__)


def id_counters(path: Path) -> dict[str, int]:
    """table -> its highest id ever handed out, as far as the file can be read ({} if not)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    except SQLITE_FAILURES:
        return {}
    try:
        rows = conn.execute("SELECT name, seq FROM sqlite_sequence").fetchall()
        return {str(name): int(seq) for name, seq in rows if isinstance(seq, int)}
    except SQLITE_FAILURES:
        return {}
    finally:
        conn.close()


def highest_counters(files: Iterable[Path]) -> dict[str, int]:
    highest: dict[str, int] = {}
    for path in files:
        for table, seq in id_counters(path).items():
            highest[table] = max(highest.get(table, 0), seq)
    return highest


def keep_counters_ahead(library: Path, highest: dict[str, int]) -> None:
    """Raise the restored library's counters to `highest` (never lower one)."""
    conn = sqlite3.connect(str(library), timeout=10, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        tables = {str(r[0]) for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table, seq in sorted(highest.items()):
            # The audit log is not raised: its ids are the restore's to carry over (restore.py),
            # and a sequence ahead of the log's last row is what the tamper check looks for.
            if table not in tables or table == "audit_log":
                continue
            conn.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = ? AND seq < ?",
                         (seq, table, seq))
            conn.execute("INSERT INTO sqlite_sequence (name, seq) SELECT ?, ? WHERE NOT EXISTS "
                         "(SELECT 1 FROM sqlite_sequence WHERE name = ?)", (table, seq, table))
        conn.execute("COMMIT")
    except SQLITE_FAILURES as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        log.warning("ids of %s not kept ahead after the restore: %s", library, failure_text(exc))
    finally:
        conn.close()
