"""The tamperings a row-by-row hash chain alone misses, each found by `vsr audit --verify` with a
clear sentence: the newest rows deleted with `sqlite_sequence` lowered to match, the log emptied,
the table dropped and made again (even with a freshly chained forged log in it), and a foreign
`BEFORE INSERT ... RAISE(IGNORE)` trigger that silently drops every later row. The log's head
kept beside the library and the backups' own newest rows are what give these away."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from vsr.cli.main import main as cli_main
from vsr.errors import VsrError
from vsr.library import Library, open_library
from vsr.library import backups as bk
from vsr.library.audit import audit, check_audit_log, list_audit
from vsr.library.audit_chain import TRIGGERS, row_hash
from vsr.library.audit_head import head_file, read_head


@pytest.fixture
def logged(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "library.sqlite")
    for n in range(1, 6):
        audit(lib, "retention.set", f"recording:{n}", keep_until=f"2026-0{n}-01")
    yield lib
    lib.close()


def _tamper(lib: Library, *statements: str) -> None:
    """What someone with a SQLite tool does: triggers off, edit, triggers back on, so that the
    schema looks as the app made it."""
    other = sqlite3.connect(lib.path, isolation_level=None)
    for name in TRIGGERS:
        other.execute(f"DROP TRIGGER IF EXISTS {name}")
    for statement in statements:
        other.execute(statement)
    for sql in TRIGGERS.values():
        other.execute(sql)
    other.close()


def _verify(lib: Library, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli_main(["--library", str(lib.path), "--lang", "en", "audit", "--verify"])
    out, err = capsys.readouterr()
    return code, out, err


def _table_sql(lib: Library) -> str:
    row = lib.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'audit_log'").fetchone()
    return str(row[0])


def test_an_untouched_log_verifies_with_its_head_and_backups(
        logged: Library, capsys: pytest.CaptureFixture[str]) -> None:
    bk.create_backup(logged.path, "manual")
    audit(logged, "purge", "purge", recordings=[])  # the log goes on after the backup
    head = read_head(logged.path)
    assert head is not None and (head.rows, head.last_id) == (6, 6)
    assert stat.S_IMODE(os.stat(head_file(logged.path)).st_mode) == 0o600
    assert check_audit_log(logged).ok
    code, out, err = _verify(logged, capsys)
    assert (code, err) == (0, "") and "6 entries, nothing was altered" in out


def test_newest_rows_deleted_and_the_sequence_lowered(
        logged: Library, capsys: pytest.CaptureFixture[str]) -> None:
    _tamper(logged, "DELETE FROM audit_log WHERE id >= 4",
            "UPDATE sqlite_sequence SET seq = 3 WHERE name = 'audit_log'")
    assert check_audit_log(logged).problems == [("head_behind", 5)]
    assert check_audit_log(logged, full=False).problems == [("head_behind", 5)]  # at start too
    code, _out, err = _verify(logged, capsys)
    assert code == 1 and "fewer entries than vsr last wrote (up to entry 5)" in err


def test_the_log_emptied(logged: Library, capsys: pytest.CaptureFixture[str]) -> None:
    _tamper(logged, "DELETE FROM audit_log",
            "DELETE FROM sqlite_sequence WHERE name = 'audit_log'")
    assert check_audit_log(logged).problems == [("head_behind", 5)]
    code, _out, err = _verify(logged, capsys)
    assert code == 1 and "the log was emptied or made again" in err
    assert "audit log was altered outside vsr" in err


def test_the_table_dropped_and_made_again_with_a_forged_chain(
        logged: Library, capsys: pytest.CaptureFixture[str]) -> None:
    sql = _table_sql(logged)
    forged, prev = [], ""
    for n in range(1, 6):  # five rows, chained exactly as the app chains them
        at, details = "2026-01-01T00:00:00+00:00", '{"keep_until": "2099-01-01"}'
        chain = row_hash(prev, n, at, "retention.set", f"recording:{n}", details)
        forged.append(f"INSERT INTO audit_log VALUES ({n}, '{at}', 'retention.set',"
                      f" 'recording:{n}', '{details}', '{chain}')")
        prev = chain
    _tamper(logged, "DROP TABLE audit_log", sql, *forged)
    assert _table_sql(logged) == sql  # the schema looks untouched
    assert check_audit_log(logged).problems == [("head_behind", 5)]
    code, _out, err = _verify(logged, capsys)
    assert code == 1 and "Entries were deleted, or the log was emptied or made again" in err


def test_a_trigger_that_silently_drops_later_rows(
        logged: Library, capsys: pytest.CaptureFixture[str]) -> None:
    other = sqlite3.connect(logged.path, isolation_level=None)
    other.execute("CREATE TRIGGER audit_log_quiet BEFORE INSERT ON audit_log"
                  " BEGIN SELECT RAISE(IGNORE); END")
    other.close()
    assert check_audit_log(logged).problems == [("extra_trigger", 0)]
    code, _out, err = _verify(logged, capsys)
    assert code == 1 and "unknown trigger acts on the audit log" in err
    # and the app refuses to go on as if it had logged: the change is not made either
    with pytest.raises(VsrError) as caught, logged.write():
        logged.set_setting("marker", "made")
        audit(logged, "retention.set", "recording:9", keep_until="2026-09-01")
    assert caught.value.key == "error.audit.not_written"
    assert logged.get_setting("marker") == ""
    assert [e.id for e in list_audit(logged)] == [5, 4, 3, 2, 1]


def test_a_trigger_on_another_table_writing_into_the_log(logged: Library) -> None:
    other = sqlite3.connect(logged.path, isolation_level=None)
    other.execute("CREATE TRIGGER sneaky AFTER INSERT ON settings BEGIN"
                  " INSERT INTO audit_log (at, action, subject) VALUES ('x', 'y', 'z'); END")
    other.close()
    assert ("extra_trigger", 0) in check_audit_log(logged).problems


def test_a_changed_table_definition(logged: Library) -> None:
    _tamper(logged, "ALTER TABLE audit_log ADD COLUMN note TEXT")
    assert check_audit_log(logged).problems == [("table", 0)]


def test_the_head_file_removed_or_garbled(logged: Library,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    head_file(logged.path).unlink()
    assert check_audit_log(logged).problems == [("head_missing", 1)]
    code, _out, err = _verify(logged, capsys)
    assert code == 1 and "keeps the end of the log is missing" in err
    head_file(logged.path).write_text("{not json", encoding="utf-8")
    assert check_audit_log(logged).problems == [("head_unreadable", 0)]


def test_a_backup_still_holds_what_the_log_and_head_lost(logged: Library,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    bk.create_backup(logged.path, "manual")
    _tamper(logged, "DROP TABLE audit_log", _table_sql(logged))
    head_file(logged.path).unlink()  # the head gone too: an empty log without a head
    assert check_audit_log(logged).problems == [("backup_ahead", 5)]
    code, _out, err = _verify(logged, capsys)
    assert code == 1 and "A backup still has entry 5" in err


def test_a_rolled_back_change_leaves_the_head_alone(logged: Library) -> None:
    with pytest.raises(RuntimeError), logged.write():
        audit(logged, "retention.set", "recording:7", keep_until="2026-07-01")
        raise RuntimeError("the change failed after its audit row")
    head = read_head(logged.path)
    assert head is not None and head.last_id == 5
    assert check_audit_log(logged).ok


def test_a_log_ahead_of_its_head_is_not_a_tampering(logged: Library) -> None:
    """Another program appended after this one last wrote the head (or a kill came between a
    commit and the head write): the head is behind, never ahead, and that is fine."""
    stale = head_file(logged.path).read_text(encoding="utf-8")
    audit(logged, "retention.set", "recording:6", keep_until="2026-06-01")
    head_file(logged.path).write_text(stale, encoding="utf-8")
    assert check_audit_log(logged).ok


def test_two_programs_writing_at_once_leave_a_log_that_verifies(tmp_path: Path) -> None:
    """The window and a `vsr` command writing audit rows at the same time: each writes the head
    after its own commit from what is committed then, so the head is never ahead of the log."""
    import subprocess
    import sys

    path = tmp_path / "library.sqlite"
    open_library(path).close()
    script = ("import sys\nfrom vsr.library import open_library\n"
              "from vsr.library.audit import audit\n"
              "lib = open_library(sys.argv[1], backup=False)\n"
              "for n in range(40):\n"
              "    audit(lib, 'retention.set', f'recording:{n}', by=sys.argv[2])\n"
              "lib.close()\n")
    writers = [subprocess.Popen([sys.executable, "-c", script, str(path), name])
               for name in ("venster", "opdracht")]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    lib = open_library(path, backup=False)
    try:
        check = check_audit_log(lib)
        assert check.ok and check.rows == 80, check.problems
        head = read_head(path)
        assert head is not None and head.last_id <= 80
    finally:
        lib.close()
