"""A review shared with me, received into the local library so the normal review window can
play it, show its moments on the timeline and cut clips.

Decision: a received review is an ordinary local review whose title starts with "Ontvangen van
team" (translated), on a recording decrypted into the private cache (`~/.cache/vsr/team`,
0600). The link between the share and the local review lives in a small private file beside
the library (the received list). At every connect (`forget_gone`) each received review whose
share is no longer visible to me (withdrawn, retention passed, removed from the team) is
deleted with its recording and its cached file: the local copy never outlives the share."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vsr.i18n import translate
from vsr.team.sharing import fetch_media, list_shared, open_shared

if TYPE_CHECKING:
    import psycopg

    from vsr.library.db import Library

def received_path(lib: Library) -> Path:
    return Path(lib.path).with_name(Path(lib.path).name + ".team-received.json")


def received(lib: Library) -> dict[str, dict[str, Any]]:
    """share id -> {"review_id", "recording_id", "file"} for what was received here."""
    try:
        value = json.loads(received_path(lib).read_text("utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _save(lib: Library, entries: dict[str, dict[str, Any]]) -> None:
    from vsr.app_dirs import PRIVATE_FILE

    path = received_path(lib)
    tmp = path.with_name(path.name + ".part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(entries, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def default_cache() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("vsr", appauthor=False)) / "team"


def receive(lib: Library, conn: psycopg.Connection[Any], media: Path, share_id: str,
            cache: Path | None = None, progress: Callable[[float], None] | None = None) -> int:
    """Open a share into the local library (once); the local review's id. `progress` gets
    the fraction of the recording decrypted."""
    from vsr.library.reviews import get_review

    known = received(lib).get(share_id)
    if known is not None:
        try:
            return get_review(lib, int(known["review_id"])).id
        except Exception:  # noqa: BLE001 - the local copy was deleted: receive it again
            pass
    item = open_shared(conn, share_id)
    if not item.get("team"):  # a server before migration 3 does not say
        item["team"] = _team_of(conn, share_id)
    target = (cache or default_cache()) / f"{share_id}.mp4"
    size = max(1, int(item.get("media_size") or 1))
    fetch_media(item, media, target,
                None if progress is None else lambda done: progress(min(1.0, done / size)))
    review_id, recording_id = _into_library(lib, item, target)
    entries = received(lib)
    entries[share_id] = {"review_id": review_id, "recording_id": recording_id,
                         "file": str(target)}
    _save(lib, entries)
    return review_id


def _team_of(conn: psycopg.Connection[Any], share_id: str) -> str:
    """The team a share is in (open_share does not say; the list does)."""
    offset = 0
    while page := list_shared(conn, 200, offset):
        for item in page:
            if item.id == share_id:
                return item.team
        offset += len(page)
    return "-"


def _into_library(lib: Library, item: dict[str, Any], file: Path) -> tuple[int, int]:
    from vsr.library import markers as mk
    from vsr.library import reviews as rv
    from vsr.library import sheets as sh
    from vsr.library.consent import grant_consent
    from vsr.library.recordings import add_recording

    rec, _ = add_recording(lib, file)
    title = translate("team.received.title", team=str(item.get("team", "")),
                      title=str(item.get("title", "")))
    review = rv.create_review(lib, rec.id, title=title)
    # The consent lives at the source; here it is what lets the coach cut clips for the share's
    # purpose. It goes with the recording when the share is gone (forget_gone).
    grant_consent(lib, rec.id, str(item["purpose"]),
                  given_by=translate("team.received.consent_by", team=str(item.get("team", ""))),
                  recognisable=bool(item.get("recognisable")))
    party_of = {p.role.value: p.id for p in rv.list_parties(lib, review.id)}
    for m in item.get("moments", []):
        party = party_of.get(str(m.get("party")), next(iter(party_of.values())))
        marker = mk.add_marker(lib, party, int(m["start_ms"]),
                               None if m.get("end_ms") is None else int(m["end_ms"]))
        what = " — ".join(t for t in (str(m.get("theme") or ""), str(m.get("what_happened") or ""))
                          if t)
        for field, text in ((sh.SheetField.WHAT_HAPPENED, what),
                            (sh.SheetField.KEEP_OR_CHANGE, str(m.get("keep_or_change") or ""))):
            if text:
                sh.set_field(lib, marker.id, field, text)
        if m.get("reflections"):
            sh.set_field(lib, marker.id, sh.SheetField.TO_ME, str(m["reflections"]), party)
    return review.id, rec.id


def forget_gone(lib: Library, conn: psycopg.Connection[Any]) -> list[int]:
    """Delete each received review (recording and cached file too) whose share I can no longer
    see; the ids of the reviews deleted."""
    entries = received(lib)
    if not entries:
        return []
    visible: set[str] = set()
    offset = 0
    while page := list_shared(conn, 200, offset):
        visible |= {i.id for i in page}
        offset += len(page)
    removed = []
    for share_id in [s for s in entries if s not in visible]:
        entry = entries.pop(share_id)
        _remove_local(lib, entry)
        removed.append(int(entry["review_id"]))
    _save(lib, entries)
    return removed


def _remove_local(lib: Library, entry: dict[str, Any]) -> None:
    from vsr.library.audit import audit, subject_of
    from vsr.library.changes import Action, Change, Entity

    recording_id = int(entry["recording_id"])
    Path(str(entry["file"])).unlink(missing_ok=True)
    with lib.write(Change(Entity.RECORDING, Action.REMOVED, (recording_id,))):
        lib.conn.execute("DELETE FROM recordings WHERE id = ?", (recording_id,))
        audit(lib, "team.received_removed", subject_of("recording", recording_id),
              review=int(entry["review_id"]))
