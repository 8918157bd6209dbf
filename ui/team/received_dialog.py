"""File → "Shared with me…": what is shared with me in the team library, a search across it
(Dutch words), and Open: the review is received into this library (vsr.team.received) and
opened in the normal review window. Every network call runs on a worker; when the team library
cannot be reached the dialog says so in words and everything local keeps working."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vsr.dates import long_date
from vsr.team.connection import TeamError, connect, media_folder
from vsr.team.sharing import SharedItem, TeamHit, search_team

from .. import workers
from ..accessibility_keys import ReturnOpens
from ..dialogs import error_text
from ..operations import perform
from ..status_line import StatusLine
from ..timefmt import format_ms
from .settings import team_media_setting, team_url_setting

if TYPE_CHECKING:
    from vsr.library.db import Library
    from vsr.team.media_server import MediaServer
    from vsr.team.received import Arriving, Incoming

SHARE_ID = Qt.ItemDataRole.UserRole


def _refresh_on_worker(library_path: Path, url: str, media: Path | None
                       ) -> tuple[list[SharedItem], list[int]]:
    """Send the outbox, forget what is no longer shared, list what is: (items, removed)."""
    from vsr.library import open_library
    from vsr.team.outbox import connect_and_flush
    from vsr.team.received import forget_gone
    from vsr.team.sharing import list_shared

    lib = open_library(library_path, backup=False)
    try:
        with connect_and_flush(lib, url, media) as conn:
            removed = forget_gone(lib, conn)
            items = list_shared(conn)
    finally:
        lib.close()
    _ready_to_open()
    return items, removed


def _ready_to_open() -> None:
    """Import now, on the worker, while the user reads the list, what Open needs: the cipher
    and the loopback server for its worker, and the review window's modules (timeline, numpy,
    the Samenleergesprek pages: 0.3-1.7 s on this machine when no review was open yet, which
    a first Open otherwise waited for before the player could start). Imports only: no widget
    is made here."""
    import cryptography.hazmat.primitives.ciphers.aead  # noqa: F401

    import vsr.media.fingerprint  # noqa: F401
    import vsr.team.media_server  # noqa: F401

    from ..review import review_view  # noqa: F401
    from . import playback  # noqa: F401


def _receive_on_worker(library_path: Path, url: str, media: Path, share_id: str
                       ) -> tuple[Incoming, MediaServer | None]:
    """Open the share and read what its rows need (vsr.team.received.open_incoming) and, when
    its recording is not on this computer yet, start the loopback server that plays it from the
    media store. The rows are written on the window's thread (the one edit path)."""
    from vsr.library import open_library
    from vsr.team.media_server import MediaServer
    from vsr.team.received import open_incoming

    lib = open_library(library_path, backup=False)
    try:
        with connect(url) as conn:
            incoming = open_incoming(lib, conn, media, share_id)
    finally:
        lib.close()
    here = incoming.arriving is not None and incoming.arriving.here
    return incoming, None if here else MediaServer(incoming.source, incoming.key)


def _close_later(server: MediaServer) -> None:
    """Off the window's thread (the server's loop notices a shutdown within 0.5 s), on a plain
    thread: it reports nothing, and a window closing at exit does not wait for it."""
    import threading

    threading.Thread(target=server.close, name="vsr-team-media-close", daemon=True).start()


@dataclass
class Started:
    """A received review ready to open: playing from `server` while its recording is on its
    way (None: it is here). Whoever opens it takes the server (`taken`); else it is closed."""

    arriving: Arriving
    server: MediaServer | None
    url: str
    taken: bool = False


class ReceivedDialog(QDialog):
    review_received = Signal(int)  # the local review's id, to open in the window
    started = Signal(object)  # a Started: the window plays it (ui.team.playback)

    def __init__(self, library_path: Path, parent: QWidget | None = None,
                 lib: Library | None = None) -> None:
        super().__init__(parent)
        self.lib = lib  # the window's library: Open writes through it (else one of its own)
        self.setWindowTitle(self.tr("Shared with me"))
        self.resize(720, 480)
        self.library_path = library_path
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(self.tr("Search in what is shared with me"))
        self.search_field.setAccessibleName(self.tr("Search"))
        search_button = QPushButton(self.tr("Search"))
        # Return searches, from the field or anywhere in the dialog (it is the default button;
        # the field's returnPressed as well searched twice).
        search_button.setDefault(True)
        search_button.clicked.connect(self.search)
        row = QHBoxLayout()
        row.addWidget(self.search_field, 1)
        row.addWidget(search_button)
        self.items = QListWidget()
        self.items.setAccessibleName(self.tr("Shared reviews"))
        self.items.itemActivated.connect(lambda _item: self.open_selected())
        ReturnOpens(self.items, self.open_selected)  # not also a search (the default button)
        self.status = StatusLine()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton(self.tr("Open"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(self.open_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._task: workers.Task | None = None
        self.shared: list[SharedItem] = []
        self.refresh()

    def say(self, text: str) -> None:
        self.status.setText(text)

    def _run(self, fn: Any, done: Any) -> bool:
        url = team_url_setting()
        if not url:
            self.say(TeamError("error.team.no_url").message())
            return False
        task = workers.Task(lambda progress, _c: fn(url, progress))
        task.signals.done.connect(done)
        task.signals.failed.connect(self._failed)
        self._task = workers.start(task)
        return True

    def _failed(self, exc: BaseException) -> None:
        self.open_button.setEnabled(True)
        self.say(error_text(exc))

    def refresh(self) -> None:
        self.say(self.tr("Connecting to the team library…"))
        media = team_media_setting()
        self._run(lambda url, _p: _refresh_on_worker(self.library_path, url, media),
                  self._show_list)

    def _show_list(self, result: tuple[list[SharedItem], list[int]]) -> None:
        self.shared, removed = result
        self.items.clear()
        for item in self.shared:
            text = self.tr("{title} — {team}, {purpose}, {moments} moment(s), {when}").format(
                title=item.title, team=item.team, purpose=item.purpose, moments=item.moments,
                when=long_date(item.shared_at))
            QListWidgetItem(text, self.items).setData(SHARE_ID, item.id)
        if self.items.count():
            self.items.setCurrentRow(0)
        words = [self.tr("{n} shared review(s).").format(n=len(self.shared))]
        if removed:
            words.append(self.tr("{n} received review(s) are no longer shared and were removed "
                                 "from this computer.").format(n=len(removed)))
        self.say(" ".join(words))

    def search(self) -> None:
        words = self.search_field.text().strip()
        if not words:
            self.refresh()
            return
        self.say(self.tr("Searching…"))

        def find(url: str, _p: Any) -> tuple[list[TeamHit], int]:
            with connect(url) as conn:
                return search_team(conn, words)

        self._run(find, self._show_hits)

    def _show_hits(self, result: tuple[list[TeamHit], int]) -> None:
        hits, total = result
        self.items.clear()
        for hit in hits:
            text = f"{hit.title} — {format_ms(hit.start_ms)} — {hit.snippet}"
            QListWidgetItem(text, self.items).setData(SHARE_ID, hit.share_id)
        if self.items.count():
            self.items.setCurrentRow(0)
        self.say(self.tr("{n} moment(s) found.").format(n=total))

    def open_selected(self) -> None:
        current = self.items.currentItem()
        if current is None:
            self.say(self.tr("Choose a shared review first."))
            return
        try:
            media = media_folder(team_media_setting())
        except TeamError as exc:
            self.say(exc.message())
            return
        assert media is not None
        share_id = str(current.data(SHARE_ID))
        self.open_button.setEnabled(False)  # a moment: the recording is not fetched first
        self.say(self.tr("Opening the shared review…"))
        url = team_url_setting()
        ok = self._run(lambda url, _progress: _receive_on_worker(
            self.library_path, url, media, share_id),
            lambda opened: self._received(opened, url or ""))
        if not ok:
            self.open_button.setEnabled(True)

    def _received(self, opened: tuple[Incoming, MediaServer | None], url: str) -> None:
        """Put the review into the library (one transaction, through the edit path) and hand
        it to the window, which plays it at once."""
        from vsr.library import open_library
        from vsr.team.received import put_incoming

        incoming, server = opened
        lib = self.lib if self.lib is not None else open_library(self.library_path, backup=False)
        try:
            outcome = perform(lambda: put_incoming(lib, incoming), report=self.say)
        finally:
            if lib is not self.lib:
                lib.close()
        self.open_button.setEnabled(True)
        if not outcome.ok or outcome.value is None:
            if server is not None:
                _close_later(server)
            return
        started = Started(outcome.value, server, url)
        self.say(self.tr("Received. It is open in the window."))
        self.started.emit(started)
        if started.server is not None and not started.taken:  # nobody plays it
            _close_later(started.server)
        self.review_received.emit(started.arriving.review_id)
        self.accept()
