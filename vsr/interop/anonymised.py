"""A review's export data with the one name replacement applied (`--anonymize names`): the
parties become their roles, every text (A, B, C, own sub-topics, the review's title) passes the
`NameReplacer`, and the recording is known by its file name only, with names replaced."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from vsr.anonymise.names import NameReplacer
from vsr.i18n import translate
from vsr.interop.moments import ExportMoment, ExportReview
from vsr.model import Party, PartyReflection, Sheet


def anonymise_review(data: ExportReview, names: NameReplacer) -> ExportReview:
    """`data` as it may leave the app when anonymising."""
    parties = {p.id: _as_role(p) for p in data.parties}
    recording = replace(data.recording, path=names.file_name(Path(data.recording.path).name),
                        title=names(data.recording.title))
    moments = tuple(_moment(m, parties[m.party.id], names) for m in data.moments)
    return ExportReview(replace(data.review, title=names(data.review.title)), recording,
                        tuple(parties.values()), moments)


def _as_role(party: Party) -> Party:
    return replace(party, name=translate(f"party.{party.role.value}"))


def _moment(moment: ExportMoment, party: Party, names: NameReplacer) -> ExportMoment:
    return replace(moment, party=party, theme_title=names(moment.theme_title),
                   subtopic_title=names(moment.subtopic_title), sheet=_sheet(moment.sheet, names))


def _sheet(sheet: Sheet, names: NameReplacer) -> Sheet:
    reflections = {pid: PartyReflection(r.party_id, names(r.to_me), names(r.to_other),
                                        r.feelings)
                   for pid, r in sheet.reflections.items()}
    return Sheet(sheet.marker_id, names(sheet.what_happened), names(sheet.keep_or_change),
                 reflections)
