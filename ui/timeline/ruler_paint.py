"""Painting of the time-related layers: ruler with clock labels, faint grid, loop range, the area
past the end of the recording, and the playhead."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from vsr.dates import HOUR_MS, clock

from .geometry import TimelineLayout, TimeScale
from .theme import COLORS
from .ticks import choose_ticks, tick_times

_LABEL_GAP_PX = 22.0  # free space between two clock labels


def min_label_px(metrics: QFontMetricsF, with_hours: bool) -> float:
    sample = "0:00:00" if with_hours else "00:00"
    return metrics.horizontalAdvance(sample) + _LABEL_GAP_PX


def paint_ruler(
    painter: QPainter,
    layout: TimelineLayout,
    scale: TimeScale,
    duration_ms: int,
) -> None:
    """Ticks along the bottom of the ruler; a clock label right of every major tick."""
    with_hours = duration_ms >= 3_600_000
    h = layout.ruler_h
    painter.fillRect(QRectF(0, 0, layout.width, h), COLORS.ruler_bg)
    metrics = QFontMetricsF(painter.font())
    ticks = choose_ticks(scale.ms_per_px, min_label_px(metrics, with_hours))
    start = scale.x_to_ms(layout.time_x0) - ticks.major_ms
    end = min(float(duration_ms), scale.x_to_ms(layout.width))
    painter.save()
    painter.setClipRect(QRectF(layout.time_x0, 0, layout.time_width, h))
    painter.setPen(QPen(COLORS.tick, 1))
    for t in tick_times(start, end, ticks.minor_ms):
        x = round(scale.ms_to_x(t)) + 0.5
        is_major = t % ticks.major_ms == 0
        tick_h = 9 if is_major else 4
        painter.drawLine(QPointF(x, h - tick_h), QPointF(x, h))
    painter.setPen(COLORS.text_muted)
    baseline = (h - 9) / 2 + metrics.capHeight() / 2 + 1
    for t in tick_times(start, end, ticks.major_ms):
        x = round(scale.ms_to_x(t))
        if x < layout.time_x0 - 1:
            continue  # a label cut in half by the left edge reads as a wrong time
        painter.drawText(QPointF(x + 4, baseline), clock(t, HOUR_MS if with_hours else 0))
    painter.restore()
    painter.setPen(QPen(COLORS.border, 1))
    painter.drawLine(QPointF(0, h - 0.5), QPointF(layout.width, h - 0.5))


def paint_grid(
    painter: QPainter, layout: TimelineLayout, scale: TimeScale, duration_ms: int, label_px: float
) -> None:
    """Faint lines at the major ticks through envelope and lanes, to read times off markers."""
    ticks = choose_ticks(scale.ms_per_px, label_px)
    start = scale.x_to_ms(layout.time_x0)
    end = min(float(duration_ms), scale.x_to_ms(layout.width))
    top, bottom = layout.ruler_h, layout.height
    # The same pixels as a 1 px line through the column's centre; a translucent line is blended
    # row by row, a filled rectangle far faster.
    for t in tick_times(start, end, ticks.major_ms):
        painter.fillRect(QRectF(round(scale.ms_to_x(t)), top, 1, bottom - top), COLORS.grid)


def paint_past_end(
    painter: QPainter, layout: TimelineLayout, scale: TimeScale, duration_ms: int
) -> None:
    """Grey out time after the recording ends (only seen when a short recording is zoomed out)."""
    x_end = scale.ms_to_x(duration_ms)
    if x_end < layout.width:
        left = max(float(layout.time_x0), x_end)
        painter.fillRect(
            QRectF(left, layout.ruler_h, layout.width - left, layout.height), COLORS.header_bg
        )


def paint_loop(
    painter: QPainter, layout: TimelineLayout, scale: TimeScale, start_ms: int, end_ms: int
) -> None:
    """The loop range: a light band over everything, with its edges marked in the ruler."""
    x1 = max(float(layout.time_x0), scale.ms_to_x(start_ms))
    x2 = min(float(layout.width), scale.ms_to_x(end_ms))
    if x2 <= x1:
        return
    painter.fillRect(QRectF(x1, 0, x2 - x1, layout.height), COLORS.loop_fill)
    painter.setPen(QPen(COLORS.loop_edge, 1.5))
    for x in (scale.ms_to_x(start_ms), scale.ms_to_x(end_ms)):
        if layout.time_x0 <= x <= layout.width:
            painter.drawLine(QPointF(x, 0), QPointF(x, layout.height))
    painter.fillRect(QRectF(x1, layout.ruler_h - 4, x2 - x1, 4), COLORS.loop_edge)


def paint_playhead(painter: QPainter, layout: TimelineLayout, scale: TimeScale, ms: int) -> None:
    """A red line over the full height with a downward handle in the ruler."""
    x = scale.ms_to_x(ms)
    if x < layout.time_x0 - 6 or x > layout.width + 6:
        return
    painter.save()
    painter.setClipRect(QRectF(layout.time_x0 - 6, 0, layout.time_width + 12, layout.height))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(COLORS.playhead, 1.5))
    painter.drawLine(QPointF(x, 6), QPointF(x, layout.height))
    handle = QPainterPath()
    handle.moveTo(x - 6, 1)
    handle.lineTo(x + 6, 1)
    handle.lineTo(x + 6, 8)
    handle.lineTo(x, 14)
    handle.lineTo(x - 6, 8)
    handle.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(COLORS.playhead)
    painter.drawPath(handle)
    painter.restore()


def paint_time_readout(
    painter: QPainter, layout: TimelineLayout, ms: int, with_hours: bool
) -> None:
    """The playhead's time in the ruler's corner, so it can be read without hunting for it."""
    rect = QRectF(0, 0, layout.header_w - 1, layout.ruler_h - 1)
    painter.fillRect(rect, COLORS.ruler_bg)
    font = QFont(painter.font())
    font.setWeight(QFont.Weight.DemiBold)
    font.setStyleHint(QFont.StyleHint.Monospace)
    painter.save()
    painter.setFont(font)
    painter.setPen(COLORS.playhead)
    painter.drawText(
        rect.adjusted(10, 0, 0, 0),
        int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
        clock(ms, HOUR_MS if with_hours else 0),
    )
    painter.restore()
