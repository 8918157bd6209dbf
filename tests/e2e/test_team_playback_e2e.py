"""A shared recording with the real VLC in a real window (issue 23): the coach opens it from
"Gedeeld met mij" against a real PostgreSQL, VLC plays it from the loopback server (its first
picture on screen, the clock moving) while the private cache fills; then the sound band."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from vsr.ui.bridge import LibraryBridge
from vsr.ui.i18n import install_language
from vsr.ui.main_window import MainWindow
from vsr.ui.player.factory import create_player
from vsr.ui.team import menu as team_menu
from vsr.ui.team import playback
from vsr.ui.team.settings import MEDIA_KEY, URL_KEY

from tests.vsr.pg_cluster import pg_cluster  # noqa: F401 (fixture)
from tests.vsr.test_team import _grant, media, source, team_db, world  # noqa: F401
from vsr.library import open_library
from vsr.team import sharing as ts

pytestmark = pytest.mark.e2e


@pytest.fixture
def settings_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("VSR_TEAM", raising=False)
    monkeypatch.delenv("VSR_TEAM_MEDIA", raising=False)
    settings = QSettings()
    before = {k: settings.value(k) for k in (URL_KEY, MEDIA_KEY)}
    yield
    for key, value in before.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


def test_vlc_plays_a_shared_recording_from_the_stream_while_it_arrives(
        qtbot, tmp_path: Path, team_db, world, media, settings_back) -> None:  # noqa: F811
    install_language("nl")
    _grant(world, "intervisie")
    with team_db.conn("alice") as alice:
        ts.share_review(world.lib, alice, media, world.review.id, "Team Noord", "intervisie")
    QSettings().setValue(URL_KEY, team_db.url("carla"))
    QSettings().setValue(MEDIA_KEY, str(media))
    bridge = LibraryBridge(open_library(tmp_path / "carla" / "library.sqlite"))
    player = create_player()
    if not player.available:
        pytest.fail(f"libVLC is not usable here: {player.unavailable_reason}")
    win = MainWindow(bridge, player)
    qtbot.addWidget(win)
    win.resize(1280, 820)
    win.show()
    qtbot.waitExposed(win)
    dialog = team_menu.received_dialog(win)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.items.count() == 1, timeout=15_000)
    dialog.open_button.click()
    qtbot.waitUntil(lambda: playback.current is not None and win.showing_review(),
                    timeout=30_000)
    playing = playback.current
    assert playing is not None
    url = str(player.path())
    assert url.startswith("http://127.0.0.1:")  # VLC reads the loopback stream
    # The first picture: VLC opened it through the server (warm-up done, a video output).
    qtbot.waitUntil(lambda: not player.is_opening() and player.state() == "paused",
                    timeout=15_000)
    assert player.duration() > 2500
    assert win.review_view.banner.isHidden()
    player.play()
    qtbot.waitUntil(lambda: player.position() > 1200, timeout=10_000)
    assert player.state() in ("playing", "ended")
    shot = os.environ.get("VSR_E2E_SCREENSHOT_TEAM")
    if shot:
        win.grab().save(shot)
    qtbot.waitUntil(lambda: playing.complete, timeout=30_000)
    qtbot.waitUntil(lambda: win.review_view.timeline.view._envelope is not None,
                    timeout=30_000)
    assert player.path() == url  # it played on from the stream
    win.close()
    bridge.close()
    bridge.lib.close()


def test_vlc_log_never_holds_the_loopback_token(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog) -> None:
    """VLC names the address it opens in its messages; the token in it is left out."""
    import logging

    from vsr.media.testclip import generate_test_clip
    from vsr.team.media_crypto import encrypt_file, new_key
    from vsr.team.media_server import MediaServer

    monkeypatch.setenv("VSR_VLC_VERBOSE", "1")
    caplog.set_level(logging.DEBUG, logger="vsr.vlc")
    plain = generate_test_clip(tmp_path / "gesprek.mp4", 2.0)
    key = new_key()
    encrypt_file(plain, tmp_path / "gesprek.vsrmedia", key)
    server = MediaServer(tmp_path / "gesprek.vsrmedia", key)
    player = create_player()
    try:
        surface = player.video_widget()
        qtbot.addWidget(surface)
        surface.resize(320, 240)
        surface.show()
        player.load_stream(server.url, "Gesprek")
        qtbot.waitUntil(lambda: not player.is_opening() and player.state() == "paused",
                        timeout=15_000)
        addresses = [r.getMessage() for r in caplog.records if "127.0.0.1" in r.getMessage()]
        assert addresses  # VLC did name the address ...
        assert all(server.token not in r.getMessage() for r in caplog.records)  # ... not the token
    finally:
        player.shutdown()
        server.close()
