"""Exports of a review. `export_summary` writes the joint learning summary (gezamenlijk
leerverslag) as PDF, DOCX, HTML or Markdown, atomically, with data of that one review only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from vsr.errors import VsrError
from vsr.export.atomic import write_atomic
from vsr.export.summary_content import (
    PartyNaming,
    StillGrabber,
    SummaryDoc,
    add_stills,
    build_summary,
)
from vsr.i18n import LANGUAGES, current_language
from vsr.library.db import Library

SummaryFormat = Literal["pdf", "docx", "html", "md"]
FORMATS: tuple[SummaryFormat, ...] = ("pdf", "docx", "html", "md")


def _writer(fmt: str) -> Callable[[SummaryDoc, Path], None]:
    # Each format's library is imported only when that format is asked for.
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
    lib: Library, review_id: int, fmt: SummaryFormat | str, out: Path | str, *,
    lang: str | None = None, party_naming: PartyNaming = "names",
    include_stills: bool = False, grab_still: StillGrabber | None = None,
) -> Path:
    """Write the learning summary of `review_id` to `out` and return its absolute path.

    `lang` is "nl" or "en" (default: the current language). `party_naming` "initials" shows
    "A.d.V." instead of names. Stills from the video are off by default (faces are personal
    data). Nothing is written unless the whole file could be made."""
    _writer(str(fmt).lower())  # an unknown format fails before any work is done
    language = lang if lang in LANGUAGES else current_language()
    doc = build_summary(lib, review_id, lang=language, party_naming=party_naming)
    if include_stills:
        doc = add_stills(doc, grab_still)
    return write_summary(doc, fmt, out)


def write_summary(doc: SummaryDoc, fmt: SummaryFormat | str, out: Path | str) -> Path:
    """Lay out a gathered summary in `fmt` and write it atomically. Touches no library, so a
    UI can gather on the main thread and run this (and `add_stills`) on a worker."""
    writer = _writer(str(fmt).lower())
    return write_atomic(Path(out), lambda tmp: writer(doc, tmp))


__all__ = ["FORMATS", "SummaryDoc", "SummaryFormat", "add_stills", "build_summary",
           "export_summary", "write_summary"]
