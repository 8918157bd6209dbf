"""Keys people already know: J/K/L shuttle, Home/End, R repeats the moment, F1 lists the keys.

Single keys act on the player from the timeline, video or moment list, never from a text field:
there they type (a gespreksblad must be able to say "jkl")."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget
from vsr.ui.actions import ActionId
from vsr.ui.bridge import LibraryBridge
from vsr.ui.main_window import MainWindow
from vsr.ui.review.shuttle import REWIND_TICK_MS
from vsr.ui.shortcuts_dialog import Group, ShortcutsDialog

from tests.ui.fake_player import FakePlayer
from tests.vsr.fakes import add_fake_recording, fake_fingerprint
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library.sheets import SheetField

DURATION = 120_000


@pytest.fixture
def window(qtbot, library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(rc, "_default_fingerprinter", fake_fingerprint)
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    bridge = LibraryBridge(library)
    player = FakePlayer(duration_ms=DURATION)
    win = MainWindow(bridge, player)
    qtbot.addWidget(win)
    win.resize(1300, 720)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    assert win.open_review(review.id)
    win.player_under_test = player  # type: ignore[attr-defined]
    yield win
    win.close()
    bridge.close()


def timeline(win: MainWindow) -> QWidget:
    view = win.review_view.timeline.view
    view.setFocus()
    return view


def test_l_plays_and_goes_faster_k_pauses(qtbot, window) -> None:
    player: FakePlayer = window.player_under_test
    view = timeline(window)
    qtbot.keyClick(view, Qt.Key.Key_L)
    assert player.is_playing() and player.rate() == 1.0
    qtbot.keyClick(view, Qt.Key.Key_L)
    assert player.rate() == 1.5
    qtbot.keyClick(view, Qt.Key.Key_L)
    qtbot.keyClick(view, Qt.Key.Key_L)
    assert player.rate() == 2.0  # the player's top speed; no further
    assert window.review_view.transport.speed.currentText() == "2×"
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert not player.is_playing()
    qtbot.keyClick(view, Qt.Key.Key_L)  # from a pause: normal speed again, as in editors
    assert player.is_playing() and player.rate() == 1.0


def test_j_rewinds_in_steps_faster_on_each_press_until_k(qtbot, window) -> None:
    player: FakePlayer = window.player_under_test
    shuttle = window.review_view.shuttle
    player.play()
    player.advance(30_000)
    view = timeline(window)
    qtbot.keyClick(view, Qt.Key.Key_J)
    assert not player.is_playing()  # libVLC cannot play backwards: paused stills stepping back
    assert player.position() == 30_000 - REWIND_TICK_MS  # the first step is immediate
    assert shuttle.rewind_speed() == 1
    qtbot.waitUntil(lambda: player.position() <= 30_000 - 3 * REWIND_TICK_MS, timeout=5000)
    qtbot.keyClick(view, Qt.Key.Key_J)
    assert shuttle.rewind_speed() == 2
    before = player.position()
    qtbot.waitUntil(lambda: player.position() <= before - 2 * 2 * REWIND_TICK_MS, timeout=5000)
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert shuttle.rewind_speed() == 0
    stopped_at = player.position()
    qtbot.wait(3 * REWIND_TICK_MS)
    assert player.position() == stopped_at and not player.is_playing()


def test_rewind_stops_at_the_start_and_when_playback_starts(qtbot, window) -> None:
    player: FakePlayer = window.player_under_test
    shuttle = window.review_view.shuttle
    player.seek(600)
    view = timeline(window)
    qtbot.keyClick(view, Qt.Key.Key_J)
    qtbot.waitUntil(lambda: shuttle.rewind_speed() == 0, timeout=5000)
    assert player.position() == 0
    player.seek(20_000)
    qtbot.keyClick(view, Qt.Key.Key_J)
    qtbot.keyClick(view, Qt.Key.Key_Space)  # play/pause takes over
    assert player.is_playing() and shuttle.rewind_speed() == 0
    qtbot.keyClick(view, Qt.Key.Key_J)
    qtbot.keyClick(view, Qt.Key.Key_L)
    assert player.is_playing() and shuttle.rewind_speed() == 0


def test_holding_k_with_j_or_l_steps_one_frame(qtbot, window) -> None:
    player: FakePlayer = window.player_under_test
    player.seek(10_000)
    view = timeline(window)
    qtbot.keyPress(view, Qt.Key.Key_K)
    assert window.review_view.shuttle.k_held()
    player.calls.clear()
    qtbot.keyClick(view, Qt.Key.Key_L)
    qtbot.keyClick(view, Qt.Key.Key_L)
    qtbot.keyClick(view, Qt.Key.Key_J)
    assert player.call_names() == ["step_frame", "step_frame", "step_frame"]
    assert player.position() == 10_040 and not player.is_playing()
    qtbot.keyRelease(view, Qt.Key.Key_K)
    assert not window.review_view.shuttle.k_held()
    qtbot.keyClick(view, Qt.Key.Key_L)
    assert player.is_playing()


def test_pause_from_the_menu_is_not_a_held_k(qtbot, window) -> None:
    """K is held from its shortcut to its release; choosing Pause in the Playback menu (the
    same action, no key) leaves J and L as they are. Only while K is down does the shuttle
    watch the application's events (not on every event of every repaint)."""
    from vsr.ui.actions import ActionId

    player: FakePlayer = window.player_under_test
    shuttle = window.review_view.shuttle
    assert not shuttle._watching
    window.actions[ActionId.SHUTTLE_STOP].trigger()
    assert not shuttle.k_held() and not shuttle._watching
    qtbot.keyClick(timeline(window), Qt.Key.Key_L)
    assert player.is_playing()  # played, not stepped
    qtbot.keyPress(timeline(window), Qt.Key.Key_K)
    assert shuttle.k_held() and shuttle._watching
    qtbot.keyRelease(timeline(window), Qt.Key.Key_K)
    assert not shuttle.k_held() and not shuttle._watching


def test_home_and_end_go_to_start_and_last_frame_outside_text_fields(qtbot, window) -> None:
    player: FakePlayer = window.player_under_test
    player.seek(50_000)
    qtbot.keyClick(timeline(window), Qt.Key.Key_End)
    assert player.position() == DURATION - player.frame_duration_ms()
    markers_list = window.review_view.marker_list
    markers_list.setFocus()
    qtbot.keyClick(window.focusWidget() or markers_list, Qt.Key.Key_Home)
    assert player.position() == 0


def test_letters_and_home_end_type_in_a_gespreksblad(qtbot, window) -> None:
    player: FakePlayer = window.player_under_test
    pro = rv.list_parties(window.bridge.lib, window.review_view.review.id)[0]
    player.seek(40_000)
    window.review_view.mark(pro.id)
    field = window.review_view.sheet.field(SheetField.WHAT_HAPPENED)
    field.setFocus()
    player.calls.clear()
    qtbot.keyClicks(field, "jkl r")
    qtbot.keyClick(field, Qt.Key.Key_Home)
    qtbot.keyClicks(field, ">")
    qtbot.keyClick(field, Qt.Key.Key_End)
    qtbot.keyClicks(field, "<")
    assert field.toPlainText() == ">jkl r<"
    assert player.calls == [] and player.position() == 40_000 and not player.is_playing()
    assert not window.actions[ActionId.LOOP].isChecked()


def test_r_repeats_the_selected_moment_and_l_no_longer_does(qtbot, window) -> None:
    player: FakePlayer = window.player_under_test
    pro = rv.list_parties(window.bridge.lib, window.review_view.review.id)[0]
    player.seek(40_000)
    window.review_view.mark(pro.id)
    view = timeline(window)
    qtbot.keyClick(view, Qt.Key.Key_L)
    assert player.loop() is None
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert window.actions[ActionId.LOOP].isChecked()
    assert player.loop() == (35_000, 45_000)


def opened_overview(qtbot, window, monkeypatch) -> ShortcutsDialog:  # type: ignore[no-untyped-def]
    shown: list[ShortcutsDialog] = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: shown.append(self) or 0)
    qtbot.keyClick(timeline(window), Qt.Key.Key_F1)
    assert len(shown) == 1
    return shown[0]


def test_f1_lists_every_key_of_the_registry_and_the_mark_keys(qtbot, window, monkeypatch) -> None:
    dialog = opened_overview(qtbot, window, monkeypatch)
    by_text = {row.text: row for row in dialog.rows}
    label = window.actions.label
    loop = by_text[label(ActionId.LOOP)]
    assert (loop.keys, loop.group) == ("R", Group.PLAYBACK)
    assert by_text[label(ActionId.SHUTTLE_BACK)].keys == "J"
    assert by_text[label(ActionId.GO_START)].keys == QKeySequence("Home").toString(
        QKeySequence.SequenceFormat.NativeText)
    for action in window.actions.all():  # nothing with a key is left out, whatever is added later
        for seq in action.shortcuts():
            text = seq.toString(QKeySequence.SequenceFormat.NativeText)
            assert any(text in row.keys.split(" / ") for row in dialog.rows), text
    names = [p.name for p in rv.list_parties(window.bridge.lib, window.review_view.review.id)]
    marks = [row for row in dialog.rows if row.group is Group.MARKING]
    alt = [QKeySequence(f"Alt+{n}").toString(QKeySequence.SequenceFormat.NativeText)
           for n in (1, 2)]
    assert [r.keys.split(" / ")[0] for r in marks] == ["1", "2", *alt]  # mark, then pause
    assert all(name in r.text for name, r in zip(names * 2, marks, strict=True))
    assert marks[2].text == f"Pause for {names[0]}"
    dialog.show()
    qtbot.addWidget(dialog)
    assert dialog.width() <= 1366 and dialog.height() <= 700
    assert dialog.minimumSizeHint().width() <= 1366 and dialog.minimumSizeHint().height() <= 700


def test_overview_without_a_review_names_the_digit_keys(qtbot, window) -> None:
    window.show_start()  # widget tests run in the source language, English
    dialog = ShortcutsDialog(window.actions, [])
    qtbot.addWidget(dialog)
    texts = {row.text for row in dialog.rows}
    assert "Mark a moment for the first, second, … participant" in texts
    assert "Hold K: one frame back / forward" in texts
