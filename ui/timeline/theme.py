"""Colours and sizes of the timeline's light look, in one place so the painters agree; and its
high-contrast look (`use_palette`), taken from the system's high-contrast palette."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from ..accessibility_colors import TEXT_CONTRAST, UI_CONTRAST, contrast_ratio


class TimelineColors:
    """The light theme's colours (class attributes: one shared, read-only palette)."""

    background: QColor = QColor("#ffffff")
    header_bg: QColor = QColor("#f5f6f8")
    ruler_bg: QColor = QColor("#f5f6f8")
    border: QColor = QColor("#d9dde3")
    grid: QColor = QColor(17, 24, 39, 18)  # faint major-tick lines through the lanes
    tick: QColor = QColor("#8b95a3")
    text: QColor = QColor("#1f2933")
    text_muted: QColor = QColor("#5f6875")  # 5.2:1 on the ruler (was #6b7583, 4.3:1)
    envelope_bg: QColor = QColor("#fbfbfc")
    envelope_axis: QColor = QColor("#dde2e8")
    envelope_fill: QColor = QColor("#a9b8cc")
    envelope_edge: QColor = QColor("#7f93ad")
    playhead: QColor = QColor("#d62839")
    loop_fill: QColor = QColor(37, 99, 235, 34)
    loop_edge: QColor = QColor(37, 99, 235, 170)
    selection: QColor = QColor("#111827")
    focus: QColor = QColor("#2563eb")
    draw_preview: QColor = QColor(17, 24, 39, 150)
    halo: QColor = QColor("#ffffff")  # the thin ring around a marker's glyph
    # The glyphs' outline: None is a darker shade of the party colour; in high contrast the
    # text colour, so every glyph has an edge of at least 3:1 on its lane.
    marker_outline: QColor | None = None
    lane_tint_alpha: int = 26
    hidden_lane_alpha: int = 10
    high_contrast: bool = False


COLORS = TimelineColors()

LANE_TINT_ALPHA = TimelineColors.lane_tint_alpha  # party colour behind its lane: a hint
HIDDEN_LANE_ALPHA = TimelineColors.hidden_lane_alpha
_LIGHT = {name: value for name, value in vars(TimelineColors).items()
          if not name.startswith("_") and not callable(value)}


def _pick(background: QColor, least: float, *candidates: QColor) -> QColor:
    """The first candidate with at least `least`:1 on `background`, else black or white."""
    for color in candidates:
        if color.isValid() and contrast_ratio(color, background) >= least:
            return QColor(color)
    return QColor("#000000") if contrast_ratio("#000000", background) >= contrast_ratio(
        "#ffffff", background) else QColor("#ffffff")


def use_palette(palette: QPalette | None, high_contrast: bool | None = None) -> bool:
    """The timeline's colours for `palette`: the light look, or with a high-contrast palette
    (or `high_contrast`, when the system said so) colours from that palette, each checked:
    texts at least 4.5:1 and lines, glyph edges and the focus ring at least 3:1 on the
    backgrounds they are painted on. True when the look changed (repaint)."""
    if high_contrast is None:
        from ..accessibility_colors import high_contrast_on, is_high_contrast_palette

        high_contrast = palette is not None and (
            is_high_contrast_palette(palette) or high_contrast_on())
    before = {name: getattr(COLORS, name) for name in _LIGHT}
    for name in _LIGHT:  # back to the light look
        if name in vars(COLORS):
            delattr(COLORS, name)
    if high_contrast and palette is not None:
        role = QPalette.ColorRole
        back = QColor(palette.color(role.Base))
        back.setAlpha(255)
        header = QColor(palette.color(role.Window))
        header.setAlpha(255)
        text = _pick(back, 7.0, palette.color(role.Text), palette.color(role.WindowText))
        text = text if contrast_ratio(text, header) >= TEXT_CONTRAST else _pick(header, 7.0, text)
        accent = _pick(back, UI_CONTRAST, palette.color(role.Highlight),
                       palette.color(role.Link), text)
        if contrast_ratio(accent, header) < TEXT_CONTRAST:
            accent = text  # the playhead's time is text on the ruler
        grid = QColor(text)
        grid.setAlpha(60)
        loop = QColor(accent)
        loop.setAlpha(40)
        preview = QColor(text)
        for name, value in {
            "background": back, "header_bg": header, "ruler_bg": header, "envelope_bg": back,
            "border": text, "grid": grid, "tick": text, "text": text, "text_muted": text,
            "envelope_axis": text, "envelope_fill": text, "envelope_edge": text,
            "playhead": accent, "loop_fill": loop, "loop_edge": accent, "selection": accent,
            "focus": accent, "draw_preview": preview, "halo": back, "marker_outline": text,
            "lane_tint_alpha": 0, "hidden_lane_alpha": 0, "high_contrast": True,
        }.items():
            setattr(COLORS, name, value)
    changed = any(getattr(COLORS, name) != value for name, value in before.items())
    if changed:
        _forget_painted_looks()
    return changed


def use_application_palette() -> bool:
    app = QGuiApplication.instance()
    return use_palette(QGuiApplication.palette() if app is not None else None)


def _forget_painted_looks() -> None:
    """The painters keep pens and glyph pictures per look: drop them when the look changes."""
    from . import marker_paint

    marker_paint.forget_looks()


def party_color(hex_color: str) -> QColor:
    """The party's colour, or a neutral grey when the stored value is not a valid colour."""
    color = QColor(hex_color)
    return color if color.isValid() else QColor("#6b7280")


def darker_outline(color: QColor) -> QColor:
    """An outline one step darker than the fill, so light party colours still have an edge
    (in high contrast the text colour: an edge of at least 3:1 on any lane)."""
    if COLORS.marker_outline is not None:
        return QColor(COLORS.marker_outline)
    return color.darker(150)
