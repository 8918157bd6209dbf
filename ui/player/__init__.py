"""Media playback behind one QObject facade (see ui.player.base.MediaPlayer)."""

from ui.player.base import ENDED, ERROR, PAUSED, PLAYING, STATES, STOPPED, MediaPlayer
from ui.player.factory import create_player

__all__ = [
    "ENDED",
    "ERROR",
    "PAUSED",
    "PLAYING",
    "STATES",
    "STOPPED",
    "MediaPlayer",
    "create_player",
]
