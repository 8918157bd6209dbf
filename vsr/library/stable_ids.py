"""Ids are never reused. SQLite gives a plain `INTEGER PRIMARY KEY` table the highest id + 1,
so after a purge of the newest recording its id came back for the next one, and the audit log
(which names "recording:3") then told the story of the wrong recording. AUTOINCREMENT keeps a
high-water mark in `sqlite_sequence`; SQLite cannot add it with ALTER TABLE, so each table is
rebuilt (the 12-step procedure of https://sqlite.org/lang_altertable.html#otheralter; the
migration runs with foreign keys off, see `vsr.library.db._migrate`).

Used by a migration, so it works on a bare connection and reads the schema as it is (a table
another migration changed keeps its columns, indexes and triggers)."""

from __future__ import annotations

import json
import re
import sqlite3

_PLAIN_ID = re.compile(r"\bid\s+INTEGER\s+PRIMARY\s+KEY\b(?!\s+AUTOINCREMENT)", re.IGNORECASE)
_CREATE = re.compile(r"^\s*CREATE\s+TABLE\s+(\"[^\"]+\"|\w+)", re.IGNORECASE)

# Where else a table's ids are named: (table, column) pairs that hold them without a foreign
# key, and the audit subject kind and detail keys. An id named anywhere was given out once.
_MENTIONS: dict[str, tuple[tuple[tuple[str, str], ...], str | None, tuple[str, ...]]] = {
    "recordings": ((("exported_files", "recording_id"),), "recording",
                   ("recording_ids", "recordings")),
    "reviews": ((), "review", ()),
    "collections": ((("exported_files", "collection_id"),), "collection", ("collections",)),
    "collection_clips": ((("exported_files", "clip_id"),), None, ("clips",)),
}


def tables_without_autoincrement(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"
                        " AND name NOT LIKE 'sqlite_%' ORDER BY name").fetchall()
    # A full-text index's shadow tables (moment_text_fts_data, ...) are SQLite's own: their
    # ids are the indexed rows' ids, and rebuilding them would break the index.
    shadow = {str(r[1]) for r in conn.execute("PRAGMA table_list") if r[2] == "shadow"}
    return [str(name) for name, sql in rows
            if sql and name not in shadow and _PLAIN_ID.search(str(sql))]


def make_ids_stable(conn: sqlite3.Connection) -> list[str]:
    """Rebuild every table with a plain integer id as AUTOINCREMENT, keeping rows, ids,
    indexes and triggers, and seed its sequence. Returns the tables rebuilt."""
    tables = tables_without_autoincrement(conn)
    for table in tables:
        _rebuild(conn, table)
    floors = _mentioned_ids(conn)
    for table in tables:
        top = int(conn.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"').fetchone()[0])
        seed_sequence(conn, table, max(top, floors.get(table, 0)))
    return tables


def _rebuild(conn: sqlite3.Connection, table: str) -> None:
    sql = str(conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                           (table,)).fetchone()[0])
    temp = f"{table}__stable_ids"
    new_sql = _CREATE.sub(f'CREATE TABLE "{temp}"',
                          _PLAIN_ID.sub("id INTEGER PRIMARY KEY AUTOINCREMENT", sql, count=1),
                          count=1)
    extras = [str(r[0]) for r in conn.execute(
        "SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = ?"
        " AND sql IS NOT NULL ORDER BY type, name", (table,))]
    columns = ", ".join(f'"{r[1]}"' for r in conn.execute(f'PRAGMA table_info("{table}")'))
    conn.execute(new_sql)
    conn.execute(f'INSERT INTO "{temp}" ({columns}) SELECT {columns} FROM "{table}"')
    conn.execute(f'DROP TABLE "{table}"')
    # Other tables' REFERENCES name the old table and resolve to the renamed one.
    conn.execute(f'ALTER TABLE "{temp}" RENAME TO "{table}"')
    for statement in extras:
        conn.execute(statement)


def seed_sequence(conn: sqlite3.Connection, table: str, value: int) -> None:
    """Make the next id of `table` at least value + 1 (never lowers it)."""
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
    if row is None:
        conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table, value))
    elif int(row[0]) < value:
        conn.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = ?", (value, table))


def _mentioned_ids(conn: sqlite3.Connection) -> dict[str, int]:
    """The highest id of each table named in other tables or the audit log: a row deleted
    before this migration ran must not have its id given out again either."""
    found: dict[str, int] = {}
    known = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    audit = (conn.execute("SELECT subject, details FROM audit_log").fetchall()
             if "audit_log" in known else [])
    for table, (columns, kind, keys) in _MENTIONS.items():
        top = 0
        for other, column in columns:
            if other in known:
                top = max(top, int(conn.execute(
                    f'SELECT COALESCE(MAX("{column}"), 0) FROM "{other}"').fetchone()[0] or 0))
        for subject, details in audit:
            top = max(top, _audit_mention(str(subject), str(details or "{}"), kind, keys))
        found[table] = top
    return found


def _audit_mention(subject: str, details: str, kind: str | None, keys: tuple[str, ...]) -> int:
    top = 0
    name, _, ident = subject.partition(":")
    if kind is not None and name == kind and ident.isdigit():
        top = int(ident)
    try:
        data = json.loads(details)
    except (json.JSONDecodeError, RecursionError):
        return top
    if not isinstance(data, dict):
        return top
    for key in keys:
        items = data.get(key)
        if not isinstance(items, list):
            continue
        for item in items:
            value = item.get("clip") if isinstance(item, dict) else item
            if isinstance(value, int):
                top = max(top, value)
    return top
