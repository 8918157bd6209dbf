"""Writing imported moments into the library: one transaction for the review, its parties,
markers and gespreksbladen, so an import is whole or absent, and fast for thousands of moments."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from vsr.dates import clock, long_date
from vsr.errors import ImportFileError, VsrError
from vsr.i18n import translate
from vsr.library import reviews as rv
from vsr.library.changes import Action, Change, Entity
from vsr.library.db import Library
from vsr.library.markers import insert_marker_row
from vsr.library.recordings import get_recording
from vsr.library.rows import now_iso
from vsr.library.sheets import write_reflection_row, write_sheet_row
from vsr.text import MAX_TEXT


@dataclass(frozen=True, slots=True)
class ImportedMoment:
    """One moment from another tool. Party names are resolved against the target review."""

    party: str
    start_ms: int
    end_ms: int | None  # None: a point
    what_happened: str = ""  # A
    keep_or_change: str = ""  # C
    theme: str = ""
    subtopic: str = ""
    reflections: dict[str, tuple[str, str]] = field(default_factory=dict)  # party -> (to me, to other)


@dataclass(frozen=True, slots=True)
class ImportResult:
    review_id: int
    moments: int
    parties: tuple[str, ...]  # the parties that got moments, in lane order
    new_review: bool
    cut_at_end: int = 0  # moments whose end ran past the recording's end, now ending there


def store_moments(lib: Library, *, source: str, recording_id: int, review_id: int | None,
                  party_names: list[str], moments: list[ImportedMoment],
                  initiator: object | None = None) -> ImportResult:
    """Add `moments` to review `review_id`, or to a new review of `recording_id` whose parties
    are `party_names`. Existing parties are matched by name (ignoring case); others are added."""
    from vsr.interop.fit import fit_to_recording

    recording = get_recording(lib, recording_id)  # NotFoundError before anything is written
    if not moments:
        raise ImportFileError("error.import.nothing", path=source)
    _refuse_long_text(moments, source)
    moments, cut = fit_to_recording(moments, recording.duration_ms, source)
    if review_id is not None and rv.get_review(lib, review_id).recording_id != recording_id:
        raise VsrError("error.import.other_recording", review=review_id, recording=recording_id)
    party_names = list({n.casefold(): n for n in reversed(party_names)}.values())[::-1]
    with lib.write() as changes:
        new = review_id is None
        if review_id is None:
            # Neutral: the file's name often holds the client's name ("gesprek_sanne.eaf").
            title = translate("interop.imported_title", day=long_date(date.today()))
            review_id = rv.create_review(lib, recording_id, title=title,
                                         party_names=tuple(party_names), initiator=initiator).id
        party_ids = _party_ids(lib, review_id, party_names, initiator)
        marker_ids = _insert(lib, review_id, party_ids, moments)
        lib.conn.execute("UPDATE reviews SET updated_at = ? WHERE id = ?", (now_iso(), review_id))
        changes.append(Change(Entity.MARKER, Action.ADDED, tuple(marker_ids), review_id, initiator))
    used = {m.party.casefold() for m in moments}
    return ImportResult(review_id, len(marker_ids),
                        tuple(n for n in party_names if n.casefold() in used), new, cut)


def _refuse_long_text(moments: list[ImportedMoment], source: str) -> None:
    """A text longer than a package may carry (an ELAN annotation of 10 MB) is refused: stored,
    it made a review that no package could take to a colleague."""
    for m in moments:
        texts = [m.what_happened, m.keep_or_change, m.theme, m.subtopic,
                 *(t for pair in m.reflections.values() for t in pair)]
        if any(len(t) > MAX_TEXT for t in texts):
            raise ImportFileError(path=source, reason="reason.text_too_long", limit=MAX_TEXT,
                                  first=clock(m.start_ms, exact=True))


def _party_ids(lib: Library, review_id: int, names: list[str], initiator: object | None) -> dict[str, int]:
    existing = {p.name.casefold(): p.id for p in rv.list_parties(lib, review_id)}
    for name in names:
        if name.casefold() not in existing:
            existing[name.casefold()] = rv.add_party(lib, review_id, name, initiator=initiator).id
    return existing


def _insert(lib: Library, review_id: int, party_ids: dict[str, int],
            moments: list[ImportedMoment]) -> list[int]:
    # Through the library's own row writers: times normalised and text cleaned as an edit's
    # (a BORIS comment with Word's U+000B would otherwise make the ELAN export invalid XML).
    now = now_iso()
    ids = []
    for m in moments:
        marker_id = insert_marker_row(
            lib, review_id=review_id, party_id=party_ids[m.party.casefold()],
            start_ms=m.start_ms, end_ms=m.end_ms, theme=m.theme, subtopic=m.subtopic,
            created_at=now)
        ids.append(marker_id)
        write_sheet_row(lib, marker_id, m.what_happened, m.keep_or_change)
        for name, (to_me, to_other) in m.reflections.items():
            party_id = party_ids.get(name.casefold())
            if party_id is not None and (to_me or to_other):
                write_reflection_row(lib, marker_id, party_id, to_me, to_other)
    return ids
