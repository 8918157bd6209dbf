"""Shared plumbing of the session operations: the state row, party checks, change events."""

from __future__ import annotations

from vsr.errors import NotFoundError
from vsr.library.changes import Action, Change, Entity
from vsr.library.db import Library
from vsr.library.rows import now_iso

ENTITY = Entity.SESSION


def ensure_state(lib: Library, review_id: int) -> None:
    """Create the review's session row if it is missing (inside the caller's transaction)."""
    now = now_iso()
    lib.conn.execute(
        "INSERT INTO session_state (review_id, started_at, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT(review_id) DO NOTHING",
        (review_id, now, now),
    )


def touch(lib: Library, review_id: int) -> None:
    """Mark the session and its review as edited now (inside the caller's transaction)."""
    now = now_iso()
    ensure_state(lib, review_id)
    lib.conn.execute("UPDATE session_state SET updated_at = ? WHERE review_id = ?",
                     (now, review_id))
    lib.conn.execute("UPDATE reviews SET updated_at = ? WHERE id = ?", (now, review_id))


def check_review(lib: Library, review_id: int) -> None:
    if not lib.query("SELECT 1 FROM reviews WHERE id = ?", (review_id,)):
        raise NotFoundError(what="review", ident=review_id)


def check_party(lib: Library, review_id: int, party_id: int) -> None:
    """A party id given for this review must belong to it, never to another review."""
    rows = lib.query("SELECT 1 FROM parties WHERE id = ? AND review_id = ?", (party_id, review_id))
    if not rows:
        raise NotFoundError(what="party", ident=party_id)


def party_ids(lib: Library, review_id: int) -> list[int]:
    rows = lib.query("SELECT id FROM parties WHERE review_id = ? ORDER BY position, id",
                     (review_id,))
    return [int(str(r["id"])) for r in rows]


def change(action: Action, review_id: int, initiator: object | None,
           ids: tuple[int, ...] = ()) -> Change:
    return Change(ENTITY, action, ids or (review_id,), review_id, initiator)
