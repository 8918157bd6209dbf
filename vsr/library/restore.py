"""What putting a backup back does besides replacing the library, so that a restore takes back
the work, not the record of what happened:
- the audit log stays whole: the rows written after the backup are carried into the restored
  library with their ids and hashes (the chain stays intact), and the restore itself is logged;
- the ledger of exported files stays as it is now: files exported after the backup stay known,
  so withdrawal and purge still find them, and files deleted since stay forgotten;
- consent stays as it is now. Consent is what a client said, not work a restore may take back:
  a consent withdrawn after the backup is withdrawn again at once (its clips go again), and a
  consent given or changed after the backup is kept as it is now.
`plan_restore` says all this before anything happens (the window and the CLI show it and ask);
`carry_forward` does it after `vsr.library.backups.restore_backup` has put the file back.

When the backup's log is not the start of the current log (a backup of another library, or of
a log that was already cut back), the current log cannot be carried without breaking its
chain: it stays in the 'before-restore' backup, and the restore row says so."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vsr.dates import date_time
from vsr.i18n import translate, translate_plural
from vsr.library.audit import AuditAction, AuditEntry, audit, subject_of
from vsr.library.audit_head import AuditHead, backup_head, read_tail
from vsr.library.audit_text import action_label
from vsr.library.db import Library, open_library
from vsr.library.withdrawal import withdraw_consent

_ROLLED_BACK = ("recording.deleted", "collection.deleted", "purge")


@dataclass(frozen=True, slots=True)
class ConsentChange:
    """A consent that differs between the backup and now; `now` None: withdrawn since."""

    recording_id: int
    purpose: str
    before: dict[str, Any] | None
    now: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class RestorePlan:
    backup: Path
    readable: bool  # the current library could be read (not too damaged)
    log_diverges: bool  # the backup's log is not the start of the current log
    anchor: AuditHead = AuditHead(0, 0, "")  # the current log's row the backup's log ends at
    carried: tuple[dict[str, Any], ...] = ()  # log rows after the backup, as stored
    exports: tuple[AuditEntry, ...] = ()  # exports after the backup (their files stay known)
    deletions: tuple[AuditEntry, ...] = ()  # deletions after the backup that are undone
    consents: tuple[ConsentChange, ...] = ()
    ledger: tuple[dict[str, Any], ...] = field(default=(), repr=False)  # exported_files now


@contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
    finally:
        conn.close()


def _rows(conn: sqlite3.Connection, sql: str, params: tuple[object, ...] = ()
          ) -> list[dict[str, Any]]:
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    except sqlite3.OperationalError:  # a table an older backup does not have yet
        return []


def _entry(row: dict[str, Any]) -> AuditEntry:
    try:
        details = json.loads(str(row["details"]))
    except (json.JSONDecodeError, RecursionError):
        details = {}
    return AuditEntry(int(row["id"]), str(row["at"]), str(row["action"]), str(row["subject"]),
                      details if isinstance(details, dict) else {})


def _consents(conn: sqlite3.Connection) -> dict[tuple[int, str], dict[str, Any]]:
    rows = _rows(conn, "SELECT * FROM consents")
    return {(int(r["recording_id"]), str(r["purpose"])): r for r in rows}


def _recordings(conn: sqlite3.Connection) -> set[int]:
    return {int(r["id"]) for r in _rows(conn, "SELECT id FROM recordings")}


def plan_restore(library: Path, backup: Path) -> RestorePlan:
    """What restoring `backup` over `library` will carry over, undo and keep; reads only."""
    head = backup_head(backup) or _unchained_tail(backup)
    try:
        with _read_only(library) as now, _read_only(backup) as then:
            return _plan(now, then, backup, head)
    except (sqlite3.DatabaseError, UnicodeDecodeError):  # damaged schema pages: undecodable text
        return RestorePlan(backup, readable=False, log_diverges=True)


def _plan(now: sqlite3.Connection, then: sqlite3.Connection, backup: Path,
          head: AuditHead) -> RestorePlan:
    same = _rows(now, "SELECT chain FROM audit_log WHERE id = ?", (head.last_id,))
    # A backup from before the chain (version 8) only has ids to go by: its rows get the same
    # hashes when the restored library is migrated, which `carry_forward` checks again.
    diverges = head.last_id > 0 and (not same or (head.chain != UNCHAINED
                                                  and same[0]["chain"] != head.chain))
    later = [] if diverges else _rows(now, "SELECT * FROM audit_log WHERE id > ? ORDER BY id",
                                      (head.last_id,))
    entries = [_entry(r) for r in later]
    both = _recordings(now) & _recordings(then)
    before, current = _consents(then), _consents(now)
    changes = tuple(
        ConsentChange(rec, purpose, before.get((rec, purpose)), current.get((rec, purpose)))
        for rec, purpose in sorted(set(before) | set(current))
        if rec in both and _essence(before.get((rec, purpose))) != _essence(
            current.get((rec, purpose))))
    anchor = AuditHead(0, head.last_id, str(same[0]["chain"]) if same else "")
    return RestorePlan(
        backup, readable=True, log_diverges=diverges, anchor=anchor, carried=tuple(later),
        exports=tuple(e for e in entries if e.action == AuditAction.EXPORT),
        deletions=tuple(e for e in entries if e.action in _ROLLED_BACK),
        consents=changes, ledger=tuple(_rows(now, "SELECT * FROM exported_files")))


UNCHAINED = "-"  # the chain of a backup's log from before the hash chain existed


def _unchained_tail(backup: Path) -> AuditHead:
    """The newest id of a backup's log without a chain column (or no log at all: 0)."""
    try:
        with _read_only(backup) as conn:
            rows = _rows(conn, "SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS top FROM audit_log")
    except sqlite3.DatabaseError:
        rows = []
    if not rows or not rows[0]["top"]:
        return AuditHead(0, 0, "")
    return AuditHead(int(rows[0]["n"]), int(rows[0]["top"]), UNCHAINED)


def _essence(consent: dict[str, Any] | None) -> tuple[object, ...] | None:
    if consent is None:
        return None
    return tuple(consent[k] for k in ("given_by", "given_on", "until", "recognisable"))


def carry_forward(library: Path, plan: RestorePlan, kept: Path | None) -> None:
    """After the file was put back: carry the log and the ledger, log the restore, and put
    consent back as it was before the restore."""
    lib = open_library(library, backup=False)
    try:
        tail = read_tail(lib.conn)  # the restored log, migrated: it must end where planned
        carried = (plan.readable and not plan.log_diverges
                   and (tail.last_id, tail.chain) == (plan.anchor.last_id, plan.anchor.chain))
        with lib.write():
            if carried:
                _carry_log(lib, plan.carried)
            if plan.readable:
                _carry_ledger(lib, plan.ledger)
            _keep_consents(lib, [c for c in plan.consents if c.now is not None])
            audit(lib, AuditAction.BACKUP_RESTORED, "library", backup=plan.backup.name,
                  before_restore=kept.name if kept else None,
                  log_carried=carried, rows_carried=len(plan.carried) if carried else 0,
                  exports_kept=len(plan.exports), deletions_undone=len(plan.deletions),
                  consents_kept=[_label(c) for c in plan.consents if c.now is not None],
                  consents_withdrawn=[_label(c) for c in plan.consents if c.now is None])
        _withdraw_again(lib, [c for c in plan.consents if c.now is None and c.before])
    finally:
        lib.close()


def _label(change: ConsentChange) -> str:
    return f"{subject_of('recording', change.recording_id)}:{change.purpose}"


def _carry_log(lib: Library, rows: tuple[dict[str, Any], ...]) -> None:
    """Append the rows as stored (ids and hashes included): the chain runs on unbroken.
    AUTOINCREMENT moves `sqlite_sequence` up with them."""
    for r in rows:
        lib.conn.execute("INSERT INTO audit_log (id, at, action, subject, details, chain)"
                         " VALUES (?, ?, ?, ?, ?, ?)",
                         (r["id"], r["at"], r["action"], r["subject"], r["details"], r["chain"]))


def _carry_ledger(lib: Library, ledger: tuple[dict[str, Any], ...]) -> None:
    """The exported files as they are known now (the ledger is about files on disk, which a
    restore does not bring back or take away)."""
    columns = {str(r[1]) for r in lib.conn.execute("PRAGMA table_info(exported_files)")}
    lib.conn.execute("DELETE FROM exported_files")
    for row in ledger:
        keys = [k for k in row if k in columns]
        lib.conn.execute(f"INSERT INTO exported_files ({', '.join(keys)})"
                         f" VALUES ({', '.join('?' for _ in keys)})", [row[k] for k in keys])


def _keep_consents(lib: Library, changes: list[ConsentChange]) -> None:
    for change in changes:
        assert change.now is not None
        now = change.now
        lib.conn.execute(
            "INSERT OR REPLACE INTO consents (recording_id, purpose, given_by, given_on, until,"
            " recognisable, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (change.recording_id, change.purpose, now["given_by"], now["given_on"],
             now["until"], now["recognisable"], now["recorded_at"]))


def _withdraw_again(lib: Library, changes: list[ConsentChange]) -> None:
    for change in changes:
        withdraw_consent(lib, change.recording_id, change.purpose)


def describe_restore(plan: RestorePlan) -> list[str]:
    """The lines a confirmation shows: what is carried over, what is undone, what is kept."""
    lines = [translate("restore.heading")]
    if not plan.readable:
        return [*lines, translate("restore.unreadable")]
    if plan.log_diverges:
        lines.append(translate("restore.log_not_carried"))
    else:
        lines.append(translate_plural("restore.log_carried", len(plan.carried)))
    if plan.exports:
        lines.append(translate_plural("restore.exports", len(plan.exports)))
        lines += [_line(e) for e in plan.exports]
    if plan.deletions:
        lines.append(translate_plural("restore.deletions", len(plan.deletions)))
        lines += [_line(e) for e in plan.deletions]
    if plan.consents:
        lines.append(translate("restore.consent.heading"))
    for change in plan.consents:
        key = "restore.consent.withdrawn" if change.now is None else "restore.consent.kept"
        lines.append(translate(key, recording=change.recording_id,
                               purpose=translate(f"purpose.{change.purpose}")))
    return lines


def _line(entry: AuditEntry) -> str:
    when = date_time(entry.at)
    kind, _, ident = entry.subject.partition(":")
    label = translate(f"audit.subject.{kind}", id=ident)
    return translate("restore.line", at=when, what=action_label(entry.action),
                     subject=label if not label.startswith("audit.") else entry.subject)
