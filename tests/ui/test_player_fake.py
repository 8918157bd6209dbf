"""The MediaPlayer contract, checked on the FakePlayer that widget tests use instead of VLC."""

from __future__ import annotations

import pytest
from vsr.ui.player.base import DEFAULT_FRAME_MS, MAX_RATE, MIN_RATE, frame_step_target

from tests.ui.fake_player import FakePlayer


class Recorder:
    """Collects every signal of a player as (signal name, value), in order."""

    def __init__(self, player: FakePlayer) -> None:
        self.events: list[tuple[str, object]] = []
        for name in (
            "position_changed",
            "duration_changed",
            "state_changed",
            "error",
            "rate_changed",
            "volume_changed",
            "muted_changed",
            "loop_changed",
        ):
            getattr(player, name).connect(lambda value, name=name: self.events.append((name, value)))

    def of(self, name: str) -> list[object]:
        return [value for event, value in self.events if event == name]


@pytest.fixture
def player(qapp) -> FakePlayer:  # type: ignore[no-untyped-def]
    return FakePlayer(duration_ms=10_000)


def test_load_shows_recording_paused_at_start(player: FakePlayer) -> None:
    rec = Recorder(player)
    player.load("/rec/a.mp4")
    assert (player.state(), player.position(), player.duration()) == ("paused", 0, 10_000)
    assert player.path() == "/rec/a.mp4"
    assert rec.events == [("duration_changed", 10_000), ("state_changed", "paused")]
    assert not player.is_playing()


def test_intents_without_a_recording_do_nothing(player: FakePlayer) -> None:
    rec = Recorder(player)
    player.play()
    player.seek(500)
    player.skip(5000)
    player.step_frame()
    assert (player.state(), player.position()) == ("stopped", 0)
    assert rec.events == []


@pytest.mark.parametrize(("target", "expected"), [(-100, 0), (0, 0), (4321, 4321), (99_999, 10_000)])
def test_seek_clamps_to_the_recording(player: FakePlayer, target: int, expected: int) -> None:
    player.load("a.mp4")
    player.seek(target)
    assert player.position() == expected
    assert player.state() == "paused"


def test_playing_moves_with_rate_and_seek_keeps_playing(player: FakePlayer) -> None:
    player.load("a.mp4")
    player.play()
    player.advance(1000)
    assert player.position() == 1000
    player.set_rate(1.5)
    player.advance(1000)
    assert player.position() == 2500
    player.seek(8000)
    assert player.is_playing()
    player.pause()
    player.advance(1000)
    assert (player.state(), player.position()) == ("paused", 8000)


@pytest.mark.parametrize(("asked", "got"), [(3.0, MAX_RATE), (0.1, MIN_RATE), (0.75, 0.75)])
def test_rate_is_clamped_and_signalled_once(player: FakePlayer, asked: float, got: float) -> None:
    rec = Recorder(player)
    player.set_rate(asked)
    player.set_rate(asked)
    assert player.rate() == got
    assert rec.of("rate_changed") == [got]


def test_volume_and_mute(player: FakePlayer) -> None:
    rec = Recorder(player)
    player.set_volume(150)
    player.set_volume(-5)
    player.set_muted(True)
    player.set_muted(True)
    assert (player.volume(), player.is_muted()) == (0, True)
    assert rec.of("volume_changed") == [0]  # 150 -> 100 was no change
    assert rec.of("muted_changed") == [True]


def test_loop_wraps_and_keeps_playing(player: FakePlayer) -> None:
    rec = Recorder(player)
    player.load("a.mp4")
    player.set_loop(1000, 2000)
    player.seek(1500)
    player.play()
    player.advance(700)  # 2200 is past the end: 200 ms into the loop again
    assert (player.position(), player.state()) == (1200, "playing")
    player.advance(2500)  # several laps
    assert 1000 <= player.position() < 2000
    assert rec.of("loop_changed") == [(1000, 2000)]
    player.clear_loop()
    assert player.loop() is None
    assert rec.of("loop_changed")[-1] is None


def test_loop_at_the_very_end_wraps_instead_of_ending(player: FakePlayer) -> None:
    player.load("a.mp4")
    player.set_loop(9000, 12_000)  # end clamped to the duration
    assert player.loop() == (9000, 10_000)
    player.seek(9500)
    player.play()
    player.advance(1000)
    assert (player.position(), player.state()) == (9500, "playing")


def test_empty_loop_is_refused(player: FakePlayer) -> None:
    player.load("a.mp4")
    with pytest.raises(ValueError):
        player.set_loop(2000, 2000)
    with pytest.raises(ValueError):
        player.set_loop(3000, 1000)
    assert player.loop() is None


def test_end_then_seek_and_play_again(player: FakePlayer) -> None:
    rec = Recorder(player)
    player.load("a.mp4")
    player.seek(9000)
    player.play()
    player.advance(5000)
    assert (player.state(), player.position()) == ("ended", 10_000)
    player.seek(3000)  # seeking after the end works and shows that moment paused
    assert (player.state(), player.position()) == ("paused", 3000)
    player.play()
    player.advance(100)
    assert player.position() == 3100
    assert rec.of("state_changed") == ["paused", "playing", "ended", "paused", "playing"]


def test_play_after_end_starts_from_the_beginning(player: FakePlayer) -> None:
    player.load("a.mp4")
    player.play()
    player.advance(20_000)
    assert player.state() == "ended"
    player.toggle_play()
    assert (player.state(), player.position()) == ("playing", 0)


def test_step_frame_pauses_and_lands_on_frame_starts(player: FakePlayer) -> None:
    player.load("a.mp4")
    player.play()
    player.advance(1010)  # inside frame 25 (1000-1039 ms)
    player.step_frame()
    assert (player.state(), player.position()) == ("paused", 1040)
    player.step_frame(forward=False)
    player.step_frame(forward=False)
    assert player.position() == 960
    player.set_frame_duration_ms(100)  # a 10 fps recording
    player.step_frame()
    assert player.position() == 1000
    player.seek(0)
    player.step_frame(forward=False)
    assert player.position() == 0


def test_frame_step_target_grid() -> None:
    assert DEFAULT_FRAME_MS == 40
    assert frame_step_target(0, 40, True) == 40
    assert frame_step_target(39, 40, True) == 40
    assert frame_step_target(40, 40, False) == 0
    assert frame_step_target(79, 40, False) == 0
    assert frame_step_target(10, 40, False) == 0


def test_skip_is_relative_and_clamped(player: FakePlayer) -> None:
    player.load("a.mp4")
    player.skip(5000)
    player.skip(5000)
    player.skip(5000)
    assert player.position() == 10_000
    player.skip(-5000)
    assert player.position() == 5000
    player.seek(2000)
    player.skip(-5000)
    assert player.position() == 0


def test_broken_file_gives_error_state_and_message(player: FakePlayer) -> None:
    rec = Recorder(player)
    player.broken_paths.add("bad.mkv")
    player.load("bad.mkv")
    assert player.state() == "error"
    assert rec.of("error") == ["The file bad.mkv cannot be played."]
    player.play()  # trying again fails again, without a crash
    assert player.state() == "error"


def test_unload_forgets_recording_and_loop_but_keeps_settings(player: FakePlayer) -> None:
    player.load("a.mp4")
    player.set_rate(2.0)
    player.set_volume(30)
    player.set_loop(100, 200)
    player.seek(150)
    player.unload()
    assert (player.state(), player.position(), player.duration()) == ("stopped", 0, 0)
    assert (player.loop(), player.path()) == (None, None)
    assert (player.rate(), player.volume()) == (2.0, 30)


def test_loading_another_recording_resets_position_and_duration(player: FakePlayer) -> None:
    player.durations["b.mp4"] = 4000
    player.load("a.mp4")
    player.seek(8000)
    player.set_loop(1000, 2000)
    player.load("b.mp4")
    assert (player.position(), player.duration(), player.loop()) == (0, 4000, None)


def test_calls_are_recorded_outermost_only(player: FakePlayer) -> None:
    player.load("a.mp4")
    player.toggle_play()
    player.step_frame()
    player.step_frame(forward=False)
    player.skip(-5000)
    player.seek(100)
    assert player.calls == [
        ("load", ("a.mp4",)),
        ("toggle_play", ()),
        ("step_frame", ()),
        ("step_frame", (False,)),
        ("skip", (-5000,)),
        ("seek", (100,)),
    ]
    assert player.call_names()[-1] == "seek"


def test_clock_only_runs_when_asked(player: FakePlayer, qtbot) -> None:  # type: ignore[no-untyped-def]
    player.load("a.mp4")
    player.play()
    qtbot.wait(60)
    assert player.position() == 0  # no timer of its own
    player.start_clock(interval_ms=10)
    qtbot.waitUntil(lambda: player.position() > 0, timeout=2000)
    player.stop_clock()


def test_fake_is_available_with_a_video_widget(player: FakePlayer) -> None:
    assert player.available
    assert player.unavailable_reason == ""
    assert player.video_widget() is player.video_widget()
