"""Reading the Samenleergesprek of a review, moving between its steps, the ground rules, the
closing summary and what each party learned. Each call commits at once, so a session can be
closed at any moment and resumed days later where it was left."""

from __future__ import annotations

from vsr.errors import VsrError
from vsr.library.changes import Action
from vsr.library.db import Library
from vsr.library.rows import now_iso
from vsr.samenleergesprek import store
from vsr.samenleergesprek.model import (
    TOGETHER,
    ActionItem,
    Moment,
    SessionState,
    SessionStep,
    Who,
)
from vsr.text import clean_text


def get_session(lib: Library, review_id: int) -> SessionState:
    """The saved state; a review that never started a session gives the empty state."""
    store.check_review(lib, review_id)
    rows = lib.query("SELECT * FROM session_state WHERE review_id = ?", (review_id,))
    row = rows[0] if rows else {}
    rules = {
        int(str(r["party_id"])): str(r["confirmed_at"])
        for r in lib.query("SELECT party_id, confirmed_at FROM session_rules WHERE review_id = ?",
                           (review_id,))
    }
    covered = _covered_markers(lib, review_id)
    moments = tuple(
        Moment(id=int(str(r["id"])), marker_id=int(str(r["marker_id"])), position=i,
               lead_ms=int(str(r["lead_ms"])), lag_ms=int(str(r["lag_ms"])),
               marker_ids=covered.get(int(str(r["id"])), ()))
        for i, r in enumerate(lib.query(
            "SELECT * FROM session_moments WHERE review_id = ? ORDER BY position, id",
            (review_id,)))
    )
    learnings = {
        int(str(r["party_id"])): str(r["text"])
        for r in lib.query("SELECT party_id, text FROM session_learnings WHERE review_id = ?",
                           (review_id,))
    }
    actions = tuple(
        _action_from_row(i, r)
        for i, r in enumerate(lib.query(
            "SELECT * FROM session_actions WHERE review_id = ? ORDER BY position, id",
            (review_id,)))
    )
    return SessionState(
        review_id=review_id,
        step=SessionStep(str(row.get("step") or SessionStep.RULES.value)),
        moment_index=int(str(row.get("moment_index") or 0)),
        summary=str(row.get("summary") or ""),
        rules_confirmed=rules,
        moments=moments,
        learnings=learnings,
        actions=actions,
        blind_marking=bool(row.get("blind_marking") or 0),
        markers_revealed_at=str(row.get("markers_revealed_at") or ""),
        started_at=str(row.get("started_at") or ""),
    )


def _covered_markers(lib: Library, review_id: int) -> dict[int, tuple[int, ...]]:
    """moment id -> the markers it covers: its main marker first, then the others in time."""
    covered: dict[int, list[int]] = {}
    for r in lib.query(
            "SELECT l.moment_id, l.marker_id FROM session_moment_markers l"
            " JOIN session_moments s ON s.id = l.moment_id"
            " JOIN markers m ON m.id = l.marker_id"
            " WHERE s.review_id = ?"
            " ORDER BY l.moment_id, l.marker_id != s.marker_id, m.start_ms, m.id",
            (review_id,)):
        covered.setdefault(int(str(r["moment_id"])), []).append(int(str(r["marker_id"])))
    return {k: tuple(v) for k, v in covered.items()}


def _action_from_row(position: int, row: dict[str, object]) -> ActionItem:
    who_id = row["who_party_id"]
    who: Who = TOGETHER if who_id is None else int(str(who_id))
    return ActionItem(
        id=int(str(row["id"])), position=position, what=str(row["what"]), who=who,
        due=str(row["due"]), done=bool(row["done"]),
    )


# -- steps ---------------------------------------------------------------------------------

def step_blocker(lib: Library, review_id: int, step: SessionStep) -> VsrError | None:
    """Why `step` cannot be entered yet (as the error to show), or None when it can.

    Every party must confirm the ground rules before Stap 1; Stap 2 needs a chosen moment and
    markers that are no longer hidden. Going back is always possible."""
    state = get_session(lib, review_id)
    if step.order >= SessionStep.MOMENTS.order:
        missing = [p for p in store.party_ids(lib, review_id) if p not in state.rules_confirmed]
        if missing:
            return VsrError("error.session.rules_not_confirmed", count=len(missing))
    if step == SessionStep.DISCUSS and state.markers_hidden:
        return VsrError("error.session.markers_hidden")
    if step == SessionStep.DISCUSS and not state.moments:
        return VsrError("error.session.no_moments")
    return None


def go_to_step(lib: Library, review_id: int, step: SessionStep, moment_index: int | None = None,
               *, initiator: object | None = None) -> SessionState:
    """Move the conversation to `step` (and in Stap 2 to the moment at `moment_index`)."""
    blocker = step_blocker(lib, review_id, step)
    if blocker is not None:
        raise blocker
    current = get_session(lib, review_id)
    count = len(current.moments)
    index = current.moment_index if moment_index is None else moment_index
    index = max(0, min(index, max(0, count - 1)))
    with lib.write(store.change(Action.UPDATED, review_id, initiator)):
        store.touch(lib, review_id)
        lib.conn.execute(
            "UPDATE session_state SET step = ?, moment_index = ? WHERE review_id = ?",
            (step.value, index, review_id),
        )
    return get_session(lib, review_id)


def start_session(lib: Library, review_id: int, *, initiator: object | None = None) -> SessionState:
    """Make sure the session exists (remembering when it started) and return it."""
    store.check_review(lib, review_id)
    if not lib.query("SELECT 1 FROM session_state WHERE review_id = ?", (review_id,)):
        with lib.write(store.change(Action.ADDED, review_id, initiator)):
            store.ensure_state(lib, review_id)
    return get_session(lib, review_id)


# -- ground rules --------------------------------------------------------------------------

def confirm_rules(lib: Library, review_id: int, party_id: int, confirmed: bool = True,
                  *, initiator: object | None = None) -> None:
    """A party says yes to the ground rules (or takes the yes back). The time is kept."""
    store.check_party(lib, review_id, party_id)
    with lib.write(store.change(Action.UPDATED, review_id, initiator)):
        store.touch(lib, review_id)
        if confirmed:
            lib.conn.execute(
                "INSERT INTO session_rules (review_id, party_id, confirmed_at) VALUES (?, ?, ?)"
                " ON CONFLICT(review_id, party_id) DO NOTHING",
                (review_id, party_id, now_iso()),
            )
        else:
            lib.conn.execute("DELETE FROM session_rules WHERE review_id = ? AND party_id = ?",
                             (review_id, party_id))


def rules_confirmed_by_all(lib: Library, review_id: int) -> bool:
    state = get_session(lib, review_id)
    parties = store.party_ids(lib, review_id)
    return bool(parties) and all(p in state.rules_confirmed for p in parties)


# -- closing: summary and learnings ----------------------------------------------------------

def set_summary(lib: Library, review_id: int, text: str,
                *, initiator: object | None = None) -> None:
    store.check_review(lib, review_id)
    with lib.write(store.change(Action.UPDATED, review_id, initiator)):
        store.touch(lib, review_id)
        lib.conn.execute("UPDATE session_state SET summary = ? WHERE review_id = ?",
                         (clean_text(text), review_id))


def set_learning(lib: Library, review_id: int, party_id: int, text: str,
                 *, initiator: object | None = None) -> None:
    """What this party learned from the conversation (Stap 3)."""
    store.check_party(lib, review_id, party_id)
    with lib.write(store.change(Action.UPDATED, review_id, initiator)):
        store.touch(lib, review_id)
        lib.conn.execute(
            "INSERT INTO session_learnings (review_id, party_id, text) VALUES (?, ?, ?)"
            " ON CONFLICT(review_id, party_id) DO UPDATE SET text = excluded.text",
            (review_id, party_id, clean_text(text)),
        )
