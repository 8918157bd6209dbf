"""The pictograms as PNG for the PDF and DOCX summaries.

The SVGs in resources/pictograms are drawn to PNG at build time with Qt's own SVG renderer
(_build/vsr_assets.py: the package build, scripts/build_assets.py, scripts/setup.sh), the renderer
the app shows them with, so the core needs neither Qt nor an SVG renderer of its own. A PNG that
was never built is an error that says how to build it, never a guessed picture."""

from __future__ import annotations

from functools import cache
from pathlib import Path

RENDERED_DIR = "png"  # the same name as in _build/vsr_assets.py


class PictogramNotRenderedError(RuntimeError):
    """The PNG of a pictogram is missing: the assets of this checkout were not built. Not an
    OSError on purpose: the export would report it as a full or read-only folder; as an
    unexpected error it is logged and shown with its message (ui.dialogs.error_text)."""


def rendered_path(svg: Path) -> Path:
    """Where the build put the PNG of the pictogram `svg`."""
    return svg.parent / RENDERED_DIR / f"{svg.stem}.png"


@cache
def rendered_png(svg: Path) -> bytes:
    """The PNG of the pictogram `svg` (read once per file)."""
    png = rendered_path(svg)
    try:
        return png.read_bytes()
    except FileNotFoundError:
        raise PictogramNotRenderedError(
            f"The pictogram {svg.name} has no rendered PNG ({png}). The package build draws "
            "them; in a checkout run: python scripts/build_assets.py") from None
