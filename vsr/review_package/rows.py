"""A review's rows as JSON and back: the review, its parties, moments (markers), the pauses made
during the review, gespreksbladen, the Samenleergesprek state (steps, chosen moments,
learnings, actions, ratings, summary) and the recording's description and consent state.

Ids are the sending library's; on the way in every table gets new ids and the references
between them are mapped. Package data is untrusted: only columns the receiving table has are
written (names checked against its schema, never taken from the package into SQL unchecked),
only plain values, and SQLite's own constraints (CHECKs, foreign keys) still hold."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from vsr.library.db import Library

# (table, how its rows belong to the review). Order: parents before children.
TABLES: tuple[tuple[str, str], ...] = (
    ("parties", "review_id = ?"),
    ("markers", "review_id = ?"),
    ("pauses", "review_id = ?"),
    ("sheets", "marker_id IN (SELECT id FROM markers WHERE review_id = ?)"),
    ("reflections", "marker_id IN (SELECT id FROM markers WHERE review_id = ?)"),
    ("session_state", "review_id = ?"),
    ("session_rules", "review_id = ?"),
    ("session_moments", "review_id = ?"),
    ("session_moment_markers",
     "moment_id IN (SELECT id FROM session_moments WHERE review_id = ?)"),
    ("session_learnings", "review_id = ?"),
    ("session_actions", "review_id = ?"),
    ("session_ratings", "review_id = ?"),
)
# Which id map a referencing column takes its new value from.
_REFERENCES = {"party_id": "parties", "who_party_id": "parties", "marker_id": "markers",
               "moment_id": "session_moments"}
_OWN_IDS = ("parties", "markers", "session_moments", "session_actions")
REVIEW_COLUMNS = ("title", "created_at", "updated_at", "opened_at", "pause_on_mark",
                  "share_reflections", "uuid")
RECORDING_COLUMNS = ("fingerprint", "title", "duration_ms", "has_video", "has_audio", "width",
                     "height", "fps", "rotation", "size_bytes", "added_at")
_Scalar = (str, int, float, type(None))


class BadRows(ValueError):
    """The package's data does not fit the library (wrong shape, a broken reference)."""


def columns(lib: Library, table: str) -> list[str]:
    return [str(r[1]) for r in lib.conn.execute(f'PRAGMA table_info("{table}")')]


def dump_review(lib: Library, review_id: int) -> dict[str, Any]:
    review = lib.query(f"SELECT {', '.join(REVIEW_COLUMNS)}, recording_id FROM reviews"
                       " WHERE id = ?", (review_id,))[0]
    recording_id = review.pop("recording_id")
    recording = lib.query(f"SELECT {', '.join(RECORDING_COLUMNS)}, path FROM recordings"
                          " WHERE id = ?", (recording_id,))[0]
    # Only the file's name travels: a folder's name often carries a client's name.
    recording["file_name"] = Path(str(recording.pop("path"))).name
    tables = {}
    for table, belongs in TABLES:
        rows = lib.query(f"SELECT * FROM {table} WHERE {belongs}", (review_id,))
        tables[table] = [{k: v for k, v in row.items() if k != "review_id"} for row in rows]
    consents = lib.query("SELECT purpose, given_by, given_on, until, recognisable, recorded_at"
                         " FROM consents WHERE recording_id = ?", (recording_id,))
    return {"review": review, "recording": recording, "consents": consents, "tables": tables}


def _plain(row: object) -> dict[str, Any]:
    if not isinstance(row, dict) or not all(
            isinstance(k, str) and isinstance(v, _Scalar) for k, v in row.items()):
        raise BadRows("a row is not a flat record")
    return row


def insert_review(lib: Library, data: dict[str, Any], recording_id: int, uuid: str,
                  title: str) -> int:
    """Insert the package's review under `recording_id` (inside the caller's transaction).
    Returns the new review id."""
    review = _plain(data.get("review"))
    values = {k: review.get(k) for k in REVIEW_COLUMNS if k in review}
    values.update(uuid=uuid, title=title, recording_id=recording_id)
    review_id = _insert(lib, "reviews", values)
    maps: dict[str, dict[int, int]] = {name: {} for name in _OWN_IDS}
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise BadRows("no tables")
    for table, _belongs in TABLES:
        rows = tables.get(table, [])
        if not isinstance(rows, list):
            raise BadRows(f"{table} is not a list")
        known = columns(lib, table)
        for row in rows:
            _insert_row(lib, table, known, _plain(row), review_id, maps)
    return review_id


def _insert_row(lib: Library, table: str, known: list[str], row: dict[str, Any],
                review_id: int, maps: dict[str, dict[int, int]]) -> None:
    values = {k: v for k, v in row.items() if k in known and k not in ("id", "review_id")}
    if "review_id" in known:
        values["review_id"] = review_id
    for column, target in _REFERENCES.items():
        if column in values and values[column] is not None:
            new = maps[target].get(_as_int(values[column]))
            if new is None:
                raise BadRows(f"{table}.{column} points nowhere")
            values[column] = new
    new_id = _insert(lib, table, values)
    if table in maps:
        maps[table][_as_int(row.get("id"))] = new_id


def _as_int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadRows("an id is not a number")
    return value


def _insert(lib: Library, table: str, values: dict[str, Any]) -> int:
    names = ", ".join(f'"{k}"' for k in values)
    marks = ", ".join("?" for _ in values)
    try:
        cur = lib.conn.execute(f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
                               tuple(values.values()))
    except sqlite3.IntegrityError as exc:
        raise BadRows(f"{table}: {exc}") from exc
    return int(cur.lastrowid or 0)


def insert_recording(lib: Library, data: dict[str, Any], path: str) -> int:
    """A recording row from the package's description, its file at `path` (which may not
    exist: then the window shows it as missing and offers to find it), with its consents."""
    recording = _plain(data.get("recording"))
    values = {k: recording.get(k) for k in RECORDING_COLUMNS if k in recording}
    values["path"] = path
    recording_id = _insert(lib, "recordings", values)
    consents = data.get("consents", [])
    if not isinstance(consents, list):
        raise BadRows("consents is not a list")
    for consent in consents:
        row = {k: v for k, v in _plain(consent).items() if k in columns(lib, "consents")}
        row["recording_id"] = recording_id
        _insert(lib, "consents", row)
    return recording_id
