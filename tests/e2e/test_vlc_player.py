"""The real VlcPlayer in a real window on a real X display (Xvfb), checked by looking at the screen.

Each frame of the generated clip carries its number as 8 black/white blocks along the top, so a
grab of the video widget tells exactly which frame VLC shows. Tolerances (libVLC 3.0.24):
- a paused seek: position() == target exactly; the picture is the target frame in most cases
  (VLC 3 now and then draws an older or nearby frame when paused: ui/player/vlc_player.py);
- after pause, the frozen picture is within PAUSE_TOLERANCE_FRAMES of position();
- the loop overshoots its end by at most one poll (50 ms) plus one VLC time report.

Run: VSR_E2E_DISPLAY=1 xvfb-run -a -s "-screen 0 1280x800x24" python -m pytest tests/e2e -m e2e
(tests/e2e/conftest.py skips e2e tests otherwise: Qt's platform is fixed per process and the
widget tests run offscreen). VSR_E2E_SCREENSHOT=/tmp/player.png keeps the screenshot.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from pytestqt.exceptions import TimeoutError as WaitTimeout

pytestmark = pytest.mark.e2e

FPS = 25
FRAME_MS = 1000 // FPS
CLIP_MS = 4000
BITS = 8
PAUSE_TOLERANCE_FRAMES = 4  # 160 ms: VLC's time reports lag the picture by up to ~100 ms
WIDTH, HEIGHT = 320, 240


# --- the test clip ------------------------------------------------------------------------------
def _block_x(bit: int) -> int:
    return 8 + bit * 38


def make_numbered_clip(path: Path) -> Path:
    """4 s, 320x240, 25 fps H.264 + AAC; frame i: its own hue, its number printed and as bits."""
    import av
    import cv2

    frames = CLIP_MS // FRAME_MS
    with av.open(str(path), "w") as out:
        video = out.add_stream("libx264", rate=FPS)
        video.width, video.height, video.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        video.options = {"preset": "ultrafast", "g": str(FPS)}
        audio = out.add_stream("aac", rate=44_100)
        audio.layout = "mono"
        for i in range(frames):
            hsv = np.full((HEIGHT, WIDTH, 3), (int(180 * i / frames), 200, 220), np.uint8)
            image = cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB)
            cv2.putText(image, str(i), (60, 200), cv2.FONT_HERSHEY_SIMPLEX, 3, (255,) * 3, 6)
            for bit in range(BITS):
                image[8:48, _block_x(bit) : _block_x(bit) + 32] = 255 if (i >> bit) & 1 else 0
            frame = av.VideoFrame.from_ndarray(image, format="rgb24")
            frame.pts, frame.time_base = i, Fraction(1, FPS)
            out.mux(video.encode(frame))
        out.mux(video.encode())
        t, step = 0, 1024
        while t < CLIP_MS * 44_100 // 1000:
            k = np.arange(t, t + step)
            tone = (0.2 * np.sin(2 * np.pi * 440 * k / 44_100)).astype(np.float32)
            chunk = av.AudioFrame.from_ndarray(tone.reshape(1, -1), format="fltp", layout="mono")
            chunk.sample_rate, chunk.pts, chunk.time_base = 44_100, t, Fraction(1, 44_100)
            out.mux(audio.encode(chunk))
            t += step
        out.mux(audio.encode())
    return path


def frame_number(image) -> int | None:  # type: ignore[no-untyped-def]
    """The frame number in a QImage of the video (None when no picture is shown)."""
    from PySide6.QtGui import QColor

    if image.width() < WIDTH or image.height() < HEIGHT:
        return None
    background = QColor(image.pixel(300, 100))
    if background.saturation() < 100:  # black surface, or not our clip
        return None
    number = 0
    for bit in range(BITS):
        if QColor(image.pixel(_block_x(bit) + 16, 28)).value() > 128:
            number |= 1 << bit
    return number


# --- fixtures ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_numbered_clip(tmp_path_factory.mktemp("media") / "numbered.mp4")


@pytest.fixture
def player(qtbot) -> Iterator:  # type: ignore[no-untyped-def]
    """A VlcPlayer whose video widget (exactly the clip's size) sits in a shown window."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QVBoxLayout, QWidget
    from vsr.ui.player.vlc_player import VlcPlayer
    from vsr.ui.player.vlc_setup import VlcUnavailableError

    assert QGuiApplication.platformName() == "xcb", "needs the X display (VSR_E2E_DISPLAY=1)"
    window = QWidget()
    window.setWindowTitle("vsr player e2e")
    try:
        vlc_player = VlcPlayer(window)
    except VlcUnavailableError as exc:
        pytest.skip(f"libVLC not usable here: {exc}")
    surface = vlc_player.video_widget()
    surface.setFixedSize(WIDTH, HEIGHT)  # 1:1, so the frame-number blocks are where we look
    layout = QVBoxLayout(window)
    layout.setContentsMargins(10, 10, 10, 10)
    layout.addWidget(surface)
    qtbot.addWidget(window)
    window.move(100, 80)
    window.show()
    qtbot.waitExposed(window)
    yield vlc_player
    vlc_player.shutdown()  # before Qt destroys the window VLC draws into


def shown_frame(player) -> int | None:  # type: ignore[no-untyped-def]
    surface = player.video_widget()
    return frame_number(surface.screen().grabWindow(int(surface.winId())).toImage())


def load_ready(qtbot, player, path: Path) -> None:  # type: ignore[no-untyped-def]
    player.load(str(path))
    qtbot.waitUntil(lambda: not player.is_opening() and player.state() == "paused", timeout=5000)


def look_for(qtbot, player, frame: int) -> int | None:  # type: ignore[no-untyped-def]
    """The frame shown once it is `frame`, or whatever is shown after 1.5 s."""
    try:
        qtbot.waitUntil(lambda: shown_frame(player) == frame, timeout=1500)
    except WaitTimeout:
        pass
    return shown_frame(player)


def seek_and_look(qtbot, player, target: int) -> int | None:  # type: ignore[no-untyped-def]
    player.seek(target)
    assert player.position() == target  # exact, whatever VLC draws
    return look_for(qtbot, player, target // FRAME_MS)


# --- the tests ----------------------------------------------------------------------------------
def test_load_shows_first_frame_paused(qtbot, player, clip) -> None:  # type: ignore[no-untyped-def]
    load_ready(qtbot, player, clip)
    assert player.position() == 0
    assert abs(player.duration() - CLIP_MS) <= 50  # VLC counts the AAC tail: 4018 ms
    # The first picture; rarely (a busy machine) VLC 3 keeps one of the muted warm-up frames.
    shown = look_for(qtbot, player, 0)
    assert shown is not None and shown <= PAUSE_TOLERANCE_FRAMES, shown


def test_play_advances_and_pause_freezes_near_position(qtbot, player, clip) -> None:  # type: ignore[no-untyped-def]
    load_ready(qtbot, player, clip)
    positions: list[int] = []
    player.position_changed.connect(positions.append)
    player.play()
    qtbot.waitUntil(lambda: player.position() >= 1000, timeout=5000)
    assert player.state() == "playing"
    assert len(positions) >= 5  # a smooth cursor: many updates, not 250 ms steps
    assert positions == sorted(positions)
    player.pause()
    paused_at = player.position()
    assert player.state() == "paused"
    qtbot.wait(300)
    assert player.position() == paused_at
    # VLC freezes the picture where it is; position() is our clock's estimate of it.
    shown = shown_frame(player)
    assert shown is not None and abs(shown - paused_at // FRAME_MS) <= PAUSE_TOLERANCE_FRAMES, (
        shown,
        paused_at,
    )


def test_seek_while_paused(qtbot, player, clip) -> None:  # type: ignore[no-untyped-def]
    """position() is exact. The picture: VLC 3 draws the exact frame for most paused seeks, and
    now and then an older or nearby one (see ui/player/vlc_player.py); we require most."""
    load_ready(qtbot, player, clip)
    targets = (2000, 1040, 1039, 2520, 600, 1480, 3000, 120)
    misses = []
    for target in targets:
        shown = seek_and_look(qtbot, player, target)
        if shown != target // FRAME_MS:
            misses.append((target, shown))
    assert len(misses) <= 2, misses
    player.seek(-500)
    assert player.position() == 0
    player.seek(60_000)
    assert player.position() == player.duration()


def test_step_frame_both_ways(qtbot, player, clip) -> None:  # type: ignore[no-untyped-def]
    load_ready(qtbot, player, clip)
    seen = [seek_and_look(qtbot, player, 2000)]
    player.step_frame()
    assert (player.state(), player.position()) == ("paused", 2040)
    seen.append(look_for(qtbot, player, 51))
    player.step_frame(forward=False)
    player.step_frame(forward=False)
    assert player.position() == 1960
    seen.append(look_for(qtbot, player, 49))
    assert sum(a == b for a, b in zip(seen, (50, 51, 49), strict=True)) >= 2, seen
    # Stepping while playing pauses first, then steps to the next frame start.
    player.play()
    qtbot.waitUntil(lambda: player.position() >= 2300, timeout=5000)
    player.step_frame()
    assert player.state() == "paused"
    assert player.position() % FRAME_MS == 0


def test_rate_speeds_up_playback(qtbot, player, clip) -> None:  # type: ignore[no-untyped-def]
    load_ready(qtbot, player, clip)
    player.set_rate(1.5)
    assert player.rate() == 1.5
    assert player._mp.get_rate() == pytest.approx(1.5)  # the backend got it too
    player.play()
    qtbot.waitUntil(lambda: player.position() >= 300, timeout=5000)
    start_pos, start_t = player.position(), time.monotonic()
    qtbot.waitUntil(lambda: player.position() >= start_pos + 1500, timeout=5000)
    speed = (player.position() - start_pos) / ((time.monotonic() - start_t) * 1000)
    assert 1.2 < speed < 1.9, speed


def test_loop_wraps_and_keeps_playing(qtbot, player, clip) -> None:  # type: ignore[no-untyped-def]
    load_ready(qtbot, player, clip)
    positions: list[int] = []
    player.position_changed.connect(positions.append)
    player.set_loop(1000, 1600)
    player.seek(1000)
    player.play()

    def wrapped_twice() -> bool:
        jumps = [a - b for a, b in zip(positions, positions[1:], strict=False) if a - b > 300]
        return len(jumps) >= 2

    qtbot.waitUntil(wrapped_twice, timeout=6000)
    assert player.state() == "playing"
    assert max(positions) < 1600 + 400, max(positions)  # overshoot: a poll + a time report
    assert min(positions) >= 1000


def test_play_to_end_then_seek_and_play_again(qtbot, player, clip) -> None:  # type: ignore[no-untyped-def]
    load_ready(qtbot, player, clip)
    states: list[str] = []
    player.state_changed.connect(states.append)
    player.seek(3000)
    player.play()
    qtbot.waitUntil(lambda: player.state() == "ended", timeout=6000)
    assert player.position() == player.duration()
    player.seek(1000)  # VLC needs the media reopened for this: the player does it
    assert (player.state(), player.position()) == ("paused", 1000)
    qtbot.waitUntil(lambda: not player.is_opening(), timeout=5000)
    player.play()
    qtbot.waitUntil(lambda: player.position() >= 1500, timeout=5000)
    assert player.state() == "playing"
    # The picture plays on from 1000 (frame 25), not from the start or the end.
    shown = shown_frame(player)
    assert shown is not None and 25 <= shown <= 25 + 40, shown
    player.pause()
    assert states[:3] == ["playing", "ended", "paused"]
    # play() after the end starts from the beginning
    player.seek(3900)
    player.play()
    qtbot.waitUntil(lambda: player.state() == "ended", timeout=6000)
    player.play()
    qtbot.waitUntil(lambda: 0 < player.position() < 2000 and player.is_playing(), timeout=5000)
    shown = shown_frame(player)
    assert shown is not None and shown < 60, shown


@pytest.mark.parametrize(
    "name", ["fixture-corrupt.mkv", "invalid_userdata.mp4", "broken-wav.wav", "chunk_out_of_range.mp4"]
)
def test_malformed_file_does_not_crash_or_hang(qtbot, player, clip, corpus, name: str) -> None:  # type: ignore[no-untyped-def]
    """VLC itself rarely says "error": most broken files open and end at once. We must report an
    error for those that play nothing or stop early, and never hang. fixture-corrupt.mkv is the
    exception: VLC's Matroska reader tolerates the damaged header and shows its 92 ms of video,
    so it may honestly end instead."""
    path = corpus / "media" / "malformed" / name
    errors: list[str] = []
    player.error.connect(errors.append)
    player.load(str(path))
    player.play()
    qtbot.waitUntil(lambda: player.state() in ("ended", "error"), timeout=10_000)
    if name == "fixture-corrupt.mkv":
        assert player.state() in ("ended", "error")
    else:
        assert player.state() == "error"
    if player.state() == "error":
        assert errors and name in errors[-1]
    player.seek(0)  # asking again must not hang either
    qtbot.waitUntil(lambda: player.state() in ("paused", "ended", "error"), timeout=10_000)
    load_ready(qtbot, player, clip)  # and a good recording plays afterwards
    player.play()
    qtbot.waitUntil(lambda: player.position() > 200, timeout=5000)


def test_missing_file_is_an_error_naming_it(qtbot, player, tmp_path) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    player.error.connect(errors.append)
    missing = tmp_path / "moved-away.mp4"
    player.load(str(missing))
    assert player.state() == "error"
    assert str(missing) in errors[-1]
    player.play()
    assert player.state() == "error"


def test_screenshot_shows_video_in_the_widget(qtbot, player, clip, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """What a person would see: grab the whole X screen while playing and find the video at the
    video widget's place. VSR_E2E_SCREENSHOT=/some/file.png keeps a copy to look at."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QGuiApplication, QImage

    load_ready(qtbot, player, clip)
    player.play()
    qtbot.waitUntil(lambda: player.position() >= 800, timeout=5000)
    shot = tmp_path / "player.png"
    if shutil.which("import"):
        subprocess.run(["import", "-window", "root", str(shot)], check=True, timeout=30)
        screen_image = QImage(str(shot))
    else:
        screen_image = QGuiApplication.primaryScreen().grabWindow(0).toImage()
        screen_image.save(str(shot))
    if os.environ.get("VSR_E2E_SCREENSHOT"):
        shutil.copyfile(shot, os.environ["VSR_E2E_SCREENSHOT"])
    origin = player.video_widget().mapToGlobal(QPoint(0, 0))
    video = screen_image.copy(origin.x(), origin.y(), WIDTH, HEIGHT)
    number = frame_number(video)
    assert number is not None and 15 <= number < 100, number


def test_a_paused_picture_is_drawn_again_at_its_new_size(qtbot, player, clip) -> None:  # type: ignore[no-untyped-def]
    """Paused, the video's place changes size (the Samenleergesprek tab opened beside it, the
    window resized): VLC 3 kept its last picture at the old size, cut off or in a corner,
    until it drew another. The player has it drawn again at the new size."""
    from PySide6.QtGui import QColor

    load_ready(qtbot, player, clip)
    qtbot.waitUntil(lambda: shown_frame(player) is not None, timeout=3000)
    # The people look at the paused picture for a while (VLC 3 draws it at a new size only in
    # the first moments after pausing; after 6 s, without the player's redraw, it did not).
    qtbot.wait(6000)
    assert shown_frame(player) is not None
    surface = player.video_widget()
    surface.setFixedSize(WIDTH * 3 // 4, HEIGHT)  # narrower, as beside the opened tab

    def whole_picture_fitted() -> bool:
        """Fitted, the 4:3 picture leaves black bands above and below (30 px); the old
        picture cut off at the right fills the top rows with its colour instead."""
        image = surface.screen().grabWindow(int(surface.winId())).toImage()
        if image.width() < WIDTH * 3 // 4 or image.height() < HEIGHT:
            return False
        band = all(QColor(image.pixel(x, 4)).value() < 50 for x in range(0, WIDTH * 3 // 4, 8))
        return band and QColor(image.pixel(WIDTH // 2, HEIGHT // 2)).saturation() >= 100

    qtbot.waitUntil(whole_picture_fitted, timeout=5000)
    assert player.state() == "paused"
