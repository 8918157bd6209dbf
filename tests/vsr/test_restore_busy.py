"""A restore while another program holds the library for writing (a database browser left
open on it, another vsr in a long write)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.vsr.test_restore_older_versions import _library, _marker_start
from vsr.errors import VsrError
from vsr.i18n import using_language
from vsr.library import backups as bk
from vsr.library import markers as mk
from vsr.library import open_library


def test_a_restore_while_another_program_holds_the_library_says_busy(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Python's backup loop waited without end for a program holding the library for
    writing (a database browser left open): the restore hung, silent. Now it says the library
    is busy after a while, and the library is as it was; it is never replaced as a file under
    that program."""
    path, marker_id = _library(tmp_path)
    made = bk.create_backup(path)
    lib = open_library(path, backup=False)
    try:
        mk.move_marker(lib, marker_id, 5000, None)
    finally:
        lib.close()
    monkeypatch.setattr(bk, "RESTORE_WAIT_S", 0.0, raising=False)  # (old code: no such wait)
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with using_language("nl"), pytest.raises(VsrError) as refused:
            bk.restore_backup(path, made.path)
        assert refused.value.key == "error.storage.busy"
        assert "bezet" in worded_nl(refused.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _marker_start(path, marker_id) == 5000
    bk.restore_backup(path, made.path)  # once it is free, the restore works
    assert _marker_start(path, marker_id) == 4321


def worded_nl(exc: VsrError) -> str:
    with using_language("nl"):
        return exc.message()
