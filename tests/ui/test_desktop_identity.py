"""Sharp on high-DPI screens and known to the desktop: the party shape glyphs are drawn at the
screen's pixel ratio (not a 16 px picture stretched), and the app names its desktop entry
(setDesktopFileName, so Wayland and taskbars show vsr's icon and name) and gives every window
the SVG icon, which draws sharp at any size."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from vsr.ui.icons import shape_icon, shape_pixmap

from vsr.model import MarkerShape

ROOT = Path(__file__).resolve().parents[2]
COLOR = "#D64545"


@pytest.mark.parametrize("shape", list(MarkerShape), ids=lambda s: s.value)
@pytest.mark.parametrize("dpr", [2.0, 1.5, 3.0])
def test_shape_glyph_has_a_pixel_for_every_device_pixel(qapp: object, shape: MarkerShape,
                                                        dpr: float) -> None:
    pixmap = shape_icon(shape, COLOR, 16).pixmap(QSize(16, 16), dpr)
    assert pixmap.devicePixelRatio() == pytest.approx(dpr)
    assert pixmap.size() == QSize(round(16 * dpr), round(16 * dpr))
    if dpr in (2.0, 3.0):  # drawn at that ratio, not the 1x glyph scaled up
        assert pixmap.toImage() == shape_pixmap(shape, COLOR, 16, dpr).toImage()


def test_the_glyph_at_twice_the_ratio_has_sharper_edges(qapp: object) -> None:
    """A 1x glyph scaled up has edges two device pixels wide; one drawn at 2x has thin ones."""
    def soft_pixels(image: QImage) -> int:
        return sum(1 for y in range(image.height()) for x in range(image.width())
                   if 20 < image.pixelColor(x, y).alpha() < 235)

    sharp = shape_icon(MarkerShape.CIRCLE, COLOR, 16).pixmap(QSize(16, 16), 2.0).toImage()
    blown_up = shape_pixmap(MarkerShape.CIRCLE, COLOR, 16, 1.0).toImage().smoothScaled(32, 32)
    assert sharp.pixelColor(16, 16) == QColor(COLOR)  # the fill, in its colour
    assert soft_pixels(sharp) < soft_pixels(blown_up)


_PROBE = """
import sys
from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
import vsr.ui.app as app

def probe(path):
    gui = QGuiApplication.instance()
    icon = gui.windowIcon()
    print(QGuiApplication.desktopFileName())
    print(icon.isNull(), icon.pixmap(QSize(256, 256)).width(), gui.devicePixelRatio())
    big = icon.pixmap(QSize(32, 32), 2.0)
    print(big.width(), big.devicePixelRatio())
    return None

app.open_checked = probe
sys.exit(app.main([]))
"""


def test_the_app_names_its_desktop_entry_and_sets_a_scalable_window_icon(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VSR_")}
    env.update(QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2", VSR_LOG_DIR=str(tmp_path),
               PYTHONPATH=str(ROOT), HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1, done.stderr  # probe: "no library", after the app was set up
    desktop_name, icon, big = done.stdout.splitlines()
    assert desktop_name == "nl.samenleerwijzer.vsr"  # the installed .desktop file's name
    assert (ROOT / "resources" / "desktop" / f"{desktop_name}.desktop").is_file()
    assert icon == "False 512 2.0"  # an icon, drawn full size even at 256 px (512 device px)
    assert big == "64 2.0"  # sharp at the pixel ratio
