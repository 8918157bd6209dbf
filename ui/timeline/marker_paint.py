"""Painting of the party lanes and their markers. Every marker shows its party's shape as well as
its colour, so the lanes stay readable for colour-blind users and in grey print."""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)

from vsr.model import MarkerShape, Party

from .geometry import Rect, TimelineLayout
from .lanes import GLYPH_R, MarkerGeometry
from .theme import (
    COLORS,
    darker_outline,
    party_color,
)

# Shapes differ in how much area they fill at the same size; these factors even out their weight.
_SHAPE_SCALE = {
    MarkerShape.CIRCLE: 1.0,
    MarkerShape.SQUARE: 0.86,
    MarkerShape.DIAMOND: 1.22,
    MarkerShape.TRIANGLE: 1.18,
}


def glyph_path(shape: MarkerShape, cx: float, cy: float, r: float) -> QPainterPath:
    """The party's shape centred on (cx, cy) with half-size r."""
    s = r * _SHAPE_SCALE.get(shape, 1.0)
    path = QPainterPath()
    if shape is MarkerShape.SQUARE:
        path.addRoundedRect(QRectF(cx - s, cy - s, 2 * s, 2 * s), s * 0.2, s * 0.2)
    elif shape is MarkerShape.DIAMOND:
        path.moveTo(cx, cy - s)
        path.lineTo(cx + s, cy)
        path.lineTo(cx, cy + s)
        path.lineTo(cx - s, cy)
        path.closeSubpath()
    elif shape is MarkerShape.TRIANGLE:
        # Nudged down so its visual centre (not its box centre) sits on cy.
        top = cy - s + s * 0.12
        path.moveTo(cx, top)
        path.lineTo(cx + s * 1.05, top + s * 1.8)
        path.lineTo(cx - s * 1.05, top + s * 1.8)
        path.closeSubpath()
    else:
        path.addEllipse(QPointF(cx, cy), s, s)
    return path


def paint_glyph(
    painter: QPainter,
    shape: MarkerShape,
    cx: float,
    cy: float,
    r: float,
    fill: QColor,
    outline: QColor,
    outline_w: float = 1.2,
) -> None:
    path = glyph_path(shape, cx, cy, r)
    painter.setPen(QPen(COLORS.halo, outline_w + 2.0))  # a halo: the glyph stands out on bars
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.setPen(QPen(outline, outline_w))
    painter.setBrush(fill)
    painter.drawPath(path)


_GLYPH_CACHE: dict[tuple[object, ...], QPixmap] = {}


def forget_looks() -> None:
    """The timeline's colours changed (theme.use_palette): build pens and glyphs again."""
    _GLYPH_CACHE.clear()
    _style.cache_clear()

_GLYPH_CACHE_MAX = 256


def draw_cached_glyph(
    painter: QPainter,
    shape: MarkerShape,
    cx: float,
    cy: float,
    r: float,
    fill: QColor,
    outline: QColor,
    outline_w: float,
) -> None:
    """paint_glyph through a small pixmap cache: hundreds of markers share a handful of looks,
    and blitting is far cheaper than rendering an antialiased path twice per marker."""
    pixmap, half = glyph_pixmap(painter, shape, r, fill, outline, outline_w)
    painter.drawPixmap(QPointF(round(cx) - half, round(cy) - half), pixmap)


def glyph_pixmap(
    painter: QPainter,
    shape: MarkerShape,
    r: float,
    fill: QColor,
    outline: QColor,
    outline_w: float,
) -> tuple[QPixmap, int]:
    """The cached picture of a glyph for `painter`'s device, and its half size: drawn with its
    top-left at (round(cx) - half, round(cy) - half) it is centred on (cx, cy)."""
    device = painter.device()
    dpr = device.devicePixelRatioF() if device is not None else 1.0
    key = (shape, r, fill.rgba(), outline.rgba(), outline_w, dpr)
    pixmap = _GLYPH_CACHE.get(key)
    half = math.ceil(r * 1.3 + outline_w + 2)
    if pixmap is None:
        if len(_GLYPH_CACHE) >= _GLYPH_CACHE_MAX:
            _GLYPH_CACHE.clear()
        # Odd size: the glyph's centre falls on a pixel centre, like the marker's 1 px line.
        side = 2 * half + 1
        pixmap = QPixmap(int(side * dpr), int(side * dpr))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        glyph_painter = QPainter(pixmap)
        glyph_painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        paint_glyph(glyph_painter, shape, half + 0.5, half + 0.5, r, fill, outline, outline_w)
        glyph_painter.end()
        _GLYPH_CACHE[key] = pixmap
    return pixmap, half


def paint_lanes(
    painter: QPainter,
    layout: TimelineLayout,
    parties: Sequence[Party],
    hidden: set[int] | frozenset[int],
) -> None:
    """Lane backgrounds tinted lightly in the party colour, with separators."""
    for i, party in enumerate(parties):
        r = layout.lane_rect(i)
        tint = QColor(party_color(party.color))
        tint.setAlpha(COLORS.hidden_lane_alpha if party.id in hidden else COLORS.lane_tint_alpha)
        painter.fillRect(QRectF(r.x, r.y, r.w, r.h), tint)
        painter.setPen(QPen(COLORS.border, 1))
        painter.drawLine(QPointF(0, r.bottom - 0.5), QPointF(layout.width, r.bottom - 0.5))


def paint_headers(
    painter: QPainter,
    layout: TimelineLayout,
    parties: Sequence[Party],
    hidden: set[int] | frozenset[int],
    audio_title: str,
    hidden_note: str,
) -> None:
    """The left column: 'Audio' beside the envelope, and each party's shape and name."""
    w = layout.header_w
    painter.fillRect(QRectF(0, 0, w, layout.height), COLORS.header_bg)
    metrics = QFontMetricsF(painter.font())
    painter.setPen(QPen(COLORS.border, 1))
    for y in {layout.ruler_h - 0.5, layout.lanes_top - 0.5}:
        painter.drawLine(QPointF(0, y), QPointF(w, y))
    if layout.envelope_h > 0:
        painter.setPen(COLORS.text_muted)
        y = layout.envelope_top + layout.envelope_h / 2 + metrics.capHeight() / 2
        painter.drawText(QPointF(10, y), audio_title)
    base_font = QFont(painter.font())
    name_font = QFont(base_font)
    name_font.setWeight(QFont.Weight.DemiBold)
    name_metrics = QFontMetricsF(name_font)
    for i, party in enumerate(parties):
        r = layout.lane_rect(i)
        cy = r.y + r.h / 2
        is_hidden = party.id in hidden
        color = party_color(party.color)
        # A coloured strip along the lane's left edge ties the header to the lane's tint.
        painter.fillRect(QRectF(0, r.y, 4, r.h - 1), color)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setOpacity(0.35 if is_hidden else 1.0)
        paint_glyph(painter, party.shape, 17, cy, 6.0, color, darker_outline(color))
        painter.setOpacity(1.0)
        painter.setFont(name_font)
        painter.setPen(COLORS.text_muted if is_hidden else COLORS.text)
        # The name alone in the header (it is sized for the names); while hidden, the note
        # goes in the empty lane beside it, so "Professional" is never cut to "Professiona…".
        shown = name_metrics.elidedText(party.name, Qt.TextElideMode.ElideRight, w - 36)
        painter.drawText(QPointF(30, cy + name_metrics.capHeight() / 2), shown)
        if is_hidden:
            painter.setFont(base_font)
            painter.drawText(QPointF(w + 10, cy + metrics.capHeight() / 2), f"({hidden_note})")
        painter.setPen(QPen(COLORS.border, 1))
        painter.drawLine(QPointF(0, r.bottom - 0.5), QPointF(w, r.bottom - 0.5))
    painter.setFont(base_font)
    painter.setPen(QPen(COLORS.border, 1))
    painter.drawLine(QPointF(w - 0.5, 0), QPointF(w - 0.5, layout.height))


@dataclass(frozen=True, slots=True)
class _MarkerStyle:
    color: QColor
    outline: QColor
    line_pen: QPen
    bar_pen: QPen
    bar_brush: QBrush
    glyph_r: float
    glyph_outline_w: float


@functools.lru_cache(maxsize=128)
def _style(hex_color: str, selected: bool, hovered: bool, is_range: bool) -> _MarkerStyle:
    """Pens and brushes per look, built once: painting hundreds of markers then costs little
    more than the drawing calls themselves."""
    color = party_color(hex_color)
    outline = COLORS.selection if selected else darker_outline(color)
    fill = QColor(color)
    fill.setAlpha(200 if selected or hovered else 150)
    bar_w = 2.6 if selected else (1.6 if hovered else 1.1)
    # A selected point grows a little; inside a bar there is no room to grow.
    glyph_r = GLYPH_R + (1.0 if selected and not is_range else 0.0)
    return _MarkerStyle(
        color=color,
        outline=outline,
        line_pen=QPen(outline if selected or COLORS.high_contrast else color,
                      2.0 if selected else 1.0),
        bar_pen=QPen(outline, bar_w),
        bar_brush=QBrush(fill),
        glyph_r=glyph_r,
        # In high contrast the edge carries the 3:1 (the fill is the party's colour): thicker.
        glyph_outline_w=2.0 if selected or COLORS.high_contrast else 1.2,
    )


def paint_marker(
    painter: QPainter,
    geo: MarkerGeometry,
    party: Party,
    *,
    selected: bool = False,
    hovered: bool = False,
    label: str | None = None,
) -> None:
    """One marker: a point (line + glyph) or a range (bar + glyph at its start)."""
    style = _style(party.color, selected, hovered, geo.bar is not None)
    box = geo.lane_box
    if geo.bar is None:
        x = round(geo.x_start) + 0.5  # pixel centre: a crisp line under the glyph's centre
        painter.setPen(style.line_pen)
        painter.drawLine(QPointF(x, box.y + 3), QPointF(x, box.bottom - 3))
    else:
        bar = geo.bar
        painter.setPen(style.bar_pen)
        painter.setBrush(style.bar_brush)
        rect = QRectF(bar.x, bar.y, max(bar.w, 1.0), bar.h)
        if bar.w >= 12:
            painter.drawRoundedRect(rect, 4, 4)
        else:  # too narrow for rounded corners to show; a plain rect is much cheaper
            painter.drawRect(rect)
        if selected or hovered:
            _paint_edge_grips(painter, bar, style.outline)
    draw_cached_glyph(
        painter,
        party.shape,
        geo.glyph_cx,
        geo.glyph_cy,
        style.glyph_r,
        style.color,
        style.outline,
        style.glyph_outline_w,
    )
    if label:
        _paint_label(painter, geo, label)


@dataclass(frozen=True, slots=True)
class MarkerBatch:
    """The markers of one party as a few drawing calls (see paint_batch)."""

    party_id: int
    lines: list[QLineF]
    rects: list[QRectF]  # bars narrow enough for square corners
    wide: list[QRectF]  # bars drawn rounded
    point_glyphs: list[tuple[int, int]]  # glyph centres, rounded to whole pixels
    bar_glyphs: list[tuple[int, int]]


def batch_markers(geos: Iterable[MarkerGeometry]) -> dict[int, MarkerBatch]:
    """Per party, the lines, bars and glyphs of `geos`; built once per layout, so a new
    selection or hover repaints without any per-marker Python work."""
    batches: dict[int, MarkerBatch] = {}
    for geo in geos:
        b = batches.get(geo.party_id)
        if b is None:
            b = batches[geo.party_id] = MarkerBatch(geo.party_id, [], [], [], [], [])
        box, bar = geo.lane_box, geo.bar
        if bar is None:
            x = round(geo.x_start) + 0.5
            b.lines.append(QLineF(x, box.y + 3, x, box.bottom - 3))
        elif bar.w < 24:  # rounded corners hardly show on a short bar
            b.rects.append(QRectF(bar.x, bar.y, max(bar.w, 1.0), bar.h))
        else:
            b.wide.append(QRectF(bar.x, bar.y, bar.w, bar.h))
        if geo.glyph:
            (b.point_glyphs if bar is None else b.bar_glyphs).append(
                (round(geo.glyph_cx), round(geo.glyph_cy)))
    return batches


def join_batches(parts: Sequence[MarkerBatch]) -> MarkerBatch | None:
    """The batches of one party's blocks as one (None when there are none)."""
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return MarkerBatch(
        parts[0].party_id,
        list(chain.from_iterable(p.lines for p in parts)),
        list(chain.from_iterable(p.rects for p in parts)),
        list(chain.from_iterable(p.wide for p in parts)),
        list(chain.from_iterable(p.point_glyphs for p in parts)),
        list(chain.from_iterable(p.bar_glyphs for p in parts)),
    )


@functools.lru_cache(maxsize=64)
def _thin_pen(rgba: int) -> QPen:
    pen = QPen(QColor.fromRgba(rgba), 1)
    pen.setCosmetic(True)
    return pen


def _thin(color: QColor) -> QPen:
    return _thin_pen(color.rgba())


def paint_batch(painter: QPainter, batch: MarkerBatch, party: Party) -> None:
    """Unselected, unhovered markers of one party: all lines in one call, all short bars in
    one call, then the glyphs. With thousands of markers the per-marker Python work, not the
    drawing, is what a repaint would cost."""
    point, ranged = _style(party.color, False, False, False), _style(party.color, False, False, True)
    # Lines sit on pixel centres and short bars are a few px: without antialiasing they look the
    # same and draw several times faster.
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(point.line_pen)
    painter.drawLines(batch.lines)
    painter.setPen(_thin(ranged.outline))  # a 1.1 px pen is stroked as a path: far slower
    painter.setBrush(ranged.bar_brush)
    painter.drawRects(batch.rects)
    painter.setPen(ranged.bar_pen)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for rect in batch.wide:
        painter.drawRoundedRect(rect, 4, 4)
    draw = painter.drawPixmap
    for style, centres in ((point, batch.point_glyphs), (ranged, batch.bar_glyphs)):
        if not centres:
            continue
        pixmap, half = glyph_pixmap(painter, party.shape, style.glyph_r, style.color,
                                    style.outline, style.glyph_outline_w)
        for x, y in centres:  # one C++ call per glyph: this loop is most of a repaint
            draw(x - half, y - half, pixmap)


def _paint_edge_grips(painter: QPainter, bar: Rect, color: QColor) -> None:
    """Two short lines inside each end of a range: 'you can pull here'."""
    if bar.w < 24:
        return
    painter.setPen(QPen(color, 1.2))
    cy = bar.y + bar.h / 2
    for x in (bar.right - 4, bar.right - 7):
        painter.drawLine(QPointF(x, cy - 4), QPointF(x, cy + 4))


def _paint_label(painter: QPainter, geo: MarkerGeometry, label: str) -> None:
    """Short text right of the glyph: inside a wide bar, else beside the marker."""
    metrics = QFontMetricsF(painter.font())
    x = geo.glyph_cx + GLYPH_R + 5
    max_w = 140.0
    if geo.bar is not None:
        room = geo.bar.right - x - 10
        if room >= 30:
            max_w = room
        else:
            x = geo.bar.right + 4
    text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, max_w)
    painter.setPen(COLORS.text)
    painter.drawText(QPointF(x, geo.glyph_cy + metrics.capHeight() / 2), text)


def paint_draw_preview(painter: QPainter, box: Rect, x1: float, x2: float, party: Party) -> None:
    """The range being shift-dragged: a dashed outline in the party's colour."""
    color = party_color(party.color)
    fill = QColor(color)
    fill.setAlpha(70)
    pen = QPen(COLORS.draw_preview, 1.2, Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(fill)
    bar_h = min(22.0, box.h - 10)
    painter.drawRoundedRect(
        QRectF(min(x1, x2), box.y + (box.h - bar_h) / 2, abs(x2 - x1), bar_h), 4, 4
    )
