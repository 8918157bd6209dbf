"""A library whose schema page is damaged so that SQLite's own message is not UTF-8: at start
the window asks to put the newest good backup back, and then opens it. Before, Python's
UnicodeDecodeError left the window a black screen."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
import vsr.ui.app as app_module
from vsr.ui.app import open_checked

from tests.vsr.test_damaged_library_pages import _damage, _good_library
from vsr.library import backups as bk
from vsr.library import reviews as rv


def _undecodable(tmp_path: Path) -> Path:
    path, good, pages = _good_library(tmp_path)
    for page in range(1, pages + 1):
        shutil.copy(good, path)
        _damage(path, page, "scattered")
        try:
            sqlite3.connect(path).execute("PRAGMA journal_mode=WAL").close()
        except UnicodeDecodeError:
            return path
        except sqlite3.Error:
            continue
    pytest.fail("no page gave an undecodable message")


def test_the_window_offers_the_backup_and_opens_it(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = _undecodable(tmp_path)
    asked: list[str] = []

    def answer(parent, library, problem, *, can_view):  # type: ignore[no-untyped-def]
        asked.append(problem)
        return bk.newest_good(library, full=True).path

    monkeypatch.setattr(app_module, "ask_about_damage", answer)
    opened = open_checked(str(path))
    assert opened is not None
    try:
        assert len(asked) == 1 and "\ufffd" in asked[0]  # SQLite's words, bad bytes replaced
        assert not opened.read_only
        assert [r.title for r in rv.list_reviews(opened)] == ["Terugkijken met Zoë"]
    finally:
        opened.close()
