"""A whole Samenleergesprek walked through the SessionPanel with a fake player: ground rules,
Stap 1 (reveal blind markers, choose moments, add one here), Stap 2 (loop, A, B with feelings,
C, the client's pause), Stap 3 (summary, learnings, actions, ratings hidden until both rated),
then the saved data checked in the library and the session resumed in a new panel.

Set VSR_SHOTS=/some/dir to save a screenshot of each step there (step-0.png .. step-4.png)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTranslator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from vsr.ui.bridge import LibraryBridge
from vsr.ui.samenleergesprek.discuss_page import DiscussPage
from vsr.ui.samenleergesprek.panel import SessionPanel

from tests.ui.fake_player import FakePlayer
from tests.vsr.fakes import add_fake_recording
from vsr import samenleergesprek as ss
from vsr.library import markers as mk
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.samenleergesprek.model import SessionStep

PRO, CLIENT = "Anouk de Vries", "Zoë Çelik"


def shot(widget: QWidget, n: int, scroll_to_end: QScrollArea | None = None) -> None:
    folder = os.environ.get("VSR_SHOTS")
    for _ in range(3):  # layout requests ripple up through the scroll areas
        QApplication.processEvents()
    if scroll_to_end is not None:
        bar = scroll_to_end.verticalScrollBar()
        bar.setValue(bar.maximum())
    if folder:
        widget.grab().save(str(Path(folder) / f"step-{n}.png"))


@pytest.fixture
def translated(qapp):  # type: ignore[no-untyped-def]
    """VSR_SHOTS_QM=a.qm:b.qm installs those catalogues (for Dutch screenshots)."""
    installed = []
    for path in filter(None, os.environ.get("VSR_SHOTS_QM", "").split(os.pathsep)):
        translator = QTranslator()
        assert translator.load(path), path
        qapp.installTranslator(translator)
        installed.append(translator)
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.fixture
def setup(qtbot, library, tmp_path: Path, translated):  # type: ignore[no-untyped-def]
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id, title="Gesprek 12 januari",
                              party_names=(PRO, CLIENT))
    pro, client = rv.list_parties(library, review.id)
    bridge = LibraryBridge(library)
    player = FakePlayer(duration_ms=120_000)
    player.load(rec.path)
    yield library, bridge, player, review, pro, client
    bridge.close()


def make_panel(qtbot, bridge, review_id: int, player) -> SessionPanel:  # type: ignore[no-untyped-def]
    panel = SessionPanel(bridge, review_id, player)
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    return panel


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type like a user; QTest can only send ASCII keys, so the rest is inserted as input."""
    field.setFocus()
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:
        field.insertPlainText(text)
    field.flush()


def test_walk_a_whole_samenleergesprek(qtbot, setup) -> None:
    lib, bridge, player, review, pro, client = setup
    ss.set_blind_marking(lib, review.id, True)
    # Marked separately while watching: both near 0:10, only the client at 1:30.
    both_pro = mk.add_marker(lib, pro.id, 10_000, theme="bereiken")
    mk.add_marker(lib, client.id, 12_500, 14_000)
    mk.add_marker(lib, client.id, 90_000)
    panel = make_panel(qtbot, bridge, review.id, player)
    assert panel.step == SessionStep.RULES
    rules = panel.pages[SessionStep.RULES]

    # Opening: nobody can skip the ground rules.
    click(qtbot, panel.next_button)
    assert panel.step == SessionStep.RULES
    assert panel.notice.isVisible() and "afspraken" in panel.notice.text()
    for party in (pro, client):
        button = rules.confirm_buttons[party.id]  # type: ignore[attr-defined]
        assert party.name in button.text()
        assert button.minimumHeight() >= 44
        if party == client:
            shot(panel, 0)  # one has said yes, the other not yet
        click(qtbot, button)
    assert set(ss.get_session(lib, review.id).rules_confirmed) == {pro.id, client.id}
    click(qtbot, panel.next_button)
    assert panel.step == SessionStep.MOMENTS

    # Stap 1: the blind markers are hidden until "show", then both-marked comes first.
    moments = panel.pages[SessionStep.MOMENTS]
    assert moments.reveal_button.isVisible()  # type: ignore[attr-defined]
    assert moments.candidates.count() == 0  # type: ignore[attr-defined]
    click(qtbot, moments.reveal_button)  # type: ignore[attr-defined]
    assert moments.candidates.count() == 2  # type: ignore[attr-defined]
    first = moments.candidates.item(0)  # type: ignore[attr-defined]
    assert first.data(Qt.ItemDataRole.UserRole + 1).shared  # marked by both comes first
    assert PRO in first.text() and CLIENT in first.text()
    moments.candidates.setCurrentRow(0)  # type: ignore[attr-defined]
    click(qtbot, moments.choose_button)  # type: ignore[attr-defined]
    player.seek(42_000)
    click(qtbot, moments.add_buttons[client.id])  # type: ignore[attr-defined]
    state = ss.get_session(lib, review.id)
    assert len(state.moments) == 2 and state.moments[0].marker_id == both_pro.id
    assert state.moments[0].lag_ms == 5_000 + 4_000  # the loop reaches the client's range end
    added = mk.get_marker(lib, state.moments[1].marker_id)
    assert (added.party_id, added.start_ms) == (client.id, 42_000)
    card = moments.cards[1]  # type: ignore[attr-defined]
    card.theme.setCurrentIndex(card.theme.findData("samenwerking"))
    card.theme.activated.emit(card.theme.currentIndex())
    assert mk.get_marker(lib, added.id).theme == "samenwerking"
    shot(panel, 1)

    # Stap 2: the clip of moment 1 loops and plays; A, B per party, C.
    player.calls.clear()
    click(qtbot, panel.next_button)
    assert panel.step == SessionStep.DISCUSS
    discuss = panel.pages[SessionStep.DISCUSS]
    assert isinstance(discuss, DiscussPage)
    assert player.loop() == (5_000, 19_000)
    assert player.is_playing() and player.position() == 5_000
    sheet = discuss.sheet  # the same gespreksblad editor as the Moments tab
    type_into(qtbot, sheet.field(sh.SheetField.WHAT_HAPPENED),
              "Ik vroeg naar je doel; jij zei: ‘weet ik niet’.")
    columns = sheet.columns
    click(qtbot, columns[client.id].feeling_buttons["onzeker"])
    click(qtbot, columns[client.id].feeling_buttons["niet-gehoord"])
    type_into(qtbot, columns[client.id].to_me, "Ik voelde me overvallen.")
    type_into(qtbot, columns[pro.id].to_me, "Ik wilde snel een afspraak.")
    type_into(qtbot, sheet.field(sh.SheetField.KEEP_OR_CHANGE), "Eerst samen het doel opschrijven.")
    discuss.lag.setValue(12)
    assert ss.get_session(lib, review.id).moments[0].lag_ms == 12_000
    assert player.loop() == (5_000, 22_000)
    click(qtbot, panel.pause_button)  # the client pauses the replay
    assert not player.is_playing()
    assert CLIENT in panel.pause_button.text()
    shot(panel, 2)
    click(qtbot, panel.next_button)  # on to moment 2, still Stap 2
    assert panel.step == SessionStep.DISCUSS and panel.moment_index == 1
    assert player.loop() == (37_000, 47_000)
    type_into(qtbot, discuss.sheet.field(sh.SheetField.WHAT_HAPPENED),
              "Je zei dat je je zorgen maakt over geld.")

    # Stap 3: summary, learnings, actions, ratings.
    click(qtbot, panel.next_button)
    assert panel.step == SessionStep.CLOSING
    assert player.loop() is None  # the loop ends with Stap 2
    closing = panel.pages[SessionStep.CLOSING]
    type_into(qtbot, closing.summary, "We praten over doelen én over luisteren.")  # type: ignore[attr-defined]
    type_into(qtbot, closing.learnings[pro.id], "Meer tijd nemen.")  # type: ignore[attr-defined]
    type_into(qtbot, closing.learnings[client.id], "Ik mag zeggen wat ik denk.")  # type: ignore[attr-defined]
    actions = closing.actions  # type: ignore[attr-defined]
    click(qtbot, actions.add_button)
    row = actions.rows[0]
    qtbot.keyClicks(row.what, "Doel opschrijven in gewone woorden")
    row.save_what()
    row.who.setCurrentIndex(row.who.findData(client.id))
    row.who.activated.emit(row.who.currentIndex())
    row.due.setDate(QDate(2026, 3, 1))
    click(qtbot, actions.add_button)
    click(qtbot, actions.add_button)
    click(qtbot, actions.rows[2].remove)
    assert len(ss.get_session(lib, review.id).actions) == 2

    ratings = closing.ratings  # type: ignore[attr-defined]
    shot(panel, 3)
    ratings.start(pro.id)
    for question, value in zip(ss.RATING_QUESTIONS, (5, 4, 4), strict=True):
        click(qtbot, ratings.face_groups[(pro.id, question)].button(value))
    ratings.close_answers()
    assert not ss.ratings_revealed(lib, review.id)
    ratings.start(client.id)
    # The client sees only empty faces: nothing of the professional's answers is shown.
    assert (pro.id, "samenwerking") not in ratings.face_groups
    assert all(ratings.face_groups[(client.id, q)].checkedId() == -1 for q in ss.RATING_QUESTIONS)
    for question, value in zip(ss.RATING_QUESTIONS, (2, 4, 3), strict=True):
        if question == "begeleiding":
            scroll = closing.findChild(QScrollArea)
            shot(panel, 5, scroll)  # the client answers; the professional's answers are hidden
        click(qtbot, ratings.face_groups[(client.id, question)].button(value))
    assert ss.ratings_revealed(lib, review.id)
    assert "Groot verschil" in ratings.differences.text()
    shot(panel, 4, closing.findChild(QScrollArea))

    # Everything is in the library.
    state = ss.get_session(lib, review.id)
    assert state.step == SessionStep.CLOSING
    assert state.summary == "We praten over doelen én over luisteren."
    assert state.learning(client.id) == "Ik mag zeggen wat ik denk."
    assert [(a.what, a.who, a.due) for a in state.actions] == [
        ("Doel opschrijven in gewone woorden", client.id, "2026-03-01"), ("", ss.TOGETHER, "")]
    sheet = sh.get_sheet(lib, both_pro.id)
    assert sheet.what_happened == "Ik vroeg naar je doel; jij zei: ‘weet ik niet’."
    assert sheet.keep_or_change == "Eerst samen het doel opschrijven."
    assert sheet.reflection(client.id).feelings == ("onzeker", "niet-gehoord")
    assert sheet.reflection(client.id).to_me == "Ik voelde me overvallen."
    assert sheet.reflection(pro.id).to_me == "Ik wilde snel een afspraak."
    assert sh.get_sheet(lib, added.id).what_happened.startswith("Je zei dat")
    answers = ss.revealed_ratings(lib, review.id)
    assert answers is not None and answers[client.id].values["samenwerking"] == 2

    # Days later: a new panel opens where they left off.
    panel.close()
    again = make_panel(qtbot, bridge, review.id, player)
    assert again.step == SessionStep.CLOSING
    assert again.pages[SessionStep.CLOSING].summary.toPlainText() == state.summary  # type: ignore[attr-defined]
    click(qtbot, again.back_button)
    assert again.step == SessionStep.DISCUSS and again.moment_index == 1


def test_back_and_forth_and_keyboard(qtbot, setup) -> None:
    lib, bridge, player, review, pro, client = setup
    for party in (pro, client):
        ss.confirm_rules(lib, review.id, party.id)
    marker = mk.add_marker(lib, pro.id, 30_000)
    panel = make_panel(qtbot, bridge, review.id, player)
    panel.activateWindow()
    assert QTest.qWaitForWindowActive(panel)  # shortcuts only reach an active window
    panel.next_button.setFocus()
    qtbot.keyClick(panel.next_button, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert panel.step == SessionStep.MOMENTS
    qtbot.keyClick(panel, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert panel.step == SessionStep.MOMENTS  # no moment yet: a notice, not Stap 2
    assert "moment" in panel.notice.text()
    panel.pages[SessionStep.MOMENTS].choose_marker(marker.id)  # type: ignore[attr-defined]
    qtbot.keyClick(panel, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert panel.step == SessionStep.DISCUSS
    qtbot.keyClick(panel, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert panel.step == SessionStep.MOMENTS
    assert player.loop() is None
    click(qtbot, panel.indicator.buttons[SessionStep.CLOSING])
    assert panel.step == SessionStep.CLOSING
    click(qtbot, panel.indicator.buttons[SessionStep.RULES])
    assert panel.step == SessionStep.RULES
    assert ss.get_session(lib, review.id).step == SessionStep.RULES


def test_outside_edits_show_up(qtbot, setup) -> None:
    lib, bridge, player, review, pro, client = setup
    for party in (pro, client):
        ss.confirm_rules(lib, review.id, party.id)
    marker = mk.add_marker(lib, pro.id, 30_000)
    ss.choose_moment(lib, review.id, marker.id)
    ss.go_to_step(lib, review.id, SessionStep.DISCUSS)
    panel = make_panel(qtbot, bridge, review.id, player)
    discuss = panel.pages[SessionStep.DISCUSS]
    sh.set_field(lib, marker.id, sh.SheetField.WHAT_HAPPENED, "Getypt in het gespreksblad")
    a_field = discuss.sheet.field(sh.SheetField.WHAT_HAPPENED)  # type: ignore[attr-defined]
    assert a_field.toPlainText() == "Getypt in het gespreksblad"
    rv.rename_party(lib, client.id, "Sem")
    assert "Sem" in panel.pause_button.text()
