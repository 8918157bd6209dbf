"""The perception check: each party rates the three theme questions on a 1..5 pictogram scale
without seeing the others' answers; only when every party has answered all three are the answers
shown side by side, with the difference put into words. Over several reviews with the same
client the answers form a trend.

The hiding is enforced here, not in a view: the only functions that return another party's
values are `revealed_ratings` and `visible_ratings`, and both hold them back until all rated.
Both parties sit at one screen, so the screen shows nobody's choice before then, not even the
answering party's own: `shared_ratings` is what it may show (which questions each party
answered, no values, until everyone answered everything).
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean

from vsr.i18n import LANGUAGES, in_language, translate
from vsr.library.changes import Action
from vsr.library.db import Library
from vsr.library.reviews import list_parties
from vsr.library.rows import now_iso
from vsr.model import Party, PartyRole
from vsr.samenleergesprek import store
from vsr.samenleergesprek.model import RATING_MAX, RATING_MIN, RATING_QUESTIONS, PartyRatings, TrendPoint


def _check_question(question: str) -> None:
    if question not in RATING_QUESTIONS:
        raise ValueError(f"unknown rating question {question!r}")


def set_rating(lib: Library, review_id: int, party_id: int, question: str, value: int,
               *, initiator: object | None = None) -> None:
    """Save one party's answer (1..5) to one question."""
    _check_question(question)
    if not RATING_MIN <= int(value) <= RATING_MAX:
        raise ValueError(f"a rating is {RATING_MIN}..{RATING_MAX}, not {value}")
    store.check_party(lib, review_id, party_id)
    with lib.write(store.change(Action.UPDATED, review_id, initiator)):
        store.touch(lib, review_id)
        lib.conn.execute(
            "INSERT INTO session_ratings (review_id, party_id, question, value, rated_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT(review_id, party_id, question)"
            " DO UPDATE SET value = excluded.value, rated_at = excluded.rated_at",
            (review_id, party_id, question, int(value), now_iso()),
        )


def clear_ratings(lib: Library, review_id: int, party_id: int,
                  *, initiator: object | None = None) -> None:
    """Take back all of one party's answers (e.g. a mistaken tap before the reveal)."""
    store.check_party(lib, review_id, party_id)
    with lib.write(store.change(Action.UPDATED, review_id, initiator)):
        store.touch(lib, review_id)
        lib.conn.execute("DELETE FROM session_ratings WHERE review_id = ? AND party_id = ?",
                         (review_id, party_id))


def _all_ratings(lib: Library, review_id: int) -> dict[int, PartyRatings]:
    values: dict[int, dict[str, int]] = {p: {} for p in store.party_ids(lib, review_id)}
    for row in lib.query("SELECT party_id, question, value FROM session_ratings"
                         " WHERE review_id = ?", (review_id,)):
        party = int(str(row["party_id"]))
        if party in values and str(row["question"]) in RATING_QUESTIONS:
            values[party][str(row["question"])] = int(str(row["value"]))
    return {p: PartyRatings(p, v) for p, v in values.items()}


def own_ratings(lib: Library, review_id: int, party_id: int) -> PartyRatings:
    """A party's own answers: always visible to that party."""
    store.check_party(lib, review_id, party_id)
    return _all_ratings(lib, review_id)[party_id]


def rating_status(lib: Library, review_id: int) -> dict[int, bool]:
    """Per party: has it answered all three questions? (Says nothing about the values.)"""
    return {p: r.complete for p, r in _all_ratings(lib, review_id).items()}


def ratings_revealed(lib: Library, review_id: int) -> bool:
    """True only when every party of the review has answered all three questions."""
    status = rating_status(lib, review_id)
    return bool(status) and all(status.values())


def revealed_ratings(lib: Library, review_id: int) -> dict[int, PartyRatings] | None:
    """Everyone's answers once all rated; None while any party has still to answer."""
    if not ratings_revealed(lib, review_id):
        return None
    return _all_ratings(lib, review_id)


def visible_ratings(lib: Library, review_id: int, viewer: int | None) -> dict[int, PartyRatings]:
    """What `viewer` may see now: their own answers, and the others' only after the reveal.
    Hidden parties appear with empty values."""
    everything = _all_ratings(lib, review_id)
    if ratings_revealed(lib, review_id):
        return everything
    return {p: (r if p == viewer else PartyRatings(p)) for p, r in everything.items()}


@dataclass(frozen=True, slots=True)
class SharedRatings:
    """What the screen both parties look at may show of the perception check right now."""

    revealed: bool  # every party answered every question
    answered: dict[int, frozenset[str]]  # party id -> the questions it answered (no values)
    values: dict[int, PartyRatings]  # everyone's answers once revealed; empty ones before


def shared_ratings(lib: Library, review_id: int) -> SharedRatings:
    """The one rule for the shared screen: before the reveal no party's values, its own
    included (the other party sees the same screen); only which questions are answered."""
    everything = _all_ratings(lib, review_id)
    answered = {p: frozenset(r.values) for p, r in everything.items()}
    revealed = bool(everything) and all(r.complete for r in everything.values())
    if revealed:
        return SharedRatings(True, answered, everything)
    return SharedRatings(False, answered, {p: PartyRatings(p) for p in everything})


# -- the difference in words -----------------------------------------------------------------

def _join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    word = translate("rating.and")
    return ", ".join(names[:-1]) + f" {word} " + names[-1]


def describe_difference(answers: list[tuple[str, int]]) -> str:
    """Name the difference between parties' answers to one question, in plain words: who is
    more positive and by how many points. `answers` is (party label, value) per party."""
    if len(answers) < 2:
        return ""
    values = [v for _, v in answers]
    high, low = max(values), min(values)
    if high == low:
        return translate("rating.diff.same")
    highest = [n for n, v in answers if v == high]
    lowest = [n for n, v in answers if v == low]
    key = "rating.diff.small" if high - low == 1 else "rating.diff.large"
    if len(highest) > 1:
        key += ".plural"  # "A en C zijn", not "A en C is"
    return translate(key, high=_join_names(highest), low=_join_names(lowest),
                     points=high - low)


def rating_label(value: int) -> str:
    """The words under a pictogram of the 1..5 scale."""
    return translate(f"rating.{int(value)}")


# -- trend over reviews with the same client -------------------------------------------------

def client_key(name: str) -> str:
    """How "the same client" is recognised: the client's name, trimmed, spaces collapsed,
    case-insensitive. The default label ("Cliënt") names nobody, so it gives no key."""
    key = " ".join(name.split()).casefold()
    defaults = {in_language(code, "party.client").casefold() for code in LANGUAGES}
    return "" if key in defaults else key


def _client(parties: list[Party]) -> Party | None:
    return next((p for p in parties if p.role == PartyRole.CLIENT), None)


def rating_trend(lib: Library, review_id: int) -> list[TrendPoint]:
    """The perception checks of every review with this review's client, oldest first.
    Only reviews whose ratings are revealed count, so the trend never shows a hidden answer.
    A client without a real name (the default label) has no series: only this review."""
    client = _client(list_parties(lib, review_id))
    key = client_key(client.name) if client is not None else ""
    if key:
        candidates = [
            int(str(r["review_id"])) for r in lib.query(
                "SELECT DISTINCT review_id FROM parties WHERE role = ?", (PartyRole.CLIENT.value,))
        ]
    else:
        candidates = [review_id]
    points = []
    for rid in candidates:
        parties = list_parties(lib, rid)
        other = _client(parties)
        if rid != review_id and (other is None or client_key(other.name) != key):
            continue
        answers = revealed_ratings(lib, rid)
        if answers is None:
            continue
        points.append(_trend_point(lib, rid, parties, answers))
    return sorted(points, key=lambda p: (p.date, p.review_id))


def _trend_point(lib: Library, review_id: int, parties: list[Party],
                 answers: dict[int, PartyRatings]) -> TrendPoint:
    rows = lib.query("SELECT title, created_at FROM reviews WHERE id = ?", (review_id,))
    by_role: dict[str, list[int]] = {}
    by_question: dict[str, dict[str, list[int]]] = {q: {} for q in RATING_QUESTIONS}
    for party in parties:
        values = answers[party.id].values
        for question in RATING_QUESTIONS:
            by_role.setdefault(party.role.value, []).append(values[question])
            by_question[question].setdefault(party.role.value, []).append(values[question])
    return TrendPoint(
        review_id=review_id,
        date=str(rows[0]["created_at"]),
        title=str(rows[0]["title"]),
        by_role={role: fmean(v) for role, v in by_role.items()},
        by_question={q: {role: fmean(v) for role, v in roles.items()}
                     for q, roles in by_question.items()},
    )
