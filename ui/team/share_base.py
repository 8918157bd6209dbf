"""What both "Share with team…" dialogs (a review, a collection of clips) have in common: the
teams where the user's function fits, fetched on a worker; a status line; a progress bar;
Close and Share; the share itself on a worker, its refusal a sentence in the dialog. The
dialogs add what is shared, what leaves the computer and which teams fit.

The words here are translated in this module's own context ("TeamShareDialog"): PySide's
`self.tr` would look them up under the dialog's own class name, where lupdate does not put
them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vsr.team.connection import TeamError, connect, media_folder
from vsr.team.sharing import my_teams

from .. import workers
from ..dialogs import error_text
from ..status_line import StatusLine
from .settings import team_media_setting


class TeamShareDialog(QDialog):
    def __init__(self, lib: Any, width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(width)
        self.lib = lib
        self.team_box = QComboBox()
        self.team_box.setAccessibleName(QCoreApplication.translate("TeamShareDialog", "Team"))
        self.form = QFormLayout()
        self.form.addRow(QCoreApplication.translate("TeamShareDialog", "Team:"), self.team_box)
        self.progress = QProgressBar()
        self.progress.hide()
        self.status = StatusLine()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.share_button = QPushButton(QCoreApplication.translate("TeamShareDialog", "Share"))
        self.share_button.setEnabled(False)
        self.buttons.addButton(self.share_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.share_button.clicked.connect(self.share)
        self.buttons.rejected.connect(self.reject)
        self._task: workers.Task | None = None

    def lay_out(self, *between: QWidget | QLayout, stretch: QWidget | None = None) -> None:
        """The form, then `between` (`stretch` takes the room that is left), then the
        progress, the status line and the buttons."""
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        for item in between:
            if isinstance(item, QLayout):
                layout.addLayout(item)
            else:
                layout.addWidget(item, 1 if item is stretch else 0)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def say(self, text: str) -> None:
        self.status.setText(text)

    # -- the teams ---------------------------------------------------------------------------

    def fitting(self, teams: list[tuple[str, str]]) -> list[str]:
        """The names of the teams (name, the user's function there) this share can go to."""
        raise NotImplementedError

    def no_team_text(self) -> str:
        """What to say when no team fits."""
        raise NotImplementedError

    def load_teams(self, url: str) -> None:
        if not url:
            self.say(TeamError("error.team.no_url").message())
            return
        self.say(QCoreApplication.translate("TeamShareDialog", "Connecting to the team library…"))

        def teams(_p: Any, _c: Any) -> list[tuple[str, str]]:
            with connect(url) as conn:
                return my_teams(conn)

        task = workers.Task(teams)
        task.signals.done.connect(self._fill_teams)
        task.signals.failed.connect(lambda exc: self.say(error_text(exc)))
        self._task = workers.start(task)

    def _fill_teams(self, teams: list[tuple[str, str]]) -> None:
        names = self.fitting(teams)
        for name in names:
            self.team_box.addItem(name, name)
        if names:
            self.say("")
            self.share_button.setEnabled(True)
        else:
            self.say(self.no_team_text())

    # -- sharing -----------------------------------------------------------------------------

    def share(self) -> None:
        raise NotImplementedError

    def media(self) -> Path | None:
        """The team's media folder, or None after saying why it cannot be used."""
        try:
            media = media_folder(team_media_setting())
        except TeamError as exc:
            self.say(exc.message())
            return None
        assert media is not None
        return media

    def start_sharing(self, task: workers.Task) -> None:
        """Run the share on a worker: Share is off and the progress shows until it ends; a
        refusal is said and Share can be pressed again."""
        self.share_button.setEnabled(False)
        self.progress.show()
        self.say(QCoreApplication.translate("TeamShareDialog", "Encrypting and sharing…"))
        task.signals.failed.connect(self._refused)
        self._task = workers.start(task)

    def _refused(self, exc: BaseException) -> None:
        self.progress.hide()
        self.share_button.setEnabled(True)
        self.say(error_text(exc))
