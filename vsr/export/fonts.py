"""The Unicode font for PDF exports: DejaVu Sans as shipped with the package (resources/fonts, so
Windows and macOS get it too), else the system's copy (Debian fonts-dejavu-core) or matplotlib's.
Without any, the PDF falls back to a core font and characters outside Latin-1 are replaced (the
text stays readable: ë, é are Latin-1). Emoji come from a symbol font when there is one
(`find_symbol_font`)."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

_SYSTEM_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/share/fonts/dejavu"),
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)


@dataclass(frozen=True, slots=True)
class FontFiles:
    regular: Path
    bold: Path


def _matplotlib_dir() -> Path | None:
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf"


def find_unicode_font() -> FontFiles | None:
    """DejaVu Sans regular and bold, or None when no copy is found."""
    from vsr.method import resource_path

    dirs = [resource_path("fonts"), *_SYSTEM_DIRS]
    mpl = _matplotlib_dir()
    if mpl is not None:
        dirs.append(mpl)
    for folder in dirs:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file():
            return FontFiles(regular, bold if bold.is_file() else regular)
    return None


# Symbola (Debian fonts-symbola) draws emoji and symbols as outlines: fpdf2 embeds them like
# letters, so 😀 in a note prints and can be searched and copied from the PDF.
_SYMBOL_FONTS = (
    Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"),
    Path("/usr/share/fonts/truetype/ancient-scripts/Symbola.ttf"),
    Path("/usr/share/fonts/TTF/Symbola.ttf"),
    Path("/usr/share/fonts/gdouros-symbola/Symbola.ttf"),
    Path("/Library/Fonts/Symbola.ttf"),
    Path("C:/Windows/Fonts/seguisym.ttf"),
)


def find_symbol_font() -> Path | None:
    """A font with emoji and symbols to fall back on, or None (then they are named in text)."""
    return next((path for path in _SYMBOL_FONTS if path.is_file()), None)
