"""The media player facade: one QObject that owns playback and reports it through typed signals.

Controls (buttons, timeline, shortcuts) only call the intent methods (`play`, `pause`, `seek`, ...)
and listen to the signals; they never talk to the backend. This follows the Qt player example
and Picard's player: the backend (python-vlc, or nothing) stays behind this one class.

Semantics shared by every backend (the fake player in the tests follows them too):
- States: "stopped" (nothing loaded), "playing", "paused", "ended", "error".
- `load` shows the recording paused at 0. `seek` clamps to [0, duration]; it keeps playing when
  playing, stays paused when paused, and after "ended"/"error" it re-opens the recording paused
  at the target. `play` after "ended" starts again from 0.
- A loop (start_ms, end_ms): while playing, once the position reaches end_ms playback jumps back
  to start_ms and keeps playing. Loading or unloading a recording clears the loop.
- Rate, volume and mute are settings of the player: they survive loading another recording.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

STOPPED: Final = "stopped"
PLAYING: Final = "playing"
PAUSED: Final = "paused"
ENDED: Final = "ended"
ERROR: Final = "error"
STATES: Final = (STOPPED, PLAYING, PAUSED, ENDED, ERROR)

MIN_RATE: Final = 0.5
MAX_RATE: Final = 2.0
SKIP_MS: Final = 5000
DEFAULT_FRAME_MS: Final = 40  # 25 fps, the European broadcast and webcam default

Loop = tuple[int, int]


def clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def frame_step_target(position_ms: int, frame_ms: int, forward: bool) -> int:
    """The start of the next (or previous) frame, on a grid of `frame_ms` from 0.

    Aligning to the grid means repeated steps land on the same frames whatever the position was
    when the user paused (a paused position is rarely on a frame boundary)."""
    current = position_ms // frame_ms  # the frame on screen at position_ms
    return max(0, (current + (1 if forward else -1)) * frame_ms)


class MediaPlayer(QObject):
    """Facade over one playback backend. Subclasses implement the backend hooks marked below."""

    position_changed = Signal(int)
    duration_changed = Signal(int)
    state_changed = Signal(str)
    error = Signal(str)
    rate_changed = Signal(float)
    volume_changed = Signal(int)
    muted_changed = Signal(bool)
    loop_changed = Signal(object)  # (start_ms, end_ms) or None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state: str = STOPPED
        self._path: str | None = None
        self._duration = 0
        self._rate = 1.0
        self._volume = 100
        self._muted = False
        self._loop: Loop | None = None
        self._frame_ms = DEFAULT_FRAME_MS

    # --- availability -------------------------------------------------------------------------
    @property
    def available(self) -> bool:
        return True

    @property
    def unavailable_reason(self) -> str:
        """Translated text naming what to install; empty when the player is available."""
        return ""

    def is_opening(self) -> bool:
        """True while the backend is still opening the loaded recording (no picture yet)."""
        return False

    # --- backend hooks: subclasses implement these --------------------------------------------
    def load(self, path: str) -> None:
        raise NotImplementedError

    def unload(self) -> None:
        raise NotImplementedError

    def load_stream(self, url: str, name: str) -> None:
        """Like `load`, from an address instead of a file: a shared recording served by the
        loopback server while it is put on this computer (vsr.team.media_server). `name`
        stands for it in messages (the address holds a secret token). Backends that only play
        files load the address as a path."""
        self.load(url)

    def play(self) -> None:
        raise NotImplementedError

    def pause(self) -> None:
        raise NotImplementedError

    def seek(self, ms: int) -> None:
        raise NotImplementedError

    def position(self) -> int:
        raise NotImplementedError

    def video_widget(self) -> QWidget:
        raise NotImplementedError

    def shutdown(self) -> None:
        """Release the backend; call before the window holding video_widget() is destroyed."""

    def _apply_rate(self, rate: float) -> None:
        """Pass a new (already clamped) rate to the backend."""

    def _apply_volume(self, volume: int, muted: bool) -> None:
        """Pass new (already clamped) volume and mute settings to the backend."""

    # --- queries ------------------------------------------------------------------------------
    def state(self) -> str:
        return self._state

    def path(self) -> str | None:
        """The loaded recording, or None."""
        return self._path

    def duration(self) -> int:
        return self._duration

    def is_playing(self) -> bool:
        return self._state == PLAYING

    def has_media(self) -> bool:
        return self._path is not None

    def rate(self) -> float:
        return self._rate

    def volume(self) -> int:
        return self._volume

    def is_muted(self) -> bool:
        return self._muted

    def loop(self) -> Loop | None:
        return self._loop

    def frame_duration_ms(self) -> int:
        return self._frame_ms

    # --- intents built on the hooks -----------------------------------------------------------
    def toggle_play(self) -> None:
        if self.is_playing():
            self.pause()
        else:
            self.play()

    def skip(self, delta_ms: int) -> None:
        """Jump relative to the current position (the 5 s back/forward buttons)."""
        if self.has_media():
            self.seek(self.position() + delta_ms)

    def step_frame(self, forward: bool = True) -> None:
        """Pause and show the next or previous frame (frame length from set_frame_duration_ms)."""
        if not self.has_media():
            return
        if self.is_playing():
            self.pause()
        self.seek(frame_step_target(self.position(), self._frame_ms, forward))

    def set_frame_duration_ms(self, ms: int) -> None:
        """Frame length of the loaded recording (1000 / fps); used by step_frame."""
        self._frame_ms = max(1, int(ms))

    def set_rate(self, rate: float) -> None:
        rate = max(MIN_RATE, min(MAX_RATE, float(rate)))
        if rate != self._rate:
            self._rate = rate
            self._apply_rate(rate)
            self.rate_changed.emit(rate)

    def set_volume(self, volume: int) -> None:
        volume = clamp(int(volume), 0, 100)
        if volume != self._volume:
            self._volume = volume
            self._apply_volume(volume, self._muted)
            self.volume_changed.emit(volume)

    def set_muted(self, muted: bool) -> None:
        muted = bool(muted)
        if muted != self._muted:
            self._muted = muted
            self._apply_volume(self._volume, muted)
            self.muted_changed.emit(muted)

    def set_loop(self, start_ms: int, end_ms: int) -> None:
        """Repeat [start_ms, end_ms) while playing. Raises ValueError for an empty range."""
        start = max(0, int(start_ms))
        end = int(end_ms)
        if self._duration > 0:
            start = min(start, self._duration)
            end = min(end, self._duration)
        if end <= start:
            raise ValueError(f"empty loop range {start_ms}..{end_ms}")
        if (start, end) != self._loop:
            self._loop = (start, end)
            self.loop_changed.emit(self._loop)

    def clear_loop(self) -> None:
        if self._loop is not None:
            self._loop = None
            self.loop_changed.emit(None)

    # --- helpers for subclasses ---------------------------------------------------------------
    def _set_state(self, state: str) -> None:
        assert state in STATES, state
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)

    def _set_duration(self, ms: int) -> None:
        ms = max(0, int(ms))
        if ms != self._duration:
            self._duration = ms
            self.duration_changed.emit(ms)

    def _clamp_seek(self, ms: int) -> int:
        """Clamp to [0, duration]; while the duration is still unknown only the 0 bound holds."""
        ms = max(0, int(ms))
        return min(ms, self._duration) if self._duration > 0 else ms

    def _loop_wrap(self, position_ms: int) -> int | None:
        """Where to jump when playback has reached `position_ms`, or None to carry on."""
        if self._loop is not None and position_ms >= self._loop[1]:
            return self._loop[0]
        return None

    def _forget_media(self) -> None:
        """Reset what belongs to one recording (used by load and unload)."""
        self.clear_loop()
        self._path = None
        self._set_duration(0)
