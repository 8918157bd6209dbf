"""The Samenleergesprek state: steps, ground rules, moments, actions, ratings, trend."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lang import worded
from tests.vsr.fakes import add_fake_recording
from vsr import samenleergesprek as ss
from vsr.errors import NotFoundError, VsrError
from vsr.library import markers as mk
from vsr.library import open_library
from vsr.library import reviews as rv
from vsr.samenleergesprek import actions as act
from vsr.samenleergesprek import blind
from vsr.samenleergesprek import moments as mo
from vsr.samenleergesprek import ratings as rt
from vsr.samenleergesprek.model import MAX_LEAD_LAG_MS, SessionStep


@pytest.fixture
def review(library, tmp_path: Path):  # type: ignore[no-untyped-def]
    rec = add_fake_recording(library, tmp_path)
    return rv.create_review(library, rec.id, party_names=("Anouk de Vries", "Sem Öztürk"))


def parties(library, review):  # type: ignore[no-untyped-def]
    return rv.list_parties(library, review.id)


def test_new_review_has_empty_session_at_the_rules(library, review) -> None:
    state = ss.get_session(library, review.id)
    assert state.step == SessionStep.RULES
    assert state.moments == () and state.actions == () and state.rules_confirmed == {}
    assert state.started_at == ""
    started = ss.start_session(library, review.id)
    assert started.started_at


def test_step1_needs_every_party_to_confirm_the_rules(library, review) -> None:
    pro, client = parties(library, review)
    with pytest.raises(VsrError) as err:
        ss.go_to_step(library, review.id, SessionStep.MOMENTS)
    assert err.value.key == "error.session.rules_not_confirmed"
    assert err.value.params["count"] == 2
    ss.confirm_rules(library, review.id, pro.id)
    with pytest.raises(VsrError):
        ss.go_to_step(library, review.id, SessionStep.MOMENTS)
    ss.confirm_rules(library, review.id, client.id)
    state = ss.go_to_step(library, review.id, SessionStep.MOMENTS)
    assert state.step == SessionStep.MOMENTS
    assert set(state.rules_confirmed) == {pro.id, client.id}
    assert all(state.rules_confirmed.values())  # each confirmation has its time


def test_taking_back_a_confirmation(library, review) -> None:
    pro, _ = parties(library, review)
    ss.confirm_rules(library, review.id, pro.id)
    ss.confirm_rules(library, review.id, pro.id, False)
    assert ss.get_session(library, review.id).rules_confirmed == {}


def test_party_of_other_review_is_refused(library, review, tmp_path: Path) -> None:
    rec2 = add_fake_recording(library, tmp_path, "b.mp4", b"other")
    other = rv.create_review(library, rec2.id)
    stranger = rv.list_parties(library, other.id)[0]
    with pytest.raises(NotFoundError):
        ss.confirm_rules(library, review.id, stranger.id)
    with pytest.raises(NotFoundError):
        ss.set_learning(library, review.id, stranger.id, "x")
    stranger_marker = mk.add_marker(library, stranger.id, 1000)
    with pytest.raises(NotFoundError):
        ss.choose_moment(library, review.id, stranger_marker.id)


def _confirm_all(library, review) -> None:  # type: ignore[no-untyped-def]
    for p in parties(library, review):
        ss.confirm_rules(library, review.id, p.id)


def test_step2_needs_a_moment_and_at_most_three(library, review) -> None:
    pro, client = parties(library, review)
    _confirm_all(library, review)
    with pytest.raises(VsrError) as err:
        ss.go_to_step(library, review.id, SessionStep.DISCUSS)
    assert err.value.key == "error.session.no_moments"
    markers = [mk.add_marker(library, pro.id, t * 10_000) for t in range(4)]
    chosen = [ss.choose_moment(library, review.id, m.id) for m in markers[:3]]
    assert [c.position for c in chosen] == [0, 1, 2]
    assert ss.choose_moment(library, review.id, markers[0].id) == chosen[0]  # idempotent
    with pytest.raises(VsrError) as err:
        ss.choose_moment(library, review.id, markers[3].id)
    assert err.value.key == "error.session.too_many_moments"
    before = len(mk.list_markers(library, review.id))
    with pytest.raises(VsrError):
        ss.add_moment_at(library, review.id, client.id, 55_000)
    assert len(mk.list_markers(library, review.id)) == before  # no stray marker left
    state = ss.go_to_step(library, review.id, SessionStep.DISCUSS, moment_index=7)
    assert state.moment_index == 2  # clamped to the last moment


def test_moment_order_remove_and_margins(library, review) -> None:
    pro, client = parties(library, review)
    a = mk.add_marker(library, pro.id, 10_000)
    b = mk.add_marker(library, client.id, 20_000, 26_000)
    ma = ss.choose_moment(library, review.id, a.id)
    mb = ss.choose_moment(library, review.id, b.id, lead_ms=2_000, lag_ms=3_000)
    ss.move_moment(library, mb.id, 0)
    assert ss.get_session(library, review.id).marker_ids == (b.id, a.id)
    mb = ss.set_loop_margins(library, mb.id, 1_000, 10**9)
    assert (mb.lead_ms, mb.lag_ms) == (1_000, MAX_LEAD_LAG_MS)
    assert ss.loop_range(mb, b) == (19_000, 26_000 + MAX_LEAD_LAG_MS)
    assert ss.loop_range(mb, b, duration_ms=60_000) == (19_000, 60_000)
    assert ss.loop_range(ma, a) == (5_000, 15_000)
    early = mk.add_marker(library, pro.id, 1_000)
    me = ss.choose_moment(library, review.id, early.id)
    assert ss.loop_range(me, early) == (0, 6_000)  # never before the start
    ss.remove_moment(library, mb.id)
    state = ss.get_session(library, review.id)
    assert state.marker_ids == (a.id, early.id)
    assert [m.position for m in state.moments] == [0, 1]
    assert mk.get_marker(library, b.id)  # the marker itself stays


def test_add_moment_here_and_theme(library, review) -> None:
    _, client = parties(library, review)
    moment = ss.add_moment_at(library, review.id, client.id, 42_500, theme="bereiken")
    marker = mk.get_marker(library, moment.marker_id)
    assert (marker.party_id, marker.start_ms, marker.theme) == (client.id, 42_500, "bereiken")
    ss.set_moment_theme(library, moment.id, "samenwerking", "klik")
    marker = mk.get_marker(library, moment.marker_id)
    assert (marker.theme, marker.subtopic) == ("samenwerking", "klik")


def test_deleting_a_marker_unchooses_its_moment(library, review) -> None:
    pro, _ = parties(library, review)
    m = mk.add_marker(library, pro.id, 5_000)
    ss.choose_moment(library, review.id, m.id)
    mk.delete_marker(library, m.id)
    assert ss.get_session(library, review.id).moments == ()


def test_actions(library, review) -> None:
    pro, client = parties(library, review)
    a1 = ss.add_action(library, review.id, "Doel opschrijven", client.id, "2026-03-01")
    a2 = ss.add_action(library, review.id, "Samen bellen")
    assert a2.who == ss.TOGETHER and a2.due == "" and not a2.done
    ss.update_action(library, a2.id, who=pro.id, due="2026-04-02", done=True)
    a2 = act.get_action(library, a2.id)
    assert (a2.who, a2.due, a2.done, a2.what) == (pro.id, "2026-04-02", True, "Samen bellen")
    ss.update_action(library, a2.id, clear_due=True, who=ss.TOGETHER)
    assert act.get_action(library, a2.id).due == ""
    assert act.get_action(library, a2.id).who == ss.TOGETHER
    with pytest.raises(VsrError) as err:
        ss.update_action(library, a1.id, due="volgende week")
    assert err.value.key == "error.session.bad_date"
    ss.remove_action(library, a1.id)
    state = ss.get_session(library, review.id)
    assert [(a.id, a.position) for a in state.actions] == [(a2.id, 0)]


def test_everything_survives_reopening(library, review, tmp_path: Path) -> None:
    pro, client = parties(library, review)
    _confirm_all(library, review)
    m = mk.add_marker(library, pro.id, 30_000)
    moment = ss.choose_moment(library, review.id, m.id, lead_ms=3_000, lag_ms=7_000)
    ss.go_to_step(library, review.id, SessionStep.CLOSING)
    ss.set_summary(library, review.id, "We praten over geld én doelen.")
    ss.set_learning(library, review.id, client.id, "Ik mag ‘nee’ zeggen.")
    ss.add_action(library, review.id, "Afspraak maken", client.id, "2026-05-01")
    ss.set_rating(library, review.id, pro.id, "samenwerking", 4)
    path = library.path
    library.close()
    lib = open_library(path)
    try:
        state = ss.get_session(lib, review.id)
        assert state.step == SessionStep.CLOSING
        assert state.summary == "We praten over geld én doelen."
        assert state.learning(client.id) == "Ik mag ‘nee’ zeggen."
        assert state.moments[0].id == moment.id and state.moments[0].lag_ms == 7_000
        assert state.actions[0].what == "Afspraak maken"
        assert ss.own_ratings(lib, review.id, pro.id).values == {"samenwerking": 4}
    finally:
        lib.close()


def test_every_edit_is_announced(library, review) -> None:
    seen = []
    library.subscribe(seen.append)
    pro, _ = parties(library, review)
    ss.confirm_rules(library, review.id, pro.id, initiator="me")
    ss.set_summary(library, review.id, "x")
    assert [(c.entity, c.review_id) for c in seen] == [("session", review.id)] * 2
    assert seen[0].initiator == "me"


# -- perception ratings ----------------------------------------------------------------------

def _rate_all(library, review_id: int, party_id: int, values: tuple[int, int, int]) -> None:  # type: ignore[no-untyped-def]
    for question, value in zip(ss.RATING_QUESTIONS, values, strict=True):
        ss.set_rating(library, review_id, party_id, question, value)


def test_ratings_hidden_until_every_party_rated_all(library, review) -> None:
    pro, client = parties(library, review)
    _rate_all(library, review.id, pro.id, (5, 4, 5))
    assert not ss.ratings_revealed(library, review.id)
    assert ss.revealed_ratings(library, review.id) is None
    seen_by_client = ss.visible_ratings(library, review.id, client.id)
    assert seen_by_client[pro.id].values == {}  # the professional's answers are hidden
    assert ss.visible_ratings(library, review.id, pro.id)[pro.id].values["bereiken"] == 4
    assert ss.rating_status(library, review.id) == {pro.id: True, client.id: False}
    ss.set_rating(library, review.id, client.id, "samenwerking", 2)
    ss.set_rating(library, review.id, client.id, "bereiken", 3)
    assert not ss.ratings_revealed(library, review.id)  # two of three is not done
    ss.set_rating(library, review.id, client.id, "begeleiding", 5)
    assert ss.ratings_revealed(library, review.id)
    both = ss.revealed_ratings(library, review.id)
    assert both is not None
    assert both[pro.id].values == {"samenwerking": 5, "bereiken": 4, "begeleiding": 5}
    assert ss.visible_ratings(library, review.id, client.id)[pro.id].values["samenwerking"] == 5


def test_a_third_party_must_rate_too(library, review) -> None:
    pro, client = parties(library, review)
    _rate_all(library, review.id, pro.id, (3, 3, 3))
    _rate_all(library, review.id, client.id, (3, 3, 3))
    assert ss.ratings_revealed(library, review.id)
    rv.add_party(library, review.id, "Tolk")
    assert not ss.ratings_revealed(library, review.id)


def test_rating_values_are_checked(library, review) -> None:
    pro, _ = parties(library, review)
    with pytest.raises(ValueError):
        ss.set_rating(library, review.id, pro.id, "samenwerking", 6)
    with pytest.raises(ValueError):
        ss.set_rating(library, review.id, pro.id, "weer", 3)
    rt.clear_ratings(library, review.id, pro.id)
    assert ss.own_ratings(library, review.id, pro.id).values == {}


def test_difference_in_words() -> None:
    assert ss.describe_difference([("Anouk", 4), ("Sem", 4)]) == \
        "Jullie antwoorden zijn hetzelfde."
    assert ss.describe_difference([("Anouk", 5), ("Sem", 4)]) == \
        "Klein verschil: Anouk is iets positiever dan Sem."
    assert worded("en", ss.describe_difference, [("Anouk", 5), ("Sem", 2)]) == (
        "A big difference: Anouk is 3 points more positive than Sem. Talk about this together.")
    three = ss.describe_difference([("A", 5), ("B", 2), ("C", 5)])
    assert three.startswith("Groot verschil: A en C zijn 3 punten positiever dan B.")
    assert ss.describe_difference([("A", 3)]) == ""


def test_trend_over_reviews_with_the_same_client(library, tmp_path: Path) -> None:
    rec = add_fake_recording(library, tmp_path)
    first = rv.create_review(library, rec.id, party_names=("Coach", "Sem Öztürk"))
    second = rv.create_review(library, rec.id, party_names=("Coach", "  sem   ÖZTÜRK "))
    other = rv.create_review(library, rec.id, party_names=("Coach", "Iemand Anders"))
    hidden = rv.create_review(library, rec.id, party_names=("Coach", "Sem Öztürk"))
    for rid, pro_values, client_values in (
        (first.id, (5, 5, 4), (2, 3, 1)),
        (second.id, (4, 4, 4), (3, 4, 2)),
        (other.id, (1, 1, 1), (1, 1, 1)),
    ):
        pro, client = rv.list_parties(library, rid)
        _rate_all(library, rid, pro.id, pro_values)
        _rate_all(library, rid, client.id, client_values)
    pro_h, _ = rv.list_parties(library, hidden.id)
    _rate_all(library, hidden.id, pro_h.id, (5, 5, 5))  # client not yet: stays out
    trend = ss.rating_trend(library, second.id)
    assert [p.review_id for p in trend] == [first.id, second.id]
    assert trend[0].by_role["professional"] == pytest.approx(14 / 3)
    assert trend[0].by_role["client"] == pytest.approx(2.0)
    assert trend[1].by_question["begeleiding"] == {"professional": 4.0, "client": 2.0}


def test_default_client_name_is_not_a_series(library, tmp_path: Path) -> None:
    rec = add_fake_recording(library, tmp_path)
    a = rv.create_review(library, rec.id)
    b = rv.create_review(library, rec.id)
    for rid in (a.id, b.id):
        pro, client = rv.list_parties(library, rid)
        _rate_all(library, rid, pro.id, (4, 4, 4))
        _rate_all(library, rid, client.id, (3, 3, 3))
    assert [p.review_id for p in ss.rating_trend(library, b.id)] == [b.id]


# -- independent marking ---------------------------------------------------------------------

def test_blind_marking_hides_the_others_markers_until_reveal(library, review) -> None:
    pro, client = parties(library, review)
    ss.set_blind_marking(library, review.id, True)
    mp = mk.add_marker(library, pro.id, 10_000)
    mc = mk.add_marker(library, client.id, 12_000)
    solo = mk.add_marker(library, client.id, 50_000)
    assert ss.markers_hidden(library, review.id)
    assert [m.id for m in ss.visible_markers(library, review.id, pro.id)] == [mp.id]
    assert [m.id for m in ss.visible_markers(library, review.id, client.id)] == [mc.id, solo.id]
    assert ss.visible_markers(library, review.id, None) == []
    assert ss.candidate_moments(library, review.id) == []
    ss.reveal_markers(library, review.id)
    assert not ss.markers_hidden(library, review.id)
    assert len(ss.visible_markers(library, review.id, None)) == 3
    candidates = ss.candidate_moments(library, review.id)
    assert [c.shared for c in candidates] == [True, False]
    assert candidates[0].marker.id == mp.id and candidates[0].party_ids == (pro.id, client.id)
    assert blind.lag_covering(candidates[0], 5_000) == 7_000
    assert candidates[1].marker.id == solo.id
    ss.set_blind_marking(library, review.id, True)  # a new round hides them again
    assert ss.markers_hidden(library, review.id)
    ss.set_blind_marking(library, review.id, False)
    assert not ss.markers_hidden(library, review.id)


def test_moment_of_unknown_id(library) -> None:
    with pytest.raises(NotFoundError):
        mo.remove_moment(library, 999)
    with pytest.raises(NotFoundError):
        ss.get_session(library, 999)
