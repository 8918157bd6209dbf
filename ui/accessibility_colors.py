"""Contrast as WCAG 2.1 measures it, and whether the system asks for high contrast."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

TEXT_CONTRAST = 4.5  # WCAG 1.4.3, normal text
UI_CONTRAST = 3.0  # WCAG 1.4.11, focus rings and control borders


def relative_luminance(color: str | QColor) -> float:
    c = QColor(color)

    def channel(value: int) -> float:
        s = value / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast_ratio(foreground: str | QColor, background: str | QColor) -> float:
    """1.0 (same colour) to 21.0 (black on white)."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def readable_on(background: str) -> str:
    """Black or white, whichever has the higher contrast on `background`."""
    return ("#000000" if contrast_ratio("#000000", background)
            >= contrast_ratio("#ffffff", background) else "#ffffff")


def high_contrast_on() -> bool:
    """The system asks for high contrast (Qt 6.10's contrast preference, a GTK high-contrast
    theme, a high-contrast palette, or VSR_HIGH_CONTRAST=1 for systems that tell Qt
    nothing)."""
    if os.environ.get("VSR_HIGH_CONTRAST") == "1":
        return True
    if QGuiApplication.instance() is not None and is_high_contrast_palette(
            QGuiApplication.palette()):
        return True
    if "highcontrast" in os.environ.get("GTK_THEME", "").replace("-", "").lower():
        return True
    hints = QGuiApplication.styleHints() if QGuiApplication.instance() is not None else None
    preference = getattr(hints, "contrastPreference", None)
    high = getattr(getattr(Qt, "ContrastPreference", None), "HighContrast", None)
    return preference is not None and high is not None and preference() == high


def is_high_contrast_palette(palette: QPalette) -> bool:
    """A high-contrast palette (Windows' contrast themes, GTK's HighContrast and
    HighContrastInverse): text against a (nearly) pure black or white window, at 15:1 or more
    for the window's and the fields' text. The ordinary light and dark palettes have grey
    windows (#efefef, #353535)."""
    role = QPalette.ColorRole
    window, base = palette.color(role.Window), palette.color(role.Base)
    extreme = relative_luminance(window) <= 0.003 or relative_luminance(window) >= 0.97
    return (extreme and contrast_ratio(palette.color(role.WindowText), window) >= 15
            and contrast_ratio(palette.color(role.Text), base) >= 15)
