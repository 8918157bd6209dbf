"""Render the pictograms (resources/pictograms/*.svg) to PNG with Qt's own SVG renderer, for the
PDF and DOCX summaries: Word cannot hold our SVGs everywhere, and fpdf2 would draw an SVG anew on
every use. QtSvg is the renderer the app shows the same files with, so print and screen agree.

Run at build time (the build backend, scripts/build_assets.py, scripts/setup.sh); the PNGs are
build products in resources/pictograms/png/, never committed. The core (vsr/, no Qt) only reads
them. Run as a program: `python _build/vsr_assets.py [ROOT]`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RENDERED_DIR = "png"  # beside the SVGs; vsr.export.pictograms reads from the same place
# The largest printed pictogram (a theme card in the PDF) is 13 mm, four times its size on a
# 96 dpi screen is about 200 px: 256 px keeps even that above 500 dpi, the 5 mm ones far more.
RENDER_PX = 256


def render_pictograms(root: Path = ROOT) -> list[Path]:
    """Every resources/pictograms/*.svg drawn to resources/pictograms/png/<name>.png."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a build needs no display
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - kept for painting
    source = root / "resources" / "pictograms"
    target = source / RENDERED_DIR
    target.mkdir(exist_ok=True)
    written: list[Path] = []
    for svg in sorted(source.glob("*.svg")):
        renderer = QSvgRenderer(str(svg))
        if not renderer.isValid():
            raise RuntimeError(f"QtSvg cannot read {svg}")
        image = QImage(RENDER_PX, RENDER_PX, QImage.Format.Format_ARGB32)
        image.fill(QColor(0, 0, 0, 0))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, RENDER_PX, RENDER_PX))
        painter.end()
        out = target / f"{svg.stem}.png"
        if not image.save(str(out), "PNG", 0):  # 0: the smallest file (zlib level 9)
            raise RuntimeError(f"could not write {out}")
        written.append(out)
    return written


if __name__ == "__main__":
    done = render_pictograms(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT)
    print(f"rendered {len(done)} pictograms", file=sys.stderr)
