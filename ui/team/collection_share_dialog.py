"""Collections → "Share with team…": a collection of clips goes to a team for the collection's
purpose (vsr.team.collections). The teams offered are those where the user's function fits the
purpose (professionals and coaches: intervisie; trainers: training); what leaves the laptop is
listed before anything is sent; sharing runs on a worker; refusals (a clip without consent, a
received recording of another team, unreachable) are sentences in the dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from .. import workers
from .settings import team_url_setting
from .share_base import TeamShareDialog

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


class CollectionShareDialog(TeamShareDialog):
    def __init__(self, lib: Any, collection_id: int, parent: QWidget | None = None) -> None:
        from vsr.library.collections import get_collection, list_clips

        super().__init__(lib, 520, parent)
        self.setWindowTitle(self.tr("Share collection with team"))
        self.collection_id = collection_id
        self.shared_id: str | None = None
        collection = get_collection(lib, collection_id)
        self.purpose = collection.purpose.value
        clips = list_clips(lib, collection_id)
        self.form.addRow(self.tr("Purpose:"), QLabel(self.purpose))
        what = QLabel(self.tr(
            "This leaves the computer: {n} clip(s) with their titles and questions, the names "
            "this library knows replaced; each recording of your own once, encrypted with a new "
            "key (a recording received from the team is not sent again). Never what it did to "
            "each party (B). Every clip needs the client's consent for {purpose}.").format(
                n=len(clips), purpose=self.purpose))
        what.setWordWrap(True)
        self.progress.setRange(0, 0)  # busy: the recordings are encrypted one after the other
        self.lay_out(what)
        self.load_teams(team_url_setting())

    def fitting(self, teams: list[tuple[str, str]]) -> list[str]:
        return sorted({name for name, function in teams if function in FITS[self.purpose]})

    def no_team_text(self) -> str:
        return self.tr("You are in no team where your function fits {purpose}. Ask the "
                       "team library's administrator.").format(purpose=self.purpose)

    def share(self) -> None:
        media = self.media()
        if media is None:
            return
        team, url, path = self.team_box.currentData(), team_url_setting(), Path(self.lib.path)
        task = workers.Task(lambda _p, _c: _share_on_worker(path, url, media,
                                                            self.collection_id, team))
        task.signals.done.connect(self._shared)
        self.start_sharing(task)

    def _shared(self, shared_id: str) -> None:
        self.shared_id = shared_id
        self.progress.hide()
        self.say(self.tr("Shared with {team}. Withdrawing a client's consent takes their clips "
                         "out of it.").format(team=self.team_box.currentText()))
