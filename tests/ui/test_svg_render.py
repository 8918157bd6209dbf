"""Every pictogram and icon renders with QtSvg at toolbar/card size and fills its frame.
QSvgRenderer silently skips what it cannot draw, so we look at the pixels it produced."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from vsr.method import resource_path

SVGS = sorted(resource_path("pictograms").glob("*.svg")) + sorted(
    resource_path("icons").glob("*.svg")
)


def _render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    assert renderer.isValid(), svg.name
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def _ink_box(image: QImage) -> tuple[int, int, int]:
    """(painted pixel count, painted width, painted height)."""
    xs: list[int] = []
    ys: list[int] = []
    for y in range(image.height()):
        for x in range(image.width()):
            if image.pixelColor(x, y).alpha() > 64:
                xs.append(x)
                ys.append(y)
    if not xs:
        return 0, 0, 0
    return len(xs), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1


def test_there_are_svgs() -> None:
    assert len(SVGS) >= 38


@pytest.mark.parametrize("svg", SVGS, ids=lambda p: p.name)
def test_svg_renders_and_fills_its_frame(qapp: object, svg: Path) -> None:
    size = 32
    count, width, height = _ink_box(_render(svg, size))
    assert count > size  # drew something, not a blank square
    # Small on screen means every pixel counts: the drawing should use most of its frame.
    minimum = 0.6 * size
    assert width >= minimum and height >= minimum, (svg.name, width, height)
