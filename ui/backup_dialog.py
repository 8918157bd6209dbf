"""Reservekopieën (File menu): the library's backups with date, kind and size; make one now;
put one back after confirming. Putting one back is done by the Application (it closes the
library and reloads the window), so this dialog only says which backup was chosen. Making a
backup (with progress and Cancel), checking the backups and reading what a restore would change
run on a worker: the window never waits for the disk.

Also the question at start when the library is damaged: restore the newest good backup, or
only look (read-only)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vsr.dates import date_time
from vsr.library import backups as bk
from vsr.library.restore import describe_restore, plan_restore

from .dialogs import error_text
from .status_line import StatusLine
from .workers import Task, start


def kind_label(kind: str) -> str:
    labels = {
        "daily": QCoreApplication.translate("Backups", "Daily"),
        "weekly": QCoreApplication.translate("Backups", "Weekly"),
        "manual": QCoreApplication.translate("Backups", "Made by you"),
        "before-restore": QCoreApplication.translate("Backups", "Before a restore"),
        "migration": QCoreApplication.translate("Backups", "Before an update"),
    }
    return labels.get(kind, kind)


def size_label(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, size // 1024)} kB"


def local_time(backup: bk.Backup) -> str:
    return date_time(backup.made_at)


class BackupDialog(QDialog):
    """Lists the backups of `library`; `chosen` is the backup to put back once accepted."""

    def __init__(self, library: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.chosen: Path | None = None
        self.confirmation: QMessageBox | None = None  # the last restore question (for tests)
        self.task: Task | None = None  # making a backup
        self.check_task: Task | None = None  # looking for damaged backups
        self.plan_task: Task | None = None  # reading what a restore would change
        self.damaged: set[Path] = set()
        self.setWindowTitle(self.tr("Backups"))
        self.resize(720, 420)
        intro = QLabel(self.tr("vsr makes a backup of your library every day (the last 7 are kept) and every week (the last 4), and before every update. Putting one back replaces everything since; a backup of the library as it is now is made first."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.message = StatusLine()
        self.message.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.hide()
        self.create_button = QPushButton(self.tr("Make a backup now"))
        self.create_button.clicked.connect(self.create_backup)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_backup)
        self.cancel_button.hide()
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.clicked.connect(self.ask_restore)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.backups: list[bk.Backup] = []
        self.refresh()

    def refresh(self) -> None:
        """List the backups now; which are damaged is checked on a worker and shown after."""
        self.backups = bk.list_backups(self.library)
        self._fill()
        paths = [b.path for b in self.backups]
        self.check_task = Task(lambda _p, _c: {p for p in paths if bk.check_file(p) != "ok"})
        self.check_task.signals.done.connect(self._checked)
        start(self.check_task)

    def _checked(self, damaged: set[Path]) -> None:
        if damaged != self.damaged:
            self.damaged = damaged
            self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            damaged = backup.path in self.damaged
            kind = kind_label(backup.kind)
            if damaged:
                kind = self.tr("{kind} (damaged)").format(kind=kind)
            for column, text in enumerate((local_time(backup), kind, size_label(backup.size))):
                item = QTableWidgetItem(text)
                if damaged:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        if not self.backups:
            self.message.setText(self.tr("There are no backups yet."))
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> bk.Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def create_backup(self) -> None:
        """Copy the library on a worker with progress; Cancel stops it and leaves no file."""
        library = self.library
        self.task = Task(lambda progress, cancelled: bk.create_backup(
            library, "manual", progress=progress, cancel=cancelled))
        self.task.signals.progress.connect(lambda f: self.progress.setValue(round(f * 1000)))
        self.task.signals.done.connect(self._made)
        self.task.signals.failed.connect(self._not_made)
        self._busy(True)
        self.message.setText(self.tr("Making a backup…"))
        start(self.task)

    def running(self) -> bool:
        return self.task is not None and self.cancel_button.isVisible()

    def _busy(self, busy: bool) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.create_button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy and self.selected() is not None)

    def _made(self, backup: bk.Backup) -> None:
        self._busy(False)
        self.refresh()
        self.message.setText(self.tr("Backup made: {date}").format(date=local_time(backup)))

    def _not_made(self, exc: BaseException) -> None:
        self._busy(False)
        self.message.setText(error_text(exc))

    def cancel_backup(self) -> None:
        """The copy stops at its next step and removes its partial file."""
        if self.task is not None:
            self.task.cancel()
        self._busy(False)
        self.message.setText(self.tr("Backup cancelled. No file was made."))

    def reject(self) -> None:
        if self.running():  # closing cancels: nothing is lost, no half file stays
            self.cancel_backup()
        super().reject()

    def ask_restore(self) -> None:
        """What a restore would carry over and undo is read on a worker, then asked."""
        backup = self.selected()
        if backup is None:
            return
        library = self.library
        self.restore_button.setEnabled(False)
        self.plan_task = Task(lambda _p, _c: describe_restore(plan_restore(library,
                                                                            backup.path)))
        self.plan_task.signals.done.connect(lambda lines: self._confirm_restore(backup, lines))
        self.plan_task.signals.failed.connect(self._not_made)
        self.plan_task.signals.finished.connect(self._selection_changed)
        start(self.plan_task)

    def _confirm_restore(self, backup: bk.Backup, lines: list[str]) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore backup"),
                          self.tr("Put back the backup of {date}? Everything changed since then is replaced. A backup of the library as it is now is made first, so you can go back.").format(date=local_time(backup)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        # What the restore carries over (the log, exported files), undoes and keeps (consent).
        box.setInformativeText("\n".join(lines))
        self.confirmation = box
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.chosen = backup.path
            self.accept()


def ask_about_damage(parent: QWidget | None, library: Path, problem: str, *,
                     can_view: bool) -> Path | None:
    """At start, for a damaged library: the newest good backup to put back, or None to only
    look at it read-only (can_view) or to stop."""
    newest = bk.newest_good(library)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Backups", "The library is damaged"))
    text = QCoreApplication.translate("Backups", "The library {path} is damaged ({problem}).").format(
        path=library, problem=problem)
    if newest is not None:
        text += " " + QCoreApplication.translate("Backups", "The newest good backup is of {date}. Put it back? A copy of the damaged library is kept.").format(date=local_time(newest))
    else:
        text += " " + QCoreApplication.translate("Backups", "There is no good backup.")
    if can_view:
        text += " " + QCoreApplication.translate("Backups", "You can also only look: then nothing can be saved.")
    box.setText(text)
    restore = None
    if newest is not None:
        restore = box.addButton(QCoreApplication.translate("Backups", "Restore backup"), QMessageBox.ButtonRole.AcceptRole)
    other = QCoreApplication.translate("Backups", "Only look") if can_view else QCoreApplication.translate("Backups", "Stop")
    box.addButton(other, QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if restore is not None and box.clickedButton() is restore and newest is not None:
        return newest.path
    return None
