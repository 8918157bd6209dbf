"""A date that may be left open: a check box ("Ends on", "Keep until") and a calendar date that
only counts while the box is ticked (consent end dates and retention); and a date box that may be
empty (the "by when" of an action)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from vsr.dates import DATE_FIELD_FORMAT


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class OptionalDateField(QWidget):
    """`changed` fires when the box is ticked or cleared and when the date changes."""

    changed = Signal()

    def __init__(self, label: str, default: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.edit = QDateEdit(qdate(default or date.today()))
        self.edit.setCalendarPopup(True)
        self.edit.setEnabled(False)
        # Its own name: once the box is ticked, Tab reaches the date and a screen reader said
        # only "spin button, 7-12-26" (the label is the box's text, no buddy of the date).
        self.edit.setAccessibleName(label)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit, 1)

    def value(self) -> date | None:
        return pydate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, day: date | None) -> None:
        """Show a stored value without signalling a change."""
        self.blockSignals(True)
        self.check.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(qdate(day))
        self.edit.setEnabled(day is not None)
        self.blockSignals(False)


# The minimum of a DueDateEdit stands for "no date": Qt shows its special text there. Never saved.
NO_DATE = QDate(2000, 1, 1)


class OpenDateEdit(QDateEdit):
    """A date box whose minimum shows a special text ("no date", "any day"). Tab leaves it
    there: Qt's date box moves Tab between the day, month and year, and on the special text,
    which has none of them, Tab stayed in the box for ever (a keyboard trap, WCAG 2.1.2)."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt API)
        if self.specialValueText() and self.date() == self.minimumDate():
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)


class DueDateEdit(OpenDateEdit):
    """A date that may be empty ("geen datum"). Its calendar opens at today's month when no date
    is set (not at the year 2000), a step up or down from empty starts at today, and Delete or
    Backspace makes it empty again. `value()` is None while empty."""

    def __init__(self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
                 ) -> None:
        super().__init__(parent)
        self._today = today
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(self.tr("no date"))
        self.setDisplayFormat(DATE_FIELD_FORMAT)
        self.setToolTip(self.tr("Delete: no date"))
        self.setDate(NO_DATE)
        self.calendarWidget().installEventFilter(self)

    def value(self) -> date | None:
        return None if self.date() == NO_DATE else pydate(self.date())

    def set_value(self, day: date | None) -> None:
        self.setDate(NO_DATE if day is None else qdate(day))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The popup shows the edit's date; while empty that would be January 2000. Today is
        # selected instead (not the 1st of the month), so Enter picks today and the arrow keys
        # start from it. Quietly: looking at the calendar chooses nothing yet.
        if watched is self.calendarWidget() and event.type() == QEvent.Type.Show \
                and self.value() is None:
            today = self._today()
            calendar = self.calendarWidget()
            calendar.blockSignals(True)
            calendar.setSelectedDate(qdate(today))
            calendar.blockSignals(False)
            calendar.setCurrentPage(today.year, today.month)
        return super().eventFilter(watched, event)

    def stepBy(self, steps: int) -> None:
        if self.value() is None:
            self.set_value(self._today())
            return
        super().stepBy(steps)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.set_value(None)
            event.accept()
            return
        super().keyPressEvent(event)
