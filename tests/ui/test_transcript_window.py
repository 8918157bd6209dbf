"""The review window shows the recording's transcript in its lane at 1366x768, follows a new
transcript through the change event, and has the File action to make one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from vsr.ui.actions import ActionId
from vsr.ui.bridge import LibraryBridge
from vsr.ui.main_window import MainWindow

from tests.ui.fake_player import FakePlayer
from tests.vsr.fakes import add_fake_recording, fake_fingerprint
from tests.vsr.test_transcript_store import CONVERSATION
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.transcript.store import delete_transcript, save_transcript


@pytest.fixture
def window(qtbot, library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(rc, "_default_fingerprinter", fake_fingerprint)
    rec = add_fake_recording(library, tmp_path)
    save_transcript(library, rec.id, CONVERSATION, model="whisper-base")
    review = rv.create_review(library, rec.id)
    bridge = LibraryBridge(library)
    win = MainWindow(bridge, FakePlayer(duration_ms=20_000))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    assert win.open_review(review.id)
    win.recording_id = rec.id  # type: ignore[attr-defined]
    yield win
    win.close()
    bridge.close()


def test_the_lane_shows_and_follows_the_transcript(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    lane = window.review_view.timeline.transcript_lane
    qtbot.waitUntil(lane.isVisible)
    assert [s.text for s in lane.segments()] == [s.text for s in CONVERSATION]
    qtbot.waitUntil(lambda: bool(lane.word_boxes()))
    assert lane.height() >= 30 and lane.width() > 1000  # readable at 1366x768
    if os.environ.get("VSR_SCREENSHOT"):
        window.grab().save(os.environ["VSR_SCREENSHOT"])
    delete_transcript(window.bridge.lib, window.recording_id)
    qtbot.waitUntil(lambda: not lane.isVisible())
    save_transcript(window.bridge.lib, window.recording_id, CONVERSATION[:2], model="m")
    qtbot.waitUntil(lambda: len(lane.segments()) == 2)


def test_the_file_menu_offers_to_write_it_down(window) -> None:  # type: ignore[no-untyped-def]
    action = window.actions[ActionId.TRANSCRIBE]
    assert action.isEnabled()
    assert action in window.menuBar().actions()[0].menu().actions()


def test_a_gets_the_words_of_a_moment_with_one_click(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from vsr.library import markers as mk
    from vsr.library.sheets import get_sheet

    view = window.review_view
    pro = rv.list_parties(window.bridge.lib, view.review.id)[0]
    marker = mk.add_marker(window.bridge.lib, pro.id, 7_200, 8_000).id
    view.sheet.set_marker(marker, rv.list_parties(window.bridge.lib, view.review.id))
    button = view.sheet.words_button
    qtbot.waitUntil(button.isVisible)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    saved = get_sheet(window.bridge.lib, marker).what_happened
    assert saved.startswith("“") and "schuldhulpverlening" in saved
    window.undo.undo()  # one action, undone as one
    qtbot.waitUntil(lambda: get_sheet(window.bridge.lib, marker).what_happened == "")
