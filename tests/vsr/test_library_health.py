"""When the library's integrity is checked (vsr.library.health): after an unclean shutdown,
when the file changed behind our back, once a day and before a backup; not on the opens
between, so start-up does not read the whole library and its backups every time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.vsr.fakes import add_fake_recording
from vsr.library import backups as bk
from vsr.library import db, health, open_library
from vsr.library import markers as mk
from vsr.library import reviews as rv


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every quick_check of the library ('library') or of a backup (its file name)."""
    seen: list[str] = []
    real_quick, real_file = db.quick_check, bk.check_file

    def quick(conn: object) -> str:
        seen.append("library")
        return real_quick(conn)  # type: ignore[arg-type]

    def file(path: Path, *, full: bool = False) -> str:
        seen.append(path.name)
        return real_file(path, full=full)

    monkeypatch.setattr(db, "quick_check", quick)
    monkeypatch.setattr(bk, "check_file", file)
    return seen


def _library(tmp_path: Path, name: str = "bibliothèek ø.sqlite") -> Path:
    path = tmp_path / name
    lib = open_library(path)
    rec = add_fake_recording(lib, tmp_path)
    review = rv.create_review(lib, rec.id)
    pro, _ = rv.list_parties(lib, review.id)
    mk.add_marker(lib, pro.id, 1000)
    lib.close()
    return path


def _open_close(path: Path) -> None:
    lib = open_library(path)
    assert not lib.read_only, lib.damage
    lib.close()


def test_the_opens_between_checks_read_neither_library_nor_backups(
        tmp_path: Path, checks: list[str]) -> None:
    path = _library(tmp_path)
    _open_close(path)  # the first open of an existing library: checked ("never")
    assert "library" in checks
    assert (health.state_dir(path) / "clean.json").is_file()
    checks.clear()
    for _ in range(3):
        _open_close(path)
    assert checks == []
    assert list(health.state_dir(path).glob("open-*")) == []  # every marker taken away


def test_a_program_killed_with_the_library_open_makes_the_next_open_check(
        tmp_path: Path, checks: list[str]) -> None:
    path = _library(tmp_path)
    _open_close(path)
    killed = ("import os, sys; from vsr.library import open_library; "
              "lib = open_library(sys.argv[1]); os._exit(0)")  # no close: a crash
    subprocess.run([sys.executable, "-c", killed, str(path)], check=True, timeout=120)
    assert health.check_reason(path) == "unclean"
    checks.clear()
    _open_close(path)
    assert checks.count("library") == 1
    assert list(health.state_dir(path).glob("open-*")) == []  # dealt with by that check
    assert health.check_reason(path) is None
    checks.clear()
    _open_close(path)
    assert checks == []


def test_a_file_changed_behind_our_back_is_checked_and_opens_read_only(
        tmp_path: Path, checks: list[str]) -> None:
    path = _library(tmp_path)
    _open_close(path)
    data = bytearray(path.read_bytes())
    data[4096 * 2:4096 * 6] = b"\x5a" * (4096 * 4)
    path.write_bytes(bytes(data))
    assert health.check_reason(path) == "changed"
    lib = open_library(path)
    try:
        assert lib.read_only and lib.damage
    finally:
        lib.close()


def test_damage_that_kept_the_file_time_is_found_by_the_daily_check(
        tmp_path: Path, checks: list[str]) -> None:
    path = _library(tmp_path)
    _open_close(path)
    stat = path.stat()
    data = bytearray(path.read_bytes())
    data[4096 * 2:4096 * 6] = b"\x5a" * (4096 * 4)
    path.write_bytes(bytes(data))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # bit rot: the time stays
    assert health.check_reason(path) is None
    stamp = health.state_dir(path) / "clean.json"
    old = json.loads(stamp.read_text("utf-8"))
    old["checked_at"] = time.time() - health.CHECK_EVERY_S - 60
    stamp.write_text(json.dumps(old), "utf-8")
    assert health.check_reason(path) == "daily"
    lib = open_library(path)
    try:
        assert lib.read_only and lib.damage
    finally:
        lib.close()


def test_a_stamp_from_the_future_counts_as_due(tmp_path: Path) -> None:
    path = _library(tmp_path, "ıł.sqlite")
    _open_close(path)
    stamp = health.read_stamp(path)
    assert stamp is not None
    assert health.check_reason(path, now=stamp.checked_at - 3600) == "daily"


def test_a_due_backup_is_made_only_after_the_library_is_checked(
        tmp_path: Path, checks: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    path = _library(tmp_path)
    _open_close(path)
    checks.clear()
    made = bk.list_backups(path)
    assert {b.kind for b in made} == {"daily", "weekly"}
    later = made[0].made_at + bk.DAILY_EVERY
    monkeypatch.setattr(bk, "_now", lambda: later)
    _open_close(path)
    assert checks[0] == "library"  # the check before the new daily backup
    assert [b.kind for b in bk.list_backups(path)].count("daily") == 2


def test_the_last_of_two_programs_stamps_the_clean_close(tmp_path: Path) -> None:
    path = _library(tmp_path)
    _open_close(path)
    stamp = health.state_dir(path) / "clean.json"
    before = stamp.read_bytes()
    first, second = open_library(path), open_library(path)
    first.close()
    assert stamp.read_bytes() == before  # the second still has it: no stamp yet
    rec = add_fake_recording(second, tmp_path, "tweede.mp4", b"y")
    rv.create_review(second, rec.id)
    second.close()
    assert stamp.read_bytes() != before  # the file as the second left it
    assert health.check_reason(path) is None


def test_garbage_backups_do_not_count_on_the_opens_between_checks(tmp_path: Path) -> None:
    path = _library(tmp_path)
    _open_close(path)
    for backup in bk.list_backups(path):
        backup.path.write_bytes(b"not sqlite at all")
    future = bk.backup_folder(path) / f"{path.stem}-daily-20990101-000000.sqlite"
    future.write_bytes((tmp_path / path.name).read_bytes())
    assert health.check_reason(path) is None
    assert bk.kinds_due(path, verify=False) == ["daily", "weekly"]


def test_an_unwritable_state_folder_means_checking_every_time(
        tmp_path: Path, checks: list[str]) -> None:
    path = _library(tmp_path)
    folder = health.state_dir(path)
    for entry in folder.iterdir():
        entry.unlink()
    folder.rmdir()
    folder.write_text("a file where the folder should be")
    checks.clear()
    _open_close(path)
    _open_close(path)
    assert checks.count("library") == 2
