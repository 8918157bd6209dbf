"""The domain model: typed records with the names of DOMAIN.md. Times are integer milliseconds."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class PartyRole(StrEnum):
    PROFESSIONAL = "professional"
    CLIENT = "client"
    OTHER = "other"  # e.g. an interpreter, a family member


class MarkerShape(StrEnum):
    """Each party's markers get a shape as well as a colour, so colour is never the only cue."""

    CIRCLE = "circle"
    SQUARE = "square"
    DIAMOND = "diamond"
    TRIANGLE = "triangle"


# No conversation is recorded for two days on end: a longer duration is a broken header. The
# UI's 32-bit pixel and scroll-bar maths also stop at about 596 hours of milliseconds.
MAX_RECORDING_MS = 48 * 3600 * 1000


@dataclass(frozen=True, slots=True)
class ProbeResult:
    """What PyAV found in a media file."""

    duration_ms: int
    has_video: bool
    has_audio: bool
    width: int = 0
    height: int = 0
    fps: float = 0.0
    rotation: int = 0  # degrees clockwise the picture must be turned for display
    video_codec: str = ""
    audio_codec: str = ""
    container: str = ""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Recording:
    id: int
    fingerprint: str
    path: str
    title: str
    duration_ms: int
    has_video: bool
    has_audio: bool
    width: int
    height: int
    fps: float
    rotation: int  # degrees clockwise to turn upright (vsr.media.opener)
    size_bytes: int
    added_at: str


# A participant's name: on the mark buttons, the lanes and every export (the names dialog, the
# core and an incoming package all hold it to this).
PARTY_NAME_MAX = 60


@dataclass(frozen=True, slots=True)
class Party:
    id: int
    review_id: int
    role: PartyRole
    name: str
    color: str  # "#rrggbb"
    shape: MarkerShape
    position: int  # lane order, 0 first


@dataclass(frozen=True, slots=True)
class Review:
    """A terugkijkgesprek: one recording watched back together by its parties."""

    id: int
    recording_id: int
    title: str
    created_at: str
    updated_at: str
    pause_on_mark: bool = False
    share_reflections: bool = False  # the gespreksbladen may go into clip material


@dataclass(frozen=True, slots=True)
class Marker:
    """A marked moment: a point (end_ms is None) or a range, placed by one party."""

    id: int
    review_id: int
    party_id: int
    start_ms: int
    end_ms: int | None
    theme: str = ""  # theme card key, "" when untagged
    subtopic: str = ""  # sub-topic key or a user-added sub-topic's text
    created_at: str = ""

    @property
    def is_range(self) -> bool:
        return self.end_ms is not None

    def contains(self, ms: int) -> bool:
        end = self.end_ms if self.end_ms is not None else self.start_ms
        return self.start_ms <= ms <= end


@dataclass(frozen=True, slots=True)
class PartyReflection:
    """Part B of the gespreksblad for one party: what it did to me, and to the other."""

    party_id: int
    to_me: str = ""
    to_other: str = ""
    feelings: tuple[str, ...] = ()  # feeling pictogram keys


@dataclass(frozen=True, slots=True)
class Sheet:
    """The gespreksblad of one marker: A shared, B per party, C joint."""

    marker_id: int
    what_happened: str = ""  # A
    keep_or_change: str = ""  # C
    reflections: dict[int, PartyReflection] = field(default_factory=dict)  # party id -> B

    def reflection(self, party_id: int) -> PartyReflection:
        return self.reflections.get(party_id, PartyReflection(party_id))


@dataclass(frozen=True, slots=True)
class SubTopic:
    key: str
    title: str
    question: str
    custom: bool = False


@dataclass(frozen=True, slots=True)
class ThemeCard:
    key: str
    number: int
    title: str
    description: str
    pictogram: str  # file name in resources/pictograms
    subtopics: tuple[SubTopic, ...] = ()
