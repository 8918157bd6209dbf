"""The team library's address and media folder, kept in the app's settings (QSettings), and
the page that edits them with "Verbinding testen". VSR_TEAM / VSR_TEAM_MEDIA win over the
settings when they are set (an organisation can fix them for every workstation)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vsr.team.connection import ENV_MEDIA, ENV_URL, CheckReport, check

from .. import workers
from ..dialogs import error_text

URL_KEY, MEDIA_KEY = "team/url", "team/media"


def team_url_setting() -> str:
    """The address to use: VSR_TEAM, else the saved setting ("" when there is none)."""
    return os.environ.get(ENV_URL) or str(QSettings().value(URL_KEY, "") or "")


def team_media_setting() -> Path | None:
    value = os.environ.get(ENV_MEDIA) or str(QSettings().value(MEDIA_KEY, "") or "")
    return Path(value) if value else None


class TeamSettingsDialog(QDialog):
    """Two fields, a test button that runs `vsr team check` on a worker, and Save/Cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Team library settings"))
        self.setMinimumWidth(560)
        self.url_field = QLineEdit(team_url_setting())
        self.url_field.setPlaceholderText("postgresql://naam@server/vsr?sslmode=verify-full")
        self.media_field = QLineEdit(str(team_media_setting() or ""))
        self.media_field.setPlaceholderText(self.tr("A folder on the network share"))
        self.media_field.setAccessibleName(self.tr("Media folder"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_media)
        media_row = QHBoxLayout()
        media_row.addWidget(self.media_field, 1)
        media_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Address of the team library:"), self.url_field)
        form.addRow(self.tr("Media folder:"), media_row)
        self.env_note = QLabel()
        self.env_note.setWordWrap(True)
        self._lock_fields_set_by_environment()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Result of the connection test"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.env_note)
        layout.addWidget(self.test_button)
        layout.addWidget(self.results, 1)
        layout.addWidget(buttons)
        self._task: workers.Task | None = None

    def _lock_fields_set_by_environment(self) -> None:
        notes = []
        for field, env in ((self.url_field, ENV_URL), (self.media_field, ENV_MEDIA)):
            if os.environ.get(env):
                field.setReadOnly(True)
                notes.append(self.tr("{name} is set on this computer and is used.").format(name=env))
        self.env_note.setText(" ".join(notes))
        self.env_note.setVisible(bool(notes))

    def _choose_media(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Media folder"),
                                                  self.media_field.text() or str(Path.home()))
        if folder:
            self.media_field.setText(folder)

    def save(self) -> None:
        settings = QSettings()
        settings.setValue(URL_KEY, self.url_field.text().strip())
        settings.setValue(MEDIA_KEY, self.media_field.text().strip())
        self.accept()

    def test_connection(self) -> None:
        """Run the check off the main thread (a connect can take seconds); show its lines."""
        url, media = self.url_field.text().strip(), self.media_field.text().strip()
        self.results.clear()
        self.results.addItem(self.tr("Testing the connection…"))
        self.test_button.setEnabled(False)
        task = workers.Task(lambda _p, _c: check(url or None, Path(media) if media else None))
        task.signals.done.connect(self._show_report)
        task.signals.failed.connect(self._show_failure)
        task.signals.finished.connect(lambda: self.test_button.setEnabled(True))
        self._task = workers.start(task)

    def _show_report(self, report: CheckReport) -> None:
        self.results.clear()
        for good, text in report.lines:
            QListWidgetItem(("✓ " if good else "✗ ") + text, self.results)
        summary = self.tr("All is well.") if report.ok else self.tr(
            "Something is not right yet; see the lines above.")
        QListWidgetItem(summary, self.results)

    def _show_failure(self, exc: BaseException) -> None:
        self.results.clear()
        QListWidgetItem("✗ " + error_text(exc), self.results)
