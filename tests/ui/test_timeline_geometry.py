"""Pure timeline rules: time <-> pixels, layout, tick spacing, zoom/scroll, envelope reduction,
drag arithmetic and hit testing. No widget is created here."""

from __future__ import annotations

import numpy as np
import pytest
from vsr.ui.timeline.drag import MIN_RANGE_MS, dragged_span, drawn_range
from vsr.ui.timeline.envelope import column_peaks
from vsr.ui.timeline.geometry import TimeScale, make_layout
from vsr.ui.timeline.lanes import MarkerPart, hit_test, layout_markers
from vsr.ui.timeline.ticks import MIN_MINOR_PX, choose_ticks, tick_times
from vsr.ui.timeline.zoom import MAX_ZOOM_MS_PER_PX, ZoomScroll

from vsr.dates import HOUR_MS, clock
from vsr.model import Marker

# ---------------------------------------------------------------- time <-> pixels


def test_scale_maps_both_ways_with_offset_and_header() -> None:
    scale = TimeScale(ms_per_px=50.0, offset_ms=10_000.0, x0=120.0)
    assert scale.ms_to_x(10_000) == 120.0
    assert scale.ms_to_x(15_000) == 220.0
    assert scale.x_to_ms(220.0) == 15_000.0
    for ms in (0, 1234, 98_765):
        assert scale.x_to_ms(scale.ms_to_x(ms)) == pytest.approx(ms)


def test_layout_lanes_share_height_within_limits() -> None:
    layout = make_layout(800, 26 + 40 + 3 * 40, 3, header_w=100, ruler_h=26, envelope_h=40)
    assert layout.lane_h == 40
    assert layout.lanes_top == 66
    assert layout.lane_at(65) is None
    assert layout.lane_at(66) == 0
    assert layout.lane_at(66 + 40) == 1
    assert layout.lane_at(66 + 3 * 40) is None
    assert layout.in_ruler_zone(10) and layout.in_ruler_zone(50)
    assert not layout.in_time_area(99) and layout.in_time_area(100)
    tall = make_layout(800, 2000, 2, max_lane_h=52)
    assert tall.lane_h == 52
    short = make_layout(800, 50, 4, min_lane_h=30)
    assert short.lane_h == 30


@pytest.mark.parametrize(
    ("ms", "hours", "text"),
    [
        (0, False, "0:00"),
        (61_500, False, "1:01"),
        (3_599_999, False, "59:59"),
        (3_723_000, True, "1:02:03"),
        (5_000, True, "0:00:05"),
        (-20, False, "0:00"),
    ],
)
def test_ruler_clock(ms: int, hours: bool, text: str) -> None:
    """The ruler's labels are the one clock (vsr.dates): "1:01", not "01:01"."""
    assert clock(ms, HOUR_MS if hours else 0) == text


# ---------------------------------------------------------------- ticks


@pytest.mark.parametrize("ms_per_px", [10, 13, 37, 100, 250, 900, 3_000, 20_000, 100_000])
def test_ticks_leave_room_for_labels_at_every_zoom(ms_per_px: float) -> None:
    ticks = choose_ticks(ms_per_px, min_label_px=70)
    assert ticks.major_ms / ms_per_px >= 70 or ticks.major_ms == 10 * 3_600_000
    assert ticks.major_ms % ticks.minor_ms == 0
    if ticks.minor_ms != ticks.major_ms:
        assert ticks.minor_ms / ms_per_px >= MIN_MINOR_PX


def test_ticks_pick_the_finest_step_that_fits() -> None:
    assert choose_ticks(10, 70).major_ms == 1_000  # 100 px per second
    assert choose_ticks(10, 70).minor_ms == 100
    assert choose_ticks(100, 70).major_ms == 10_000  # 5 s would be only 50 px
    assert choose_ticks(1_000, 70).major_ms == 120_000  # 1 min = 60 px is too tight
    assert choose_ticks(1_000, 50).major_ms == 60_000


def test_tick_times_are_multiples_inside_range() -> None:
    assert list(tick_times(-2_500, 3_100, 1_000)) == [0, 1_000, 2_000, 3_000]
    assert list(tick_times(1_001, 4_000, 1_000)) == [2_000, 3_000, 4_000]


# ---------------------------------------------------------------- zoom and scroll


def _zoom(duration: int = 600_000, width: int = 1_000) -> ZoomScroll:
    z = ZoomScroll()
    z.set_width(width)
    z.set_duration(duration)
    return z


def test_fit_shows_whole_recording_and_refits_on_resize() -> None:
    z = _zoom()
    assert z.ms_per_px == 600.0
    assert z.visible_range() == (0, 600_000)
    z.set_width(500)
    assert z.ms_per_px == 1200.0  # still fitted


def test_zoom_keeps_time_under_anchor_and_respects_limits() -> None:
    z = _zoom()
    anchor_px = 300.0
    before = z.offset_ms + anchor_px * z.ms_per_px
    assert z.zoom_by(4.0, anchor_px)
    assert z.offset_ms + anchor_px * z.ms_per_px == pytest.approx(before)
    assert not z.fitted
    z.set_ms_per_px(0.5)
    assert z.ms_per_px == MAX_ZOOM_MS_PER_PX
    assert not z.zoom_by(2.0)  # already at max zoom
    z.set_ms_per_px(10**9)
    assert z.ms_per_px == z.fit_ms_per_px() and z.fitted and z.offset_ms == 0


def test_scroll_is_clamped_to_recording() -> None:
    z = _zoom()
    z.set_ms_per_px(100)  # 100 s visible of 600 s
    z.scroll_to(-5_000)
    assert z.offset_ms == 0
    z.scroll_to(10**9)
    assert z.visible_range() == (500_000, 600_000)
    z.scroll_to(0)
    assert z.scroll_by_px(10)
    assert z.offset_ms == 1_000


def test_ensure_visible_pages_when_time_leaves_view() -> None:
    z = _zoom()
    z.set_ms_per_px(100)
    z.scroll_to(0)  # 0..100 s in view
    assert not z.ensure_visible(50_000)
    assert z.ensure_visible(99_000)  # inside the right margin: turn the page
    start, end = z.visible_range()
    assert start < 99_000 < end - 10_000
    assert z.ensure_visible(5_000)  # jumped back before the view
    assert z.visible_range()[0] <= 5_000


# ---------------------------------------------------------------- envelope reduction


def test_column_peaks_takes_max_per_column() -> None:
    peaks = np.zeros(100, np.float32)
    peaks[17] = 0.9  # one short loud bucket must survive zooming out
    peaks[60:70] = 0.4
    cols = column_peaks(peaks, bucket_ms=10, offset_ms=0, ms_per_px=100, columns=10)
    assert cols.shape == (10,)
    assert cols[1] == pytest.approx(0.9)
    assert cols[6] == pytest.approx(0.4)
    assert cols[0] == 0 and cols[9] == 0


def test_column_peaks_handles_offsets_fine_zoom_and_past_end() -> None:
    peaks = np.linspace(0, 1, 50, dtype=np.float32)  # bucket i = i/49
    cols = column_peaks(peaks, bucket_ms=100, offset_ms=4_000, ms_per_px=25, columns=200)
    # Columns are finer than buckets: each column shows its bucket's value.
    assert cols[0] == pytest.approx(peaks[40])
    assert cols[3] == pytest.approx(peaks[40])
    assert cols[4] == pytest.approx(peaks[41])
    assert cols[39] == pytest.approx(peaks[49])
    assert np.all(cols[40:] == 0)  # past the end of the audio
    assert column_peaks(peaks, 100, 0, 10, 0).shape == (0,)


def test_column_peaks_one_hour_envelope_visible_slice() -> None:
    rng = np.random.default_rng(0)
    peaks = rng.random(360_000).astype(np.float32)  # 1 h at 10 ms buckets
    cols = column_peaks(peaks, 10, offset_ms=1_800_000, ms_per_px=50, columns=1_000)
    expected = peaks[180_000:185_000].reshape(1_000, 5).max(axis=1)
    np.testing.assert_allclose(cols, expected)


# ---------------------------------------------------------------- drag arithmetic


def test_move_keeps_length_and_clamps() -> None:
    assert dragged_span(MarkerPart.BODY, 1_000, 3_000, 500, 10_000) == (1_500, 3_500)
    assert dragged_span(MarkerPart.BODY, 1_000, 3_000, -5_000, 10_000) == (0, 2_000)
    assert dragged_span(MarkerPart.BODY, 1_000, 3_000, 50_000, 10_000) == (8_000, 10_000)
    assert dragged_span(MarkerPart.BODY, 1_000, None, -5_000, 10_000) == (0, None)
    assert dragged_span(MarkerPart.BODY, 1_000, None, 50_000, 10_000) == (10_000, None)


def test_resize_keeps_minimum_length_and_clamps() -> None:
    assert dragged_span(MarkerPart.END, 1_000, 3_000, 400, 10_000) == (1_000, 3_400)
    assert dragged_span(MarkerPart.END, 1_000, 3_000, -9_000, 10_000) == (
        1_000,
        1_000 + MIN_RANGE_MS,
    )
    assert dragged_span(MarkerPart.END, 1_000, 3_000, 99_000, 10_000) == (1_000, 10_000)
    assert dragged_span(MarkerPart.START, 1_000, 3_000, -400, 10_000) == (600, 3_000)
    assert dragged_span(MarkerPart.START, 1_000, 3_000, -9_000, 10_000) == (0, 3_000)
    assert dragged_span(MarkerPart.START, 1_000, 3_000, 9_000, 10_000) == (
        3_000 - MIN_RANGE_MS,
        3_000,
    )


def test_drawn_range_orders_clamps_and_has_minimum_length() -> None:
    assert drawn_range(5_000, 2_000, 10_000) == (2_000, 5_000)
    assert drawn_range(-300, 400, 10_000) == (0, 400)
    assert drawn_range(9_990, 9_995, 10_000) == (9_900, 10_000)
    assert drawn_range(1_000, 1_020, 10_000) == (1_000, 1_100)


# ---------------------------------------------------------------- hit testing


def _geometries(hidden: frozenset[int] = frozenset()):  # type: ignore[no-untyped-def]
    layout = make_layout(
        1_100, 26 + 40 * 2, 2, header_w=100, ruler_h=26, envelope_h=0, min_lane_h=40, max_lane_h=40
    )
    scale = TimeScale(ms_per_px=10.0, offset_ms=0.0, x0=100.0)  # x = 100 + ms / 10
    markers = [
        Marker(1, 1, 10, 1_000, None),  # x 200, lane 0
        Marker(2, 1, 20, 2_000, 6_000),  # x 300..700, lane 1
        Marker(3, 1, 10, 50_000, None),  # far off to the right: not laid out
    ]
    return layout, layout_markers(markers, {10: 0, 20: 1}, hidden, layout, scale)


def test_layout_skips_invisible_and_hidden_markers() -> None:
    _, geos = _geometries()
    assert [g.marker_id for g in geos] == [1, 2]
    _, geos = _geometries(hidden=frozenset({20}))
    assert [g.marker_id for g in geos] == [1]


def test_hit_test_parts() -> None:
    layout, geos = _geometries()
    lane0_y = layout.lane_rect(0).y + 20
    lane1_y = layout.lane_rect(1).y + 20
    hit = hit_test(geos, 203, lane0_y)
    assert hit is not None and (hit.marker_id, hit.part) == (1, MarkerPart.BODY)
    assert hit_test(geos, 230, lane0_y) is None
    assert hit_test(geos, 200, lane1_y) is None  # right time, wrong lane
    edge = hit_test(geos, 698, lane1_y)
    assert edge is not None and edge.part is MarkerPart.END
    edge = hit_test(geos, 301, lane1_y)
    assert edge is not None and edge.part is MarkerPart.START
    body = hit_test(geos, 500, lane1_y)
    assert body is not None and (body.marker_id, body.part) == (2, MarkerPart.BODY)
    glyph = hit_test(geos, 310, lane1_y)  # the glyph at the range's start moves it
    assert glyph is not None and glyph.part is MarkerPart.BODY


def test_hidden_party_markers_are_not_hit() -> None:
    layout, geos = _geometries(hidden=frozenset({10}))
    assert hit_test(geos, 200, layout.lane_rect(0).y + 20) is None
