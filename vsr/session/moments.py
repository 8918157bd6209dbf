"""Stap 1: the one to three moments the parties choose to talk about, their order, their theme
card, and the clip range that loops around each in Stap 2."""

from __future__ import annotations

from vsr.errors import NotFoundError, VsrError
from vsr.library import markers as mk
from vsr.library.db import Library
from vsr.model import Marker
from vsr.session import store
from vsr.session.model import (
    DEFAULT_LAG_MS,
    DEFAULT_LEAD_MS,
    MAX_LEAD_LAG_MS,
    MAX_MOMENTS,
    Moment,
)
from vsr.session.state import get_session


def _clamp_margin(ms: int) -> int:
    return max(0, min(int(ms), MAX_LEAD_LAG_MS))


def _renumber(lib: Library, review_id: int) -> None:
    rows = lib.query("SELECT id FROM session_moments WHERE review_id = ? ORDER BY position, id",
                     (review_id,))
    for position, row in enumerate(rows):
        lib.conn.execute("UPDATE session_moments SET position = ? WHERE id = ?",
                         (position, row["id"]))


def get_moment(lib: Library, moment_id: int) -> Moment:
    rows = lib.query("SELECT review_id FROM session_moments WHERE id = ?", (moment_id,))
    if not rows:
        raise NotFoundError(what="marker", ident=moment_id)
    state = get_session(lib, int(str(rows[0]["review_id"])))
    return next(m for m in state.moments if m.id == moment_id)


def _review_of_moment(lib: Library, moment_id: int) -> int:
    rows = lib.query("SELECT review_id FROM session_moments WHERE id = ?", (moment_id,))
    if not rows:
        raise NotFoundError(what="marker", ident=moment_id)
    return int(str(rows[0]["review_id"]))


def choose_moment(
    lib: Library, review_id: int, marker_id: int, *,
    lead_ms: int = DEFAULT_LEAD_MS, lag_ms: int = DEFAULT_LAG_MS, initiator: object | None = None,
) -> Moment:
    """Add a marker of this review as the next chosen moment (at most three). Choosing a
    marker that is already chosen returns that moment unchanged."""
    marker = mk.get_marker(lib, marker_id)
    if marker.review_id != review_id:
        raise NotFoundError(what="marker", ident=marker_id)
    state = get_session(lib, review_id)
    for moment in state.moments:
        if moment.marker_id == marker_id:
            return moment
    if len(state.moments) >= MAX_MOMENTS:
        raise VsrError("error.session.too_many_moments", max=MAX_MOMENTS)
    with lib.write() as changes:
        store.touch(lib, review_id)
        cur = lib.conn.execute(
            "INSERT INTO session_moments (review_id, marker_id, position, lead_ms, lag_ms)"
            " VALUES (?, ?, ?, ?, ?)",
            (review_id, marker_id, len(state.moments), _clamp_margin(lead_ms),
             _clamp_margin(lag_ms)),
        )
        moment_id = int(cur.lastrowid or 0)
        changes.append(store.change("added", review_id, initiator, (moment_id,)))
    return get_moment(lib, moment_id)


def add_moment_at(
    lib: Library, review_id: int, party_id: int, position_ms: int, *,
    theme: str = "", initiator: object | None = None,
) -> Moment:
    """"Add a moment here": a new marker by `party_id` at the player position, chosen at once.
    Checks the limit first, so a refused moment leaves no stray marker behind."""
    store.check_party(lib, review_id, party_id)
    if len(get_session(lib, review_id).moments) >= MAX_MOMENTS:
        raise VsrError("error.session.too_many_moments", max=MAX_MOMENTS)
    with lib.write():  # marker and moment in one transaction: both or neither
        marker = mk.add_marker(lib, party_id, position_ms, theme=theme, initiator=initiator)
        return choose_moment(lib, review_id, marker.id, initiator=initiator)


def remove_moment(lib: Library, moment_id: int, *, initiator: object | None = None) -> None:
    """Unchoose a moment; its marker and gespreksblad stay."""
    review_id = _review_of_moment(lib, moment_id)
    with lib.write(store.change("removed", review_id, initiator, (moment_id,))):
        store.touch(lib, review_id)
        lib.conn.execute("DELETE FROM session_moments WHERE id = ?", (moment_id,))
        _renumber(lib, review_id)


def move_moment(lib: Library, moment_id: int, position: int,
                *, initiator: object | None = None) -> None:
    """Put a moment at `position` (0-based, clamped) in the order of Stap 1."""
    review_id = _review_of_moment(lib, moment_id)
    order = [m.id for m in get_session(lib, review_id).moments]
    order.remove(moment_id)
    order.insert(max(0, min(position, len(order))), moment_id)
    with lib.write(store.change("updated", review_id, initiator, (moment_id,))):
        store.touch(lib, review_id)
        for index, mid in enumerate(order):
            lib.conn.execute("UPDATE session_moments SET position = ? WHERE id = ?", (index, mid))


def set_loop_margins(lib: Library, moment_id: int, lead_ms: int, lag_ms: int,
                     *, initiator: object | None = None) -> Moment:
    """How long before and after the marker the clip of this moment loops (0..120 s each)."""
    review_id = _review_of_moment(lib, moment_id)
    with lib.write(store.change("updated", review_id, initiator, (moment_id,))):
        store.touch(lib, review_id)
        lib.conn.execute("UPDATE session_moments SET lead_ms = ?, lag_ms = ? WHERE id = ?",
                         (_clamp_margin(lead_ms), _clamp_margin(lag_ms), moment_id))
    return get_moment(lib, moment_id)


def set_moment_theme(lib: Library, moment_id: int, theme: str, subtopic: str = "",
                     *, initiator: object | None = None) -> Marker:
    """The theme card of a moment is its marker's theme: one place, seen in every view."""
    moment = get_moment(lib, moment_id)
    return mk.set_marker_theme(lib, moment.marker_id, theme, subtopic, initiator=initiator)


def loop_range(moment: Moment, marker: Marker, duration_ms: int | None = None) -> tuple[int, int]:
    """The clip of a moment: from `lead_ms` before the marker to `lag_ms` after its end,
    kept inside the recording."""
    end = marker.end_ms if marker.end_ms is not None else marker.start_ms
    start = max(0, marker.start_ms - moment.lead_ms)
    stop = end + moment.lag_ms
    if duration_ms is not None and duration_ms > 0:
        stop = min(stop, duration_ms)
        start = min(start, stop)
    return start, stop


def chosen_markers(lib: Library, review_id: int) -> list[tuple[Moment, Marker]]:
    """The chosen moments in order with their markers."""
    return [(m, mk.get_marker(lib, m.marker_id)) for m in get_session(lib, review_id).moments]
