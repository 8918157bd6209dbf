"""Damage one page of a small library at a time and run `vsr list` and `vsr backup restore` on
each. Damage in a schema page puts bytes that are not UTF-8 into SQLite's message; Python then
raised UnicodeDecodeError and every command, the restore too, ended in a traceback."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.vsr.fakes import add_fake_recording
from vsr.cli.main import main
from vsr.library import backups as bk
from vsr.library import open_library
from vsr.library import reviews as rv
from vsr.library.db import LibraryDamagedError
from vsr.library.sqlite_failures import failure_text

PAGE = 4096


def _good_library(tmp_path: Path) -> tuple[Path, Path, int]:
    """A small library with a recording and a review, one manual backup, all in one file."""
    path = tmp_path / "bibliotheek.sqlite"
    lib = open_library(path, backup=False)
    rec = add_fake_recording(lib, tmp_path, "gesprek-øł.mp4")
    rv.create_review(lib, rec.id, title="Terugkijken met Zoë")
    lib.close()
    bk.create_backup(path, "manual")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    assert int(conn.execute("PRAGMA page_size").fetchone()[0]) == PAGE
    conn.close()
    good = tmp_path / "good.sqlite"
    shutil.copy(path, good)
    return path, good, pages


def _damage(path: Path, page: int, how: str) -> None:
    """`scattered`: 40 bytes above 0x7F at random places of the page (page 1: not its 100-byte
    file header), the kind that leaves names in the schema undecodable; `whole`: random bytes."""
    rnd = random.Random(page * 7 + len(how))
    with path.open("r+b") as handle:
        if how == "whole":
            handle.seek((page - 1) * PAGE)
            handle.write(rnd.randbytes(PAGE))
            return
        for _ in range(40):
            handle.seek((page - 1) * PAGE + rnd.randrange(100 if page == 1 else 0, PAGE))
            handle.write(bytes([rnd.randrange(0x80, 0x100)]))


def _cli(path: Path, capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str, str]:
    code = main(["--library", str(path), "--lang", "en", *words])
    out, err = capsys.readouterr()
    return code, out, err


def test_every_single_page_damage_is_a_sentence_and_restores(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, good, pages = _good_library(tmp_path)
    manual = bk.list_backups(path)
    assert [b.kind for b in manual] == ["manual"]
    undecodable = 0
    # every page scattered; whole pages of random bytes for the header page and a few others
    for how, chosen in (("scattered", range(1, pages + 1)), ("whole", (1, 2, pages // 2, pages))):
        for page in chosen:
            for leftover in [*bk.backup_folder(path).iterdir(), *path.parent.glob("*-wal"),
                             *path.parent.glob("*-shm")]:
                if leftover != manual[0].path:
                    leftover.unlink()
            shutil.copy(good, path)
            _damage(path, page, how)
            try:  # what the library says about itself, for the count below
                sqlite3.connect(path).execute("PRAGMA journal_mode=WAL").close()
            except UnicodeDecodeError:
                undecodable += 1
            except sqlite3.Error:
                pass
            where = f"{how} damage of page {page}"
            code, out, err = _cli(path, capsys, "list", "--json")
            assert "Traceback" not in err, where
            if code != 0:  # a sentence naming the library, in English as asked
                assert str(path) in err and "damaged" in err, (where, err)
            code, out, err = _cli(path, capsys, "backup", "restore", "--yes")  # the newest good
            assert code == 0 and "Traceback" not in err, (where, err)
            code, out, err = _cli(path, capsys, "list", "--json")
            if code != 0:
                # Damage SQLite's check does not see (a text that is no UTF-8) was backed up as
                # good by the `list` above: the user restores the backup they choose.
                assert "Traceback" not in err and "damaged" in err, (where, err)
                code, out, err = _cli(path, capsys, "backup", "restore", str(manual[0].path),
                                      "--yes")
                assert code == 0, (where, err)
                code, out, err = _cli(path, capsys, "list", "--json")
            assert code == 0 and err == "", (where, err)
            listed = json.loads(out)
            assert [r["title"] for r in listed["reviews"]] == ["Terugkijken met Zoë"], where
    # the attack really reached the case: schema damage that Python could not even decode
    assert undecodable >= 2


def test_a_library_that_cannot_be_read_at_all_names_the_backup(tmp_path: Path) -> None:
    path, good, pages = _good_library(tmp_path)
    for page in range(1, pages + 1):
        shutil.copy(good, path)
        _damage(path, page, "scattered")
        try:
            sqlite3.connect(path).execute("PRAGMA journal_mode=WAL").close()
        except UnicodeDecodeError:
            break
        except sqlite3.Error:
            continue
    else:
        pytest.fail("no page gave an undecodable message")
    try:
        lib = open_library(path)
    except LibraryDamagedError as exc:
        message = exc.message()
        assert "\ufffd" in message and str(path) in message
        assert "vsr backup restore" in message
    else:
        assert lib.read_only and lib.damage
        lib.close()


def test_failure_text_replaces_the_bytes_that_are_not_utf8() -> None:
    exc = UnicodeDecodeError("utf-8", b"malformed database schema (sh\xb8ets)", 29, 30, "bad")
    assert failure_text(exc) == "malformed database schema (sh\ufffdets)"


@pytest.mark.parametrize("table", ["moment_text_fts_config", "moment_text_fts_data"])
def test_a_damaged_page_of_the_search_index_is_a_sentence_and_restores(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], table: str) -> None:
    """A zeroed page of the search index's own tables: `vsr search` ended in a traceback
    (SQLite says "vtable constructor failed", which was not taken for damage)."""
    from vsr.library import markers as mk
    from vsr.library.sheets import SheetField, set_field

    path = tmp_path / "bibliotheek.sqlite"
    lib = open_library(path, backup=False)
    rec = add_fake_recording(lib, tmp_path, "gesprek.mp4")
    review = rv.create_review(lib, rec.id, title="Terugkijken")
    pro = rv.list_parties(lib, review.id)[0]
    marker = mk.add_marker(lib, pro.id, 1_000)
    set_field(lib, marker.id, SheetField.WHAT_HAPPENED, "Ik luisterde naar het vertrouwen")
    lib.close()
    backup = bk.create_backup(path, "manual")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    (page,) = conn.execute("SELECT pageno FROM dbstat WHERE name = ?", (table,)).fetchone()
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((int(page) - 1) * PAGE)
        handle.write(bytes(PAGE))
    code, out, err = _cli(path, capsys, "search", "vertrouwen")
    assert code != 0 and "Traceback" not in err, err
    assert str(path) in err and "damaged" in err, err
    code, out, err = _cli(path, capsys, "backup", "restore", str(backup.path), "--yes")
    assert code == 0, err
    code, out, err = _cli(path, capsys, "search", "vertrouwen")
    assert code == 0 and "vertrouwen" in out, (out, err)
