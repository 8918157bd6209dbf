"""The one gespreksblad editor and the one edit path: a failed save is shown and kept until it
can be saved, typing without a pause is saved anyway, and every edit in the Moments tab or in
Stap 2 is undoable on the window's stack (Ctrl+Z, Ctrl+Y)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from vsr.ui.actions import ActionId
from vsr.ui.bridge import LibraryBridge
from vsr.ui.main_window import MainWindow
from vsr.ui.review.sheet_editor import SheetEditor
from vsr.ui.review.sheet_fields import SAVE_EVERY_MS

from tests.ui.fake_player import FakePlayer
from tests.vsr.fakes import add_fake_recording, fake_fingerprint
from vsr import samenleergesprek as ss
from vsr.errors import StorageError
from vsr.library import markers as mk
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.library.sheets import SheetField
from vsr.samenleergesprek.model import SessionStep

A, C = SheetField.WHAT_HAPPENED, SheetField.KEEP_OR_CHANGE


@pytest.fixture
def window(qtbot, library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A review with one moment, chosen for Stap 2, open in the window at Stap 2."""
    monkeypatch.setattr(rc, "_default_fingerprinter", fake_fingerprint)
    QSettings().setValue("pause_while_typing", False)
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    pro, client = rv.list_parties(library, review.id)
    marker = mk.add_marker(library, pro.id, 30_000)
    for party in (pro, client):
        ss.confirm_rules(library, review.id, party.id)
    ss.choose_moment(library, review.id, marker.id)
    ss.go_to_step(library, review.id, SessionStep.DISCUSS)
    bridge = LibraryBridge(library)
    player = FakePlayer(duration_ms=120_000)
    win = MainWindow(bridge, player)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    assert win.open_review(review.id)
    win.review_view.select_marker(marker.id)
    win.ids = (marker.id, pro.id, client.id)  # type: ignore[attr-defined]
    yield win
    win.close()
    bridge.close()
    QSettings().remove("pause_while_typing")


def editors(win: MainWindow) -> tuple[SheetEditor, SheetEditor]:
    panel = win.review_view.session_panel
    assert panel is not None
    return win.review_view.sheet, panel.discuss.sheet


def type_and_save(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    field.setFocus()
    qtbot.keyClicks(field, text)
    field.flush()


@pytest.mark.parametrize("failure", ["read_only", "disk_full"])
def test_a_failed_save_is_shown_kept_and_saved_later(qtbot, window, monkeypatch, failure) -> None:
    lib = window.bridge.lib
    marker_id = window.ids[0]
    sheet = window.review_view.sheet
    field = sheet.field(A)
    type_and_save(qtbot, field, "Eerst ")
    steps = window.undo.count()
    if failure == "read_only":
        lib.conn.execute("PRAGMA query_only=ON")  # SQLite refuses every write, like a locked file
    else:
        def full(*_a, **_k):  # type: ignore[no-untyped-def]
            raise StorageError("error.storage.disk_full")
        monkeypatch.setattr(sh, "set_field", full)
    field.setFocus()
    qtbot.keyClicks(field, "dit")
    assert not field.flush()

    assert sheet.notice.isVisible()
    assert ("schijf is vol" if failure == "disk_full" else "alleen-lezen") \
        in sheet.notice.text()
    assert field.toPlainText() == "Eerst dit"  # the text stays where it was typed
    assert field.has_pending_edit() and field.saved_text() == "Eerst "  # not marked saved
    assert window.undo.count() == steps  # no undo step for an edit that was not saved
    assert window.undo.command(steps - 1).new == "Eerst "  # type: ignore[attr-defined]
    assert sh.get_sheet(lib, marker_id).what_happened == "Eerst "
    sheet.reload()  # an outside refresh does not throw the unsaved text away
    assert field.toPlainText() == "Eerst dit"

    if failure == "read_only":
        lib.conn.execute("PRAGMA query_only=OFF")
    else:
        monkeypatch.undo()
    window.review_view.timeline.view.setFocus()  # nobody types again: the retry saves it
    qtbot.waitUntil(lambda: sh.get_sheet(lib, marker_id).what_happened == "Eerst dit",
                    timeout=5_000)
    assert not field.has_pending_edit()
    assert not sheet.notice.isVisible()  # saved: the message goes away
    window.undo.undo()
    assert sh.get_sheet(lib, marker_id).what_happened == ""  # one merged step, all of it


def test_text_not_saved_when_another_moment_is_chosen_is_kept(qtbot, window) -> None:
    lib = window.bridge.lib
    marker_id, pro_id, _ = window.ids
    other = mk.add_marker(lib, pro_id, 60_000)
    sheet = window.review_view.sheet
    lib.conn.execute("PRAGMA query_only=ON")
    field = sheet.field(A)
    field.setFocus()
    qtbot.keyClicks(field, "bewaar mij")
    window.review_view.select_marker(other.id)
    assert sheet.marker.id == other.id and sheet.notice.isVisible()
    assert sheet.field(A).toPlainText() == ""  # the other moment's own text, not the draft
    window.review_view.select_marker(marker_id)
    assert sheet.field(A).toPlainText() == "bewaar mij"  # shown again with its moment
    window.review_view.select_marker(other.id)
    lib.conn.execute("PRAGMA query_only=OFF")
    qtbot.waitUntil(lambda: sh.get_sheet(lib, marker_id).what_happened == "bewaar mij",
                    timeout=5_000)
    assert sh.get_sheet(lib, other.id).what_happened == ""


def test_a_failed_undo_leaves_library_and_stack_as_they_were(qtbot, window) -> None:
    lib = window.bridge.lib
    marker_id = window.ids[0]
    field = window.review_view.sheet.field(C)
    type_and_save(qtbot, field, "Samenvatten")
    index = window.undo.index()
    lib.conn.execute("PRAGMA query_only=ON")
    window.undo_action.trigger()
    assert window.undo.index() == index  # the stack did not move
    assert sh.get_sheet(lib, marker_id).keep_or_change == "Samenvatten"
    assert window.review_view.sheet.notice.isVisible()
    lib.conn.execute("PRAGMA query_only=OFF")
    window.undo_action.trigger()
    assert window.undo.index() == index - 1
    assert sh.get_sheet(lib, marker_id).keep_or_change == ""
    assert not window.review_view.sheet.notice.isVisible()


def test_stap2_edits_are_undoable_and_both_editors_follow(qtbot, window) -> None:
    lib = window.bridge.lib
    marker_id, pro_id, client_id = window.ids
    window.review_view.tabs.setCurrentIndex(1)
    moments, stap2 = editors(window)
    assert stap2.marker is not None and stap2.marker.id == marker_id
    type_and_save(qtbot, stap2.field(A), "Ik vroeg naar je doel")
    qtbot.mouseClick(stap2.columns[client_id].feeling_buttons["onzeker"], Qt.MouseButton.LeftButton)
    type_and_save(qtbot, stap2.field(SheetField.TO_ME, pro_id), "Ik had haast")
    type_and_save(qtbot, stap2.field(C), "Eerst het doel")
    combo = stap2.theme_combo
    combo.setCurrentIndex(combo.findData("bereiken|doel"))
    combo.activated.emit(combo.currentIndex())
    question = stap2.header.question  # type: ignore[union-attr]
    assert question.isVisible() and question.text() == "Hebben we dezelfde doelen?"
    assert moments.theme_combo.currentData() == "bereiken|doel"  # the Moments tab follows
    assert moments.field(A).toPlainText() == "Ik vroeg naar je doel"
    assert moments.columns[client_id].feeling_buttons["onzeker"].isChecked()

    def shown(editor: SheetEditor) -> tuple[str, bool, str, str, str]:
        return (editor.field(A).toPlainText(),
                editor.columns[client_id].feeling_buttons["onzeker"].isChecked(),
                editor.field(SheetField.TO_ME, pro_id).toPlainText(),
                editor.field(C).toPlainText(), str(editor.theme_combo.currentData()))

    def stored() -> tuple[str, bool, str, str, str]:
        s, m = sh.get_sheet(lib, marker_id), mk.get_marker(lib, marker_id)
        return (s.what_happened, "onzeker" in s.reflection(client_id).feelings,
                s.reflection(pro_id).to_me, s.keep_or_change, f"{m.theme}|{m.subtopic}")

    full = ("Ik vroeg naar je doel", True, "Ik had haast", "Eerst het doel", "bereiken|doel")
    expected = [full, full[:4] + ("|",), full[:3] + ("", "|"), full[:2] + ("", "", "|"),
                (full[0], False, "", "", "|"), ("", False, "", "", "|")]
    assert stored() == full
    for state in expected[1:]:
        window.undo_action.trigger()
        assert stored() == state
        assert shown(moments) == state and shown(stap2) == state
    # No sub-topic any more: what a theme card is shows in the question's place.
    assert stap2.header.question.text() == stap2.header.explanation()  # type: ignore[union-attr]

    # Ctrl+Y redoes (as does Ctrl+Shift+Z), from the keyboard, outside the text fields.
    assert QKeySequence("Ctrl+Y") in window.redo_action.shortcuts()
    assert QKeySequence("Ctrl+Shift+Z") in window.redo_action.shortcuts()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    window.review_view.timeline.view.setFocus()
    for state in reversed(expected[:-1]):
        qtbot.keyClick(window.review_view.timeline.view, Qt.Key.Key_Y,
                       Qt.KeyboardModifier.ControlModifier)
        assert stored() == state
        assert shown(moments) == state and shown(stap2) == state


def test_typing_without_a_pause_is_saved_every_second(qtbot, window) -> None:
    lib = window.bridge.lib
    marker_id = window.ids[0]
    field = window.review_view.sheet.field(A)
    field.setFocus()
    typed = ""
    clock = QElapsedTimer()
    clock.start()
    while clock.elapsed() < 2_400:  # one key every 50 ms: "typing stopped" never comes
        QTest.keyClick(field, Qt.Key.Key_A)
        typed += "a"
        QTest.qWait(50)
    saved = sh.get_sheet(lib, marker_id).what_happened
    assert len(saved) >= len(typed) // 3 and typed.startswith(saved)
    assert SAVE_EVERY_MS <= 1_000


def test_pause_while_typing_pauses_the_replay_when_on(qtbot, window) -> None:
    player: FakePlayer = window.review_view.player
    action = window.actions[ActionId.PAUSE_WHILE_TYPING]
    assert not action.isChecked()  # off unless asked for
    assert action in window.menuBar().actions()[2].menu().actions()  # Playback menu
    field = window.review_view.sheet.field(A)
    player.play()
    field.setFocus()
    qtbot.keyClicks(field, "x")
    assert player.is_playing()
    field.flush()
    action.setChecked(True)
    assert QSettings().value("pause_while_typing", type=bool)
    for editor in editors(window):
        player.play()
        editor.field(C).setFocus()
        qtbot.keyClicks(editor.field(C), "y")
        assert not player.is_playing()
        editor.field(C).flush()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_editor_fits_beside_the_video(qtbot, library, tmp_path: Path, lang: str) -> None:
    from vsr.ui.i18n import install_language
    from vsr.ui.operations import UndoStack

    install_language(lang)  # the window does it once; the editor reads it (conftest resets it)
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    rv.add_party(library, review.id, "Tolk")
    parties = rv.list_parties(library, review.id)
    marker = mk.add_marker(library, parties[0].id, 1_000, theme="samenwerking",
                           subtopic="openheid")
    bridge = LibraryBridge(library)
    editor = SheetEditor(bridge, UndoStack())
    qtbot.addWidget(editor)
    editor.set_marker(marker.id, parties)
    editor.show()
    assert editor.minimumSizeHint().width() <= 480
    for column in editor.columns.values():
        for button in column.feeling_buttons.values():
            assert button.height() >= 44 and not button.icon().isNull() and button.text()
    assert editor.theme_combo.minimumHeight() >= 44
    bridge.close()
