"""Sharing a review with a team, and receiving what is shared with you.

Sharing is an explicit step (no background sync): the professional's program checks the local
consent for the purpose, encrypts the recording with a new key into the team's media store,
and hands the moments and the key to the database, where consent, retention and the log then
live. What may be seen is decided by the database (see vsr.team.schema), not by this program.

What leaves the laptop: the recording (encrypted), a neutral title, the parties by role only
(never their names), and each moment's time, theme and gespreksblad text with the names the
library knows replaced. B (what it did to each party) goes only when the review allows sharing
reflections. Moments hidden by independent marking never go."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vsr.errors import VsrError
from vsr.team.connection import TeamError, _first_line
from vsr.team.media_crypto import decrypt_file_checked, encrypt_file, new_key

if TYPE_CHECKING:
    import psycopg

    from vsr.library.db import Library

RECORDING_NAMESPACE = uuid.UUID("6f1c2f8e-2b0c-4c47-9d51-5a6a9c1f7e21")
TEAM_PURPOSES = ("intervisie", "training")
Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class SharedItem:
    id: str
    title: str
    purpose: str
    team: str
    shared_by: str
    shared_at: datetime
    recording_id: str
    duration_ms: int
    moments: int


@dataclass(frozen=True, slots=True)
class TeamHit:
    share_id: str
    title: str
    team: str
    start_ms: int
    end_ms: int | None
    party: str
    snippet: str


@dataclass(frozen=True, slots=True)
class Withdrawn:
    shares_removed: int
    key_deleted: bool
    media_removed: bool


def _call(conn: psycopg.Connection[Any], sql: str, params: tuple[Any, ...] = ()
          ) -> list[tuple[Any, ...]]:
    """Run an API call; the database's refusals become sentences."""
    import psycopg

    try:
        return conn.execute(sql, params).fetchall()
    except psycopg.Error as exc:
        state = getattr(exc, "sqlstate", None) or ""
        key = _REFUSALS.get(state, "error.team.refused")
        raise TeamError(key, detail=_first_line(exc)) from exc


# SQLSTATEs of the API's own refusals (vsr.team.schema) and of the database's.
_REFUSALS = {"VT001": "error.team.no_team", "VT002": "error.team.not_shared",
             "VT003": "error.team.not_owner", "VT004": "error.team.clip_not_allowed",
             "VT005": "error.team.collection_empty", "42501": "error.team.not_allowed",
             "08000": "error.team.unreachable", "08003": "error.team.unreachable",
             "08006": "error.team.unreachable", "57P01": "error.team.unreachable"}


def team_recording_id(fingerprint: str) -> str:
    """The recording's id in the team library: from its content, not its name or folder."""
    return str(uuid.uuid5(RECORDING_NAMESPACE, fingerprint))


def _moments_payload(lib: Library, review_id: int
                     ) -> tuple[list[dict[str, Any]], list[str], Callable[[str], str]]:
    from vsr.anonymise.known import review_names
    from vsr.interop.moments import gather_review
    from vsr.library.reviews import shares_reflections

    data = gather_review(lib, review_id)  # refuses while moments are hidden (apart markeren)
    replace = review_names(lib, review_id)
    with_b = shares_reflections(lib, review_id)
    roles = [p.role.value for p in data.parties]
    moments = []
    for m in data.moments:
        sheet = m.sheet
        reflections = ""
        if with_b:
            reflections = " ".join(f"{r.to_me} {r.to_other}".strip()
                                   for r in sheet.reflections.values()).strip()
        moments.append({
            "start_ms": m.marker.start_ms, "end_ms": m.marker.end_ms, "party": m.party.role.value,
            # A sub-topic the parties added, or a theme text an ELAN file gave, is free text.
            "theme": replace(" ".join(t for t in (m.theme_title, m.subtopic_title) if t)),
            "what_happened": replace(sheet.what_happened),
            "reflections": replace(reflections),
            "keep_or_change": replace(sheet.keep_or_change)})
    return moments, roles, replace


@dataclass(frozen=True, slots=True)
class SharePreview:
    """What sharing a review would send (shown before it is sent)."""

    title: str  # neutral: the names the library knows replaced
    roles: tuple[str, ...]  # the parties by role, never by name
    moments: tuple[dict[str, Any], ...]
    with_reflections: bool  # B (what it did to each party) goes along


def preview_share(lib: Library, review_id: int) -> SharePreview:
    """What would leave the laptop; refuses like sharing does (hidden moments)."""
    from vsr.library.reviews import get_review, shares_reflections

    moments, roles, replace = _moments_payload(lib, review_id)
    return SharePreview(replace(get_review(lib, review_id).title)[:300] or "-", tuple(roles),
                        tuple(moments), shares_reflections(lib, review_id))


def my_teams(conn: psycopg.Connection[Any]) -> list[tuple[str, str]]:
    """The teams the user is in, with their function there: (team, function)."""
    return [(str(t), str(f)) for t, f in _call(conn, "SELECT team, function FROM vsr_team.my_teams()")]


def share_review(lib: Library, conn: psycopg.Connection[Any], media: Path, review_id: int,
                 team: str, purpose: str, *, progress: Progress | None = None,
                 today: date | None = None) -> str:
    """Share a review with a team for a purpose; the id of the shared item."""
    from vsr.library.audit import audit, subject_of
    from vsr.library.consent import require_consent
    from vsr.library.recordings import get_recording
    from vsr.library.reviews import get_review

    if purpose not in TEAM_PURPOSES:
        raise VsrError("error.team.purpose", purpose=purpose)
    review = get_review(lib, review_id)
    consent = require_consent(lib, review.recording_id, purpose, today=today)
    assert consent is not None  # intervisie and training always need one
    recording = get_recording(lib, review.recording_id)
    moments, roles, replace = _moments_payload(lib, review_id)
    replace_title = replace(review.title)[:300]
    rec_id, target = upload_recording(lib, conn, media, recording.id, purpose, consent,
                                      replace_title or "-", progress=progress)
    try:
        rows = _call(conn, "SELECT vsr_team.share_review(%s, %s, %s, %s, %s, %s)",
                     (rec_id, team, purpose, replace_title or "-", json.dumps(roles),
                      json.dumps(moments)))
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    share_id = str(rows[0][0])
    audit(lib, "team.shared", subject_of("review", review_id), team=team, purpose=purpose,
          share=share_id, moments=len(moments))
    return share_id


def upload_recording(lib: Library, conn: psycopg.Connection[Any], media: Path, recording_id: int,
                     purpose: str, consent: Any, label: str, *, progress: Progress | None = None
                     ) -> tuple[str, Path]:
    """Encrypt a local recording with a new key into the media folder and hand the database
    its key, retention and the consent for `purpose`: (team recording id, encrypted file).
    The file is removed again when the database refuses."""
    from vsr.library.recordings import get_recording
    from vsr.library.retention import recording_keep_until

    recording = get_recording(lib, recording_id)
    source = Path(recording.path)
    if not source.is_file():
        raise VsrError("error.recording.missing", path=source.name)
    rec_id = team_recording_id(recording.fingerprint)
    key = new_key()
    ref = f"{uuid.uuid4().hex}{uuid.uuid4().hex}.vsrmedia"
    target = media / ref
    # The recording's own tags (title "Intake Fatma", artist, GPS) stay here: the team gets a
    # neutral label and the parties by role (vsr.media.tags; pictures and sound untouched).
    from vsr.media.tags import tag_patches

    try:
        digest = encrypt_file(source, target, key, progress=progress,
                              patches=tag_patches(source))
    except OSError as exc:
        raise TeamError("error.team.media_write", folder=str(media), detail=str(exc)) from exc
    try:
        _call(conn, "SELECT vsr_team.put_recording(%s, %s, %s, %s, %s, %s, %s, %s)",
              (rec_id, label, recording.duration_ms, ref, target.stat().st_size,
               digest, recording_keep_until(lib, recording.id), key))
        _call(conn, "SELECT vsr_team.put_consent(%s, %s, %s, %s, %s)",
              (rec_id, purpose, consent.given_on, consent.until, consent.recognisable))
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return rec_id, target


def list_shared(conn: psycopg.Connection[Any], limit: int = 200, offset: int = 0
                ) -> list[SharedItem]:
    """What is shared with you (and what you shared), newest first, a page at a time."""
    rows = _call(conn, "SELECT id, title, purpose, team, shared_by, shared_at, recording_id,"
                       " duration_ms, moments FROM vsr_team.list_shares(%s, %s)", (limit, offset))
    return [SharedItem(str(r[0]), r[1], r[2], r[3], r[4], r[5], str(r[6]), int(r[7]), int(r[8]))
            for r in rows]


def search_team(conn: psycopg.Connection[Any], words: str, limit: int = 200
                ) -> tuple[list[TeamHit], int]:
    """Moments across everything shared with you, by Dutch words; (hits, total found)."""
    rows = _call(conn, "SELECT share_id, title, team, start_ms, end_ms, party, snippet, total"
                       " FROM vsr_team.search(%s, %s)", (words, limit))
    hits = [TeamHit(str(r[0]), r[1], r[2], int(r[3]), None if r[4] is None else int(r[4]), r[5],
                    r[6]) for r in rows]
    return hits, int(rows[0][7]) if rows else 0


def open_shared(conn: psycopg.Connection[Any], share_id: str) -> dict[str, Any]:
    """A shared review's moments and media reference (logged by the database)."""
    try:
        uuid.UUID(share_id)
    except ValueError as exc:
        raise TeamError("error.team.not_shared", detail=share_id) from exc
    rows = _call(conn, "SELECT vsr_team.open_share(%s)", (share_id,))
    value: dict[str, Any] = rows[0][0]
    return value


def media_source(item: dict[str, Any], media: Path) -> Path:
    """The encrypted file of an opened share in the media store, checked to be there whole
    (its size; the sha256 is checked as it is decrypted); TeamError in words when it is not."""
    source = media / str(item["media_ref"])
    if not item.get("key"):
        raise TeamError("error.team.key_gone")
    if not source.is_file():
        raise TeamError("error.team.media_missing", folder=str(media))
    if source.stat().st_size != int(item["media_size"]):
        raise TeamError("error.team.media_damaged")
    return source


def fetch_media(item: dict[str, Any], media: Path, target: Path,
                progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None) -> Path:
    """Decrypt a shared recording from the media store into `target` (a private file).
    `cancelled()` true stops it (vsr.media.tasks.Cancelled); nothing is left behind."""
    from vsr.app_dirs import private_dir
    from vsr.media.tasks import check_cancel

    source = media_source(item, media)
    private_dir(target.parent)

    def step(done: int) -> None:
        check_cancel(cancelled)
        if progress is not None:
            progress(done)

    tmp = target.with_name(target.name + ".part")
    try:  # the file's sha256 is checked in the same read as it is decrypted
        with open(tmp, "wb", opener=_private_opener) as dst:
            decrypt_file_checked(source, dst, bytes.fromhex(str(item["key"])),
                                 str(item["media_sha256"]), progress=step)
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def share_holds(conn: psycopg.Connection[Any], share_id: str) -> bool:
    """Is the share still there for me (consent, retention, my teams: the member rule of
    open_share)? Asked again and again while a shared recording plays, so it reads one row and
    writes no log (opening it was logged). A server before schema version 5: the list."""
    import psycopg

    try:
        rows = conn.execute("SELECT vsr_team.share_holds(%s)", (share_id,)).fetchall()
    except psycopg.errors.UndefinedFunction:
        offset = 0
        while page := list_shared(conn, 200, offset):
            if any(i.id == share_id for i in page):
                return True
            offset += len(page)
        return False
    except psycopg.Error as exc:
        state = getattr(exc, "sqlstate", None) or ""
        raise TeamError(_REFUSALS.get(state, "error.team.refused"),
                        detail=_first_line(exc)) from exc
    return bool(rows and rows[0][0])


def _private_opener(path: str, flags: int) -> int:
    import os

    return os.open(path, flags, 0o600)


def withdraw(lib: Library | None, conn: psycopg.Connection[Any], media: Path | None,
             recording_id: str, purpose: str) -> Withdrawn:
    """Withdraw consent for a purpose at the source: shares gone for everyone, and when no
    consent is left the key is deleted and the encrypted file removed from the store."""
    rows = _call(conn, "SELECT shares_removed, key_deleted, media_ref FROM vsr_team.withdraw(%s, %s)",
                 (recording_id, purpose))
    removed, key_deleted, ref = int(rows[0][0]), bool(rows[0][1]), rows[0][2]
    media_removed = False
    if key_deleted and media is not None and ref:
        path = media / str(ref)
        media_removed = path.is_file()
        path.unlink(missing_ok=True)
    if lib is not None:
        from vsr.library.audit import audit

        audit(lib, "team.withdrawn", f"team-recording:{recording_id}", purpose=purpose,
              shares=removed, key_deleted=key_deleted)
    return Withdrawn(removed, key_deleted, media_removed)


def purge_expired(conn: psycopg.Connection[Any], media: Path | None) -> int:
    """Remove what retention or lapsed consent no longer allows; the number of recordings."""
    rows = _call(conn, "SELECT recording_id, media_ref FROM vsr_team.purge_expired()")
    for _rec, ref in rows:
        if media is not None and ref:
            (media / str(ref)).unlink(missing_ok=True)
    return len(rows)


def add_team(conn: psycopg.Connection[Any], name: str) -> None:
    """(Administrator) a team."""
    _call(conn, "INSERT INTO vsr_team.team (name) VALUES (%s) ON CONFLICT (name) DO NOTHING"
                " RETURNING id", (name,))


def add_member(conn: psycopg.Connection[Any], team: str, role: str, function: str) -> None:
    """(Administrator) a role (a person's log-in or an organisation group) in a team."""
    from psycopg import sql

    if function not in ("professional", "coach", "trainer"):
        raise VsrError("error.team.function", function=function)
    group = sql.Identifier(f"vsr_{function}")
    if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone() is None:
        raise TeamError("error.team.no_role", role=role)
    _call(conn, "INSERT INTO vsr_team.member (team_id, member, function)"
                " SELECT id, %s, %s FROM vsr_team.team WHERE name = %s ON CONFLICT DO NOTHING"
                " RETURNING team_id", (role, function, team))
    conn.execute(sql.SQL("GRANT {} TO {}").format(group, sql.Identifier(role)))


def read_log(conn: psycopg.Connection[Any], limit: int = 1000) -> list[tuple[Any, ...]]:
    return _call(conn, "SELECT id, at, db_role, workstation, client_addr, action, recording_id,"
                       " share_id, detail FROM vsr_team.read_log(%s)", (limit,))
