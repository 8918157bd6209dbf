"""Collections of clips (verzamelingen) for intervisie or training: clips from any recordings,
taken from markers or drawn as ranges, in an order, each with a title and discussion questions
(or an exercise task). Adding a clip needs the recording's consent for the collection's
purpose; deletions are audited."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from vsr.dates import clock
from vsr.errors import NotFoundError, VsrError
from vsr.i18n import DEFAULT_LANGUAGE, current_language
from vsr.library.audit import AuditAction, audit, subject_of
from vsr.library.changes import Action, Change, Entity
from vsr.library.consent import Purpose, parse_date, parse_purpose, require_consent
from vsr.library.db import Library
from vsr.library.markers import get_marker
from vsr.library.reviews import shares_reflections
from vsr.library.rows import now_iso, opt_int
from vsr.method import subtopic_title, theme_card
from vsr.text import clean_text


@dataclass(frozen=True, slots=True)
class Collection:
    id: int
    name: str
    purpose: Purpose  # intervisie or training
    keep_until: date | None  # retention: last day it is kept; None: no end set
    created_at: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class CollectionClip:
    """A part of a recording in a collection. Times are source milliseconds, [start, end)."""

    id: int
    collection_id: int
    recording_id: int
    marker_id: int | None
    position: int
    start_ms: int
    end_ms: int
    title: str
    questions: tuple[str, ...]
    include_reflections: bool
    created_at: str

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms


# -- default questions, from the method content -------------------------------------------

@cache
def _method_questions() -> dict[str, list[str]]:
    text = resources.files("vsr.resources").joinpath("method/samenleerwijzer.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    questions: dict[str, list[str]] = data.get("clip_questions", {})
    return questions


def default_questions() -> tuple[str, ...]:
    """"Wat gebeurt hier?", "Wat deed dit met de cliënt?", "Hoe zou jij reageren?"."""
    table = _method_questions()
    return tuple(table.get(current_language()) or table.get(DEFAULT_LANGUAGE, []))


# -- rows ----------------------------------------------------------------------------------

def _collection(r: dict[str, object]) -> Collection:
    keep = r["keep_until"]
    return Collection(
        id=int(r["id"]),  # type: ignore[call-overload]
        name=str(r["name"]),
        purpose=Purpose(str(r["purpose"])),
        keep_until=None if keep in (None, "") else date.fromisoformat(str(keep)),
        created_at=str(r["created_at"]),
        updated_at=str(r["updated_at"]),
    )


def clip_from_row(r: dict[str, object]) -> CollectionClip:
    return CollectionClip(
        id=int(r["id"]),  # type: ignore[call-overload]
        collection_id=int(r["collection_id"]),  # type: ignore[call-overload]
        recording_id=int(r["recording_id"]),  # type: ignore[call-overload]
        marker_id=opt_int(r["marker_id"]),
        position=int(r["position"]),  # type: ignore[call-overload]
        start_ms=int(r["start_ms"]),  # type: ignore[call-overload]
        end_ms=int(r["end_ms"]),  # type: ignore[call-overload]
        title=str(r["title"]),
        questions=tuple(str(q) for q in json.loads(str(r["questions"]) or "[]")),
        include_reflections=bool(r["include_reflections"]),
        created_at=str(r["created_at"]),
    )


# -- collections ---------------------------------------------------------------------------

def get_collection(lib: Library, collection_id: int) -> Collection:
    rows = lib.query("SELECT * FROM collections WHERE id = ?", (collection_id,))
    if not rows:
        raise NotFoundError(what="what.collection", ident=collection_id)
    return _collection(rows[0])


def list_collections(lib: Library, purpose: Purpose | str | None = None) -> list[Collection]:
    if purpose is None:
        rows = lib.query("SELECT * FROM collections ORDER BY id")
    else:
        rows = lib.query("SELECT * FROM collections WHERE purpose = ? ORDER BY id",
                         (str(parse_purpose(purpose, shared_only=True)),))
    return [_collection(r) for r in rows]


def create_collection(
    lib: Library, name: str, purpose: Purpose | str, *,
    keep_until: date | str | None = None, initiator: object | None = None,
) -> Collection:
    kind = parse_purpose(purpose, shared_only=True)
    title = clean_text(name).strip()
    if not title:
        raise VsrError("error.collection.no_name")
    keep = parse_date(keep_until).isoformat() if keep_until is not None else None
    now = now_iso()
    with lib.write() as changes:
        cur = lib.conn.execute(
            "INSERT INTO collections (name, purpose, keep_until, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?)", (title, kind.value, keep, now, now))
        collection_id = int(cur.lastrowid or 0)
        changes.append(Change(Entity.COLLECTION, Action.ADDED, (collection_id,), initiator=initiator))
    return get_collection(lib, collection_id)


def rename_collection(lib: Library, collection_id: int, name: str,
                      *, initiator: object | None = None) -> Collection:
    get_collection(lib, collection_id)
    name = clean_text(name)
    if not name.strip():
        raise VsrError("error.collection.no_name")
    with lib.write(Change(Entity.COLLECTION, Action.UPDATED, (collection_id,), initiator=initiator)):
        lib.conn.execute("UPDATE collections SET name = ?, updated_at = ? WHERE id = ?",
                         (name.strip(), now_iso(), collection_id))
    return get_collection(lib, collection_id)


def delete_collection(lib: Library, collection_id: int, *, reason: str = "user",
                      initiator: object | None = None) -> None:
    """Delete the collection and its clips (not the files exported from it: see
    `vsr.library.retention` and `vsr.library.exported` for those); audited."""
    collection = get_collection(lib, collection_id)
    clips = list_clips(lib, collection_id)
    with lib.write(Change(Entity.COLLECTION, Action.REMOVED, (collection_id,), initiator=initiator)):
        lib.conn.execute("DELETE FROM collections WHERE id = ?", (collection_id,))
        audit(lib, AuditAction.COLLECTION_DELETED, subject_of("collection", collection_id),
              purpose=collection.purpose.value, clips=len(clips), reason=reason)


def _touch(lib: Library, collection_id: int) -> None:
    lib.conn.execute("UPDATE collections SET updated_at = ? WHERE id = ?",
                     (now_iso(), collection_id))


# -- clips ---------------------------------------------------------------------------------

def get_clip(lib: Library, clip_id: int) -> CollectionClip:
    rows = lib.query("SELECT * FROM collection_clips WHERE id = ?", (clip_id,))
    if not rows:
        raise NotFoundError(what="what.clip", ident=clip_id)
    return clip_from_row(rows[0])


def list_clips(lib: Library, collection_id: int) -> list[CollectionClip]:
    rows = lib.query("SELECT * FROM collection_clips WHERE collection_id = ?"
                     " ORDER BY position, id", (collection_id,))
    return [clip_from_row(r) for r in rows]


def clips_from_recording(lib: Library, recording_id: int,
                         purpose: Purpose | str | None = None) -> list[CollectionClip]:
    """The clips cut from a recording, in collections of one purpose (or any)."""
    sql = ("SELECT c.* FROM collection_clips c JOIN collections k ON k.id = c.collection_id"
           " WHERE c.recording_id = ?")
    params: tuple[object, ...] = (recording_id,)
    if purpose is not None:
        sql += " AND k.purpose = ?"
        params += (str(parse_purpose(purpose)),)
    return [clip_from_row(r) for r in lib.query(sql + " ORDER BY c.collection_id, c.position",
                                                params)]


def _checked_range(lib: Library, recording_id: int, start_ms: int, end_ms: int) -> tuple[int, int]:
    rows = lib.query("SELECT duration_ms FROM recordings WHERE id = ?", (recording_id,))
    if not rows:
        raise NotFoundError(what="what.recording", ident=recording_id)
    duration = int(rows[0]["duration_ms"] or 0)  # type: ignore[call-overload]
    start, end = int(start_ms), int(end_ms)
    if start < 0 or end <= start or (duration and start >= duration):
        raise VsrError("error.collection.bad_range", start=clock(start, exact=True),
                       end=clock(end, exact=True), duration=clock(duration, exact=True))
    return start, min(end, duration) if duration else end


def add_clip(
    lib: Library,
    collection_id: int,
    recording_id: int,
    start_ms: int,
    end_ms: int,
    *,
    title: str = "",
    questions: list[str] | tuple[str, ...] | None = None,
    marker_id: int | None = None,
    include_reflections: bool = False,
    today: date | None = None,
    initiator: object | None = None,
) -> CollectionClip:
    """Append a clip; refused (ConsentError) without valid consent for the collection's purpose.
    questions=None gives the method's default questions; [] gives none. include_reflections
    needs a marker whose review allows sharing its gespreksbladen (else VsrError)."""
    collection = get_collection(lib, collection_id)
    require_consent(lib, recording_id, collection.purpose, today=today)
    if include_reflections:
        _require_sharing(lib, marker_id)
    start, end = _checked_range(lib, recording_id, start_ms, end_ms)
    texts = default_questions() if questions is None else tuple(_clean_questions(questions))
    with lib.write() as changes:
        position = int(lib.conn.execute(
            "SELECT COALESCE(MAX(position) + 1, 0) FROM collection_clips WHERE collection_id = ?",
            (collection_id,)).fetchone()[0])
        cur = lib.conn.execute(
            "INSERT INTO collection_clips (collection_id, recording_id, marker_id, position,"
            " start_ms, end_ms, title, questions, include_reflections, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (collection_id, recording_id, marker_id, position, start, end, clean_text(title).strip(),
             json.dumps(list(texts), ensure_ascii=False), int(include_reflections), now_iso()))
        clip_id = int(cur.lastrowid or 0)
        _touch(lib, collection_id)
        changes.append(Change(Entity.CLIP, Action.ADDED, (clip_id,), initiator=initiator))
    return get_clip(lib, clip_id)


def add_clip_from_marker(
    lib: Library,
    collection_id: int,
    marker_id: int,
    *,
    lead_ms: int = 5000,
    lag_ms: int = 5000,
    title: str | None = None,
    questions: list[str] | tuple[str, ...] | None = None,
    include_reflections: bool = False,
    today: date | None = None,
    initiator: object | None = None,
) -> CollectionClip:
    """A clip from a marker: a range marker as it is; a point marker from lead_ms before to
    lag_ms after it. The default title is the marker's theme (and sub-topic)."""
    marker = get_marker(lib, marker_id)
    rec_rows = lib.query("SELECT recording_id FROM reviews WHERE id = ?", (marker.review_id,))
    recording_id = int(rec_rows[0]["recording_id"])  # type: ignore[call-overload]
    if marker.end_ms is not None and marker.end_ms > marker.start_ms:
        start, end = marker.start_ms, marker.end_ms
    else:
        start, end = max(0, marker.start_ms - max(0, lead_ms)), marker.start_ms + max(1, lag_ms)
    if title is None:
        card = theme_card(marker.theme) if marker.theme else None
        parts = [card.title] if card else []
        if card and marker.subtopic:
            parts.append(subtopic_title(marker.theme, marker.subtopic))
        title = " – ".join(parts)
    return add_clip(lib, collection_id, recording_id, start, end, title=title,
                    questions=questions, marker_id=marker_id,
                    include_reflections=include_reflections, today=today,
                    initiator=initiator)


def move_clip(lib: Library, clip_id: int, position: int,
              *, initiator: object | None = None) -> list[CollectionClip]:
    """Move a clip to `position` (0 first; clamped); the others close up. Returns the order."""
    clip = get_clip(lib, clip_id)
    order = [c.id for c in list_clips(lib, clip.collection_id) if c.id != clip_id]
    order.insert(max(0, min(position, len(order))), clip_id)
    with lib.write(Change(Entity.CLIP, Action.UPDATED, tuple(order), initiator=initiator)):
        for index, ident in enumerate(order):
            lib.conn.execute("UPDATE collection_clips SET position = ? WHERE id = ?",
                             (index, ident))
        _touch(lib, clip.collection_id)
    return list_clips(lib, clip.collection_id)


def _update(lib: Library, clip_id: int, initiator: object | None, sql: str,
            params: tuple[object, ...]) -> CollectionClip:
    clip = get_clip(lib, clip_id)
    with lib.write(Change(Entity.CLIP, Action.UPDATED, (clip_id,), initiator=initiator)):
        lib.conn.execute(f"UPDATE collection_clips SET {sql} WHERE id = ?", (*params, clip_id))
        _touch(lib, clip.collection_id)
    return get_clip(lib, clip_id)


def trim_clip(lib: Library, clip_id: int, start_ms: int, end_ms: int,
              *, initiator: object | None = None) -> CollectionClip:
    clip = get_clip(lib, clip_id)
    start, end = _checked_range(lib, clip.recording_id, start_ms, end_ms)
    return _update(lib, clip_id, initiator, "start_ms = ?, end_ms = ?", (start, end))


def retitle_clip(lib: Library, clip_id: int, title: str,
                 *, initiator: object | None = None) -> CollectionClip:
    return _update(lib, clip_id, initiator, "title = ?", (clean_text(title).strip(),))


def set_clip_questions(lib: Library, clip_id: int, questions: list[str] | tuple[str, ...],
                       *, initiator: object | None = None) -> CollectionClip:
    texts = _clean_questions(questions)
    return _update(lib, clip_id, initiator, "questions = ?",
                   (json.dumps(texts, ensure_ascii=False),))


def _clean_questions(questions: list[str] | tuple[str, ...]) -> list[str]:
    cleaned = (clean_text(q).strip() for q in questions)
    return [q for q in cleaned if q]


def set_include_reflections(lib: Library, clip_id: int, include: bool,
                            *, initiator: object | None = None) -> CollectionClip:
    """Put the parties' gespreksblad beside the clip in a pack (or not). Turning it on is
    refused unless the clip's marker still exists and its review allows sharing."""
    if include:
        _require_sharing(lib, get_clip(lib, clip_id).marker_id)
    return _update(lib, clip_id, initiator, "include_reflections = ?", (int(include),))


def _marker_shares_reflections(lib: Library, marker_id: int | None) -> bool:
    if marker_id is None:
        return False
    rows = lib.query("SELECT review_id FROM markers WHERE id = ?", (marker_id,))
    return bool(rows) and shares_reflections(lib, int(str(rows[0]["review_id"])))


def _require_sharing(lib: Library, marker_id: int | None) -> None:
    if not _marker_shares_reflections(lib, marker_id):
        raise VsrError("error.clip.sharing_not_allowed")


def clip_may_include_reflections(lib: Library, clip: CollectionClip) -> bool:
    """The clip's marker still exists and its review allows sharing its gespreksbladen (asked
    again at every export, so turning sharing off later keeps them out)."""
    return _marker_shares_reflections(lib, clip.marker_id)


def remove_clip(lib: Library, clip_id: int, *, initiator: object | None = None
                ) -> CollectionClip:
    """Remove a clip from its collection (audited); returns it so undo can `restore_clip`."""
    clip = get_clip(lib, clip_id)
    with lib.write(Change(Entity.CLIP, Action.REMOVED, (clip_id,), initiator=initiator)):
        lib.conn.execute("DELETE FROM collection_clips WHERE id = ?", (clip_id,))
        _touch(lib, clip.collection_id)
        audit(lib, AuditAction.CLIPS_REMOVED, subject_of("collection", clip.collection_id),
              clips=[clip_id], recording_ids=[clip.recording_id], reason="user")
    return clip


def restore_clip(lib: Library, clip: CollectionClip, *, today: date | None = None,
                 initiator: object | None = None) -> CollectionClip:
    """Put a removed clip back (same id and place); consent is checked again."""
    collection = get_collection(lib, clip.collection_id)
    require_consent(lib, clip.recording_id, collection.purpose, today=today)
    marker_id = clip.marker_id
    if marker_id is not None and not lib.query("SELECT 1 FROM markers WHERE id = ?", (marker_id,)):
        marker_id = None  # the marker was deleted meanwhile; the clip keeps its own times
    with lib.write(Change(Entity.CLIP, Action.ADDED, (clip.id,), initiator=initiator)):
        lib.conn.execute(
            "UPDATE collection_clips SET position = position + 1"
            " WHERE collection_id = ? AND position >= ?", (clip.collection_id, clip.position))
        lib.conn.execute(
            "INSERT INTO collection_clips (id, collection_id, recording_id, marker_id, position,"
            " start_ms, end_ms, title, questions, include_reflections, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (clip.id, clip.collection_id, clip.recording_id, marker_id, clip.position,
             clip.start_ms, clip.end_ms, clip.title,
             json.dumps(list(clip.questions), ensure_ascii=False),
             int(clip.include_reflections), clip.created_at))
        _touch(lib, clip.collection_id)
    return get_clip(lib, clip.id)
