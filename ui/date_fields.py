"""A date that may be left open: a check box ("Ends on", "Keep until") and a calendar date that
only counts while the box is ticked. Used for consent end dates and retention."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget


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
