"""The review window's timeline: ruler, audio envelope and one lane of markers per party."""

from .envelope import EnvelopeLike
from .panel import TimelinePanel
from .view import TimelineView

__all__ = ["EnvelopeLike", "TimelinePanel", "TimelineView"]
