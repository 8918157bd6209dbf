"""The footer's page count ("Pagina 4 van 1001") fits however many pages a summary has: fpdf2
writes the count into the width its placeholder took, and warns when it does not fit."""

from __future__ import annotations

import warnings
from pathlib import Path

from pypdf import PdfReader

from vsr.export.pdf_layout import SummaryPdf


def test_a_four_digit_page_count_fits_in_the_footer(tmp_path: Path) -> None:
    pdf = SummaryPdf("Vertrouwelijk – Pagina {n} van {nb}")
    for _ in range(1001):
        pdf.add_page()
    out = tmp_path / "long.pdf"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # fpdf2's "wider than the reserved alias width"
        pdf.output(str(out))
    reader = PdfReader(out)
    assert "Pagina 1 van 1001" in reader.pages[0].extract_text()
    assert "Pagina 1001 van 1001" in reader.pages[-1].extract_text()
