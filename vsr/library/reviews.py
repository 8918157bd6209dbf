"""Reviews (terugkijkgesprekken) and their parties."""

from __future__ import annotations

from datetime import date

from vsr.dates import long_date
from vsr.errors import NotFoundError
from vsr.i18n import translate
from vsr.library.audit import AuditAction, audit, subject_of
from vsr.library.changes import Action, Change, Entity
from vsr.library.db import Library
from vsr.library.recordings import get_recording
from vsr.library.rows import now_iso, party_from_row, review_from_row
from vsr.model import PARTY_NAME_MAX, MarkerShape, Party, PartyRole, Review
from vsr.text import clean_text

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
PARTY_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
PARTY_SHAPES = (MarkerShape.CIRCLE, MarkerShape.DIAMOND, MarkerShape.SQUARE, MarkerShape.TRIANGLE)


def get_review(lib: Library, review_id: int) -> Review:
    rows = lib.query("SELECT * FROM reviews WHERE id = ?", (review_id,))
    if not rows:
        raise NotFoundError(what="review", ident=review_id)
    return review_from_row(rows[0])


def list_reviews(lib: Library, recording_id: int | None = None) -> list[Review]:
    if recording_id is None:
        rows = lib.query("SELECT * FROM reviews ORDER BY id")
    else:
        rows = lib.query("SELECT * FROM reviews WHERE recording_id = ? ORDER BY id", (recording_id,))
    return [review_from_row(r) for r in rows]


def recent_reviews(lib: Library, limit: int = 10) -> list[Review]:
    rows = lib.query(
        "SELECT * FROM reviews WHERE opened_at IS NOT NULL ORDER BY opened_at DESC, id DESC LIMIT ?",
        (limit,),
    )
    return [review_from_row(r) for r in rows]


def marker_counts(lib: Library) -> dict[int, int]:
    rows = lib.query("SELECT review_id, COUNT(*) AS n FROM markers GROUP BY review_id")
    return {int(str(r["review_id"])): int(str(r["n"])) for r in rows}


def create_review(
    lib: Library,
    recording_id: int,
    *,
    title: str | None = None,
    party_names: tuple[str, ...] | None = None,
    initiator: object | None = None,
) -> Review:
    """A new review with the two default parties (professional and client)."""
    get_recording(lib, recording_id)  # NotFoundError for an unknown recording
    now = now_iso()
    # Neutral (the day), never the recording's title: old titles are often the file name.
    title = clean_text(title or translate("review.default_title",
                                          date=long_date(date.today())))
    roles = (PartyRole.PROFESSIONAL, PartyRole.CLIENT)
    names = party_names or tuple(translate(f"party.{r.value}") for r in roles)
    with lib.write() as changes:
        cur = lib.conn.execute(
            "INSERT INTO reviews (recording_id, title, created_at, updated_at, opened_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (recording_id, title, now, now, now),
        )
        review_id = int(cur.lastrowid or 0)
        for position, name in enumerate(names):
            role = roles[position] if position < len(roles) else PartyRole.OTHER
            _insert_party(lib, review_id, role, party_name(name), position)
        changes.append(Change(Entity.REVIEW, Action.ADDED, (review_id,), review_id, initiator))
    return get_review(lib, review_id)


def _insert_party(lib: Library, review_id: int, role: PartyRole, name: str, position: int) -> int:
    cur = lib.conn.execute(
        "INSERT INTO parties (review_id, role, name, color, shape, position)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (
            review_id, role.value, name, PARTY_COLORS[position % len(PARTY_COLORS)],
            PARTY_SHAPES[position % len(PARTY_SHAPES)].value, position,
        ),
    )
    return int(cur.lastrowid or 0)


def touch_review(lib: Library, review_id: int) -> None:
    """Remember that the review was opened now (for the recent list)."""
    with lib.write(Change(Entity.REVIEW, Action.OPENED, (review_id,), review_id)):
        lib.conn.execute("UPDATE reviews SET opened_at = ? WHERE id = ?", (now_iso(), review_id))


def _touch_updated(lib: Library, review_id: int) -> None:
    lib.conn.execute("UPDATE reviews SET updated_at = ? WHERE id = ?", (now_iso(), review_id))


def rename_review(lib: Library, review_id: int, title: str, initiator: object | None = None) -> None:
    with lib.write(Change(Entity.REVIEW, Action.UPDATED, (review_id,), review_id, initiator)):
        lib.conn.execute("UPDATE reviews SET title = ? WHERE id = ?", (clean_text(title).strip(), review_id))
        _touch_updated(lib, review_id)


def set_pause_on_mark(lib: Library, review_id: int, pause: bool) -> None:
    with lib.write(Change(Entity.REVIEW, Action.UPDATED, (review_id,), review_id)):
        lib.conn.execute("UPDATE reviews SET pause_on_mark = ? WHERE id = ?", (int(pause), review_id))


def set_share_reflections(lib: Library, review_id: int, allow: bool, *,
                          initiator: object | None = None) -> None:
    """Whether the parties agreed that their gespreksbladen (A/B/C) may go into clip material;
    audited (without names). Turning it off needs no clip rewritten: a pack checks it again
    when it is exported."""
    get_review(lib, review_id)  # NotFoundError for an unknown review
    with lib.write(Change(Entity.REVIEW, Action.UPDATED, (review_id,), review_id, initiator)):
        lib.conn.execute("UPDATE reviews SET share_reflections = ? WHERE id = ?",
                         (int(allow), review_id))
        _touch_updated(lib, review_id)
        audit(lib, AuditAction.SHARING_SET, subject_of("review", review_id), allow=bool(allow))


def shares_reflections(lib: Library, review_id: int) -> bool:
    return get_review(lib, review_id).share_reflections


def delete_review(lib: Library, review_id: int) -> None:
    with lib.write(Change(Entity.REVIEW, Action.REMOVED, (review_id,), review_id)):
        lib.conn.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
    from .erasure import forget

    forget(lib.path)  # its words out of the search index and the -wal too


# -- parties ------------------------------------------------------------------------------

def list_parties(lib: Library, review_id: int) -> list[Party]:
    rows = lib.query("SELECT * FROM parties WHERE review_id = ? ORDER BY position, id", (review_id,))
    return [party_from_row(r) for r in rows]


def get_party(lib: Library, party_id: int) -> Party:
    rows = lib.query("SELECT * FROM parties WHERE id = ?", (party_id,))
    if not rows:
        raise NotFoundError(what="party", ident=party_id)
    return party_from_row(rows[0])


def party_name(name: str) -> str:
    """A participant's name as stored: cleaned like every text, one line, at most
    PARTY_NAME_MAX characters (the names dialog's limit; the CLI had none)."""
    return " ".join(clean_text(name).split())[:PARTY_NAME_MAX].strip()


def add_party(
    lib: Library, review_id: int, name: str, role: PartyRole = PartyRole.OTHER,
    initiator: object | None = None,
) -> Party:
    """A further party, e.g. an interpreter, with its own lane, colour and shape."""
    position = len(list_parties(lib, review_id))
    with lib.write() as changes:
        party_id = _insert_party(lib, review_id, role, party_name(name), position)
        changes.append(Change(Entity.PARTY, Action.ADDED, (party_id,), review_id, initiator))
    return get_party(lib, party_id)


def rename_party(lib: Library, party_id: int, name: str, initiator: object | None = None) -> Party:
    party = get_party(lib, party_id)
    with lib.write(Change(Entity.PARTY, Action.UPDATED, (party_id,), party.review_id, initiator)):
        lib.conn.execute("UPDATE parties SET name = ? WHERE id = ?", (party_name(name), party_id))
        _touch_updated(lib, party.review_id)
    return get_party(lib, party_id)


def rename_parties(lib: Library, names: dict[int, str],
                   initiator: object | None = None) -> list[Party]:
    """Rename several parties in one transaction: all names are saved, or none."""
    with lib.write():
        return [rename_party(lib, party_id, name, initiator) for party_id, name in names.items()]


def remove_party(lib: Library, party_id: int) -> None:
    """Remove a party that has placed no markers; the first two parties always stay."""
    party = get_party(lib, party_id)
    used = lib.query("SELECT 1 FROM markers WHERE party_id = ? LIMIT 1", (party_id,))
    if used or party.position < 2:
        raise ValueError("party in use")
    with lib.write(Change(Entity.PARTY, Action.REMOVED, (party_id,), party.review_id)):
        lib.conn.execute("DELETE FROM parties WHERE id = ?", (party_id,))
