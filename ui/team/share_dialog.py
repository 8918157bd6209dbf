"""File → "Share with team…": choose the team and the purpose, see what will leave the laptop,
share on a worker with progress. Refusals (no consent, unreachable, not a member) are shown
in words in the dialog; nothing is sent before the user presses Share."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vsr.errors import VsrError
from vsr.i18n import translate
from vsr.team.connection import TeamError, connect, media_folder
from vsr.team.sharing import TEAM_PURPOSES, SharePreview, my_teams, preview_share

from .. import workers
from ..dialogs import error_text
from .settings import team_media_setting, team_url_setting


def _share_on_worker(library_path: Path, url: str, media: Path, review_id: int, team: str,
                     purpose: str, progress: Any, size: int) -> str:
    """On a pool thread: a connection of its own to the library (its change events reach no
    widget), the outbox sent first, then the share."""
    from vsr.library import open_library
    from vsr.team.outbox import connect_and_flush
    from vsr.team.sharing import share_review

    lib = open_library(library_path, backup=False)
    try:
        with connect_and_flush(lib, url, media) as conn:
            return share_review(lib, conn, media, review_id, team, purpose,
                                progress=lambda done: progress(done / max(1, size)))
    finally:
        lib.close()


class ShareDialog(QDialog):
    def __init__(self, lib: Any, review_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Share with team"))
        self.setMinimumWidth(560)
        self.lib, self.review_id = lib, review_id
        self.share_id: str | None = None
        self.team_box = QComboBox()
        self.team_box.setAccessibleName(self.tr("Team"))
        self.purpose_box = QComboBox()
        self.purpose_box.addItem(self.tr("Intervisie (peer consultation)"), "intervisie")
        self.purpose_box.addItem(self.tr("Training (exercise material)"), "training")
        assert [self.purpose_box.itemData(i) for i in range(2)] == list(TEAM_PURPOSES)
        form = QFormLayout()
        form.addRow(self.tr("Team:"), self.team_box)
        form.addRow(self.tr("Purpose:"), self.purpose_box)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName(self.tr("What leaves this computer"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.share_button = QPushButton(self.tr("Share"))
        self.share_button.setEnabled(False)
        self.buttons.addButton(self.share_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.share_button.clicked.connect(self.share)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("This leaves the computer:")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._task: workers.Task | None = None
        self._preview: SharePreview | None = None
        self._show_preview()
        if self._preview is not None:
            self._load_teams()

    def _show_preview(self) -> None:
        try:
            self._preview = preview_share(self.lib, self.review_id)
        except VsrError as exc:
            self.say(error_text(exc))
            return
        p = self._preview
        lines = [self.tr("The recording, encrypted with a new key."),
                 self.tr("Title: {title}").format(title=p.title),
                 self.tr("The parties by role only: {roles}").format(
                     roles=", ".join(translate(f"party.{r}") for r in p.roles)),
                 self.tr("{n} moment(s), with the names this library knows replaced.").format(
                     n=len(p.moments)),
                 self.tr("What it did to each party (B) goes along.") if p.with_reflections
                 else self.tr("What it did to each party (B) stays here.")]
        self.preview.setHtml("<ul>" + "".join(f"<li>{_escape(s)}</li>" for s in lines) + "</ul>")

    def _load_teams(self) -> None:
        url = team_url_setting()
        if not url:
            self.say(TeamError("error.team.no_url").message())
            return
        self.say(self.tr("Connecting to the team library…"))

        def teams(_p: Any, _c: Any) -> list[tuple[str, str]]:
            with connect(url) as conn:
                return my_teams(conn)

        task = workers.Task(teams)
        task.signals.done.connect(self._fill_teams)
        task.signals.failed.connect(lambda exc: self.say(error_text(exc)))
        self._task = workers.start(task)

    def _fill_teams(self, teams: list[tuple[str, str]]) -> None:
        for name, function in teams:
            if function == "professional":
                self.team_box.addItem(name, name)
        if self.team_box.count():
            self.say("")
            self.share_button.setEnabled(True)
        else:
            self.say(self.tr("You are not a professional in any team. Ask the team library's "
                             "administrator to add you."))

    def say(self, text: str) -> None:
        self.status.setText(text)

    def share(self) -> None:
        try:
            media = media_folder(team_media_setting())
        except TeamError as exc:
            self.say(exc.message())
            return
        assert media is not None
        from vsr.library.recordings import get_recording
        from vsr.library.reviews import get_review

        recording = get_recording(self.lib, get_review(self.lib, self.review_id).recording_id)
        source = Path(recording.path)
        size = source.stat().st_size if source.is_file() else 1
        team, purpose = self.team_box.currentData(), self.purpose_box.currentData()
        url, path = team_url_setting(), Path(self.lib.path)
        self.share_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.say(self.tr("Encrypting and sharing…"))
        task = workers.Task(lambda progress, _c: _share_on_worker(
            path, url, media, self.review_id, team, purpose, progress, size))
        task.signals.progress.connect(lambda f: self.progress.setValue(int(f * 100)))
        task.signals.done.connect(self._shared)
        task.signals.failed.connect(self._refused)
        self._task = workers.start(task)

    def _shared(self, share_id: str) -> None:
        self.share_id = share_id
        self.progress.setValue(100)
        self.say(self.tr("Shared with {team}. You can withdraw it at any time by withdrawing the "
                         "consent.").format(team=self.team_box.currentText()))

    def _refused(self, exc: BaseException) -> None:
        self.progress.hide()
        self.share_button.setEnabled(True)
        self.say(error_text(exc))


def _escape(text: str) -> str:
    import html

    return html.escape(text)
