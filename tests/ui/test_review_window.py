"""The review workspace with a fake player: marking, the gespreksblad, undo, moved recordings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from vsr.ui.actions import ActionId
from vsr.ui.bridge import LibraryBridge
from vsr.ui.main_window import MainWindow

from tests.lang import worded
from tests.ui.fake_player import FakePlayer
from tests.vsr.fakes import add_fake_recording, fake_fingerprint
from vsr.dates import long_date
from vsr.i18n import translate
from vsr.library import markers as mk
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.library.sheets import SheetField


@pytest.fixture
def window(qtbot, library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    # Library files here are not real media: fingerprint them like the fakes do.
    monkeypatch.setattr(rc, "_default_fingerprinter", fake_fingerprint)
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    bridge = LibraryBridge(library)
    player = FakePlayer(duration_ms=120_000)
    win = MainWindow(bridge, player)
    qtbot.addWidget(win)
    win.resize(1300, 850)
    win.show()
    assert win.open_review(review.id)
    win.player_under_test = player  # type: ignore[attr-defined]
    win.review_id = review.id  # type: ignore[attr-defined]
    yield win
    win.close()
    bridge.close()


def parties(win: MainWindow):  # type: ignore[no-untyped-def]
    return rv.list_parties(win.bridge.lib, win.review_id)  # type: ignore[attr-defined]


def test_mark_buttons_place_markers_for_each_party_while_playing(qtbot, window) -> None:
    player: FakePlayer = window.player_under_test
    pro, client = parties(window)
    player.play()
    player.advance(5_000)
    qtbot.mouseClick(window.review_view.mark_buttons.buttons[pro.id], Qt.MouseButton.LeftButton)
    player.advance(2_500)
    qtbot.mouseClick(window.review_view.mark_buttons.buttons[client.id], Qt.MouseButton.LeftButton)
    assert player.is_playing()  # marking does not stop the replay by default
    markers = mk.list_markers(window.bridge.lib, window.review_id)
    assert [(m.party_id, m.start_ms, m.end_ms) for m in markers] == [
        (pro.id, 5_000, None), (client.id, 7_500, None)]
    assert window.review_view.marker_list.model.rowCount() == 2
    assert window.review_view.selected == markers[1].id  # the new marker is selected


def test_hotkeys_mark_and_pause_on_mark(qtbot, window) -> None:
    player: FakePlayer = window.player_under_test
    pro, client = parties(window)
    window.actions[ActionId.PAUSE_ON_MARK].setChecked(True)
    assert rv.get_review(window.bridge.lib, window.review_id).pause_on_mark
    player.play()
    player.advance(3_000)
    window.review_view.timeline.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_2)
    assert not player.is_playing()
    markers = mk.list_markers(window.bridge.lib, window.review_id)
    assert [(m.party_id, m.start_ms) for m in markers] == [(client.id, 3_000)]
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert len(mk.list_markers(window.bridge.lib, window.review_id, pro.id)) == 1


def test_space_toggles_play_but_types_in_text_fields(qtbot, window) -> None:
    player: FakePlayer = window.player_under_test
    window.review_view.timeline.view.setFocus()
    qtbot.keyClick(window.review_view.timeline.view, Qt.Key.Key_Space)
    assert player.is_playing()
    pro, _ = parties(window)
    window.review_view.mark(pro.id)
    field = window.review_view.sheet.field(SheetField.WHAT_HAPPENED)
    field.setFocus()
    qtbot.keyClicks(field, "a b")
    assert field.toPlainText() == "a b"
    assert player.is_playing()


def test_gespreksblad_saves_and_undo_restores(qtbot, window) -> None:
    lib = window.bridge.lib
    pro, client = parties(window)
    window.review_view.mark(pro.id)
    marker_id = window.review_view.selected
    sheet = window.review_view.sheet
    a = sheet.field(SheetField.WHAT_HAPPENED)
    a.setPlainText("Ze vroeg: ‘wat bedoel je?’")
    a.flush()
    assert sh.get_sheet(lib, marker_id).what_happened == "Ze vroeg: ‘wat bedoel je?’"
    b_client = sheet.field(SheetField.TO_ME, client.id)
    b_client.setPlainText("Ik voelde me onzeker")
    b_client.flush()
    c = sheet.field(SheetField.KEEP_OR_CHANGE)
    c.setPlainText("Vaker samenvatten")
    c.flush()
    saved = sh.get_sheet(lib, marker_id)
    assert saved.reflection(client.id).to_me == "Ik voelde me onzeker"
    assert saved.keep_or_change == "Vaker samenvatten"
    window.undo.undo()  # C
    assert sh.get_sheet(lib, marker_id).keep_or_change == ""
    assert c.toPlainText() == ""
    window.undo.redo()
    assert c.toPlainText() == "Vaker samenvatten"


def test_typing_saves_after_a_pause_without_leaving_the_field(qtbot, window) -> None:
    pro, _ = parties(window)
    window.review_view.mark(pro.id)
    marker_id = window.review_view.selected
    a = window.review_view.sheet.field(SheetField.WHAT_HAPPENED)
    a.setFocus()
    qtbot.keyClicks(a, "Hallo")
    qtbot.waitUntil(
        lambda: sh.get_sheet(window.bridge.lib, marker_id).what_happened == "Hallo", timeout=3000)


def test_move_delete_and_undo(qtbot, window) -> None:
    lib = window.bridge.lib
    pro, _ = parties(window)
    window.player_under_test.seek(10_000)
    window.review_view.mark(pro.id)
    marker_id = window.review_view.selected
    view = window.review_view.timeline.view
    view.marker_move_finished.emit(marker_id, 12_000, 15_000)
    view.marker_move_finished.emit(marker_id, 13_000, 16_000)
    assert (mk.get_marker(lib, marker_id).start_ms, mk.get_marker(lib, marker_id).end_ms) == (
        13_000, 16_000)
    window.undo.undo()  # the two drags merged into one step
    assert mk.get_marker(lib, marker_id).start_ms == 10_000
    field = window.review_view.sheet.field(SheetField.WHAT_HAPPENED)
    field.setPlainText("blijft bewaard")
    field.flush()
    window.actions[ActionId.DELETE_MARKER].trigger()
    assert mk.list_markers(lib, window.review_id) == []
    assert window.review_view.marker_list.model.rowCount() == 0
    window.undo.undo()
    assert sh.get_sheet(lib, marker_id).what_happened == "blijft bewaard"
    assert window.review_view.marker_list.model.rowCount() == 1


def test_range_drawn_on_timeline_and_loop(qtbot, window) -> None:
    player: FakePlayer = window.player_under_test
    _, client = parties(window)
    window.review_view.timeline.view.range_drawn.emit(client.id, 20_000, 26_000)
    marker = mk.list_markers(window.bridge.lib, window.review_id)[0]
    assert (marker.party_id, marker.start_ms, marker.end_ms) == (client.id, 20_000, 26_000)
    window.actions[ActionId.LOOP].setChecked(True)
    assert player.loop() == (20_000, 26_000)
    window.actions[ActionId.LOOP].setChecked(False)
    assert player.loop() is None


def test_marker_list_filters_by_party_and_seeks(qtbot, window) -> None:
    player: FakePlayer = window.player_under_test
    pro, client = parties(window)
    for party, at in ((pro, 1_000), (client, 2_000), (client, 3_000)):
        player.seek(at)
        window.review_view.mark(party.id)
    panel = window.review_view.marker_list
    panel.filter.setCurrentIndex(panel.filter.findData(client.id))
    assert panel.model.rowCount() == 2
    player.seek(0)
    panel.table.selectRow(1)
    assert player.position() == 3_000


def test_theme_card_tagging_is_undoable(qtbot, window) -> None:
    lib = window.bridge.lib
    pro, _ = parties(window)
    window.review_view.mark(pro.id)
    marker_id = window.review_view.selected
    combo = window.review_view.sheet.theme_combo
    index = combo.findData("bereiken|doel")
    assert index > 0
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert (mk.get_marker(lib, marker_id).theme, mk.get_marker(lib, marker_id).subtopic) == (
        "bereiken", "doel")
    assert "Doel" in window.review_view.marker_list.model.data(
        window.review_view.marker_list.model.index(0, 2))
    window.undo.undo()
    assert mk.get_marker(lib, marker_id).theme == ""


def test_missing_recording_keeps_notes_and_can_be_located(
        qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lib = window.bridge.lib
    pro, _ = parties(window)
    window.review_view.mark(pro.id)
    marker_id = window.review_view.selected
    sh.set_field(lib, marker_id, SheetField.WHAT_HAPPENED, "aantekening")
    rec = window.review_view.recording
    moved = tmp_path / "verplaatst.mp4"
    Path(rec.path).rename(moved)
    window.show_start()
    assert window.open_review(window.review_id)
    assert window.review_view.banner.isVisible()
    assert "niet gevonden" in window.review_view.banner.label.text()
    assert window.review_view.marker_list.model.rowCount() == 1
    window.review_view.select_marker(marker_id)
    assert window.review_view.sheet.field(SheetField.WHAT_HAPPENED).toPlainText() == "aantekening"

    other = tmp_path / "ander.mp4"
    other.write_bytes(b"a different recording")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    monkeypatch.setattr("vsr.ui.dialogs.ask_media_file", lambda *a, **k: other)
    window.review_view.locate_recording()
    assert warnings and "ander bestand" in warnings[0]
    assert window.review_view.banner.isVisible()
    monkeypatch.setattr("vsr.ui.dialogs.ask_media_file", lambda *a, **k: moved)
    window.review_view.locate_recording()
    assert not window.review_view.banner.isVisible()
    assert rc.get_recording(lib, rec.id).path == str(moved)
    assert window.player_under_test.path() == str(moved)


def test_opening_a_broken_file_says_so_and_changes_nothing(
        qtbot, window, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rc, "_default_fingerprinter",
                        __import__("vsr.media.fingerprint", fromlist=["x"]).fingerprint)
    before = rc.list_recordings(window.bridge.lib)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    bad = corpus / "media" / "malformed" / "fixture-corrupt.mkv"
    assert window.open_file(bad) is False
    assert len(warnings) == 1 and "fixture-corrupt.mkv" in warnings[0]
    assert rc.list_recordings(window.bridge.lib) == before


def test_participants_can_be_renamed_and_added(qtbot, window) -> None:
    pro, client = parties(window)
    rv.rename_party(window.bridge.lib, client.id, "Mevrouw Bakker")
    assert "Mevrouw Bakker" in window.review_view.mark_buttons.buttons[client.id].text()
    tolk = rv.add_party(window.bridge.lib, window.review_id, "Tolk")
    assert tolk.id in window.review_view.mark_buttons.buttons
    window.review_view.mark(tolk.id)
    assert mk.list_markers(window.bridge.lib, window.review_id)[0].party_id == tolk.id


def test_dropping_a_recording_opens_it(qtbot, window, corpus: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from vsr.media.fingerprint import fingerprint

    monkeypatch.setattr(rc, "_default_fingerprinter", fingerprint)
    audio = corpus / "media" / "valid" / "t-rex-roar.mp3"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(audio))])
    event = QDropEvent(QPointF(100, 100), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    view = window.review_view
    assert view.recording is not None and view.recording.path == str(audio)
    assert window.player_under_test.path() == str(audio)
    assert view.screen.currentWidget() is view.audio_only  # sound only: says so instead of black
    assert len(rv.list_reviews(window.bridge.lib, view.recording.id)) == 1
    window.dropEvent(event)  # the same file again: same recording, same review
    assert len(rc.list_recordings(window.bridge.lib)) == 2
    assert len(rv.list_reviews(window.bridge.lib, view.recording.id)) == 1


def test_switching_language_rebuilds_the_window_on_the_same_review(qtbot, library, tmp_path: Path,
                                                                   monkeypatch) -> None:
    import vsr.ui.app as app_module
    from PySide6.QtWidgets import QApplication

    monkeypatch.setattr(rc, "_default_fingerprinter", fake_fingerprint)
    monkeypatch.setattr(app_module, "create_player", lambda: FakePlayer())
    monkeypatch.setattr(app_module, "save_language", lambda lang: None)
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    bridge = LibraryBridge(library)
    shell = app_module.Application(QApplication.instance(), bridge, "nl")
    first = shell.build(review.id)
    qtbot.addWidget(first)
    assert first.menuBar().actions()[0].text() == "&Bestand"
    first.actions[ActionId.LANG_EN].trigger()
    second = shell.window
    qtbot.addWidget(second)
    assert second is not first
    assert second.menuBar().actions()[0].text() == "&File"
    assert second.review_view.review.id == review.id
    second.actions[ActionId.LANG_NL].trigger()
    qtbot.addWidget(shell.window)
    assert shell.window.menuBar().actions()[0].text() == "&Bestand"
    shell.window.close()
    bridge.close()


def test_loop_on_a_moment_at_the_very_end_does_not_fail(qtbot, window) -> None:
    player: FakePlayer = window.player_under_test
    pro, _ = parties(window)
    player.seek(player.duration())
    window.review_view.mark(pro.id)
    window.actions[ActionId.LOOP].setChecked(True)
    start, end = player.loop()
    assert start < end <= player.duration()


def test_consent_is_shown_on_the_recording_and_follows_changes(qtbot, window) -> None:
    from datetime import date, timedelta

    from vsr.library.consent import grant_consent
    from vsr.library.retention import set_recording_retention

    strip = window.review_view.consent_strip
    rec_id = window.review_view.recording.id
    texts = strip.texts()
    assert texts[0].startswith("✓") and "igen" in texts[0]  # own review: always
    assert texts[1].startswith("✗") and texts[2].startswith("✗")
    # intervisie is jargon to a client: the strip says what it means
    assert worded("nl", translate, "purpose.intervisie.plain").capitalize() in texts[1]
    assert len(texts) == 3  # no retention shown when none is set
    until = date.today() + timedelta(days=60)
    grant_consent(window.bridge.lib, rec_id, "intervisie", given_by="K.", until=until)
    grant_consent(window.bridge.lib, rec_id, "training", given_by="K.")
    texts = strip.texts()
    assert texts[1].startswith("✓") and worded("nl", long_date, until) in texts[1]
    assert texts[2].startswith("✓") and strip.tr("(faces blurred)") in texts[2]  # not recognisable
    set_recording_retention(window.bridge.lib, rec_id, until)
    assert worded("nl", long_date, until) in strip.texts()[3]  # "30 januari 2027"
    grant_consent(window.bridge.lib, rec_id, "intervisie", given_by="K.",
                  given_on=date.today() - timedelta(days=30),
                  until=date.today() - timedelta(days=1))
    lapsed = strip.tr("✗ {purpose} (lapsed {day})").split("{")[0]
    assert strip.texts()[1].startswith(lapsed) and "✓" not in strip.texts()[1]
    assert worded("nl", long_date, date.today() - timedelta(days=1)) in strip.texts()[1]
    opened: list[bool] = []
    window.actions[ActionId.CONSENT].triggered.disconnect()
    window.actions[ActionId.CONSENT].triggered.connect(lambda: opened.append(True))
    strip.change_button.click()
    assert opened == [True]


def test_expired_recording_goes_after_the_question_and_the_window_goes_back(
        qtbot, window, monkeypatch) -> None:
    from datetime import date

    from vsr.ui.privacy.purge_dialog import PurgeDialog

    from vsr.library.retention import set_recording_retention

    lib = window.bridge.lib
    rec_id = window.review_view.recording.id
    set_recording_retention(lib, rec_id, date(2021, 3, 1))
    listed: list[str] = []

    def later(self: PurgeDialog) -> int:
        listed.append(self.listing.toPlainText())
        self.later_button.click()
        return 0

    monkeypatch.setattr(PurgeDialog, "exec", later)
    window.check_retention()
    assert "1 maart 2021" in listed[0]  # the date in words (Babel)
    assert window.stack.currentWidget() is window.review_view  # Later: nothing changes
    assert rc.get_recording(lib, rec_id)

    def delete(self: PurgeDialog) -> int:
        self.delete_button.click()
        return 1

    monkeypatch.setattr(PurgeDialog, "exec", delete)
    window.check_retention()
    assert rv.list_reviews(lib, rec_id) == []
    assert window.stack.currentWidget() is window.start_page
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    window.actions[ActionId.PURGE].trigger()  # from the menu: says there is nothing
    assert len(shown) == 1


def test_the_consent_button_says_what_it_changes_and_what_the_consent_is(qtbot, window) -> None:
    """On Tab a screen reader reaches only the button (the chips are labels): it said
    "Wijzigen…" and nothing about the consent (heard over AT-SPI in the real window)."""
    from PySide6.QtGui import QAccessible

    from vsr.library.consent import grant_consent

    strip = window.review_view.consent_strip
    face = QAccessible.queryAccessibleInterface(strip.change_button)
    assert face.text(QAccessible.Text.Name) == strip.tr("Change consent…") != strip.tr("Change…")
    said = face.text(QAccessible.Text.Description)
    yes, no = strip.tr("{what}: yes").split("{")[0], strip.tr("{what}: no")
    assert said.count(no.split("}")[1]) == 2 and "✗" not in said and "✓" not in said, said
    grant_consent(window.bridge.lib, window.review_view.recording.id, "training", given_by="K.")
    said = face.text(QAccessible.Text.Description)
    assert said.count(no.split("}")[1]) == 1 and said.count(strip.tr("(faces blurred)")) == 1, said
    assert yes == ""  # the words come after the purpose
