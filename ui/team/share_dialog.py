"""File → "Share with team…": choose the team and the purpose, see what will leave the laptop,
share on a worker with progress. Refusals (no consent, unreachable, not a member) are shown
in words in the dialog; nothing is sent before the user presses Share."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QTextBrowser, QWidget

from vsr.errors import VsrError
from vsr.i18n import translate
from vsr.team.sharing import TEAM_PURPOSES, SharePreview, preview_share

from .. import workers
from ..dialogs import error_text
from .settings import team_url_setting
from .share_base import TeamShareDialog


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


class ShareDialog(TeamShareDialog):
    def __init__(self, lib: Any, review_id: int, parent: QWidget | None = None) -> None:
        super().__init__(lib, 560, parent)
        self.setWindowTitle(self.tr("Share with team"))
        self.review_id = review_id
        self.share_id: str | None = None
        self.purpose_box = QComboBox()
        self.purpose_box.addItem(self.tr("Intervisie (peer consultation)"), "intervisie")
        self.purpose_box.addItem(self.tr("Training (exercise material)"), "training")
        assert [self.purpose_box.itemData(i) for i in range(2)] == list(TEAM_PURPOSES)
        self.form.addRow(self.tr("Purpose:"), self.purpose_box)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName(self.tr("What leaves this computer"))
        self.progress.setRange(0, 100)
        self.lay_out(QLabel(self.tr("This leaves the computer:")), self.preview,
                     stretch=self.preview)
        self._preview: SharePreview | None = None
        self._show_preview()
        if self._preview is not None:
            self.load_teams(team_url_setting())

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

    def fitting(self, teams: list[tuple[str, str]]) -> list[str]:
        return [name for name, function in teams if function == "professional"]

    def no_team_text(self) -> str:
        return self.tr("You are not a professional in any team. Ask the team library's "
                       "administrator to add you.")

    def share(self) -> None:
        media = self.media()
        if media is None:
            return
        from vsr.library.recordings import get_recording
        from vsr.library.reviews import get_review

        recording = get_recording(self.lib, get_review(self.lib, self.review_id).recording_id)
        source = Path(recording.path)
        size = source.stat().st_size if source.is_file() else 1
        team, purpose = self.team_box.currentData(), self.purpose_box.currentData()
        url, path = team_url_setting(), Path(self.lib.path)
        self.progress.setValue(0)
        task = workers.Task(lambda progress, _c: _share_on_worker(
            path, url, media, self.review_id, team, purpose, progress, size))
        task.signals.progress.connect(lambda f: self.progress.setValue(int(f * 100)))
        task.signals.done.connect(self._shared)
        self.start_sharing(task)

    def _shared(self, share_id: str) -> None:
        self.share_id = share_id
        self.progress.setValue(100)
        self.say(self.tr("Shared with {team}. You can withdraw it at any time by withdrawing the "
                         "consent.").format(team=self.team_box.currentText()))


def _escape(text: str) -> str:
    import html

    return html.escape(text)
