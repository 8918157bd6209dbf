"""Issue 19, high contrast: with a high-contrast palette on the app (dark or light), the timeline
paints in that palette's colours, with texts at 4.5:1 or more and lines, glyph edges and the
focus ring at 3:1 or more on what they are painted on (WCAG 1.4.3, 1.4.11; EN 301 549 9.1.4.3,
9.1.4.11). Measured on the colours it uses and on the pixels it paints."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication
from vsr.ui.accessibility_colors import (
    TEXT_CONTRAST,
    UI_CONTRAST,
    contrast_ratio,
    high_contrast_on,
    is_high_contrast_palette,
)
from vsr.ui.accessibility_focus import FOCUS_COLOR, FocusRing
from vsr.ui.timeline import TimelineView
from vsr.ui.timeline.theme import COLORS, darker_outline, use_application_palette

from vsr.model import Marker, MarkerShape, Party, PartyRole

DURATION = 100_000
# Party colours that nearly vanish on the high-contrast backgrounds: the glyph's edge must
# carry the contrast, not the fill.
PARTIES = [Party(1, 1, PartyRole.PROFESSIONAL, "Sanne", "#1a1a2e", MarkerShape.CIRCLE, 0),
           Party(2, 1, PartyRole.CLIENT, "Mo", "#fff59d", MarkerShape.DIAMOND, 1)]
MARKERS = [Marker(1, 1, 1, 30_000, None), Marker(2, 1, 2, 60_000, None)]


def contrast_palette(dark: bool) -> QPalette:
    """Black or white as Windows' contrast themes and GTK's HighContrast(Inverse) set them."""
    back, ink = (QColor("#000000"), QColor("#ffffff")) if dark else (
        QColor("#ffffff"), QColor("#000000"))
    highlight = QColor("#1aebff") if dark else QColor("#37006e")
    palette = QPalette()
    role = QPalette.ColorRole
    for r in (role.Window, role.Base, role.Button, role.AlternateBase, role.ToolTipBase):
        palette.setColor(r, back)
    for r in (role.WindowText, role.Text, role.ButtonText, role.ToolTipText, role.BrightText):
        palette.setColor(r, ink)
    palette.setColor(role.Highlight, highlight)
    palette.setColor(role.HighlightedText, back)
    palette.setColor(role.Link, QColor("#ffff00") if dark else QColor("#00009f"))
    return palette


@pytest.fixture(params=["dark", "light"])
def contrast(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[QPalette]:
    normal = qapp.palette()
    palette = contrast_palette(request.param == "dark")
    qapp.setPalette(palette)
    try:
        yield palette
    finally:
        qapp.setPalette(normal)
        use_application_palette()


@pytest.fixture
def view(qtbot, contrast: QPalette) -> TimelineView:  # type: ignore[no-untyped-def]
    v = TimelineView()
    qtbot.addWidget(v)
    v.resize(900, 160)
    v.set_duration(DURATION)
    v.set_parties(PARTIES)
    v.set_markers(MARKERS)
    v.set_position(45_000)
    v.show()
    qtbot.waitExposed(v)
    return v


def pixels(image: QImage, x0: int, y0: int, x1: int, y1: int) -> list[QColor]:
    return [image.pixelColor(x, y) for x in range(max(0, x0), min(image.width(), x1))
            for y in range(max(0, y0), min(image.height(), y1))]


def best_contrast(colors: list[QColor], background: QColor) -> float:
    return max(contrast_ratio(c, background) for c in colors)


def test_the_palettes_are_seen_as_high_contrast_and_ordinary_ones_not(qapp) -> None:  # type: ignore[no-untyped-def]
    assert is_high_contrast_palette(contrast_palette(True))
    assert is_high_contrast_palette(contrast_palette(False))
    from PySide6.QtWidgets import QStyleFactory

    fusion = QStyleFactory.create("Fusion")
    assert fusion is not None and not is_high_contrast_palette(fusion.standardPalette())
    dark = QPalette(QColor("#353535"))  # an ordinary dark palette: grey, not black
    assert not is_high_contrast_palette(dark)


def test_colours_meet_the_ratios_on_their_backgrounds(view: TimelineView,
                                                      contrast: QPalette) -> None:
    assert COLORS.high_contrast and high_contrast_on()
    role = QPalette.ColorRole
    assert COLORS.background == contrast.color(role.Base)
    assert COLORS.header_bg == contrast.color(role.Window)
    backgrounds = {"background": COLORS.background, "header": COLORS.header_bg,
                   "ruler": COLORS.ruler_bg}
    for fg in ("text", "text_muted", "playhead"):
        for where, bg in backgrounds.items():
            assert contrast_ratio(getattr(COLORS, fg), bg) >= TEXT_CONTRAST, (fg, where)
    for fg in ("border", "tick", "focus", "selection", "loop_edge", "envelope_fill"):
        assert contrast_ratio(getattr(COLORS, fg), COLORS.background) >= UI_CONTRAST, fg
    for party in PARTIES:  # the glyphs' edge, on the (untinted) lane
        edge = darker_outline(QColor(party.color))
        assert contrast_ratio(edge, COLORS.background) >= UI_CONTRAST, party.name
        assert contrast_ratio(edge, COLORS.header_bg) >= UI_CONTRAST, party.name
    assert COLORS.lane_tint_alpha == 0  # no tint: the lane is the palette's own background


def test_painted_pixels_meet_the_ratios(view: TimelineView, contrast: QPalette) -> None:
    image = view.grab().toImage()
    layout = view.current_layout()
    lane = layout.lane_rect(0)
    empty_x = int(view.x_for_time(85_000))
    background = image.pixelColor(empty_x, int(lane.y + lane.h / 2))
    assert contrast_ratio(background, contrast.color(QPalette.ColorRole.Base)) < 1.1
    for party in PARTIES:  # each glyph has an edge of 3:1 on its lane
        marker = next(m for m in MARKERS if m.party_id == party.id)
        x, y = int(view.x_for_time(marker.start_ms)), int(view.lane_center_y(party.id) or 0)
        around = pixels(image, x - 12, y - 12, x + 13, y + 13)
        assert best_contrast(around, background) >= UI_CONTRAST, party.name
    # For one of them the fill alone (the party's colour) would not be enough: the edge is.
    assert min(contrast_ratio(p.color, background) for p in PARTIES) < UI_CONTRAST
    header = image.pixelColor(layout.header_w - 8, int(lane.y + 3))
    for party in PARTIES:  # the names in the header: text at 4.5:1
        y = int(view.lane_center_y(party.id) or 0)
        name = pixels(image, 30, y - 8, int(layout.header_w) - 4, y + 8)
        assert best_contrast(name, header) >= TEXT_CONTRAST, party.name
    ruler = image.pixelColor(int(view.x_for_time(90_000)), 2)
    times = pixels(image, int(layout.header_w), 0, image.width(), int(layout.ruler_h))
    assert best_contrast(times, ruler) >= TEXT_CONTRAST  # the ruler's times and the playhead
    playhead_x = int(view.x_for_time(45_000))
    line = pixels(image, playhead_x - 1, int(lane.y) + 2, playhead_x + 2, int(lane.y) + 6)
    assert best_contrast(line, background) >= UI_CONTRAST
    # The timeline's own focus frame.
    view.setFocus()
    QApplication.processEvents()
    focused = view.grab().toImage()
    frame = pixels(focused, 1, image.height() // 2, 3, image.height() // 2 + 1)
    assert best_contrast(frame, background) >= UI_CONTRAST


def test_the_focus_ring_uses_the_palette(qtbot, view: TimelineView,  # type: ignore[no-untyped-def]
                                         contrast: QPalette) -> None:
    ring = FocusRing(view)
    ring.setWidget(None)
    color = ring.ring_color()
    assert color != QColor(FOCUS_COLOR)
    window = contrast.color(QPalette.ColorRole.Window)
    assert contrast_ratio(color, window) >= UI_CONTRAST


def test_the_light_look_comes_back_with_an_ordinary_palette(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    normal = qapp.palette()
    qapp.setPalette(contrast_palette(True))
    v = TimelineView()
    qtbot.addWidget(v)
    assert COLORS.high_contrast
    qapp.setPalette(normal)
    QApplication.processEvents()
    assert not COLORS.high_contrast and COLORS.background == QColor("#ffffff")
    assert COLORS.marker_outline is None
    v.close()
