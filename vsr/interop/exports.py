"""`export_review_file`: a review's moments as ELAN (.eaf), WebVTT, SRT or CSV, written
atomically and recorded like a summary (a purge of the recording deletes it too: these files
hold the same gespreksbladen)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from vsr.errors import VsrError
from vsr.export import abandon_summary_export, begin_summary_export, finish_summary_export
from vsr.export.atomic import write_atomic
from vsr.interop.csv_export import DEFAULT_SEPARATOR, SEPARATORS, write_csv
from vsr.interop.eaf_write import write_eaf
from vsr.interop.moments import ExportReview, gather_review
from vsr.interop.subtitles import write_srt, write_vtt
from vsr.library.db import Library

EXPORT_FORMATS = ("eaf", "vtt", "srt", "csv")


def export_review_file(lib: Library, review_id: int, fmt: str, out: Path | str,
                       separator: str = DEFAULT_SEPARATOR, *, with_transcript: bool = False
                       ) -> Path:
    """`with_transcript` (ELAN only): a tier per voice with what was said; never by default,
    a transcript is personal data."""
    fmt = fmt.lower()
    if fmt not in EXPORT_FORMATS:
        raise VsrError("error.export.format", fmt=fmt)
    if separator not in SEPARATORS:
        raise VsrError("error.export.format", fmt=repr(separator))
    data = gather_review(lib, review_id)
    if with_transcript and fmt == "eaf":
        from dataclasses import replace

        from vsr.transcript.store import load_transcript

        data = replace(data, transcript=load_transcript(lib, data.recording.id))
    target = Path(out).expanduser().absolute()
    # Recorded before the file exists, staged in the app's folder, like a summary: a kill
    # never leaves a file with gespreksbladen that a purge would not know about.
    pending = begin_summary_export(lib, review_id, target)
    try:
        path = write_atomic(target, _writer(fmt, data, target, separator),
                            staging_root=pending.staging_root)
    except BaseException:
        abandon_summary_export(lib, pending)
        raise
    finish_summary_export(lib, pending, fmt=fmt, include_stills=False, party_naming="names")
    return path


def _writer(fmt: str, data: ExportReview, target: Path, separator: str) -> Callable[[Path], None]:
    if fmt == "eaf":
        # The relative media URL is computed against the final place, not the temp file.
        return lambda tmp: write_eaf(data, target, tmp)
    if fmt == "vtt":
        return lambda tmp: write_vtt(data, tmp)
    if fmt == "srt":
        return lambda tmp: write_srt(data, tmp)
    return lambda tmp: write_csv(data, tmp, separator)
