"""Reading is logged (NEN 7513): opening a review, and the first play of its recording after
each opening, with who, on which computer and whose recording; pausing, seeking and playing
on within one opening add nothing, and a log that refuses the row keeps the review closed."""

from __future__ import annotations

import getpass
import socket
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from vsr.ui.bridge import LibraryBridge
from vsr.ui.main_window import MainWindow

from tests.ui.fake_player import FakePlayer
from tests.vsr.fakes import add_fake_recording, fake_fingerprint
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library.audit import AuditAction, list_audit


@pytest.fixture
def scene(qtbot, library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(rc, "_default_fingerprinter", fake_fingerprint)
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    bridge = LibraryBridge(library)
    player = FakePlayer(duration_ms=120_000)
    win = MainWindow(bridge, player)
    qtbot.addWidget(win)
    win.show()
    yield win, player, rec, review
    win.close()
    bridge.close()


def _reads(library) -> list[tuple[str, str, int | None]]:  # type: ignore[no-untyped-def]
    reading = (AuditAction.REVIEW_OPENED, AuditAction.RECORDING_PLAYED)
    return [(e.action, e.subject, e.recording_id)
            for e in list_audit(library, newest_first=False) if e.action in reading]


def test_opening_and_the_first_play_are_logged_once_per_opening(scene, library) -> None:  # type: ignore[no-untyped-def]
    win, player, rec, review = scene
    assert win.open_review(review.id)
    player.play()
    player.advance(2_000)
    player.pause()
    player.seek(10_000)
    player.play()  # playing on within the same opening: not logged again
    player.advance(5_000)
    assert _reads(library) == [("review.opened", f"review:{review.id}", rec.id),
                               ("recording.played", f"recording:{rec.id}", rec.id)]
    opened = list_audit(library, action="review.opened")[0]
    assert (opened.who, opened.workstation) == (getpass.getuser(), socket.gethostname())
    player.pause()
    assert win.open_review(review.id)  # opened again: a new opening, a new first play
    player.play()
    assert len(_reads(library)) == 4
    played = list_audit(library, action="recording.played")[0]
    assert played.details == {"review_id": review.id}


def test_a_log_that_refuses_the_row_keeps_the_review_closed(
        scene, library, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    win, player, _rec, review = scene
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    other = sqlite3.connect(library.path, isolation_level=None)
    other.execute("CREATE TRIGGER audit_log_quiet BEFORE INSERT ON audit_log"
                  " BEGIN SELECT RAISE(IGNORE); END")
    other.close()
    assert not win.open_review(review.id)
    assert shown and "logboek nam de regel niet op" in shown[0]
    assert _reads(library) == []
    # From the start page the player may start on the recording while the log is written:
    # refused, it lets go of it again (the page, and so the picture, never showed).
    assert not player.has_media() and not win.showing_review()
