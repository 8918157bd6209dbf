"""Independent ("blind") marking: each party marks while the others' markers are hidden; after
"reveal" the comparison shows where both marked and where only one did, and those become the
candidate moments of Stap 1 (moments both marked first: agreement and difference both start the
conversation).

What the shared screen may show while the markers are hidden (one rule, asked by every view
through `shared_screen`, so no view can get it wrong): NOTHING of any marker. Not its time, lane
glyph, list row, author, theme or gespreksblad, not in the marker list, the timeline, the sheet
editor, prev/next, the loop, Stap 1-2 or the summary. Both sit at one screen, so "only your own"
would still show the other party yours. What it may show is how many moments each party marked
(`mark_counts`): each party gets feedback that the mark was taken, without its position.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from operator import attrgetter

from vsr.library import markers as mk
from vsr.library.changes import Action
from vsr.library.db import Library
from vsr.library.reviews import list_parties
from vsr.library.rows import marker_from_row, now_iso
from vsr.model import Marker
from vsr.samenleergesprek import store
from vsr.samenleergesprek.compare import DEFAULT_TOLERANCE_MS, MarkerMatch, compare_markers, marker_end
from vsr.samenleergesprek.state import get_session


def set_blind_marking(lib: Library, review_id: int, on: bool,
                      *, initiator: object | None = None) -> None:
    """Switch independent marking on (markers hidden again until the next reveal) or off."""
    store.check_review(lib, review_id)
    with lib.write(store.change(Action.UPDATED, review_id, initiator)):
        store.touch(lib, review_id)
        lib.conn.execute(
            "UPDATE session_state SET blind_marking = ?, markers_revealed_at = NULL"
            " WHERE review_id = ?", (int(on), review_id))


def reveal_markers(lib: Library, review_id: int, *, initiator: object | None = None) -> None:
    store.check_review(lib, review_id)
    with lib.write(store.change(Action.UPDATED, review_id, initiator)):
        store.touch(lib, review_id)
        lib.conn.execute("UPDATE session_state SET markers_revealed_at = ? WHERE review_id = ?",
                         (now_iso(), review_id))


def markers_hidden(lib: Library, review_id: int) -> bool:
    """True while blind marking is on and the markers have not been revealed."""
    return get_session(lib, review_id).markers_hidden


def mark_counts(lib: Library, review_id: int) -> dict[int, int]:
    """How many moments each party of the review marked (0 for none): safe to show while the
    markers are hidden, as it says nothing about where."""
    counts = {p.id: 0 for p in list_parties(lib, review_id)}
    for row in lib.query("SELECT party_id, COUNT(*) AS n FROM markers WHERE review_id = ?"
                         " GROUP BY party_id", (review_id,)):
        counts[int(str(row["party_id"]))] = int(str(row["n"]))
    return counts


@dataclass(frozen=True, slots=True)
class SharedScreen:
    """What the screen both parties look at may show of a review's markers right now."""

    hidden: bool  # independent marking on and not yet revealed
    markers: tuple[Marker, ...]  # the markers it may show (none while hidden)
    counts: dict[int, int]  # party id -> number of markers, always safe to show
    by_id: dict[int, Marker] = field(default_factory=dict)  # `markers` by id (made from them)

    def __post_init__(self) -> None:
        if len(self.by_id) != len(self.markers):
            object.__setattr__(self, "by_id", {m.id: m for m in self.markers})

    @property
    def ids(self) -> frozenset[int]:
        return frozenset(self.by_id)

    def shows(self, marker_id: int | None) -> bool:
        """Whether a view may select, show, loop, delete or hand on this marker."""
        return marker_id is not None and marker_id in self.by_id


def shared_screen(lib: Library, review_id: int) -> SharedScreen:
    """The rule of the module docstring for one review, read once per refresh. While the
    markers are hidden no marker is read at all (only the counts): that costs the same at
    ten or ten thousand markers."""
    hidden = markers_hidden(lib, review_id)
    markers = () if hidden else tuple(mk.list_markers(lib, review_id))
    return SharedScreen(hidden, markers, mark_counts(lib, review_id))


_TIME_ORDER = attrgetter("start_ms", "id")  # the order of list_markers


def hidden_now(lib: Library, review_id: int) -> bool:
    """markers_hidden in one read (the whole session state is not needed for it)."""
    rows = lib.query("SELECT blind_marking, markers_revealed_at FROM session_state"
                     " WHERE review_id = ?", (review_id,))
    return bool(rows) and bool(rows[0]["blind_marking"]) and not rows[0]["markers_revealed_at"]


def refresh_shared_screen(lib: Library, screen: SharedScreen, review_id: int,
                          changed_ids: tuple[int, ...]) -> SharedScreen:
    """The shared screen after markers `changed_ids` were added, moved or removed, reading only
    those: the same answer as `shared_screen`, without reading every marker again. While the
    markers are hidden (or when the hiding changed) it is `shared_screen` itself."""
    if screen.hidden or not changed_ids or hidden_now(lib, review_id):
        return shared_screen(lib, review_id)
    # Only the changed markers are taken out and put in again (by their place in time), so
    # the cost hardly grows with the number of markers (placing one among 10,000).
    kept, by_id, counts = list(screen.markers), dict(screen.by_id), dict(screen.counts)
    for marker_id in set(changed_ids):
        old = by_id.pop(marker_id, None)
        if old is not None:
            del kept[bisect.bisect_left(kept, _TIME_ORDER(old), key=_TIME_ORDER)]
            counts[old.party_id] -= 1
    placeholders = ", ".join("?" * len(changed_ids))
    for row in lib.query(f"SELECT * FROM markers WHERE review_id = ? AND id IN ({placeholders})",
                         (review_id, *changed_ids)):
        marker = marker_from_row(row)
        bisect.insort(kept, marker, key=_TIME_ORDER)
        by_id[marker.id] = marker
        counts[marker.party_id] = counts.get(marker.party_id, 0) + 1
    return SharedScreen(False, tuple(kept), counts, by_id)


def visible_markers(lib: Library, review_id: int, viewer: int | None) -> list[Marker]:
    """The markers a view may show: all of them, or while hidden only the viewer's own
    (none when no party is marking, e.g. a shared overview)."""
    if not markers_hidden(lib, review_id):
        return mk.list_markers(lib, review_id)
    return [] if viewer is None else mk.list_markers(lib, review_id, viewer)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A moment offered in Stap 1: marked by several parties (`match`) or by one."""

    marker: Marker  # the marker a chosen moment attaches to
    party_ids: tuple[int, ...]
    start_ms: int
    end_ms: int
    match: MarkerMatch | None = None

    @property
    def shared(self) -> bool:
        return self.match is not None

    @property
    def markers(self) -> tuple[Marker, ...]:
        """Every marker of this moment, one per party that marked it."""
        return self.match.markers if self.match is not None else (self.marker,)


def candidate_moments(lib: Library, review_id: int,
                      tolerance_ms: int = DEFAULT_TOLERANCE_MS) -> list[Candidate]:
    """All markers of the review as Stap 1 candidates: the ones several parties marked first,
    then the ones only one party marked, each group in time order. Empty while hidden."""
    if markers_hidden(lib, review_id):
        return []
    result = compare_markers(mk.list_markers(lib, review_id), list_parties(lib, review_id),
                             tolerance_ms)
    shared = [Candidate(m.first, m.party_ids, m.start_ms, m.end_ms, m) for m in result.matches]
    single = [Candidate(m, (m.party_id,), m.start_ms, marker_end(m)) for m in result.singles]
    return shared + single


def lag_covering(candidate: Candidate, default_lag_ms: int) -> int:
    """A lag that makes the loop of a shared candidate reach the end of its last marker."""
    return default_lag_ms + max(0, candidate.end_ms - marker_end(candidate.marker))
