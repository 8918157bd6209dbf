"""A review shared with me, received into the local library so the normal review window can
play it, show its moments on the timeline and cut clips.

Decision: a received review is an ordinary local review whose title starts with "Ontvangen van
team" (translated), on a recording decrypted into the private cache (`~/.cache/vsr/team`,
0600). The review goes into the library before its recording is here (`open_incoming` reads
on a worker, `put_incoming` writes): the window plays it from the team's store meanwhile
(vsr.team.media_server; ui/team/playback.py) while `fill_cache` decrypts it into the cache,
and `cache_complete` records what its probe found. The link between the share and the local
review lives in a small private file beside the library (the received list). At every
connect (`forget_gone`) each received review whose share is no longer visible to me
(withdrawn, retention passed, removed from the team) is deleted with its recording and its
cached file: the local copy never outlives the share."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vsr.i18n import translate
from vsr.team.connection import TeamError
from vsr.team.media_crypto import ChunkReader
from vsr.team.sharing import fetch_media, list_shared, media_source, open_shared

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    import psycopg

    from vsr.library.db import Library
    from vsr.model import ProbeResult

def received_path(lib: Library) -> Path:
    return Path(lib.path).with_name(Path(lib.path).name + ".team-received.json")


def received(lib: Library) -> dict[str, dict[str, Any]]:
    """share id -> {"review_id", "recording_id", "file"} for what was received here."""
    try:
        value = json.loads(received_path(lib).read_text("utf-8"))
    except (OSError, ValueError, RecursionError):  # damaged: the log has the receipts too
        return {}
    return value if isinstance(value, dict) else {}


def _save(lib: Library, entries: dict[str, dict[str, Any]]) -> None:
    """The list, atomically. One that cannot be written (a full disk) is logged, not raised:
    the library's change is made, and the audit log has every receipt (`_with_logged`)."""
    from vsr.app_dirs import PRIVATE_FILE

    path = received_path(lib)
    tmp = path.with_name(path.name + ".part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(entries, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        log.warning("list of received shares not saved beside %s: %s", lib.path, exc)


def default_cache() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("vsr", appauthor=False)) / "team"


@dataclass(frozen=True, slots=True)
class Arriving:
    """A received review, in the library, whose recording may still be on its way into the
    private cache: it plays from the team's store (vsr.team.media_server) until `target` is
    there (`fill_cache`, then `cache_complete`)."""

    share_id: str
    review_id: int
    recording_id: int
    recording_path: Path  # where the library's row says the recording is
    target: Path  # the decrypted recording in the private cache
    item: dict[str, Any]  # what open_shared returned: the key, the media reference, its sha256
    media: Path  # the team's media folder

    @property
    def here(self) -> bool:
        """The recording is on this computer (cached before, or the same recording was in the
        library already): nothing to stream or fill."""
        return self.recording_path.is_file()

    @property
    def source(self) -> Path:
        """The encrypted file in the media store (checked: there, whole)."""
        return media_source(self.item, self.media)

    @property
    def key(self) -> bytes:
        return _key(self.item)


@dataclass(frozen=True, slots=True)
class Incoming:
    """An opened share, read but not yet in the library (`open_incoming`): a worker reads, the
    window writes (`put_incoming`, through its one edit path). `arriving` when it was received
    here before (nothing to write)."""

    share_id: str
    item: dict[str, Any]
    media: Path
    target: Path
    fingerprint: str
    size: int
    arriving: Arriving | None = None

    @property
    def source(self) -> Path:
        return media_source(self.item, self.media)

    @property
    def key(self) -> bytes:
        return _key(self.item)


def open_incoming(lib: Library, conn: psycopg.Connection[Any], media: Path, share_id: str,
                  cache: Path | None = None) -> Incoming:
    """Open a share (checked and logged by the database) and read what its rows need before
    its recording is on this computer: the fingerprint from three chunks of the encrypted file
    (decrypted in memory; the same as the plain file's) and its size. Writes nothing. A share
    received here before comes back with its `arriving` (its cache complete or not)."""
    from vsr.library.recordings import get_recording
    from vsr.library.reviews import get_review
    from vsr.media.fingerprint import fingerprint_of

    item = open_shared(conn, share_id)
    if not item.get("team"):  # a server before migration 3 does not say
        item["team"] = _team_of(conn, share_id)
    target = (cache or default_cache()) / f"{share_id}.mp4"
    known = received(lib).get(share_id)
    if known is not None:
        try:
            review_id = get_review(lib, int(known["review_id"])).id
            recording = get_recording(lib, int(known["recording_id"]))
        except Exception:  # noqa: BLE001 - the local copy was deleted: receive it again
            pass
        else:
            arriving = Arriving(share_id, review_id, recording.id, Path(recording.path),
                                Path(str(known.get("file") or target)), item, media)
            if not arriving.here:
                _ = arriving.source  # refuse now (in words) what cannot play
            return Incoming(share_id, item, media, arriving.target, recording.fingerprint,
                            recording.size_bytes, arriving)
    reader = ChunkReader(media_source(item, media), _key(item))
    try:
        fingerprint = fingerprint_of(reader.size, reader.read)
        size = reader.size
    finally:
        reader.close()
    return Incoming(share_id, item, media, target, fingerprint, size)


def put_incoming(lib: Library, incoming: Incoming) -> Arriving:
    """Put an opened share's review into the library at once, before its recording is here:
    the recording row (its file: the place in the cache where `fill_cache` puts it; the
    share's length), the review, its moments and the local consent, in one transaction."""
    from vsr.library.recordings import add_arriving_recording, neutral_title
    from vsr.model import ProbeResult

    if incoming.arriving is not None:
        return incoming.arriving
    item, target = checked_share(incoming.item), incoming.target
    info = ProbeResult(duration_ms=max(0, int(item.get("duration_ms") or 0)), has_video=True,
                       has_audio=True)
    from vsr.library.audit import audit, subject_of
    from vsr.library.recordings import find_by_fingerprint

    with lib.write():  # one transaction (one flush to disk) for all the rows
        new = find_by_fingerprint(lib, incoming.fingerprint) is None
        recording = add_arriving_recording(lib, target, incoming.fingerprint, info,
                                           incoming.size, neutral_title(target))
        review_id = _into_library(lib, item, recording.id, with_consent=new)
        # What `forget_share` may delete again is what the log says came in here: the list of
        # received shares beside the library is no authority (see `_remove_local`).
        audit(lib, RECEIVED, subject_of("review", review_id), share=incoming.share_id,
              recording_received=new)
    entries = received(lib)
    entries[incoming.share_id] = {"review_id": review_id, "recording_id": recording.id,
                                  "file": str(target)}
    _save(lib, entries)  # when it cannot be, the log has the receipt (`_with_logged`)
    return Arriving(incoming.share_id, review_id, recording.id, Path(recording.path), target,
                    item, incoming.media)


def checked_share(item: dict[str, Any]) -> dict[str, Any]:
    """An opened share's values as the library may hold them, or TeamError
    ("error.team.share_invalid") naming the field: a team member can put any JSON in a share,
    and a start of "abc" or 2**63 ended the receipt in a traceback, a moment at 49 hours or
    past the recording's end, a title of 10 MB or a text of any length were stored as they
    were. The package's checks (vsr.review_package.checks) decide what fits."""
    from vsr.review_package import checks
    from vsr.review_package.archive import words

    def bad(place: object, field: str, problem: checks.Bad) -> TeamError:
        return TeamError("error.team.share_invalid",
                         place=words("package.place.field", place=place, field=field),
                         problem=words(problem.problem, **problem.params))

    out = dict(item)
    review = words("package.part.review")
    for field, check in (("title", checks.line), ("duration_ms", checks.ms)):
        try:
            if item.get(field) is not None:
                out[field] = check(item[field])
        except checks.Bad as problem:
            raise bad(review, field, problem) from problem
    moments = item.get("moments", [])
    if not isinstance(moments, list):
        raise bad(review, "moments", checks.Bad("package.problem.shape"))
    length = int(out.get("duration_ms") or 0)
    out["moments"] = []
    for n, moment in enumerate(moments, start=1):
        place = words("package.place.row", part=words("package.part.markers"), row=n)
        try:
            row = checks.plain(moment)
        except checks.Bad as problem:
            raise bad(place, "moments", problem) from problem
        row = dict(row)
        for field, check in (("start_ms", checks.ms), ("end_ms", checks.optional(checks.ms)),
                             ("theme", checks.optional(checks.text)),
                             ("what_happened", checks.optional(checks.text)),
                             ("keep_or_change", checks.optional(checks.text)),
                             ("reflections", checks.optional(checks.text))):
            try:
                if field == "start_ms" and field not in row:
                    raise checks.Bad("package.problem.missing")
                row[field] = check(row.get(field))
            except checks.Bad as problem:
                raise bad(place, field, problem) from problem
        end = row["end_ms"]
        if end is not None and end < row["start_ms"]:
            raise bad(place, "end_ms", checks.Bad("package.problem.end_before_start"))
        if length > 0 and max(row["start_ms"], end or 0) > length + 1000:
            raise bad(place, "end_ms" if end is not None and end > length + 1000
                      else "start_ms", checks.Bad("package.problem.after_end"))
        out["moments"].append(row)
    return out


def begin_receive(lib: Library, conn: psycopg.Connection[Any], media: Path, share_id: str,
                  cache: Path | None = None) -> Arriving:
    """`open_incoming` then `put_incoming`: the review in the library, its recording perhaps
    still to come (`fill_cache`)."""
    return put_incoming(lib, open_incoming(lib, conn, media, share_id, cache))


def _key(item: dict[str, Any]) -> bytes:
    if not item.get("key"):
        raise TeamError("error.team.key_gone")
    return bytes.fromhex(str(item["key"]))


def fill_cache(arriving: Arriving, progress: Callable[[float], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> ProbeResult:
    """Decrypt the recording into the cache (its sha256 checked in the same read; nothing
    half-written stays: vsr.media.tasks.Cancelled when `cancelled()`), then probe it in a child
    process; what the probe found, for `cache_complete`. Touches no library (a worker)."""
    from vsr.media.probe_child import probe_isolated

    if not arriving.target.is_file():
        size = max(1, int(arriving.item.get("media_size") or 1))
        fetch_media(arriving.item, arriving.media, arriving.target,
                    None if progress is None else lambda done: progress(min(1.0, done / size)),
                    cancelled)
    return probe_isolated(arriving.target)


def cache_complete(lib: Library, arriving: Arriving, info: ProbeResult) -> None:
    """The recording is in the cache: the library's row points at it, with what the probe
    found (the picture's size, frames per second, sound)."""
    from vsr.library.recordings import set_probed

    set_probed(lib, arriving.recording_id, arriving.target, info)


def receive(lib: Library, conn: psycopg.Connection[Any], media: Path, share_id: str,
            cache: Path | None = None, progress: Callable[[float], None] | None = None) -> int:
    """Open a share into the local library with its recording decrypted whole (the command
    line, the bench); the local review's id. `progress` gets the fraction decrypted."""
    arriving = begin_receive(lib, conn, media, share_id, cache)
    if not arriving.here:
        cache_complete(lib, arriving, fill_cache(arriving, progress))
    return arriving.review_id


def _team_of(conn: psycopg.Connection[Any], share_id: str) -> str:
    """The team a share is in (open_share does not say; the list does)."""
    offset = 0
    while page := list_shared(conn, 200, offset):
        for item in page:
            if item.id == share_id:
                return item.team
        offset += len(page)
    return "-"


def _into_library(lib: Library, item: dict[str, Any], recording_id: int, *,
                  with_consent: bool = True) -> int:
    """The review of a received share on `recording_id`: its title, the share's consent (only
    `with_consent`: a recording this library already had keeps its own consent state, as with
    a package; the share's overwrote the client's own consent here, its end date and who gave
    it) and its moments; the review's id."""
    from vsr.library import markers as mk
    from vsr.library import reviews as rv
    from vsr.library import sheets as sh
    from vsr.library.consent import grant_consent

    title = translate("team.received.title", team=str(item.get("team", "")),
                      title=str(item.get("title", "")))
    review = rv.create_review(lib, recording_id, title=title)
    # The consent lives at the source; here it is what lets the coach cut clips for the share's
    # purpose. It goes with the recording when the share is gone (forget_gone).
    if with_consent:
        grant_consent(lib, recording_id, str(item["purpose"]),
                      given_by=translate("team.received.consent_by",
                                         team=str(item.get("team", ""))),
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
    return review.id


def forget_gone(lib: Library, conn: psycopg.Connection[Any]) -> list[int]:
    """Delete each received review (recording and cached file too) whose share I can no longer
    see; the ids of the reviews deleted."""
    entries = _with_logged(lib, received(lib))
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
        if _remove_local(lib, share_id, entry):
            removed.append(int(entry["review_id"]))
    _save(lib, entries)
    return removed


def forget_share(lib: Library, share_id: str) -> int | None:
    """The share is gone (withdrawn, retention passed) while its review is open: delete the
    received review, its recording and its cached file (and a half-written one); the review's
    id, or None when it was not received here."""
    entries = _with_logged(lib, received(lib))
    entry = entries.pop(share_id, None)
    if entry is None:
        return None
    removed = _remove_local(lib, share_id, entry)
    _save(lib, entries)
    return int(entry["review_id"]) if removed else None


RECEIVED = "team.received"  # audit action: a share's review (and perhaps recording) came in


def _remove_local(lib: Library, share_id: str, entry: object) -> bool:
    """Delete a received review, and its recording and cached file when the recording came
    with the share. Only what the audit log says came in with this share goes: the list of
    received shares is a file beside the library, and it named the recording and the file
    to delete (a share of the coach's own recording, the same content already here, was put
    on that recording, and when the share went the coach's own recording went with all its
    reviews; a damaged or altered list could name any recording and any file). False when
    nothing was deleted."""
    from vsr.library.audit import audit, subject_of
    from vsr.library.changes import Action, Change, Entity

    try:
        if not isinstance(entry, dict):
            raise TypeError("not an entry")
        review_id = int(entry["review_id"])
    except (KeyError, TypeError, ValueError):
        log.warning("a damaged entry in the list of received reviews was left out")
        return False
    came = _came_with(lib, share_id, review_id)
    if came is None:
        came = _legacy(lib, share_id, review_id, entry)
    if came is None:
        log.warning("received review %s not removed: the log does not say it came in with a"
                    " share", review_id)
        return False
    recording_id, with_recording = came
    rec = lib.conn.execute("SELECT path FROM recordings WHERE id = ?",
                           (recording_id,)).fetchone()
    if with_recording and rec is not None:
        file = Path(str(rec[0]))
        if file.name == f"{share_id}.mp4" and not file.is_symlink():  # its place in the cache
            file.unlink(missing_ok=True)
            file.with_name(file.name + ".part").unlink(missing_ok=True)
        with lib.write(Change(Entity.RECORDING, Action.REMOVED, (recording_id,))):
            lib.conn.execute("DELETE FROM recordings WHERE id = ?", (recording_id,))
            audit(lib, "team.received_removed", subject_of("recording", recording_id),
                  review=review_id)
        return True
    with lib.write(Change(Entity.REVIEW, Action.REMOVED, (review_id,), review_id)):
        lib.conn.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
        audit(lib, "team.received_removed", subject_of("recording", recording_id),
              review=review_id, recording_kept=True)
    return True


def _with_logged(lib: Library, entries: dict[str, Any]) -> dict[str, Any]:
    """The list of received shares and, for a receipt the log has but the list lost (it could
    not be saved: a full disk; it was damaged), an entry of its own: a share withdrawn at the
    source must still go from here."""
    for share, subject in lib.conn.execute(
            "SELECT json_extract(a.details, '$.share'), a.subject FROM audit_log a"
            " JOIN reviews r ON a.subject = 'review:' || r.id WHERE a.action = ?",
            (RECEIVED,)).fetchall():
        if isinstance(share, str) and share not in entries:
            entries[share] = {"review_id": int(str(subject).partition(":")[2])}
    return entries


def _legacy(lib: Library, share_id: str, review_id: int, entry: dict[Any, Any]
            ) -> tuple[int, bool] | None:
    """A review received before receipts were logged (no `team.received` row names it): its
    share must still go from here when it is withdrawn. The recording goes too only when its
    file is this share's place in the cache, as the list says; otherwise only the review."""
    if lib.conn.execute("SELECT 1 FROM audit_log WHERE action = ? AND subject = ? LIMIT 1",
                        (RECEIVED, f"review:{review_id}")).fetchone() is not None:
        return None  # logged as received with another share: not this one's to delete
    row = lib.conn.execute("SELECT recording_id FROM reviews WHERE id = ?",
                           (review_id,)).fetchone()
    if row is None:
        return None
    rec = lib.conn.execute("SELECT path FROM recordings WHERE id = ?", (row[0],)).fetchone()
    file = Path(str(entry.get("file", "")))
    cached = rec is not None and Path(str(rec[0])) == file and file.name == f"{share_id}.mp4"
    return int(row[0]), cached


def _came_with(lib: Library, share_id: str, review_id: int) -> tuple[int, bool] | None:
    """(recording id, whether the recording came too) of the review `review_id` as the log
    has it received with `share_id`; None when the log does not say so."""
    row = lib.conn.execute(
        "SELECT r.recording_id, json_extract(a.details, '$.recording_received')"
        " FROM audit_log a JOIN reviews r ON r.id = ?"
        " WHERE a.action = ? AND a.subject = ? AND json_extract(a.details, '$.share') = ?"
        " ORDER BY a.id DESC LIMIT 1",
        (review_id, RECEIVED, f"review:{review_id}", share_id)).fetchone()
    return None if row is None else (int(row[0]), bool(row[1]))
