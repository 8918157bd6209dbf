"""Page layout for the PDF summary (fpdf2): A4, a Unicode font, headings that keep with what
follows, paragraphs, and a grid whose rows break across pages line by line, so no text ever
runs off a page however long it is."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import TTFFont

from vsr.export.fonts import find_symbol_font, find_unicode_font
from vsr.export.pdf_text import LineBreaker, pictogram_png

FAMILY = "DejaVu"
SYMBOLS = "Symbols"
# Zero-width joiner and the text/emoji variation selectors: invisible parts of emoji sequences.
_JOINERS = frozenset({0x200D, 0xFE0E, 0xFE0F})
LINE_MM = 5.0
PAD_MM = 1.6
TEXT_RGB = (34, 34, 34)
GREY_RGB = (110, 110, 110)
BORDER_RGB = (150, 150, 150)
HEADER_RGB = (238, 238, 238)

_LATIN1_SWAPS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-",
                               "…": "...", "\u00a0": " "})


def pictogram(path: Path) -> io.BytesIO:
    """A pictogram for `FPDF.image`: its PNG drawn at build time (see pdf_text)."""
    return pictogram_png(path)


@dataclass(slots=True)
class GridCell:
    text: str
    icon: Path | None = None
    bold: bool = False
    grey: bool = False
    # A list with a pictogram before each line (the feelings of a party): `text` holds one
    # line per entry, `line_icons` the pictogram of each line (None: no pictogram known).
    line_icons: tuple[Path | None, ...] = ()

    @property
    def has_icon(self) -> bool:
        return self.icon is not None or bool(self.line_icons)


@dataclass(slots=True)
class GridColumn:
    width_mm: float
    header: str = ""
    fill: tuple[int, int, int] | None = None  # header background; white text when dark


@dataclass(slots=True)
class _Row:
    cells: list[GridCell]
    lines: list[list[str]] = field(default_factory=list)
    min_h: float = 0.0


def hex_rgb(color: str) -> tuple[int, int, int]:
    c = color.lstrip("#")
    return (int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)) if len(c) == 6 else (80, 80, 80)


PAGE_COUNT_ALIAS = "{nbpgs}"


class SummaryPdf(FPDF):
    """An A4 document with a footer line ("Vertrouwelijk – Pagina 1 van 3")."""

    def __init__(self, footer_text: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        # "{n}" becomes the page number, "{nb}" the page count. fpdf2 fills the count in after
        # the last page, in the width its placeholder had: a wider one leaves room for a count
        # of up to five digits (a 1,000-moment summary has over 1,000 pages).
        self.footer_text = footer_text.replace("{nb}", PAGE_COUNT_ALIAS)
        self.alias_nb_pages(PAGE_COUNT_ALIAS)
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=18)
        fonts = find_unicode_font()
        self.unicode = fonts is not None
        self._covered: frozenset[int] = frozenset()
        self._plain: frozenset[str] = frozenset()  # characters `clean` keeps as they are
        self._font_chars: dict[str, frozenset[str]] = {}  # font key -> characters it has
        if fonts is not None:
            self.add_font(FAMILY, "", str(fonts.regular))
            self.add_font(FAMILY, "B", str(fonts.bold))
            self.family = FAMILY
            self._covered = frozenset(self._add_symbol_fallback())
            self._plain = frozenset(
                ch for ch in map(chr, self._covered)
                if ord(ch) not in _JOINERS and unicodedata.category(ch) not in ("Cc", "Cs")
            ) | {"\n", "\t"}
        else:
            self.family = "helvetica"
        self.set_text_color(*TEXT_RGB)
        self.set_draw_color(*BORDER_RGB)
        self.breaker = LineBreaker(self)
        self._header_hs: dict[tuple[tuple[float, str], ...], float] = {}

    def _add_symbol_fallback(self) -> set[int]:
        """Use the symbol font for characters DejaVu lacks (emoji); the code points covered."""
        keys = [FAMILY.lower(), FAMILY.lower() + "B"]
        symbols = find_symbol_font()
        if symbols is not None:
            self.add_font(SYMBOLS, "", str(symbols))
            self.set_fallback_fonts([SYMBOLS], exact_match=False)
            keys.append(SYMBOLS.lower())
        covered: set[int] = set()
        for key in keys:
            font = self.fonts[key]
            if isinstance(font, TTFFont):  # always: add_font loads TrueType files
                covered |= set(font.cmap)
        return covered

    # -- text ------------------------------------------------------------------------------
    def cell(self, w: float | None = None, h: float | None = None, text: str = "",
             *args: object, **kwargs: object) -> bool:
        """fpdf2's cell; with a fallback font (the emoji one) set, fpdf2 looks at a line
        character by character to find where the fallback is needed, which was most of a
        300-moment summary's time. A line the current font has every character of needs no
        fallback, and is printed without that search (the same PDF)."""
        ids = getattr(self, "_fallback_font_ids", None)
        font = self.current_font
        if not ids or not isinstance(font, TTFFont) or not self._has_all(font, text):
            return bool(super().cell(w, h, text, *args, **kwargs))  # type: ignore[arg-type]
        self._fallback_font_ids = []
        try:
            return bool(super().cell(w, h, text, *args, **kwargs))  # type: ignore[arg-type]
        finally:
            self._fallback_font_ids = ids

    def _has_all(self, font: TTFFont, text: str) -> bool:
        chars = self._font_chars.get(font.fontkey)
        if chars is None:
            chars = self._font_chars[font.fontkey] = frozenset(map(chr, font.cmap))
        return chars.issuperset(text)

    def clean(self, text: str) -> str:
        """Text the fonts can print. fpdf2 silently drops a character no font has; such a
        character is named instead ("[smiling face with horns]"), so nothing goes missing
        unseen. Core fonts hold Latin-1 only: swap typographic marks, replace anything else."""
        if self.unicode:
            if self._plain.issuperset(text):  # nearly always: no character to look at alone
                return text
            return "".join(self._printable(ch) for ch in text)
        return text.translate(_LATIN1_SWAPS).encode("latin-1", "replace").decode("latin-1")

    def _printable(self, ch: str) -> str:
        code = ord(ch)
        if ch in "\n\t":
            return ch
        if code in _JOINERS or unicodedata.category(ch) in ("Cc", "Cs"):
            return ""  # joiners only shape the emoji around them; controls print nothing
        if code in self._covered:
            return ch
        return f"[{unicodedata.name(ch, f'U+{code:04X}').lower()}]"

    def use(self, size: float, bold: bool = False, grey: bool = False) -> None:
        self.set_font(self.family, "B" if bold else "", size)
        self.set_text_color(*(GREY_RGB if grey else TEXT_RGB))

    def footer(self) -> None:
        self.set_y(-12)
        self.use(8, grey=True)
        self.cell(0, 5, self.clean(self.footer_text.replace("{n}", str(self.page_no()))),
                  align="C")

    @property
    def usable_w(self) -> float:
        return float(self.w - self.l_margin - self.r_margin)

    @property
    def bottom(self) -> float:
        return float(self.page_break_trigger)

    def ensure_space(self, height_mm: float) -> None:
        if self.get_y() + height_mm > self.bottom:
            self.add_page()

    def heading(self, text: str, level: int, keep_mm: float = 4 * LINE_MM) -> None:
        """A heading kept on one page with the first `keep_mm` of what follows it."""
        size = {0: 20.0, 1: 15.0, 2: 12.5, 3: 11.5, 4: 10.5}[level]
        self.ensure_space(size * 0.5 + 6 + keep_mm)
        self.ln({0: 0, 1: 5, 2: 3, 3: 3, 4: 1.5}[level])
        self.use(size, bold=True)
        self._lines(text, size * 0.5)
        if level == 1:
            self.set_draw_color(200, 200, 200)
            self.line(self.l_margin, self.get_y() + 0.8, self.w - self.r_margin, self.get_y() + 0.8)
            self.set_draw_color(*BORDER_RGB)
            self.ln(2.5)
        else:
            self.ln(1)

    def para(self, text: str, *, grey: bool = False, bold: bool = False,
             size: float = 10) -> None:
        self.use(size, bold=bold, grey=grey)
        self._lines(text, LINE_MM)
        self.ln(1)

    def _lines(self, text: str, height: float) -> None:
        """`text` wrapped from here to the right margin, one cell a line (as multi_cell, whose
        line breaking is slow): a page break may come between any two lines."""
        width = self.w - self.r_margin - self.get_x()
        for line in self.breaker.lines(self.clean(text), width):
            self.cell(width, height, line, new_x=XPos.LEFT, new_y=YPos.NEXT)
        self.set_x(self.l_margin)

    def label_line(self, label: str, value: str, icon: Path | None = None) -> None:
        self.use(10, bold=True)
        x = self.l_margin
        if icon is not None:
            self.image(pictogram(icon), x=x, y=self.get_y(), w=LINE_MM, h=LINE_MM)
            x += LINE_MM + 1.5
        self.set_x(x)
        self.cell(self.get_string_width(self.clean(label + ": ")) + 0.5, LINE_MM,
                  self.clean(label + ": "))
        self.use(10)
        self._lines(value, LINE_MM)

    def icon(self, path: Path, size_mm: float) -> None:
        self.image(pictogram(path), x=self.get_x(), y=self.get_y(),
                   w=size_mm, h=size_mm)

    # -- grid ------------------------------------------------------------------------------
    def _fit(self, text: str, width: float) -> str:
        """One line no wider than `width`: shortened with "…" (or "...") when it is not."""
        text = self.clean(text)
        ellipsis = self.clean("…")
        if self.breaker.width(text) <= width:
            return text
        while text and self.breaker.width(text + ellipsis) > width:
            text = text[:-1]
        return text + ellipsis
    def _wrap(self, cell: GridCell, width: float) -> list[str]:
        self.use(9.5, bold=cell.bold, grey=cell.grey)
        return self.breaker.lines(self.clean(cell.text) or " ", width) or [""]

    def _prepare(self, columns: list[GridColumn], rows: list[list[GridCell]],
                 min_row_h: float) -> list[_Row]:
        icon_w = LINE_MM + 1.5
        prepared = []
        for cells in rows:
            row = _Row(cells, min_h=min_row_h)
            for cell, col in zip(cells, columns, strict=True):
                width = col.width_mm - 2 * PAD_MM - (icon_w if cell.has_icon else 0)
                if cell.line_icons:  # one short word per pictogram: never wrapped, so each
                    self.use(9.5, bold=cell.bold, grey=cell.grey)  # line keeps its picture
                    row.lines.append([self._fit(line, width) for line in cell.text.split("\n")])
                else:
                    row.lines.append(self._wrap(cell, width))
            prepared.append(row)
        return prepared

    def _row_h(self, row: _Row) -> float:
        count = max(len(lines) for lines in row.lines)
        return max(count * LINE_MM, LINE_MM if any(c.has_icon for c in row.cells) else 0,
                   row.min_h) + 2 * PAD_MM

    def grid_start_h(self, columns: list[GridColumn], rows: list[list[GridCell]],
                     min_row_h: float = 0.0) -> float:
        """What a heading above the grid should keep with it: the whole grid when it is small
        (up to a third of a page), else the header and the start of the first row."""
        return self._start_h(columns, self._prepare(columns, rows, min_row_h))

    def _start_h(self, columns: list[GridColumn], prepared: list[_Row]) -> float:
        third = (self.bottom - self.t_margin) / 3
        heights = [self._row_h(r) for r in prepared]
        whole = self._header_h(columns) + sum(heights)
        if whole <= third:
            return whole
        return self._header_h(columns) + min(heights[0] if heights else 0.0, third)

    def grid(self, columns: list[GridColumn], rows: list[list[GridCell]],
             min_row_h: float = 0.0) -> None:
        """A table with a header row (repeated on each page it spans); a row taller than the
        space left continues on the next page, line by line."""
        prepared = self._prepare(columns, rows, min_row_h)
        self.ensure_space(self._start_h(columns, prepared))
        self._grid_header(columns)
        for row in prepared:
            self._grid_row(columns, row)
        self.set_x(self.l_margin)
        self.ln(2)

    def _header_h(self, columns: list[GridColumn]) -> float:
        if not any(c.header for c in columns):
            return 0.0
        key = tuple((c.width_mm, c.header) for c in columns)
        if key not in self._header_hs:  # asked per row and per page: wrap the headers once
            most = max(len(self._wrap(GridCell(c.header, bold=True), c.width_mm - 2 * PAD_MM))
                       for c in columns)
            self._header_hs[key] = most * LINE_MM + 2 * PAD_MM
        return self._header_hs[key]

    def _grid_header(self, columns: list[GridColumn]) -> None:
        height = self._header_h(columns)
        if not height:
            return
        x, y = self.l_margin, self.get_y()
        for col in columns:
            fill = col.fill or HEADER_RGB
            self.set_fill_color(*fill)
            self.rect(x, y, col.width_mm, height, style="DF")
            lines = self._wrap(GridCell(col.header, bold=True), col.width_mm - 2 * PAD_MM)
            dark = sum(fill) < 450  # party colours are dark enough for white text
            self.use(9.5, bold=True)
            self.set_text_color(*((255, 255, 255) if dark else TEXT_RGB))
            for i, line in enumerate(lines):
                self.set_xy(x + PAD_MM, y + PAD_MM + i * LINE_MM)
                self.cell(col.width_mm - 2 * PAD_MM, LINE_MM, line)
            x += col.width_mm
        self.set_xy(self.l_margin, y + height)

    def _grid_row(self, columns: list[GridColumn], row: _Row) -> None:
        count = max(len(lines) for lines in row.lines)
        full_h = self._row_h(row)
        page_h = self.bottom - self.t_margin - self._header_h(columns)
        if self.get_y() + full_h > self.bottom and full_h <= page_h:
            self.add_page()  # a row that fits on a page is never split
            self._grid_header(columns)
        start = 0
        first = True
        while True:
            room = int((self.bottom - self.get_y() - 2 * PAD_MM) // LINE_MM)
            if room < 1:
                self.add_page()
                self._grid_header(columns)
                continue
            take = min(room, count - start)
            last = start + take >= count
            seg_h = take * LINE_MM + 2 * PAD_MM
            if last:
                seg_h = max(seg_h, full_h if first else seg_h)
            self._draw_segment(columns, row, start, take, seg_h, first)
            if last:
                return
            start += take
            first = False
            self.add_page()
            self._grid_header(columns)

    def _draw_segment(self, columns: list[GridColumn], row: _Row, start: int, take: int,
                      height: float, first: bool) -> None:
        x, y = self.l_margin, self.get_y()
        for col, cell, lines in zip(columns, row.cells, row.lines, strict=True):
            self.rect(x, y, col.width_mm, height)
            text_x = x + PAD_MM
            if cell.icon is not None and first:
                self.image(pictogram(cell.icon), x=text_x, y=y + PAD_MM,
                           w=LINE_MM, h=LINE_MM)
            if cell.has_icon:
                text_x += LINE_MM + 1.5
            self.use(9.5, bold=cell.bold, grey=cell.grey)
            for i, line in enumerate(lines[start:start + take]):
                line_icon = (cell.line_icons[start + i]
                             if start + i < len(cell.line_icons) else None)
                if line_icon is not None:
                    self.image(pictogram(line_icon), x=x + PAD_MM,
                               y=y + PAD_MM + i * LINE_MM, w=LINE_MM, h=LINE_MM)
                self.set_xy(text_x, y + PAD_MM + i * LINE_MM)
                self.cell(col.width_mm - (text_x - x) - PAD_MM, LINE_MM, line)
            x += col.width_mm
        self.set_xy(self.l_margin, y + height)
