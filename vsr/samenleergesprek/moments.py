"""Stap 1: the one to three moments the parties choose to talk about, their order, their theme
card, and the clip range that loops around each in Stap 2."""

from __future__ import annotations

from collections.abc import Sequence

from vsr.errors import NotFoundError, VsrError
from vsr.library import markers as mk
from vsr.library.changes import Action, Change, Entity
from vsr.library.db import Library
from vsr.library.reviews import list_parties
from vsr.model import Marker
from vsr.samenleergesprek import store
from vsr.samenleergesprek.blind import Candidate, lag_covering
from vsr.samenleergesprek.model import (
    DEFAULT_LAG_MS,
    DEFAULT_LEAD_MS,
    MAX_LEAD_LAG_MS,
    MAX_MOMENTS,
    Moment,
)
from vsr.samenleergesprek.moment_sheet import bring_sheets_together
from vsr.samenleergesprek.state import get_session


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
    lib: Library, review_id: int, marker_id: int, *, also: Sequence[int] = (),
    lead_ms: int = DEFAULT_LEAD_MS, lag_ms: int = DEFAULT_LAG_MS, initiator: object | None = None,
) -> Moment:
    """Add a marker of this review as the next chosen moment (at most three). `also` are the
    other parties' markers of the same moment: the moment covers them too and their sheets'
    texts are brought into the main marker's sheet (see `vsr.samenleergesprek.moment_sheet`).
    Choosing a marker that is already chosen returns that moment unchanged."""
    marker = mk.get_marker(lib, marker_id)
    if marker.review_id != review_id:
        raise NotFoundError(what="marker", ident=marker_id)
    state = get_session(lib, review_id)
    if state.markers_hidden:
        raise VsrError("error.session.markers_hidden")
    for moment in state.moments:
        if moment.marker_id == marker_id:
            return moment
    if len(state.moments) >= MAX_MOMENTS:
        raise VsrError("error.session.too_many_moments", max=MAX_MOMENTS)
    covered = {i for m in state.moments for i in m.all_marker_ids}
    others = [mk.get_marker(lib, i) for i in dict.fromkeys(also)
              if i != marker_id and i not in covered]
    if any(o.review_id != review_id for o in others):
        raise NotFoundError(what="marker", ident=next(o.id for o in others
                                                      if o.review_id != review_id))
    with lib.write() as changes:
        store.touch(lib, review_id)
        cur = lib.conn.execute(
            "INSERT INTO session_moments (review_id, marker_id, position, lead_ms, lag_ms)"
            " VALUES (?, ?, ?, ?, ?)",
            (review_id, marker_id, len(state.moments), _clamp_margin(lead_ms),
             _clamp_margin(lag_ms)),
        )
        moment_id = int(cur.lastrowid or 0)
        lib.conn.executemany(
            "INSERT INTO session_moment_markers (moment_id, marker_id) VALUES (?, ?)",
            [(moment_id, m.id) for m in (marker, *others)])
        names = {p.id: p.name for p in list_parties(lib, review_id)}
        if others and bring_sheets_together(lib, marker, others, names):
            changes.append(Change(Entity.SHEET, Action.UPDATED, (marker_id,), review_id, initiator))
        changes.append(store.change(Action.ADDED, review_id, initiator, (moment_id,)))
    return get_moment(lib, moment_id)


def choose_candidate(lib: Library, review_id: int, candidate: Candidate,
                     *, initiator: object | None = None) -> Moment:
    """Choose a Stap 1 candidate: a moment several parties marked stays all of theirs, and
    its clip loops long enough to reach the end of its last marker."""
    lag = lag_covering(candidate, DEFAULT_LAG_MS) if candidate.shared else DEFAULT_LAG_MS
    return choose_moment(lib, review_id, candidate.marker.id,
                         also=[m.id for m in candidate.markers if m.id != candidate.marker.id],
                         lag_ms=lag, initiator=initiator)


def add_moment_at(
    lib: Library, review_id: int, party_id: int, position_ms: int, *,
    theme: str = "", initiator: object | None = None,
) -> Moment:
    """"Add a moment here": a new marker by `party_id` at the player position, chosen at once.
    Checks the limit first, so a refused moment leaves no stray marker behind."""
    store.check_party(lib, review_id, party_id)
    state = get_session(lib, review_id)
    if state.markers_hidden:  # a moment made now would show while the others stay hidden
        raise VsrError("error.session.markers_hidden")
    if len(state.moments) >= MAX_MOMENTS:
        raise VsrError("error.session.too_many_moments", max=MAX_MOMENTS)
    with lib.write():  # marker and moment in one transaction: both or neither
        marker = mk.add_marker(lib, party_id, position_ms, theme=theme, initiator=initiator)
        return choose_moment(lib, review_id, marker.id, initiator=initiator)


def remove_moment(lib: Library, moment_id: int, *, initiator: object | None = None) -> None:
    """Unchoose a moment; its marker and gespreksblad stay."""
    review_id = _review_of_moment(lib, moment_id)
    with lib.write(store.change(Action.REMOVED, review_id, initiator, (moment_id,))):
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
    with lib.write(store.change(Action.UPDATED, review_id, initiator, (moment_id,))):
        store.touch(lib, review_id)
        for index, mid in enumerate(order):
            lib.conn.execute("UPDATE session_moments SET position = ? WHERE id = ?", (index, mid))


def set_loop_margins(lib: Library, moment_id: int, lead_ms: int, lag_ms: int,
                     *, initiator: object | None = None) -> Moment:
    """How long before and after the marker the clip of this moment loops (0..120 s each)."""
    review_id = _review_of_moment(lib, moment_id)
    with lib.write(store.change(Action.UPDATED, review_id, initiator, (moment_id,))):
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


def moment_markers(lib: Library, moment: Moment) -> list[Marker]:
    """Every marker the moment covers, its main marker first."""
    return [mk.get_marker(lib, i) for i in moment.all_marker_ids]


def moment_party_ids(lib: Library, moment: Moment) -> tuple[int, ...]:
    """The parties who marked this moment, in the order of the review's parties."""
    marked = {m.party_id for m in moment_markers(lib, moment)}
    return tuple(p.id for p in list_parties(lib, _review_of_moment(lib, moment.id))
                 if p.id in marked)


def chosen_markers(lib: Library, review_id: int) -> list[tuple[Moment, Marker]]:
    """The chosen moments in order with their markers."""
    return [(m, mk.get_marker(lib, m.marker_id)) for m in get_session(lib, review_id).moments]
