"""What placing a marker and saving a field cost, counted (not timed): the marker list is not
reset, the gespreksblad editor is not rebuilt, and one saved A field reads only what changed,
however many markers the review has. The times themselves live in the benchmark (bench/)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from vsr.ui.bridge import LibraryBridge
from vsr.ui.main_window import MainWindow

from tests.ui.fake_player import FakePlayer
from tests.vsr.fakes import add_fake_recording, fake_fingerprint
from vsr.library import markers as mk
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.library.sheets import SheetField


def _window(qtbot, library, tmp_path: Path, markers: int) -> MainWindow:  # type: ignore[no-untyped-def]
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    pro, client = rv.list_parties(library, review.id)
    with library.write():
        for i in range(markers):
            mk.add_marker(library, (pro, client)[i % 2].id, 1_000 + i * 1_000)
    bridge = LibraryBridge(library)
    win = MainWindow(bridge, FakePlayer(duration_ms=600_000))
    qtbot.addWidget(win)
    win.resize(1300, 850)
    win.show()
    assert win.open_review(review.id)
    win.review_id = review.id  # type: ignore[attr-defined]
    return win


@pytest.fixture
def fake_media(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rc, "_default_fingerprinter", fake_fingerprint)


def test_placing_a_marker_inserts_one_row_without_a_reset(qtbot, library, tmp_path,  # type: ignore[no-untyped-def]
                                                         fake_media) -> None:
    win = _window(qtbot, library, tmp_path, 30)
    view = win.review_view
    model = view.marker_list.model
    resets, inserted = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    win.player.seek(15_500)
    view.mark(view.parties[0].id)
    assert resets == []  # a reset makes the view forget and re-measure every row
    assert inserted == [(15, 15)]  # one row, at its place in time
    assert model.markers[15].start_ms == 15_500
    assert view.marker_list.selected_marker() == model.markers[15].id


def test_moving_and_deleting_a_marker_touch_only_its_row(qtbot, library, tmp_path,  # type: ignore[no-untyped-def]
                                                        fake_media) -> None:
    win = _window(qtbot, library, tmp_path, 10)
    view = win.review_view
    model = view.marker_list.model
    resets, removed = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, last)))
    first = model.markers[0]
    mk.move_marker(library, first.id, 9_500, None)
    assert [m.id for m in model.markers].index(first.id) == 8  # moved to its new place
    mk.delete_marker(library, first.id)
    assert first.id not in [m.id for m in model.markers]
    assert resets == []
    assert len(removed) == 2  # out of its old place once, then deleted


def test_a_saved_a_field_shows_in_its_row_only(qtbot, library, tmp_path, fake_media) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, library, tmp_path, 5)
    model = win.review_view.marker_list.model
    changed = []
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row(), a.column(), b.column())))
    marker = model.markers[2]
    sh.set_field(library, marker.id, SheetField.WHAT_HAPPENED, "Ze lacht even")
    assert changed == [(2, 2, 3, 3)]
    assert model.data(model.index(2, 3)) == "Ze lacht even"


def _statements_for_one_a_edit(qtbot, library, tmp_path, markers: int) -> list[str]:  # type: ignore[no-untyped-def]
    win = _window(qtbot, library, tmp_path, markers)
    view = win.review_view
    view.select_marker(view.markers[markers // 2].id)
    field = view.sheet.field(SheetField.WHAT_HAPPENED)
    field.setPlainText("Ze zegt dat het thuis beter gaat.")
    statements: list[str] = []
    conn: sqlite3.Connection = library.conn
    conn.set_trace_callback(statements.append)
    try:
        assert field.flush()
        qtbot.wait(0)
    finally:
        conn.set_trace_callback(None)
    return [s for s in statements if s.lstrip().upper().startswith("SELECT")]


@pytest.mark.parametrize("markers", [4, 60])
def test_one_saved_a_field_reads_only_what_changed(qtbot, library, tmp_path, fake_media,  # type: ignore[no-untyped-def]
                                                   markers: int) -> None:
    selects = _statements_for_one_a_edit(qtbot, library, tmp_path, markers)
    # Which review the marker is in, and the new first words of its row: nothing of the other
    # markers, sheets or the Samenleergesprek (in the other tab) is read again.
    assert len(selects) == 2, selects
    assert all("FROM session" not in s for s in selects)


def test_showing_another_moment_keeps_the_editor_and_its_text_stays_with_its_moment(  # type: ignore[no-untyped-def]
        qtbot, library, tmp_path, fake_media) -> None:
    win = _window(qtbot, library, tmp_path, 3)
    view = win.review_view
    first, second = view.markers[0].id, view.markers[1].id
    view.select_marker(first)
    field = view.sheet.field(SheetField.WHAT_HAPPENED)
    field.setPlainText("Over het eerste moment")
    view.select_marker(second)
    assert view.sheet.field(SheetField.WHAT_HAPPENED) is field  # not built again
    assert field.toPlainText() == ""
    assert sh.get_field(library, first, SheetField.WHAT_HAPPENED) == "Over het eerste moment"
    field.setPlainText("Over het tweede")
    assert field.flush()
    assert sh.get_field(library, second, SheetField.WHAT_HAPPENED) == "Over het tweede"
    assert sh.get_field(library, first, SheetField.WHAT_HAPPENED) == "Over het eerste moment"
