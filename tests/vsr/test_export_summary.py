"""The joint learning summary in each format: its content (parsed back, not only "a file exists"),
empty fields, long texts, no other review's data, atomic writing, and the CLI."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from tests.lang import worded
from tests.vsr import session_fixtures as fx
from vsr import samenleergesprek as ss
from vsr.app_dirs import staging_root
from vsr.cli.main import main as cli_main
from vsr.errors import VsrError
from vsr.export import export_summary, summary_md
from vsr.export import fonts as export_fonts
from vsr.export.summary_content import build_summary, initials
from vsr.i18n import current_language
from vsr.library.health import state_dir


def flat(text: str) -> str:
    """Whitespace-insensitive text, as PDF extraction breaks lines where it likes."""
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def docx_text(path: Path) -> tuple[str, list]:  # type: ignore[type-arg]
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts), document


@pytest.fixture
def walked(library, tmp_path: Path):  # type: ignore[no-untyped-def]
    return fx.walked_review(library, tmp_path)


def test_pdf_contents(library, walked, tmp_path: Path) -> None:
    out = export_summary(library, walked.review.id, "pdf", tmp_path / "verslag.pdf")
    reader = PdfReader(str(out))
    assert len(reader.pages) >= 3  # the long text runs over pages instead of off them
    text = flat(pdf_text(out))
    for expected in (fx.A_TEXT, fx.B_PRO, fx.B_CLIENT, fx.C_TEXT, fx.SUMMARY, fx.LEARN_PRO,
                     fx.ACTION, fx.PRO, fx.CLIENT, "Gezamenlijkleerverslag", "(leeg)",
                     "Groot verschil", "Handtekening", "Pagina1van"):
        assert flat(expected) in text, expected
    # a word wider than its column is broken, not cut (also where its row goes on over a page
    # break: the footer and the repeated column headers are left out of the comparison)
    furniture = re.escape(flat("Vertrouwelijk – ")) + r"Pagina\d+van\d+(?:" + re.escape(
        flat(fx.PRO + fx.CLIENT)) + ")?"
    assert flat(fx.LONG_WORD * 3) in re.sub(furniture, "", text)
    assert fx.LONG_TEXT.split(" Zin 89")[0][-40:].replace(" ", "") in text
    fonts = [f.get_object()["/BaseFont"] for f in reader.pages[0]["/Resources"]["/Font"].values()]
    assert any("DejaVu" in str(name) for name in fonts)  # the Unicode font is embedded


def test_pdf_in_english_with_initials(library, walked, tmp_path: Path) -> None:
    # A summary in English from a Dutch session: the one explicit language choice
    out = export_summary(library, walked.review.id, "pdf", tmp_path / "s.pdf",
                         party_naming="initials", language="en")
    assert current_language() == "nl"
    text = flat(pdf_text(out))
    assert "Jointlearningsummary" in text and "(empty)" in text
    assert "A.d.V." in text and "Z.Ç." in text
    assert flat(fx.PRO) not in text and flat(fx.CLIENT) not in text


def test_pdf_without_a_unicode_font_still_reads(library, walked, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("vsr.export.pdf_layout.find_unicode_font", lambda: None)
    out = export_summary(library, walked.review.id, "pdf", tmp_path / "s.pdf")
    text = flat(pdf_text(out))
    assert flat(fx.CLIENT) in text  # ë and Ç are Latin-1
    assert flat("jij zei: 'ik weet het niet'") in text  # typographic quotes swapped


def test_font_is_found() -> None:
    assert export_fonts.find_unicode_font() is not None


def test_docx_contents(library, walked, tmp_path: Path) -> None:
    out = export_summary(library, walked.review.id, "docx", tmp_path / "verslag.docx")
    text, document = docx_text(out)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Afspraken" in headings and "Afsluiting" in headings
    assert "Moment 1: 0:12 – 0:24" in headings
    assert any(h.startswith("A. Wat gebeurde er?") for h in headings)
    assert any(p.style.name == "Title" for p in document.paragraphs)
    b_table = next(t for t in document.tables
                   if [c.text for c in t.rows[0].cells][1:] == [fx.PRO, fx.CLIENT])
    assert b_table.cell(1, 1).text == fx.B_PRO and b_table.cell(1, 2).text == fx.B_CLIENT
    assert "Onzeker" in b_table.cell(3, 2).text
    for expected in (fx.A_TEXT, fx.C_TEXT, fx.SUMMARY, fx.LEARN_PRO, fx.ACTION, "(leeg)",
                     fx.LONG_WORD, "1 februari 2026", "Samen"):
        assert expected in text, expected
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        footer = "".join(archive.read(n).decode() for n in names if "footer" in n)
    assert sum(n.startswith("word/media/") for n in names) >= 3  # theme and rating pictograms
    assert 'w:instr="PAGE"' in footer


def test_html_is_standalone(library, walked, tmp_path: Path) -> None:
    out = export_summary(library, walked.review.id, "html", tmp_path / "verslag.html")
    html = out.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="nl">' in html
    assert "data:image/svg+xml;base64," in html
    assert "@media print" in html and "@page" in html
    assert not re.search(r'src="(?!data:)', html)  # nothing loaded from elsewhere
    for expected in (fx.A_TEXT, fx.B_PRO, fx.B_CLIENT, fx.C_TEXT, fx.ACTION, fx.CLIENT):
        assert expected in html, expected
    assert "(leeg)" in html


def test_html_escapes_user_text(library, walked, tmp_path: Path) -> None:
    ss.set_summary(library, walked.review.id, "<script>alert('x')</script> & co")
    html = export_summary(library, walked.review.id, "html", tmp_path / "s.html").read_text("utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_markdown_sections(library, walked, tmp_path: Path) -> None:
    md = export_summary(library, walked.review.id, "md", tmp_path / "verslag.md").read_text("utf-8")
    for heading in ("# Gezamenlijk leerverslag", "## Afspraken", "## Besproken momenten",
                    "### Moment 1: 0:12 – 0:24", "### Moment 2: 1:02", "## Afsluiting",
                    "### Samenvatting", "### Wat hebben we geleerd?", "### Acties",
                    "### Hoe ervaren we het?", "## Akkoord"):
        assert f"\n{heading}\n" in f"\n{md}", heading
    assert f"| | {fx.PRO} | {fx.CLIENT} |".replace("| |", "|  |") in md
    assert fx.A_TEXT in md and fx.ACTION in md


def test_markdown_keeps_user_text_as_text() -> None:
    assert summary_md._para("# geen kop\n- geen lijst") == "\\# geen kop  \n\\- geen lijst"
    assert summary_md._cell("a | b\nc") == "a \\| b <br> c"


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "md"])
def test_no_data_of_another_review(library, walked, tmp_path: Path, fmt: str) -> None:
    out = export_summary(library, walked.review.id, fmt, tmp_path / f"s.{fmt}")
    if fmt == "pdf":
        text = pdf_text(out)
    elif fmt == "docx":
        text = docx_text(out)[0]
    else:
        text = out.read_text("utf-8")
    assert fx.SECRET not in text
    assert "NIET-GEKOZEN" not in text  # a marker not chosen in Stap 1 stays out
    assert str(tmp_path) not in text  # the recording's folder is not named


def test_without_chosen_moments_all_filled_sheets_are_listed(library, walked) -> None:
    for moment in ss.get_session(library, walked.review.id).moments:
        ss.remove_moment(library, moment.id)
    doc = build_summary(library, walked.review.id)
    assert doc.moments_note.startswith("Er zijn geen momenten gekozen")
    whats = [m.what_happened for m in doc.moments]
    assert fx.A_TEXT in whats and "NIET-GEKOZEN moment" in whats
    assert len(doc.moments) == 3  # m2 has a (long) B text, so it counts as filled


def test_ratings_stay_hidden_until_all_rated(library, tmp_path: Path) -> None:
    walked = fx.walked_review(library, tmp_path, rate=False)
    ss.set_rating(library, walked.review.id, walked.pro.id, "samenwerking", 5)
    doc = build_summary(library, walked.review.id)
    assert doc.ratings == () and doc.ratings_note.startswith("Nog niet iedereen")
    md = summary_md.render_markdown(doc)
    assert "5 – Heel goed" not in md


def test_stills_off_by_default_and_on_when_asked(library, walked, tmp_path: Path) -> None:
    calls: list[int] = []

    def fake_grab(path: Path, at_ms: int, rotation: int) -> bytes:
        calls.append(at_ms)
        return b"\xff\xd8\xff\xe0fake-jpeg"

    export_summary(library, walked.review.id, "html", tmp_path / "a.html",
                   grab_still=fake_grab)
    assert calls == []
    html = export_summary(library, walked.review.id, "html", tmp_path / "b.html",
                          include_stills=True, grab_still=fake_grab).read_text("utf-8")
    assert calls == [12_000, 62_000]
    assert html.count("data:image/jpeg;base64,") == 2


def test_stills_of_a_missing_recording_are_named_not_fatal(library, walked,
                                                           tmp_path: Path) -> None:
    md = export_summary(library, walked.review.id, "md", tmp_path / "s.md",
                        include_stills=True).read_text("utf-8")  # the fake file is no video
    assert "(beeld niet beschikbaar)" in md


def test_real_still_in_pdf_and_docx(library, tmp_path: Path) -> None:
    from PIL import Image

    from vsr.export.stills import grab_still
    from vsr.media.testclip import generate_test_clip

    clip = generate_test_clip(tmp_path / "clip.mp4", 3.0, with_audio=False)
    jpeg = grab_still(clip, 1_500)
    assert jpeg is not None and jpeg[:2] == b"\xff\xd8"
    assert Image.open(io.BytesIO(jpeg)).size == (160, 120)
    assert grab_still(tmp_path / "nope.mp4", 0) is None
    walked = fx.walked_review(library, tmp_path, long_text=False)
    out = export_summary(library, walked.review.id, "docx", tmp_path / "s.docx",
                         include_stills=True, grab_still=lambda p, ms, r: jpeg)
    with zipfile.ZipFile(out) as archive:
        assert any(n.endswith((".jpg", ".jpeg")) for n in archive.namelist())
    pdf = export_summary(library, walked.review.id, "pdf", tmp_path / "s.pdf",
                         include_stills=True, grab_still=lambda p, ms, r: jpeg)
    images = [xo.get_object() for page in PdfReader(str(pdf)).pages
              for xo in page["/Resources"].get("/XObject", {}).values()]
    assert any(i["/Subtype"] == "/Image" and i.get("/Filter") == "/DCTDecode" for i in images)


# -- atomic writing ---------------------------------------------------------------------------

def test_failure_mid_write_leaves_the_old_file(library, walked, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "verslag.md"
    out.write_text("vorige versie", "utf-8")

    def half_then_crash(doc, path: Path) -> None:  # type: ignore[no-untyped-def]
        path.write_text("# Gezamenlijk leer", "utf-8")
        raise RuntimeError("crash halfway")

    monkeypatch.setattr(summary_md, "write_markdown", half_then_crash)
    with pytest.raises(RuntimeError):
        export_summary(library, walked.review.id, "md", out)
    assert out.read_text("utf-8") == "vorige versie"
    # nothing hidden beside the file; the app's own staging folder (beside the library,
    # which lives in tmp_path here) is empty again; its state folder (open-markers) is the
    # library's, not the export's
    staging = staging_root(library.path)
    assert sorted(p.name for p in tmp_path.iterdir()
                  if p.name.startswith(".") and p not in (staging, state_dir(library.path))
                  ) == []
    assert list(staging.iterdir()) == []


def test_failure_without_old_file_leaves_nothing(library, walked, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(doc, path: Path) -> None:  # type: ignore[no-untyped-def]
        path.write_bytes(b"%PDF-1.4 half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("vsr.export.summary_pdf.write_pdf", crash)
    folder = tmp_path / "out"
    with pytest.raises(VsrError) as err:
        export_summary(library, walked.review.id, "pdf", folder / "s.pdf")
    assert err.value.key == "error.export.write_failed"
    assert "No space left" in worded("en", err.value.message)
    assert list(folder.iterdir()) == []


def test_unwritable_target_is_a_clear_error(library, walked, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(VsrError) as err:
        export_summary(library, walked.review.id, "md", blocker / "s.md")
    assert err.value.key == "error.export.write_failed"
    assert str(blocker / "s.md") in err.value.message()


def test_unknown_format(library, walked, tmp_path: Path) -> None:
    with pytest.raises(VsrError) as err:
        export_summary(library, walked.review.id, "odt", tmp_path / "s.odt")
    assert err.value.key == "error.export.format"


def test_initials() -> None:
    assert initials("Anouk de Vries") == "A.d.V."
    assert initials("Zoë Çelik-Yilmaz") == "Z.Ç.Y."
    assert initials("   ") == "?"


# -- CLI ----------------------------------------------------------------------------------------

def test_cli_export_summary(library, walked, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli" / "verslag.docx"
    code = cli_main(["--library", str(library.path), "--lang", "en", "export", "summary",
                     str(walked.review.id), "-o", str(out), "--initials"])
    assert code == 0
    assert "Learning summary saved" in capsys.readouterr().out
    text, _ = docx_text(out)
    assert "Joint learning summary" in text and "A.d.V." in text and fx.PRO not in text
    code = cli_main(["--library", str(library.path), "export", "summary", "424242",
                     "--format", "md", "-o", str(tmp_path / "x.md")])
    assert code == 1
    assert "424242" in capsys.readouterr().err
    assert not (tmp_path / "x.md").exists()


def test_docx_keeps_room_to_sign_on_one_page(library, walked, tmp_path: Path) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Cm

    out = export_summary(library, walked.review.id, "docx", tmp_path / "s.docx")
    document = Document(str(out))
    body = list(document.element.body.iterchildren())
    sign = document.tables[-1]
    assert body.index(sign._tbl) == len(body) - 2  # the last block (before the section props)
    heading, text = document.paragraphs[-2], document.paragraphs[-1]
    assert heading.text == "Akkoord" and heading.style.name == "Heading 1"
    assert text.text == "Wij herkennen dit verslag als ons gezamenlijke verslag."
    assert len(sign.rows) == 2  # one row per party
    for row, name in zip(sign.rows, (fx.PRO, fx.CLIENT), strict=True):
        cells = row.cells
        assert cells[0].text == name
        assert cells[1].text.startswith("Handtekening:") and cells[2].text.startswith("Datum:")
        for cell in cells[1:]:  # a line to write on, under the label
            assert cell.paragraphs[-1]._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")\
                is not None
        assert row.height is not None and row.height >= Cm(2.5)  # room for a signature
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None  # a row never breaks
    # Word keeps the block together: everything before the last row keeps with what follows.
    keeps = [heading, text] + [p for row in sign.rows[:-1] for c in row.cells
                               for p in c.paragraphs]
    assert all(p.paragraph_format.keep_with_next for p in keeps)
    assert all(p.paragraph_format.keep_together for row in sign.rows for c in row.cells
               for p in c.paragraphs)


def test_pdf_sign_off_stays_together_on_the_last_page(library, walked, tmp_path: Path) -> None:
    # Push the sign-off towards a page end with closing texts of different lengths: wherever
    # it would fall, it is never split (heading, text and every party's row on one page).
    for lines in range(0, 60, 10):
        ss.set_summary(library, walked.review.id, "\n".join(["Samen teruggekeken."] * lines))
        out = export_summary(library, walked.review.id, "pdf", tmp_path / f"s{lines}.pdf")
        last = PdfReader(str(out)).pages[-1].extract_text() or ""
        assert "Akkoord" in last and last.count("Handtekening:") == 2, lines
        assert last.count("Datum:") == 2 and fx.PRO in last and fx.CLIENT in last, lines


def _sound_with_cover_art(path: Path) -> Path:
    """3 s of AAC in an m4a with a cover picture (a one-picture video stream, as music and
    some recorder apps store it)."""
    import av
    import numpy as np

    with av.open(str(path), "w", format="mp4") as out:
        sound = out.add_stream("aac", rate=48_000)
        sound.layout = "mono"
        cover = out.add_stream("mjpeg", rate=1)
        cover.width = cover.height = 64
        cover.pix_fmt = "yuvj420p"
        cover.disposition = av.stream.Disposition.attached_pic
        picture = av.VideoFrame.from_ndarray(np.full((64, 64, 3), 200, np.uint8), format="rgb24")
        picture = picture.reformat(format="yuvj420p")
        picture.pts = 0
        for packet in [*cover.encode(picture), *cover.encode(None)]:
            out.mux(packet)
        tone = (0.5 * np.sin(np.arange(3 * 48_000) * 2 * np.pi * 440 / 48_000)).astype(np.float32)
        for start in range(0, len(tone), 1024):
            frame = av.AudioFrame.from_ndarray(tone[np.newaxis, start:start + 1024].copy(),
                                               format="fltp", layout="mono")
            frame.sample_rate, frame.pts = 48_000, start
            for packet in sound.encode(frame):
                out.mux(packet)
        for packet in sound.encode(None):
            out.mux(packet)
    return path


def test_a_sound_recording_gives_no_stills_and_no_word_of_missing_ones(library,
                                                                       tmp_path: Path) -> None:
    """Its cover picture is not a still of the conversation (it was shown at every moment),
    and a summary of a sound recording does not say at every moment that it has no picture."""
    from vsr.export.stills import StillReader
    from vsr.library import markers as mk
    from vsr.library import recordings as rc
    from vsr.library import reviews as rv
    from vsr.library import sheets as sh

    sound = _sound_with_cover_art(tmp_path / "gesprek.m4a")
    with StillReader(sound) as reader:
        assert reader.grab_many([500, 1500, 2500]) == [None, None, None]
        assert reader.grab(1_000) is None
    recording, _ = rc.add_recording(library, sound)
    assert not recording.has_video
    review = rv.create_review(library, recording.id, party_names=("Kim", "Bo"))
    pro, _client = rv.list_parties(library, review.id)
    marker = mk.add_marker(library, pro.id, 1_000)
    sh.set_field(library, marker.id, sh.SheetField.WHAT_HAPPENED, "Kim vraagt door")
    for in_child in (False, True):
        md = export_summary(library, review.id, "md", tmp_path / f"s{in_child}.md",
                            include_stills=True, in_child=in_child).read_text("utf-8")
        assert "Kim vraagt door" in md
        assert "beeld niet beschikbaar" not in md and "data:image" not in md
