"""The audit log is tamper-evident: a row changed or deleted around the triggers (with any
SQLite tool), the newest rows deleted, or a trigger dropped, is found by the check and said
clearly by `vsr audit --verify` and `vsr audit`."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from vsr.cli.main import main as cli_main
from vsr.library import Library, open_library
from vsr.library.audit import audit, check_audit_log
from vsr.library.audit_chain import TRIGGERS


@pytest.fixture
def logged(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "library.sqlite")
    for n in range(1, 6):
        audit(lib, "retention.set", f"recording:{n}", keep_until=f"2026-0{n}-01")
    yield lib
    lib.close()


def _tamper(lib: Library, *statements: str, keep_triggers_off: bool = False) -> None:
    """What someone with a SQLite tool does: drop the triggers, edit, maybe put them back."""
    other = sqlite3.connect(lib.path, isolation_level=None)
    for name in TRIGGERS:
        other.execute(f"DROP TRIGGER {name}")
    for statement in statements:
        other.execute(statement)
    if not keep_triggers_off:
        for sql in TRIGGERS.values():
            other.execute(sql)
    other.close()


def _verify(lib: Library, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli_main(["--library", str(lib.path), "--lang", "en", "audit", "--verify"])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_untouched_log_checks_out(logged: Library, capsys: pytest.CaptureFixture[str]) -> None:
    check = check_audit_log(logged)
    assert check.ok and check.rows == 5
    assert check_audit_log(logged, full=False).ok
    code, out, err = _verify(logged, capsys)
    assert code == 0 and "5 entries, nothing was altered" in out and err == ""


def test_a_changed_row_is_found(logged: Library, capsys: pytest.CaptureFixture[str]) -> None:
    _tamper(logged, "UPDATE audit_log SET details = '{\"keep_until\": \"2099-01-01\"}'"
                    " WHERE id = 3")
    assert check_audit_log(logged).problems == [("changed", 3)]
    code, _out, err = _verify(logged, capsys)
    assert code == 1
    assert "audit log was altered outside vsr" in err and "Entry 3 was changed" in err
    # the plain listing warns too, before the rows
    assert cli_main(["--library", str(logged.path), "--lang", "en", "audit"]) == 0
    assert "altered outside vsr" in capsys.readouterr().err


def test_a_deleted_row_is_found(logged: Library, capsys: pytest.CaptureFixture[str]) -> None:
    _tamper(logged, "DELETE FROM audit_log WHERE id = 2")
    # the next row no longer fits, and the log holds one row fewer than its head says
    assert check_audit_log(logged).problems == [("changed", 3), ("head_behind", 5)]
    assert _verify(logged, capsys)[0] == 1


def test_deleting_the_newest_rows_is_found(logged: Library,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    _tamper(logged, "DELETE FROM audit_log WHERE id >= 4")
    assert check_audit_log(logged).problems == [("deleted_end", 5), ("head_behind", 5)]
    assert check_audit_log(logged, full=False).problems == [("deleted_end", 5),
                                                            ("head_behind", 5)]
    code, _out, err = _verify(logged, capsys)
    assert code == 1 and "newest entries were deleted" in err


def test_a_dropped_trigger_is_found(logged: Library, capsys: pytest.CaptureFixture[str]) -> None:
    _tamper(logged, keep_triggers_off=True)
    assert check_audit_log(logged).problems == [("trigger", 0), ("trigger", 0)]
    code, _out, err = _verify(logged, capsys)
    assert code == 1 and "protection that stops changes" in err


def test_a_forged_row_is_found(logged: Library) -> None:
    other = sqlite3.connect(logged.path, isolation_level=None)
    other.execute("INSERT INTO audit_log (at, action, subject, details, chain)"
                  " VALUES ('2026-01-01', 'export', 'review:1', '{}', 'made up')")
    other.close()
    assert check_audit_log(logged).problems == [("changed", 6)]
    assert check_audit_log(logged, full=False).problems == [("changed", 6)]


@pytest.mark.parametrize("how", ["zeroed", "not UTF-8"])
def test_a_damaged_page_of_the_log_is_a_sentence_not_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str) -> None:
    """A damaged page in the audit log's table (the existing page test damages a small library
    without one): `vsr audit` ended in a traceback from the chain check, and the window, which
    checks at every start, in the crash dialog. The check now says the log cannot be read."""
    from vsr.i18n import using_language
    from vsr.library.audit_text import check_lines

    path = tmp_path / "library.sqlite"
    lib = open_library(path, backup=False)
    for n in range(1, 40):
        audit(lib, "retention.set", f"recording:{n}", keep_until="2026-01-01", note="x" * 40)
    lib.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    pages = [int(p) for (p,) in conn.execute(
        "SELECT pageno FROM dbstat WHERE name = 'audit_log' AND pagetype = 'leaf'")]
    conn.close()
    with path.open("r+b") as handle:
        start = (pages[0] - 1) * page_size
        if how == "zeroed":
            handle.seek(start)
            handle.write(bytes(page_size))
        else:  # a byte of a row's text that is no UTF-8: SQLite's own check does not see it
            handle.seek(start)
            data = handle.read(page_size)
            at = data.rindex(b'"note"')
            handle.seek(start + at + 1)
            handle.write(b"\xff")
    lib = open_library(path, backup=False)
    try:
        check = check_audit_log(lib)
        assert check.problems == [("damaged", 0)]
        with using_language("en"):
            assert "cannot be read" in "\n".join(check_lines(check))
    finally:
        lib.close()
    code = cli_main(["--library", str(path), "--lang", "en", "audit"])
    out, err = capsys.readouterr()
    assert code != 0 and "Traceback" not in err
    assert "damaged" in err and str(path) in err
