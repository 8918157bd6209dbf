"""Change when a moment starts and ends by keyboard: two time boxes (minutes:seconds) instead
of dragging the marker on the timeline, which only a mouse could do (WCAG 2.1.1)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from vsr.dates import moment_field_format
from vsr.model import Marker

from ..accessibility_announce import announce
from ..timefmt import format_ms


class TimeBox(QTimeEdit):
    """Tab leaves the box, as everywhere else (Qt's time box used it to go from the minutes
    to the seconds). Typed digits fill the minutes, then the seconds ("0130" is 1:30); Up and
    Down change the part the cursor is in."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt API)
        return QWidget.focusNextPrevChild(self, next)


def _time_box(ms: int, length_ms: int, name: str) -> QTimeEdit:
    box = TimeBox()
    box.setAccessibleDescription(QCoreApplication.translate(
        "MomentTimeDialog", "Type minutes and seconds, for example 0130 for 1:30. Up and down: "
        "later or earlier."))
    box.setDisplayFormat(moment_field_format(length_ms))
    box.setMinimumTime(QTime(0, 0))
    box.setMaximumTime(QTime(0, 0).addMSecs(max(0, length_ms)))
    box.setTime(QTime(0, 0).addMSecs(ms))
    box.setAccessibleName(name)
    box.setMinimumHeight(36)
    return box


def _ms(box: QTimeEdit) -> int:
    return QTime(0, 0).msecsTo(box.time())


class MomentTimeDialog(QDialog):
    """Asks for a new start (and end, when the moment has one); `times()` gives them."""

    def __init__(self, marker: Marker, length_ms: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Time of the moment"))
        self.length_ms = length_ms
        self.start = _time_box(marker.start_ms, length_ms, self.tr("Starts at"))
        end = marker.end_ms if marker.end_ms is not None else marker.start_ms
        self.has_end = QCheckBox(self.tr("Ends at"))
        self.has_end.setChecked(marker.end_ms is not None)
        self.end = _time_box(end, length_ms, self.tr("Ends at"))
        self.end.setEnabled(self.has_end.isChecked())
        self.has_end.toggled.connect(self.end.setEnabled)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        form = QFormLayout()
        start_label = QLabel(self.tr("Starts at"))
        start_label.setBuddy(self.start)
        form.addRow(start_label, self.start)
        form.addRow(self.has_end, self.end)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Length of the recording: {length}").format(
            length=format_ms(length_ms))))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.start.setFocus()

    def times(self) -> tuple[int, int | None]:
        return _ms(self.start), (_ms(self.end) if self.has_end.isChecked() else None)

    def _check(self) -> None:
        start, end = self.times()
        if end is not None and end <= start:
            self.problem.setText(self.tr("The end must come after the start."))
            announce(self.problem.text(), self, assertive=True)
            self.end.setFocus()
            return
        self.accept()
