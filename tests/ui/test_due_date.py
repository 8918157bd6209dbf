"""The "by when" of an action in Stap 3: with no date set its calendar opens at today (not at
January 2000), and "no date" stays empty: shown as "geen datum", saved as no date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from vsr.ui.bridge import LibraryBridge
from vsr.ui.date_fields import NO_DATE, DueDateEdit
from vsr.ui.operations import UndoStack
from vsr.ui.samenleergesprek.actions_editor import ActionsEditor
from vsr.ui.samenleergesprek.context import SessionContext

from tests.ui.fake_player import FakePlayer
from tests.vsr.fakes import add_fake_recording
from vsr import samenleergesprek as ss
from vsr.library import reviews as rv
from vsr.method import resource_path

SOME_DAY = date(2031, 5, 14)  # "today" in these tests: far from the box's minimum (2000)


def open_popup(qtbot, edit: DueDateEdit) -> None:  # type: ignore[no-untyped-def]
    """Open the calendar as a user does (a click on the arrow) and wait until it shows."""
    arrow = QPoint(edit.width() - 6, edit.height() // 2)
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=arrow)
    qtbot.waitUntil(lambda: edit.calendarWidget().isVisible())


@pytest.fixture
def editor(qtbot, library, tmp_path: Path):  # type: ignore[no-untyped-def]
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id, title="Gesprek", party_names=("Anouk", "Zoë"))
    bridge = LibraryBridge(library)
    ctx = SessionContext(bridge, review.id, FakePlayer(duration_ms=60_000), UndoStack())
    editor = ActionsEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    yield editor
    bridge.close()


def saved_due(editor: ActionsEditor) -> list[str]:
    return [a.due for a in ss.get_session(editor.ctx.lib, editor.ctx.review_id).actions]


def test_empty_date_box_opens_its_calendar_at_today(qtbot) -> None:
    edit = DueDateEdit(today=lambda: SOME_DAY)
    qtbot.addWidget(edit)
    edit.show()
    assert edit.value() is None and edit.date() == NO_DATE
    assert edit.text() == edit.specialValueText() == edit.tr("no date")
    open_popup(qtbot, edit)
    calendar = edit.calendarWidget()
    assert (calendar.yearShown(), calendar.monthShown()) == (SOME_DAY.year, SOME_DAY.month)
    assert edit.value() is None  # looking at the calendar does not choose a date
    calendar.hide()


def test_a_set_date_opens_its_calendar_at_that_date(qtbot) -> None:
    edit = DueDateEdit(today=lambda: SOME_DAY)
    qtbot.addWidget(edit)
    edit.show()
    edit.set_value(date(2027, 2, 3))
    open_popup(qtbot, edit)
    calendar = edit.calendarWidget()
    assert (calendar.yearShown(), calendar.monthShown()) == (2027, 2)
    calendar.hide()


def test_stepping_from_no_date_starts_at_today_and_delete_empties(qtbot) -> None:
    edit = DueDateEdit(today=lambda: SOME_DAY)
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert edit.value() == SOME_DAY  # not 2 January 2000
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert edit.value() is not None and edit.value() != SOME_DAY  # then it steps as usual
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert edit.value() is None and edit.text() == edit.tr("no date")


def test_action_without_date_is_saved_empty_and_a_picked_date_is_saved(qtbot, editor) -> None:
    editor.add()
    row = editor.rows[0]
    assert saved_due(editor) == [""] and row.due.value() is None
    open_popup(qtbot, row.due)
    calendar = row.due.calendarWidget()
    today = date.today()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)
    assert saved_due(editor) == [""]  # opening the calendar saves nothing
    picked = QDate(today.year, today.month, 1).addMonths(1)
    calendar.setSelectedDate(picked)  # what a click on a day does
    calendar.clicked.emit(picked)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert saved_due(editor) == [picked.toString("yyyy-MM-dd")]
    row.due.setFocus()
    qtbot.keyClick(row.due, Qt.Key.Key_Delete)
    assert saved_due(editor) == [""]  # never "2000-01-01"
    editor.setFocus()
    QApplication.processEvents()


def test_a_stored_action_without_date_reads_geen_datum_in_dutch(qtbot, editor) -> None:
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "vsr_nl.qm")))
    QApplication.instance().installTranslator(translator)  # type: ignore[union-attr]
    try:
        ss.add_action(editor.ctx.lib, editor.ctx.review_id, "Bellen")
        editor.refresh()
        due = editor.rows[0].due
        assert due.value() is None and due.text() == "geen datum"
    finally:
        QApplication.instance().removeTranslator(translator)  # type: ignore[union-attr]


def test_the_calendar_selects_today_and_enter_picks_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Keyboard only: open the empty box's calendar, it has today selected (not the 1st of the
    month), Enter chooses it; an arrow key first moves from today, not from the 1st."""
    edit = DueDateEdit(today=lambda: SOME_DAY)
    qtbot.addWidget(edit)
    edit.show()
    open_popup(qtbot, edit)
    calendar = edit.calendarWidget()
    assert calendar.selectedDate() == QDate(2031, 5, 14)
    assert edit.value() is None  # selected, not chosen yet
    view = calendar.focusWidget() or calendar
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert edit.value() == SOME_DAY

    edit.set_value(None)
    open_popup(qtbot, edit)
    view = calendar.focusWidget() or calendar
    qtbot.keyClick(view, Qt.Key.Key_Right)  # a day later than today
    qtbot.keyClick(view, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert edit.value() == date(2031, 5, 15)


def test_escape_leaves_the_box_empty(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = DueDateEdit(today=lambda: SOME_DAY)
    qtbot.addWidget(edit)
    edit.show()
    open_popup(qtbot, edit)
    calendar = edit.calendarWidget()
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert edit.value() is None
