"""A shared recording plays in the window at once (issue 23), against a real PostgreSQL
(tests/vsr/pg_cluster.py): the coach opens it from "Gedeeld met mij", the player gets the
loopback stream before the recording is in the private cache, the cache fills on a worker and
then the sound band comes; withdrawal or retention passing while it plays stops it, removes
the cache and the received review, and says so. The player is the fake one (this is about
order); tests/e2e/test_team_playback_e2e.py plays it with the real VLC."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from vsr.ui.bridge import LibraryBridge
from vsr.ui.i18n import install_language
from vsr.ui.main_window import MainWindow
from vsr.ui.team import menu as team_menu
from vsr.ui.team import playback
from vsr.ui.team.received_dialog import SHARE_ID
from vsr.ui.team.settings import MEDIA_KEY, URL_KEY

from tests.ui.fake_player import FakePlayer
from tests.vsr.pg_cluster import pg_cluster  # noqa: F401 (fixture)
from tests.vsr.test_team import _grant, media, source, team_db, world  # noqa: F401
from vsr.errors import NotFoundError
from vsr.library import open_library
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library.withdrawal import withdraw_consent
from vsr.team import sharing as ts
from vsr.team.outbox import tell_team
from vsr.team.received import received


class OrderPlayer(FakePlayer):
    """Notes, at each load, what it was given and whether the cache file was there."""

    def __init__(self) -> None:
        super().__init__(duration_ms=3_000)
        self.loads: list[tuple[str, bool]] = []
        self.cache: Path | None = None

    def load(self, path: str) -> None:
        self.loads.append((path, self.cache is not None and self.cache.exists()))
        super().load(path)


@pytest.fixture
def coach(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Carla's window on her own library; the team settings point at the test database later;
    her private cache in the test's folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("VSR_TEAM", raising=False)
    monkeypatch.delenv("VSR_TEAM_MEDIA", raising=False)
    install_language("nl")
    settings = QSettings()
    before = {k: settings.value(k) for k in (URL_KEY, MEDIA_KEY)}
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    lib = open_library(tmp_path / "carla" / "library.sqlite")
    bridge = LibraryBridge(lib)
    player = OrderPlayer()
    win = MainWindow(bridge, player)
    qtbot.addWidget(win)
    win.resize(1300, 850)
    win.show()
    win.player_under_test = player  # type: ignore[attr-defined]
    win.told = told  # type: ignore[attr-defined]
    yield win
    win.close()
    bridge.close()
    for key, value in before.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


def _shared(team_db, world, media) -> str:  # noqa: F811
    _grant(world, "intervisie")
    with team_db.conn("alice") as alice:
        return ts.share_review(world.lib, alice, media, world.review.id, "Team Noord",
                               "intervisie")


def _open_in_window(qtbot, win: MainWindow, team_db, media: Path, share_id: str  # noqa: F811
                    ) -> playback.SharedPlayback:
    QSettings().setValue(URL_KEY, team_db.url("carla"))
    QSettings().setValue(MEDIA_KEY, str(media))
    player: OrderPlayer = win.player_under_test  # type: ignore[attr-defined]
    dialog = team_menu.received_dialog(win)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.items.count() == 1, timeout=15_000)
    assert dialog.items.item(0).data(SHARE_ID) == share_id
    player.cache = Path(playback_cache(win)) / f"{share_id}.mp4"
    dialog.open_button.click()
    qtbot.waitUntil(lambda: playback.current is not None and win.showing_review(),
                    timeout=30_000)
    assert playback.current is not None
    return playback.current


def playback_cache(_win: MainWindow) -> Path:
    from vsr.team.received import default_cache

    return default_cache()


def test_the_player_starts_on_the_stream_before_the_cache_and_the_band_comes_after(
        qtbot, coach, team_db, world, media) -> None:  # noqa: F811
    share_id = _shared(team_db, world, media)
    playing = _open_in_window(qtbot, coach, team_db, media, share_id)
    player: OrderPlayer = coach.player_under_test
    view = coach.review_view
    # The first thing the player was given is the loopback address, before the cache had it.
    url, cached_then = player.loads[0]
    assert url.startswith("http://127.0.0.1:") and url.endswith("/media")
    assert not cached_then
    assert view.review is not None and view.review.title == "Ontvangen van Team Noord: Gesprek"
    assert view.banner.isHidden()  # no "recording not found" while it is on its way
    assert len(view.markers) == 2  # the shared moments are on the timeline at once
    # The address serves the recording itself (decrypted chunk by chunk, nothing on disk).
    with urllib.request.urlopen(url, timeout=10) as answer:
        assert answer.read() == Path(world.rec.path).read_bytes()
    # The cache fills on a worker; then the row knows the picture and the band is computed.
    qtbot.waitUntil(lambda: playing.complete, timeout=30_000)
    target = playing.arriving.target
    assert target.read_bytes() == Path(world.rec.path).read_bytes()
    assert target.stat().st_mode & 0o077 == 0
    recording = rc.get_recording(coach.bridge.lib, playing.arriving.recording_id)
    assert recording.path == str(target) and recording.fps == pytest.approx(25, abs=0.5)
    qtbot.waitUntil(lambda: view.timeline.view._envelope is not None, timeout=30_000)
    assert playback.waiting_text(recording.id) is None
    assert "op deze computer" in playing.strip.label.text()
    assert [u for u, _ in player.loads] == [url]  # it plays on from the stream: no reload
    # Closing the review lets go of the server: the address answers no more.
    view.close_review()
    coach.show_start()
    assert playback.current is None

    def refused() -> bool:
        try:
            urllib.request.urlopen(url, timeout=2).close()
        except (urllib.error.URLError, OSError):
            return True
        return False

    qtbot.waitUntil(refused, timeout=10_000)
    # Opened again it plays the cached file, with nothing to stream.
    _open_in_window(qtbot, coach, team_db, media, share_id)
    assert player.loads[-1] == (str(target), True)


def test_until_the_cache_is_complete_clips_and_transcripts_wait_with_a_sentence(
        qtbot, coach, team_db, world, media, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    monkeypatch.setattr(playback, "FILL_WAIT_S", 60.0)
    player: OrderPlayer = coach.player_under_test
    monkeypatch.setattr(player, "is_opening", lambda: True)  # no first picture: no fill yet
    share_id = _shared(team_db, world, media)
    playing = _open_in_window(qtbot, coach, team_db, media, share_id)
    rec_id = playing.arriving.recording_id
    text = playback.waiting_text(rec_id)
    assert text is not None and "0 %" in text and "clips" in text
    assert playing.strip.isVisible() and playing.strip.label.text() == text
    coach.review_view.transcribe()
    assert coach.told and coach.told[-1] == text  # said, not "the recording is missing"
    # Clips are cut from the file: the export (and its face preview) waits with the sentence.
    from vsr.ui.clips.export_dialog import ExportClipsDialog

    from vsr.library.collections import add_clip, create_collection

    lib = coach.bridge.lib
    collection = create_collection(lib, "Intervisie", "intervisie")
    add_clip(lib, collection.id, rec_id, 500, 1500)
    dialog = ExportClipsDialog(lib, collection.id)
    qtbot.addWidget(dialog)
    dialog.start_export()
    assert dialog.status.text() == text and dialog.task is None
    assert not playing.arriving.target.exists()


@pytest.mark.parametrize(("how", "cached"), [("withdrawn", True), ("retention", True),
                                             ("withdrawn", False)])
def test_withdrawal_or_retention_while_playing_stops_and_removes(
        qtbot, coach, team_db, world, media, how: str, cached: bool,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(playback, "POLL_S", 0.2)
    player: OrderPlayer = coach.player_under_test
    if not cached:  # still on its way: the fill waits for a first picture that does not come
        monkeypatch.setattr(playback, "FILL_WAIT_S", 60.0)
        monkeypatch.setattr(player, "is_opening", lambda: True)
    share_id = _shared(team_db, world, media)
    playing = _open_in_window(qtbot, coach, team_db, media, share_id)
    url = player.loads[0][0]
    review_id = playing.arriving.review_id
    if cached:
        qtbot.waitUntil(lambda: playing.complete, timeout=30_000)
    player.play()
    qtbot.wait(500)  # a few checks while it still holds: it keeps playing
    assert player.is_playing() and coach.showing_review()
    if how == "withdrawn":
        withdraw_consent(world.lib, world.rec.id, "intervisie")
        tell_team(world.lib, world.rec.id, "intervisie", url=team_db.url("alice"), media=media)
    else:
        rec = ts.team_recording_id(world.rec.fingerprint)
        team_db.cluster.psql(f"UPDATE vsr_team.recording SET keep_until = current_date - 1"
                             f" WHERE id = '{rec}'", db=team_db.db)
    qtbot.waitUntil(lambda: bool(coach.told), timeout=15_000)
    assert "niet meer met je gedeeld" in coach.told[0] and "Traceback" not in coach.told[0]
    assert player.state() == "stopped" and not coach.showing_review()
    assert playback.current is None
    assert not playing.arriving.target.exists()
    assert not playing.arriving.target.with_name(playing.arriving.target.name + ".part").exists()
    with pytest.raises(NotFoundError):
        rv.get_review(coach.bridge.lib, review_id)
    assert share_id not in received(coach.bridge.lib)
    with pytest.raises((urllib.error.URLError, OSError)):
        qtbot.wait(1200)  # the server's loop notices its shutdown within 0.5 s
        urllib.request.urlopen(url, timeout=2).close()


def test_a_review_closed_before_its_recording_arrived_streams_again_when_opened(
        qtbot, coach, team_db, world, media, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    monkeypatch.setattr(playback, "FILL_WAIT_S", 60.0)
    player: OrderPlayer = coach.player_under_test
    monkeypatch.setattr(player, "is_opening", lambda: True)  # no first picture: no fill yet
    share_id = _shared(team_db, world, media)
    playing = _open_in_window(qtbot, coach, team_db, media, share_id)
    review_id = playing.arriving.review_id
    coach.review_view.close_review()
    coach.show_start()
    assert playback.current is None and not playing.arriving.target.exists()
    # From the recent list (or anywhere): it is opened from the team's store again.
    assert coach.open_review(review_id)
    qtbot.waitUntil(lambda: playback.current is not None and coach.showing_review(),
                    timeout=30_000)
    assert player.loads[-1][0].startswith("http://127.0.0.1:") and player.loads[-1][0] != \
        player.loads[0][0]  # a new server, a new token
    assert coach.review_view.banner.isHidden()
    assert len(received(coach.bridge.lib)) == 1  # the same received review, not a second one
    coach.review_view.close_review()
    coach.show_start()
    # The team library cannot be reached: it opens as it is and says why, in words.
    QSettings().setValue(URL_KEY, "postgresql://carla@127.0.0.1:1/geen_team?connect_timeout=2")
    assert coach.open_review(review_id)
    qtbot.waitUntil(lambda: coach.showing_review()
                    and not coach.review_view.banner.isHidden(), timeout=30_000)
    assert "niet bereikbaar" in coach.review_view.banner.label.text()
