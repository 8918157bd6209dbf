"""Ctrl+Z while the parties mark apart ("Apart markeren"): it takes back only the mark of the
party it asked about, never the other party's last mark; redo likewise; nothing shows where."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from vsr.ui.bridge import LibraryBridge
from vsr.ui.main_window import MainWindow
from vsr.ui.review import hidden_mark_undo

from tests.ui.fake_player import FakePlayer
from tests.vsr.fakes import add_fake_recording, fake_fingerprint
from vsr import samenleergesprek as ss
from vsr.library import markers as mk
from vsr.library import recordings as rc
from vsr.library import reviews as rv


@pytest.fixture
def window(qtbot, library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(rc, "_default_fingerprinter", fake_fingerprint)
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id, party_names=("Ił", "Øy"))
    ss.set_blind_marking(library, review.id, True)
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


def mark_at(qtbot, win, ms: int, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    win.player_under_test.seek(ms)
    win.review_view.timeline.view.setFocus()
    qtbot.keyClick(win, key)


def starts(win, party_id: int) -> list[int]:  # type: ignore[no-untyped-def]
    return [m.start_ms for m in mk.list_markers(win.bridge.lib, win.review_id, party_id)]


class Asked(list[tuple[list[str], bool]]):
    """What ask_whose_mark was offered (names, redo); `reply` is the party id it answers."""

    reply: int | None = None


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Asked:
    asked = Asked()

    def ask(_parent, parties, *, redo):  # type: ignore[no-untyped-def]
        asked.append(([p.name for p in parties], redo))
        return asked.reply

    monkeypatch.setattr(hidden_mark_undo, "ask_whose_mark", ask)
    return asked


def test_ctrl_z_takes_back_only_the_asked_partys_mark(qtbot, window, answers) -> None:  # type: ignore[no-untyped-def]
    pro, client = rv.list_parties(window.bridge.lib, window.review_id)
    mark_at(qtbot, window, 5_000, Qt.Key.Key_1)  # the professional marks first,
    for ms in (10_000, 20_000, 30_000):  # then the client three times
        mark_at(qtbot, window, ms, Qt.Key.Key_2)
    assert window.undo_action.isEnabled()
    answers.reply = pro.id  # the professional presses Ctrl+Z and says it is theirs
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert answers[-1] == (["Ił", "Øy"], False)
    assert starts(window, pro.id) == []
    assert starts(window, client.id) == [10_000, 20_000, 30_000]  # still 3, not 2
    buttons = window.review_view.mark_buttons.buttons
    assert "3" in buttons[client.id].text() and "0" in buttons[pro.id].text()
    # Now only the client has a mark to take back: still asked (the key says nobody's name).
    answers.reply = client.id
    window.undo_action.trigger()
    assert answers[-1] == (["Øy"], False)
    assert starts(window, client.id) == [10_000, 20_000]
    # Redo asks whose too, and brings back exactly that party's mark.
    answers.reply = pro.id
    window.redo_action.trigger()
    assert answers[-1] == (["Ił", "Øy"], True)
    assert starts(window, pro.id) == [5_000] and starts(window, client.id) == [10_000, 20_000]
    # Cancel changes nothing.
    answers.reply = None
    window.undo_action.trigger()
    assert starts(window, pro.id) == [5_000] and starts(window, client.id) == [10_000, 20_000]


def test_after_the_reveal_undo_is_the_ordinary_history_again(qtbot, window, answers) -> None:  # type: ignore[no-untyped-def]
    pro, client = rv.list_parties(window.bridge.lib, window.review_id)
    mark_at(qtbot, window, 5_000, Qt.Key.Key_1)
    ss.reveal_markers(window.bridge.lib, window.review_id)
    assert not window.undo_action.isEnabled()  # the hidden history went with the hiding
    mark_at(qtbot, window, 9_000, Qt.Key.Key_2)
    window.undo_action.trigger()
    assert answers == []  # nothing asked: the marks are visible now
    assert starts(window, client.id) == [] and starts(window, pro.id) == [5_000]


def test_the_question_names_each_party_and_can_be_answered_by_keyboard(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    pro, client = rv.list_parties(window.bridge.lib, window.review_id)
    seen: list[list[str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append([b.text() for b in box.buttons()])
        target = next(b for b in box.buttons() if b.text() == client.name)
        assert target.accessibleName().endswith(client.name)
        target.setFocus()
        qtbot.keyClick(target, Qt.Key.Key_Space)

    QTimer.singleShot(0, answer)
    chosen = hidden_mark_undo.ask_whose_mark(window, [pro, client], redo=False)
    assert chosen == client.id
    assert pro.name in seen[0][0:3] and client.name in seen[0]
