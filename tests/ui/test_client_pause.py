"""The client's pause, kept: "Pauze – Cliënt" records who paused and where, the timeline shows a
mark in the client's lane, Stap 2 says "paused here" beside the moment, and the pause becomes a
moment in one (undoable) step. A refused save says so and records nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from vsr.ui.bridge import LibraryBridge
from vsr.ui.main_window import MainWindow

from tests.ui.fake_player import FakePlayer
from tests.vsr.fakes import add_fake_recording, fake_fingerprint
from vsr import samenleergesprek as ss
from vsr.library import markers as mk
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.samenleergesprek import pauses as ps
from vsr.samenleergesprek.model import SessionStep

PAUSE_MS = 42_000


@pytest.fixture
def window(qtbot, library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(rc, "_default_fingerprinter", fake_fingerprint)
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id, party_names=("Ił", "Øy"))
    for party in rv.list_parties(library, review.id):
        ss.confirm_rules(library, review.id, party.id)
    bridge = LibraryBridge(library)
    player = FakePlayer(duration_ms=120_000)
    win = MainWindow(bridge, player)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    assert win.open_review(review.id)
    win.review_view.tabs.setCurrentIndex(1)
    win.player_under_test = player  # type: ignore[attr-defined]
    win.review_id = review.id  # type: ignore[attr-defined]
    yield win
    win.close()
    bridge.close()


def client_pauses_at(qtbot, win, ms: int) -> None:  # type: ignore[no-untyped-def]
    player: FakePlayer = win.player_under_test
    player.play()
    player.seek(ms)
    panel = win.review_view.session_panel
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)


def lane_top_pixels(win, x: int):  # type: ignore[no-untyped-def]
    view = win.review_view.timeline.view
    QApplication.processEvents()
    image = view.grab().toImage()
    r = view.current_layout().lane_rect(1)  # the client's lane
    return [image.pixelColor(x + dx, int(r.y) + 6).name() for dx in (-3, -2, 1, 2)]


def test_the_clients_pause_is_kept_shown_and_made_a_moment(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    lib, rid = window.bridge.lib, window.review_id
    pro, client = rv.list_parties(lib, rid)
    view = window.review_view.timeline.view
    x = int(view.x_for_time(PAUSE_MS))
    empty_lane = lane_top_pixels(window, x)
    client_pauses_at(qtbot, window, PAUSE_MS)
    assert not window.player_under_test.is_playing()
    pauses = ps.list_pauses(lib, rid)
    assert [(p.party_id, p.position_ms) for p in pauses] == [(client.id, PAUSE_MS)]
    # The timeline: a mark in the client's lane, with a tooltip saying whose pause it is.
    assert view.pauses() == [(client.id, PAUSE_MS)]
    assert lane_top_pixels(window, x) != empty_lane
    r = view.current_layout().lane_rect(1)
    assert view.tooltip_at(x, r.y + 5) == f"Øy paused here ({view_time(PAUSE_MS)})"
    # One step: the pause becomes a moment of the client, ending where the client paused.
    panel = window.review_view.session_panel
    assert panel.pause_moment_button.isVisible()
    qtbot.mouseClick(panel.pause_moment_button, Qt.MouseButton.LeftButton)
    markers = mk.list_markers(lib, rid)
    assert [(m.party_id, m.start_ms, m.end_ms) for m in markers] == [
        (client.id, PAUSE_MS - ps.PAUSE_LEAD_MS, PAUSE_MS)]
    assert not panel.pause_moment_button.isVisible()
    window.undo_or_redo(redo=False)
    assert mk.list_markers(lib, rid) == [] and ps.list_pauses(lib, rid)[0].marker_id is None
    window.undo_or_redo(redo=True)
    assert [m.id for m in mk.list_markers(lib, rid)] == [markers[0].id]
    # Stap 2 says beside the moment that the client paused here.
    ss.choose_moment(lib, rid, markers[0].id)
    assert panel.go(SessionStep.DISCUSS)
    assert f"Øy paused here ({view_time(PAUSE_MS)})" in panel.discuss.marked_by.text()


def view_time(ms: int) -> str:
    from vsr.ui.timefmt import format_ms

    return format_ms(ms)


def test_a_pause_during_stap_2_shows_at_once_and_others_not(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    lib, rid = window.bridge.lib, window.review_id
    pro, client = rv.list_parties(lib, rid)
    marker = mk.add_marker(lib, pro.id, 60_000, 64_000)
    far = mk.add_marker(lib, pro.id, 100_000)
    ss.choose_moment(lib, rid, marker.id)
    ss.choose_moment(lib, rid, far.id)
    panel = window.review_view.session_panel
    assert panel.go(SessionStep.DISCUSS, 0)
    assert "paused here" not in panel.discuss.marked_by.text()
    client_pauses_at(qtbot, window, 65_500)  # 1.5 s after the moment: about this moment
    assert "Øy paused here" in panel.discuss.marked_by.text()
    assert panel.go(SessionStep.DISCUSS, 1)
    assert "paused here" not in panel.discuss.marked_by.text()  # 34 s away: another moment


def test_pause_while_not_playing_records_nothing(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = window.review_view.session_panel
    assert panel.pause_for(rv.list_parties(window.bridge.lib, window.review_id)[1].id) is None
    assert ps.list_pauses(window.bridge.lib, window.review_id) == []


def test_a_refused_pause_says_so_and_still_stops(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    lib = window.bridge.lib
    lib.conn.execute("PRAGMA query_only=ON")
    try:
        client_pauses_at(qtbot, window, 10_000)
    finally:
        lib.conn.execute("PRAGMA query_only=OFF")
    panel = window.review_view.session_panel
    assert not window.player_under_test.is_playing()
    assert ps.list_pauses(lib, window.review_id) == []
    assert panel.notice.isVisible() and panel.notice.text()
    assert not panel.pause_moment_button.isVisible()


def test_any_pause_on_the_timeline_becomes_a_moment(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    lib, rid = window.bridge.lib, window.review_id
    _pro, client = rv.list_parties(lib, rid)
    client_pauses_at(qtbot, window, 20_000)
    client_pauses_at(qtbot, window, 70_000)  # the panel's button now offers this one
    view = window.review_view.timeline.view
    view.pause_moment_requested.emit(client.id, 20_000)  # what the context menu sends
    assert [(m.party_id, m.start_ms, m.end_ms) for m in mk.list_markers(lib, rid)] == [
        (client.id, 15_000, 20_000)]
    assert window.review_view.selected == mk.list_markers(lib, rid)[0].id  # its sheet opens
    window.review_view.select_marker(None)
    view.pause_moment_requested.emit(client.id, 20_000)  # twice: still one moment, shown
    assert len(mk.list_markers(lib, rid)) == 1
    assert window.review_view.selected == mk.list_markers(lib, rid)[0].id
    window.undo_or_redo(redo=False)  # one undo takes the one moment back
    assert mk.list_markers(lib, rid) == []
    window.undo_or_redo(redo=False)  # nothing further of the pauses to undo
    assert [p.position_ms for p in ps.list_pauses(lib, rid)] == [20_000, 70_000]
