"""PlaybackClock: VLC's coarse time reports become a smooth, monotonic position (no Qt, no VLC)."""

from __future__ import annotations

from vsr.ui.player.playback_clock import MAX_EXTRAPOLATION_MS, PlaybackClock


class FakeTime:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t

    def advance(self, ms: int) -> None:
        self.t += ms / 1000


def make() -> tuple[PlaybackClock, FakeTime]:
    now = FakeTime()
    return PlaybackClock(now), now


def test_paused_clock_stays_at_seek_target_whatever_vlc_reports() -> None:
    clock, now = make()
    clock.reset(2000)
    now.advance(500)
    clock.report(2250)  # VLC 3 reports +250 ms after a frame step; paused, we ignore it
    assert clock.position() == 2000


def test_extrapolates_between_reports_with_rate() -> None:
    clock, now = make()
    clock.reset(1000)
    clock.start(1.0)
    now.advance(100)
    assert clock.position() == 1100
    clock.set_rate(2.0)
    now.advance(100)
    assert clock.position() == 1300


def test_late_report_never_moves_position_back() -> None:
    clock, now = make()
    clock.start(1.0)
    now.advance(300)
    assert clock.position() == 300
    clock.report(250)  # VLC's time lags the picture
    assert clock.position() == 300
    now.advance(100)
    assert clock.position() == 350  # follows the report again once it has caught up


def test_stops_extrapolating_when_reports_stop() -> None:
    clock, now = make()
    clock.start(1.0)
    now.advance(10_000)
    assert clock.position() == MAX_EXTRAPOLATION_MS


def test_stale_report_right_after_seek_is_ignored() -> None:
    clock, now = make()
    clock.start(1.0)
    now.advance(1000)
    clock.report(1000)
    clock.reset(30_000)  # seek while playing
    now.advance(50)
    clock.report(1250)  # from before the seek
    assert clock.position() == 30_050
    now.advance(1000)
    clock.report(31_000)
    assert clock.position() == 31_050


def test_seek_backwards_is_allowed() -> None:
    clock, now = make()
    clock.start(1.0)
    now.advance(5000)
    clock.report(5000)
    clock.reset(1000)
    assert clock.position() == 1000


def test_stop_freezes_position() -> None:
    clock, now = make()
    clock.start(1.0)
    now.advance(400)
    assert clock.stop() == 400
    now.advance(400)
    assert clock.position() == 400
    assert not clock.is_running()
