"""Turns libVLC's coarse time reports into a smooth, monotonic playback position.

Measured with VLC 3.0.24 (see tests/e2e/test_vlc_player.py): `get_time()` changes only every
250-500 ms while playing and then lags the picture on screen by up to ~100 ms. A timeline cursor
fed with it jumps in steps. So between reports we extrapolate with the wall clock and the
playback rate, never let the position run backwards (a late report would make the cursor
twitch), and stop extrapolating after a while when reports stop (buffering, a stalled decoder).
Pure Python, no Qt and no VLC: it is unit tested with a fake clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable

# How far past the last report we dare to extrapolate when reports stop coming.
MAX_EXTRAPOLATION_MS = 1500
# Right after a seek libVLC may still hand out one report from before the seek; a report this
# far from where we expect to be is ignored during SEEK_GUARD_S.
SEEK_GUARD_MS = 1000
SEEK_GUARD_S = 0.5


class PlaybackClock:
    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self._now = now
        self._running = False
        self._rate = 1.0
        self._anchor_ms = 0
        self._anchor_t = now()
        self._floor = 0  # the position never reported lower than this while running
        self._last_report: int | None = None
        self._guard_until = 0.0

    def reset(self, position_ms: int) -> None:
        """A seek (or load): the position is now exactly `position_ms`."""
        self._anchor_ms = self._floor = int(position_ms)
        self._anchor_t = self._now()
        self._guard_until = self._anchor_t + SEEK_GUARD_S

    def start(self, rate: float) -> None:
        """Playback (re)started at the current position."""
        position = self.position()
        self._rate = rate
        self._running = True
        self.reset(position)

    def stop(self) -> int:
        """Playback paused or ended; returns the frozen position."""
        position = self.position()
        self._running = False
        self._anchor_ms = self._floor = position
        return position

    def set_rate(self, rate: float) -> None:
        position = self.position()
        self._rate = rate
        self._anchor_ms = self._floor = position
        self._anchor_t = self._now()

    def report(self, backend_ms: int) -> None:
        """A time sample from the backend; only a changed value counts as a new report."""
        if backend_ms == self._last_report or backend_ms < 0:
            return
        self._last_report = backend_ms
        if not self._running:
            return  # while paused our own seek targets are the truth (see VlcPlayer)
        now = self._now()
        if now < self._guard_until and abs(backend_ms - self.position()) > SEEK_GUARD_MS:
            return
        self._floor = self.position()
        self._anchor_ms = backend_ms
        self._anchor_t = now

    def position(self) -> int:
        if not self._running:
            return self._anchor_ms
        elapsed_ms = (self._now() - self._anchor_t) * 1000.0 * self._rate
        elapsed_ms = min(elapsed_ms, MAX_EXTRAPOLATION_MS * self._rate)
        return max(self._floor, round(self._anchor_ms + elapsed_ms))

    def is_running(self) -> bool:
        return self._running
