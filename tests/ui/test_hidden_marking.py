"""Independent marking ("Apart markeren") in the whole main window: while the markers are hidden,
no widget on the shared screen shows anything of a hidden moment (time, author, sheet text, list
row, lane glyph, undo text), yet each party sees that their mark was taken. After the reveal it
all appears. And a moment both marked is both parties' moment in Stap 2."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from vsr.ui.bridge import LibraryBridge
from vsr.ui.i18n import install_language
from vsr.ui.main_window import MainWindow
from vsr.ui.samenleergesprek.discuss_page import DiscussPage
from vsr.ui.timefmt import format_ms

from tests.ui.fake_player import FakePlayer
from tests.vsr.fakes import add_fake_recording, fake_fingerprint
from vsr import samenleergesprek as ss
from vsr.library import markers as mk
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.samenleergesprek.model import SessionStep

SECRET_A = "GEHEIM-BLAD-tekst over de uitkering"
SECRET_B = "GEHEIM-B-ik schrok ervan"
EARLIER_MS = 44_200  # chosen in an earlier round, then a new round of hidden marking began
MARKS = ((17_300, "button", 0), (23_700, "button", 1), (61_400, "key", 0),
         (83_900, "ctrl", 1))  # (time, how, party index)
PARKED_MS = 110_000  # where the playhead waits while the screen is inspected


@pytest.fixture
def window(qtbot, library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(rc, "_default_fingerprinter", fake_fingerprint)
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    pro, client = rv.list_parties(library, review.id)
    for party in (pro, client):
        ss.confirm_rules(library, review.id, party.id)
    earlier = mk.add_marker(library, client.id, EARLIER_MS)
    sh.set_field(library, earlier.id, sh.SheetField.WHAT_HAPPENED, SECRET_A)
    sh.set_field(library, earlier.id, sh.SheetField.TO_ME, SECRET_B, client.id)
    ss.choose_moment(library, review.id, earlier.id)
    assert install_language("nl")  # what users see; the counts are checked in Dutch
    bridge = LibraryBridge(library)
    player = FakePlayer(duration_ms=120_000)
    win = MainWindow(bridge, player)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    assert win.open_review(review.id)
    win.player_under_test = player  # type: ignore[attr-defined]
    win.review_id = review.id  # type: ignore[attr-defined]
    yield win
    win.close()
    bridge.close()
    install_language("en")  # the other widget tests run in the source language


# -- walking the screen -------------------------------------------------------------------------

def _model_texts(model: QAbstractItemModel, parent: QModelIndex = QModelIndex()) -> Iterator[str]:  # noqa: B008
    for row in range(model.rowCount(parent)):
        for col in range(max(1, model.columnCount(parent))):
            index = model.index(row, col, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                         Qt.ItemDataRole.AccessibleTextRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value
            if col == 0 and model.rowCount(index) > 0:
                yield from _model_texts(model, index)


def _widget_texts(widget: QWidget) -> Iterator[str]:
    yield from (widget.toolTip(), widget.accessibleName(), widget.accessibleDescription(),
                widget.statusTip(), widget.whatsThis(), widget.windowTitle())
    if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
        yield widget.text()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        yield widget.toPlainText()
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QListWidget):
        yield from (widget.item(i).text() for i in range(widget.count()))
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from _model_texts(widget.model())


def screen_texts(win: MainWindow) -> str:
    """Every text the main window shows now: visible widgets, item models, window title, status
    bar, undo stack and menu actions, and the timeline's tooltips over each lane."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    texts = [win.windowTitle(), win.statusBar().currentMessage(),
             win.undo.undoText(), win.undo.redoText()]
    texts += [win.undo.text(i) for i in range(win.undo.count())]
    texts += [a.text() for a in win.findChildren(type(win.undo.createUndoAction(win)))]
    for widget in win.findChildren(QWidget):
        if widget.isVisible():
            texts += [t for t in _widget_texts(widget) if t]
    view = win.review_view.timeline.view
    layout = view.current_layout()
    for lane in range(len(win.review_view.parties)):
        r = layout.lane_rect(lane)
        for x in range(int(layout.time_x0), view.width(), 3):
            texts.append(view.tooltip_at(x, r.y + r.h / 2) or "")
    return "\n".join(texts)


def leaks(text: str, names: list[str]) -> list[str]:
    """What of a hidden marker shows in `text`."""
    found = [t for t in (SECRET_A, SECRET_B, "GEHEIM") if t in text]
    for ms in (EARLIER_MS, *(m[0] for m in MARKS)):
        if re.search(rf"(?<![\d:]){re.escape(format_ms(ms))}(?![\d])", text):
            found.append(format_ms(ms))
    found += [f"marked by {n}" for n in names
              if re.search(rf"(?i)(gemarkeerd door|marked by)\s*{re.escape(n)}", text)]
    return found


def show_all_tabs(win: MainWindow) -> Iterator[str]:
    """The texts with the Moments tab, then the Samenleergesprek tab (at Stap 1) in front."""
    view = win.review_view
    view.tabs.setCurrentIndex(0)
    yield screen_texts(win)
    view.tabs.setCurrentIndex(1)
    panel = view.session_panel
    assert panel is not None
    panel.go(SessionStep.MOMENTS)
    yield screen_texts(win)
    view.tabs.setCurrentIndex(0)


# -- the test -----------------------------------------------------------------------------------

def test_nothing_of_a_hidden_marker_shows_until_the_reveal(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view = window.review_view
    player: FakePlayer = window.player_under_test
    lib, rid = window.bridge.lib, window.review_id
    pro, client = rv.list_parties(lib, rid)
    names = [pro.name, client.name]
    parties = (pro, client)
    # Switched on in the opening screen of the Samenleergesprek, as users do.
    view.tabs.setCurrentIndex(1)
    rules = view.session_panel.pages[SessionStep.RULES]  # type: ignore[union-attr]
    rules.blind.setChecked(True)  # type: ignore[attr-defined]
    view.tabs.setCurrentIndex(0)
    assert ss.markers_hidden(lib, rid)
    before = {p.id: view.mark_buttons.buttons[p.id].text() for p in parties}

    player.play()
    for at_ms, how, index in MARKS:
        player.seek(at_ms)
        party = parties[index]
        if how == "button":
            qtbot.mouseClick(view.mark_buttons.buttons[party.id], Qt.MouseButton.LeftButton)
        else:
            view.timeline.view.setFocus()
            modifier = (Qt.KeyboardModifier.ControlModifier if how == "ctrl"
                        else Qt.KeyboardModifier.NoModifier)
            qtbot.keyClick(window, Qt.Key.Key_1 if index == 0 else Qt.Key.Key_2, modifier)
        assert view.mark_buttons.flashing(party.id)  # the party sees the mark was taken
        assert view.sheet.marker is None and view.selected is None
    assert len(mk.list_markers(lib, rid)) == 5
    player.seek(PARKED_MS)

    # Feedback: each party's button counts its marks and flashed once per mark.
    assert view.mark_buttons.buttons[pro.id].text() != before[pro.id]
    assert "2 gemarkeerd" in view.mark_buttons.buttons[pro.id].text()
    assert "3 gemarkeerd" in view.mark_buttons.buttons[client.id].text()
    assert view.mark_buttons.flashes == {pro.id: 2, client.id: 2}
    qtbot.waitUntil(lambda: not view.mark_buttons.flashing(pro.id))

    # Nothing of a hidden marker anywhere on the screen, in either tab.
    for text in show_all_tabs(window):
        assert leaks(text, names) == []
    assert view.sheet.marker is None  # the gespreksblad shows its empty state
    assert view.marker_list.model.rowCount() == 0 and view.marker_list.hidden_notice.isVisible()
    assert view.timeline.view._markers == {}  # no glyph is painted
    assert view.timeline.view.party_for_lane(0) is None  # no range can be drawn in a lane
    # Prev/next, repeat and delete have nothing to act on; nothing to add to a collection.
    view._step_marker(-1)
    view._step_marker(1)
    assert view.selected is None and player.loop() is None
    # Stap 1 shows no candidate and no chosen card; Stap 2 cannot be entered.
    panel = view.session_panel
    assert panel is not None
    moments = panel.pages[SessionStep.MOMENTS]
    assert moments.candidates.count() == 0 and moments.cards == []  # type: ignore[attr-defined]
    assert not any(b.isEnabled() for b in moments.add_buttons.values())  # type: ignore[attr-defined]
    assert not panel.go(SessionStep.DISCUSS)
    # Undoing a hidden mark (the client's, asked whose) takes it back without telling where;
    # redo brings it back.
    from vsr.ui.review import hidden_mark_undo

    asked = []
    monkeypatch.setattr(hidden_mark_undo, "ask_whose_mark",
                        lambda _w, offered, redo: asked.append(offered) or client.id)
    window.undo_or_redo(redo=False)  # the client's Ctrl+2 mark
    assert "2 gemarkeerd" in view.mark_buttons.buttons[client.id].text()
    assert leaks(screen_texts(window), names) == []
    window.undo_or_redo(redo=True)
    assert "3 gemarkeerd" in view.mark_buttons.buttons[client.id].text()
    assert leaks(screen_texts(window), names) == []
    assert len(mk.list_markers(lib, rid)) == 5

    # The reveal: now everything appears.
    view.tabs.setCurrentIndex(1)
    panel.go(SessionStep.MOMENTS)
    qtbot.mouseClick(moments.reveal_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert not ss.markers_hidden(lib, rid)
    view.tabs.setCurrentIndex(0)
    assert view.marker_list.model.rowCount() == 5 and len(view.timeline.view._markers) == 5
    assert "gemarkeerd" not in view.mark_buttons.buttons[pro.id].text()
    shown = screen_texts(window)
    for ms in (EARLIER_MS, *(m[0] for m in MARKS)):
        assert format_ms(ms) in shown
    assert "GEHEIM-BLAD" in shown  # first words of A in the list
    earlier = next(m for m in mk.list_markers(lib, rid) if m.start_ms == EARLIER_MS)
    view.select_marker(earlier.id)
    assert view.sheet.marker is not None and view.sheet.marker.id == earlier.id
    shown = screen_texts(window)
    assert SECRET_A in shown and SECRET_B in shown
    assert f"gemarkeerd door {client.name}" in shown
    view.tabs.setCurrentIndex(1)
    assert moments.cards  # type: ignore[attr-defined]  # the earlier chosen moment is back


def test_a_both_marked_moment_is_both_parties_in_stap_2(qtbot, window) -> None:
    view = window.review_view
    lib, rid = window.bridge.lib, window.review_id
    pro, client = rv.list_parties(lib, rid)
    ss.set_blind_marking(lib, rid, True)
    mp = mk.add_marker(lib, pro.id, 10_000)
    mc = mk.add_marker(lib, client.id, 11_000)
    sh.set_field(lib, mp.id, sh.SheetField.WHAT_HAPPENED, "PRO schreef A")
    sh.set_field(lib, mc.id, sh.SheetField.WHAT_HAPPENED, "CLIENT schreef A")
    sh.set_field(lib, mc.id, sh.SheetField.TO_ME, "CLIENT schreef B", client.id)
    panel = view.session_panel
    assert panel is not None
    view.tabs.setCurrentIndex(1)
    panel.go(SessionStep.MOMENTS)
    moments = panel.pages[SessionStep.MOMENTS]
    qtbot.mouseClick(moments.reveal_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    moments.choose_marker(mp.id)  # type: ignore[attr-defined]
    moments_now = ss.get_session(lib, rid).moments
    moment = next(m for m in moments_now if m.marker_id == mp.id)
    assert set(moment.all_marker_ids) == {mp.id, mc.id}
    assert panel.go(SessionStep.DISCUSS, moments_now.index(moment))
    discuss = panel.pages[SessionStep.DISCUSS]
    assert isinstance(discuss, DiscussPage)
    assert discuss.marked_by.text() == (
        f"Door jullie allebei gemarkeerd ({pro.name} en {client.name})")
    a_field = discuss.sheet.field(sh.SheetField.WHAT_HAPPENED)
    assert "PRO schreef A" in a_field.toPlainText()
    assert "CLIENT schreef A" in a_field.toPlainText()
    assert discuss.sheet.field(sh.SheetField.TO_ME, client.id).toPlainText() == "CLIENT schreef B"
