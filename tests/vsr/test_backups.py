"""Rotating backups through SQLite's backup API, a damaged library opening read-only, damaged
left-over backups never in the way, and restoring (vsr.library.backups, `vsr backup`)."""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.vsr.fakes import add_fake_recording
from vsr.cli.main import main
from vsr.errors import StorageError, VsrError
from vsr.library import backups as bk
from vsr.library import markers as mk
from vsr.library import open_library
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.library.db import LibraryDamagedError, _backup_before_migration, copy_library

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _library(tmp_path: Path, text: str = "eerste") -> tuple[Path, int]:
    path = tmp_path / "library.sqlite"
    lib = open_library(path, backup=False)
    rec = add_fake_recording(lib, tmp_path)
    review = rv.create_review(lib, rec.id)
    pro, _ = rv.list_parties(lib, review.id)
    marker = mk.add_marker(lib, pro.id, 1000)
    sh.set_field(lib, marker.id, sh.SheetField.WHAT_HAPPENED, text)
    lib.close()
    return path, marker.id


def _text(path: Path, marker_id: int) -> str:
    lib = open_library(path, backup=False)
    try:
        return sh.get_sheet(lib, marker_id).what_happened
    finally:
        lib.close()


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096 * 2:4096 * 6] = b"\x5a" * (4096 * 4)
    path.write_bytes(bytes(data))


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_opening_makes_a_daily_and_weekly_backup_and_rotates(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = _library(tmp_path)
    for day in range(30):
        for hour in (0, 5):  # the second open of a day makes nothing new
            monkeypatch.setattr(bk, "_now", lambda d=day, h=hour: START + timedelta(days=d, hours=h))
            open_library(path).close()
    kinds = [b.kind for b in bk.list_backups(path)]
    assert kinds.count("daily") == bk.KEEP["daily"] == 7
    assert kinds.count("weekly") == bk.KEEP["weekly"] == 4
    newest_daily = next(b for b in bk.list_backups(path) if b.kind == "daily")
    assert newest_daily.made_at == START + timedelta(days=29)
    assert bk.check_file(newest_daily.path, full=True) == "ok"


def test_backups_are_private_single_files(tmp_path: Path) -> None:
    path, marker_id = _library(tmp_path)
    made = bk.create_backup(path)
    folder = bk.backup_folder(path)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    lock = folder / f".{path.stem}.lock"  # stays: removing a lock file others may hold races
    assert stat.S_IMODE(lock.stat().st_mode) == 0o600 and lock.stat().st_size == 0
    assert sorted(p.name for p in folder.iterdir() if p != lock) == [made.path.name]  # no -wal, no temp
    conn = sqlite3.connect(made.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_damaged_leftover_backups_never_block_opening(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path, marker_id = _library(tmp_path)
    folder = bk.backup_folder(path)
    folder.mkdir()
    (folder / "library-daily-20990101-000000.sqlite").write_bytes(b"garbage, not sqlite")
    (folder / "library-weekly-20990101-000000.sqlite").write_bytes(b"")
    (folder / "library-notes.txt").write_text("not a backup")
    (tmp_path / "library.sqlite.v3.bak").write_bytes(b"damaged left-over")
    before = _files(folder)
    monkeypatch.setattr(bk, "_now", lambda: START)
    lib = open_library(path)  # opens, and makes real backups beside the damaged ones
    lib.close()
    after = _files(folder)
    assert all(after[name] == data for name, data in before.items())  # untouched
    made = [b for b in bk.list_backups(path) if b.path.name not in before
            and b.kind in ("daily", "weekly")]
    assert sorted(b.kind for b in made) == ["daily", "weekly"]
    assert bk.newest_good(path) is not None and bk.newest_good(path).path.name not in before
    assert (tmp_path / "library.sqlite.v3.bak").read_bytes() == b"damaged left-over"


def test_migration_backup_never_overwrites_an_older_one(tmp_path: Path) -> None:
    path, _ = _library(tmp_path)
    old = tmp_path / "library.sqlite.v3.bak"
    old.write_bytes(b"damaged left-over")
    _backup_before_migration(path, 3)
    assert old.read_bytes() == b"damaged left-over"
    fresh = tmp_path / "library.sqlite.v3.1.bak"
    assert bk.check_file(fresh, full=True) == "ok"
    assert "migration" in [b.kind for b in bk.list_backups(path)]


def test_damaged_library_opens_read_only_and_leaves_backups_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, marker_id = _library(tmp_path)
    good = bk.create_backup(path)
    _damage(path)
    before = _files(bk.backup_folder(path))
    reported: list[tuple[Path, str]] = []
    monkeypatch.setattr("vsr.library.db._damage_reporters", [lambda p, m: reported.append((p, m))])
    monkeypatch.setattr(bk, "_now", lambda: START + timedelta(days=400))  # a backup would be due
    lib = open_library(path)
    try:
        assert lib.read_only and lib.damage
        assert reported == [(path, lib.damage)]
        with pytest.raises(StorageError):
            lib.set_setting("x", "y")
    finally:
        lib.close()
    assert _files(bk.backup_folder(path)) == before  # no backup of the damage, none rotated
    assert bk.newest_good(path) == good


def test_unopenable_library_names_the_newest_good_backup(tmp_path: Path) -> None:
    path, _ = _library(tmp_path)
    good = bk.create_backup(path)
    path.write_bytes(b"\x00" * 100)
    with pytest.raises(LibraryDamagedError) as caught:
        open_library(path)
    assert caught.value.params["backup"] == str(good.path)


def test_restore_keeps_the_current_library_first_and_never_touches_backups(tmp_path: Path) -> None:
    path, marker_id = _library(tmp_path, "voor de kopie")
    made = bk.create_backup(path)
    lib = open_library(path, backup=False)
    sh.set_field(lib, marker_id, sh.SheetField.WHAT_HAPPENED, "na de kopie")
    lib.close()
    snapshot = made.path.read_bytes()
    kept = bk.restore_backup(path, made.path)
    assert _text(path, marker_id) == "voor de kopie"
    assert made.path.read_bytes() == snapshot
    assert kept is not None and kept.kind == "before-restore"
    assert _text(kept.path, marker_id) == "na de kopie"


def test_restore_reaches_a_program_that_has_the_library_open(tmp_path: Path) -> None:
    path, marker_id = _library(tmp_path, "voor de kopie")
    made = bk.create_backup(path)
    other = open_library(path, backup=False)  # e.g. the window, still open
    try:
        sh.set_field(other, marker_id, sh.SheetField.WHAT_HAPPENED, "na de kopie")
        bk.restore_backup(path, made.path)
        assert sh.get_sheet(other, marker_id).what_happened == "voor de kopie"
        sh.set_field(other, marker_id, sh.SheetField.WHAT_HAPPENED, "daarna")  # still writable
    finally:
        other.close()
    assert _text(path, marker_id) == "daarna"
    assert bk.check_file(path, full=True) == "ok"


def test_a_stale_partial_backup_is_cleaned_up(tmp_path: Path) -> None:
    path, _ = _library(tmp_path)
    folder = bk.backup_folder(path)
    folder.mkdir()
    stale = folder / ".library-daily-20200101-000000.sqlite.123.partial"
    fresh = folder / ".library-daily-20200101-000001.sqlite.456.partial"
    stale.write_bytes(b"cut off")
    fresh.write_bytes(b"being written")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    bk.create_backup(path)
    assert not stale.exists() and fresh.exists()


def test_restore_over_a_damaged_library_and_refuse_a_damaged_backup(tmp_path: Path) -> None:
    path, marker_id = _library(tmp_path, "goed")
    made = bk.create_backup(path)
    bad = bk.backup_folder(path) / "library-manual-20200101-000000.sqlite"
    bad.write_bytes(b"garbage")
    path.write_bytes(b"\x00" * 100)
    with pytest.raises(VsrError) as caught:
        bk.restore_backup(path, bad)
    assert caught.value.key == "error.backup.damaged"
    assert path.read_bytes() == b"\x00" * 100 and bad.read_bytes() == b"garbage"
    kept = bk.restore_backup(path, made.path)
    assert _text(path, marker_id) == "goed"
    assert kept is not None and kept.path.read_bytes() == b"\x00" * 100  # the damage is kept too


def test_a_backup_of_a_newer_version_is_refused_before_anything_changes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A backup a newer vsr made (another computer, an update undone): it was put back, the
    library then could not be opened by this version ("made by a newer version"), the restore
    was left half done and nothing said that the previous library was in a backup."""
    path, marker_id = _library(tmp_path, "nu")
    made = bk.create_backup(path)
    newer = tmp_path / "van-een-nieuwere-versie.sqlite"
    conn = sqlite3.connect(made.path)
    conn.execute("VACUUM INTO ?", (str(newer),))
    conn.close()
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    before = bk.list_backups(path)
    code = main(["--library", str(path), "--lang", "en", "backup", "restore", str(newer),
                 "--yes"])
    err = capsys.readouterr().err
    assert code != 0 and "Traceback" not in err
    assert str(newer) in err and "newer version" in err
    assert bk.list_backups(path) == before  # no before-restore copy: nothing was done
    assert _text(path, marker_id) == "nu"
    lib = open_library(path)
    lib.close()


def _tampered(backup: Path, copy: Path, statements: str, *, checks_off: bool = False) -> Path:
    """A copy of `backup` at `copy`, a valid SQLite file changed by `statements` (with its
    CHECK constraints off if asked): a hostile file given as a backup."""
    conn = sqlite3.connect(backup)
    conn.execute("VACUUM INTO ?", (str(copy),))
    conn.close()
    conn = sqlite3.connect(copy)
    if checks_off:
        conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.executescript(statements)
    conn.commit()
    conn.close()
    return copy


@pytest.mark.parametrize(("what", "statement"), [
    ("trigger evil", "CREATE TRIGGER evil AFTER INSERT ON markers BEGIN DELETE FROM sheets; END"),
    ("view settings", "DROP TABLE settings; CREATE VIEW settings AS SELECT 'a' AS key, 'b' AS value"),
])
def test_a_backup_with_a_planted_trigger_or_view_is_refused(
        tmp_path: Path, what: str, statement: str) -> None:
    """A valid SQLite file given as a backup, with a trigger vsr never made: put back, the
    trigger emptied every gespreksblad whenever a moment was added from then on."""
    path, marker_id = _library(tmp_path, "nu")
    made = bk.create_backup(path)
    planted = _tampered(made.path, tmp_path / "geplant.sqlite", statement)
    before = bk.list_backups(path)
    with pytest.raises(VsrError) as refused:
        bk.restore_backup(path, planted)
    assert refused.value.key == "error.backup.damaged"
    from tests.lang import worded

    assert what in worded("en", refused.value.message)
    assert "iets in dat vsr niet maakt" in worded("nl", refused.value.message)
    assert bk.list_backups(path) == before and _text(path, marker_id) == "nu"
    assert bk.restore_backup(path, made.path) is not None  # vsr's own backup still goes back


@pytest.mark.parametrize(("table", "statement"), [
    ("markers", "UPDATE markers SET start_ms = -1000"),
    ("markers", "UPDATE markers SET end_ms = 10, start_ms = 5000"),
])
def test_a_backup_whose_rows_break_their_constraints_is_refused_before_anything_changes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], table: str, statement: str) -> None:
    """A backup file with a moment at -1 s (written with SQLite's CHECKs off): read-only, the
    integrity check does not look at CHECK constraints, so it was put back; the library then
    opened as damaged, the restore stopped half done and said "cannot be saved right now",
    as if nothing had changed."""
    path, marker_id = _library(tmp_path, "nu")
    made = bk.create_backup(path)
    hostile = _tampered(made.path, tmp_path / "vijandig.sqlite", statement, checks_off=True)
    before = bk.list_backups(path)
    code = main(["--library", str(path), "--lang", "en", "backup", "restore", str(hostile),
                 "--yes"])
    err = capsys.readouterr().err
    assert code != 0 and "Traceback" not in err
    assert str(hostile) in err and f"CHECK constraint failed in {table}" in err, err
    assert bk.list_backups(path) == before
    assert _text(path, marker_id) == "nu"
    lib = open_library(path, backup=False)
    try:
        assert lib.damage is None and mk.get_marker(lib, marker_id).start_ms == 1000
    finally:
        lib.close()
    assert sorted(p.name for p in path.parent.iterdir() if ".check" in p.name) == []


@pytest.mark.parametrize(("statement", "said"), [
    ("UPDATE parties SET role = 'baas'", "parties.role: baas"),
    ("UPDATE parties SET shape = 'ster'", "parties.shape: ster"),
    ("INSERT INTO reflections (marker_id, party_id, to_me, to_other, feelings)"
     " SELECT m.id, p.id, '', '', '{oops' FROM markers m, parties p LIMIT 1",
     "reflections.feelings: {oops"),
])
def test_a_backup_with_values_no_reader_knows_is_refused(
        tmp_path: Path, statement: str, said: str) -> None:
    """Values SQLite lets through but every reader turns into a type: put back, a party's role
    'baas' or feelings that are no JSON ended every export (and opening the moment) in a
    traceback."""
    path, marker_id = _library(tmp_path, "nu")
    made = bk.create_backup(path)
    hostile = _tampered(made.path, tmp_path / "vijandig.sqlite", statement)
    with pytest.raises(VsrError) as refused:
        bk.restore_backup(path, hostile)
    assert refused.value.key == "error.backup.damaged" and said in refused.value.message()
    assert _text(path, marker_id) == "nu"
    assert bk.restore_backup(path, made.path) is not None


def test_copy_library_sees_what_is_still_in_the_wal(tmp_path: Path) -> None:
    path, marker_id = _library(tmp_path)
    lib = open_library(path, backup=False)
    lib.conn.execute("PRAGMA wal_autocheckpoint=0")
    sh.set_field(lib, marker_id, sh.SheetField.WHAT_HAPPENED, "alleen in de wal")
    copy_library(path, tmp_path / "copy.sqlite")  # while the library is open
    lib.close()
    assert _text(tmp_path / "copy.sqlite", marker_id) == "alleen in de wal"


def test_cli_backup_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:
    path, marker_id = _library(tmp_path, "bewaard")
    lib_arg = ["--library", str(path), "--lang", "en"]
    assert main([*lib_arg, "backup", "create"]) == 0
    assert "Backup made" in capsys.readouterr().out
    assert main([*lib_arg, "backup", "check"]) == 0
    lib = open_library(path, backup=False)
    sh.set_field(lib, marker_id, sh.SheetField.WHAT_HAPPENED, "later")
    lib.close()
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert main([*lib_arg, "backup", "restore"]) == 1
    assert _text(path, marker_id) == "later"
    assert main([*lib_arg, "backup", "restore", "--yes"]) == 0
    assert _text(path, marker_id) == "bewaard"
    capsys.readouterr()
    assert main([*lib_arg, "backup", "list"]) == 0
    listed = capsys.readouterr().out
    assert "manual" in listed and "before-restore" in listed
    _damage(path)
    assert main([*lib_arg, "backup", "check"]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "backup restore" in err
    assert main([*lib_arg, "list"]) in (0, 1)
    err = capsys.readouterr().err
    assert "is damaged" in err and "backup restore" in err and "Traceback" not in err


@pytest.mark.parametrize(("failure", "dutch"), [
    (OSError(30, "Read-only file system"), "je hebt geen toegang"),
    (PermissionError(13, "Permission denied"), "je hebt geen toegang"),
    (OSError(28, "No space left on device"), "de schijf is vol"),
    (sqlite3.OperationalError("database or disk is full"), "de schijf is vol"),
    (sqlite3.OperationalError("attempt to write a readonly database"), "je hebt geen toegang"),
    (OSError(5, "Input/output error"), "(foutcode 5)"),
])
def test_a_backup_that_cannot_be_written_says_why_in_the_users_language(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: Exception, dutch: str) -> None:
    """A read-only place or a full disk: the system's English ("[Errno 30] Read-only file
    system", "database or disk is full") stood inside the Dutch sentence."""
    from tests.lang import worded

    path, _marker = _library(tmp_path)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise failure

    monkeypatch.setattr(bk, "copy_database", refuse)
    with pytest.raises(VsrError) as failed:
        bk.create_backup(path)
    said = worded("nl", failed.value.message)
    assert said.startswith("De reservekopie van") and dutch in said, said
    assert not any(english in said for english in ("Errno", "file system", "disk is full",
                                                   "readonly", "Permission", "Input/output"))
