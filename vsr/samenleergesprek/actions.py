"""Stap 3 action items (acties): what, who (a party or both together), by when, done."""

from __future__ import annotations

from datetime import date

from vsr.errors import NotFoundError, VsrError
from vsr.library.changes import Action
from vsr.library.db import Library
from vsr.samenleergesprek import store
from vsr.samenleergesprek.model import TOGETHER, ActionItem, Who
from vsr.samenleergesprek.state import get_session
from vsr.text import clean_text


def _review_of(lib: Library, action_id: int) -> int:
    rows = lib.query("SELECT review_id FROM session_actions WHERE id = ?", (action_id,))
    if not rows:
        raise NotFoundError(what="action", ident=action_id)
    return int(str(rows[0]["review_id"]))


def _who_column(lib: Library, review_id: int, who: Who) -> int | None:
    if who == TOGETHER:
        return None
    if isinstance(who, str):
        raise ValueError(f"who must be a party id or {TOGETHER!r}, not {who!r}")
    store.check_party(lib, review_id, who)
    return who


def _due_column(due: date | str | None) -> str:
    """An ISO date, or "" for no date. A text that is no date is refused, not stored."""
    if due is None or due == "":
        return ""
    if isinstance(due, date):
        return due.isoformat()
    try:
        return date.fromisoformat(due.strip()).isoformat()
    except ValueError as exc:
        raise VsrError("error.session.bad_date", text=due) from exc


def get_action(lib: Library, action_id: int) -> ActionItem:
    state = get_session(lib, _review_of(lib, action_id))
    return next(a for a in state.actions if a.id == action_id)


def add_action(
    lib: Library, review_id: int, what: str = "", who: Who = TOGETHER,
    due: date | str | None = None, *, initiator: object | None = None,
) -> ActionItem:
    store.check_review(lib, review_id)
    who_id = _who_column(lib, review_id, who)
    due_text = _due_column(due)
    count = len(get_session(lib, review_id).actions)
    with lib.write() as changes:
        store.touch(lib, review_id)
        cur = lib.conn.execute(
            "INSERT INTO session_actions (review_id, position, what, who_party_id, due)"
            " VALUES (?, ?, ?, ?, ?)",
            (review_id, count, clean_text(what), who_id, due_text),
        )
        action_id = int(cur.lastrowid or 0)
        changes.append(store.change(Action.ADDED, review_id, initiator, (action_id,)))
    return get_action(lib, action_id)


def update_action(
    lib: Library, action_id: int, *, what: str | None = None, who: Who | None = None,
    due: date | str | None = None, clear_due: bool = False, done: bool | None = None,
    initiator: object | None = None,
) -> ActionItem:
    """Change the given fields of an action item; the others stay as they are."""
    review_id = _review_of(lib, action_id)
    sets: list[str] = []
    params: list[object] = []
    if what is not None:
        sets.append("what = ?")
        params.append(clean_text(what))
    if who is not None:
        sets.append("who_party_id = ?")
        params.append(_who_column(lib, review_id, who))
    if clear_due or due is not None:
        sets.append("due = ?")
        params.append("" if clear_due else _due_column(due))
    if done is not None:
        sets.append("done = ?")
        params.append(int(done))
    if sets:
        with lib.write(store.change(Action.UPDATED, review_id, initiator, (action_id,))):
            store.touch(lib, review_id)
            lib.conn.execute(f"UPDATE session_actions SET {', '.join(sets)} WHERE id = ?",
                             (*params, action_id))
    return get_action(lib, action_id)


def remove_action(lib: Library, action_id: int, *, initiator: object | None = None) -> None:
    review_id = _review_of(lib, action_id)
    with lib.write(store.change(Action.REMOVED, review_id, initiator, (action_id,))):
        store.touch(lib, review_id)
        lib.conn.execute("DELETE FROM session_actions WHERE id = ?", (action_id,))
        rows = lib.query("SELECT id FROM session_actions WHERE review_id = ? ORDER BY position, id",
                         (review_id,))
        for position, row in enumerate(rows):
            lib.conn.execute("UPDATE session_actions SET position = ? WHERE id = ?",
                             (position, row["id"]))
