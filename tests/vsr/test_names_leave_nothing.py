"""THE name test (issue 11): a client's name in the recording's file name, its title, the party
names and the notes (A/B/C, summary, actions, clip titles and questions, collection name) is
found in none of the outputs of any export path with anonymising on: the summary in four
formats with initials, the intervisie pack, the exercise pack (index.html and worksheet), the
clip file names and their MP4 tags. Checked on the text a reader sees (pypdf for PDF, every XML
part of the DOCX, HTML/MD as written), ignoring case and diacritics."""

from __future__ import annotations

import zipfile
from pathlib import Path

import av
import numpy as np
import pytest
from numpy.typing import NDArray
from pypdf import PdfReader

from tests.vsr.collection_fixtures import make_source
from vsr.anonymise.known import set_extra_names
from vsr.anonymise.names import fold
from vsr.clips import Box, FaceAnonymizer
from vsr.export import FORMATS, default_summary_name, export_summary
from vsr.library import Library
from vsr.library import collections as co
from vsr.library import consent as cs
from vsr.library import markers as mk
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.packs import export_collection
from vsr.session import actions, state

CLIENT = "Zoë Öztürk"
PRO = "Piet Jansen"
FILE_NAME = "gesprek_zoe_ozturk_en_mehmet.mp4"  # Mehmet: named only in the file name
TITLE = "Gesprek Zoë Öztürk familie Yilmaz"  # Yilmaz: named only in the title
EXTRA = "Ricardo Alves"  # named only in the notes; the user gives it as an extra name
# Each written in the notes in other cases, without or with diacritics, and as a possessive.
NOTE = ("ZOË zei dat zoe boos was; Öztürk's broer en OZTURKS moeder, Zoës zus. "
        "Piet Jansen vroeg door. Mehmet en de Yilmaz-familie. ricardo belde.")
FORBIDDEN = ("zoe", "ozturk", "piet", "jansen", "mehmet", "yilmaz", "ricardo", "alves")


class _EveryFrameOneFace:
    def detect(self, frame_bgr: NDArray[np.uint8], threshold: float) -> list[Box]:
        h, w = frame_bgr.shape[:2]
        return [Box(w * 0.3, h * 0.3, w * 0.7, h * 0.7, 0.9)]


def _leaks(text: str) -> list[str]:
    folded = fold(text)
    return [name for name in FORBIDDEN if name in folded]


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
    review = rv.create_review(library, rec.id, title=f"Terugkijken met {CLIENT}",
                              party_names=(PRO, CLIENT))
    pro, client = rv.list_parties(library, review.id)
    marker = mk.add_marker(library, client.id, 200, 1200, theme="samenwerking")
    for field, party in ((sh.SheetField.WHAT_HAPPENED, None), (sh.SheetField.TO_ME, pro.id),
                         (sh.SheetField.TO_OTHER, client.id),
                         (sh.SheetField.KEEP_OR_CHANGE, None)):
        sh.set_field(library, marker.id, field, NOTE, party)
    state.set_summary(library, review.id, NOTE)
    state.set_learning(library, review.id, client.id, NOTE)
    actions.add_action(library, review.id, NOTE, client.id)
    set_extra_names(library, "review", review.id, [EXTRA])
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
        assert "boos was" in text
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
            assert "Cliënt" in text and "boos" in text


def test_extra_names_are_replaced_only_when_given(named: tuple[Library, int, int]) -> None:
    from vsr.anonymise.known import known_names

    lib, rec, _marker = named
    assert "ricardo" not in fold(known_names(lib, [rec], extra=["Ricardo"])(NOTE))
    without = known_names(lib, [rec])
    # The review's stored extra name counts for its recording; a bare text without it not.
    assert fold(without("ricardo belde")) == "[naam] belde"
    set_extra_names(lib, "review", mk.get_marker(lib, _marker).review_id, [])
    assert known_names(lib, [rec])("ricardo belde") == "ricardo belde"
