"""The perception check on the one screen both parties look at: nobody's choice, not even the
answering party's own, is given to the screen before every party answered every question."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.vsr.fakes import add_fake_recording
from vsr import samenleergesprek as ss
from vsr.library import reviews as rv
from vsr.samenleergesprek import ratings as rt
from vsr.samenleergesprek.model import RATING_QUESTIONS


@pytest.fixture
def review(library, tmp_path: Path):  # type: ignore[no-untyped-def]
    rec = add_fake_recording(library, tmp_path)
    return rv.create_review(library, rec.id, party_names=("Ił", "Øy"))


def test_the_shared_screen_gets_no_values_until_both_answered_everything(library, review) -> None:  # type: ignore[no-untyped-def]
    pro, client = rv.list_parties(library, review.id)
    ss.set_rating(library, review.id, client.id, "samenwerking", 1)
    shared = ss.shared_ratings(library, review.id)
    assert not shared.revealed
    assert shared.answered == {pro.id: frozenset(), client.id: frozenset({"samenwerking"})}
    assert all(r.values == {} for r in shared.values.values())  # the client's own 1 too
    for question, value in zip(RATING_QUESTIONS, (5, 4, 4), strict=True):
        ss.set_rating(library, review.id, pro.id, question, value)
    ss.set_rating(library, review.id, client.id, "bereiken", 2)
    shared = ss.shared_ratings(library, review.id)
    assert not shared.revealed  # the professional answered all; the client not yet
    assert all(r.values == {} for r in shared.values.values())
    assert shared.answered[pro.id] == frozenset(RATING_QUESTIONS)
    ss.set_rating(library, review.id, client.id, "begeleiding", 3)
    shared = ss.shared_ratings(library, review.id)
    assert shared.revealed
    assert shared.values[client.id].values == {"samenwerking": 1, "bereiken": 2, "begeleiding": 3}
    assert shared.values[pro.id].values == {"samenwerking": 5, "bereiken": 4, "begeleiding": 4}


def test_taking_answers_back_hides_everything_again(library, review) -> None:  # type: ignore[no-untyped-def]
    for party in rv.list_parties(library, review.id):
        for question in RATING_QUESTIONS:
            ss.set_rating(library, review.id, party.id, question, 3)
    assert ss.shared_ratings(library, review.id).revealed
    pro = rv.list_parties(library, review.id)[0]
    rt.clear_ratings(library, review.id, pro.id)
    shared = ss.shared_ratings(library, review.id)
    assert not shared.revealed and all(r.values == {} for r in shared.values.values())


def test_a_review_without_answers_shows_nothing(library, review) -> None:  # type: ignore[no-untyped-def]
    shared = ss.shared_ratings(library, review.id)
    assert not shared.revealed
    assert set(shared.answered.values()) == {frozenset()}
