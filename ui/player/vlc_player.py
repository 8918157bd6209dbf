"""The real player: python-vlc (libVLC 3) drawing into a native Qt widget.

Threads: libVLC raises its events on its own threads. We register no VLC callbacks at all; a
QTimer on the GUI thread polls the player (cheap ctypes getters) every POLL_MS. Nothing from VLC
ever touches Qt, and every signal is emitted on the GUI thread.

What libVLC 3.0.24 does, measured under Xvfb (tests/e2e/test_vlc_player.py), and how we cope:
- `get_time()` changes only every 250-500 ms: PlaybackClock smooths it (see there).
- Seeking while playing is exact and reliable (VLC decodes from the previous keyframe).
- Seeking while paused is best effort in VLC 3: position() is exact, but the picture VLC draws
  is not always the target frame. At a human pace (one seek, look, next seek) it was exact for
  47 of 48 seeks in a 320x240 clip (1 s keyframe interval) and 43 of 48 in a 1440p clip (5 s);
  otherwise an older or nearby frame shows until the next seek or play. Playing always resumes
  from position(). Frame-exact paused pictures need VLC 4 or a still decoded by the core.
  A player that was opened paused and never played shows only keyframes, so
  we open by playing muted for a moment and pausing ("warm-up"). A paused seek issued right
  after a pause or another paused seek draws a wrong frame, so they are spaced by SETTLE_MS.
- A seek target exactly on a frame boundary can show the frame before (rounding inside VLC):
  we add 1 ms.
- `next_frame()` draws the next frame, but afterwards VLC 3 resumes ~1 s too far ahead and
  reports seeks +250 ms off. step_frame therefore seeks (MediaPlayer.step_frame).
- pause() freezes the picture where it is; position() is then our clock's estimate, within
  ~100 ms of that picture. (Re-seeking to make them agree risks the paused-seek error above.)
- Paused for more than a moment, VLC 3 no longer draws its picture again when the video's
  place changes size (a tab opened beside it, the window resized): the old picture stays, cut
  off or in a corner. A paused seek to the same place redraws it (`_redraw_paused`).
- After EndReached, seek and play do nothing: we reopen the media (stop + play + warm-up).
- Broken files rarely reach VLC's Error state: they open and "end" at once. Ended with nothing
  decoded, or far before the duration, is reported as an error naming the file.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from vsr.dates import clock

from .base import ENDED, ERROR, PAUSED, PLAYING, STOPPED, MediaPlayer
from .playback_clock import PlaybackClock
from .video_surface import VideoSurface
from .vlc_log import VlcLogRouter
from .vlc_setup import VlcUnavailableError, attach_video, import_vlc, instance_args

__all__ = ["VlcPlayer", "VlcUnavailableError"]

POLL_MS = 50
# While opening, VLC's state is looked at more often: each step of the warm-up (playing seen,
# pictures drawn, paused) otherwise waits up to a whole POLL_MS for the next look.
OPEN_POLL_MS = 10
# Paused seeks issued too soon after a pause or after another paused seek draw a wrong frame
# (measured: 0 ms apart failed 4 times in 8, 100 ms apart never). Later ones wait; latest wins.
SETTLE_MS = 150
# A paused picture is drawn again this long after the video's place last changed size.
REDRAW_AFTER_MS = 120
OPEN_TIMEOUT_S = 15.0
STREAM_CACHING_MS = 300  # VLC's file-caching default: the stream waits no longer than a file


@dataclass
class _Opening:
    """VLC is (re)opening the media, muted; once it plays we pause (warm-up) and seek."""

    target_ms: int
    play: bool
    since: float
    playing_since: float | None = None  # when VLC first reported Playing
    pausing: bool = False  # warm-up done, waiting for VLC to report Paused


class VlcPlayer(MediaPlayer):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vlc = import_vlc()
        try:
            instance = self._vlc.Instance(instance_args(QGuiApplication.platformName()))
        except Exception as exc:  # ctypes/libVLC failures surface as many types
            raise VlcUnavailableError(f"libvlc_new: {exc}") from exc
        if instance is None:
            raise VlcUnavailableError("libvlc_new() failed (VLC plugins missing or bad options)")
        self._instance: Any = instance
        self._log = VlcLogRouter(self._vlc)  # VLC's messages go to logging, not the terminal
        self._log.install(instance)
        self._mp: Any = instance.media_player_new()
        if self._mp is None:
            raise VlcUnavailableError("libvlc_media_player_new() failed")
        # Mouse and keys go to Qt (click to pause, shortcuts), not to VLC's child window.
        self._mp.video_set_mouse_input(False)
        self._mp.video_set_key_input(False)
        self._media: Any = None
        self._shown_name: str | None = None  # a stream's name in messages (load_stream)
        self._opening: _Opening | None = None
        self._clock = PlaybackClock()
        self._last_emitted = 0
        self._quiet_until = 0.0  # no paused seek before this time.monotonic()
        self._deferred_seek: int | None = None
        self._surface = VideoSurface()
        self._surface.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.timeout.connect(self._apply_deferred_seek)
        # The surface resized while paused: its picture drawn again once the size settles.
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(REDRAW_AFTER_MS)
        self._redraw_timer.timeout.connect(self._redraw_paused)
        app = QCoreApplication.instance()
        if app is not None:
            # VLC must stop drawing before Qt destroys the native window at exit.
            app.aboutToQuit.connect(self.shutdown)

    # --- MediaPlayer hooks --------------------------------------------------------------------
    def video_widget(self) -> QWidget:
        return self._surface

    def load(self, path: str) -> None:
        if self._mp is None:  # after shutdown()
            return
        self.unload()
        self._path = path
        media = self._instance.media_new_path(path) if os.path.isfile(path) else None
        if media is None:
            self._fail_missing()
            return
        self._media = media
        self._mp.set_media(media)
        self._open(0, play=False)

    def load_stream(self, url: str, name: str) -> None:
        if self._mp is None:  # after shutdown()
            return
        self.unload()
        self._path, self._shown_name = url, name
        # The address holds the server's token: VLC's messages name it, the log must not.
        self._log.hidden = tuple(part for part in url.split("/")[3:] if len(part) >= 16)
        media = self._instance.media_new_location(url)
        if media is None:
            self._fail_missing()
            return
        # VLC holds back network input by 1 s (network-caching) before the first picture; the
        # loopback server answers like a local disk, so it waits as long as for a file.
        media.add_option(f":network-caching={STREAM_CACHING_MS}")
        self._media = media
        self._mp.set_media(media)
        self._open(0, play=False)

    def _shown(self) -> str | None:
        """The recording as messages name it: its file, or the name of a stream."""
        return self._shown_name or self._path

    def unload(self) -> None:
        if self._mp is None:
            return
        self._shown_name = None
        self._timer.stop()
        self._settle_timer.stop()
        self._opening = self._deferred_seek = None
        self._mp.stop()
        self._mp.set_media(None)
        if self._media is not None:
            self._media.release()
            self._media = None
        self._clock.stop()
        self._clock.reset(0)
        self._forget_media()
        self._set_state(STOPPED)
        self._emit_position(0)

    def play(self) -> None:
        if not self.has_media() or self._state == PLAYING:
            return
        if self._opening is not None:
            self._opening.play = True
            self._set_state(PLAYING)
        elif self._state in (ENDED, ERROR):
            self._open(0, play=True)
        else:
            if self._deferred_seek is not None:
                self._apply_deferred_seek()
            self._start()

    def pause(self) -> None:
        if self._opening is not None:
            self._opening.play = False
            self._set_state(PAUSED)
            return
        if self._state != PLAYING:
            return
        self._mp.set_pause(1)
        self._quiet_until = time.monotonic() + SETTLE_MS / 1000
        position = self._clamp_seek(self._clock.stop())
        self._clock.reset(position)
        self._set_state(PAUSED)
        self._emit_position(position)

    def seek(self, ms: int) -> None:
        if not self.has_media():
            return
        target = self._clamp_seek(ms)
        if self._opening is not None:
            self._opening.target_ms = target
        elif self._state in (ENDED, ERROR):
            self._open(target, play=False)
        elif self._state == PAUSED:
            self._paused_seek(target)
        else:
            self._mp.set_time(self._vlc_target(target))
        self._clock.reset(target)
        self._emit_position(target)

    def position(self) -> int:
        return self._clamp_seek(self._clock.position()) if self.has_media() else 0

    def is_opening(self) -> bool:
        """True while VLC (re)opens the recording; intents made meanwhile apply when it is done."""
        return self._opening is not None

    def _apply_rate(self, rate: float) -> None:
        if self._mp is not None:
            self._mp.set_rate(rate)
            self._clock.set_rate(rate)

    def _apply_volume(self, volume: int, muted: bool) -> None:
        if self._mp is not None and self._opening is None:  # opening plays muted
            self._mp.audio_set_volume(volume)
            self._mp.audio_set_mute(muted)

    def shutdown(self) -> None:
        """Stop VLC and free it; call before the window holding the video widget goes away."""
        if self._mp is None:
            return
        self._timer.stop()
        self._settle_timer.stop()
        self._redraw_timer.stop()
        self._mp.stop()
        if self._media is not None:
            self._media.release()
            self._media = None
        self._mp.release()
        self._log.uninstall()  # before the instance goes: VLC must not call back into freed memory
        self._instance.release()
        self._mp = self._instance = None
        self._opening = self._deferred_seek = None
        self._path = None
        self._set_state(STOPPED)

    # --- Qt plumbing --------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Reparenting can give the surface a new native window; VLC must draw into the new one
        # (it takes effect when VLC next creates its video output: on (re)open).
        if watched is self._surface and event.type() == QEvent.Type.WinIdChange:
            if self._mp is not None:
                self._attach_surface()
        elif (watched is self._surface and event.type() == QEvent.Type.Resize
              and self._state == PAUSED and self._opening is None and self._mp is not None):
            self._redraw_timer.start()  # again at each resize: once the size has settled
        return False

    def _redraw_paused(self) -> None:
        """VLC 3 draws a paused picture at a new size only for a moment after pausing; later
        it keeps the old picture, cut off or in a corner, until it draws another. A paused
        seek to where the player stands draws it again (unless a seek is on its way)."""
        if (self._mp is not None and self._state == PAUSED and self._opening is None
                and self._deferred_seek is None):
            self._paused_seek(self._clamp_seek(self._clock.position()))

    def _attach_surface(self) -> None:
        attach_video(self._mp, self._surface, QGuiApplication.platformName())

    # --- opening, starting, seeking -----------------------------------------------------------
    def _open(self, target_ms: int, play: bool) -> None:
        """(Re)open the media, muted; _poll_opening finishes the job once VLC plays."""
        if self._media is None:
            self._fail_missing()
            return
        self._attach_surface()
        self._settle_timer.stop()
        self._deferred_seek = None
        self._mp.stop()  # after EndReached VLC only plays again from a fresh start
        self._opening = _Opening(target_ms, play, time.monotonic())
        self._clock.stop()
        self._clock.reset(target_ms)
        self._mp.audio_set_mute(True)
        self._mp.play()
        self._set_state(PLAYING if play else PAUSED)
        self._timer.start(OPEN_POLL_MS)

    def _start(self) -> None:
        self._mp.play()
        self._clock.start(self._rate)
        self._set_state(PLAYING)
        self._timer.start(POLL_MS)

    def _paused_seek(self, target: int) -> None:
        wait_ms = (self._quiet_until - time.monotonic()) * 1000
        if wait_ms > 0:
            self._deferred_seek = target
            if not self._settle_timer.isActive():
                self._settle_timer.start(int(wait_ms) + 1)
        else:
            self._vlc_paused_seek(target)

    def _apply_deferred_seek(self) -> None:
        target, self._deferred_seek = self._deferred_seek, None
        if target is not None and self._mp is not None:
            self._vlc_paused_seek(target)

    def _vlc_paused_seek(self, target: int) -> None:
        self._mp.set_time(self._vlc_target(target))
        self._quiet_until = time.monotonic() + SETTLE_MS / 1000

    def _vlc_target(self, ms: int) -> int:
        """1 ms into the target frame: a boundary target can otherwise show the frame before."""
        return min(ms + 1, self._duration) if self._duration > 0 else ms + 1

    # --- polling ------------------------------------------------------------------------------
    def _poll(self) -> None:
        if self._mp is None:
            return
        states = self._vlc.State
        vlc_state = self._mp.get_state()
        length = self._mp.get_length()
        if length > 0:
            self._set_duration(length)
        if self._opening is not None:
            self._poll_opening(vlc_state)
            interval = OPEN_POLL_MS if self._opening is not None else POLL_MS
            if self._timer.interval() != interval:
                self._timer.setInterval(interval)
        elif vlc_state == states.Ended:
            self._on_vlc_ended()
        elif vlc_state == states.Error:
            self._fail(self._message_unplayable())
        elif self._state == PLAYING and vlc_state == states.Playing:
            self._clock.report(self._mp.get_time())
            position = self.position()
            wrap_to = self._loop_wrap(position)
            if wrap_to is not None:
                self._mp.set_time(self._vlc_target(wrap_to))
                self._clock.reset(wrap_to)
                position = wrap_to
            self._emit_position(position)

    def _poll_opening(self, vlc_state: Any) -> None:
        states = self._vlc.State
        opening = self._opening
        assert opening is not None
        if vlc_state in (states.Ended, states.Error):
            self._opening = None
            self._on_vlc_ended()
        elif time.monotonic() - opening.since > OPEN_TIMEOUT_S:
            self._fail(
                QCoreApplication.translate(
                    "MediaPlayer",
                    "Opening {path} takes too long. The file may be damaged, or the drive it is "
                    "on is slow or disconnected.",
                ).format(path=self._shown())
            )
        elif not opening.pausing and vlc_state == states.Playing:
            if self._mp.video_get_track_count() <= 0 and self._mp.audio_get_track_count() <= 0:
                self._fail(self._message_unplayable())
                return
            if not self._warmed_up(opening):
                return
            self._mp.set_rate(self._rate)
            if opening.play:
                self._finish_opening(opening)
            else:
                self._mp.set_pause(1)
                opening.pausing = True
        elif opening.pausing and vlc_state == states.Paused:
            self._finish_opening(opening)  # at least one poll after set_pause: safe to seek

    def _warmed_up(self, opening: _Opening) -> bool:
        """Has VLC drawn pictures? Pausing before the first one leaves paused seeks unable to draw
        anything but keyframes. Audio-only media, or no video output after 1 s: go on anyway."""
        now = time.monotonic()
        if opening.playing_since is None:
            opening.playing_since = now
            return False
        if now - opening.playing_since < POLL_MS / 1000:
            return False  # at least 50 ms of playing, however often it is looked at
        has_video = self._mp.video_get_track_count() > 0
        return not has_video or self._mp.has_vout() > 0 or now - opening.playing_since > 1.0

    def _finish_opening(self, opening: _Opening) -> None:
        self._opening = None
        target = self._clamp_seek(opening.target_ms)
        if opening.play:
            self._mp.set_time(self._vlc_target(target))
        else:
            self._vlc_paused_seek(target)
        self._apply_volume(self._volume, self._muted)
        self._clock.reset(target)
        self._emit_position(target)
        if opening.play:
            if opening.pausing:  # play() came while the warm-up was pausing
                self._mp.play()
            self._clock.start(self._rate)
            self._set_state(PLAYING)
        else:
            self._set_state(PAUSED)

    def _on_vlc_ended(self) -> None:
        stats = self._vlc.MediaStats()
        decoded = 0
        if self._media is not None and self._media.get_stats(stats):
            decoded = stats.decoded_video + stats.decoded_audio
        reached = max(self._mp.get_time(), self._clock.position())
        tolerance = max(2000, self._duration // 10)
        if decoded == 0:
            self._fail(self._message_unplayable())
        elif self._duration > 0 and reached < self._duration - tolerance:
            self._fail(
                QCoreApplication.translate(
                    "MediaPlayer",
                    "Playing {path} stopped at {at} of {total}: the file seems damaged or incomplete.",
                ).format(path=self._shown(), at=clock(reached, self._duration), total=clock(self._duration))
            )
        elif self._loop is not None:
            self._open(self._loop[0], play=True)
        else:
            self._timer.stop()
            self._clock.stop()
            self._clock.reset(self._duration)
            self._set_state(ENDED)
            self._emit_position(self._duration)

    # --- errors -------------------------------------------------------------------------------
    def _message_unplayable(self) -> str:
        return QCoreApplication.translate(
            "MediaPlayer",
            "The file {path} cannot be played: no video or sound could be read from it. "
            "The file may be damaged or of a kind that cannot be played.",
        ).format(path=self._shown())

    def _fail_missing(self) -> None:
        self._fail(
            QCoreApplication.translate(
                "MediaPlayer",
                "The file {path} does not exist or cannot be read. Was it moved or renamed?",
            ).format(path=self._shown())
        )

    def _fail(self, message: str) -> None:
        """Stop, keep the recording (seek/play try again), report state 'error' and why."""
        self._timer.stop()
        self._settle_timer.stop()
        self._opening = self._deferred_seek = None
        self._mp.stop()
        self._clock.stop()
        self._set_state(ERROR)
        self.error.emit(message)

    def _emit_position(self, position: int) -> None:
        if position != self._last_emitted:
            self._last_emitted = position
            self.position_changed.emit(position)
