"""A recording that was fine when it was added and is damaged on disk now (the real truncated
MP4 of the corpus: its header promises 231 s, no picture is there): with the real VLC the window
says so above the picture instead of staying black."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from vsr.ui.bridge import LibraryBridge
from vsr.ui.i18n import install_language
from vsr.ui.main_window import MainWindow
from vsr.ui.player.factory import create_player

from tests.vsr.fakes import add_fake_recording
from vsr.library import open_library
from vsr.library import reviews as rv

pytestmark = pytest.mark.e2e


def test_a_damaged_recording_is_said_in_the_window(qtbot, tmp_path: Path, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    lib = open_library(tmp_path / "lib.sqlite")
    rec = add_fake_recording(lib, tmp_path, "gesprek.mp4", duration_ms=231_000)
    shutil.copy(corpus / "media/malformed/invalid_userdata.mp4", rec.path)  # damaged since
    review = rv.create_review(lib, rec.id)
    bridge = LibraryBridge(lib)
    player = create_player()
    if not player.available:
        pytest.fail(f"libVLC is not usable here: {player.unavailable_reason}")
    install_language("nl")
    win = MainWindow(bridge, player)
    qtbot.addWidget(win)
    win.resize(1280, 820)
    win.show()
    qtbot.waitExposed(win)
    try:
        assert win.open_review(review.id)
        banner = win.review_view.banner
        qtbot.waitUntil(banner.isVisible, timeout=15_000)
        assert rec.path in banner.label.text()
        assert "kan niet worden afgespeeld" in banner.label.text()
    finally:
        win.close()
        bridge.close()
