"""Pasted text with control characters is cleaned when stored, and every export copes with it
and with emoji (issue 10): Word's vertical tab, NUL, U+FFFE, lone surrogates."""

from __future__ import annotations

import re
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.vsr import session_fixtures as fx
from tests.vsr.collection_fixtures import CLIENT, make_source, make_world
from tests.vsr.fakes import add_fake_recording
from vsr import samenleergesprek as ss
from vsr.clip_packs import export_collection
from vsr.export import export_summary
from vsr.export import fonts as export_fonts
from vsr.export.pdf_layout import SummaryPdf
from vsr.library import Library, themes
from vsr.library import collections as co
from vsr.library import consent as cs
from vsr.library import markers as mk
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.model import PARTY_NAME_MAX
from vsr.text import clean_text

# Word's line break, NUL, a non-character, a lone surrogate, DEL, a C1 control, a form feed.
DIRTY = "eerste regel\vtweede\x00 regel\ufffe met\ud800 tab\there\x7f\x85en\x0cdan"
CLEAN = "eerste regel\ntweede regel met tab\there\nen\ndan"
BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
EMOJI = "Ik voelde me 😀 en 🦄 blij"  # DejaVu has 😀, only Symbola has 🦄


def test_clean_text_keeps_tabs_and_newlines_and_drops_controls() -> None:
    assert clean_text(DIRTY) == CLEAN
    assert clean_text("a\r\nb\rc\u2028d") == "a\nb\nc\nd"
    assert clean_text(EMOJI) == EMOJI
    assert clean_text("gewoon tekst, ë é ü – ok") == "gewoon tekst, ë é ü – ok"


def test_every_text_setter_stores_clean_text(library: Library, tmp_path: Path) -> None:
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id, title=DIRTY, party_names=(DIRTY, "Cliënt"))
    pro, client = rv.list_parties(library, review.id)
    marker = mk.add_marker(library, pro.id, 1000, theme="eigen", subtopic=DIRTY)
    for field in (sh.SheetField.WHAT_HAPPENED, sh.SheetField.KEEP_OR_CHANGE):
        sh.set_field(library, marker.id, field, DIRTY)
    for field in (sh.SheetField.TO_ME, sh.SheetField.TO_OTHER):
        sh.set_field(library, marker.id, field, DIRTY, client.id)
    ss.set_summary(library, review.id, DIRTY)
    ss.set_learning(library, review.id, pro.id, DIRTY)
    first = ss.add_action(library, review.id, DIRTY)
    second = ss.add_action(library, review.id, "x")
    ss.update_action(library, second.id, what=DIRTY)
    extra = rv.add_party(library, review.id, DIRTY)
    rv.rename_party(library, client.id, DIRTY)
    rc.rename_recording(library, rec.id, DIRTY)
    subtopic = themes.add_custom_subtopic(library, "eigen", "a\x00b")
    col = co.create_collection(library, DIRTY, "intervisie")
    cs.grant_consent(library, rec.id, "intervisie", given_by=DIRTY)
    clip = co.add_clip(library, col.id, rec.id, 0, 500, title=DIRTY, questions=[DIRTY])
    co.retitle_clip(library, clip.id, DIRTY)
    co.set_clip_questions(library, clip.id, [DIRTY, "\x00"])
    co.rename_collection(library, col.id, DIRTY)

    assert subtopic == "ab"
    sheet = sh.get_sheet(library, marker.id)
    state = ss.get_session(library, review.id)
    texts = [sheet.what_happened, sheet.keep_or_change, state.summary, state.learning(pro.id),
             *(a.what for a in state.actions), rv.get_party(library, extra.id).name,
             rv.get_party(library, client.id).name, rc.get_recording(library, rec.id).title,
             co.get_collection(library, col.id).name, co.get_clip(library, clip.id).title,
             *co.get_clip(library, clip.id).questions, mk.get_marker(library, marker.id).subtopic,
             cs.get_consent(library, rec.id, "intervisie").given_by,  # type: ignore[union-attr]
             rv.get_review(library, review.id).title, rv.get_party(library, pro.id).name]
    texts += [str(v) for r in sheet.reflections.values() for v in (r.to_me, r.to_other)]
    assert {len(t) for t in texts} and all(not BAD.search(t) for t in texts), texts
    assert sheet.what_happened == CLEAN and state.summary == CLEAN
    assert co.get_clip(library, clip.id).questions == (CLEAN,)
    assert [a.id for a in state.actions] == [first.id, second.id]
    # A participant's name is one line and no longer than the names dialog allows.
    assert rv.get_party(library, client.id).name == " ".join(CLEAN.split())
    long_name = rv.rename_party(library, client.id, "Ł" * 200).name
    assert long_name == "Ł" * PARTY_NAME_MAX


@pytest.fixture
def dirty_review(library: Library, tmp_path: Path) -> fx.WalkedReview:
    """A walked review with emoji typed today and control characters from an old library
    (stored before cleaning existed, so written with plain SQL)."""
    walked = fx.walked_review(library, tmp_path, long_text=False)
    marker_id = walked.marker_ids[0]
    sh.set_field(library, marker_id, sh.SheetField.WHAT_HAPPENED, EMOJI)
    old = DIRTY.replace("\ud800", "")  # SQLite cannot even store a lone surrogate
    with library.write():
        library.conn.execute("UPDATE sheets SET keep_or_change = ? WHERE marker_id = ?",
                             (old, marker_id))
        library.conn.execute("UPDATE session_state SET summary = ? WHERE review_id = ?",
                             (old + " 🫠", walked.review.id))
    return walked


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.mark.parametrize("fmt", ["docx", "html", "md"])
def test_text_exports_keep_emoji_and_drop_controls(library: Library, dirty_review,  # type: ignore[no-untyped-def]
                                                   tmp_path: Path, fmt: str) -> None:
    out = export_summary(library, dirty_review.review.id, fmt, tmp_path / f"verslag.{fmt}")
    if fmt == "docx":
        with zipfile.ZipFile(out) as docx:
            text = docx.read("word/document.xml").decode("utf-8")
    else:
        text = out.read_text("utf-8")
    assert "😀" in text and "🫠" in text
    assert "tweede regel" in text and "tweede\x00" not in text
    assert not BAD.search(text.replace("\n", "").replace("\t", "").replace("\r", ""))


def test_pdf_summary_prints_emoji_or_names_them(library: Library, dirty_review,  # type: ignore[no-untyped-def]
                                                tmp_path: Path) -> None:
    out = export_summary(library, dirty_review.review.id, "pdf", tmp_path / "verslag.pdf")
    text = pdf_text(out)
    assert "tweede regel" in text and not BAD.search(text.replace("\f", "").replace("\n", ""))
    if export_fonts.find_symbol_font() is not None:  # fonts-symbola (scripts/setup.sh)
        assert "😀" in text and "🦄" in text
        reader = PdfReader(str(out))
        fonts = {str(f.get_object()["/BaseFont"]) for page in reader.pages
                 for f in page["/Resources"]["/Font"].values()}
        assert any("Symbola" in name for name in fonts)
    else:
        assert "[unicorn face]" in text
    # 🫠 (Unicode 14) is newer than Symbola: named, never silently dropped.
    assert "🫠" in text or "[melting face]" in text


def test_pdf_names_characters_no_font_has(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("vsr.export.pdf_layout.find_symbol_font", lambda: None)
    pdf = SummaryPdf("voet")
    assert pdf.clean("blij 🦄\u200d!") == "blij [unicorn face]!"
    assert pdf.clean("ë – \t\n") == "ë – \t\n"


def test_pack_handout_prints_emoji_from_questions(library: Library, tmp_path: Path) -> None:
    source = make_source(tmp_path / "src", "gesprek.mp4", 1.0)
    world = make_world(library, source, title="Gesprek 🙂")
    cs.grant_consent(library, world.rec.id, "intervisie", given_by=CLIENT)
    col = co.create_collection(library, "Intervisie 😀", "intervisie")
    co.add_clip(library, col.id, world.rec.id, 100, 600, title="Boos\vmoment",
                questions=["Wat zag je? 🦄\x00"])
    out = tmp_path / "pack"
    export_collection(library, col.id, out, anonymize_faces=False, pack="intervisie",
                      today=date(2026, 5, 4))
    text = pdf_text(out / "handout.pdf")
    assert "Boos\nmoment" in text or "Boos moment" in text
    emoji = "🦄" if export_fonts.find_symbol_font() is not None else "[unicorn face]"
    assert f"Wat zag je? {emoji}" in text and "Intervisie 😀" in text


def test_pdf_lines_the_font_has_print_the_same_without_the_fallback_search(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """SummaryPdf.cell skips fpdf2's per-character fallback search for a line its font has
    every character of (most of a long summary's time): the page is byte for byte what fpdf2
    writes with the search, plain lines and emoji lines alike."""
    from datetime import UTC, datetime

    def document(shortcut: bool) -> bytes:
        pdf = SummaryPdf("Vertrouwelijk – Pagina {n} van {nb}")
        if not shortcut:
            monkeypatch.setattr(pdf, "_has_all", lambda font, text: False)
        pdf.set_creation_date(datetime(2026, 12, 7, tzinfo=UTC))
        pdf.add_page()
        pdf.para("Zij zegt: „het gaat beter” – ëïé, 12:30 uur, en dan gewoon verder.")
        pdf.para("Blij 😀 en een eenhoorn 🦄 tussen de woorden.", bold=True)
        pdf.label_line("Wat gebeurde er", "Hij kijkt weg – ‘even niet’.")
        return bytes(pdf.output())

    assert document(shortcut=True) == document(shortcut=False)
