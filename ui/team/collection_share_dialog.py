"""Collections → "Share with team…": a collection of clips goes to a team for the collection's
purpose (vsr.team.collections). The teams offered are those where the user's function fits the
purpose (professionals and coaches: intervisie; trainers: training); what leaves the laptop is
listed before anything is sent; sharing runs on a worker; refusals (a clip without consent, a
received recording of another team, unreachable) are sentences in the dialog."""

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
    QVBoxLayout,
    QWidget,
)

from vsr.team.connection import TeamError, connect, media_folder
from vsr.team.sharing import my_teams

from .. import workers
from ..dialogs import error_text
from .settings import team_media_setting, team_url_setting

FITS = {"intervisie": ("professional", "coach"), "training": ("trainer",)}


def _share_on_worker(library_path: Path, url: str, media: Path, collection_id: int,
                     team: str) -> str:
    """On a pool thread, with a connection of its own to the library; the outbox goes first."""
    from vsr.library import open_library
    from vsr.team.collections import share_collection
    from vsr.team.outbox import connect_and_flush

    lib = open_library(library_path, backup=False)
    try:
        with connect_and_flush(lib, url, media) as conn:
            return share_collection(lib, conn, media, collection_id, team)
    finally:
        lib.close()


class CollectionShareDialog(QDialog):
    def __init__(self, lib: Any, collection_id: int, parent: QWidget | None = None) -> None:
        from vsr.library.collections import get_collection, list_clips

        super().__init__(parent)
        self.setWindowTitle(self.tr("Share collection with team"))
        self.setMinimumWidth(520)
        self.lib, self.collection_id = lib, collection_id
        self.shared_id: str | None = None
        collection = get_collection(lib, collection_id)
        self.purpose = collection.purpose.value
        clips = list_clips(lib, collection_id)
        self.team_box = QComboBox()
        self.team_box.setAccessibleName(self.tr("Team"))
        form = QFormLayout()
        form.addRow(self.tr("Team:"), self.team_box)
        form.addRow(self.tr("Purpose:"), QLabel(self.purpose))
        what = QLabel(self.tr(
            "This leaves the computer: {n} clip(s) with their titles and questions, the names "
            "this library knows replaced; each recording of your own once, encrypted with a new "
            "key (a recording received from the team is not sent again). Never what it did to "
            "each party (B). Every clip needs the client's consent for {purpose}.").format(
                n=len(clips), purpose=self.purpose))
        what.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the recordings are encrypted one after the other
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
        layout.addWidget(what)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._task: workers.Task | None = None
        self._load_teams()

    def say(self, text: str) -> None:
        self.status.setText(text)

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
        names = sorted({name for name, function in teams if function in FITS[self.purpose]})
        for name in names:
            self.team_box.addItem(name, name)
        if names:
            self.say("")
            self.share_button.setEnabled(True)
        else:
            self.say(self.tr("You are in no team where your function fits {purpose}. Ask the "
                             "team library's administrator.").format(purpose=self.purpose))

    def share(self) -> None:
        try:
            media = media_folder(team_media_setting())
        except TeamError as exc:
            self.say(exc.message())
            return
        assert media is not None
        team, url, path = self.team_box.currentData(), team_url_setting(), Path(self.lib.path)
        self.share_button.setEnabled(False)
        self.progress.show()
        self.say(self.tr("Encrypting and sharing…"))
        task = workers.Task(lambda _p, _c: _share_on_worker(path, url, media,
                                                            self.collection_id, team))
        task.signals.done.connect(self._shared)
        task.signals.failed.connect(self._refused)
        self._task = workers.start(task)

    def _shared(self, shared_id: str) -> None:
        self.shared_id = shared_id
        self.progress.hide()
        self.say(self.tr("Shared with {team}. Withdrawing a client's consent takes their clips "
                         "out of it.").format(team=self.team_box.currentText()))

    def _refused(self, exc: BaseException) -> None:
        self.progress.hide()
        self.share_button.setEnabled(True)
        self.say(error_text(exc))
