"""The build draws the pictograms with QtSvg (_build/vsr_assets.py), so every colour form SVG
allows comes out as written (the hand-written rasteriser this replaces turned unknown colours
black), and the PNGs in the checkout are exactly what QtSvg draws from today's SVGs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from vsr.export.pictograms import rendered_path
from vsr.method import resource_path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "_build"))
import vsr_assets  # noqa: E402 - the build's own module, beside the backend

SVGS = sorted(resource_path("pictograms").glob("*.svg"))

# Four quadrants, each filled in another way of writing a colour.
QUADRANTS = {
    "orange": (0.25, 0.25, QColor(255, 165, 0)),  # a named colour
    "#1E90FF": (0.75, 0.25, QColor(0x1E, 0x90, 0xFF)),  # hex
    "#c60": (0.25, 0.75, QColor(0xCC, 0x66, 0x00)),  # short hex
    "rgb(46,139,87)": (0.75, 0.75, QColor(46, 139, 87)),  # functional
}


def _qt_render(svg: Path, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


@pytest.mark.parametrize("svg", SVGS, ids=lambda p: p.name)
def test_built_png_is_what_qtsvg_draws_from_the_svg(qapp: object, svg: Path) -> None:
    built = QImage(str(rendered_path(svg))).convertToFormat(QImage.Format.Format_ARGB32)
    assert built.width() == built.height() == vsr_assets.RENDER_PX
    assert built == _qt_render(svg, vsr_assets.RENDER_PX), "stale: run scripts/build_assets.py"


def test_every_colour_form_is_drawn_in_its_colour(qapp: object, tmp_path: Path) -> None:
    folder = tmp_path / "resources" / "pictograms"
    folder.mkdir(parents=True)
    rects = "".join(
        f'<rect x="{int(x * 64) - 16}" y="{int(y * 64) - 16}" width="32" height="32" fill="{c}"/>'
        for c, (x, y, _) in QUADRANTS.items())
    (folder / "colours.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" width="64" '
        f'height="64" viewBox="0 0 64 64">{rects}</svg>', encoding="utf-8")
    [png] = vsr_assets.render_pictograms(tmp_path)
    assert png == rendered_path(folder / "colours.svg")
    image = QImage(str(png))
    for written, (x, y, expected) in QUADRANTS.items():
        got = image.pixelColor(int(x * image.width()), int(y * image.height()))
        assert got.rgb() == expected.rgb(), (written, got.name())
