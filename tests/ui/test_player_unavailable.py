"""Without a usable libVLC the program still starts: the player says what to install, no crash."""

from __future__ import annotations

import importlib.abc
import sys
import types
from collections.abc import Sequence
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from vsr.ui.player.factory import create_player
from vsr.ui.player.unavailable import UnavailablePlayer, vlc_missing_reason


class FailingVlcFinder(importlib.abc.MetaPathFinder):
    """Makes `import vlc` raise, as python-vlc does when libvlc is missing or broken."""

    def __init__(self, exc: Exception) -> None:
        self.exc = exc

    def find_spec(self, name: str, path: Sequence[str] | None, target: Any = None) -> None:
        if name == "vlc":
            raise self.exc
        return None


@pytest.fixture
def no_vlc(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Hide any installed python-vlc; the test then decides how importing it fails."""
    monkeypatch.delitem(sys.modules, "vlc", raising=False)

    def fail_with(exc: Exception) -> None:
        monkeypatch.setattr(sys, "meta_path", [FailingVlcFinder(exc), *sys.meta_path])

    return fail_with


@pytest.mark.parametrize(
    "exc",
    [
        ImportError("No module named 'vlc'"),
        OSError("libvlc.so.5: cannot open shared object file"),
        NotImplementedError("Cannot find libvlc lib"),
        AttributeError("undefined symbol: libvlc_media_player_set_xwindow"),
    ],
)
def test_import_failure_gives_unavailable_player(qapp, no_vlc, exc: Exception) -> None:  # type: ignore[no-untyped-def]
    no_vlc(exc)
    player = create_player()
    assert isinstance(player, UnavailablePlayer)
    assert not player.available
    assert type(exc).__name__ in player.unavailable_reason  # the technical detail is kept
    assert str(exc) in player.unavailable_reason


def test_instance_returning_none_gives_unavailable_player(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    fake_vlc = types.ModuleType("vlc")
    fake_vlc.Instance = lambda *args: None  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "vlc", fake_vlc)
    player = create_player()
    assert isinstance(player, UnavailablePlayer)
    assert "libvlc_new" in player.unavailable_reason


def test_reason_names_what_to_install_on_linux(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "platform", "linux")
    reason = vlc_missing_reason("ImportError: x")
    assert "sudo apt-get install vlc" in reason
    for package in ("libvlc5", "vlc-plugin-base", "vlc-plugin-video-output"):
        assert package in reason
    assert "ImportError: x" in reason


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_reason_points_to_videolan_elsewhere(qapp, monkeypatch, platform: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "platform", platform)
    reason = vlc_missing_reason()
    assert "videolan.org" in reason
    assert "apt-get" not in reason
    assert "Technical detail" not in reason


def test_every_intent_is_a_quiet_no_op(qapp) -> None:  # type: ignore[no-untyped-def]
    player = UnavailablePlayer("VLC is missing.")
    events: list[object] = []
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
        getattr(player, name).connect(events.append)
    player.load("/rec/a.mp4")
    player.play()
    player.toggle_play()
    player.seek(1000)
    player.skip(5000)
    player.step_frame()
    player.step_frame(forward=False)
    player.set_rate(2.0)
    player.set_volume(10)
    player.set_muted(True)
    player.set_loop(0, 1000)
    player.clear_loop()
    player.set_frame_duration_ms(33)
    player.pause()
    player.unload()
    player.shutdown()
    assert events == []
    assert (player.state(), player.position(), player.duration()) == ("stopped", 0, 0)
    assert not player.is_playing()


def test_video_widget_shows_the_reason_centred(qtbot) -> None:  # type: ignore[no-untyped-def]
    player = UnavailablePlayer("Recordings cannot be played: install VLC.")
    widget = player.video_widget()
    qtbot.addWidget(widget)
    assert isinstance(widget, QLabel)
    assert widget.text() == "Recordings cannot be played: install VLC."
    assert widget.alignment() & Qt.AlignmentFlag.AlignCenter
    assert widget.wordWrap()
    assert player.video_widget() is widget
