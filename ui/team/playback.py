"""A shared recording plays at once: the window's player reads it from the team's media store
through the loopback server (vsr.team.media_server: 127.0.0.1, a random token in the address,
each chunk decrypted and authenticated as it is asked for, nothing plain on disk), while a
worker puts the whole recording into the private cache. When the cache is complete the sound
band is computed from the file and clips and transcripts can be made (they read the file;
until then they say so in a sentence). The player plays on from the stream until the review is
closed; the next time the review opens, it plays the cached file.

While it plays, the team library is asked every POLL_S seconds whether the share still holds
(vsr.team.sharing.share_holds). When consent was withdrawn or the retention date passed, the
playing stops, the server closes, the cache (and the received review) is removed and the user
is told in a sentence. The key was deleted at the source (crypto-shredding); the copy of the
key this program held in memory goes with the server.

One shared playback at a time (the window shows one review): `current`."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QVBoxLayout, QWidget

from .. import workers
from ..accessibility_announce import announce
from ..dialogs import error_text, inform
from ..operations import perform

if TYPE_CHECKING:
    from vsr.model import ProbeResult
    from vsr.team.media_server import MediaServer
    from vsr.team.received import Arriving, Incoming

    from ..main_window import MainWindow

POLL_S = 10.0  # how often the team library is asked whether the share still holds
FILL_POLL_MS = 20
FILL_WAIT_S = 2.0  # the cache fill waits for the first picture, at most this long
DONE_SHOWN_MS = 6000

current: SharedPlayback | None = None


def stream_for(recording_id: int) -> tuple[str, str] | None:
    """(address, name for messages) when `recording_id` is a shared recording still on its
    way: the player plays it from the loopback server."""
    playing = current
    if playing is None or playing.server is None or playing.arriving.recording_id != recording_id:
        return None
    if playing.complete:
        return None
    return playing.server.url, playing.name


def waiting_text(recording_id: int) -> str | None:
    """A sentence when `recording_id` is a shared recording not yet on this computer (what
    needs its file has to wait), None when its file is here."""
    playing = current
    if playing is None or playing.arriving.recording_id != recording_id or playing.complete:
        return None
    return playing.waiting_text()


class ArrivingStrip(QFrame):
    """A calm line above the review: the recording is being put on this computer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("arrivingStrip")
        self.setStyleSheet("QFrame#arrivingStrip { background: #eef4f8; border: 1px solid"
                           " #b8cfdd; border-radius: 6px; } QLabel { color: #1e2a33; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(6)
        self.bar.setAccessibleName(self.tr("Recording put on this computer"))
        layout.addWidget(self.label)
        layout.addWidget(self.bar)

    def say(self, text: str, percent: int | None = None) -> None:
        self.label.setText(text)
        self.bar.setVisible(percent is not None)
        if percent is not None:
            self.bar.setValue(percent)


class SharedPlayback(QObject):
    """One received review whose recording plays from the team's store (or from the cache)
    while it is open: the cache fill, the check that the share still holds, the stop."""

    progressed = Signal(float)
    arrived = Signal(int)  # the recording's id: its file is in the cache
    withdrawn = Signal(str)  # the sentence said when the share is gone

    def __init__(self, window: MainWindow, arriving: Arriving, server: MediaServer | None,
                 url: str) -> None:
        super().__init__(window)
        self.window, self.arriving, self.server, self.url = window, arriving, server, url
        self.name = arriving.item.get("title") or arriving.share_id
        self.complete = arriving.here
        self.fraction = 0.0
        self._fill: workers.Task | None = None
        self._check: workers.Task | None = None
        self._closed = self._gone = False
        self.strip = ArrivingStrip()
        self.strip.hide()
        self._fill_since = 0.0
        self._fill_timer = QTimer(self)
        self._fill_timer.setInterval(FILL_POLL_MS)
        self._fill_timer.timeout.connect(self._fill_when_playing)
        self._poll = QTimer(self)
        self._poll.setInterval(int(POLL_S * 1000))
        self._poll.timeout.connect(self.check_now)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.timeout.connect(self.strip.hide)

    # -- starting ---------------------------------------------------------------------------
    def start(self) -> bool:
        """Open the review in the window (it plays from the stream when the file is not here
        yet), then fill the cache once the first picture is on screen."""
        view = self.window.review_view
        view.notices.addWidget(self.strip)
        view.recording_released.connect(self._released)
        if not self.window.open_review(self.arriving.review_id):
            self.close()
            return False
        self._poll.start()
        if not self.complete:
            self.strip.say(self.waiting_text(), 0)
            self.strip.show()
            self._fill_since = time.monotonic()
            self._fill_timer.start()
        return True

    def waiting_text(self) -> str:
        return self.tr(
            "This recording plays from the team's store and is meanwhile put on this computer "
            "({percent} %). The sound band, clips and writing down what was said come once "
            "it is here.").format(percent=int(self.fraction * 100))

    def _fill_when_playing(self) -> None:
        """Start the fill once the player has its first picture (both want the disk and the
        processor; the picture comes first), or after FILL_WAIT_S whatever the player does."""
        if (self.window.player.is_opening()
                and time.monotonic() - self._fill_since < FILL_WAIT_S):
            return
        self._fill_timer.stop()
        if self._closed:
            return
        from vsr.team.received import fill_cache

        arriving = self.arriving
        task = workers.Task(lambda progress, cancelled: fill_cache(arriving, progress, cancelled))
        task.signals.progress.connect(self._progress)
        task.signals.done.connect(self._filled)
        task.signals.failed.connect(self._fill_failed)
        task.signals.finished.connect(self._fill_finished)
        self._fill = workers.start(task)

    def _progress(self, fraction: float) -> None:
        before = int(self.fraction * 100)
        self.fraction = fraction
        if int(fraction * 100) != before and not self.complete:  # a calm step: whole percents
            self.strip.say(self.waiting_text(), int(fraction * 100))
            self.progressed.emit(fraction)

    def _filled(self, info: ProbeResult) -> None:
        from vsr.team.received import cache_complete

        if self._closed:
            return
        lib = self.window.bridge.lib
        if not perform(lambda: cache_complete(lib, self.arriving, info),
                       report=self.strip.say).ok:
            return
        self.complete = True
        self.fraction = 1.0
        text = self.tr("The recording is on this computer now: the sound band, clips and "
                       "writing down what was said can be used.")
        self.strip.say(text, 100)
        announce(text, self.strip)
        self._hide_timer.start(DONE_SHOWN_MS)
        self.window.review_view.recording_arrived(self.arriving.recording_id)
        self.arrived.emit(self.arriving.recording_id)

    def _fill_failed(self, exc: BaseException) -> None:
        if self._closed:
            return
        self.strip.say(self.tr("{problem} It keeps playing from the team's store.")
                       .format(problem=error_text(exc)))

    def _fill_finished(self) -> None:
        self._fill = None
        if self._gone:  # withdrawn while the last chunk was written: nothing may stay
            target = self.arriving.target
            target.unlink(missing_ok=True)
            target.with_name(target.name + ".part").unlink(missing_ok=True)

    # -- does the share still hold? -----------------------------------------------------------
    def check_now(self) -> None:
        """Ask the team library on a worker; a failure to reach it keeps playing (the next
        check asks again)."""
        if self._check is not None or self._closed or not self.url:
            return
        from vsr.team.connection import connect
        from vsr.team.sharing import share_holds

        url, share_id = self.url, self.arriving.share_id

        def ask(_progress: Any, _cancelled: Any) -> bool:
            with connect(url) as conn:
                return share_holds(conn, share_id)

        task = workers.Task(ask)
        task.signals.done.connect(self._checked)
        task.signals.finished.connect(self._check_finished)
        self._check = workers.start(task)

    def _check_finished(self) -> None:
        self._check = None

    def _checked(self, holds: bool) -> None:
        if not holds and not self._closed:
            self.stop_withdrawn()

    def stop_withdrawn(self) -> None:
        """The share is gone: stop playing, let go of the server and the key, remove the
        received review and its cache, and say why."""
        from vsr.team.received import forget_share

        window, share_id = self.window, self.arriving.share_id
        self._gone = True
        window.player.unload()
        self.close()
        if window.showing_review() and window.review_view.review is not None and \
                window.review_view.review.id == self.arriving.review_id:
            window.review_view.close_review()
            window.show_start()
        perform(lambda: forget_share(window.bridge.lib, share_id))
        text = self.tr(
            "“{title}” is no longer shared with you: the client's consent was withdrawn or its "
            "retention date has passed. Playing stopped and the recording was removed from this "
            "computer.").format(title=self.name)
        window.start_page.refresh(window.bridge.lib)
        self.withdrawn.emit(text)
        inform(window, self.tr("No longer shared"), text)

    # -- stopping ---------------------------------------------------------------------------
    def _released(self, recording_id: int) -> None:
        if recording_id == self.arriving.recording_id:
            self.close()

    def close(self) -> None:
        """The review is closed (or another opened, or the window closes): cancel the fill
        (nothing half-written stays), stop asking, close the server."""
        global current
        if self._closed:
            return
        self._closed = True
        self._fill_timer.stop()
        self._poll.stop()
        self._hide_timer.stop()
        if self._fill is not None:
            self._fill.cancel()
        if self._check is not None:
            self._check.cancel()
        if self.server is not None:
            server, self.server = self.server, None
            from .received_dialog import _close_later

            _close_later(server)
        self.strip.hide()
        self.strip.setParent(None)
        self.strip.deleteLater()
        try:
            self.window.review_view.recording_released.disconnect(self._released)
        except (RuntimeError, TypeError):
            pass
        if current is self:
            current = None


def play_received(window: MainWindow, arriving: Arriving, server: MediaServer | None,
                  url: str) -> SharedPlayback:
    """Open a received review in the window, playing its recording from the team's store
    when it is not on this computer yet (see the module's docstring)."""
    global current
    if current is not None:
        current.close()
    playing = SharedPlayback(window, arriving, server, url)
    current = playing
    playing.start()
    return playing


_plain: set[int] = set()  # reviews to open as they are (their stream could not be started)


def reopen_arriving(window: MainWindow, review_id: int) -> bool:
    """A received review whose recording never reached the cache (it was closed while it
    arrived, or the program stopped): open it the way *Gedeeld met mij* does, playing from the
    team's store again, on a worker (the share is opened, checked and logged again). True when
    that was started (the review opens when it is ready); False to open it as it is."""
    from vsr.library import recordings as rc
    from vsr.team.received import received

    if review_id in _plain:
        _plain.discard(review_id)
        return False
    if current is not None and current.arriving.review_id == review_id:
        return False  # it is being opened by its playback
    lib = window.bridge.lib
    share_id = next((s for s, e in received(lib).items()
                     if int(e.get("review_id", -1)) == review_id), None)
    if share_id is None:
        return False
    try:
        if rc.recording_available(rc.get_recording(lib, int(received(lib)[share_id]
                                                            ["recording_id"]))):
            return False
    except Exception:  # noqa: BLE001 - not there any more: open it as it is
        return False
    from .received_dialog import _close_later, _receive_on_worker
    from .settings import team_media_setting, team_url_setting

    url, media = team_url_setting(), team_media_setting()
    if not url or media is None:
        return False
    library_path = Path(lib.path)

    def opened(result: tuple[Incoming, MediaServer | None]) -> None:
        from vsr.team.received import put_incoming

        incoming, server = result
        outcome = perform(lambda: put_incoming(lib, incoming), report=window.statusBar().showMessage)
        if not outcome.ok or outcome.value is None:
            if server is not None:
                _close_later(server)
            return
        play_received(window, outcome.value, server, url)

    def failed(exc: BaseException) -> None:  # unreachable, no longer shared, ...: say why
        _plain.add(review_id)
        if window.open_review(review_id):
            window.review_view.banner.show_message(error_text(exc))

    task = workers.Task(lambda _p, _c: _receive_on_worker(library_path, url, media, share_id))
    task.signals.done.connect(opened)
    task.signals.failed.connect(failed)
    workers.start(task)
    return True
