"""The printed parts of a pack (fpdf2, DejaVu Sans via vsr.export's page layout): the
intervisie handout (clip list with times, questions, room for notes) and the exercise
worksheet (per clip its task and room for answers)."""

from __future__ import annotations

from pathlib import Path

from vsr.clip_packs.content import PackClip, PackDoc, clock, seconds_text
from vsr.export.pdf_layout import LINE_MM, GridCell, GridColumn, SummaryPdf

NOTE_LINE_MM = 8.0


def _new_pdf(doc: PackDoc, title: str) -> SummaryPdf:
    pdf = SummaryPdf(f"{doc.t('confidential')} – " + doc.t("page", n="{n}", total="{nb}"))
    pdf.set_title(title)
    pdf.add_page()
    pdf.heading(title, 0)
    pdf.para(doc.t("made_on", date=doc.day_text(), count=len(doc.clips)), grey=True)
    pdf.para(doc.t("confidential_note"))
    if doc.names_replaced or doc.faces_anonymised:
        pdf.para(doc.t("anonymised_note"), grey=True)
    return pdf


def _time_text(doc: PackDoc, clip: PackClip) -> str:
    return doc.t("time_range", start=clock(clip.start_ms, exact=True), end=clock(clip.end_ms, exact=True),
                 seconds=seconds_text(clip.end_ms - clip.start_ms))


def _overview(pdf: SummaryPdf, doc: PackDoc) -> None:
    w = pdf.usable_w
    columns = [GridColumn(10, "#"), GridColumn(w * 0.40 - 10, doc.t("title")),
               GridColumn(w * 0.18, doc.t("file")), GridColumn(w * 0.17, doc.t("time")),
               GridColumn(w * 0.25, doc.t("source"))]
    rows = [[GridCell(str(c.number)), GridCell(c.title, bold=True), GridCell(c.file_name),
             GridCell(f"{clock(c.start_ms, exact=True)}–{clock(c.end_ms, exact=True)}"),
             GridCell(c.source_title)]
            for c in doc.clips]
    pdf.heading(doc.t("overview"), 1)
    pdf.grid(columns, rows)


def _clip_header(pdf: SummaryPdf, doc: PackDoc, clip: PackClip, heading_key: str,
                 note_lines: int) -> None:
    # A clip's block (details, questions, room to write) starts on a new page rather than
    # being split, when it fits on one page at all.
    block_mm = 4 * LINE_MM + 10 + len(clip.questions) * 6 + 12 + note_lines * NOTE_LINE_MM
    pdf.heading(doc.t(heading_key, n=clip.number, title=clip.title), 1,
                keep_mm=min(block_mm, pdf.bottom - pdf.t_margin - 30))
    pdf.label_line(doc.t("file"), clip.file_name)
    pdf.label_line(doc.t("time"), _time_text(doc, clip))
    pdf.label_line(doc.t("source"), clip.source_title)
    pdf.ln(1)


def _questions(pdf: SummaryPdf, doc: PackDoc, clip: PackClip, heading_key: str) -> None:
    if not clip.questions:
        return
    pdf.heading(doc.t(heading_key), 3)
    for i, question in enumerate(clip.questions, start=1):
        pdf.para(f"{i}. {question}")


def _sheet(pdf: SummaryPdf, doc: PackDoc, clip: PackClip) -> None:
    if not clip.has_sheet:
        return
    pdf.heading(doc.t("sheet_heading"), 3)
    if clip.what_happened:
        pdf.label_line(doc.t("sheet_a"), clip.what_happened)
    for r in clip.reflections:
        if r.to_me:
            pdf.label_line(doc.t("sheet_b_me", role=r.role), r.to_me)
        if r.to_other:
            pdf.label_line(doc.t("sheet_b_other", role=r.role), r.to_other)
    if clip.keep_or_change:
        pdf.label_line(doc.t("sheet_c"), clip.keep_or_change)
    pdf.ln(1)


def _lines(pdf: SummaryPdf, doc: PackDoc, heading_key: str, count: int) -> None:
    """A heading and ruled lines to write on by hand, kept together on one page."""
    pdf.heading(doc.t(heading_key), 3, keep_mm=count * NOTE_LINE_MM)
    pdf.set_draw_color(180, 180, 180)
    for _ in range(count):
        y = pdf.get_y() + NOTE_LINE_MM
        if y > pdf.bottom:
            break
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
        pdf.set_y(y)
    pdf.ln(3)


def write_handout(doc: PackDoc, out: Path) -> None:
    """The intervisie handout: overview table, then per clip its times, source, questions and
    room for notes."""
    pdf = _new_pdf(doc, doc.t("handout_title", name=doc.name))
    pdf.para(doc.t("handout_intro"))
    _overview(pdf, doc)
    for clip in doc.clips:
        _clip_header(pdf, doc, clip, "clip_heading", 6)
        _questions(pdf, doc, clip, "questions")
        _sheet(pdf, doc, clip)
        _lines(pdf, doc, "notes", 6)
    pdf.output(str(out))


def write_worksheet(doc: PackDoc, out: Path) -> None:
    """The exercise worksheet: per clip its task and room for the answer."""
    pdf = _new_pdf(doc, doc.t("worksheet_title", name=doc.name))
    pdf.para(doc.t("worksheet_intro"))
    for clip in doc.clips:
        _clip_header(pdf, doc, clip, "exercise_heading", 8)
        _questions(pdf, doc, clip, "task")
        _sheet(pdf, doc, clip)
        _lines(pdf, doc, "answers", 8)
    pdf.output(str(out))
