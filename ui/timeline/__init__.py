"""The review window's timeline: ruler, audio envelope and one lane of markers per party."""

from ui.timeline.envelope import EnvelopeLike
from ui.timeline.panel import TimelinePanel
from ui.timeline.view import TimelineView

__all__ = ["EnvelopeLike", "TimelinePanel", "TimelineView"]
