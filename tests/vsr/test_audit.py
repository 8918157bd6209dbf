"""The audit log is append-only in the database itself: UPDATE and DELETE are refused by
triggers, also through a separate connection, and listing filters work."""

from __future__ import annotations

import sqlite3

import pytest

from vsr.errors import StorageError
from vsr.library import Library
from vsr.library.audit import AuditAction, audit, list_audit


def test_rows_are_appended_and_listed(library: Library) -> None:
    first = audit(library, AuditAction.EXPORT, "collection:1", files=["clip-01.mp4"])
    second = audit(library, AuditAction.PURGE, "purge", recordings=[2])
    entries = list_audit(library)
    assert [e.id for e in entries] == [second, first]  # newest first
    assert entries[1].action == "export" and entries[1].details == {"files": ["clip-01.mp4"]}
    assert entries[1].at.endswith("+00:00")
    assert [e.id for e in list_audit(library, action="purge")] == [second]
    assert [e.id for e in list_audit(library, subject="collection:1")] == [first]
    assert [e.id for e in list_audit(library, limit=1, newest_first=False)] == [first]
    assert list_audit(library, since="2999-01-01") == []


def test_update_and_delete_are_refused(library: Library) -> None:
    audit(library, AuditAction.CONSENT_GRANTED, "recording:1", purpose="intervisie")
    for sql in ("UPDATE audit_log SET action = 'nothing'", "DELETE FROM audit_log",
                "UPDATE audit_log SET details = '{}' WHERE id = 1"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            library.conn.execute(sql)
    # through the library's own transaction helper it becomes a user-facing storage error
    with pytest.raises(StorageError), library.write():
        library.conn.execute("DELETE FROM audit_log")
    entry = list_audit(library)[0]
    assert (entry.action, entry.details) == ("consent.granted", {"purpose": "intervisie"})


def test_another_connection_cannot_rewrite_it_either(library: Library) -> None:
    audit(library, AuditAction.EXPORT, "collection:3")
    other = sqlite3.connect(str(library.path))
    try:
        with pytest.raises(sqlite3.IntegrityError):
            other.execute("DELETE FROM audit_log")
        with pytest.raises(sqlite3.IntegrityError):
            other.execute("UPDATE audit_log SET subject = 'x'")
    finally:
        other.close()
    assert len(list_audit(library)) == 1


def test_an_audit_row_rolls_back_with_the_change_it_records(library: Library) -> None:
    with pytest.raises(RuntimeError), library.write():
        audit(library, AuditAction.EXPORT, "collection:9")
        raise RuntimeError("the export failed after all")
    assert list_audit(library) == []
