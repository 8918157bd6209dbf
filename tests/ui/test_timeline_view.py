"""TimelineView behaviour through real Qt mouse, wheel and key events (offscreen)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from vsr.ui.timeline import TimelinePanel, TimelineView
from vsr.ui.timeline.marker_text import marker_tooltip

from vsr.model import Marker, MarkerShape, Party, PartyRole

DURATION = 100_000
NO_MODS = Qt.KeyboardModifier.NoModifier


@dataclass
class FakeEnvelope:
    bucket_ms: int
    peaks: np.ndarray


def _parties() -> list[Party]:
    # Given out of order: lanes follow `position`, not list order.
    return [
        Party(30, 1, PartyRole.OTHER, "Tolk", "#16a34a", MarkerShape.TRIANGLE, 2),
        Party(10, 1, PartyRole.PROFESSIONAL, "Sanne", "#2563eb", MarkerShape.CIRCLE, 0),
        Party(20, 1, PartyRole.CLIENT, "Mo", "#ea580c", MarkerShape.SQUARE, 1),
    ]


def _markers() -> list[Marker]:
    return [
        Marker(1, 1, 10, 10_000, None, "samenwerking"),
        Marker(2, 1, 20, 20_000, 30_000, "bereiken"),
        Marker(3, 1, 30, 50_000, None),
    ]


class Recorder:
    """Collects every emitted signal of a view, in order."""

    def __init__(self, view: TimelineView) -> None:
        self.events: list[tuple[object, ...]] = []
        for name in (
            "seek_requested",
            "marker_clicked",
            "marker_double_clicked",
            "marker_moving",
            "marker_move_finished",
            "range_drawn",
            "zoom_changed",
        ):
            getattr(view, name).connect(lambda *a, n=name: self.events.append((n, *a)))

    def of(self, name: str) -> list[tuple[object, ...]]:
        return [e[1:] for e in self.events if e[0] == name]


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[TimelineView]:
    v = TimelineView()
    qtbot.addWidget(v)
    v.resize(1_100, 220)
    v.set_duration(DURATION)
    v.set_parties(_parties())
    v.set_markers(_markers())
    v.set_envelope(FakeEnvelope(10, np.full(DURATION // 10, 0.5, np.float32)))
    v.show()
    qtbot.waitExposed(v)
    yield v


def _send_mouse(
    view: TimelineView,
    kind: QEvent.Type,
    x: float,
    y: float,
    mods: Qt.KeyboardModifier = NO_MODS,
    held: bool = True,
) -> None:
    pos = QPointF(x, y)
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    buttons = Qt.MouseButton.LeftButton if held else Qt.MouseButton.NoButton
    event = QMouseEvent(kind, pos, view.mapToGlobal(pos), button, buttons, mods)
    QApplication.sendEvent(view, event)


def press(view: TimelineView, x: float, y: float, mods: Qt.KeyboardModifier = NO_MODS) -> None:
    _send_mouse(view, QEvent.Type.MouseButtonPress, x, y, mods)


def move(view: TimelineView, x: float, y: float, mods: Qt.KeyboardModifier = NO_MODS) -> None:
    _send_mouse(view, QEvent.Type.MouseMove, x, y, mods)


def release(view: TimelineView, x: float, y: float) -> None:
    _send_mouse(view, QEvent.Type.MouseButtonRelease, x, y, held=False)


def drag(
    view: TimelineView, x0: float, y: float, x1: float, mods: Qt.KeyboardModifier = NO_MODS
) -> None:
    press(view, x0, y, mods)
    for i in range(1, 6):
        move(view, x0 + (x1 - x0) * i / 5, y, mods)
    release(view, x1, y)


def wheel(
    view: TimelineView, x: float, y: float, notches: float, mods: Qt.KeyboardModifier = NO_MODS
) -> None:
    pos = QPointF(x, y)
    event = QWheelEvent(
        pos,
        view.mapToGlobal(pos),
        QPoint(),
        QPoint(0, int(120 * notches)),
        Qt.MouseButton.NoButton,
        mods,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view, event)


def lane_y(view: TimelineView, party_id: int) -> float:
    y = view.lane_center_y(party_id)
    assert y is not None
    return y


# ---------------------------------------------------------------- clicks


def test_lanes_follow_party_position(view: TimelineView) -> None:
    assert lane_y(view, 10) < lane_y(view, 20) < lane_y(view, 30)


def test_click_on_marker_selects_and_seeks_to_its_start(view: TimelineView) -> None:
    rec = Recorder(view)
    x = view.x_for_time(10_000)
    press(view, x, lane_y(view, 10))
    release(view, x, lane_y(view, 10))
    assert rec.of("marker_clicked") == [(1,)]
    assert rec.of("seek_requested") == [(10_000,)]
    assert view.selected_marker() == 1
    assert rec.of("marker_move_finished") == []


def test_small_wobble_is_still_a_click(view: TimelineView) -> None:
    rec = Recorder(view)
    x, y = view.x_for_time(25_000), lane_y(view, 20)
    press(view, x, y)
    move(view, x + 2, y + 1)
    release(view, x + 3, y + 1)
    assert rec.of("marker_clicked") == [(2,)]
    assert rec.of("seek_requested") == [(20_000,)]
    assert rec.of("marker_moving") == [] and rec.of("marker_move_finished") == []


def test_double_click_on_marker(view: TimelineView, qtbot: QtBot) -> None:
    rec = Recorder(view)
    pos = QPoint(int(view.x_for_time(50_000)), int(lane_y(view, 30)))
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=pos)
    assert rec.of("marker_double_clicked") == [(3,)]


def test_click_on_empty_lane_seeks_there(view: TimelineView) -> None:
    rec = Recorder(view)
    x, y = view.x_for_time(70_000), lane_y(view, 20)
    press(view, x, y)
    release(view, x, y)
    assert rec.of("seek_requested") == [(view.time_at(x),)]
    assert abs(view.time_at(x) - 70_000) <= view.ms_per_px()
    assert rec.of("marker_clicked") == []
    assert view.position() == view.time_at(x)


def test_click_in_header_does_nothing(view: TimelineView) -> None:
    rec = Recorder(view)
    press(view, 5, lane_y(view, 10))
    release(view, 5, lane_y(view, 10))
    assert rec.events == []


def test_hidden_party_markers_are_not_drawn_or_hit(view: TimelineView) -> None:
    view.set_hidden_parties({10})
    rec = Recorder(view)
    x, y = view.x_for_time(10_000), lane_y(view, 10)
    press(view, x, y)
    release(view, x, y)
    assert rec.of("marker_clicked") == []
    assert rec.of("seek_requested") == [(view.time_at(x),)]


# ---------------------------------------------------------------- scrubbing


def test_ruler_scrub_emits_continuously_and_ignores_player_meanwhile(view: TimelineView) -> None:
    rec = Recorder(view)
    y = 10  # in the ruler
    press(view, view.x_for_time(10_000), y)
    move(view, view.x_for_time(20_000), y)
    view.set_position(90_000)  # the player reports its (old) position: must not win
    assert view.position() == view.time_at(view.x_for_time(20_000))
    move(view, view.x_for_time(30_000), y)
    release(view, view.x_for_time(30_000), y)
    seeks = [s[0] for s in rec.of("seek_requested")]
    assert len(seeks) >= 3
    assert seeks == sorted(seeks)
    assert abs(seeks[-1] - 30_000) <= view.ms_per_px()
    view.set_position(90_000)  # after release the player is followed again
    assert view.position() == 90_000


def test_scrub_clamps_to_recording(view: TimelineView) -> None:
    rec = Recorder(view)
    press(view, view.x_for_time(5_000), 10)
    move(view, view.width() + 300, 10)
    release(view, view.width() + 300, 10)
    assert rec.of("seek_requested")[-1] == (DURATION,)


# ---------------------------------------------------------------- marker drags


def test_drag_range_body_moves_and_keeps_length(view: TimelineView) -> None:
    rec = Recorder(view)
    y = lane_y(view, 20)
    x0 = view.x_for_time(25_000)
    drag(view, x0, y, x0 + 50)
    shift = view.time_at(x0 + 50) - view.time_at(x0)
    finished = rec.of("marker_move_finished")
    assert finished == [(2, 20_000 + shift, 30_000 + shift)]
    assert shift > 4_000
    assert rec.of("marker_moving")  # live feedback during the drag
    assert rec.of("marker_clicked") == []
    assert rec.of("seek_requested") == []


def test_drag_range_end_edge_resizes(view: TimelineView) -> None:
    rec = Recorder(view)
    y = lane_y(view, 20)
    x_end = view.x_for_time(30_000)
    drag(view, x_end - 1, y, x_end + 40)
    ((mid, start, end),) = rec.of("marker_move_finished")
    assert (mid, start) == (2, 20_000)
    assert abs(end - (30_000 + 41 * view.ms_per_px())) <= 2


def test_drag_range_start_edge_clamps_at_zero(view: TimelineView) -> None:
    rec = Recorder(view)
    y = lane_y(view, 20)
    x_start = view.x_for_time(20_000)
    drag(view, x_start + 1, y, view.x_for_time(0) - 100)
    assert rec.of("marker_move_finished") == [(2, 0, 30_000)]


def test_drag_edge_keeps_minimum_length(view: TimelineView) -> None:
    rec = Recorder(view)
    y = lane_y(view, 20)
    x_end = view.x_for_time(30_000)
    drag(view, x_end - 1, y, view.x_for_time(5_000))
    assert rec.of("marker_move_finished") == [(2, 20_000, 20_100)]


def test_drag_body_clamps_at_duration(view: TimelineView) -> None:
    rec = Recorder(view)
    y = lane_y(view, 20)
    x0 = view.x_for_time(25_000)
    drag(view, x0, y, view.width() + 500)
    assert rec.of("marker_move_finished")[-1] == (2, DURATION - 10_000, DURATION)


def test_drag_point_marker_moves_it(view: TimelineView) -> None:
    rec = Recorder(view)
    y = lane_y(view, 30)
    x0 = view.x_for_time(50_000)
    drag(view, x0, y, x0 - 100)
    shift = view.time_at(x0 - 100) - view.time_at(x0)
    assert rec.of("marker_move_finished") == [(3, 50_000 + shift, None)]


def test_escape_cancels_a_drag(view: TimelineView, qtbot: QtBot) -> None:
    rec = Recorder(view)
    y = lane_y(view, 20)
    x0 = view.x_for_time(25_000)
    press(view, x0, y)
    move(view, x0 + 60, y)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    release(view, x0 + 60, y)
    assert rec.of("marker_move_finished") == []
    assert rec.of("marker_moving")[-1] == (2, 20_000, 30_000)


# ---------------------------------------------------------------- drawing ranges


def test_shift_drag_draws_range_in_that_lane(view: TimelineView) -> None:
    rec = Recorder(view)
    y = lane_y(view, 30)
    shift = Qt.KeyboardModifier.ShiftModifier
    x1, x2 = view.x_for_time(70_000), view.x_for_time(60_000)
    drag(view, x1, y, x2, shift)  # drawn right to left
    assert rec.of("range_drawn") == [(30, view.time_at(x2), view.time_at(x1))]
    assert rec.of("seek_requested") == []


def test_shift_drag_in_hidden_lane_does_not_draw(view: TimelineView) -> None:
    view.set_hidden_parties({30})
    rec = Recorder(view)
    y = lane_y(view, 30)
    drag(
        view, view.x_for_time(70_000), y, view.x_for_time(60_000), Qt.KeyboardModifier.ShiftModifier
    )
    assert rec.of("range_drawn") == []


# ---------------------------------------------------------------- zoom, scroll, keyboard


def test_ctrl_wheel_zooms_around_mouse(view: TimelineView) -> None:
    rec = Recorder(view)
    x = view.x_for_time(30_000)
    before = view.ms_per_px()
    wheel(view, x, lane_y(view, 10), 2, Qt.KeyboardModifier.ControlModifier)
    assert view.ms_per_px() < before
    assert rec.of("zoom_changed") == [(view.ms_per_px(),)]
    assert view.x_for_time(30_000) == pytest.approx(x, abs=0.5)
    wheel(view, x, lane_y(view, 10), -1, Qt.KeyboardModifier.ControlModifier)
    assert view.x_for_time(30_000) == pytest.approx(x, abs=0.5)


def test_plain_wheel_scrolls_horizontally(view: TimelineView) -> None:
    view.set_ms_per_px(20)
    view.scroll_to(0)
    wheel(view, 500, 100, -1)
    start, _ = view.visible_range()
    assert start > 0
    wheel(view, 500, 100, 3)
    assert view.visible_range()[0] == 0


def test_zoom_limits_and_fit(view: TimelineView) -> None:
    fit = view.ms_per_px()
    assert view.visible_range() == (0, DURATION)
    view.zoom_out()
    assert view.ms_per_px() == fit  # cannot see more than everything
    for _ in range(30):
        view.zoom_in()
    assert view.ms_per_px() == pytest.approx(10.0)
    view.zoom_to_fit()
    assert view.ms_per_px() == fit and view.visible_range() == (0, DURATION)


def test_keyboard_zoom_and_playhead(view: TimelineView, qtbot: QtBot) -> None:
    rec = Recorder(view)
    view.setFocus()
    view.set_position(40_000)
    fit = view.ms_per_px()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.ms_per_px() < fit
    x_play = view.x_for_time(40_000)
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.x_for_time(40_000) == pytest.approx(x_play, abs=0.5)  # zoom about the playhead
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert view.ms_per_px() == fit
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert rec.of("seek_requested") == [(41_000,), (42_000,), (32_000,)]
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert rec.of("seek_requested")[-1] == (0,)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert rec.of("seek_requested")[-1] == (0,)  # clamped
    assert len(rec.of("zoom_changed")) == 4


def test_playhead_is_followed_until_user_scrolls_away(view: TimelineView) -> None:
    view.set_ms_per_px(20)  # 20 s of 100 s in view
    view.scroll_to(0)
    view.set_position(5_000)
    view.set_position(19_900)  # near the right edge: page along
    start, end = view.visible_range()
    assert start <= 19_900 <= end and start > 0
    view.scroll_to(70_000)  # the user looks elsewhere
    view.set_position(21_000)
    assert view.visible_range()[0] == 70_000


def test_focus_policy_and_accessibility(view: TimelineView) -> None:
    assert view.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert view.accessibleName() and view.accessibleDescription()


def test_tooltip_names_party_time_and_theme() -> None:
    marker = Marker(2, 1, 20, 20_000, 30_000, "bereiken")
    text = marker_tooltip(marker, _parties()[2], False, {"bereiken": "Wat bereiken we?"})
    assert text.splitlines() == ["Mo", "0:20 – 0:30 (10 s)", "Wat bereiken we?"]  # the one clock


# ---------------------------------------------------------------- panel and painting


def test_panel_scrollbar_follows_and_drives_view(qtbot: QtBot) -> None:
    panel = TimelinePanel()
    qtbot.addWidget(panel)
    panel.resize(900, 200)
    panel.view.set_duration(DURATION)
    panel.view.set_parties(_parties())
    panel.show()
    qtbot.waitExposed(panel)
    assert not panel.scrollbar.isEnabled()
    panel.zoom_in_button.click()
    panel.zoom_in_button.click()
    assert panel.scrollbar.isEnabled()
    start, end = panel.view.visible_range()
    assert panel.scrollbar.pageStep() == end - start
    assert panel.scrollbar.value() == start
    panel.scrollbar.setValue(panel.scrollbar.maximum())
    assert panel.view.visible_range()[1] == DURATION
    panel.fit_button.click()
    assert panel.view.visible_range() == (0, DURATION)
    for button in (panel.zoom_in_button, panel.zoom_out_button, panel.fit_button):
        assert button.toolTip()


def _close(a: QColor, b: QColor, tol: int = 40) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_painting_shows_markers_in_party_colour(view: TimelineView) -> None:
    image = view.grab().toImage()
    glyph = image.pixelColor(int(view.x_for_time(10_000)), int(lane_y(view, 10)))
    assert _close(glyph, QColor("#2563eb"))
    bar = image.pixelColor(int(view.x_for_time(27_000)), int(lane_y(view, 20)))
    assert bar.red() > bar.blue()  # the orange range bar
    view.set_hidden_parties({10})
    image = view.grab().toImage()
    glyph = image.pixelColor(int(view.x_for_time(10_000)), int(lane_y(view, 10)))
    assert not _close(glyph, QColor("#2563eb"))


def test_paints_long_recording_with_many_markers(qtbot: QtBot, tmp_path: Path) -> None:
    """An hour of envelope and 500 markers render (speed is measured in bench/, not here)."""
    hour = 3_600_000
    panel = TimelinePanel()
    qtbot.addWidget(panel)
    panel.resize(1_200, 240)
    v = panel.view
    v.set_duration(hour)
    v.set_parties(_parties())
    rng = np.random.default_rng(3)
    v.set_envelope(FakeEnvelope(10, rng.random(hour // 10).astype(np.float32)))
    starts = np.sort(rng.integers(0, hour - 60_000, 500))
    v.set_markers(
        [
            Marker(i + 1, 1, (10, 20, 30)[i % 3], int(s), int(s) + 20_000 if i % 2 else None)
            for i, s in enumerate(starts)
        ]
    )
    panel.show()
    qtbot.waitExposed(panel)
    out = tmp_path / "long.png"
    assert panel.grab().save(str(out))
    assert out.stat().st_size > 5_000
    v.set_ms_per_px(50)
    assert panel.grab().toImage().width() == 1_200


def test_tooltip_event_on_marker_shows_who_and_when(view: TimelineView) -> None:
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    view.set_theme_titles({"samenwerking": "Hoe gaat onze samenwerking?"})
    pos = QPoint(int(view.x_for_time(10_000)), int(lane_y(view, 10)))
    QApplication.sendEvent(view, QHelpEvent(QEvent.Type.ToolTip, pos, view.mapToGlobal(pos)))
    assert QToolTip.text().splitlines() == ["Sanne", "0:10", "Hoe gaat onze samenwerking?"]
    QToolTip.hideText()


def test_empty_envelope_removes_the_band(view: TimelineView) -> None:
    with_band = lane_y(view, 10)
    view.set_envelope(FakeEnvelope(10, np.zeros(0, np.float32)))
    assert lane_y(view, 10) < with_band
    view.set_envelope(None)
    assert lane_y(view, 10) < with_band


def test_dragged_marker_is_drawn_at_its_preview_place(view: TimelineView) -> None:
    y = lane_y(view, 30)
    x0 = view.x_for_time(50_000)
    press(view, x0, y)
    move(view, x0 + 120, y)
    image = view.grab().toImage()
    release(view, x0 + 120, y)
    moved = image.pixelColor(int(x0 + 120), int(y) + 2)
    assert _close(moved, QColor("#16a34a"))  # the green triangle follows the mouse


def test_keyboard_focus_is_drawn(view: TimelineView, qtbot: QtBot) -> None:
    view.activateWindow()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus)
    focused = view.grab().toImage().pixelColor(view.width() // 2, 1)
    view.clearFocus()
    unfocused = view.grab().toImage().pixelColor(view.width() // 2, 1)
    assert _close(focused, QColor("#2563eb"), 10)
    assert not _close(unfocused, QColor("#2563eb"), 10)


def test_scrub_held_past_the_right_edge_scrolls_along(view: TimelineView, qtbot: QtBot) -> None:
    rec = Recorder(view)
    view.set_ms_per_px(20)
    view.scroll_to(0)
    press(view, view.x_for_time(5_000), 10)
    move(view, view.width() + 30, 10)
    qtbot.waitUntil(lambda: view.visible_range()[0] > 2_000)
    release(view, view.width() + 30, 10)
    seeks = [s[0] for s in rec.of("seek_requested")]
    assert seeks[-1] > view.visible_range()[0]  # the playhead followed the scrolled view
    assert seeks == sorted(seeks)
