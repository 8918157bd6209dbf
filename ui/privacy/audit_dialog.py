"""The audit log (logboek), read only: every export, deletion and consent change. The window
can show the log but offers no way to change it, matching the append-only store. It checks the
whole hash chain each time it opens and says above the table whether the log was altered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vsr.dates import date_time
from vsr.library.audit import AuditEntry, check_audit_log, list_audit
from vsr.library.audit_text import (
    action_label,
    check_lines,
    details_label,
    recording_label,
    subject_label,
)
from vsr.library.db import Library


def local_time(at: str) -> str:
    """The stored UTC time shown in the computer's own time zone, to the minute, in words."""
    return date_time(at)


class AuditDialog(QDialog):
    def __init__(self, lib: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lib = lib
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(1100, 460)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Who did what, on which computer, with whose recording, and when: "
                              "every export, deletion and consent change, and every time a "
                              "review was opened or a recording played. Newest first. "
                              "This log cannot be changed."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.altered = False
        self.banner = QLabel()
        self.banner.setObjectName("auditCheck")
        self.banner.setWordWrap(True)
        layout.addWidget(self.banner)
        self.table = QTableWidget(0, 7)
        self.table.setAccessibleName(self.tr("Audit log"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Who"), self.tr("Computer"), self.tr("Action"),
             self.tr("Subject"), self.tr("Recording"), self.tr("Details")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (4, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, 180)
        header.setStretchLastSection(True)
        self.table.setWordWrap(True)
        # Row heights follow the wrapped text once the columns have their real widths.
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        layout.addWidget(self.table)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def refresh(self) -> None:
        check = check_audit_log(self.lib)
        self.altered = not check.ok
        self.banner.setText("\n".join(check_lines(check)))
        self.banner.setStyleSheet(
            "QLabel { background: #fde8e8; color: #8a0000; border: 1px solid #c00000;"
            " padding: 6px; font-weight: bold; }" if self.altered else "color: #2d6a2d;")
        entries: list[AuditEntry] = list_audit(self.lib)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            texts = (local_time(entry.at), entry.who, entry.workstation,
                     action_label(entry.action), subject_label(self.lib, entry.subject),
                     recording_label(self.lib, entry), details_label(entry))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                # The stored record stays visible: the raw action and details on hover.
                item.setToolTip(f"{text}\n\n{entry.action} {entry.subject}\n{entry.details}"
                                if column else text)
                # Not editable even when asked directly (editItem ignores the edit triggers).
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
