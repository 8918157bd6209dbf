"""Comparing where the parties marked: the moments both (all) marked, within a tolerance, and
the moments only one marked. Pure functions over markers; nothing here reads the library.

Two markers match when they belong to different parties and the gap between them is at most the
tolerance. The gap of two ranges that overlap is 0 (a point is a range of length 0). Matching is
greedy, nearest first: the closest pair is joined first, and a marker joins at most one group.
With more than two parties a group grows to one marker per party, as long as every member stays
within the tolerance of every other member, so "all three marked here" is one match.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from vsr.model import Marker, Party

DEFAULT_TOLERANCE_MS = 5_000


def marker_end(marker: Marker) -> int:
    return marker.end_ms if marker.end_ms is not None else marker.start_ms


def gap_ms(a: Marker, b: Marker) -> int:
    """Time between two markers; 0 when their ranges overlap or touch."""
    return max(0, max(a.start_ms, b.start_ms) - min(marker_end(a), marker_end(b)))


@dataclass(frozen=True, slots=True)
class MarkerMatch:
    """Markers of two or more parties at (about) the same moment, in party order."""

    markers: tuple[Marker, ...]

    @property
    def party_ids(self) -> tuple[int, ...]:
        return tuple(m.party_id for m in self.markers)

    @property
    def start_ms(self) -> int:
        return min(m.start_ms for m in self.markers)

    @property
    def end_ms(self) -> int:
        return max(marker_end(m) for m in self.markers)

    @property
    def gap_ms(self) -> int:
        """The largest gap between two of its markers (0 when they all overlap)."""
        return max(gap_ms(a, b) for a, b in combinations(self.markers, 2))

    @property
    def first(self) -> Marker:
        """The earliest marker: the one a chosen moment is attached to."""
        return min(self.markers, key=lambda m: (m.start_ms, m.id))


@dataclass(frozen=True, slots=True)
class MarkerComparison:
    matches: tuple[MarkerMatch, ...]  # ordered by time
    singles: tuple[Marker, ...]  # marked by one party only, ordered by time


def _close_pairs(items: list[Marker], tolerance_ms: int) -> list[tuple[int, ...]]:
    """(gap, start distance, earlier start, ids, indexes) of every pair of different parties
    within the tolerance. `items` is sorted by start, so the scan for a marker stops at the
    first later marker that starts beyond its end plus the tolerance."""
    pairs: list[tuple[int, ...]] = []
    for i, a in enumerate(items):
        reach = marker_end(a) + tolerance_ms
        for j in range(i + 1, len(items)):
            b = items[j]
            if b.start_ms > reach:
                break
            if a.party_id != b.party_id and gap_ms(a, b) <= tolerance_ms:
                pairs.append((gap_ms(a, b), b.start_ms - a.start_ms, a.start_ms,
                              min(a.id, b.id), max(a.id, b.id), i, j))
    return pairs


def compare_markers(markers: Iterable[Marker], parties: Sequence[Party],
                    tolerance_ms: int = DEFAULT_TOLERANCE_MS) -> MarkerComparison:
    """Where the parties marked the same moment and where only one did.

    Markers of parties not in `parties` are left out. `tolerance_ms` must be >= 0."""
    if tolerance_ms < 0:
        raise ValueError("tolerance_ms must be >= 0")
    order = {p.id: i for i, p in enumerate(sorted(parties, key=lambda p: (p.position, p.id)))}
    items = sorted((m for m in markers if m.party_id in order), key=lambda m: (m.start_ms, m.id))
    pairs = sorted(_close_pairs(items, tolerance_ms))
    group_of = list(range(len(items)))  # index -> group id (the group's first index)
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    for *_, i, j in pairs:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        if {items[k].party_id for k in members[gi]} & {items[k].party_id for k in members[gj]}:
            continue  # one marker per party in a group
        if any(gap_ms(items[x], items[y]) > tolerance_ms
               for x in members[gi] for y in members[gj]):
            continue  # every member within the tolerance of every other member
        members[gi].extend(members.pop(gj))
        for k in members[gi]:
            group_of[k] = gi
    matches = [
        MarkerMatch(tuple(sorted((items[k] for k in group),
                                 key=lambda m: (order[m.party_id], m.start_ms, m.id))))
        for group in members.values() if len(group) > 1
    ]
    singles = [items[group[0]] for group in members.values() if len(group) == 1]
    matches.sort(key=lambda g: (g.start_ms, g.first.id))
    singles.sort(key=lambda m: (m.start_ms, m.id))
    return MarkerComparison(tuple(matches), tuple(singles))
