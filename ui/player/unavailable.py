"""The player used when libVLC cannot be loaded: does nothing, and says what to install."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from .base import MediaPlayer


def vlc_missing_reason(detail: str = "") -> str:
    """Translated explanation naming what to install on this platform (+ technical detail)."""
    if sys.platform == "win32":
        how = QCoreApplication.translate(
            "MediaPlayer",
            "Install VLC media player 3 (64-bit) from https://www.videolan.org and start this program again.",
        )
    elif sys.platform == "darwin":
        how = QCoreApplication.translate(
            "MediaPlayer",
            "Install VLC media player 3 from https://www.videolan.org in Applications and "
            "start this program again.",
        )
    else:
        how = QCoreApplication.translate(
            "MediaPlayer",
            "Install VLC and start this program again. On Debian or Ubuntu: "
            "sudo apt-get install vlc (or only the packages libvlc5, vlc-plugin-base and "
            "vlc-plugin-video-output).",
        )
    text = (
        QCoreApplication.translate(
            "MediaPlayer", "Recordings cannot be played: the VLC media player is missing."
        )
        + " "
        + how
    )
    if detail:
        text += "\n" + QCoreApplication.translate("MediaPlayer", "(Technical detail: {detail})")
        text = text.format(detail=detail)
    return text


class UnavailablePlayer(MediaPlayer):
    """Every intent is a no-op; the video area shows why and what to install."""

    def __init__(self, reason: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reason = reason
        self._widget: QLabel | None = None

    @property
    def available(self) -> bool:
        return False

    @property
    def unavailable_reason(self) -> str:
        return self._reason

    def load(self, path: str) -> None:
        pass

    def unload(self) -> None:
        pass

    def play(self) -> None:
        pass

    def pause(self) -> None:
        pass

    def seek(self, ms: int) -> None:
        pass

    def position(self) -> int:
        return 0

    def step_frame(self, forward: bool = True) -> None:
        pass

    def skip(self, delta_ms: int) -> None:
        pass

    def set_loop(self, start_ms: int, end_ms: int) -> None:
        pass

    def set_rate(self, rate: float) -> None:
        pass

    def set_volume(self, volume: int) -> None:
        pass

    def set_muted(self, muted: bool) -> None:
        pass

    def video_widget(self) -> QWidget:
        if self._widget is None:
            label = QLabel(self._reason)
            label.setObjectName("playerUnavailable")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            label.setMargin(24)
            # Selectable, so the install command can be copied into a terminal.
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setStyleSheet("QLabel { background: black; color: white; }")
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            self._widget = label
        return self._widget
