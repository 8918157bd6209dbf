"""A deterministic stand-in for VlcPlayer in widget tests: no VLC, no timers unless asked.

It follows the MediaPlayer contract (ui/player/base.py) the way VlcPlayer does: load shows the
recording paused at 0, seek clamps and works after the end, play after the end starts from 0,
the loop wraps while playing, errors give state "error" plus the error signal. Time only moves
when the test calls `advance(ms)` (or after `start_clock()`). Every public call is recorded in
`calls` as (name, args), outermost calls only (toggle_play does not also record play).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QElapsedTimer, QObject, QTimer
from PySide6.QtWidgets import QFrame, QWidget
from vsr.ui.player.base import ENDED, ERROR, PAUSED, PLAYING, STOPPED, MediaPlayer

F = TypeVar("F", bound=Callable[..., Any])


def recorded(method: F) -> F:
    """Record the call as (name, positional args); keyword arguments are bound to positions."""
    signature = inspect.signature(method)

    @functools.wraps(method)
    def wrapper(self: FakePlayer, *args: Any, **kwargs: Any) -> Any:
        if self._depth == 0:
            bound = signature.bind(self, *args, **kwargs)
            self.calls.append((method.__name__, bound.args[1:]))
        self._depth += 1
        try:
            return method(self, *args, **kwargs)
        finally:
            self._depth -= 1

    return wrapper  # type: ignore[return-value]


class FakePlayer(MediaPlayer):
    def __init__(self, parent: QObject | None = None, duration_ms: int = 60_000) -> None:
        super().__init__(parent)
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self._depth = 0
        self.default_duration_ms = duration_ms
        self.durations: dict[str, int] = {}  # per-path durations; default_duration_ms otherwise
        self.broken_paths: set[str] = set()  # load() of these fails like a damaged file
        self._position = 0
        self._widget: QFrame | None = None
        self._clock: QTimer | None = None
        self._elapsed = QElapsedTimer()

    # --- test controls ------------------------------------------------------------------------
    def advance(self, ms: int) -> None:
        """Let `ms` of wall time pass: while playing, the position moves ms * rate."""
        if self._state != PLAYING or ms <= 0:
            return
        position = self._position + round(ms * self._rate)
        if self._loop is not None and position >= self._loop[1]:
            start, end = self._loop
            position = start + (position - end) % (end - start)
        elif position >= self._duration:
            self._position = self._duration
            self.position_changed.emit(self._duration)
            self._set_state(ENDED)
            return
        self._position = position
        self.position_changed.emit(position)

    def fail(self, message: str = "simulated playback error") -> None:
        """Make the backend fail now, as VLC does on a damaged file."""
        self._set_state(ERROR)
        self.error.emit(message)

    def start_clock(self, interval_ms: int = 50) -> None:
        """Opt in to real time: a QTimer calls advance() with the elapsed wall time."""
        if self._clock is None:
            self._clock = QTimer(self)
            self._clock.timeout.connect(self._tick)
        self._elapsed.start()
        self._clock.start(interval_ms)

    def stop_clock(self) -> None:
        if self._clock is not None:
            self._clock.stop()

    def call_names(self) -> list[str]:
        return [name for name, _ in self.calls]

    def _tick(self) -> None:
        self.advance(self._elapsed.restart())

    # --- MediaPlayer --------------------------------------------------------------------------
    @recorded
    def load(self, path: str) -> None:
        self.unload()
        self._path = path
        if path in self.broken_paths:
            self.fail(f"The file {path} cannot be played.")
            return
        self._set_duration(self.durations.get(path, self.default_duration_ms))
        self._set_state(PAUSED)

    @recorded
    def unload(self) -> None:
        self._forget_media()
        self._set_state(STOPPED)
        self._move_to(0)

    @recorded
    def play(self) -> None:
        if not self.has_media() or self._state == PLAYING:
            return
        if self._state in (ENDED, ERROR):
            if self._path in self.broken_paths:
                self.fail(f"The file {self._path} cannot be played.")
                return
            self._move_to(0)
        self._set_state(PLAYING)

    @recorded
    def pause(self) -> None:
        if self._state == PLAYING:
            self._set_state(PAUSED)

    @recorded
    def seek(self, ms: int) -> None:
        if not self.has_media():
            return
        if self._state in (ENDED, ERROR):
            if self._path in self.broken_paths:
                self.fail(f"The file {self._path} cannot be played.")
                return
            self._set_state(PAUSED)
        self._move_to(self._clamp_seek(ms))

    def position(self) -> int:
        return self._position

    def video_widget(self) -> QWidget:
        if self._widget is None:
            self._widget = QFrame()
            self._widget.setObjectName("fakeVideoSurface")
            self._widget.setStyleSheet("background: black;")
        return self._widget

    # Recorded wrappers for the intents the base class implements.
    toggle_play = recorded(MediaPlayer.toggle_play)
    skip = recorded(MediaPlayer.skip)
    step_frame = recorded(MediaPlayer.step_frame)
    set_frame_duration_ms = recorded(MediaPlayer.set_frame_duration_ms)
    set_rate = recorded(MediaPlayer.set_rate)
    set_volume = recorded(MediaPlayer.set_volume)
    set_muted = recorded(MediaPlayer.set_muted)
    set_loop = recorded(MediaPlayer.set_loop)
    clear_loop = recorded(MediaPlayer.clear_loop)

    def _move_to(self, position: int) -> None:
        if position != self._position:
            self._position = position
            self.position_changed.emit(position)
