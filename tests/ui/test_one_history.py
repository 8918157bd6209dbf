"""One undo history, the same whether the cursor is in a gespreksblad field or not: Ctrl+Z in a
field takes back the last step of the window's history (not the field's own), a pause in typing
starts a new step, a theme change in between is its own step, and redo keeps working in order."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from vsr.ui.bridge import LibraryBridge
from vsr.ui.main_window import MainWindow
from vsr.ui.review import sheet_fields

from tests.ui.fake_player import FakePlayer
from tests.vsr.fakes import add_fake_recording, fake_fingerprint
from vsr.library import markers as mk
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.library.sheets import SheetField

A = SheetField.WHAT_HAPPENED
CTRL = Qt.KeyboardModifier.ControlModifier


class Clock:
    """Stands in for the typing clock: a pause is a step of the hands, not a sleep."""

    def __init__(self) -> None:
        self.ms = 1_000_000.0

    def __call__(self) -> float:
        return self.ms


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(sheet_fields, "now_ms", fake)
    return fake


@pytest.fixture
def window(qtbot, library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(rc, "_default_fingerprinter", fake_fingerprint)
    QSettings().setValue("pause_while_typing", False)
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    pro, _client = rv.list_parties(library, review.id)
    marker = mk.add_marker(library, pro.id, 30_000)
    bridge = LibraryBridge(library)
    win = MainWindow(bridge, FakePlayer(duration_ms=120_000))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    assert win.open_review(review.id)
    win.review_view.select_marker(marker.id)
    win.marker_id = marker.id  # type: ignore[attr-defined]
    yield win
    win.close()
    bridge.close()
    QSettings().remove("pause_while_typing")


def stored(win) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    marker = mk.get_marker(win.bridge.lib, win.marker_id)
    return sh.get_sheet(win.bridge.lib, win.marker_id).what_happened, marker.theme


def typed(qtbot, field, text: str, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    """Key presses carrying each character (QTest.keyClicks refuses ı, ł and ø)."""
    for char in text:
        clock.ms += 120  # typing speed: one key every 120 ms, no pause
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(field, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                    Qt.KeyboardModifier.NoModifier, char))


def test_ctrl_z_in_a_field_walks_the_one_history_back_and_forth(qtbot, window, clock) -> None:  # type: ignore[no-untyped-def]
    sheet = window.review_view.sheet
    field = sheet.field(A)
    field.setFocus()
    typed(qtbot, field, "Eerst", clock)
    field.flush()
    sheet.header.theme_chosen.emit("samenwerking", "")  # the theme card, between the edits
    field.setFocus()
    clock.ms += 5_000  # a pause in typing
    typed(qtbot, field, " daarna", clock)  # not saved yet: Ctrl+Z comes while typing
    assert field.hasFocus()
    assert stored(window) == ("Eerst", "samenwerking")

    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)  # 1: only " daarna"
    assert stored(window) == ("Eerst", "samenwerking")
    assert field.toPlainText() == "Eerst" and field.hasFocus()
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)  # 2: the theme change
    assert stored(window) == ("Eerst", "")
    assert field.toPlainText() == "Eerst"
    assert window.redo_action.isEnabled()
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)  # 3: "Eerst"
    assert stored(window) == ("", "") and field.toPlainText() == ""

    qtbot.keyClick(field, Qt.Key.Key_Y, CTRL)  # redo, in the same order
    assert stored(window) == ("Eerst", "")
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert stored(window) == ("Eerst", "samenwerking")
    qtbot.keyClick(field, Qt.Key.Key_Y, CTRL)
    assert stored(window) == ("Eerst daarna", "samenwerking")
    assert field.toPlainText() == "Eerst daarna"
    assert not window.redo_action.isEnabled()


def test_the_same_steps_with_the_focus_outside_the_field(qtbot, window, clock) -> None:  # type: ignore[no-untyped-def]
    sheet = window.review_view.sheet
    field = sheet.field(A)
    field.setFocus()
    typed(qtbot, field, "een", clock)
    clock.ms += 3_000
    typed(qtbot, field, " twee", clock)
    window.review_view.timeline.view.setFocus()  # leaving the field saves it
    assert stored(window)[0] == "een twee"
    qtbot.keyClick(window.review_view.timeline.view, Qt.Key.Key_Z, CTRL)
    assert stored(window)[0] == "een" and field.toPlainText() == "een"
    qtbot.keyClick(window.review_view.timeline.view, Qt.Key.Key_Z, CTRL)
    assert stored(window)[0] == "" and field.toPlainText() == ""
    qtbot.keyClick(window.review_view.timeline.view, Qt.Key.Key_Y, CTRL)
    assert stored(window)[0] == "een"


def test_typing_without_a_pause_is_one_step_even_over_several_saves(qtbot, window, clock) -> None:  # type: ignore[no-untyped-def]
    field = window.review_view.sheet.field(A)
    field.setFocus()
    steps = window.undo.count()
    for word in ("Ik ", "zag ", "ıłø "):
        typed(qtbot, field, word, clock)
        field.flush()  # the field saves while typing goes on (every 800 ms)
    assert stored(window)[0] == "Ik zag ıłø "
    assert window.undo.count() == steps + 1
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert stored(window)[0] == ""


def test_typing_after_an_undo_is_a_new_step(qtbot, window, clock) -> None:  # type: ignore[no-untyped-def]
    field = window.review_view.sheet.field(A)
    field.setFocus()
    typed(qtbot, field, "ab", clock)
    field.flush()
    typed(qtbot, field, "c", clock)
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)  # right away, no pause: "abc" goes as one step
    assert field.toPlainText() == ""
    typed(qtbot, field, "x", clock)
    field.flush()
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert field.toPlainText() == "" and stored(window)[0] == ""
    assert window.redo_action.isEnabled()
    qtbot.keyClick(field, Qt.Key.Key_Y, CTRL)
    assert stored(window)[0] == "x"
