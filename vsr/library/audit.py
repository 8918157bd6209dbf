"""The append-only audit log: every export, deletion, consent change and purge gets a row
(when, what, about what, details as JSON). Triggers in the schema make SQLite refuse any
UPDATE or DELETE of these rows, so the UI can show the log but nothing can rewrite it; each
row is chained to the one before by a hash, so an edit made around the triggers shows
(`vsr.library.audit_chain`), and the log's head is kept beside the library too
(`vsr.library.audit_head`). Details name files, never their folders.

A log a municipality can use (NEN 7513 style): each row says who (the operating-system
account), on which workstation (host name), what, about whose recording and when. Reading
counts too: opening a review and playing its recording (once per opening) are logged, as is
every export. These fields live in the details, so the hash chain covers them."""

from __future__ import annotations

import contextlib
import getpass
import json
import logging
import os
import socket
import weakref
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from vsr.errors import VsrError
from vsr.library import backups
from vsr.library.audit_chain import (
    AuditCheck,
    dump_details,
    next_row,
    row_hash,
    strip_folders,
    verify_audit_log,
)
from vsr.library.audit_head import (
    STAMP_KEY,
    backups_problems,
    head_problems,
    read_tail,
    write_head,
)
from vsr.library.changes import Action, Change, Entity
from vsr.library.db import Library
from vsr.library.rows import now_iso
from vsr.library.sqlite_failures import SQLITE_FAILURES, failure_text, is_damage

log = logging.getLogger(__name__)


class AuditAction(StrEnum):
    CONSENT_GRANTED = "consent.granted"
    CONSENT_WITHDRAWN = "consent.withdrawn"
    CLIPS_REMOVED = "clips.removed"  # collection clips deleted by a withdrawal or purge
    FILES_DELETED = "files.deleted"  # exported files removed from disk
    EXPORT = "export"
    COLLECTION_DELETED = "collection.deleted"
    RECORDING_DELETED = "recording.deleted"
    RETENTION_SET = "retention.set"
    PURGE = "purge"
    SHARING_SET = "sharing.set"  # a review's gespreksbladen may (not) go into clip material
    REVIEW_OPENED = "review.opened"  # reading: a review was opened (NEN 7513)
    RECORDING_PLAYED = "recording.played"  # reading: first play after a review was opened
    BACKUP_RESTORED = "backup.restored"


# Stored with the details of every row (so the chain covers them) and read back as fields of
# their own: who, on which workstation, whose recording.
WHO, WORKSTATION, RECORDING = "os_account", STAMP_KEY, "of_recording"


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: str  # UTC ISO time
    action: str
    subject: str  # "recording:3", "collection:2"
    details: dict[str, Any]
    who: str = ""  # the operating-system account; "" for rows from before this was kept
    workstation: str = ""  # the computer's host name
    of_recording: int | None = None  # for a review: its recording

    @property
    def recording_id(self) -> int | None:
        """Whose recording: the subject's, or the one a review's row names."""
        kind, _, ident = self.subject.partition(":")
        if kind == "recording" and ident.isdigit():
            return int(ident)
        return self.of_recording

    @property
    def recording_ids(self) -> list[int]:
        """Every recording the row is about: its own, or those of an exported collection's
        clips."""
        if self.recording_id is not None:
            return [self.recording_id]
        clips = self.details.get("clips")
        found = {c.get("recording") for c in clips if isinstance(c, dict)} \
            if isinstance(clips, list) else set()
        return sorted(i for i in found if isinstance(i, int) and not isinstance(i, bool))


@cache
def operating_account() -> str:
    """The operating-system account running vsr (who, for the log)."""
    with contextlib.suppress(Exception):  # getpass raises whatever its last fallback raises
        return getpass.getuser()
    return str(os.getuid()) if hasattr(os, "getuid") else "?"


@cache
def workstation_name() -> str:
    """The computer's host name (on which workstation, for the log)."""
    return socket.gethostname() or os.environ.get("COMPUTERNAME", "") or "?"


def subject_of(kind: str, ident: int) -> str:
    return f"{kind}:{ident}"


def audit(lib: Library, action: AuditAction | str, subject: str, **details: Any) -> int:
    """Append one row. Call it inside the `lib.write()` of the change it records, so the change
    and its audit row are committed together or not at all. Paths in the details are cut to
    their file names (a folder's name often carries a client's name). Who, the workstation and
    whose recording (for a review) are added here. A row the database silently drops (a
    foreign trigger) is refused, so the change it records is not made either."""
    _keep_head(lib)
    with lib.write() as changes:
        entry_id, prev = next_row(lib.conn)
        stamped = {**_names_out(lib, subject, strip_folders(details)),
                   WHO: operating_account(), WORKSTATION: workstation_name()}
        stamped.setdefault(RECORDING, _recording_of(lib, subject))
        if stamped[RECORDING] is None:
            del stamped[RECORDING]
        at, text = now_iso(), dump_details(stamped)
        chain = row_hash(prev, entry_id, at, str(action), subject, text)
        lib.conn.execute(
            "INSERT INTO audit_log (id, at, action, subject, details, chain)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (entry_id, at, str(action), subject, text, chain),
        )
        stored = lib.conn.execute("SELECT chain FROM audit_log WHERE id = ?",
                                  (entry_id,)).fetchone()
        if stored is None or str(stored[0]) != chain:
            raise VsrError("error.audit.not_written")
        changes.append(Change(Entity.AUDIT, Action.ADDED, (entry_id,)))
    return entry_id


# Details that hold file names, which the user chose ("leerverslag Zoë Öztürk.pdf"). The log
# is append-only and chained: a name written into it outlives every purge of the client.
FILE_KEYS = ("file", "files", "deleted", "missing", "failed")


def _names_out(lib: Library, subject: str, details: dict[str, Any]) -> dict[str, Any]:
    """The file names in the details with the names of the people around the row's recordings
    replaced by their roles (as an anonymised export does, vsr.anonymise.known)."""
    if not any(details.get(key) for key in FILE_KEYS):
        return details
    recordings = _recordings_of(lib, subject, details)
    if not recordings:
        return details
    from vsr.anonymise.known import known_names

    replace = known_names(lib, recordings, identifiers=False)  # names: a file's number stays

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return replace(value)
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    return {k: clean(v) if k in FILE_KEYS else v for k, v in details.items()}


def _recordings_of(lib: Library, subject: str, details: dict[str, Any]) -> list[int]:
    """The recordings a row is about: its subject's, those its details name."""
    found: set[int] = set()
    kind, _, ident = subject.partition(":")
    if ident.isdigit():
        sql = {"recording": "SELECT id FROM recordings WHERE id = ?",
               "review": "SELECT recording_id FROM reviews WHERE id = ?",
               "collection": "SELECT recording_id FROM collection_clips WHERE collection_id = ?",
               }.get(kind)
        if sql is not None:
            found.update(int(r[0]) for r in lib.conn.execute(sql, (int(ident),)) if r[0])
    named = details.get("recordings") or []
    found.update(int(v) for v in named if isinstance(v, int))
    for collection in details.get("collections") or []:
        if isinstance(collection, int):
            found.update(int(r[0]) for r in lib.conn.execute(
                "SELECT recording_id FROM collection_clips WHERE collection_id = ?",
                (collection,)))
    for clip in details.get("clips") or []:
        if isinstance(clip, dict) and isinstance(clip.get("recording"), int):
            found.add(int(clip["recording"]))
    return sorted(i for i in found if lib.conn.execute(
        "SELECT 1 FROM recordings WHERE id = ?", (i,)).fetchone())


def _recording_of(lib: Library, subject: str) -> int | None:
    """Whose recording a review belongs to (None for other subjects)."""
    kind, _, ident = subject.partition(":")
    if kind != "review" or not ident.isdigit():
        return None
    row = lib.conn.execute("SELECT recording_id FROM reviews WHERE id = ?",
                           (int(ident),)).fetchone()
    return int(row[0]) if row and row[0] is not None else None


_WITH_HEAD: weakref.WeakSet[Library] = weakref.WeakSet()


def _keep_head(lib: Library) -> None:
    """After each commit that added an audit row, write the log's head beside the library.
    A change event arrives only after the outermost commit, so a rolled-back row never
    reaches the head."""
    if lib in _WITH_HEAD:
        return
    _WITH_HEAD.add(lib)

    def follow(change: Change) -> None:
        if change.entity is Entity.AUDIT:
            update_head(lib)

    lib.subscribe(follow)


def update_head(lib: Library) -> None:
    """Write the log's head as the library has it now. A head that cannot be written is
    logged, not raised: the row is committed, and the check will say the head is behind."""
    try:
        write_head(lib.path, read_tail(lib.conn))
    except OSError as exc:
        log.warning("audit head not written beside %s: %s", lib.path, exc)


def record_read(lib: Library, action: AuditAction, subject: str, **details: Any) -> int:
    """Log that something was read (a review opened, a recording played). A damaged library
    open only to look (read-only) cannot take the row: the program's log says so instead,
    and looking is not refused. Returns the row's id (0 when not written)."""
    if lib.read_only:
        log.warning("read not in the audit log (the library is open read-only): %s %s",
                    action, subject)
        return 0
    return audit(lib, action, subject, **details)


def record_review_opened(lib: Library, review_id: int) -> int:
    return record_read(lib, AuditAction.REVIEW_OPENED, subject_of("review", review_id))


def record_recording_played(lib: Library, recording_id: int, review_id: int | None = None
                            ) -> int:
    """The first play after a review was opened (not every frame or every pause)."""
    extra = {} if review_id is None else {"review_id": review_id}
    return record_read(lib, AuditAction.RECORDING_PLAYED, subject_of("recording", recording_id),
                       **extra)


def check_audit_log(lib: Library, *, full: bool = True) -> AuditCheck:
    """Whether the log is as the app wrote it: its chain and schema
    (`vsr.library.audit_chain`), its head beside the library and, when `full`, the newest row
    of every backup (`vsr.library.audit_head`). A log SQLite cannot read (a damaged page) is
    a problem of its own: the window checks at every start and must not end there."""
    try:
        check = verify_audit_log(lib.conn, full=full)
        check.problems.extend(head_problems(lib.conn, lib.path))
    except SQLITE_FAILURES as exc:
        if not is_damage(exc):
            raise
        log.error("audit log of %s unreadable: %s", lib.path, failure_text(exc))
        return AuditCheck(problems=[("damaged", 0)])
    if full:
        found = [b.path for b in backups.list_backups(lib.path)]
        check.problems.extend(backups_problems(lib.conn, found))
    return check


def list_audit(
    lib: Library,
    *,
    action: str | None = None,
    subject: str | None = None,
    since: str | None = None,
    limit: int | None = None,
    newest_first: bool = True,
) -> list[AuditEntry]:
    """Audit rows, filtered by exact action, exact subject and/or time (`since`: an ISO time or
    date; rows at or after it)."""
    sql = "SELECT * FROM audit_log WHERE 1 = 1"
    params: list[object] = []
    if action is not None:
        sql += " AND action = ?"
        params.append(action)
    if subject is not None:
        sql += " AND subject = ?"
        params.append(subject)
    if since is not None:
        sql += " AND at >= ?"
        params.append(since)
    sql += " ORDER BY id DESC" if newest_first else " ORDER BY id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return [_entry(r) for r in lib.query(sql, tuple(params))]


def _entry(r: dict[str, object]) -> AuditEntry:
    details = _details(r["details"])
    recording = details.pop(RECORDING, None)
    return AuditEntry(
        id=int(r["id"]),  # type: ignore[call-overload]
        at=str(r["at"]),
        action=str(r["action"]),
        subject=str(r["subject"]),
        details=details,
        who=str(details.pop(WHO, "")),
        workstation=str(details.pop(WORKSTATION, "")),
        of_recording=recording if isinstance(recording, int) else None,
    )


def _details(value: object) -> dict[str, Any]:
    try:
        data = json.loads(str(value or "{}"))
    except (json.JSONDecodeError, RecursionError):  # a row nested 100,000 deep
        return {"raw": str(value)[:1000]}
    return data if isinstance(data, dict) else {"value": data}
