"""A recording the player cannot play (damaged, or of a kind it cannot play) gives a sentence
above the picture. Before, the player's error signal went nowhere: the window opened silently
black."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from vsr.ui.bridge import LibraryBridge
from vsr.ui.i18n import install_language
from vsr.ui.main_window import MainWindow

from tests.ui.fake_player import FakePlayer
from tests.vsr.fakes import add_fake_recording, fake_fingerprint
from vsr.library import markers as mk
from vsr.library import recordings as rc
from vsr.library import reviews as rv

UNPLAYABLE = ("The file {path} cannot be played: no video or sound could be read from it. "
              "The file may be damaged or of a kind that cannot be played.")


@pytest.fixture
def opened(qtbot, library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(rc, "_default_fingerprinter", fake_fingerprint)
    rec = add_fake_recording(library, tmp_path, "beschadigd ø.mp4")
    review = rv.create_review(library, rec.id)
    pro, _ = rv.list_parties(library, review.id)
    mk.add_marker(library, pro.id, 1_000)
    bridge = LibraryBridge(library)
    player = FakePlayer(duration_ms=120_000)
    player.broken_paths.add(rec.path)
    install_language("nl")
    win = MainWindow(bridge, player)
    qtbot.addWidget(win)
    win.show()
    yield win, player, rec, review
    win.close()
    bridge.close()


def test_an_unplayable_recording_is_said_in_the_window(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    win, player, rec, review = opened
    assert win.open_review(review.id)
    view = win.review_view
    qtbot.waitUntil(lambda: player.state() == "error")
    # the player's own words (VLC's, translated), shown where the user looks
    message = QCoreApplication.translate("MediaPlayer", UNPLAYABLE).format(path=rec.path)
    player.fail(message)
    assert view.banner.isVisible()
    assert view.banner.label.text() == message
    assert "kan niet worden afgespeeld" in message  # in Dutch, the default language
    assert view.marker_list.model.rowCount() == 1  # the notes stay usable


def test_a_playable_recording_shows_no_message(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    win, player, rec, review = opened
    player.broken_paths.clear()
    assert win.open_review(review.id)
    assert player.state() != "error"
    assert not win.review_view.banner.isVisible()
