"""The append-only audit log: every export, deletion, consent change and purge gets a row
(when, what, about what, details as JSON). Triggers in the schema make SQLite refuse any
UPDATE or DELETE of these rows, so the UI can show the log but nothing can rewrite it; each
row is chained to the one before by a hash, so an edit made around the triggers shows
(`vsr.library.audit_chain`). Details name files, never their folders."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from vsr.library.audit_chain import (
    AuditCheck,
    dump_details,
    next_row,
    row_hash,
    strip_folders,
    verify_audit_log,
)
from vsr.library.db import Change, Library
from vsr.library.rows import now_iso


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


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: str  # UTC ISO time
    action: str
    subject: str  # "recording:3", "collection:2"
    details: dict[str, Any]


def subject_of(kind: str, ident: int) -> str:
    return f"{kind}:{ident}"


def audit(lib: Library, action: AuditAction | str, subject: str, **details: Any) -> int:
    """Append one row. Call it inside the `lib.write()` of the change it records, so the change
    and its audit row are committed together or not at all. Paths in the details are cut to
    their file names (a folder's name often carries a client's name)."""
    with lib.write() as changes:
        entry_id, prev = next_row(lib.conn)
        at, text = now_iso(), dump_details(strip_folders(details))
        lib.conn.execute(
            "INSERT INTO audit_log (id, at, action, subject, details, chain)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (entry_id, at, str(action), subject, text,
             row_hash(prev, entry_id, at, str(action), subject, text)),
        )
        changes.append(Change("audit", "added", (entry_id,)))
    return entry_id


def check_audit_log(lib: Library, *, full: bool = True) -> AuditCheck:
    """Whether the log is as the app wrote it (see `vsr.library.audit_chain`)."""
    return verify_audit_log(lib.conn, full=full)


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
    return [
        AuditEntry(
            id=int(r["id"]),  # type: ignore[call-overload]
            at=str(r["at"]),
            action=str(r["action"]),
            subject=str(r["subject"]),
            details=_details(r["details"]),
        )
        for r in lib.query(sql, tuple(params))
    ]


def _details(value: object) -> dict[str, Any]:
    try:
        data = json.loads(str(value or "{}"))
    except json.JSONDecodeError:
        return {"raw": str(value)}
    return data if isinstance(data, dict) else {"value": data}
