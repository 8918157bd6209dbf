"""The client's pause, kept: each press of a party's pause button is recorded (who, where in the
recording, when), shown on the timeline and in Stap 2, and can become a moment in one step.

A pause comes a little after what it is about (people stop the replay when something has just
happened), so the moment made of a pause covers the PAUSE_LEAD_MS before it."""

from __future__ import annotations

from dataclasses import dataclass

from vsr.errors import NotFoundError
from vsr.library import markers as mk
from vsr.library.changes import Action, Change, Entity
from vsr.library.db import Library
from vsr.library.markers import MarkerSnapshot
from vsr.library.rows import now_iso
from vsr.model import MAX_RECORDING_MS, Marker
from vsr.samenleergesprek import store

ENTITY = Entity.PAUSE
PAUSE_LEAD_MS = 5_000  # the moment made of a pause starts this long before it
NEAR_MS = 3_000  # a pause this close to a moment (or inside it) belongs to that moment


@dataclass(frozen=True, slots=True)
class Pause:
    """One press of a party's pause button."""

    id: int
    review_id: int
    party_id: int
    position_ms: int  # where in the recording
    paused_at: str  # when (ISO time, UTC)
    marker_id: int | None = None  # the moment made of this pause, if any


def _pause(row: dict[str, object]) -> Pause:
    marker = row["marker_id"]
    return Pause(int(str(row["id"])), int(str(row["review_id"])), int(str(row["party_id"])),
                 int(str(row["position_ms"])), str(row["paused_at"]),
                 int(str(marker)) if marker is not None else None)


def record_pause(lib: Library, review_id: int, party_id: int, position_ms: int,
                 *, initiator: object | None = None) -> Pause:
    """Remember that `party_id` paused the replay at `position_ms` (now)."""
    store.check_party(lib, review_id, party_id)
    position = max(0, min(int(position_ms), MAX_RECORDING_MS))
    with lib.write() as changes:
        cursor = lib.conn.execute(
            "INSERT INTO pauses (review_id, party_id, position_ms, paused_at) VALUES (?, ?, ?, ?)",
            (review_id, party_id, position, now_iso()))
        pause_id = int(cursor.lastrowid or 0)
        changes.append(Change(ENTITY, Action.ADDED, (pause_id,), review_id, initiator))
    return get_pause(lib, pause_id)


def get_pause(lib: Library, pause_id: int) -> Pause:
    rows = lib.query("SELECT * FROM pauses WHERE id = ?", (pause_id,))
    if not rows:
        raise NotFoundError(what="pause", ident=pause_id)
    return _pause(rows[0])


def list_pauses(lib: Library, review_id: int, party_id: int | None = None) -> list[Pause]:
    """The review's pauses in recording order (of one party, if given)."""
    sql = "SELECT * FROM pauses WHERE review_id = ?"
    params: tuple[object, ...] = (review_id,)
    if party_id is not None:
        sql += " AND party_id = ?"
        params += (party_id,)
    return [_pause(r) for r in lib.query(sql + " ORDER BY position_ms, id", params)]


def pauses_near(pauses: list[Pause], start_ms: int, end_ms: int | None,
                near_ms: int = NEAR_MS) -> list[Pause]:
    """The pauses inside a moment [start, end] or at most `near_ms` from it."""
    end = start_ms if end_ms is None else end_ms
    return [p for p in pauses if start_ms - near_ms <= p.position_ms <= end + near_ms]


def moment_range(pause: Pause) -> tuple[int, int]:
    """Where the moment made of a pause lies: the PAUSE_LEAD_MS up to the pause."""
    return max(0, pause.position_ms - PAUSE_LEAD_MS), max(pause.position_ms, 1)


def pause_to_moment(lib: Library, pause_id: int, *, initiator: object | None = None) -> Marker:
    """Make a pause a moment of the party that paused, in one transaction; a pause that
    already became a moment gives that moment again (never a second one)."""
    pause = get_pause(lib, pause_id)
    if pause.marker_id is not None:
        return mk.get_marker(lib, pause.marker_id)
    start, end = moment_range(pause)
    with lib.write(Change(ENTITY, Action.UPDATED, (pause_id,), pause.review_id, initiator)):
        marker = mk.add_marker(lib, pause.party_id, start, end, initiator=initiator)
        lib.conn.execute("UPDATE pauses SET marker_id = ? WHERE id = ?", (marker.id, pause_id))
    return marker


def undo_pause_moment(lib: Library, pause_id: int) -> MarkerSnapshot | None:
    """Take back the moment made of a pause (its sheet kept in the snapshot for redo)."""
    pause = get_pause(lib, pause_id)
    if pause.marker_id is None:
        return None
    with lib.write(Change(ENTITY, Action.UPDATED, (pause_id,), pause.review_id)):
        return mk.delete_marker(lib, pause.marker_id)  # ON DELETE SET NULL unlinks the pause


def redo_pause_moment(lib: Library, pause_id: int, snapshot: MarkerSnapshot) -> Marker:
    """Bring back the moment `undo_pause_moment` took back, linked to its pause again."""
    pause = get_pause(lib, pause_id)
    with lib.write(Change(ENTITY, Action.UPDATED, (pause_id,), pause.review_id)):
        marker = mk.restore_marker(lib, snapshot)
        lib.conn.execute("UPDATE pauses SET marker_id = ? WHERE id = ?", (marker.id, pause_id))
    return marker
