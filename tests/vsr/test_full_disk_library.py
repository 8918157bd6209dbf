"""A library on a disk that is full. SQLite cannot even make its shared-memory file (-shm) then
and says only "disk I/O error" (found on a 3 MB tmpfs filled to the last block: `vsr list`
said "kan niet worden geopend: disk I/O error", English inside Dutch, and `vsr backup check`
called the library damaged and offered to put a backup back over it). Now both say the disk
is full, in the user's language, and no restore is offered: the library is fine."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from vsr.cli.main import main
from vsr.library import backups as bk
from vsr.library import db, open_library

IO_ERROR = "disk I/O error"  # what SQLite says on a full disk


def _library(tmp_path: Path) -> Path:
    path = tmp_path / "library.sqlite"
    open_library(path).close()
    bk.create_backup(path)  # a good backup: a restore could be offered
    return path


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    real = shutil.disk_usage

    def no_room(path: Any) -> Any:
        used = real(path)
        return type(used)(used.total, used.total, 0)

    monkeypatch.setattr(shutil, "disk_usage", no_room)


@pytest.mark.parametrize(("lang", "said"), [("nl", "de schijf waarop het staat is vol"),
                                            ("en", "the disk it is on is full")])
def test_a_library_on_a_full_disk_is_said_to_be_on_a_full_disk(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        lang: str, said: str) -> None:
    path = _library(tmp_path)
    _disk_full(monkeypatch)

    def no_shm(_path: Path) -> sqlite3.Connection:
        raise sqlite3.OperationalError(IO_ERROR)

    monkeypatch.setattr(db, "_connect", no_shm)
    assert main(["--library", str(path), "--lang", lang, "list"]) != 0
    err = capsys.readouterr().err
    assert said in err and IO_ERROR not in err and "Traceback" not in err


def test_backup_check_on_a_full_disk_offers_no_restore(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = _library(tmp_path)
    _disk_full(monkeypatch)
    real = bk.check_file
    monkeypatch.setattr(bk, "check_file", lambda p, full=False: IO_ERROR if p == path
                        else real(p, full=full))
    assert main(["--library", str(path), "--lang", "nl", "backup", "check"]) == 1
    err = capsys.readouterr().err
    assert "schijf waarop het staat is vol" in err
    assert "beschadigd" not in err and "backup restore" not in err


def test_an_io_error_with_room_on_the_disk_is_not_called_a_full_disk(tmp_path: Path) -> None:
    """Only a disk that really has (almost) no room left makes it "full"."""
    from vsr.library.sqlite_failures import full_disk

    assert shutil.disk_usage(tmp_path).free > 1024 * 1024
    assert not full_disk(tmp_path / "library.sqlite", IO_ERROR)
    assert not full_disk(tmp_path / "library.sqlite", "file is not a database")
