"""Independent ("blind") marking: each party marks while the others' markers are hidden; after
"reveal" the comparison shows where both marked and where only one did, and those become the
candidate moments of Stap 1 (moments both marked first: agreement and difference both start the
conversation)."""

from __future__ import annotations

from dataclasses import dataclass

from vsr.library import markers as mk
from vsr.library.db import Library
from vsr.library.reviews import list_parties
from vsr.library.rows import now_iso
from vsr.model import Marker
from vsr.session import store
from vsr.session.compare import DEFAULT_TOLERANCE_MS, MarkerMatch, compare_markers, marker_end
from vsr.session.state import get_session


def set_blind_marking(lib: Library, review_id: int, on: bool,
                      *, initiator: object | None = None) -> None:
    """Switch independent marking on (markers hidden again until the next reveal) or off."""
    store.check_review(lib, review_id)
    with lib.write(store.change("updated", review_id, initiator)):
        store.touch(lib, review_id)
        lib.conn.execute(
            "UPDATE session_state SET blind_marking = ?, markers_revealed_at = NULL"
            " WHERE review_id = ?", (int(on), review_id))


def reveal_markers(lib: Library, review_id: int, *, initiator: object | None = None) -> None:
    store.check_review(lib, review_id)
    with lib.write(store.change("updated", review_id, initiator)):
        store.touch(lib, review_id)
        lib.conn.execute("UPDATE session_state SET markers_revealed_at = ? WHERE review_id = ?",
                         (now_iso(), review_id))


def markers_hidden(lib: Library, review_id: int) -> bool:
    """True while blind marking is on and the markers have not been revealed."""
    state = get_session(lib, review_id)
    return state.blind_marking and not state.markers_revealed_at


def visible_markers(lib: Library, review_id: int, viewer: int | None) -> list[Marker]:
    """The markers a view may show: all of them, or while hidden only the viewer's own
    (none when no party is marking, e.g. a shared overview)."""
    markers = mk.list_markers(lib, review_id)
    if not markers_hidden(lib, review_id):
        return markers
    return [m for m in markers if viewer is not None and m.party_id == viewer]


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
