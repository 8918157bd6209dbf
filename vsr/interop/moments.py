"""The moments of one review as flat, typed rows for the exports (ELAN, subtitles, CSV)."""

from __future__ import annotations

from dataclasses import dataclass

from vsr.errors import VsrError
from vsr.library import markers as mk
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.library.db import Library
from vsr.library.recordings import get_recording
from vsr.method import feelings, subtopic_title, theme_card
from vsr.model import Marker, Party, Recording, Review, Sheet
from vsr.samenleergesprek.blind import markers_hidden
from vsr.transcript.store import Transcript

POINT_CUE_MS = 500  # how long a point moment lasts where a format needs an end (ELAN, cues)


@dataclass(frozen=True, slots=True)
class ExportMoment:
    marker: Marker
    party: Party
    theme_title: str  # "" when untagged
    subtopic_title: str
    sheet: Sheet

    @property
    def end_ms(self) -> int:
        """The end for formats that need one: a point lasts POINT_CUE_MS."""
        m = self.marker
        return m.end_ms if m.end_ms is not None else m.start_ms + POINT_CUE_MS


def feeling_words(m: ExportMoment, party_id: int) -> str:
    """The feelings `party_id` chose with pictograms at this moment (what a client who does not
    write said), as words in the export's language: "onzeker, niet gehoord"."""
    titles = {f.key: f.title for f in feelings()}
    return ", ".join(titles.get(key, key) for key in m.sheet.reflection(party_id).feelings)


@dataclass(frozen=True, slots=True)
class ExportReview:
    review: Review
    recording: Recording
    parties: tuple[Party, ...]
    moments: tuple[ExportMoment, ...]  # in time order
    transcript: Transcript | None = None  # only when the user chose to include it (issue 22)
    voice_names: dict[int, str] | None = None  # what to call the transcript's voices


def gather_review(lib: Library, review_id: int) -> ExportReview:
    """Everything an export writes. While the parties still mark apart the moments are hidden
    from the shared screen, so an export then would show them too early: refused."""
    review = rv.get_review(lib, review_id)
    if markers_hidden(lib, review_id):
        raise VsrError("error.session.markers_hidden")
    parties = tuple(rv.list_parties(lib, review_id))
    by_id = {p.id: p for p in parties}
    moments = []
    for marker in mk.list_markers(lib, review_id):
        card = theme_card(marker.theme) if marker.theme else None
        sub = subtopic_title(marker.theme, marker.subtopic) if marker.subtopic else ""
        moments.append(ExportMoment(marker, by_id[marker.party_id], card.title if card else marker.theme,
                                    sub, sh.get_sheet(lib, marker.id)))
    return ExportReview(review, get_recording(lib, review.recording_id), parties, tuple(moments))
