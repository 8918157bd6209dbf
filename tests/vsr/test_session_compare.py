"""compare_markers: where the parties marked the same moment, and where only one did."""

from __future__ import annotations

import pytest

from vsr.model import Marker, MarkerShape, Party, PartyRole
from vsr.samenleergesprek.compare import compare_markers, gap_ms

P1 = Party(1, 1, PartyRole.PROFESSIONAL, "Pro", "#0072B2", MarkerShape.CIRCLE, 0)
P2 = Party(2, 1, PartyRole.CLIENT, "Client", "#D55E00", MarkerShape.DIAMOND, 1)
P3 = Party(3, 1, PartyRole.OTHER, "Tolk", "#009E73", MarkerShape.SQUARE, 2)
_ids = iter(range(1, 10_000))


def mark(party: Party, start: int, end: int | None = None, ident: int | None = None) -> Marker:
    return Marker(ident if ident is not None else next(_ids), 1, party.id, start, end)


def ids(markers) -> list[int]:  # type: ignore[no-untyped-def]
    return [m.id for m in markers]


def test_no_markers() -> None:
    result = compare_markers([], [P1, P2])
    assert result.matches == () and result.singles == ()


def test_within_tolerance_matches_and_outside_stays_single() -> None:
    a, b = mark(P1, 10_000), mark(P2, 14_000)
    c, d = mark(P1, 60_000), mark(P2, 65_001)
    result = compare_markers([a, b, c, d], [P1, P2])
    assert [ids(m.markers) for m in result.matches] == [[a.id, b.id]]
    assert ids(result.singles) == [c.id, d.id]
    assert result.matches[0].gap_ms == 4_000


def test_tolerance_is_inclusive_and_adjustable() -> None:
    a, b = mark(P1, 0), mark(P2, 5_000)
    assert len(compare_markers([a, b], [P1, P2]).matches) == 1
    assert len(compare_markers([a, b], [P1, P2], tolerance_ms=4_999).matches) == 0
    assert len(compare_markers([a, mark(P2, 0)], [P1, P2], tolerance_ms=0).matches) == 1
    with pytest.raises(ValueError):
        compare_markers([a, b], [P1, P2], tolerance_ms=-1)


def test_overlapping_ranges_match_however_far_their_starts() -> None:
    long = mark(P1, 10_000, 90_000)
    inside = mark(P2, 60_000)
    result = compare_markers([long, inside], [P1, P2], tolerance_ms=1_000)
    assert len(result.matches) == 1
    assert result.matches[0].gap_ms == 0
    assert (result.matches[0].start_ms, result.matches[0].end_ms) == (10_000, 90_000)
    assert gap_ms(mark(P1, 0, 5_000), mark(P2, 8_000, 9_000)) == 3_000


def test_same_party_never_matches_itself() -> None:
    a, b = mark(P1, 10_000), mark(P1, 10_500)
    result = compare_markers([a, b], [P1, P2])
    assert result.matches == ()
    assert ids(result.singles) == [a.id, b.id]


def test_greedy_nearest_pair_wins() -> None:
    # The client's marker at 13 s is nearer to the professional's second marker (12.5 s) than
    # to the first (9 s); the first then has nobody left and stays single.
    p_far, p_near = mark(P1, 9_000), mark(P1, 12_500)
    client = mark(P2, 13_000)
    result = compare_markers([p_far, client, p_near], [P1, P2])
    assert [ids(m.markers) for m in result.matches] == [[p_near.id, client.id]]
    assert ids(result.singles) == [p_far.id]


def test_each_marker_joins_one_match_only() -> None:
    p1, p2 = mark(P1, 10_000), mark(P1, 20_000)
    c = mark(P2, 15_000)  # 5 s from both: a tie, broken by the earlier marker
    result = compare_markers([p1, p2, c], [P1, P2])
    assert len(result.matches) == 1
    assert ids(result.matches[0].markers) == [p1.id, c.id]
    assert ids(result.singles) == [p2.id]


def test_chains_are_not_transitive() -> None:
    # pro 0 s - client 4 s - pro 8 s: the client can match only one of them.
    a, b, c = mark(P1, 0), mark(P2, 4_000), mark(P1, 8_000)
    result = compare_markers([a, b, c], [P1, P2])
    assert [ids(m.markers) for m in result.matches] == [[a.id, b.id]]
    assert ids(result.singles) == [c.id]


def test_three_parties_form_one_group_when_all_are_close() -> None:
    a, b, c = mark(P1, 10_000), mark(P2, 11_000), mark(P3, 12_000)
    result = compare_markers([c, b, a], [P3, P1, P2])  # input order does not matter
    assert len(result.matches) == 1
    group = result.matches[0]
    assert group.party_ids == (P1.id, P2.id, P3.id)  # party order, not input order
    assert result.singles == ()


def test_three_parties_but_one_too_far_from_another() -> None:
    # B is within 5 s of A and of C, but A and C are 8 s apart: C stays out of A's group.
    a, b, c = mark(P1, 10_000), mark(P2, 14_000), mark(P3, 18_000)
    result = compare_markers([a, b, c], [P1, P2, P3])
    assert [ids(m.markers) for m in result.matches] == [[a.id, b.id]]
    assert ids(result.singles) == [c.id]


def test_two_of_three_parties_marked() -> None:
    a, c = mark(P1, 30_000), mark(P3, 31_000)
    result = compare_markers([a, c, mark(P2, 90_000)], [P1, P2, P3])
    assert result.matches[0].party_ids == (P1.id, P3.id)
    assert len(result.singles) == 1


def test_markers_of_unknown_parties_are_left_out() -> None:
    stranger = Party(9, 2, PartyRole.CLIENT, "X", "#000000", MarkerShape.CIRCLE, 0)
    a, b = mark(P1, 1_000), mark(stranger, 1_000)
    result = compare_markers([a, b], [P1, P2])
    assert result.matches == ()
    assert ids(result.singles) == [a.id]


def test_results_are_in_time_order() -> None:
    late = [mark(P1, 100_000), mark(P2, 100_500)]
    early = [mark(P1, 1_000), mark(P2, 1_200)]
    singles = [mark(P2, 70_000), mark(P1, 40_000)]
    result = compare_markers([*late, *singles, *early], [P1, P2])
    assert [m.start_ms for m in result.matches] == [1_000, 100_000]
    assert [m.start_ms for m in result.singles] == [40_000, 70_000]
    assert result.matches[0].first.start_ms == 1_000


def test_many_markers_pair_up_one_to_one() -> None:
    pros = [mark(P1, t * 30_000) for t in range(50)]
    clients = [mark(P2, t * 30_000 + 2_000) for t in range(50)]
    result = compare_markers(pros + clients, [P1, P2])
    assert len(result.matches) == 50 and result.singles == ()
    assert all(m.gap_ms == 2_000 for m in result.matches)


def test_invariants_on_random_markers() -> None:
    """Each marker once; one per party in a match, all within the tolerance; no two singles
    of different parties that could still have been matched."""
    import random
    from itertools import combinations

    rng = random.Random(4)
    for _ in range(30):
        markers = []
        for _k in range(rng.randint(0, 40)):
            party = rng.choice([P1, P2, P3])
            start = rng.randint(0, 120_000)
            end = start + rng.randint(0, 8_000) if rng.random() < 0.3 else None
            markers.append(mark(party, start, end))
        result = compare_markers(markers, [P1, P2, P3])
        seen = [m.id for g in result.matches for m in g.markers] + ids(result.singles)
        assert sorted(seen) == sorted(m.id for m in markers)
        for g in result.matches:
            assert len(set(g.party_ids)) == len(g.markers) >= 2
            assert all(gap_ms(a, b) <= 5_000 for a, b in combinations(g.markers, 2))
        for a, b in combinations(result.singles, 2):
            assert a.party_id == b.party_id or gap_ms(a, b) > 5_000
