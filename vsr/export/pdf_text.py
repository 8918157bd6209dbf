"""Fast line breaking and pictograms for the PDF summary.

fpdf2's `multi_cell` measures the text again for every character it adds to a line (in
Python), which made line breaking most of the time of a long summary. Here each character's
width is asked of fpdf2 once per font and size, and words are laid out greedily on those
widths: the same breaks `multi_cell` makes (at spaces; inside a word only when the word alone
is wider than the line), at a fraction of the cost.

Pictograms go in as the PNGs drawn at build time (vsr.export.pictograms): fpdf2 parses and draws
an SVG anew on every use (about a millisecond and a half each, five pictograms a moment), while an
identical PNG is embedded once and then only referenced."""

from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF

from vsr.export.pictograms import rendered_png


def pictogram_png(path: Path) -> io.BytesIO:
    """The pictogram at `path` (an SVG) as its built PNG, for `FPDF.image`."""
    return io.BytesIO(rendered_png(path))


class LineBreaker:
    """Breaks text into lines no wider than a given width in the PDF's current font."""

    def __init__(self, pdf: FPDF) -> None:
        self._pdf = pdf
        self._widths: dict[tuple[str, str, float], dict[str, float]] = {}

    def width(self, text: str) -> float:
        pdf = self._pdf
        table = self._widths.setdefault((pdf.font_family, pdf.font_style, pdf.font_size_pt), {})
        total = 0.0
        for char in text:
            found = table.get(char)
            if found is None:
                found = table[char] = float(pdf.get_string_width(char))
            total += found
        return total

    def lines(self, text: str, cell_width: float) -> list[str]:
        """`text` as the lines a cell `cell_width` wide holds (its margins left free);
        newlines in the text always start a new line."""
        limit = cell_width - 2 * float(self._pdf.c_margin)
        out: list[str] = []
        for paragraph in text.split("\n"):
            out += self._paragraph(paragraph, limit)
        return out

    def _paragraph(self, text: str, limit: float) -> list[str]:
        lines: list[str] = []
        line, line_w = "", 0.0
        space = self.width(" ")
        for word in text.split(" "):
            word_w = self.width(word)
            if line and line_w + space + word_w <= limit:
                line, line_w = f"{line} {word}", line_w + space + word_w
                continue
            if line:
                lines.append(line)
            while word_w > limit and len(word) > 1:  # a word wider than the line is broken
                cut = self._fitting_chars(word, limit)
                lines.append(word[:cut])
                word = word[cut:]
                word_w = self.width(word)
            line, line_w = word, word_w
        lines.append(line)
        return lines

    def _fitting_chars(self, word: str, limit: float) -> int:
        used = 0.0
        for index, char in enumerate(word):
            used += self.width(char)
            if used > limit:
                return max(1, index)
        return len(word)
