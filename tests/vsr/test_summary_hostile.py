"""Hostile titles and sheet texts in the summary: a 230-character title in the DOCX (python-docx
refuses a core property over 255 characters), and a Markdown summary whose user texts stay text:
no HTML, no javascript: link, no heading or code fence smuggled in by a line break."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from markdown_it import MarkdownIt

from tests.vsr import session_fixtures as fx
from vsr import samenleergesprek as ss
from vsr.export import export_summary
from vsr.library import markers as mk
from vsr.library import reviews as rv
from vsr.library import sheets as sh

LONG_TITLE = "Gesprek met ı ł ø over de afspraken " * 7  # about 250 characters
HOSTILE_TITLE = "Titel\n# Kop van buiten\n```\nopen code\n<script>alert(1)</script>"
HOSTILE_TEXTS = [
    "<script>alert('a')</script>",
    '<img src=x onerror="alert(1)">',
    "[klik hier](javascript:alert(1))",
    "<javascript:alert(1)>",
    "![plaatje](javascript:alert(2))",
    "regel\n```\nnooit dicht",
    "tekst\n===",
    "    ingesprongen code",
    "1. geen lijst\n> geen citaat",
    "a | b | c",
    "**vet** _schuin_ ~~weg~~ `code`",
    "&lt;script&gt; al ontsnapt",
]


def _review(library, tmp_path: Path, title: str, text: str) -> int:  # type: ignore[no-untyped-def]
    rec = fx.add_fake_recording(library, tmp_path, "opname.mp4", b"bytes")
    review = rv.create_review(library, rec.id, title=title, party_names=(title[:40], "Zoë"))
    pro, client = rv.list_parties(library, review.id)
    marker = mk.add_marker(library, pro.id, 1_000, 2_000)
    for field in (sh.SheetField.WHAT_HAPPENED, sh.SheetField.KEEP_OR_CHANGE):
        sh.set_field(library, marker.id, field, text)
    sh.set_field(library, marker.id, sh.SheetField.TO_ME, text, client.id)
    ss.choose_moment(library, review.id, marker.id)
    ss.set_summary(library, review.id, text)
    ss.add_action(library, review.id, text, ss.TOGETHER)
    return review.id


def test_a_title_longer_than_a_document_property_exports(library, tmp_path: Path) -> None:
    review_id = _review(library, tmp_path, LONG_TITLE.strip(), "iets")
    out = export_summary(library, review_id, "docx", tmp_path / "lang.docx")
    document = Document(str(out))
    assert len(document.core_properties.title) <= 255
    assert document.core_properties.title.endswith("…")
    # the document itself keeps the whole title
    assert any(p.text == LONG_TITLE.strip() for p in document.paragraphs)


def _rendered(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("table").enable("strikethrough").render(markdown)


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_markdown_keeps_hostile_text_as_text(library, tmp_path: Path, text: str) -> None:
    review_id = _review(library, tmp_path, HOSTILE_TITLE, text)
    md = export_summary(library, review_id, "md", tmp_path / "verslag.md").read_text("utf-8")
    html = _rendered(md)
    for bad in ("<script", "<img", "javascript:alert(1)\"", "href=\"javascript", "<code",
                "<pre", "<strong>vet", "<em>schuin", "<s>weg", "<blockquote", "<ol"):
        assert bad not in html, (bad, html)
    # The title's line break injects nothing: exactly our own headings are there
    assert "Kop van buiten</h1>" not in html and html.count("<h1>") == 1
    assert html.count("<h2>") == md.count("\n## ")
    # and the words are all still there to read, as text
    words = [w for w in text.replace("\n", " ").split() if w.isalpha() and len(w) > 3]
    for word in words:
        assert word in html, word


@pytest.mark.parametrize("fmt", ["docx", "md", "html"])
def test_a_review_without_a_title_exports_with_the_default_title(
        library, tmp_path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    """A title left empty (a received package may carry one) ended the DOCX summary in
    IndexError; every summary shows the title a new review gets instead."""
    review_id = _review(library, tmp_path, "Tijdelijk", "iets")
    library.conn.execute("UPDATE reviews SET title = '  ' WHERE id = ?", (review_id,))
    out = export_summary(library, review_id, fmt, tmp_path / f"leeg.{fmt}")
    created = rv.get_review(library, review_id).created_at
    from vsr.dates import long_date_of
    from vsr.i18n import translate

    title = translate("review.default_title", date=long_date_of(created))
    text = "\n".join(p.text for p in Document(str(out)).paragraphs) if fmt == "docx" \
        else out.read_text(encoding="utf-8")
    assert title in text
