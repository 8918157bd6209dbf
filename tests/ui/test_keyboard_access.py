"""Issue 19, keyboard: no Tab traps, the tabs and steps reachable, Space/Return press the focused
button (and only then does Space not play), each party's pause on a key, and a whole
Samenleergesprek done with the keyboard alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QTableView, QToolButton, QWidget
from vsr.ui.bridge import LibraryBridge
from vsr.ui.main_window import MainWindow

from tests import keyboard_drive as kd
from tests.ui.fake_player import FakePlayer
from tests.vsr.fakes import add_fake_recording, fake_fingerprint
from vsr import samenleergesprek as ss
from vsr.library import markers as mk
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.samenleergesprek.model import SessionStep

DURATION = 120_000


@pytest.fixture
def window(qtbot, library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(rc, "_default_fingerprinter", fake_fingerprint)
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    parties = rv.list_parties(library, review.id)
    for i in range(40):  # a long table: Tab used to walk every cell of it
        mk.add_marker(library, parties[i % 2].id, 1_000 + i * 2_500)
    bridge = LibraryBridge(library)
    player = FakePlayer(duration_ms=DURATION)
    win = MainWindow(bridge, player)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    assert win.open_review(review.id)
    win.player_under_test = player  # type: ignore[attr-defined]
    yield win
    win.close()
    bridge.close()


def table(win: MainWindow) -> QTableView:
    view = win.review_view.marker_list.findChild(QTableView)
    assert view is not None
    return view


def inside(widget: QWidget | None, container: QWidget) -> bool:
    return widget is not None and (widget is container or container.isAncestorOf(widget))


def test_tab_and_shift_tab_leave_the_moments_table_at_once(qtbot, window) -> None:
    moments = table(window)
    assert moments.model().rowCount() == 40
    moments.setFocus()
    moments.setCurrentIndex(moments.model().index(3, 1))
    kd.key(Qt.Key.Key_Tab)
    assert not inside(QApplication.focusWidget(), moments)
    moments.setFocus()
    kd.key(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert not inside(QApplication.focusWidget(), moments)
    # Arrows still move inside the table, and do not skip the video.
    player: FakePlayer = window.player_under_test
    moments.setFocus()
    moments.setCurrentIndex(moments.model().index(3, 0))
    kd.key(Qt.Key.Key_Down)
    assert moments.currentIndex().row() == 4
    at = player.position()  # choosing a row goes to its moment
    kd.key(Qt.Key.Key_Right)  # a column to the right, not 5 s on
    assert moments.currentIndex().column() == 1 and player.position() == at


def test_tab_cycles_through_the_whole_window_and_comes_back(qtbot, window) -> None:
    """No trap anywhere: Tab from the timeline visits the table, the tab bar, the mark buttons
    and returns to the timeline within a bounded number of presses."""
    view = window.review_view.timeline.view
    view.setFocus()
    seen: list[QWidget] = []
    for _ in range(kd.MAX_TABS):
        kd.key(Qt.Key.Key_Tab)
        widget = kd.focus()
        if widget is view:
            break
        seen.append(widget)
    else:
        pytest.fail(f"Tab never came back to the timeline: {[kd.name_of(w) for w in seen[-20:]]}")
    assert table(window) in seen
    assert window.review_view.tabs.tabBar() in seen
    assert all(b in seen for b in window.review_view.mark_buttons.buttons.values())
    assert len(seen) < 80


def test_ctrl_tab_and_ctrl_page_keys_switch_tabs_from_anywhere(qtbot, window) -> None:
    tabs = window.review_view.tabs
    table(window).setFocus()
    kd.key(Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 1 and kd.focus() is tabs.tabBar()
    kd.key(Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 0
    window.review_view.timeline.view.setFocus()
    kd.key(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 1


def test_tab_from_the_tab_bar_goes_into_the_tab_on_show(qtbot, window) -> None:
    """Ctrl+Tab to the Samenleergesprek, then Tab: into its steps, not past them to the
    timeline (the panel is made after the rest of the page, so Qt put it last in the chain).
    Shift+Tab comes back to the tab bar; on the Moments tab Tab goes into the moments."""
    tabs = window.review_view.tabs
    table(window).setFocus()
    kd.key(Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    panel = window.review_view.session_panel
    qtbot.waitUntil(lambda: panel.isVisible())
    assert kd.focus() is tabs.tabBar()
    kd.key(Qt.Key.Key_Tab)
    assert inside(kd.focus(), panel), kd.name_of(kd.focus())
    kd.key(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert kd.focus() is tabs.tabBar()
    kd.key(Qt.Key.Key_Left)
    assert tabs.currentIndex() == 0
    kd.key(Qt.Key.Key_Tab)
    assert inside(kd.focus(), tabs.widget(0)), kd.name_of(kd.focus())


def agreed_panel(qtbot, window):  # type: ignore[no-untyped-def]
    """The Samenleergesprek on show, the agreements confirmed by both (the steps are open)."""
    lib, review_id = window.bridge.lib, window.review_view.review.id
    for party in rv.list_parties(lib, review_id):
        ss.confirm_rules(lib, review_id, party.id)
    panel = session_panel(window)
    qtbot.waitUntil(lambda: panel.isVisible())
    # What the opening put off (the recent list's write) comes before the keys, not among them.
    qtbot.waitUntil(window.review_view.settled)
    return panel


def test_a_review_put_at_the_top_of_the_recent_list_does_not_redo_the_step(qtbot,
                                                                          window) -> None:
    """The opening's late write (the recent list) told the panel "review changed", and the
    page was filled again while a client was choosing a row with the keys."""
    from vsr.library.changes import Action, Change, Entity

    panel = agreed_panel(qtbot, window)
    panel.go(SessionStep.MOMENTS)
    page = panel.current_page()
    refreshed: list[bool] = []
    page.refresh = lambda: refreshed.append(True)  # type: ignore[method-assign]
    review_id = window.review_view.review.id
    window.bridge.changed.emit(Change(Entity.REVIEW, Action.OPENED, (review_id,), review_id))
    assert refreshed == []
    window.bridge.changed.emit(Change(Entity.REVIEW, Action.UPDATED, (review_id,), review_id))
    assert refreshed == [True]  # a real change of the review still shows


def test_tab_from_the_list_reaches_the_button_choosing_a_row_enabled(qtbot, window) -> None:
    """Stap 1: a row chosen with the arrows enables "Choose this moment"; Tab from the list
    goes to it. It was disabled when Tab's order was made, so it kept its old place and Tab
    went to Back instead (Space then went back a step)."""
    panel = agreed_panel(qtbot, window)
    panel.go(SessionStep.RULES)
    panel.next_button.setFocus(Qt.FocusReason.TabFocusReason)
    kd.key(Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # on to Stap 1, as people do
    assert panel.step is SessionStep.MOMENTS
    page = panel.current_page()
    assert not page.choose_button.isEnabled()  # nothing chosen yet
    page.candidates.setFocus(Qt.FocusReason.TabFocusReason)
    kd.key(Qt.Key.Key_Down)
    assert page.choose_button.isEnabled()
    kd.key(Qt.Key.Key_Tab)
    assert kd.focus() is page.choose_button, kd.name_of(kd.focus())


def test_tab_reaches_pause_as_moment_beside_the_pause_button_once_it_shows(qtbot, window) -> None:
    """The client pauses with the keyboard; "Pause as moment" shows beside the pause button
    (disabled while paused), and Tab from the steps goes there next. Hidden when Tab's order
    was made, it was left at the end of the chain, after Next."""
    panel = session_panel(window)
    qtbot.waitUntil(lambda: panel.isVisible())
    window.player_under_test.play()
    panel.pause_button.setFocus(Qt.FocusReason.TabFocusReason)
    kd.key(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.pause_moment_button.isVisible())
    assert not panel.pause_button.isEnabled()
    panel.indicator.buttons[SessionStep.CLOSING].setFocus(Qt.FocusReason.TabFocusReason)
    kd.key(Qt.Key.Key_Tab)
    assert kd.focus() is panel.pause_moment_button, kd.name_of(kd.focus())


def tab_through_the_step(panel) -> list[str]:  # type: ignore[no-untyped-def]
    """The names Tab visits from the first step button until it leaves the page (Back)."""
    panel.indicator.buttons[SessionStep.RULES].setFocus(Qt.FocusReason.TabFocusReason)
    names: list[str] = []
    for _ in range(kd.MAX_TABS):
        kd.key(Qt.Key.Key_Tab)
        widget = kd.focus()
        if widget is panel.back_button or not panel.isAncestorOf(widget):
            return names
        names.append(kd.name_of(widget))
    pytest.fail(f"Tab never reached Back: {names[-10:]}")


def test_tab_visits_every_steps_page_in_reading_order(qtbot, window) -> None:
    """Each step's page, as Tab goes from the steps to Back: the chosen moments' buttons
    (rebuilt when a moment is chosen), a moment's whole gespreksblad in Stap 2 and what each
    learned in Stap 3. Parts added to a page on the screen are shown a moment later; Tab's
    order, made meanwhile, left them out (Stap 2 went from the steps straight to Back)."""
    panel = agreed_panel(qtbot, window)
    panel.go(SessionStep.MOMENTS)
    page = panel.current_page()
    for row in (0, 1):
        page.candidates.setCurrentRow(row)
        page.choose_button.click()
    stops = tab_through_the_step(panel)
    assert stops.index("Remove moment 1") < stops.index("Theme card of moment 1") \
        < stops.index("Remove moment 2") < stops.index("Moments to choose from"), stops
    panel.go(SessionStep.DISCUSS)
    stops = tab_through_the_step(panel)
    feelings = [n for n in stops if " feels: " in n]
    assert len(feelings) == 16, stops
    a_field = next(i for i, n in enumerate(stops) if n.startswith("A. "))
    c_field = next(i for i, n in enumerate(stops) if n.startswith("C. "))
    assert a_field < stops.index(feelings[0]) and c_field == len(stops) - 1, stops
    panel.go(SessionStep.CLOSING)
    stops = tab_through_the_step(panel)
    learned = [n for n in stops if n.endswith("what did I learn?")]
    assert len(learned) == 2 and stops.index("Summary") < stops.index(learned[0]), stops


def test_arrows_on_the_tab_bar_switch_tabs_and_do_not_seek(qtbot, window) -> None:
    player: FakePlayer = window.player_under_test
    tabs = window.review_view.tabs
    tabs.tabBar().setFocus()
    kd.key(Qt.Key.Key_Right)
    assert tabs.currentIndex() == 1 and player.position() == 0
    kd.key(Qt.Key.Key_Left)
    assert tabs.currentIndex() == 0 and player.position() == 0


def session_panel(window):  # type: ignore[no-untyped-def]
    window.review_view.tabs.setCurrentIndex(1)
    panel = window.review_view.session_panel
    assert panel is not None
    return panel


@pytest.mark.parametrize("how", [Qt.Key.Key_Space, Qt.Key.Key_Return])
def test_space_and_return_press_a_focused_step_button_and_do_not_play(qtbot, window, how) -> None:
    player: FakePlayer = window.player_under_test
    lib, review_id = window.bridge.lib, window.review_view.review.id
    for party in rv.list_parties(lib, review_id):
        ss.confirm_rules(lib, review_id, party.id)
    panel = session_panel(window)
    step1 = panel.indicator.buttons[SessionStep.MOMENTS]
    step1.setFocus()
    player.calls.clear()
    kd.key(how)
    assert panel.step is SessionStep.MOMENTS
    assert not player.is_playing() and ("toggle_play",) not in player.calls
    assert all(call[0] not in ("play", "toggle_play") for call in player.calls)


def test_return_and_space_on_feeling_buttons_save_the_feelings(qtbot, window) -> None:
    lib, review_id = window.bridge.lib, window.review_view.review.id
    parties = rv.list_parties(lib, review_id)
    for party in parties:
        ss.confirm_rules(lib, review_id, party.id)
    marker_id = window.review_view.markers[0].id
    ss.choose_moment(lib, review_id, marker_id)
    panel = session_panel(window)
    assert panel.go(SessionStep.DISCUSS, 0)

    def feeling_buttons() -> list[QWidget]:
        return [b for b in panel.discuss.findChildren(QWidget)
                if b.accessibleName().startswith(f"{parties[1].name} feels:") and b.isVisible()]

    qtbot.waitUntil(lambda: len(feeling_buttons()) > 1)
    buttons = feeling_buttons()
    player: FakePlayer = window.player_under_test
    player.pause()
    buttons[0].setFocus()
    kd.key(Qt.Key.Key_Return)
    buttons[1].setFocus()
    kd.key(Qt.Key.Key_Space)
    feelings = sh.get_sheet(lib, marker_id).reflection(parties[1].id).feelings
    assert len(feelings) == 2
    assert not player.is_playing()


def test_space_plays_where_no_control_takes_it(qtbot, window) -> None:
    player: FakePlayer = window.player_under_test
    window.review_view.timeline.view.setFocus()
    kd.key(Qt.Key.Key_Space)
    assert player.is_playing()
    window.review_view.mark_buttons.buttons[next(iter(window.review_view.mark_buttons.buttons))] \
        .setFocus()
    kd.key(Qt.Key.Key_Space)  # the mark button takes Space: it marks, the video keeps playing
    assert player.is_playing()


def test_alt_digit_pauses_for_that_party_and_f1_says_so(qtbot, window) -> None:
    player: FakePlayer = window.player_under_test
    player.play()
    table(window).setFocus()
    kd.key(Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert not player.is_playing()
    player.play()
    view = window.review_view.timeline.view
    view.setFocus()
    kd.key(Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert not player.is_playing()


def test_a_whole_samenleergesprek_by_keyboard_only(qtbot, window) -> None:
    lib, review_id = window.bridge.lib, window.review_view.review.id
    parties = rv.list_parties(lib, review_id)
    window.review_view.timeline.view.setFocus()
    kd.drive_session(parties)
    state = ss.get_session(lib, review_id)
    assert set(state.rules_confirmed) == {p.id for p in parties}
    assert len(state.moments) == 1
    sheet = sh.get_sheet(lib, state.moments[0].marker_id)
    assert sheet.what_happened == "Zij zei ı ł ø"
    assert sheet.reflection(parties[0].id).feelings
    assert state.actions and state.actions[0].what == "Bellen"
    assert ss.visible_ratings(lib, review_id, parties[0].id)[parties[0].id].values
    assert state.step is SessionStep.CLOSING


def tab_round(start: QWidget, limit: int = 60) -> list[QWidget]:
    """Tab from `start` until the focus is back on it; fails on a trap (focus stuck or never
    back)."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    visited: list[QWidget] = []
    for _ in range(limit):
        before = kd.focus()
        kd.key(Qt.Key.Key_Tab)
        after = kd.focus()
        assert after is not before or after is start, f"Tab is stuck on {kd.name_of(after)!r}"
        if after is start:
            return visited
        visited.append(after)
    pytest.fail(f"Tab never came back: {[kd.name_of(w) for w in visited[-10:]]}")


def test_dialogs_have_no_tab_traps(qtbot, window) -> None:
    from PySide6.QtWidgets import QDialog, QPlainTextEdit

    panel = session_panel(window)
    export = panel.open_export()
    qtbot.waitExposed(export)
    export.activateWindow()
    qtbot.waitUntil(lambda: export.isAncestorOf(QApplication.focusWidget()))
    stops = tab_round(kd.focus())
    assert len(stops) >= 4 and all(export.isAncestorOf(w) for w in stops)  # stays in the dialog
    export.close()
    # A text box in a dialog lets Tab go on instead of typing a tab character.
    dialog = QDialog(window)
    box = QPlainTextEdit("a list", dialog)
    from PySide6.QtWidgets import QDialogButtonBox, QVBoxLayout

    layout = QVBoxLayout(dialog)
    layout.addWidget(box)
    layout.addWidget(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    assert len(tab_round(box)) >= 1 and box.toPlainText() == "a list"
    dialog.close()


def test_the_keyboard_guard_sees_only_the_focused_widgets_events(qtbot, window) -> None:
    """An application-wide filter saw every event of every widget (thousands while a page is
    laid out, each a call into Python); the guard follows the focus instead. A new table that
    is shown but never focused keeps Qt's own Tab handling (the guard saw none of its events,
    its Polish included); once it takes the focus, Tab leaves it."""
    window.activateWindow()
    page = QWidget()
    tables = [QTableView(page) for _ in range(2)]
    page.show()
    qtbot.waitExposed(page)
    assert all(t.tabKeyNavigation() for t in tables)  # untouched: not seen
    page.activateWindow()
    tables[1].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tables[1])
    assert not tables[1].tabKeyNavigation()
    assert tables[0].tabKeyNavigation()
    page.close()


def review_tab_round(view, *, backwards: bool = False) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """The controls of the review page that Tab (Shift+Tab) visits, once round from the
    first button under the video."""
    first = view.transport.findChildren(QToolButton)[0]
    first.setFocus()
    kd.settle()
    seen: list[QWidget] = [first]
    for _ in range(kd.MAX_TABS):
        if backwards:
            kd.key(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        else:
            kd.key(Qt.Key.Key_Tab)
        widget = kd.focus()
        if widget is first:
            return [w for w in seen if inside(w, view)]
        seen.append(widget)
    pytest.fail(f"Tab never came back: {[kd.name_of(w) for w in seen[-20:]]}")


@pytest.mark.parametrize("size", [(1366, 768), (683, 384)], ids=["laptop", "200-percent"])
def test_tab_goes_through_the_review_page_in_reading_order(qtbot, window, size) -> None:
    """Tab follows what the eye reads: the buttons under the video, the mark buttons, the
    tabs, the moments, the chosen moment's gespreksblad, then the timeline. The mark buttons
    are made when a review opens and the gespreksblad's parts when a moment is chosen, so Qt
    put them at the end of the chain: Tab went from the moments to the timeline and only then
    to the mark buttons and the gespreksblad (seen in the real window at 200 %)."""
    view = window.review_view
    window.resize(*size)
    table(window).selectRow(1)
    qtbot.waitUntil(lambda: view.sheet.isVisible() and view.selected is not None)
    kd.settle()
    round_ = review_tab_round(view)

    def at(widgets: list[QWidget]) -> list[int]:
        found = [round_.index(w) for w in widgets if w in round_]
        assert found, f"not reached by Tab: {[kd.name_of(w) for w in widgets]}"
        return found

    transport = at(view.transport.findChildren(QToolButton))
    marks = at(list(view.mark_buttons.buttons.values()))
    bar = at([view.tabs.tabBar()])
    moments = at([table(window)])
    sheet = at([w for w in round_ if inside(w, view.sheet)])
    timeline = at([view.timeline.view])
    parts = [("transport", transport), ("mark buttons", marks), ("tab bar", bar),
             ("moments", moments), ("gespreksblad", sheet), ("timeline", timeline)]
    for (name, earlier), (next_name, later) in zip(parts, parts[1:], strict=False):
        assert max(earlier) < min(later), (
            f"{next_name} before {name}: {[kd.name_of(w)[:25] for w in round_]}")
    assert review_tab_round(view, backwards=True) == round_[:1] + round_[:0:-1]  # the same, back


def test_a_refreshed_list_keeps_the_column_the_keyboard_is_in(qtbot, window) -> None:
    """Reading a row with the arrows, the cursor stays on its column when the list is made
    again by a change elsewhere (the Samenleergesprek starting, a save): it went back to the
    first column, and on a loaded machine the panel's start did that between two key presses."""
    moments = table(window)
    moments.setFocus()
    moments.setCurrentIndex(moments.model().index(4, 0))
    kd.key(Qt.Key.Key_Right)
    kd.key(Qt.Key.Key_Right)
    assert moments.currentIndex().column() == 2
    window.review_view._refresh_markers()  # what a change to the session or a sheet does
    kd.settle()
    assert (moments.currentIndex().row(), moments.currentIndex().column()) == (4, 2)
    assert moments.selectionModel().isRowSelected(4)


def test_every_combo_box_on_the_review_page_and_the_steps_has_a_label(qtbot, window) -> None:
    """On Linux Qt names a combo box by its current text: Orca read the speed as "1×" and the
    filter of the moments as "Iedereen" (seen over AT-SPI in the real window), with nothing
    saying what they are for. A label whose buddy the box is gives that (and shows it)."""
    from tests.ui.test_dialogs_by_keyboard import unlabelled_combos

    assert not unlabelled_combos(window.review_view)
    panel = agreed_panel(qtbot, window)
    panel.go(SessionStep.MOMENTS)
    page = panel.current_page()
    page.candidates.setCurrentRow(0)
    page.choose_button.click()
    qtbot.waitUntil(lambda: bool(panel.findChildren(QComboBox)))
    assert not unlabelled_combos(panel.current_page())
    panel.go(SessionStep.CLOSING)
    page = panel.current_page()
    page.actions.add_button.click()
    qtbot.waitUntil(lambda: any(c.isVisible() for c in page.findChildren(QComboBox)))
    assert not unlabelled_combos(page)
