"""What a timeline repaint costs, counted (not timed): only visible markers are laid out, markers
sharing a pixel column are drawn once, a new selection or a loop change lays nothing out again,
and the unselected markers are drawn in a few batched calls."""

from __future__ import annotations

import numpy as np
import vsr.ui.timeline.canvas as canvas_module
import vsr.ui.timeline.static_layer as static_layer
from PySide6.QtGui import QPainter
from vsr.ui.timeline import TimelinePanel
from vsr.ui.timeline.geometry import TimeScale, make_layout
from vsr.ui.timeline.lanes import GLYPH_R, layout_markers

from vsr.model import Marker, MarkerShape, Party, PartyRole

HOUR_MS = 3_600_000


def _markers(count: int) -> list[Marker]:
    starts = np.sort(np.random.default_rng(3).integers(0, HOUR_MS - 60_000, count))
    return [Marker(i + 1, 1, i % 2, int(s), int(s) + 20_000 if i % 3 == 0 else None)
            for i, s in enumerate(starts)]


def test_dense_markers_are_laid_out_once_per_pixel_column_and_lane() -> None:
    layout = make_layout(1100, 200, 2, header_w=100, envelope_h=0)
    scale = TimeScale(HOUR_MS / 1000, 0.0, layout.time_x0)  # the whole hour in 1000 px
    geos = layout_markers(_markers(5_000), {0: 0, 1: 1}, set(), layout, scale)
    assert len(geos) <= 2 * 1000 + 2
    for lane in (0, 1):
        columns = [int(g.x_start) for g in geos if g.lane == lane]
        assert len(columns) == len(set(columns))  # never two in one column
        glyphs = [g.glyph_cx for g in geos if g.lane == lane and g.glyph]
        assert all(b - a >= GLYPH_R for a, b in zip(glyphs, glyphs[1:], strict=False))
    # Zoomed in, markers apart from each other all get drawn, each with its glyph.
    near = TimeScale(50.0, 1_000_000.0, layout.time_x0)
    spaced = [Marker(i + 1, 1, 0, 1_000_000 + i * 2_000, None) for i in range(20)]
    shown = layout_markers(spaced, {0: 0}, set(), layout, near)
    assert len(shown) == 20 and all(g.glyph for g in shown)


def test_only_visible_markers_are_laid_out() -> None:
    layout = make_layout(1100, 200, 2, header_w=100, envelope_h=0)
    scale = TimeScale(100.0, 1_800_000.0, layout.time_x0)  # 100 s of the hour in view
    markers = _markers(5_000)
    geos = layout_markers(markers, {0: 0, 1: 1}, set(), layout, scale)
    margin = 3 * GLYPH_R * 100
    for g in geos:
        m = next(m for m in markers if m.id == g.marker_id)
        assert (m.end_ms or m.start_ms) >= 1_800_000 - margin
        assert m.start_ms <= 1_900_000 + margin
    assert 0 < len(geos) < 300


def _panel(qtbot, count: int) -> TimelinePanel:  # type: ignore[no-untyped-def]
    panel = TimelinePanel()
    qtbot.addWidget(panel)
    panel.resize(1200, 220)
    view = panel.view
    view.set_duration(HOUR_MS)
    view.set_parties([Party(i, 1, PartyRole.OTHER, f"P{i}", c, s, i) for i, (c, s) in enumerate(
        [("#2563eb", MarkerShape.CIRCLE), ("#ea580c", MarkerShape.TRIANGLE)])])
    view.set_markers(_markers(count))
    panel.show()
    qtbot.waitExposed(panel)
    _painted(qtbot, view)
    return panel


def _painted(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    """Wait until the view has painted its marker layer again."""
    view.update()
    qtbot.waitUntil(lambda: view._scene._full is not None)


def test_selection_and_loop_changes_lay_out_no_markers_again(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, 3_000)
    view = panel.view
    laid_out: list[int] = []
    original = canvas_module.layout_markers

    def counting(markers, *args, **kwargs):  # type: ignore[no-untyped-def]
        markers = list(markers)
        laid_out.append(len(markers))
        return original(markers, *args, **kwargs)

    monkeypatch.setattr(canvas_module, "layout_markers", counting)
    whole = canvas_module.MarkerLayout

    def counting_whole(markers, *args, **kwargs):  # type: ignore[no-untyped-def]
        markers = list(markers)
        laid_out.append(len(markers))
        return whole(markers, *args, **kwargs)

    monkeypatch.setattr(canvas_module, "MarkerLayout", counting_whole)
    view.set_selected_marker(5)
    _painted(qtbot, view)
    view.set_loop_range(0, 60_000)
    _painted(qtbot, view)
    view.set_position(90_000)
    _painted(qtbot, view)
    assert laid_out == [1]  # the selected marker, nothing else
    view.zoom_in()
    _painted(qtbot, view)
    assert laid_out[1:] and laid_out[1] == 3_000  # a new zoom lays them out again


def test_unselected_markers_are_drawn_in_batches(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, 3_000)
    view = panel.view
    single: list[int] = []
    batched: list[int] = []
    real_marker, real_batch = static_layer.paint_marker, static_layer.paint_batch
    monkeypatch.setattr(static_layer, "paint_marker",
                        lambda *a, **k: (single.append(1), real_marker(*a, **k)))

    def batch(painter: QPainter, b, party):  # type: ignore[no-untyped-def]
        batched.append(len(b.lines) + len(b.rects) + len(b.wide))
        real_batch(painter, b, party)

    monkeypatch.setattr(static_layer, "paint_batch", batch)
    view.set_selected_marker(7)
    _painted(qtbot, view)
    assert single == [1]  # only the selected marker is drawn on its own
    assert len(batched) == 2  # one batch per party


def test_the_kept_envelope_band_follows_a_new_look(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The envelope band is kept as a picture between repaints (a loop range dragged over it
    copies it): when the timeline's colours change, it is painted again in the new ones."""
    from PySide6.QtGui import QColor

    class Envelope:
        bucket_ms = 10
        peaks = np.full(HOUR_MS // 10, 0.5, np.float32)

    from vsr.ui.timeline.theme import COLORS

    panel = _panel(qtbot, 10)
    view = panel.view
    view.set_envelope(Envelope())
    layout = view.current_layout()
    x, y = layout.time_x0 + 5, layout.envelope_top + 2  # envelope background, above the wave
    before = view.grab().toImage().pixelColor(x, y)
    old = COLORS.envelope_bg
    try:
        COLORS.envelope_bg = QColor("#102030")
        view.set_loop_range(3_000_000, 3_100_000)  # a repaint of the background, band kept
        after = view.grab().toImage().pixelColor(x, y)
    finally:
        COLORS.envelope_bg = old
    assert before != after and after == QColor("#102030")
