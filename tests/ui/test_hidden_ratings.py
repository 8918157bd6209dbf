"""The perception check in the panel: on the shared screen no choice can be seen (no pressed
face, no focus ring on it, no value in any text) until every party answered every question."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from vsr.ui.bridge import LibraryBridge
from vsr.ui.samenleergesprek.panel import SessionPanel
from vsr.ui.samenleergesprek.ratings_editor import RatingsEditor

from tests.ui.fake_player import FakePlayer
from tests.vsr.fakes import add_fake_recording
from vsr import samenleergesprek as ss
from vsr.library import reviews as rv
from vsr.samenleergesprek.model import RATING_QUESTIONS


@pytest.fixture
def editor(qtbot, library, tmp_path: Path):  # type: ignore[no-untyped-def]
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id, party_names=("Ił", "Øy"))
    bridge = LibraryBridge(library)
    panel = SessionPanel(bridge, review.id, FakePlayer(duration_ms=60_000))
    qtbot.addWidget(panel)
    panel.resize(1366, 768)
    panel.show()
    ratings = RatingsEditor(panel.ctx)
    qtbot.addWidget(ratings)
    ratings.resize(900, 700)
    ratings.show()
    ratings.refresh()
    yield ratings, review, rv.list_parties(library, review.id)
    bridge.close()


def faces(ratings: RatingsEditor, party_id: int, question: str) -> list[QAbstractButton]:
    return ratings.face_groups[(party_id, question)].buttons()


def pictures(buttons: list[QAbstractButton]) -> list[bytes]:
    QApplication.processEvents()
    # Each image is kept until its bytes are copied: constBits() of a temporary QImage reads
    # memory already given back (its first bytes then hold the allocator's pointers).
    images = [b.grab().toImage() for b in buttons]
    return [bytes(image.constBits()) for image in images]  # type: ignore[call-overload]


def texts(ratings: RatingsEditor) -> str:
    return " ".join(label.text() for label in ratings.findChildren(QLabel))


def test_a_chosen_face_looks_like_every_other_face(qtbot, editor) -> None:  # type: ignore[no-untyped-def]
    ratings, review, (pro, client) = editor
    ratings.start(client.id)
    buttons = faces(ratings, client.id, "samenwerking")
    before = pictures(buttons)
    buttons[0].setFocus()
    qtbot.keyClick(buttons[0], Qt.Key.Key_Space)  # by keyboard: "1 – very unhappy"
    assert ss.own_ratings(ratings.ctx.lib, review.id, client.id).values == {"samenwerking": 1}
    assert not any(b.isChecked() for b in buttons)
    assert not any(b.hasFocus() for b in buttons)  # the focus ring moved on
    assert faces(ratings, client.id, "bereiken")[0].hasFocus()
    assert pictures(buttons) == before  # nothing on the faces tells which one it was
    assert "Answered (hidden)" in ratings.answered_labels[(client.id, "samenwerking")].text()


def test_changing_answers_shows_nothing_of_the_earlier_choice(qtbot, editor) -> None:  # type: ignore[no-untyped-def]
    ratings, review, (pro, client) = editor
    ratings.start(client.id)
    for question, value in zip(RATING_QUESTIONS, (1, 5, 2), strict=True):
        ratings.face_groups[(client.id, question)].button(value).click()
    ratings.close_answers()
    assert "Answered. Hidden" in texts(ratings)
    ratings.start(client.id)  # "Change my answers": the faces are as empty as the first time
    for question in RATING_QUESTIONS:
        assert not any(b.isChecked() for b in faces(ratings, client.id, question))
        assert "Answered (hidden)" in ratings.answered_labels[(client.id, question)].text()
    ratings.close_answers()
    ratings.start(pro.id)  # the other party never sees the client's values either
    assert (client.id, "samenwerking") not in ratings.face_groups
    assert all(f"{v} –" not in texts(ratings) for v in range(1, 6))
    for question, value in zip(RATING_QUESTIONS, (4, 4, 4), strict=True):
        ratings.face_groups[(pro.id, question)].button(value).click()
    assert ss.ratings_revealed(ratings.ctx.lib, review.id)
    shown = texts(ratings)  # now side by side, with the difference in words
    assert "1 –" in shown and "5 –" in shown and "4 –" in shown
    assert ratings.differences.isVisible()


def test_a_refused_answer_is_not_shown_as_answered(qtbot, editor) -> None:  # type: ignore[no-untyped-def]
    ratings, review, (pro, client) = editor
    ratings.start(client.id)
    ratings.ctx.lib.conn.execute("PRAGMA query_only=ON")
    try:
        ratings.face_groups[(client.id, "samenwerking")].button(3).click()
    finally:
        ratings.ctx.lib.conn.execute("PRAGMA query_only=OFF")
    assert "Not answered yet" in ratings.answered_labels[(client.id, "samenwerking")].text()
    assert ss.own_ratings(ratings.ctx.lib, review.id, client.id).values == {}
