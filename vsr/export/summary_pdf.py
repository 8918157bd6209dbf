"""The joint learning summary as an A4 PDF that prints well (fpdf2, DejaVu Sans embedded)."""

from __future__ import annotations

import io
from pathlib import Path

from vsr.export.pdf_layout import GridCell, GridColumn, SummaryPdf, hex_rgb
from vsr.export.summary_content import MomentBlock, Reflection, SummaryDoc

THEME_ICON_MM = 13.0
STILL_W_MM = 80.0
LABEL_COL_MM = 42.0


def _party_columns(doc: SummaryDoc, width: float, first: GridColumn | None = None,
                   last: GridColumn | None = None) -> list[GridColumn]:
    fixed = (first.width_mm if first else 0) + (last.width_mm if last else 0)
    each = (width - fixed) / max(1, len(doc.parties))
    cols = [GridColumn(each, p.label, hex_rgb(p.color)) for p in doc.parties]
    return ([first] if first else []) + cols + ([last] if last else [])


def _text_cell(doc: SummaryDoc, text: str) -> GridCell:
    return GridCell(doc.or_empty(text), grey=not text.strip())


def _feelings_cell(reflection: Reflection) -> GridCell:
    """Every feeling on its own line, its pictogram before its word."""
    if not reflection.feelings:
        return GridCell("—")
    return GridCell("\n".join(f.title for f in reflection.feelings),
                    line_icons=tuple(f.pictogram for f in reflection.feelings))


def _moment(pdf: SummaryPdf, doc: SummaryDoc, m: MomentBlock) -> None:
    p = doc.prompts
    pdf.heading(doc.t("moment_heading", n=m.number, time=m.time_text), 2)
    pdf.ensure_space(THEME_ICON_MM + 2)
    top = pdf.get_y()
    if m.pictogram is not None:
        pdf.icon(m.pictogram, THEME_ICON_MM)
        pdf.set_left_margin(pdf.l_margin + THEME_ICON_MM + 3)
    theme = m.theme_title or doc.t("no_theme")
    pdf.label_line(doc.t("theme"), theme + (f" – {m.subtopic_title}" if m.subtopic_title else ""))
    pdf.label_line(doc.t("marked_by"), m.marked_by)
    if m.pictogram is not None:
        pdf.set_left_margin(pdf.l_margin - THEME_ICON_MM - 3)
        pdf.set_y(max(pdf.get_y(), top + THEME_ICON_MM))
    pdf.ln(2)
    if m.still:
        pdf.image(io.BytesIO(m.still), w=STILL_W_MM)
        pdf.ln(2)
    elif m.still_missing:
        pdf.para(doc.t("still_missing"), grey=True)
    pdf.heading(p.a_title, 4)
    pdf.para(doc.or_empty(m.what_happened), grey=not m.what_happened.strip())
    columns = _party_columns(doc, pdf.usable_w, first=GridColumn(LABEL_COL_MM))
    rows = [
        [GridCell(p.b_to_me, bold=True), *[_text_cell(doc, r.to_me) for r in m.reflections]],
        [GridCell(p.b_to_other, bold=True),
         *[_text_cell(doc, r.to_other) for r in m.reflections]],
        [GridCell(doc.t("feelings"), bold=True),
         *[_feelings_cell(r) for r in m.reflections]],
    ]
    pdf.heading(p.b_title, 4, keep_mm=pdf.grid_start_h(columns, rows))
    pdf.grid(columns, rows)
    pdf.heading(p.c_title, 4)
    pdf.para(doc.or_empty(m.keep_or_change), grey=not m.keep_or_change.strip())


def _closing(pdf: SummaryPdf, doc: SummaryDoc) -> None:
    t = doc.t
    pdf.heading(t("closing_heading"), 1)
    pdf.heading(t("summary"), 3)
    pdf.para(doc.or_empty(doc.summary), grey=not doc.summary.strip())
    learn_cols = _party_columns(doc, pdf.usable_w)
    learn_rows = [[_text_cell(doc, s) for s in doc.learnings]]
    pdf.heading(t("learnings"), 3, keep_mm=pdf.grid_start_h(learn_cols, learn_rows))
    pdf.grid(learn_cols, learn_rows)
    if doc.talk_time:
        pdf.heading(t("talk_time"), 3)
        pdf.para(t("talk_time_note"), grey=True)
        for line in doc.talk_time:
            pdf.para(line)
    if doc.actions:
        w = pdf.usable_w
        columns = [GridColumn(w * 0.5, t("action_what")), GridColumn(w * 0.2, t("action_who")),
                   GridColumn(w * 0.18, t("action_due")), GridColumn(w * 0.12, t("action_done"))]
        rows = [[_text_cell(doc, a.what), GridCell(a.who), GridCell(a.due or "—"),
                 GridCell(t("yes") if a.done else t("no"))] for a in doc.actions]
        pdf.heading(t("actions"), 3, keep_mm=pdf.grid_start_h(columns, rows))
        pdf.grid(columns, rows)
    else:
        pdf.heading(t("actions"), 3)
        pdf.para(t("no_actions"))
    if not doc.ratings:
        pdf.heading(t("ratings_heading"), 3)
        pdf.para(doc.ratings_note, grey=True)
        return
    columns = _party_columns(doc, pdf.usable_w, first=GridColumn(48, t("question")),
                             last=GridColumn(55, t("difference")))
    rows = [
        [GridCell(r.question, icon=r.pictogram, bold=True),
         *[GridCell(f"{v} – {doc.rating_label(v)}", icon=face)
           for v, face in zip(r.values, r.faces, strict=True)],
         GridCell(r.difference)]
        for r in doc.ratings
    ]
    pdf.heading(t("ratings_heading"), 3, keep_mm=pdf.grid_start_h(columns, rows))
    pdf.grid(columns, rows)


def build_pdf(doc: SummaryDoc) -> SummaryPdf:
    t = doc.t
    pdf = SummaryPdf(f"{t('confidential')} – " + t("page", n="{n}", total="{nb}"))
    pdf.set_title(f"{t('title')} – {doc.review_title}")
    pdf.set_lang(doc.lang)
    pdf.set_creator("vsr")
    pdf.add_page()
    pdf.heading(t("title"), 0)
    pdf.para(doc.review_title, bold=True, size=12)
    pdf.label_line(t("date"), doc.date_text)
    pdf.label_line(t("parties"), ", ".join(p.label for p in doc.parties))
    pdf.label_line(t("recording"), doc.recording_text)
    pdf.heading(t("rules_heading"), 1)
    pdf.para(t("rules_line"))
    pdf.para(doc.rules_confirmed_text)
    pdf.heading(t("moments_heading"), 1)
    if doc.moments_note:
        pdf.para(doc.moments_note, grey=True)
    for moment in doc.moments:
        _moment(pdf, doc, moment)
    _closing(pdf, doc)
    sign_row_mm = 20.0
    pdf.ensure_space(30 + len(doc.parties) * sign_row_mm)  # the sign-off stays on one page
    pdf.heading(t("signoff_heading"), 1)
    pdf.para(t("signoff_text"))
    w = pdf.usable_w
    pdf.grid([GridColumn(w * 0.3), GridColumn(w * 0.45), GridColumn(w * 0.25)],
             [[GridCell(p.label, bold=True), GridCell(t("signature") + ":"),
               GridCell(t("date") + ":")] for p in doc.parties], min_row_h=16)
    return pdf


def write_pdf(doc: SummaryDoc, path: Path) -> None:
    path.write_bytes(bytes(build_pdf(doc).output()))
