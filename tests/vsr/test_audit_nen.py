"""A log a municipality can use (NEN 7513 style): every row says who (the operating-system
account), on which workstation (host name), what, about whose recording, and when; these are
inside the hashed details, so changing them shows. `vsr audit` shows them as columns."""

from __future__ import annotations

import getpass
import json
import socket
import sqlite3
from pathlib import Path

import pytest

from tests.vsr.fakes import add_fake_recording
from vsr.cli.main import main as cli_main
from vsr.library import Library
from vsr.library import reviews as rv
from vsr.library.audit import (
    AuditAction,
    audit,
    check_audit_log,
    list_audit,
    record_recording_played,
    record_review_opened,
)
from vsr.library.audit_chain import TRIGGERS
from vsr.library.audit_text import recording_label, subject_label


def test_every_row_says_who_where_and_whose_recording(library: Library, tmp_path: Path) -> None:
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    record_review_opened(library, review.id)
    record_recording_played(library, rec.id, review.id)
    audit(library, AuditAction.EXPORT, f"review:{review.id}", format="csv", file="uit.csv")
    audit(library, AuditAction.PURGE, "purge", recordings=[])
    rows = list_audit(library, newest_first=False)
    assert [(e.action, e.recording_id) for e in rows] == [
        ("review.opened", rec.id), ("recording.played", rec.id), ("export", rec.id),
        ("purge", None)]
    for e in rows:
        assert (e.who, e.workstation) == (getpass.getuser(), socket.gethostname())
        assert e.at.endswith("+00:00")  # when, in UTC
    # the stamped fields are not mixed into what the caller logged
    assert rows[2].details == {"format": "csv", "file": "uit.csv"}


def test_who_cannot_be_changed_unseen(library: Library) -> None:
    audit(library, AuditAction.RETENTION_SET, "recording:1", keep_until="2026-01-01")
    other = sqlite3.connect(library.path, isolation_level=None)
    for name in TRIGGERS:
        other.execute(f"DROP TRIGGER {name}")
    other.execute("UPDATE audit_log SET details = replace(details, ?, 'iemand-anders')",
                  (getpass.getuser(),))
    for sql in TRIGGERS.values():
        other.execute(sql)
    other.close()
    assert list_audit(library)[0].who == "iemand-anders"
    assert check_audit_log(library).problems[0] == ("changed", 1)


def test_vsr_audit_shows_the_columns(library: Library, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    record_review_opened(library, review.id)
    args = ["--library", str(library.path), "--lang", "en", "audit"]
    assert cli_main(args) == 0
    header, line = capsys.readouterr().out.splitlines()[:2]
    assert header.split()[:4] == ["#", "Time", "(UTC)", "Who@Workstation"]
    assert "Recording" in header
    assert f"{getpass.getuser()}@{socket.gethostname()}" in line
    assert "Review opened" in line and f"Recording {rec.id}" in line
    assert cli_main([*args, "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["who"], row["workstation"], row["recording_id"]) == (
        getpass.getuser(), socket.gethostname(), rec.id)


def test_a_collection_export_names_every_recording_of_its_clips(library: Library,
                                                                tmp_path: Path) -> None:
    first = add_fake_recording(library, tmp_path, "gesprek-a.mp4", b"a")
    second = add_fake_recording(library, tmp_path, "gesprek-b.mp4", b"b")
    audit(library, AuditAction.EXPORT, "collection:1", files=["clip-01.mp4", "clip-02.mp4"],
          clips=[{"clip": 1, "recording": second.id}, {"clip": 2, "recording": first.id},
                 {"clip": 3, "recording": second.id}])
    [entry] = list_audit(library)
    assert entry.recording_id is None and entry.recording_ids == sorted([first.id, second.id])
    assert recording_label(library, entry) == ", ".join(
        subject_label(library, f"recording:{i}") for i in sorted([first.id, second.id]))


def test_reading_a_damaged_library_open_only_to_look(library: Library, tmp_path: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    """Read-only (damaged) library: the read cannot be logged in it; the program's log says so
    and looking is not refused."""
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    library.damage = "database disk image is malformed"
    assert record_review_opened(library, review.id) == 0
    assert "read not in the audit log" in caplog.text
    library.damage = None
    assert list_audit(library, action="review.opened") == []
