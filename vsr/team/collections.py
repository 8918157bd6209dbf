"""Sharing a collection (a coach's clips for intervisie, a trainer's exercise set) with a team,
and receiving collections shared with you.

The same rules as a shared review (vsr.team.schema, migration 4): every clip's recording needs
the client's consent for the collection's purpose, here on the laptop and again at the source;
a recording of your own is encrypted into the media folder like a shared review's; a recording
you received from the team (vsr.team.received) is not sent again: its clip refers to the team's
copy, and the database allows it only when that recording is shared with the same team for the
same purpose (a clip never takes a recording to a team or purpose the professional did not
choose). Withdrawal at the source takes the recording's clips out of every collection.

What leaves the laptop per clip: its recording (encrypted, once), its times, its title and its
questions with the names the library knows replaced. Never the clip's reflections (B)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vsr.errors import VsrError
from vsr.team.connection import TeamError
from vsr.team.sharing import TEAM_PURPOSES, _call, team_recording_id, upload_recording

if TYPE_CHECKING:
    import psycopg

    from vsr.library.db import Library


@dataclass(frozen=True, slots=True)
class SharedCollection:
    id: str
    title: str
    purpose: str
    team: str
    shared_by: str
    shared_at: datetime
    clips: int


def _received_recordings(lib: Library) -> set[int]:
    """The local recordings that came from the team library (received shares)."""
    from vsr.team.received import received

    return {int(e["recording_id"]) for e in received(lib).values() if "recording_id" in e}


def share_collection(lib: Library, conn: psycopg.Connection[Any], media: Path,
                     collection_id: int, team: str, *, today: date | None = None,
                     progress: Callable[[int], None] | None = None) -> str:
    """Share a local collection with a team for the collection's purpose; the shared id."""
    from vsr.anonymise.known import collection_names
    from vsr.library.audit import audit, subject_of
    from vsr.library.collections import get_collection, list_clips
    from vsr.library.consent import require_consent
    from vsr.library.recordings import get_recording

    collection = get_collection(lib, collection_id)
    purpose = collection.purpose.value
    if purpose not in TEAM_PURPOSES:
        raise VsrError("error.team.purpose", purpose=purpose)
    clips = list_clips(lib, collection_id)
    if not clips:
        raise TeamError("error.team.collection_empty")
    recordings = sorted({c.recording_id for c in clips})
    consents = {r: require_consent(lib, r, purpose, today=today) for r in recordings}
    replace = collection_names(lib, collection_id, recordings)
    title = replace(collection.name)[:300] or "-"
    from_team = _received_recordings(lib)
    team_ids: dict[int, str] = {}
    uploaded: list[Path] = []
    try:
        for rec in recordings:
            if rec in from_team:  # the team's own copy: refer to it, send nothing
                team_ids[rec] = team_recording_id(get_recording(lib, rec).fingerprint)
                continue
            team_ids[rec], target = upload_recording(
                lib, conn, media, rec, purpose, consents[rec], title, progress=progress)
            uploaded.append(target)
        payload = [{"recording_id": team_ids[c.recording_id], "start_ms": c.start_ms,
                    "end_ms": c.end_ms, "title": replace(c.title)[:300],
                    "questions": [replace(q) for q in c.questions]} for c in clips]
        rows = _call(conn, "SELECT vsr_team.share_collection(%s, %s, %s, %s)",
                     (team, purpose, title, json.dumps(payload)))
    except BaseException:
        for target in uploaded:
            target.unlink(missing_ok=True)
        raise
    shared_id = str(rows[0][0])
    audit(lib, "team.collection_shared", subject_of("collection", collection_id), team=team,
          purpose=purpose, shared=shared_id, clips=len(clips))
    return shared_id


def list_shared_collections(conn: psycopg.Connection[Any], limit: int = 200
                            ) -> list[SharedCollection]:
    """The collections shared with you (and yours), newest first."""
    rows = _call(conn, "SELECT id, title, purpose, team, shared_by, shared_at, clips"
                       " FROM vsr_team.list_collections(%s)", (limit,))
    return [SharedCollection(str(r[0]), r[1], r[2], r[3], r[4], r[5], int(r[6])) for r in rows]


def open_shared_collection(conn: psycopg.Connection[Any], collection_id: str) -> dict[str, Any]:
    """A shared collection's clips, each with its recording's place in the media folder and key
    (logged by the database). Clips whose consent no longer holds are not there."""
    try:
        uuid.UUID(collection_id)
    except ValueError as exc:
        raise TeamError("error.team.not_shared", detail=collection_id) from exc
    rows = _call(conn, "SELECT vsr_team.open_collection(%s)", (collection_id,))
    value: dict[str, Any] = rows[0][0]
    return value


def remove_shared_collection(conn: psycopg.Connection[Any], collection_id: str) -> bool:
    """Stop sharing a collection of your own; False when there was none to remove."""
    rows = _call(conn, "SELECT vsr_team.remove_collection(%s)", (collection_id,))
    return bool(rows[0][0])
