"""`export_review_file`: a review's moments as ELAN (.eaf), WebVTT, SRT or CSV, written
atomically and recorded like a summary (a purge of the recording deletes it too: these files
hold the same gespreksbladen)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from vsr.anonymise.known import review_names
from vsr.anonymise.names import NameReplacer
from vsr.errors import VsrError
from vsr.export import abandon_summary_export, begin_summary_export, finish_summary_export
from vsr.export.atomic import write_staged
from vsr.interop.anonymised import anonymise_review
from vsr.interop.csv_export import DEFAULT_SEPARATOR, SEPARATORS, write_csv
from vsr.interop.eaf_write import write_eaf
from vsr.interop.formats import EXPORT_FORMATS
from vsr.interop.moments import ExportReview, gather_review
from vsr.interop.subtitles import write_srt, write_vtt
from vsr.library.db import Library
from vsr.transcript.store import Transcript

__all__ = ["EXPORT_FORMATS"]  # re-exported: its home is vsr.interop.formats


@dataclass(frozen=True, slots=True)
class ReviewExport:
    """What one export writes: the data (anonymised when asked) and where it goes."""

    review_id: int
    fmt: str
    data: ExportReview
    target: Path
    separator: str = DEFAULT_SEPARATOR
    names_replaced: bool = False


def export_review_file(lib: Library, review_id: int, fmt: str, out: Path | str,
                       separator: str = DEFAULT_SEPARATOR, *, anonymize_names: bool = False,
                       extra_names: Iterable[str] = (), with_transcript: bool = False) -> Path:
    """Write the review's moments as `fmt` to `out`. With `anonymize_names` every name and
    identifier is replaced (the parties become their roles) and the file's own name too.
    `with_transcript` (ELAN only): a tier per voice with what was said; never by default, a
    transcript is personal data."""
    plan = plan_review_export(lib, review_id, fmt, out, separator, with_transcript=with_transcript)
    if anonymize_names:
        plan = anonymised_export(plan, review_names(lib, review_id, extra_names))
    return write_review_export(lib, plan)


def plan_review_export(lib: Library, review_id: int, fmt: str, out: Path | str,
                       separator: str = DEFAULT_SEPARATOR, *, with_transcript: bool = False
                       ) -> ReviewExport:
    """Check the choices and read what the export writes (reads the library)."""
    fmt = fmt.lower()
    if fmt not in EXPORT_FORMATS:
        raise VsrError("error.export.format", fmt=fmt)
    if separator not in SEPARATORS:
        raise VsrError("error.export.format", fmt=repr(separator))
    data = gather_review(lib, review_id)
    if with_transcript and fmt == "eaf":
        from vsr.transcript.parties import voice_labels
        from vsr.transcript.store import load_transcript

        data = replace(data, transcript=load_transcript(lib, data.recording.id),
                       voice_names=voice_labels(lib, data.recording.id, review_id))
    return ReviewExport(review_id, fmt, data, Path(out).expanduser().absolute(), separator)


def anonymised_export(plan: ReviewExport, names: NameReplacer) -> ReviewExport:
    """The plan with names and identifiers replaced, also in the file name and in a transcript
    that comes along. No library access: the window runs this on a worker (it may load deduce
    and takes milliseconds per text)."""
    data = anonymise_review(plan.data, names)
    if plan.data.transcript is not None:
        data = replace(data, transcript=_anonymised_transcript(plan.data.transcript, names),
                       voice_names={n: names(label) for n, label in
                                    (plan.data.voice_names or {}).items()})
    return replace(plan, data=data, names_replaced=True,
                   target=plan.target.with_name(names.file_name(plan.target.name)))


def _anonymised_transcript(transcript: Transcript, names: NameReplacer) -> Transcript:
    return replace(transcript, segments=tuple(
        replace(s, text=names(s.text), words=tuple(replace(w, text=names(w.text))
                                                   for w in s.words))
        for s in transcript.segments))


def write_review_export(lib: Library, plan: ReviewExport) -> Path:
    """Write the file atomically and record it (writes the library)."""
    # Recorded before the file exists, staged in the app's folder, like a summary: a kill
    # never leaves a file with gespreksbladen that a purge would not know about.
    # Audited before it is moved into place: a failed audit leaves no file.
    pending = begin_summary_export(lib, plan.review_id, plan.target)
    try:
        write_staged(pending.staged, _writer(plan.fmt, plan.data, plan.target, plan.separator))
    except BaseException:
        abandon_summary_export(lib, pending)
        raise
    finish_summary_export(lib, pending, fmt=plan.fmt, include_stills=False,
                          party_naming="initials" if plan.names_replaced else "names")
    return pending.path


def _writer(fmt: str, data: ExportReview, target: Path, separator: str) -> Callable[[Path], None]:
    if fmt == "eaf":
        # The relative media URL is computed against the final place, not the temp file.
        return lambda tmp: write_eaf(data, target, tmp)
    if fmt == "vtt":
        return lambda tmp: write_vtt(data, tmp)
    if fmt == "srt":
        return lambda tmp: write_srt(data, tmp)
    return lambda tmp: write_csv(data, tmp, separator)
