"""Icons and pictograms from resources/ as QIcons, and the party shape glyphs."""

from __future__ import annotations

from functools import cache, lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from vsr.method import resource_path
from vsr.model import MarkerShape


@cache
def icon(name: str) -> QIcon:
    """A toolbar icon from resources/icons (empty icon if missing)."""
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()


@cache
def pictogram(file_name: str) -> QIcon:
    path = resource_path("pictograms", file_name)
    return QIcon(str(path)) if path.exists() else QIcon()


def shape_path(shape: MarkerShape, rect: QRectF) -> QPainterPath:
    """The outline of a party's marker shape inside rect."""
    path = QPainterPath()
    c = rect.center()
    if shape == MarkerShape.CIRCLE:
        path.addEllipse(rect)
    elif shape == MarkerShape.SQUARE:
        path.addRect(rect.adjusted(1, 1, -1, -1))
    elif shape == MarkerShape.DIAMOND:
        path.addPolygon(QPolygonF([QPointF(c.x(), rect.top()), QPointF(rect.right(), c.y()),
                                   QPointF(c.x(), rect.bottom()), QPointF(rect.left(), c.y())]))
        path.closeSubpath()
    else:
        path.addPolygon(QPolygonF([QPointF(c.x(), rect.top()), QPointF(rect.right(), rect.bottom()),
                                   QPointF(rect.left(), rect.bottom())]))
        path.closeSubpath()
    return path


# Device pixel ratios drawn for each glyph: QIcon picks the matching one (or scales the next
# larger down, for 125 % or 150 % screens), so glyphs stay sharp on high-DPI screens.
SHAPE_RATIOS = (1.0, 2.0, 3.0)


def shape_pixmap(shape: MarkerShape, color: str, size: int, dpr: float) -> QPixmap:
    """The glyph `size` logical pixels wide, drawn at `dpr` device pixels per logical one."""
    pix = QPixmap(round(size * dpr), round(size * dpr))
    pix.setDevicePixelRatio(dpr)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)  # paints in logical pixels: the ratio scales it
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor(color).darker(150), 1.2))
    p.setBrush(QBrush(QColor(color)))
    p.drawPath(shape_path(shape, QRectF(1.5, 1.5, size - 3, size - 3)))
    p.end()
    return pix


@lru_cache(maxsize=256)  # asked for by list rows on every paint
def shape_icon(shape: MarkerShape, color: str, size: int = 16) -> QIcon:
    icon = QIcon()
    for dpr in SHAPE_RATIOS:
        icon.addPixmap(shape_pixmap(shape, color, size, dpr))
    return icon
