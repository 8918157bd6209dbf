"""The Samenleergesprek as typed records: where the conversation is, what was chosen and said.

Times are integer milliseconds. Parties are referred to by their id (see `vsr.model.Party`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final, Literal

TOGETHER: Final = "samen"
"""The `who` of an action item that both (all) parties take on together."""

Who = int | Literal["samen"]

MAX_MOMENTS: Final = 3
DEFAULT_LEAD_MS: Final = 5_000
DEFAULT_LAG_MS: Final = 5_000
MAX_LEAD_LAG_MS: Final = 120_000

RATING_QUESTIONS: Final = ("samenwerking", "bereiken", "begeleiding")
"""The perception check asks the first three theme cards' questions; keys match the cards."""

RATING_MIN: Final = 1
RATING_MAX: Final = 5


class SessionStep(StrEnum):
    """The screens of the guided conversation, in order."""

    RULES = "rules"  # opening: the ground rules both confirm
    MOMENTS = "step1"  # Stap 1: choose one to three moments
    DISCUSS = "step2"  # Stap 2: A, B per party, C for each moment
    CLOSING = "step3"  # Stap 3: summary, learnings, actions, perception check

    @property
    def order(self) -> int:
        return list(SessionStep).index(self)


@dataclass(frozen=True, slots=True)
class Moment:
    """A chosen moment: its main marker (whose gespreksblad Stap 2 fills in), every marker it
    covers (`marker_ids`, the main one first: several parties may have marked the same moment),
    and how much before/after it the clip loop starts and ends."""

    id: int
    marker_id: int
    position: int  # 0-based order in Stap 1
    lead_ms: int = DEFAULT_LEAD_MS
    lag_ms: int = DEFAULT_LAG_MS
    marker_ids: tuple[int, ...] = ()

    @property
    def all_marker_ids(self) -> tuple[int, ...]:
        """The main marker and the others it covers (the main one alone for an old record)."""
        return self.marker_ids or (self.marker_id,)


@dataclass(frozen=True, slots=True)
class ActionItem:
    id: int
    position: int
    what: str = ""
    who: Who = TOGETHER
    due: str = ""  # ISO date "YYYY-MM-DD", "" when not set
    done: bool = False


@dataclass(frozen=True, slots=True)
class SessionState:
    """Everything of one review's Samenleergesprek except the ratings (those are hidden until
    every party rated; ask `vsr.samenleergesprek.ratings`)."""

    review_id: int
    step: SessionStep = SessionStep.RULES
    moment_index: int = 0  # which chosen moment Stap 2 shows
    summary: str = ""
    rules_confirmed: dict[int, str] = field(default_factory=dict)  # party id -> ISO time
    moments: tuple[Moment, ...] = ()
    learnings: dict[int, str] = field(default_factory=dict)  # party id -> text
    actions: tuple[ActionItem, ...] = ()
    blind_marking: bool = False
    markers_revealed_at: str = ""  # "" while blind markers are still hidden
    started_at: str = ""  # "" when the session was never opened

    @property
    def markers_hidden(self) -> bool:
        """Independent marking is on and the markers were not revealed yet: the shared screen
        shows nothing of any marker (see `vsr.samenleergesprek.blind`)."""
        return self.blind_marking and not self.markers_revealed_at

    def learning(self, party_id: int) -> str:
        return self.learnings.get(party_id, "")

    @property
    def marker_ids(self) -> tuple[int, ...]:
        return tuple(m.marker_id for m in self.moments)

    @property
    def current_moment(self) -> Moment | None:
        if not self.moments:
            return None
        return self.moments[max(0, min(self.moment_index, len(self.moments) - 1))]


@dataclass(frozen=True, slots=True)
class PartyRatings:
    """One party's answers to the three questions (1..5); a missing key is not yet answered."""

    party_id: int
    values: dict[str, int] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return all(q in self.values for q in RATING_QUESTIONS)

    def average(self) -> float | None:
        answered = [self.values[q] for q in RATING_QUESTIONS if q in self.values]
        return sum(answered) / len(answered) if answered else None


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """The perception check of one review in a client's series of reviews."""

    review_id: int
    date: str  # ISO time the review was created
    title: str
    by_role: dict[str, float]  # PartyRole value -> mean of that role's answers
    by_question: dict[str, dict[str, float]]  # question -> role -> mean
