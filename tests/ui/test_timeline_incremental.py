"""The timeline's incremental marker layout (lanes.MarkerLayout) can never drift from a full
layout: after random adds, deletes and moves (hypothesis) it equals `layout_markers` of the same
markers, geometry for geometry, including which glyphs are left out; and the canvas, fed only
the changed markers, shows what a canvas given all markers shows."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vsr.ui.timeline import TimelinePanel
from vsr.ui.timeline.geometry import TimeScale, make_layout
from vsr.ui.timeline.lanes import (
    BLOCK_COLUMNS,
    MarkerGeometry,
    MarkerLayout,
    layout_markers,
)

from vsr.model import Marker, MarkerShape, Party, PartyRole

LANES = {10: 0, 20: 1, 30: 2}
SPAN_MS = 400_000  # markers crowd into few columns at coarse zooms: many merges and glyph chains


def _reference(markers: dict[int, Marker], hidden: frozenset[int], layout, scale) -> list[MarkerGeometry]:  # type: ignore[no-untyped-def]
    full = layout_markers(markers.values(), LANES, hidden, layout, scale)
    return sorted(full, key=lambda g: (g.lane, g.x_start))


def _marker(data: st.DataObject, marker_id: int) -> Marker:
    start = data.draw(st.integers(0, SPAN_MS))
    length = data.draw(st.one_of(st.none(), st.integers(0, 60_000)))
    party = data.draw(st.sampled_from(sorted(LANES)))
    return Marker(marker_id, 1, party, start, None if length is None else start + length)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_incremental_layout_equals_full_layout_after_random_edits(data: st.DataObject) -> None:
    width = data.draw(st.integers(300, 1_600))
    layout = make_layout(width, 26 + 44 + 3 * 40, 3, header_w=110)
    ms_per_px = data.draw(st.sampled_from([2.0, 37.5, 250.0, 1_000.0, 3_600.0]))
    offset = data.draw(st.integers(-5_000, SPAN_MS // 2))
    scale = TimeScale(ms_per_px, float(offset), layout.time_x0)
    hidden = frozenset(data.draw(st.sets(st.sampled_from(sorted(LANES)), max_size=1)))
    markers = {i: _marker(data, i) for i in range(1, data.draw(st.integers(0, 60)) + 1)}
    next_id = len(markers) + 1
    incremental = MarkerLayout(markers.values(), LANES, hidden, layout, scale)
    assert incremental.geometries() == _reference(markers, hidden, layout, scale)
    for _ in range(data.draw(st.integers(1, 40))):
        kind = data.draw(st.sampled_from(["add", "delete", "move", "several"]))
        removed: list[int] = []
        added: list[Marker] = []
        ids = sorted(markers)
        if kind == "add" or not ids:
            added.append(_marker(data, next_id))
            next_id += 1
        elif kind == "delete":
            removed.append(data.draw(st.sampled_from(ids)))
        elif kind == "move":
            old = data.draw(st.sampled_from(ids))
            removed.append(old)
            added.append(_marker(data, old))
        else:  # several at once, as an undo of a group or a package import does
            removed += data.draw(st.lists(st.sampled_from(ids), unique=True, max_size=3))
            added += [_marker(data, next_id + k) for k in range(3)]
            added += [_marker(data, i) for i in removed[:1]]  # one of them comes back moved
            next_id += 3
        for i in removed:
            del markers[i]
        for m in added:
            markers[m.id] = m
        incremental.update(removed, added)
        assert incremental.geometries() == _reference(markers, hidden, layout, scale)
    fresh = MarkerLayout(markers.values(), LANES, hidden, layout, scale)
    for lane in incremental.lanes():
        assert list(incremental.lane_blocks(lane)) == list(fresh.lane_blocks(lane))


def test_one_new_marker_redoes_only_its_own_block() -> None:
    """10,000 markers at "show all": a new one leaves every other block the same list object
    (so the painter re-batches one block), yet the result equals a full layout."""
    layout = make_layout(1_366, 26 + 44 + 3 * 40, 3, header_w=110)
    scale = TimeScale(3_600_000 / layout.time_width, 0.0, layout.time_x0)
    markers = {i: Marker(i, 1, (10, 20, 30)[i % 3], (i * 359_993) % 3_540_000,
                         None if i % 2 else (i * 359_993) % 3_540_000 + 30_000)
               for i in range(1, 10_001)}
    incremental = MarkerLayout(markers.values(), LANES, frozenset(), layout, scale)
    before = {lane: list(incremental.lane_blocks(lane)) for lane in incremental.lanes()}
    new = Marker(10_001, 1, 20, 1_234_567, None)
    markers[new.id] = new
    incremental.update([], [new])
    after = {lane: list(incremental.lane_blocks(lane)) for lane in incremental.lanes()}
    assert after[0] == before[0] and all(a is b for a, b in zip(after[0], before[0], strict=True))
    changed = [a for a, b in zip(after[1], before[1], strict=True) if a is not b]
    assert 1 <= len(changed) <= 2  # its block (and the next, if its glyph chain runs on)
    assert all(len({int(g.x_start) // BLOCK_COLUMNS for g in block}) == 1 for block in changed)
    assert incremental.geometries() == _reference(markers, frozenset(), layout, scale)


def _parties() -> list[Party]:
    return [Party(pid, 1, PartyRole.OTHER, f"P{pid}", color, shape, lane)
            for pid, lane, color, shape in [(10, 0, "#2563eb", MarkerShape.CIRCLE),
                                            (20, 1, "#ea580c", MarkerShape.TRIANGLE),
                                            (30, 2, "#16a34a", MarkerShape.DIAMOND)]]


def test_canvas_fed_only_changes_shows_what_a_full_reload_shows(qtbot) -> None:  # type: ignore[no-untyped-def]
    def panel() -> TimelinePanel:
        p = TimelinePanel()
        qtbot.addWidget(p)
        p.resize(1_200, 260)
        p.view.set_duration(3_600_000)
        p.view.set_parties(_parties())
        p.show()
        return p

    changes, full = panel(), panel()
    qtbot.waitExposed(changes)
    markers = {i: Marker(i, 1, (10, 20, 30)[i % 3], i * 1_801 % 3_590_000,
                         None if i % 4 else i * 1_801 % 3_590_000 + 20_000)
               for i in range(1, 3_001)}
    changes.view.set_markers(sorted(markers.values(), key=lambda m: (m.start_ms, m.id)))
    changes.view.grab()  # laid out and painted once, so the changes below are incremental
    steps: list[dict[int, Marker | None]] = [
        {5_000: Marker(5_000, 1, 10, 1_000_000, None)},  # placed
        {17: Marker(17, 1, 20, 2_000_000, 2_010_000)},  # moved
        {18: None, 19: None},  # deleted
        {5_001: Marker(5_001, 1, 30, 1_000_000, None), 5_000: None},
    ]
    for step in steps:
        for marker_id, marker in step.items():
            if marker is None:
                markers.pop(marker_id, None)
            else:
                markers[marker_id] = marker
        ordered = sorted(markers.values(), key=lambda m: (m.start_ms, m.id))
        changes.view.set_markers(ordered, in_order=True, changed=step)
        full.view.set_markers(ordered, in_order=True)
        changes.view.set_selected_marker(17)
        full.view.set_selected_marker(17)
        assert changes.view._marker_geometries() == full.view._marker_geometries()
        assert changes.view.grab().toImage() == full.view.grab().toImage()
    # zoomed in (a new layout) and back, the two still agree
    for p in (changes, full):
        p.view.set_ms_per_px(100.0, 600)
    assert changes.view._marker_geometries() == full.view._marker_geometries()
