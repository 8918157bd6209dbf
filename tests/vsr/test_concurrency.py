"""Several programs on one library at once: a first start, an upgrade of an older library and
imports of the same files race each other, and every one of them succeeds."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from vsr.library import open_library
from vsr.library.schema import MIGRATIONS
from vsr.media.testclip import generate_test_clip

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def clips(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("clips")
    return [generate_test_clip(folder / f"gesprek {n}.mp4", 1.0 + n * 0.2, with_audio=False)
            for n in range(3)]


def _start_importers(count: int, library: Path, files: list[Path]) -> list[subprocess.Popen[str]]:
    env = {**os.environ, "VSR_LIBRARY": str(library), "VSR_LANG": "en"}
    return [subprocess.Popen([sys.executable, "-m", "vsr", "import", *map(str, files)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                             cwd=ROOT) for _ in range(count)]


def _finish(procs: list[subprocess.Popen[str]]) -> list[tuple[int, str, str]]:
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        results.append((proc.returncode, out, err))
    return results


def _check_all_imported(results: list[tuple[int, str, str]], library: Path, files: list[Path]) -> None:
    for code, out, err in results:
        assert (code, err) == (0, ""), err
        rows = [json.loads(line) for line in out.splitlines()]
        assert [r["path"] for r in rows] == [str(f) for f in files]
    conn = sqlite3.connect(library)
    paths = sorted(row[0] for row in conn.execute("SELECT path FROM recordings"))
    assert paths == sorted(str(f) for f in files)  # one row per file
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    conn.close()


@pytest.mark.slow
def test_ten_importers_on_a_new_library(tmp_path: Path, clips: list[Path]) -> None:
    library = tmp_path / "nieuw" / "library.sqlite"
    results = _finish(_start_importers(10, library, clips))
    _check_all_imported(results, library, clips)
    ids = {json.loads(out.splitlines()[0])["id"] for _c, out, _e in results}
    assert len(ids) == 1  # everybody got the same recording for the same file


def _old_library(path: Path, version: int) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:version]:
        for statement in migration:
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()


@pytest.mark.slow
@pytest.mark.parametrize("version", [1, 3])
def test_two_importers_upgrading_an_old_library(tmp_path: Path, clips: list[Path],
                                                 version: int) -> None:
    library = tmp_path / "library.sqlite"
    _old_library(library, version)
    results = _finish(_start_importers(2, library, clips))
    _check_all_imported(results, library, clips)
    backups = list(tmp_path.glob("library.sqlite.v*.bak"))
    assert [b.name for b in backups] == [f"library.sqlite.v{version}.bak"]
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == version
    old.close()


def test_migration_is_decided_inside_the_write_lock(tmp_path: Path) -> None:
    """Two opens of one old library in one process, interleaved: the second must see the first's
    migration instead of running it again (the version is read under the lock)."""
    library = tmp_path / "library.sqlite"
    _old_library(library, 1)
    first = open_library(library)
    second = open_library(library)
    assert first.schema_version == second.schema_version == len(MIGRATIONS)
    first.close()
    second.close()


def test_opening_waits_when_sqlite_says_locked_at_once(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Switching an old library to WAL, or opening it while another program folds its WAL
    back in, can be answered with "database is locked" at once, without SQLite's own waiting:
    opening tries again (as long as it waits for a migration) instead of giving up."""
    from vsr.library import db

    library = tmp_path / "library.sqlite"
    _old_library(library, 1)
    real = db._connect
    answers = iter([sqlite3.OperationalError("database is locked")] * 3)

    def busy_then_free(path: Path) -> sqlite3.Connection:
        failure = next(answers, None)
        if failure is not None:
            raise failure
        return real(path)

    monkeypatch.setattr(db, "_connect", busy_then_free)
    lib = open_library(library)
    assert lib.schema_version == len(MIGRATIONS)
    assert next(answers, None) is None  # it really was refused three times first
    lib.close()


def test_opening_does_not_retry_other_errors(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from vsr.errors import VsrError
    from vsr.library import db

    calls = []

    def unreadable(path: Path) -> sqlite3.Connection:
        calls.append(path)
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(db, "_connect", unreadable)
    with pytest.raises(VsrError):
        open_library(tmp_path / "library.sqlite")
    assert len(calls) == 1


def test_a_busy_library_is_not_taken_for_a_damaged_one(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """quick_check answered "locked" (another program has the library) once: opening tries
    again and opens it for writing, not read-only as if it were damaged."""
    from vsr.library import db

    library = tmp_path / "library.sqlite"
    open_library(library).close()
    real = db.quick_check
    calls = []

    def locked_once(conn: sqlite3.Connection) -> str:
        calls.append(conn)
        if len(calls) == 1:
            raise sqlite3.OperationalError("database is locked")
        return real(conn)

    monkeypatch.setattr(db, "quick_check", locked_once)
    lib = open_library(library)
    assert lib.damage is None and len(calls) == 2
    lib.close()


def test_another_program_writing_keeps_no_command_waiting_for_a_migration(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Another program holds the (up to date) library for writing (a long write, a SQLite tool
    with a transaction open). Every open took the write lock to look for a migration and so
    waited the migration's five minutes without a word, `vsr list` too. Now reading goes on at
    once, and an import says the library is busy after the edit's wait."""
    import time

    from tests.vsr.fakes import add_fake_recording
    from vsr.cli.main import main
    from vsr.library import db

    library = tmp_path / "library.sqlite"
    lib = open_library(library, backup=False)
    add_fake_recording(lib, tmp_path)
    lib.close()
    eaf = tmp_path / "m.eaf"
    eaf.write_text('<ANNOTATION_DOCUMENT><TIME_ORDER><TIME_SLOT TIME_SLOT_ID="t1" TIME_VALUE="0"/>'
                   '<TIME_SLOT TIME_SLOT_ID="t2" TIME_VALUE="900"/></TIME_ORDER><TIER TIER_ID="Jo">'
                   '<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="t1" '
                   'TIME_SLOT_REF2="t2"><ANNOTATION_VALUE>x</ANNOTATION_VALUE>'
                   '</ALIGNABLE_ANNOTATION></ANNOTATION></TIER></ANNOTATION_DOCUMENT>',
                   encoding="utf-8")
    monkeypatch.setattr(db, "MIGRATION_WAIT_MS", 8_000)
    monkeypatch.setattr(db, "BUSY_WAIT_MS", 300)
    other = sqlite3.connect(library, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        start = time.monotonic()
        assert main(["--library", str(library), "--lang", "en", "list"]) == 0
        assert time.monotonic() - start < 4
        start = time.monotonic()
        code = main(["--library", str(library), "--lang", "en", "import-eaf", str(eaf),
                     "--recording", "1"])
        assert time.monotonic() - start < 4
    finally:
        other.execute("ROLLBACK")
        other.close()
    err = capsys.readouterr().err
    assert code == 2 and "The library is busy" in err and "Traceback" not in err
    assert main(["--library", str(library), "--lang", "en", "import-eaf", str(eaf),
                 "--recording", "1"]) == 0
