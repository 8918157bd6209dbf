"""The joint learning summary as a Word document (python-docx): real Heading styles and real
tables, so it opens and edits well in Word and LibreOffice. A4, page numbers in the footer.
Pictograms go in as the PNGs drawn at build time (Word cannot hold our SVGs everywhere)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.image.image import Image
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.shape import CT_Inline
from docx.oxml.table import CT_Tbl
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Emu, Length, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from vsr.export.pictograms import rendered_png
from vsr.export.summary_content import MomentBlock, PartyColumn, SummaryDoc

_GREY = RGBColor(0x66, 0x66, 0x66)


class _Writer:
    """One document being written, with its pictures and style ids.

    python-docx's `add_picture` reads the image again and searches the whole document for the
    highest id on every picture, so a summary with hundreds of pictograms took quadratic time.
    Here each distinct image is added to the package once and its relationship id reused, and
    shape ids come from a counter. Styles are looked up by name once, not per paragraph."""

    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        # New blocks go straight before the body's closing section properties. python-docx
        # looks for those among all the body's children (and for tables reads the page width
        # through a search of the whole document) on every paragraph and table it adds.
        self._body = document._body
        self._end = document.element.body.sectPr
        self._width: Length | None = None
        self._images: dict[object, tuple[str, Image]] = {}
        self._next_id: int | None = None
        self._styles: dict[str, str] = {}

    def _add(self, element: BaseOxmlElement) -> None:
        if self._end is not None:
            self._end.addprevious(element)
        else:
            self.document.element.body.append(element)

    def paragraph(self, text: str = "") -> Paragraph:
        element = OxmlElement("w:p")
        self._add(element)
        paragraph = Paragraph(element, self._body)
        if text:
            paragraph.add_run(text)
        return paragraph

    def table(self, rows: int, cols: int) -> Table:
        if self._width is None:  # the page is set up before the first table
            section = self.document.sections[-1]
            self._width = Emu((section.page_width or 0) - (section.left_margin or 0)
                              - (section.right_margin or 0))
        element = CT_Tbl.new_tbl(rows, cols, self._width)
        self._add(element)
        return Table(element, self._body)

    def style_id(self, name: str) -> str:
        if name not in self._styles:
            self._styles[name] = self.document.styles[name].style_id
        return self._styles[name]

    def heading(self, text: str, level: int) -> Paragraph:
        paragraph = self.paragraph(text)
        paragraph._p.style = self.style_id("Title" if level == 0 else f"Heading {level}")
        return paragraph

    def picture(self, run: Run, key: object, data: bytes, width: Cm) -> None:
        if key not in self._images:
            self._images[key] = self.document.part.get_or_add_image(io.BytesIO(data))
        rid, image = self._images[key]
        cx, cy = image.scaled_dimensions(width, None)
        if self._next_id is None:  # once: one past the highest id in the document so far
            self._next_id = self.document.part.next_id
        inline = CT_Inline.new_pic_inline(self._next_id, rid, image.filename, cx, cy)
        self._next_id += 1
        run._r.add_drawing(inline)

    def pictogram(self, paragraph: Paragraph, path: Path | None, size_cm: float) -> None:
        if path is not None:
            self.picture(paragraph.add_run(), path, rendered_png(path), Cm(size_cm))
            paragraph.add_run(" ")


def _shade(cell: _Cell, color: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), color.lstrip("#"))
    props.append(shading)


def _repeat_header(table: Table) -> None:
    """The first row repeats on every page the table spans."""
    props = table.rows[0]._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    props.append(flag)


def _set_text(cell: _Cell, text: str, *, bold: bool = False, color: RGBColor | None = None,
              empty: str = "") -> Paragraph:
    paragraph: Paragraph = cell.paragraphs[0]
    shown = text.strip() or empty
    run = paragraph.add_run(shown)
    run.bold = bold
    if color is not None:
        run.font.color.rgb = color
    elif not text.strip():
        run.italic = True
        run.font.color.rgb = _GREY
    return paragraph


def _party_header(cell: _Cell, party: PartyColumn) -> None:
    _shade(cell, party.color)
    _set_text(cell, party.label, bold=True, color=RGBColor(0xFF, 0xFF, 0xFF))


def _table(w: _Writer, rows: int, cols: int, *, header: bool = True) -> Table:
    table = w.table(rows, cols)
    table._tbl.tblPr.style = w.style_id("Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    if header:
        _repeat_header(table)
    return table


def _cells(table: Table, cols: int) -> Callable[[int, int], _Cell]:
    """Cell lookup for a table without merged cells: `Table.cell` builds the list of all the
    table's cells on every call."""
    cells = table._cells
    return lambda row, col: cells[row * cols + col]


def _text_block(w: _Writer, doc: SummaryDoc, text: str) -> None:
    if text.strip():
        w.paragraph(text.strip())
    else:
        run = w.paragraph().add_run(doc.t("empty"))
        run.italic = True
        run.font.color.rgb = _GREY


def _moment(w: _Writer, doc: SummaryDoc, m: MomentBlock) -> None:
    p = doc.prompts
    w.heading(doc.t("moment_heading", n=m.number, time=m.time_text), 3)
    line = w.paragraph()
    w.pictogram(line, m.pictogram, 1.2)
    line.add_run(f"{doc.t('theme')}: ").bold = True
    theme = m.theme_title or doc.t("no_theme")
    line.add_run(theme + (f" – {m.subtopic_title}" if m.subtopic_title else ""))
    marked = w.paragraph()
    marked.add_run(f"{doc.t('marked_by')}: ").bold = True
    marked.add_run(m.marked_by)
    if m.still:
        w.picture(w.paragraph().add_run(), ("still", m.number), m.still, Cm(8))
    elif m.still_missing:
        w.paragraph(doc.t("still_missing")).runs[0].italic = True
    w.heading(p.a_title, 4)
    _text_block(w, doc, m.what_happened)
    w.heading(p.b_title, 4)
    table = _table(w, 4, len(doc.parties) + 1)
    cell = _cells(table, len(doc.parties) + 1)
    for col, party in enumerate(doc.parties, start=1):
        _party_header(cell(0, col), party)
        r = m.reflections[col - 1]
        _set_text(cell(1, col), r.to_me, empty=doc.t("empty"))
        _set_text(cell(2, col), r.to_other, empty=doc.t("empty"))
        feelings_cell = cell(3, col)
        for index, feeling in enumerate(r.feelings):  # one line each: picture and word together
            line = feelings_cell.paragraphs[0] if index == 0 else feelings_cell.add_paragraph()
            w.pictogram(line, feeling.pictogram, 0.6)
            line.add_run(feeling.title)
        if not r.feelings:
            feelings_cell.paragraphs[0].add_run("—")
    for row, label in enumerate((p.b_to_me, p.b_to_other, doc.t("feelings")), start=1):
        _set_text(cell(row, 0), label, bold=True)
    w.heading(p.c_title, 4)
    _text_block(w, doc, m.keep_or_change)


def _closing(w: _Writer, doc: SummaryDoc) -> None:
    t = doc.t
    w.heading(t("closing_heading"), 1)
    w.heading(t("summary"), 2)
    _text_block(w, doc, doc.summary)
    w.heading(t("learnings"), 2)
    table = _table(w, 2, len(doc.parties))
    for col, (party, text) in enumerate(zip(doc.parties, doc.learnings, strict=True)):
        _party_header(table.cell(0, col), party)
        _set_text(table.cell(1, col), text, empty=t("empty"))
    if doc.talk_time:
        w.heading(t("talk_time"), 2)
        _text_block(w, doc, "\n".join([t("talk_time_note"), *doc.talk_time]))
    w.heading(t("actions"), 2)
    if doc.actions:
        table = _table(w, len(doc.actions) + 1, 4)
        heads = (t("action_what"), t("action_who"), t("action_due"), t("action_done"))
        for col, head in enumerate(heads):
            _set_text(table.cell(0, col), head, bold=True)
        for row, a in enumerate(doc.actions, start=1):
            _set_text(table.cell(row, 0), a.what, empty=t("empty"))
            _set_text(table.cell(row, 1), a.who)
            _set_text(table.cell(row, 2), a.due or "—")
            _set_text(table.cell(row, 3), t("yes") if a.done else t("no"))
    else:
        w.paragraph(t("no_actions"))
    w.heading(t("ratings_heading"), 2)
    if not doc.ratings:
        w.paragraph(doc.ratings_note).runs[0].italic = True
        return
    table = _table(w, len(doc.ratings) + 1, len(doc.parties) + 2)
    _set_text(table.cell(0, 0), t("question"), bold=True)
    _set_text(table.cell(0, len(doc.parties) + 1), t("difference"), bold=True)
    for col, party in enumerate(doc.parties, start=1):
        _party_header(table.cell(0, col), party)
    for row, r in enumerate(doc.ratings, start=1):
        _set_text(table.cell(row, 0), r.question, bold=True)
        for col, (value, face) in enumerate(zip(r.values, r.faces, strict=True), start=1):
            cell = table.cell(row, col).paragraphs[0]
            w.pictogram(cell, face, 0.7)
            cell.add_run(f"{value} – {doc.rating_label(value)}")
        _set_text(table.cell(row, len(doc.parties) + 1), r.difference)


SIGN_ROW_CM = 2.6  # room for a handwritten signature


def _sign_line(cell: _Cell) -> None:
    """An empty line with a rule under it, low in the cell: where the signature goes."""
    line = cell.add_paragraph()
    line.paragraph_format.space_before = Pt(26)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "444444")):
        bottom.set(qn(f"w:{name}"), value)
    borders.append(bottom)
    line._p.get_or_add_pPr().append(borders)


def _sign_off(w: _Writer, doc: SummaryDoc) -> None:
    """"Akkoord": per party a row with name, a line to sign on and the date, tall enough to
    write in. Word keeps the whole block on one page: every paragraph up to the last row keeps
    with the next, and no row is split."""
    t = doc.t
    heading = w.heading(t("signoff_heading"), 1)
    text = w.paragraph(t("signoff_text"))
    table = _table(w, len(doc.parties), 3, header=False)
    for row, party in enumerate(doc.parties):
        _set_text(table.cell(row, 0), party.label, bold=True)
        _set_text(table.cell(row, 1), f"{t('signature')}:")
        _sign_line(table.cell(row, 1))
        _set_text(table.cell(row, 2), f"{t('date')}:")
        _sign_line(table.cell(row, 2))
        table.rows[row].height = Cm(SIGN_ROW_CM)
        table.rows[row].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        props = table.rows[row]._tr.get_or_add_trPr()
        props.append(OxmlElement("w:cantSplit"))
    last_row = table.rows[-1]._tr if doc.parties else None
    for paragraph in (heading, text):
        paragraph.paragraph_format.keep_with_next = True
    for tr_row in table.rows:
        for cell in tr_row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_together = True
                # Word keeps a table together when every row's text keeps with the next.
                paragraph.paragraph_format.keep_with_next = tr_row._tr is not last_row


def _footer(document: DocxDocument, doc: SummaryDoc) -> None:
    """"Vertrouwelijk – Pagina 3 van 5" with live PAGE/NUMPAGES fields."""
    paragraph = document.sections[0].footer.paragraphs[0]
    before, _, rest = doc.t("page", n="\0", total="\1").partition("\0")
    middle, _, after = rest.partition("\1")
    paragraph.add_run(f"{doc.t('confidential')} – {before}")
    for text, field_name in ((middle, "PAGE"), (after, "NUMPAGES")):
        simple = OxmlElement("w:fldSimple")
        simple.set(qn("w:instr"), field_name)
        run = OxmlElement("w:r")
        shown = OxmlElement("w:t")
        shown.text = "1"
        run.append(shown)
        simple.append(run)
        paragraph._p.append(simple)
        if text:
            paragraph.add_run(text)


CORE_PROPERTY_MAX = 255  # python-docx refuses a longer core property (the OOXML schema's limit)


def _core_property(text: str) -> str:
    """`text` on one line, shortened with "…" to what a document property may hold; the
    document's own heading keeps the whole title."""
    line = " ".join(text.split())
    return line if len(line) <= CORE_PROPERTY_MAX else line[:CORE_PROPERTY_MAX - 1] + "…"


def build_docx(doc: SummaryDoc) -> DocxDocument:
    t = doc.t
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    document.styles["Normal"].font.size = Pt(10.5)
    document.core_properties.title = _core_property(f"{t('title')} – {doc.review_title}")
    document.core_properties.language = doc.lang
    w = _Writer(document)
    w.heading(t("title"), 0)
    w.paragraph().add_run(doc.review_title).bold = True
    for label, value in ((t("date"), doc.date_text),
                         (t("parties"), ", ".join(p.label for p in doc.parties)),
                         (t("recording"), doc.recording_text)):
        line = w.paragraph()
        line.add_run(f"{label}: ").bold = True
        line.add_run(value)
    w.heading(t("rules_heading"), 1)
    w.paragraph(t("rules_line"))
    w.paragraph(doc.rules_confirmed_text)
    w.heading(t("moments_heading"), 1)
    if doc.moments_note:
        w.paragraph(doc.moments_note).runs[0].italic = True
    for moment in doc.moments:
        _moment(w, doc, moment)
    _closing(w, doc)
    _sign_off(w, doc)
    _footer(document, doc)
    return document


def write_docx(doc: SummaryDoc, path: Path) -> None:
    # python-docx picks the format from the name; the temp name ends in .partial, so save
    # through a stream instead.
    with path.open("wb") as handle:
        build_docx(doc).save(handle)
