"""A review's rows as JSON and back: the review, its parties, moments (markers), the pauses made
during the review, gespreksbladen, the Samenleergesprek state (steps, chosen moments,
learnings, actions, ratings, summary) and the recording's description and consent state.

Ids are the sending library's; on the way in every table gets new ids and the references
between them are mapped. Package data is untrusted: it is written only after
`vsr.review_package.validate` checked and cleaned every value, only the fields listed there
(never a name taken from the package into SQL), markers and sheets through the library's own
row writers (the same as edits use), and SQLite's own constraints (CHECKs, foreign keys) still
hold."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from vsr.library.db import Library
from vsr.library.markers import insert_marker_row
from vsr.library.sheets import write_reflection_row, write_sheet_row
from vsr.review_package import validate
from vsr.text import clean_text

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
_OWN_IDS = ("parties", "markers", "session_moments", "session_actions")


class BadRows(ValueError):
    """The package's data does not fit the library (a constraint the checks did not see)."""


def dump_review(lib: Library, review_id: int) -> dict[str, Any]:
    """The review's rows as the package carries them: the fields `validate` knows, no more."""
    review = _select(lib, "reviews", [*validate.REVIEW, "recording_id"], "id = ?",
                     review_id)[0]
    recording_id = review.pop("recording_id")
    recording_fields = [f for f in validate.RECORDING if f != "file_name"]
    recording = _select(lib, "recordings", [*recording_fields, "path"], "id = ?",
                        recording_id)[0]
    # Only the file's name travels: a folder's name often carries a client's name.
    recording["file_name"] = Path(str(recording.pop("path"))).name
    tables = {table: _select(lib, table, list(validate.TABLES[table][0]), belongs, review_id)
              for table, belongs in TABLES}
    consents = _select(lib, "consents", list(validate.CONSENT), "recording_id = ?",
                       recording_id)
    return {"review": review, "recording": recording, "consents": consents, "tables": tables}


def _select(lib: Library, table: str, fields: list[str], where: str,
            ident: int) -> list[dict[str, Any]]:
    names = ", ".join(f'"{f}"' for f in fields)  # names from `validate`, never from a package
    return lib.query(f'SELECT {names} FROM "{table}" WHERE {where}', (ident,))


def insert_review(lib: Library, data: dict[str, Any], recording_id: int, uuid: str,
                  title: str) -> int:
    """Insert the package's review under `recording_id` (inside the caller's transaction),
    from data that `validate.validated` checked and cleaned. Returns the new review id."""
    values = dict(data["review"], uuid=uuid, title=clean_text(title).strip(),
                  recording_id=recording_id)
    review_id = _insert(lib, "reviews", values)
    maps: dict[str, dict[int, int]] = {name: {} for name in _OWN_IDS}
    for table, _belongs in TABLES:
        for row in data["tables"][table]:
            _insert_row(lib, table, dict(row), review_id, maps)
    return review_id


def _insert_row(lib: Library, table: str, row: dict[str, Any], review_id: int,
                maps: dict[str, dict[int, int]]) -> None:
    old_id = row.pop("id", None)
    new_id = 0
    for column, target in validate.REFERENCES.items():
        if row.get(column) is not None:
            new = maps[target].get(row[column])
            if new is None:
                raise BadRows(f"{table}.{column} points nowhere")
            row[column] = new
    if table == "markers":
        new_id = insert_marker_row(lib, review_id=review_id, **row)
    elif table == "sheets":
        write_sheet_row(lib, **row)
    elif table == "reflections":
        write_reflection_row(lib, **{**row, "feelings": tuple(json.loads(row["feelings"]))})
    else:
        uses_review = table not in ("session_moment_markers",)
        new_id = _insert(lib, table, {**row, "review_id": review_id} if uses_review else row)
    if table in maps and old_id is not None:
        maps[table][old_id] = new_id


def _insert(lib: Library, table: str, values: dict[str, Any]) -> int:
    # Tables other than markers and sheets, whose edits have no row writer of their own; the
    # column names are `validate`'s, never the package's.
    names = ", ".join(f'"{k}"' for k in values)
    marks = ", ".join("?" for _ in values)
    try:
        cur = lib.conn.execute(f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
                               tuple(values.values()))
    except sqlite3.IntegrityError as exc:
        raise BadRows(f"{table}: {exc}") from exc
    return int(cur.lastrowid or 0)


def insert_recording(lib: Library, data: dict[str, Any], path: str) -> int:
    """A recording row from the package's (checked) description, its file at `path` (which may
    not exist: then the window shows it as missing and offers to find it), with its consents."""
    values = {k: v for k, v in data["recording"].items() if k != "file_name"}
    values["path"] = path
    recording_id = _insert(lib, "recordings", values)
    for consent in data["consents"]:
        _insert(lib, "consents", {**consent, "recording_id": recording_id})
    return recording_id
