"""Colours and sizes of the timeline's light look, in one place so the painters agree."""

from __future__ import annotations

from PySide6.QtGui import QColor


class TimelineColors:
    """The light theme's colours (class attributes: one shared, read-only palette)."""

    background: QColor = QColor("#ffffff")
    header_bg: QColor = QColor("#f5f6f8")
    ruler_bg: QColor = QColor("#f5f6f8")
    border: QColor = QColor("#d9dde3")
    grid: QColor = QColor(17, 24, 39, 18)  # faint major-tick lines through the lanes
    tick: QColor = QColor("#8b95a3")
    text: QColor = QColor("#1f2933")
    text_muted: QColor = QColor("#5f6875")  # 5.2:1 on the ruler (was #6b7583, 4.3:1)
    envelope_bg: QColor = QColor("#fbfbfc")
    envelope_axis: QColor = QColor("#dde2e8")
    envelope_fill: QColor = QColor("#a9b8cc")
    envelope_edge: QColor = QColor("#7f93ad")
    playhead: QColor = QColor("#d62839")
    loop_fill: QColor = QColor(37, 99, 235, 34)
    loop_edge: QColor = QColor(37, 99, 235, 170)
    selection: QColor = QColor("#111827")
    focus: QColor = QColor("#2563eb")
    draw_preview: QColor = QColor(17, 24, 39, 150)


COLORS = TimelineColors()

LANE_TINT_ALPHA = 26  # party colour behind its lane: a hint of whose lane it is, not a block
HIDDEN_LANE_ALPHA = 10


def party_color(hex_color: str) -> QColor:
    """The party's colour, or a neutral grey when the stored value is not a valid colour."""
    color = QColor(hex_color)
    return color if color.isValid() else QColor("#6b7280")


def darker_outline(color: QColor) -> QColor:
    """An outline one step darker than the fill, so light party colours still have an edge."""
    return color.darker(150)
