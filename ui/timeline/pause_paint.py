"""The recorded pauses on the timeline: a small "❚❚" at the top of the lane of the party who
paused, drawn over the static scene (a handful of pauses, painted with the playhead)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter

from .geometry import TimelineLayout, TimeScale
from .theme import darker_outline

BAR_W, BAR_H, GAP = 2.5, 9.0, 2.0
HIT_PX = 6  # how close the pointer must be for the tooltip


def pause_x(scale: TimeScale, ms: int) -> float:
    return scale.ms_to_x(ms)


def paint_pauses(painter: QPainter, layout: TimelineLayout, scale: TimeScale,
                 pauses: Sequence[tuple[int, int]], lane_of_party: Mapping[int, int],
                 color_of: Mapping[int, QColor]) -> None:
    """`pauses`: (party id, position ms). A pause outside the view or of an unknown party
    is skipped."""
    painter.save()
    painter.setClipRect(QRectF(layout.time_x0, 0, layout.time_width, layout.height))
    for party_id, ms in pauses:
        lane = lane_of_party.get(party_id)
        x = pause_x(scale, ms)
        if lane is None or x < layout.time_x0 - BAR_W * 3 or x > layout.width + BAR_W * 3:
            continue
        r = layout.lane_rect(lane)
        color = darker_outline(color_of.get(party_id, QColor("#6b7280")))
        for left in (x - GAP / 2 - BAR_W, x + GAP / 2):
            painter.fillRect(QRectF(left, r.y + 2, BAR_W, BAR_H), color)
    painter.restore()


def pause_at(layout: TimelineLayout, scale: TimeScale, pauses: Sequence[tuple[int, int]],
             lane_of_party: Mapping[int, int], x: float, y: float) -> tuple[int, int] | None:
    """The pause whose mark is under (x, y), if any."""
    lane = layout.lane_at(y)
    for party_id, ms in pauses:
        if lane_of_party.get(party_id) == lane and abs(pause_x(scale, ms) - x) <= HIT_PX:
            r = layout.lane_rect(lane)
            if y <= r.y + BAR_H + 6:
                return party_id, ms
    return None
