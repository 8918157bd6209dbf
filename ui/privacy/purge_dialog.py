"""The retention check when the app starts: when recordings or collections are past their last
day, or consent for clips has lapsed, the window says exactly what would be deleted and asks
once. "Delete now" purges (audited, the same as `vsr purge`); "Later" keeps everything and
asks again at the next start."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vsr.library.db import Library
from vsr.library.retention import PurgePlan, PurgeReport, describe_purge, purge

from ..dialogs import warn
from ..operations import in_box, perform
from .erasure_task import clean_up_later


class PurgeDialog(QDialog):
    def __init__(self, lib: Library, plan: PurgePlan,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lib, self.plan = lib, plan
        self.report: PurgeReport | None = None
        self.setWindowTitle(self.tr("Retention period over"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "<b>Some material has passed its last day to be kept.</b> Recordings of clients "
            "are kept no longer than agreed. This is what will be deleted:"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.listing = QPlainTextEdit("\n".join(describe_purge(lib, plan)))
        self.listing.setReadOnly(True)
        self.listing.setAccessibleName(self.tr("What will be deleted"))
        layout.addWidget(self.listing, 1)
        note = QLabel(self.tr("Deleting cannot be undone; it is written in the audit log. "
                              "With “Later” nothing changes and you are asked again at the next "
                              "start."))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox()
        self.delete_button = QPushButton(self.tr("Delete now"))
        self.later_button = QPushButton(self.tr("Later"))
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.later_button.setDefault(True)
        self.delete_button.clicked.connect(self.delete_now)
        self.later_button.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def delete_now(self) -> None:
        report = perform(lambda: purge(self.lib, self.plan.today, clean_backups=False),
                         report=in_box(self)).value
        if report is None:
            self.reject()
            return
        self.report = report
        clean_up_later(self.parentWidget(), self.lib.path)
        failed = [*self.report.files.failed, *self.report.media_failed]
        if failed:
            warn(self, self.tr(
                "{n} file(s) could not be deleted. Delete them by hand:\n{paths}").format(
                    n=len(failed), paths="\n".join(path for path, _ in failed)),
                 title=self.tr("Retention period over"))
        self.accept()


def ask_purge(parent: QWidget | None, lib: Library, plan: PurgePlan
              ) -> PurgeReport | None:
    """Ask about what `plan` lists; the report when it was deleted, None for "Later"."""
    dialog = PurgeDialog(lib, plan, parent)
    dialog.exec()
    report = dialog.report
    dialog.deleteLater()  # a window never outlives the application (no parent at start-up)
    return report
