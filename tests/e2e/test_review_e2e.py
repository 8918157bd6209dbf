"""A whole review with the real VLC in a real window: open a generated recording, mark moments
for both parties while it plays, fill A/B/C, restart the app, and find everything back."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from vsr.ui.bridge import LibraryBridge
from vsr.ui.main_window import MainWindow
from vsr.ui.player.factory import create_player

from vsr.library import markers as mk
from vsr.library import open_library
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.library.sheets import SheetField
from vsr.media.testclip import generate_test_clip

pytestmark = pytest.mark.e2e


def _window(lib_path: Path, qtbot) -> tuple[MainWindow, LibraryBridge]:  # type: ignore[no-untyped-def]
    bridge = LibraryBridge(open_library(lib_path))
    player = create_player()
    if not player.available:
        pytest.fail(f"libVLC is not usable here: {player.unavailable_reason}")
    win = MainWindow(bridge, player)
    qtbot.addWidget(win)
    win.resize(1280, 820)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()  # Xvfb has no window manager to do it; shortcuts need it
    qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    return win, bridge


def _type(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    field.setFocus()
    qtbot.keyClicks(field, text)
    field.flush()


def test_full_review_survives_a_restart(qtbot, tmp_path: Path) -> None:
    media = generate_test_clip(tmp_path / "gesprek.mp4", duration_s=8, width=320, height=240)
    lib_path = tmp_path / "library.sqlite"

    win, bridge = _window(lib_path, qtbot)
    assert win.open_file(media)
    player = win.player
    qtbot.waitUntil(lambda: player.duration() > 7000, timeout=10_000)
    player.play()
    qtbot.waitUntil(lambda: player.position() > 1200, timeout=10_000)
    view = win.review_view
    pro, client = view.parties
    qtbot.mouseClick(view.mark_buttons.buttons[pro.id], Qt.MouseButton.LeftButton)
    first_at = mk.list_markers(bridge.lib, view.review.id)[0].start_ms
    qtbot.waitUntil(lambda: player.position() > first_at + 1500, timeout=10_000)
    view.timeline.view.setFocus()
    qtbot.keyClick(view.timeline.view, Qt.Key.Key_2)
    assert player.is_playing()
    markers = mk.list_markers(bridge.lib, view.review.id)
    assert [m.party_id for m in markers] == [pro.id, client.id]
    assert 1000 <= markers[0].start_ms < markers[1].start_ms <= 8000

    view.select_marker(markers[0].id, seek=True)
    qtbot.waitUntil(lambda: abs(player.position() - markers[0].start_ms) < 500, timeout=5000)
    sheet = view.sheet
    _type(qtbot, sheet.field(SheetField.WHAT_HAPPENED), "Ik vroeg naar haar doel")
    _type(qtbot, sheet.field(SheetField.TO_ME, pro.id), "Ik had haast")
    _type(qtbot, sheet.field(SheetField.TO_ME, client.id), "Ik voelde me overvallen")
    _type(qtbot, sheet.field(SheetField.TO_OTHER, client.id), "Zij wilde snel klaar zijn")
    _type(qtbot, sheet.field(SheetField.KEEP_OR_CHANGE), "Eerst samen het doel kiezen")
    shot = os.environ.get("VSR_E2E_SCREENSHOT")
    if shot:
        subprocess.run(["import", "-window", "root", shot], check=False)
    review_id = view.review.id
    win.close()
    bridge.close()
    bridge.lib.close()

    # A new start of the app: everything is found back through the start page's recent list.
    win2, bridge2 = _window(lib_path, qtbot)
    recent = win2.start_page.recent
    assert recent.count() == 1
    win2.start_page.review_chosen.emit(int(recent.item(0).data(Qt.ItemDataRole.UserRole)))
    assert win2.review_view.review.id == review_id
    again = mk.list_markers(bridge2.lib, review_id)
    assert [(m.party_id, m.start_ms) for m in again] == [(m.party_id, m.start_ms) for m in markers]
    saved = sh.get_sheet(bridge2.lib, again[0].id)
    assert saved.what_happened == "Ik vroeg naar haar doel"
    assert saved.reflection(pro.id).to_me == "Ik had haast"
    assert saved.reflection(client.id).to_me == "Ik voelde me overvallen"
    assert saved.reflection(client.id).to_other == "Zij wilde snel klaar zijn"
    assert saved.keep_or_change == "Eerst samen het doel kiezen"
    win2.review_view.select_marker(again[0].id, seek=True)
    assert win2.review_view.sheet.field(SheetField.WHAT_HAPPENED).toPlainText() == (
        "Ik vroeg naar haar doel")
    assert [p.name for p in rv.list_parties(bridge2.lib, review_id)] == ["Professional", "Cliënt"]
    qtbot.waitUntil(lambda: win2.player.duration() > 7000, timeout=10_000)
    win2.close()
    bridge2.close()
    bridge2.lib.close()
