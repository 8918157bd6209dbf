"""Pick the player backend: libVLC when it can be loaded, otherwise the explaining no-op player."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from .base import MediaPlayer
from .unavailable import UnavailablePlayer, vlc_missing_reason

log = logging.getLogger(__name__)


def create_player(parent: QObject | None = None) -> MediaPlayer:
    """A VlcPlayer, or an UnavailablePlayer whose reason names what to install.

    Tests do not come here for a fake: they construct tests.ui.fake_player.FakePlayer directly."""
    from .vlc_player import VlcPlayer
    from .vlc_setup import VlcUnavailableError

    try:
        return VlcPlayer(parent)
    except VlcUnavailableError as exc:
        log.warning("VLC is not available: %s", exc)
        return UnavailablePlayer(vlc_missing_reason(str(exc)), parent)
