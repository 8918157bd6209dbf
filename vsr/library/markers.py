"""Markers (gemarkeerde momenten): add, move, tag, delete and restore (for undo). Every marker
row, whatever writes it, goes through `insert_marker_row` (a test holds other modules to it)."""

from __future__ import annotations

from dataclasses import dataclass

from vsr.errors import NotFoundError
from vsr.library.changes import Action, Change, Entity
from vsr.library.db import Library
from vsr.library.rows import marker_from_row, now_iso
from vsr.library.sheets import get_sheet, restore_sheet, write_sheet_row
from vsr.model import Marker, Sheet
from vsr.text import clean_text


@dataclass(frozen=True, slots=True)
class MarkerSnapshot:
    """Everything a deleted marker had, so undo brings it back whole (same id, same sheet)."""

    marker: Marker
    sheet: Sheet


def get_marker(lib: Library, marker_id: int) -> Marker:
    rows = lib.query("SELECT * FROM markers WHERE id = ?", (marker_id,))
    if not rows:
        raise NotFoundError(what="marker", ident=marker_id)
    return marker_from_row(rows[0])


def list_markers(lib: Library, review_id: int, party_id: int | None = None) -> list[Marker]:
    sql = "SELECT * FROM markers WHERE review_id = ?"
    params: tuple[object, ...] = (review_id,)
    if party_id is not None:
        sql += " AND party_id = ?"
        params += (party_id,)
    rows = lib.query(sql + " ORDER BY start_ms, id", params)
    return [marker_from_row(r) for r in rows]


def _normalise(start_ms: int, end_ms: int | None) -> tuple[int, int | None]:
    start = max(0, int(start_ms))
    if end_ms is None:
        return start, None
    end = max(0, int(end_ms))
    return (min(start, end), max(start, end))


def _party_review(lib: Library, party_id: int) -> int:
    rows = lib.query("SELECT review_id FROM parties WHERE id = ?", (party_id,))
    if not rows:
        raise NotFoundError(what="party", ident=party_id)
    return int(str(rows[0]["review_id"]))


def add_marker(
    lib: Library,
    party_id: int,
    start_ms: int,
    end_ms: int | None = None,
    *,
    theme: str = "",
    subtopic: str = "",
    initiator: object | None = None,
) -> Marker:
    """A new marker placed by party_id at start_ms (a point), or over [start_ms, end_ms]."""
    review_id = _party_review(lib, party_id)
    with lib.write() as changes:
        marker_id = insert_marker_row(lib, review_id=review_id, party_id=party_id,
                                      start_ms=start_ms, end_ms=end_ms, theme=theme,
                                      subtopic=subtopic)
        write_sheet_row(lib, marker_id)
        _touch(lib, review_id)
        changes.append(Change(Entity.MARKER, Action.ADDED, (marker_id,), review_id, initiator))
    return get_marker(lib, marker_id)


def insert_marker_row(
    lib: Library, *, review_id: int, party_id: int, start_ms: int, end_ms: int | None,
    theme: str = "", subtopic: str = "", created_at: str | None = None,
    marker_id: int | None = None,
) -> int:
    """The one way a marker row is written (edits, undo, imports from other tools and review
    packages alike): times normalised, text cleaned at this boundary. Inside the caller's
    transaction; no change event (the caller sends its own). Returns the marker's id."""
    start, end = _normalise(start_ms, end_ms)
    cur = lib.conn.execute(
        "INSERT INTO markers (id, review_id, party_id, start_ms, end_ms, theme, subtopic,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (marker_id, review_id, party_id, start, end, clean_text(theme), clean_text(subtopic),
         created_at or now_iso()),
    )
    return int(cur.lastrowid or 0) if marker_id is None else marker_id


def _touch(lib: Library, review_id: int) -> None:
    lib.conn.execute("UPDATE reviews SET updated_at = ? WHERE id = ?", (now_iso(), review_id))


def move_marker(
    lib: Library, marker_id: int, start_ms: int, end_ms: int | None,
    *, initiator: object | None = None,
) -> Marker:
    """Move or resize; a point stays a point unless an end is given."""
    marker = get_marker(lib, marker_id)
    start, end = _normalise(start_ms, end_ms)
    with lib.write(Change(Entity.MARKER, Action.UPDATED, (marker_id,), marker.review_id, initiator)):
        lib.conn.execute(
            "UPDATE markers SET start_ms = ?, end_ms = ? WHERE id = ?", (start, end, marker_id)
        )
        _touch(lib, marker.review_id)
    return get_marker(lib, marker_id)


def set_marker_theme(
    lib: Library, marker_id: int, theme: str, subtopic: str = "",
    *, initiator: object | None = None,
) -> Marker:
    marker = get_marker(lib, marker_id)
    with lib.write(Change(Entity.MARKER, Action.UPDATED, (marker_id,), marker.review_id, initiator)):
        lib.conn.execute(
            "UPDATE markers SET theme = ?, subtopic = ? WHERE id = ?",
            (clean_text(theme), clean_text(subtopic), marker_id),
        )
        _touch(lib, marker.review_id)
    return get_marker(lib, marker_id)


def delete_marker(lib: Library, marker_id: int, *, initiator: object | None = None) -> MarkerSnapshot:
    """Delete a marker and its gespreksblad; the snapshot lets undo restore both."""
    snapshot = MarkerSnapshot(get_marker(lib, marker_id), get_sheet(lib, marker_id))
    review_id = snapshot.marker.review_id
    with lib.write(Change(Entity.MARKER, Action.REMOVED, (marker_id,), review_id, initiator)):
        lib.conn.execute("DELETE FROM markers WHERE id = ?", (marker_id,))
        _touch(lib, review_id)
    return snapshot


def restore_marker(lib: Library, snapshot: MarkerSnapshot, *, initiator: object | None = None) -> Marker:
    m = snapshot.marker
    with lib.write(Change(Entity.MARKER, Action.ADDED, (m.id,), m.review_id, initiator)):
        insert_marker_row(lib, review_id=m.review_id, party_id=m.party_id, start_ms=m.start_ms,
                          end_ms=m.end_ms, theme=m.theme, subtopic=m.subtopic,
                          created_at=m.created_at, marker_id=m.id)
        restore_sheet(lib, snapshot.sheet)
        _touch(lib, m.review_id)
    return get_marker(lib, m.id)
