"""Media playback behind one QObject facade (see ui.player.base.MediaPlayer)."""

from .base import ENDED, ERROR, PAUSED, PLAYING, STATES, STOPPED, MediaPlayer
from .factory import create_player

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
