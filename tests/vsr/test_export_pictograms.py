"""Pictograms in the learning summary: every feeling of every party shows its pictogram with its
word, and every moment its theme card's pictogram, in the PDF, the DOCX and the HTML. Clients who
read little recognise the pictures first."""

from __future__ import annotations

import base64
import io
from collections import Counter
from pathlib import Path

import pytest
from docx import Document

from tests.vsr import session_fixtures as fx
from vsr.export import export_summary, pdf_layout
from vsr.export.pictograms import rendered_png
from vsr.export.summary_content import SummaryDoc, build_summary
from vsr.library import sheets as sh

# Beside the fixture's feelings (pro: rustig; client: onzeker, niet-gehoord on moment 1), three
# more on moment 2, so both parties have several feelings and one feeling (rustig) occurs twice.
EXTRA_PRO = ("blij", "gehoord", "rustig")


@pytest.fixture
def walked(library, tmp_path: Path):  # type: ignore[no-untyped-def]
    walked = fx.walked_review(library, tmp_path, long_text=False)
    sh.set_feelings(library, walked.marker_ids[1], walked.pro.id, EXTRA_PRO)
    return walked


def _summary(library, walked) -> SummaryDoc:  # type: ignore[no-untyped-def]
    doc = build_summary(library, walked.review.id)
    chosen = [f for m in doc.moments for r in m.reflections for f in r.feelings]
    assert len(chosen) == 6 and all(f.pictogram is not None for f in chosen)
    assert all(m.pictogram is not None for m in doc.moments)  # both moments have a theme
    return doc


def test_pdf_draws_the_pictogram_of_every_feeling_and_every_moments_theme(
        library, walked, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _summary(library, walked)
    drawn: Counter[str] = Counter()
    real = pdf_layout.pictogram

    def spy(path: Path) -> io.BytesIO:
        drawn[path.name] += 1
        return real(path)

    monkeypatch.setattr(pdf_layout, "pictogram", spy)
    export_summary(library, walked.review.id, "pdf", tmp_path / "s.pdf")
    feelings = Counter(f.pictogram.name for m in doc.moments for r in m.reflections
                       for f in r.feelings if f.pictogram)
    assert feelings == {"feeling-rustig.svg": 2, "feeling-onzeker.svg": 1,
                        "feeling-niet-gehoord.svg": 1, "feeling-blij.svg": 1,
                        "feeling-gehoord.svg": 1}
    assert {name: n for name, n in drawn.items() if name.startswith("feeling-")} == feelings
    themes = Counter(m.pictogram.name for m in doc.moments if m.pictogram)
    themes.update(r.pictogram.name for r in doc.ratings if r.pictogram)  # the rating questions
    assert {name: n for name, n in drawn.items() if name.startswith("theme-")} == themes


def test_pdf_writes_each_feeling_word_beside_its_pictogram(library, walked,
                                                           tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = export_summary(library, walked.review.id, "pdf", tmp_path / "s.pdf")
    lines = [line.strip() for page in PdfReader(str(out)).pages
             for line in (page.extract_text() or "").splitlines()]
    for word in ("Onzeker", "Niet gehoord", "Blij", "Gehoord"):
        assert any(word in line for line in lines), word


def test_docx_puts_the_right_pictogram_before_every_feeling(library, walked,
                                                            tmp_path: Path) -> None:
    doc = _summary(library, walked)
    out = export_summary(library, walked.review.id, "docx", tmp_path / "s.docx")
    document = Document(str(out))
    b_tables = [t for t in document.tables
                if [c.text for c in t.rows[0].cells][1:] == [fx.PRO, fx.CLIENT]
                and t.cell(3, 0).text == doc.t("feelings")]
    assert len(b_tables) == len(doc.moments)
    for table, moment in zip(b_tables, doc.moments, strict=True):
        for column, reflection in enumerate(moment.reflections, start=1):
            cell = table.cell(3, column)
            blips = cell._tc.xpath(".//a:blip/@r:embed")
            pictures = [document.part.related_parts[rid].blob for rid in blips]
            expected = [rendered_png(f.pictogram) for f in reflection.feelings
                        if f.pictogram]
            assert pictures == expected  # one per feeling, in order, the feeling's own picture
            # each feeling on its own line: its picture and its word stay together
            lines = [p for p in cell.paragraphs if p.text.strip() not in ("", "—")]
            assert [p.text.strip() for p in lines] == [f.title for f in reflection.feelings]
            for line, feeling in zip(lines, reflection.feelings, strict=True):
                assert [document.part.related_parts[rid].blob
                        for rid in line._p.xpath(".//a:blip/@r:embed")] == [
                    rendered_png(feeling.pictogram)]


def test_docx_shows_the_theme_pictogram_of_every_moment(library, walked,
                                                        tmp_path: Path) -> None:
    doc = _summary(library, walked)
    out = export_summary(library, walked.review.id, "docx", tmp_path / "s.docx")
    document = Document(str(out))
    theme_lines = [p for p in document.paragraphs if p.text.startswith(doc.t("theme") + ":")
                   or p.text.strip().startswith(doc.t("theme") + ":")]
    assert len(theme_lines) == len(doc.moments)
    for paragraph, moment in zip(theme_lines, doc.moments, strict=True):
        blips = paragraph._p.xpath(".//a:blip/@r:embed")
        assert [document.part.related_parts[r].blob for r in blips] == [
            rendered_png(moment.pictogram)]


def test_html_has_the_pictogram_of_every_feeling_and_theme(library, walked,
                                                          tmp_path: Path) -> None:
    doc = _summary(library, walked)
    out = export_summary(library, walked.review.id, "html", tmp_path / "s.html")
    html = out.read_text("utf-8")

    def img(path: Path) -> str:
        return f'<img src="data:image/svg+xml;base64,{base64.b64encode(path.read_bytes()).decode()}"'

    feelings = Counter((f.pictogram, f.title) for m in doc.moments for r in m.reflections
                       for f in r.feelings if f.pictogram)
    for (path, title), count in feelings.items():
        # The feeling's name is the pictogram's alt text (said once: the word is aria-hidden).
        assert html.count(f'<span class="feel">{img(path)} alt="{title}"><span aria-hidden='
                          f'"true">{title}</span></span>') == count
    for moment in doc.moments:
        assert moment.pictogram is not None
        assert f'<div class="theme">{img(moment.pictogram)} alt="{moment.theme_title}">' in html
    assert 'alt=""' not in html  # no picture without a name
