"""Exports of a review. `export_summary` writes the joint learning summary (gezamenlijk
leerverslag) as PDF, DOCX, HTML or Markdown, atomically, with data of that one review only.
The file is recorded before it is written (so a purge of the recording deletes it too, even
after a kill), written in full into a staging of its own, audited, and only then moved into
place: a failed audit leaves no file (`vsr.export.atomic.place_staged`)."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from vsr.anonymise.known import review_names
from vsr.errors import VsrError
from vsr.export.atomic import StagedFile, drop_staged, place_staged, stage_file, write_atomic
from vsr.export.summary_content import (
    PartyNaming,
    StillGrabber,
    SummaryDoc,
    add_stills,
    build_summary,
)
from vsr.file_names import safe_file_name
from vsr.i18n import translate, using_language
from vsr.library.audit import AuditAction, audit, subject_of
from vsr.library.consent import Purpose
from vsr.library.db import Library, library_staging
from vsr.library.exported import (
    SUMMARY,
    NewExportedFile,
    drop_replaced,
    forget_export,
    record_exported,
)
from vsr.library.reviews import get_review

SummaryFormat = Literal["pdf", "docx", "html", "md"]
FORMATS: tuple[SummaryFormat, ...] = ("pdf", "docx", "html", "md")


def _writer(fmt: str) -> Callable[[SummaryDoc, Path], None]:
    # Each format's library is imported only when that format is asked for, and only in the
    # process that writes the file (with `in_child` not the one that reads the library: fpdf
    # alone takes 0.3 s to import).
    if fmt == "pdf":
        from vsr.export.summary_pdf import write_pdf

        return write_pdf
    if fmt == "docx":
        from vsr.export.summary_docx import write_docx

        return write_docx
    if fmt == "html":
        from vsr.export.summary_html import write_html

        return write_html
    if fmt == "md":
        from vsr.export.summary_md import write_markdown

        return write_markdown
    raise VsrError("error.export.format", fmt=fmt)


def export_summary(
    lib: Library, review_id: int, fmt: SummaryFormat | str, out: Path | str,
    party_naming: PartyNaming = "names",
    include_stills: bool = False, grab_still: StillGrabber | None = None,
    extra_names: Iterable[str] = (), language: str | None = None,
    include_talk_time: bool = False, *, in_child: bool = False,
    progress: Callable[[float], None] | None = None, cancel: Callable[[], bool] | None = None,
) -> Path:
    """Write the learning summary of `review_id` to `out` and return its absolute path.

    `language` "nl" or "en" words this one summary in a language chosen for it (default: the
    current language, vsr.i18n.set_language). `party_naming` "initials" shows
    "A.d.V." instead of names and anonymises the summary: every name the library knows, and
    `extra_names`, is replaced in every text and in the file name. Stills from the video are
    off by default (faces are personal data), and so is `include_talk_time` (who spoke how much,
    from the recording's transcript). Nothing is written unless the whole file could be made.
    `in_child`: the stills and the file are made in a child process (vsr.export.child) with
    `progress` and `cancel` (then `grab_still` is not used); the library is read here."""
    if str(fmt).lower() not in FORMATS:  # an unknown format fails before any work is done
        raise VsrError("error.export.format", fmt=fmt)
    with using_language(language):
        doc = build_summary(lib, review_id, party_naming=party_naming,
                            extra_names=extra_names)
        names = review_names(lib, review_id, extra_names) if party_naming == "initials" else None
        if include_talk_time:
            doc = with_talk_time(lib, review_id, doc, party_naming)
    include_stills = include_stills and doc.recording_has_video  # a sound recording has none
    if include_stills and not in_child:
        doc = add_stills(doc, grab_still)
    out = Path(out)
    if names is not None:  # no name in the file name either
        out = out.with_name(names.file_name(out.name))
    pending = begin_summary_export(lib, review_id, out,
                                   names_replaced=party_naming == "initials")
    try:
        if in_child:
            from vsr.export.child import write_summary_in_child

            # into the export's own staging (removed with it), so no staging root here
            write_summary_in_child(doc, str(fmt).lower(), pending.file,
                                   include_stills=include_stills, progress=progress,
                                   cancel=cancel, shown_as=pending.path)
        else:
            write_summary(doc, fmt, pending.file, shown_as=pending.path)
    except BaseException:
        abandon_summary_export(lib, pending)
        raise
    finish_summary_export(lib, pending, fmt=fmt, include_stills=include_stills,
                          party_naming=party_naming)
    return pending.path


def with_talk_time(lib: Library, review_id: int, doc: SummaryDoc,
                   party_naming: PartyNaming = "names") -> SummaryDoc:
    """The summary with its optional section "who spoke how much"; VsrError when it was chosen
    and the recording has no transcript (said, not silently left out). The voices carry the
    parties' labels of the summary (initials when it is anonymised), once the users said who
    is who."""
    from dataclasses import replace

    from vsr.export.summary_content import party_labels
    from vsr.library.reviews import list_parties
    from vsr.samenleergesprek.blind import markers_hidden
    from vsr.transcript.talk import review_talk_sentences

    if markers_hidden(lib, review_id):  # "Apart markeren": not before the moments are shown
        raise VsrError("error.transcript.talk_hidden")
    labels = party_labels(list_parties(lib, review_id), party_naming)
    sentences = review_talk_sentences(lib, review_id, labels)
    if not sentences:
        raise VsrError("error.transcript.none", recording=get_review(lib, review_id).recording_id)
    return replace(doc, talk_time=tuple(sentences))


@dataclass(frozen=True, slots=True)
class PendingSummary:
    """A summary export recorded before its file exists (see `begin_summary_export`)."""

    review_id: int
    export_id: str
    path: Path  # where the file goes once it is audited
    staging_root: Path
    staged: StagedFile  # the writer writes `staged.file`

    @property
    def file(self) -> Path:
        return self.staged.file


def begin_summary_export(lib: Library, review_id: int, out: Path | str, *,
                         names_replaced: bool = False) -> PendingSummary:
    """Record the summary's file as an exported file of the review's recording (purpose
    own_review) before it is written, so a kill at any moment never leaves a summary on disk
    that a purge or withdrawal does not know about (a row whose file never came is reported
    as missing when it is deleted). A UI calls this on the library's thread, then
    `write_summary` to `pending.file` on a worker, then `finish_summary_export` (or
    `abandon_summary_export`)."""
    file = Path(out).expanduser().absolute()
    review = get_review(lib, review_id)
    export_id = uuid.uuid4().hex
    record_exported(lib, export_id, Purpose.OWN_REVIEW.value, None,
                    [NewExportedFile(file, SUMMARY, recording_id=review.recording_id,
                                     names_replaced=names_replaced)],
                    replace=False)
    root = library_staging(lib)
    try:
        staged = stage_file(file, root)
    except BaseException:
        forget_export(lib, export_id)
        raise
    return PendingSummary(review_id, export_id, file, root, staged)


def finish_summary_export(
    lib: Library, pending: PendingSummary, *, fmt: SummaryFormat | str,
    include_stills: bool, party_naming: PartyNaming,
) -> None:
    """The file is written: audit the export, then move the file into place (older rows for
    the same path are forgotten then). When the audit cannot be written (the library busy, the disk
    full) no file is left and a VsrError says so. The audit row names the file, not its
    folder: folder names often carry a client's name."""
    def record() -> None:
        with lib.write():
            audit(lib, AuditAction.EXPORT, subject_of("review", pending.review_id),
                  export_id=pending.export_id, format=str(fmt).lower(), file=pending.path.name,
                  stills=bool(include_stills), party_naming=party_naming)

    place_or_forget(lib, pending.staged, pending.export_id, record)


def place_or_forget(lib: Library, staged: StagedFile, export_id: str,
                    record: Callable[[], object]) -> Path:
    """`place_staged`; when it fails the export's ledger row goes too (best effort: a row
    left behind only names a file that is not there, which a deletion reports as missing).
    Older rows for the same path are dropped only once the new file is in place (best effort
    too: one left behind names the same file as the new row)."""
    try:
        placed = place_staged(lib, staged, record)
    except BaseException:
        with contextlib.suppress(VsrError):
            forget_export(lib, export_id)
        raise
    with contextlib.suppress(VsrError):
        drop_replaced(lib, export_id)
    return placed


def abandon_summary_export(lib: Library, pending: PendingSummary) -> None:
    """The file was never written: forget its row (an older file at that path stays known)
    and remove what was staged."""
    drop_staged(pending.staged)
    forget_export(lib, pending.export_id)


def default_summary_name(lib: Library, review_id: int, fmt: str, *, anonymise: bool,
                         today: date | None = None) -> str:
    """A file name for the summary: from the review's title, or when anonymising a neutral
    one with the date ("leerverslag-2026-03-03.pdf"), so no name ends up in it."""
    suffix = str(fmt).lower()
    if anonymise:
        day = (today or date.today()).isoformat()
        return safe_file_name(f"{translate('summary.file_stem')}-{day}", suffix)
    return file_name_from_title(get_review(lib, review_id).title, suffix,
                                translate("summary.file_stem"))


def file_name_from_title(title: str, fmt: str, fallback: str = "leerverslag") -> str:
    """A file name from a title, without characters file systems refuse."""
    return safe_file_name(title, fmt, fallback=fallback)


def write_summary(doc: SummaryDoc, fmt: SummaryFormat | str, out: Path | str, *,
                  staging_root: Path | None = None, shown_as: Path | None = None) -> Path:
    """Lay out a gathered summary in `fmt` and write it atomically (staged in the app's own
    folder when `staging_root` is given). Touches no library, so a UI can gather on the main
    thread and run this (and `add_stills`) on a worker."""
    writer = _writer(str(fmt).lower())
    return write_atomic(Path(out), lambda tmp: writer(doc, tmp), staging_root=staging_root,
                        shown_as=shown_as)


__all__ = ["FORMATS", "PendingSummary", "SummaryDoc", "SummaryFormat", "abandon_summary_export",
           "add_stills", "begin_summary_export", "build_summary", "default_summary_name",
           "export_summary", "file_name_from_title", "finish_summary_export", "place_or_forget",
           "write_summary"]
