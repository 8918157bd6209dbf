"""Putting a backup back (File → Reservekopieën): the library is closed, restored and opened
again on a worker, then the window is built again in steps (ui/app.Application._rebuild), so
the window never stops answering for long. The rebuilt window shows the restored library,
edits made right after it land there, and while it is being built the edit actions wait with
a reason. How long each step takes is measured in the bench (bench/stall_rows.py), not here."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from vsr.ui import app as app_module
from vsr.ui.actions import ActionId
from vsr.ui.app import Application
from vsr.ui.bridge import LibraryBridge
from vsr.ui.main_window import EDIT_ACTIONS
from vsr.ui.stepwise import Stepwise

from tests.ui.fake_player import FakePlayer
from tests.vsr.fakes import add_fake_recording, fake_fingerprint
from vsr.library import backups as bk
from vsr.library import markers as mk
from vsr.library import open_library
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.library.sheets import SheetField


@dataclass
class Restored:
    shell: Application
    review_id: int
    kept_marker: int  # in the backup, with the sheet text "van de kopie"
    later_marker: int  # made after the backup: not in the restored library


@pytest.fixture
def restorable(qtbot, library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
               ) -> Iterator[tuple[Application, Path, Restored]]:
    """A window on a review; a backup with one moment; then a second moment, a renamed
    review and changed text, all of which the restore takes back."""
    monkeypatch.setattr(rc, "_default_fingerprinter", fake_fingerprint)
    monkeypatch.setattr(app_module, "save_language", lambda lang: None)
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id, title="Gesprek van de kopie")
    pro, _client = rv.list_parties(library, review.id)
    kept = mk.add_marker(library, pro.id, 10_000)
    sh.set_field(library, kept.id, SheetField.WHAT_HAPPENED, "van de kopie")
    made = bk.create_backup(library.path)
    later = mk.add_marker(library, pro.id, 20_000)
    sh.set_field(library, kept.id, SheetField.WHAT_HAPPENED, "nieuwer")
    rv.rename_review(library, review.id, "Nieuwere titel")
    shell = Application(QApplication.instance(), LibraryBridge(library), "nl",
                        player_factory=lambda: FakePlayer(duration_ms=120_000))
    shell.build(review.id)
    state = Restored(shell, review.id, kept.id, later.id)
    yield shell, made.path, state
    if shell.window is not None:
        shell.window.close()
    if shell.bridge.lib is not library:
        shell.bridge.close()
        shell.bridge.lib.close()


def _restore_by_hand(qtbot, shell: Application, backup: Path,
                     monkeypatch: pytest.MonkeyPatch) -> Stepwise:
    """Restore, and hand back the rebuild's steps without running them (the test runs them
    one by one with `step()`)."""
    started: list[Stepwise] = []
    monkeypatch.setattr(Stepwise, "start", lambda self: started.append(self))
    assert shell.window is not None
    shell.window.restore_requested.emit(backup)
    qtbot.waitUntil(lambda: bool(started), timeout=30_000)  # the worker has put it back
    return started[0]


def test_the_rebuilt_window_shows_the_restored_library(
        qtbot, restorable, monkeypatch: pytest.MonkeyPatch) -> None:
    shell, backup, state = restorable
    old_window, old_lib = shell.window, shell.bridge.lib
    old_window.restore_requested.emit(backup)
    qtbot.waitUntil(lambda: shell.restoring is None and shell.rebuilding is None,
                    timeout=30_000)
    window = shell.window
    assert window is not None and window is not old_window
    assert shell.bridge.lib is not old_lib and window.bridge is shell.bridge
    view = window.review_view
    assert window.showing_review() and view.review is not None
    assert view.review.id == state.review_id
    assert view.review.title == "Gesprek van de kopie"  # the backup's title, not the newer one
    assert "Gesprek van de kopie" in window.windowTitle()
    # The moments of the backup only: the one made after it is not listed anywhere.
    assert [m.id for m in view.markers] == [state.kept_marker]
    assert view.marker_list.model.rowCount() == 1
    view.select_marker(state.kept_marker)
    assert view.sheet.field(SheetField.WHAT_HAPPENED).toPlainText() == "van de kopie"
    # The Samenleergesprek panel is built on the restored library too.
    assert view.session_panel_built()
    assert view.session_panel is not None and view.session_panel.ctx.lib is shell.bridge.lib
    assert not window.waiting()
    # In the window's language (Dutch here), from the catalogue's own context.
    assert window.statusBar().currentMessage() == "De reservekopie is teruggezet."


def test_the_start_page_lists_the_restored_reviews(
        qtbot, restorable, tmp_path: Path) -> None:
    """Restored while the start page shows: its list (read on the worker) is the backup's."""
    shell, backup, state = restorable
    lib = shell.bridge.lib
    newer = rv.create_review(lib, rv.get_review(lib, state.review_id).recording_id,
                             title="Na de kopie gemaakt")
    shell.window.show_start()
    titles = [shell.window.start_page.recent.item(i).text()
              for i in range(shell.window.start_page.recent.count())]
    assert any(newer.title in t for t in titles)
    old = shell.window
    old.restore_requested.emit(backup)
    qtbot.waitUntil(lambda: shell.restoring is None and shell.rebuilding is None,
                    timeout=30_000)
    window = shell.window
    assert window is not old and not window.showing_review()
    assert window._review_view is None  # nothing of a review was built for the start page
    titles = [window.start_page.recent.item(i).text()
              for i in range(window.start_page.recent.count())]
    assert len(titles) == 1 and "Gesprek van de kopie" in titles[0]
    assert window.start_page.isEnabled() and window.actions[ActionId.OPEN].isEnabled()


def test_edits_right_after_the_restore_land_in_the_restored_library(
        qtbot, restorable, monkeypatch: pytest.MonkeyPatch) -> None:
    shell, backup, state = restorable
    steps = _restore_by_hand(qtbot, shell, backup, monkeypatch)
    while steps.step():
        pass
    assert shell.restoring is None and shell.rebuilding is None
    window = shell.window
    view = window.review_view
    lib = shell.bridge.lib
    pro, _client = rv.list_parties(lib, state.review_id)
    assert view.mark_buttons.isEnabled()
    view.player.seek(30_000)
    view.mark(pro.id)  # the first thing done in the rebuilt window
    new_marker = view.selected
    assert new_marker is not None and new_marker != state.kept_marker
    field = view.sheet.field(SheetField.WHAT_HAPPENED)
    field.setPlainText("na het terugzetten")
    field.flush()
    view.select_marker(state.kept_marker)
    kept_field = view.sheet.field(SheetField.WHAT_HAPPENED)
    kept_field.setPlainText("van de kopie, aangevuld")
    kept_field.flush()
    # In the library file itself (another connection), not only in the window's.
    check = open_library(lib.path, backup=False)
    try:
        assert [m.start_ms for m in mk.list_markers(check, state.review_id)] == [10_000, 30_000]
        assert sh.get_sheet(check, new_marker).what_happened == "na het terugzetten"
        assert sh.get_sheet(check, state.kept_marker).what_happened == "van de kopie, aangevuld"
    finally:
        check.close()
    window.undo_or_redo(redo=False)  # undo works on the rebuilt window's own history
    assert sh.get_sheet(lib, state.kept_marker).what_happened == "van de kopie"


def test_the_window_is_rebuilt_in_steps_and_edits_wait_until_it_is_done(
        qtbot, restorable, monkeypatch: pytest.MonkeyPatch) -> None:
    """No step builds everything: the window, the workspace's widgets (over several steps),
    showing it, filling in the review and the Samenleergesprek panel (over several steps)
    each come in steps of their own, and until the last one the edit actions wait, with the
    reason in the status bar."""
    shell, backup, state = restorable
    old = shell.window
    steps = _restore_by_hand(qtbot, shell, backup, monkeypatch)
    seen: list[tuple[str, ...]] = []
    waiting_seen: set[str] = set()
    while True:
        more = steps.step()
        window = shell.window
        if window is None or window is old:
            seen.append(("no window",))
        else:
            what = ["window"]
            building = window._building_view
            view = window._review_view
            if building is not None:
                what.append("workspace part")
            if view is not None:
                what.append("workspace")
                if window.showing_review():
                    what.append("shown")
                if view.review is not None:
                    what.append("review")
                building_panel = view._building_panel
                if building_panel is not None and building_panel.widget.layout().count():
                    what.append("panel part")  # some of its parts built (not just its frame)
                if view.session_panel_built():
                    what.append("panel")
            seen.append(tuple(what))
            if more:  # until the last step: nothing can be changed yet
                waiting_seen.add(window.waiting())
                assert window.waiting()
                assert window.statusBar().currentMessage() == window.waiting()
                assert not any(window.actions[a].isEnabled() for a in EDIT_ACTIONS)
                assert not any(window.actions[a].isEnabled() for a in (
                    ActionId.BACKUPS, ActionId.LANG_EN, ActionId.LANG_NL))
                assert not any(a.isEnabled() for a in window.team_actions)
                assert not window.start_page.isEnabled()
                if view is not None:
                    assert not view.mark_buttons.isEnabled()
        if not more:
            break
    # Each of these appears in a later step than the one before it.
    firsts = [next(i for i, s in enumerate(seen) if mark in s)
              for mark in ("window", "workspace part", "workspace", "shown", "review",
                           "panel part", "panel")]
    assert firsts == sorted(firsts) and len(set(firsts)) == len(firsts), seen
    assert sum("workspace part" in s for s in seen) >= 2  # its widgets over several steps
    assert sum("panel part" in s for s in seen) >= 4  # the panel's pages one by one
    assert len(seen) >= 12
    # Then everything is there, and the edit actions work again.
    window = shell.window
    assert shell.restoring is None and shell.rebuilding is None
    assert len(waiting_seen) == 1 and not window.waiting()
    assert window.review_view.review.id == state.review_id
    assert window.actions[ActionId.OPEN].isEnabled() and window.actions[ActionId.NEW_REVIEW].isEnabled()
    assert window.review_view.mark_buttons.isEnabled() and window.start_page.isEnabled()
    assert window.actions[ActionId.BACKUPS].isEnabled() and window.actions[ActionId.LANG_EN].isEnabled()
    assert all(a.isEnabled() for a in window.team_actions)
    assert not window.actions[ActionId.DELETE_MARKER].isEnabled()  # no moment is selected


def test_asking_for_a_part_while_it_is_built_in_steps_builds_the_rest_at_once(
        qtbot, restorable, monkeypatch: pytest.MonkeyPatch) -> None:
    """Something that needs the workspace or the panel before its steps are done (a menu, the
    Samenleergesprek tab) gets it whole, and the steps then build no second one."""
    shell, backup, state = restorable
    steps = _restore_by_hand(qtbot, shell, backup, monkeypatch)
    while shell.window is None or shell.window._building_view is None:
        assert steps.step()
    window = shell.window
    asked = window.review_view  # built at once, all of it
    assert asked.built and window._building_view is None
    while asked._building_panel is None:
        assert steps.step()
    panel = asked.session_panel  # the tab opened: the rest of the panel now
    assert panel is not None and panel.built and asked._building_panel is None
    while steps.step():
        pass
    assert window.review_view is asked and asked.session_panel is panel
    assert window.stack.indexOf(asked) >= 0
    assert asked._session_host.layout().count() == 1  # one panel, not two
    assert asked.review is not None and asked.review.id == state.review_id


def test_a_backup_that_cannot_be_put_back_leaves_the_library_and_says_why(
        qtbot, restorable, tmp_path: Path) -> None:
    """A damaged backup: nothing is put back, the window comes back on the library as it
    was (the newer moment still there) and the status bar says what went wrong."""
    shell, _backup, state = restorable
    bad = tmp_path / "kapot.sqlite"
    bad.write_bytes(b"garbage" * 1000)
    old = shell.window
    old.restore_requested.emit(bad)
    qtbot.waitUntil(lambda: shell.restoring is None and shell.rebuilding is None,
                    timeout=30_000)
    window = shell.window
    assert window is not old and not window.waiting()
    view = window.review_view
    assert view.review is not None and view.review.title == "Nieuwere titel"
    assert sorted(m.id for m in view.markers) == sorted([state.kept_marker, state.later_marker])
    message = window.statusBar().currentMessage()
    assert message and message != "De reservekopie is teruggezet."
    assert "kapot.sqlite" in message
