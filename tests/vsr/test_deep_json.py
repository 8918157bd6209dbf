"""JSON that the program reads back from its own files and rows, nested 100,000 deep (a
damaged or altered file): Python's reader raises RecursionError, which no reader caught. The
library's clean-shutdown stamp (`.library-state/clean.json`) ended every command and the
window at the start in a traceback, the log's head file `vsr audit --verify`, and a log row's
details every listing of the log. Each is now read as damaged. And a backup whose collection
questions are no JSON list (read as such by every reader) is refused like its feelings."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.vsr.fakes import add_fake_recording
from vsr.errors import VsrError
from vsr.library import backups as bk
from vsr.library import collections as co
from vsr.library import open_library
from vsr.library.consent import grant_consent
from vsr.library.health import state_dir

DEEP = "[" * 100_000 + "]" * 100_000


def test_a_deep_clean_stamp_does_not_stop_the_library_opening(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    open_library(path).close()
    (state_dir(path) / "clean.json").write_text(DEEP, "utf-8")
    open_library(path).close()  # checked, as after an unclean end


def test_a_deep_log_head_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    from vsr.library.audit import audit, check_audit_log

    lib = open_library(tmp_path / "library.sqlite")
    try:
        audit(lib, "retention.set", "recording:1", keep_until="2026-03-01")
        lib.path.with_name(lib.path.name + ".audit-head").write_text(DEEP, "utf-8")
        assert not check_audit_log(lib, full=False).ok
    finally:
        lib.close()


def test_a_deep_log_row_is_listed(tmp_path: Path) -> None:
    from vsr.library.audit import list_audit

    lib = open_library(tmp_path / "library.sqlite")
    try:
        lib.conn.execute("INSERT INTO audit_log (id, at, action, subject, details, chain)"
                         " VALUES (1, '2026-01-01T00:00:00+00:00', 'export', 'review:1', ?, 'x')",
                         (DEEP,))
        [entry] = list_audit(lib)
        assert "raw" in entry.details
    finally:
        lib.close()


def test_a_backup_whose_collection_questions_are_no_list_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    lib = open_library(path, backup=False)
    rec = add_fake_recording(lib, tmp_path)
    grant_consent(lib, rec.id, "intervisie", given_by="J.")
    co.add_clip(lib, co.create_collection(lib, "Intervisie", "intervisie").id, rec.id, 0, 500)
    lib.close()
    made = bk.create_backup(path)
    hostile = tmp_path / "vijandig.sqlite"
    hostile.write_bytes(made.path.read_bytes())
    conn = sqlite3.connect(hostile)
    conn.execute("UPDATE collection_clips SET questions = ?", (DEEP,))
    conn.commit()
    conn.close()
    with pytest.raises(VsrError) as refused:
        bk.restore_backup(path, hostile)
    assert refused.value.key == "error.backup.damaged"
    assert "collection_clips.questions" in refused.value.message()


def test_a_deep_speech_model_manifest_is_a_bad_manifest(tmp_path: Path) -> None:
    """A model folder is the user's download: its manifest nested deep is said, not raised."""
    from vsr.transcript.speech_model import MANIFEST_NAME, read_manifest

    manifest = tmp_path / MANIFEST_NAME
    manifest.write_text(DEEP, "utf-8")
    with pytest.raises(VsrError) as refused:
        read_manifest(manifest)
    assert refused.value.key == "error.transcript.bad_manifest"
