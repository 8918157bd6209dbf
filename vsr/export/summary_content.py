"""What goes into the joint learning summary, gathered from ONE review and worded in one
language, so the four formats (PDF, DOCX, HTML, Markdown) only lay it out.

Decisions (also in the export docs):
- The recording is referred to by title, file name and length, never by its folder: folder
  names often hold a client's name or case number, and the summary leaves the machine.
- The moments are the ones chosen in Stap 1. When none were chosen, every marker whose
  gespreksblad has something filled in is listed instead, with a line saying so.
- Ratings appear only when every party has rated (as in the app); otherwise a line says they
  are still hidden. The trend over other reviews is left out: it is other reviews' data.
- Only rows of this review are read: every query below is keyed by the review id.
- A moment several parties marked is all of theirs: "Gemarkeerd door: jullie allebei (names)",
  and its sheet holds what each wrote while marking (see `vsr.samenleergesprek.moment_sheet`).
- While the markers are hidden (independent marking, not yet revealed) no moment is listed,
  only a line saying so: the summary shows no more than the shared screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from vsr import method
from vsr.anonymise.known import review_names
from vsr.anonymise.names import NameReplacer, initials
from vsr.dates import clock, long_date_of
from vsr.i18n import current_language, translate, using_language
from vsr.library import markers as mk
from vsr.library import sheets as sh
from vsr.library.db import Library
from vsr.library.recordings import get_recording
from vsr.library.reviews import get_review, list_parties
from vsr.model import Marker, Party, Sheet
from vsr.samenleergesprek import ratings as rt
from vsr.samenleergesprek.model import RATING_QUESTIONS, TOGETHER, Moment
from vsr.samenleergesprek.moments import moment_party_ids
from vsr.samenleergesprek.state import get_session
from vsr.text import clean_strings

PartyNaming = Literal["names", "initials"]
StillGrabber = Callable[[Path, int, int], bytes | None]


@dataclass(frozen=True, slots=True)
class PartyColumn:
    id: int
    label: str  # name or initials
    color: str  # "#rrggbb"
    role: str


@dataclass(frozen=True, slots=True)
class Feeling:
    title: str
    pictogram: Path | None


@dataclass(frozen=True, slots=True)
class Reflection:
    """B of one party for one moment."""

    to_me: str
    to_other: str
    feelings: tuple[Feeling, ...]


@dataclass(frozen=True, slots=True)
class MomentBlock:
    number: int
    at_ms: int  # where the moment starts (the still is taken here)
    time_text: str  # "0:12 – 0:24"
    theme_title: str  # "" when untagged
    subtopic_title: str
    pictogram: Path | None
    marked_by: str
    what_happened: str  # A
    keep_or_change: str  # C
    reflections: tuple[Reflection, ...]  # B, one per party column, same order
    still: bytes | None = None  # JPEG
    still_missing: bool = False  # stills were asked for but none could be made


@dataclass(frozen=True, slots=True)
class ActionRow:
    what: str
    who: str
    due: str  # "" when not set
    done: bool


@dataclass(frozen=True, slots=True)
class RatingRow:
    question: str
    pictogram: Path | None
    values: tuple[int, ...]  # one per party column
    faces: tuple[Path | None, ...]  # the 1..5 scale pictogram of each value
    difference: str


@dataclass(frozen=True, slots=True)
class SummaryDoc:
    lang: str
    review_title: str
    date_text: str
    parties: tuple[PartyColumn, ...]
    recording_text: str
    rules_confirmed_text: str
    moments_note: str  # "" or a line explaining which moments are listed
    moments: tuple[MomentBlock, ...]
    summary: str
    learnings: tuple[str, ...]  # one per party column
    actions: tuple[ActionRow, ...]
    ratings: tuple[RatingRow, ...]  # empty while hidden
    ratings_note: str  # "" when shown
    prompts: method.SheetPrompts
    recording_path: str  # for stills only; never printed
    recording_rotation: int
    recording_duration: str = ""  # "12:34"
    talk_time: tuple[str, ...] = ()  # only when chosen (issue 22): who spoke how much
    faces_blurred: bool = False  # anonymised: stills get every face blurred
    # A sound recording (or one whose only picture is cover art) has no stills to give.
    recording_has_video: bool = True

    def t(self, key: str, **params: object) -> str:
        """A label of the summary in the document's language."""
        with using_language(self.lang):  # rendered later, maybe elsewhere: in the doc's language
            return translate(f"summary.{key}", **params)

    def or_empty(self, text: str) -> str:
        return text.strip() if text.strip() else self.t("empty")

    def rating_label(self, value: int) -> str:
        with using_language(self.lang):
            return rt.rating_label(value)


def party_labels(parties: list[Party], naming: PartyNaming) -> dict[int, str]:
    labels = {p.id: (initials(p.name) if naming == "initials" else p.name.strip() or "?")
              for p in parties}
    seen: dict[str, int] = {}
    for p in parties:  # two parties with the same initials stay apart
        seen[labels[p.id]] = seen.get(labels[p.id], 0) + 1
    for p in parties:
        if seen[labels[p.id]] > 1:
            labels[p.id] = f"{labels[p.id]} ({p.position + 1})"
    return labels


def _date_text(iso: str) -> str:
    return long_date_of(iso)


def _sheet_is_filled(sheet: Sheet) -> bool:
    return bool(sheet.what_happened.strip() or sheet.keep_or_change.strip() or any(
        r.to_me.strip() or r.to_other.strip() or r.feelings for r in sheet.reflections.values()))


def marked_by_text(party_ids: tuple[int, ...], labels: dict[int, str]) -> str:
    """Who marked a moment: one name, or "jullie allebei (A en B)" when several did."""
    names = [labels.get(p, "?") for p in party_ids]
    if len(names) <= 1:
        return names[0] if names else "?"
    key = "summary.marked_by_both" if len(names) == 2 else "summary.marked_by_all"
    return translate(key, names=_join(names))


def _moment_block(number: int, marker: Marker, sheet: Sheet, columns: tuple[PartyColumn, ...],
                  labels: dict[int, str],
                  marked_by: tuple[int, ...] = ()) -> MomentBlock:
    card = method.theme_card(marker.theme) if marker.theme else None
    feelings = {f.key: f for f in method.feelings()}
    pictograms = method.resource_path("pictograms")

    def feeling(key: str) -> Feeling:
        f = feelings.get(key)
        if f is None:
            return Feeling(key, None)
        path = pictograms / f.pictogram
        return Feeling(f.title, path if path.is_file() else None)

    end = marker.end_ms if marker.end_ms is not None else marker.start_ms
    time_text = clock(marker.start_ms) + (f" – {clock(end)}" if end != marker.start_ms else "")
    picto = pictograms / card.pictogram if card is not None else None
    return MomentBlock(
        number=number,
        at_ms=marker.start_ms,
        time_text=time_text,
        theme_title=card.title if card is not None else "",
        subtopic_title=(method.subtopic_title(marker.theme, marker.subtopic)
                        if marker.subtopic else ""),
        pictogram=picto if picto is not None and picto.is_file() else None,
        marked_by=marked_by_text(marked_by or (marker.party_id,), labels),
        what_happened=sheet.what_happened,
        keep_or_change=sheet.keep_or_change,
        reflections=tuple(
            Reflection(sheet.reflection(c.id).to_me, sheet.reflection(c.id).to_other,
                       tuple(feeling(k) for k in sheet.reflection(c.id).feelings))
            for c in columns
        ),
    )


def build_summary(lib: Library, review_id: int,
                  party_naming: PartyNaming = "names", extra_names: Iterable[str] = (),
                  *, replace_names: bool = True) -> SummaryDoc:
    """Everything the summary shows, from this review only (quick: library reads only).
    With initials the summary is anonymised: every name the library knows (and `extra_names`)
    is replaced in every text, and the review and recording are named by date, not title.
    `replace_names=False` leaves that to the caller (`anonymise_summary`, e.g. on a worker)."""
    doc = _build_summary(lib, review_id, party_naming=party_naming)
    if party_naming != "initials" or not replace_names:
        return doc
    return anonymise_summary(doc, review_names(lib, review_id, extra_names),
                             get_review(lib, review_id).created_at)


def anonymise_summary(doc: SummaryDoc, names: NameReplacer, created_at: str) -> SummaryDoc:
    """The summary with names replaced in all free text and neutral titles."""
    duration = doc.recording_duration
    with using_language(doc.lang):
        return _anonymised(doc, names, created_at, duration)


def _anonymised(doc: SummaryDoc, names: NameReplacer, created_at: str, duration: str) -> SummaryDoc:
    moments = tuple(replace(
        m, what_happened=names(m.what_happened), keep_or_change=names(m.keep_or_change),
        subtopic_title=names(m.subtopic_title),
        reflections=tuple(replace(r, to_me=names(r.to_me), to_other=names(r.to_other))
                          for r in m.reflections)) for m in doc.moments)
    return replace(
        doc,
        review_title=translate("review.default_title",
                               date=long_date_of(created_at)),
        recording_text=translate("summary.recording_line_anonymous", duration=duration),
        moments=moments,
        summary=names(doc.summary),
        learnings=tuple(names(x) for x in doc.learnings),
        actions=tuple(replace(a, what=names(a.what)) for a in doc.actions),
        faces_blurred=True,
    )


def _build_summary(lib: Library, review_id: int,
                   party_naming: PartyNaming) -> SummaryDoc:
    review = get_review(lib, review_id)
    recording = get_recording(lib, review.recording_id)
    parties = list_parties(lib, review_id)
    labels = party_labels(parties, party_naming)
    columns = tuple(PartyColumn(p.id, labels[p.id], p.color, p.role.value) for p in parties)
    state = get_session(lib, review_id)

    chosen, note = _listed_markers(lib, review_id, state.moments, state.markers_hidden)
    moments = [_moment_block(number, marker, sh.get_sheet(lib, marker.id), columns, labels,
                             by)
               for number, (marker, by) in enumerate(chosen, start=1)]

    confirmed = [labels[p.id] for p in parties if p.id in state.rules_confirmed]
    if parties and len(confirmed) == len(parties):
        dates = sorted(state.rules_confirmed.values())
        rules_text = translate("summary.rules_confirmed", names=_join(confirmed),
                               date=_date_text(dates[-1]))
    else:
        rules_text = translate("summary.rules_not_confirmed")

    return clean_strings(SummaryDoc(
        lang=current_language(),
        # A title left empty (a package's, a rename's) reads as a new review's: DOCX had
        # no run to make bold and the summary failed with IndexError.
        review_title=review.title.strip() or translate(
            "review.default_title", date=_date_text(review.created_at)),
        date_text=_date_text(state.started_at or review.created_at),
        parties=columns,
        recording_text=translate(
            "summary.recording_line", title=recording.title,
            file=Path(recording.path).name, duration=clock(recording.duration_ms)),
        rules_confirmed_text=rules_text,
        moments_note=note,
        moments=tuple(moments),
        summary=state.summary,
        learnings=tuple(state.learning(c.id) for c in columns),
        actions=tuple(
            ActionRow(a.what, translate("summary.together") if a.who == TOGETHER
                      else labels.get(int(a.who), "?"), _due_text(a.due), a.done)
            for a in state.actions
        ),
        ratings=_rating_rows(lib, review_id, columns),
        ratings_note="" if rt.ratings_revealed(lib, review_id)
        else translate("summary.ratings_hidden"),
        prompts=method.sheet_prompts(),
        recording_path=recording.path,
        recording_rotation=recording.rotation,
        recording_duration=clock(recording.duration_ms),
        recording_has_video=recording.has_video,
    ))


def _listed_markers(lib: Library, review_id: int, moments: tuple[Moment, ...], hidden: bool
                    ) -> tuple[list[tuple[Marker, tuple[int, ...]]], str]:
    """The markers the summary lists with the parties who marked each, and the note above."""
    if hidden:
        return [], translate("summary.moments_hidden")
    if moments:
        return [(mk.get_marker(lib, m.marker_id), moment_party_ids(lib, m)) for m in moments], ""
    filled: list[tuple[Marker, tuple[int, ...]]] = [
        (m, (m.party_id,)) for m in mk.list_markers(lib, review_id)
        if _sheet_is_filled(sh.get_sheet(lib, m.id))]
    return filled, translate("summary.no_moments_chosen" if filled else "summary.no_moments")


def add_stills(doc: SummaryDoc, grab: StillGrabber | None = None) -> SummaryDoc:
    """The summary with a still of each moment (slow: decodes video; no library access, so it
    may run on a worker thread). A moment whose still cannot be made says so. In an
    anonymised summary every face in a still is blurred, whoever grabbed it. A recording
    without a picture gives the summary as it is: no stills, and no word of missing ones."""
    if not doc.recording_has_video:
        return doc
    if grab is not None:
        if doc.faces_blurred:
            from vsr.export.stills import StillFaces

            given, faces = grab, StillFaces()
            grab = lambda path, at_ms, rotation: faces.blurred_jpeg(  # noqa: E731
                given(path, at_ms, rotation))
        return _with_stills(doc, grab)
    from vsr.export.stills import StillReader  # PyAV only when stills are asked for

    # One reader for all moments: the recording is opened and its index read once, and the
    # stills are made in one pass in time order.
    with StillReader(doc.recording_path, rotation=doc.recording_rotation,
                     blur_faces=doc.faces_blurred) as reader:
        times = [block.at_ms for block in doc.moments]
        stills = dict(zip(times, reader.grab_many(times), strict=True))
    return _with_stills(doc, lambda _path, at_ms, _rotation: stills[at_ms])


def _with_stills(doc: SummaryDoc, grab: StillGrabber) -> SummaryDoc:
    blocks = []
    for block in doc.moments:
        still = grab(Path(doc.recording_path), block.at_ms, doc.recording_rotation)
        blocks.append(replace(block, still=still, still_missing=still is None))
    return replace(doc, moments=tuple(blocks))


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {translate('rating.and')} " + names[-1]


def _due_text(due: str) -> str:
    if not due:
        return ""
    return _date_text(due + "T12:00:00")


def _rating_rows(lib: Library, review_id: int, columns: tuple[PartyColumn, ...]) -> tuple[RatingRow, ...]:
    answers = rt.revealed_ratings(lib, review_id)
    if answers is None:
        return ()
    rows = []
    for question in RATING_QUESTIONS:
        card = method.theme_card(question)
        values = tuple(answers[c.id].values[question] for c in columns)
        rows.append(RatingRow(
            question=card.title if card else question,
            pictogram=_pictogram(card.pictogram) if card else None,
            values=values,
            faces=tuple(_pictogram(f"rating-{v}.svg") for v in values),
            difference=rt.describe_difference(
                [(c.label, v) for c, v in zip(columns, values, strict=True)]),
        ))
    return tuple(rows)


def _pictogram(file_name: str) -> Path | None:
    path = method.resource_path("pictograms", file_name)
    return path if path.is_file() else None
