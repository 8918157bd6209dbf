"""THE name test (issues 11 and 18): names and other identifiers in the recording's file name,
its title, the party names and every text (A/B/C, summary, learnings, actions, clip titles and
questions, collection name) are found in none of the outputs of any export path with
anonymising on: the summary in four formats with initials, the intervisie pack, the exercise
pack (index.html and worksheet), the clip file names and their MP4 tags, ELAN, WebVTT, SRT,
CSV and the review package (its rows and the recording's name in it). Checked on the text a
reader sees (pypdf for PDF, every XML part of the DOCX, HTML/MD/ELAN/subtitles/CSV as written,
the package's JSON decoded), ignoring case and diacritics. The hard cases: ı ł ø æ folded, two-
letter names, names that are also words, a lower-case name in a file name, e-mail, phone, BSN,
street, postcode, date of birth; and ordinary words ("nog jong", "wit", "in mei") must stay."""

from __future__ import annotations

import json
import re
import sys
import zipfile
from pathlib import Path

import av
import numpy as np
import pytest
from numpy.typing import NDArray
from pypdf import PdfReader

from tests.vsr.collection_fixtures import make_source
from vsr.anonymise.known import review_names, set_extra_names
from vsr.anonymise.names import fold
from vsr.clip_packs import export_collection
from vsr.clips import Box, FaceAnonymizer
from vsr.export import FORMATS, default_summary_name, export_summary
from vsr.interop.exports import EXPORT_FORMATS, export_review_file
from vsr.library import Library
from vsr.library import collections as co
from vsr.library import consent as cs
from vsr.library import markers as mk
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.review_package import OnExisting, pack_review, unpack_review
from vsr.samenleergesprek import actions, state

CLIENT = "Zoë Öztürk"
PRO = "Piet Jansen"
OTHER = "Bo de Jong"  # a third party (interpreter): a two-letter first name, a surname-word
FILE_NAME = "VID_20261103_sanne_mehmet_intake.mp4"  # Sanne, Mehmet: only in the file name
TITLE = "Gesprek Zoë Öztürk familie Yilmaz"  # Yilmaz: named only in the title
# Named only in the notes; the user gives them as extra names.
EXTRA = ("Ricardo Alves", "Fatma Yıldız", "Łukasz Nowak", "Søren Ærø", "Jo Li", "April Mei")
# Each written in the notes in other cases, without or with diacritics, and as a possessive,
# with identifiers, and with ordinary words that are also names.
NOTE = ("ZOË zei dat zoe boos was; Öztürk's broer en OZTURKS moeder, Zoës zus. "
        "Zij is nog jong, de muur is wit en in mei is het warm. "
        "Piet Jansen vroeg door. Mehmet, SANNE en de Yilmaz-familie. ricardo belde. "
        "YILDIZ en Yildiz, Lukasz en Soren, AERO; Bo, Jo en Li; April en Mei kwamen; "
        "mevrouw De Jong tolkte. Mail zoeozturk@example.nl of fatma.yildiz@gemeente.info, "
        "bel 06-12345678, +31 6 1234 5678 of 020-1234567. BSN 111222333. "
        "Woont Kerkstraat 12a, 1234 AB Utrecht. Geboren 12-03-1985.")
FORBIDDEN = ("zoe", "ozturk", "piet", "jansen", "mehmet", "sanne", "yilmaz", "ricardo", "alves",
             "yildiz", "fatma", "lukasz", "nowak", "soren", "aero", "example.nl",
             "gemeente.info", "12345678", "1234 5678", "1234567", "111222333", "kerkstraat",
             "1234 ab", "1985")
SHORT_NAMES = re.compile(r"(?<![^\W_])(?:bo|jo|li)(?![^\W_])")  # whole words, any case
NAME_WORDS = re.compile(r"\b(?:Jong|Wit|April|Mei)\b")  # these words as names: capitalised
ORDINARY = ("nog jong", "muur is wit", "in mei is het warm")  # these words as words stay


class _EveryFrameOneFace:
    def detect(self, frame_bgr: NDArray[np.uint8], threshold: float) -> list[Box]:
        h, w = frame_bgr.shape[:2]
        return [Box(w * 0.3, h * 0.3, w * 0.7, h * 0.7, 0.9)]


def _leaks(text: str) -> list[str]:
    folded = fold(text)
    found = [name for name in FORBIDDEN if name in folded]
    found += SHORT_NAMES.findall(re.sub(r"</?li\b", "", folded))  # not the HTML list tag
    return found + NAME_WORDS.findall(text)


def _ordinary_words_kept(text: str) -> bool:
    flat = " ".join(text.split())  # PDF text breaks lines anywhere
    return all(phrase in flat for phrase in ORDINARY)


def _pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    return meta + "\n".join(page.extract_text() for page in reader.pages)


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist()
                         if n.endswith((".xml", ".rels")))


def _mp4_tags(path: Path) -> str:
    with av.open(str(path)) as container:
        tags = dict(container.metadata)
        for stream in container.streams:
            tags.update({f"{stream.index}:{k}": v for k, v in stream.metadata.items()})
    return " ".join(f"{k}={v}" for k, v in tags.items())


@pytest.fixture
def named(library: Library, tmp_path: Path) -> tuple[Library, int, int]:
    """A recording, a review and notes full of the client's name; returns (lib, rec, review)."""
    source = make_source(tmp_path / "media", FILE_NAME, 2.0)
    rec, _ = rc.add_recording(library, source)
    rc.rename_recording(library, rec.id, TITLE)
    review = rv.create_review(library, rec.id, title=f"Terugkijken met {CLIENT} 06-12345678",
                              party_names=(PRO, CLIENT, OTHER))
    pro, client, _other = rv.list_parties(library, review.id)
    marker = mk.add_marker(library, client.id, 200, 1200, theme="samenwerking")
    for field, party in ((sh.SheetField.WHAT_HAPPENED, None), (sh.SheetField.TO_ME, pro.id),
                         (sh.SheetField.TO_OTHER, client.id),
                         (sh.SheetField.KEEP_OR_CHANGE, None)):
        sh.set_field(library, marker.id, field, NOTE, party)
    state.set_summary(library, review.id, NOTE)
    state.set_learning(library, review.id, client.id, NOTE)
    actions.add_action(library, review.id, NOTE, client.id)
    set_extra_names(library, "review", review.id, EXTRA)
    rv.set_share_reflections(library, review.id, True)
    for purpose in ("intervisie", "training"):
        cs.grant_consent(library, rec.id, purpose, given_by=CLIENT)
    return library, rec.id, marker.id


def test_the_summary_in_four_formats_with_initials_names_nobody(
        named: tuple[Library, int, int], tmp_path: Path) -> None:
    lib, _rec, marker_id = named
    review_id = mk.get_marker(lib, marker_id).review_id
    readers = {"pdf": _pdf_text, "docx": _docx_text,
               "html": lambda p: p.read_text("utf-8"), "md": lambda p: p.read_text("utf-8")}
    for fmt in FORMATS:
        out = tmp_path / f"leerverslag {CLIENT}.{fmt}"  # the user typed a name in the file name
        path = export_summary(lib, review_id, fmt, out, party_naming="initials")
        text = readers[fmt](path)
        assert _leaks(path.name) == [], path.name
        assert _leaks(text) == [], (fmt, _leaks(text))
        assert "Cliënt" in text  # the names became roles, the text is still there
        assert "boos was" in text and _ordinary_words_kept(text), fmt
        assert _leaks(default_summary_name(lib, review_id, fmt, anonymise=True)) == []
    # Without initials the summary is the parties' own and keeps their names (control).
    plain = export_summary(lib, review_id, "md", tmp_path / "plain.md", party_naming="names")
    assert "zoe" in _leaks(plain.read_text("utf-8"))


def test_intervisie_and_exercise_packs_name_nobody(named: tuple[Library, int, int],
                                                   tmp_path: Path) -> None:
    lib, rec, marker_id = named
    for purpose, pack, faces in (("intervisie", "intervisie", False),
                                 ("training", "exercise", True)):
        col = co.create_collection(lib, f"{purpose} {CLIENT}", purpose)
        co.add_clip(lib, col.id, rec, 0, 800, title=f"{CLIENT} wordt boos",
                    questions=[f"Wat deed {PRO} bij Öztürk?"])
        co.add_clip_from_marker(lib, col.id, marker_id, title=NOTE, questions=[NOTE],
                                include_reflections=True)
        out = tmp_path / pack
        report = export_collection(
            lib, col.id, out, anonymize_faces=faces, anonymize_names=True, pack=pack,
            anonymizer_factory=lambda: FaceAnonymizer(detector=_EveryFrameOneFace()))
        names = sorted(p.name for p in out.iterdir())
        assert len(report.files) == len(names) and _leaks(" ".join(names)) == []
        clips = sorted(out.glob("*.mp4"))
        assert len(clips) == 2
        for clip in clips:
            tags = _mp4_tags(clip)
            assert "title=" in tags  # the clip carries its (anonymised) title
            assert _leaks(tags) == [], tags
        documents = [_pdf_text(p) for p in out.glob("*.pdf")]
        documents += [p.read_text("utf-8") for p in out.glob("*.html")]
        assert len(documents) == (1 if pack == "intervisie" else 2)
        for text in documents:
            assert _leaks(text) == [], (pack, _leaks(text))
            assert "Cliënt" in text and "boos" in text and _ordinary_words_kept(text)


def test_extra_names_are_replaced_only_when_given(named: tuple[Library, int, int]) -> None:
    from vsr.anonymise.known import known_names

    lib, rec, _marker = named
    assert "ricardo" not in fold(known_names(lib, [rec], extra=["Ricardo"])(NOTE))
    without = known_names(lib, [rec])
    # The review's stored extra name counts for its recording; a bare text without it not.
    assert fold(without("ricardo belde")) == "[naam] belde"
    set_extra_names(lib, "review", mk.get_marker(lib, _marker).review_id, [])
    assert known_names(lib, [rec])("ricardo belde") == "ricardo belde"


def _text_of(path: Path) -> str:
    return path.read_text("utf-8-sig")


def test_elan_subtitles_and_csv_name_nobody(named: tuple[Library, int, int],
                                            tmp_path: Path) -> None:
    lib, _rec, marker_id = named
    review_id = mk.get_marker(lib, marker_id).review_id
    for fmt in EXPORT_FORMATS:
        asked = tmp_path / "out" / f"momenten {CLIENT} sanne.{fmt}"
        path = export_review_file(lib, review_id, fmt, asked, anonymize_names=True)
        text = _text_of(path)
        assert path.parent == asked.parent and path.exists() and not asked.exists()
        assert _leaks(path.name) == [], path.name
        assert _leaks(text) == [], (fmt, _leaks(text))
        assert "Cliënt" in text  # the client marked the moment
        if fmt in ("eaf", "csv"):  # the whole of A, B and C and every party are in these
            assert "Professional" in text and "Deelnemer" in text
            assert _ordinary_words_kept(text), fmt
            assert "[telefoonnummer]" in text and "[BSN]" in text and "[adres]" in text
            assert "[e-mailadres]" in text and "[geboortedatum]" in text
    eaf = _text_of(tmp_path / "out" / "momenten-Cliënt-naam.eaf")
    assert 'MEDIA_URL="./naam.mp4"' in eaf and str(tmp_path) not in eaf  # name only, replaced
    # Without --anonymize names the file is the parties' own and keeps their names (control).
    plain = export_review_file(lib, review_id, "csv", tmp_path / "plain.csv")
    assert {"zoe", "111222333"} <= set(_leaks(_text_of(plain)))


def _package_texts(package: Path) -> list[str]:
    """The member names and every JSON member decoded (so "\\u00f6" is "ö" again)."""
    with zipfile.ZipFile(package) as z:
        texts = [" ".join(z.namelist())]
        for name in z.namelist():
            if name.endswith(".json"):
                texts.append(json.dumps(json.loads(z.read(name)), ensure_ascii=False))
    return texts


def test_review_package_names_nobody_and_still_unpacks(named: tuple[Library, int, int],
                                                       tmp_path: Path) -> None:
    lib, _rec, marker_id = named
    review_id = mk.get_marker(lib, marker_id).review_id
    out = pack_review(lib, review_id, tmp_path / f"pakket {CLIENT}.vsrpack", with_recording=True,
                      names=review_names(lib, review_id))
    assert _leaks(out.name) == [], out.name
    texts = _package_texts(out)
    assert any(n.startswith("recording/") for n in texts[0].split())  # the recording went along
    for text in texts:
        assert _leaks(text) == [], _leaks(text)
    rows = texts[1] + texts[2]
    assert "Cliënt" in rows and _ordinary_words_kept(rows) and "boos was" in rows
    done = unpack_review(lib, out, on_existing=OnExisting.KEEP_BOTH)
    assert [p.name for p in rv.list_parties(lib, done.review_id)] == [
        "Professional", "Cliënt", "Deelnemer"]
    # Without the choice the package is the parties' own (control).
    plain = pack_review(lib, review_id, tmp_path / "plain.vsrpack")
    assert "zoe" in _leaks(" ".join(_package_texts(plain)))


def test_the_command_line_replaces_names_on_every_export(
        named: tuple[Library, int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--anonymize names` on export eaf/vtt/srt/csv/summary and on pack; `--extra-name` adds
    a name that is kept with the review for later exports."""
    from vsr.cli.main import main

    monkeypatch.setattr(sys.modules["vsr.cli.main"], "setup_logging", lambda: None)
    lib, _rec, marker_id = named
    review_id = str(mk.get_marker(lib, marker_id).review_id)
    state.set_summary(lib, int(review_id), NOTE + " Gerrit Kolk kwam later.")
    lib.close()
    out = tmp_path / "cli"
    commands = [["export", fmt, review_id, "-o", str(out / f"{CLIENT}.{fmt}")]
                for fmt in EXPORT_FORMATS]
    commands.append(["export", "summary", review_id, "-o", str(out / f"{CLIENT}.md")])
    commands.append(["pack", review_id, "-o", str(out / f"{CLIENT}.vsrpack")])
    for n, command in enumerate(commands):
        extra = ["--extra-name", "Gerrit Kolk"] if n == 0 else []  # kept for the later ones
        assert main(["--library", str(lib.path), *command, "--anonymize", "names", *extra]) == 0
    written = sorted(out.iterdir())
    assert len(written) == len(commands) and _leaks(" ".join(p.name for p in written)) == []
    for path in written:
        texts = _package_texts(path) if path.suffix == ".vsrpack" else [_text_of(path)]
        for text in texts:
            assert _leaks(text) == [] and "kolk" not in fold(text), (path.name, _leaks(text))
