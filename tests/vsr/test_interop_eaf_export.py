"""`vsr export eaf`: an ELAN 3.0 file that keeps the rules of the format and that pympi reads
back with the same annotations; the media descriptor points at the recording."""

from __future__ import annotations

from pathlib import Path

import pympi
import pytest

from tests.lang import worded
from tests.vsr.eaf_rules import check_eaf30
from tests.vsr.interop_fixtures import A_POINT, A_RANGE, B_CLIENT_OTHER, B_PRO, C_TEXT, interop_review
from vsr.errors import VsrError
from vsr.interop.exports import export_review_file
from vsr.library.sheets import first_words
from vsr.samenleergesprek.blind import set_blind_marking


def _export(library, tmp_path: Path, lang: str = "nl") -> tuple[Path, object]:
    data = interop_review(library, tmp_path)
    out = worded(lang, export_review_file, library, data.review.id, "eaf", tmp_path / "export" / "review.eaf")
    return out, data


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_export_keeps_the_eaf30_rules(library, tmp_path: Path, lang: str) -> None:
    out, _ = _export(library, tmp_path, lang)
    assert check_eaf30(out) == []
    assert out.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>')


def test_the_rules_accept_a_file_written_by_elan(corpus: Path) -> None:
    """The checker itself is right about ELAN's own 3.0 output (fables, ELAN 6 era)."""
    assert check_eaf30(corpus / "eaf" / "fables_01_03_aesop_64kb.eaf") == []


def test_the_rules_catch_broken_files(library, tmp_path: Path) -> None:
    out, _ = _export(library, tmp_path)
    text = out.read_text(encoding="utf-8")
    broken = {
        "order": text.replace("<TIME_ORDER>", "<TIME_ORDER_X>").replace("</TIME_ORDER>", "</TIME_ORDER_X>"),
        "slot": text.replace('TIME_SLOT_REF1="ts1"', 'TIME_SLOT_REF1="ts999"'),
        "id": text.replace('ANNOTATION_ID="a2"', 'ANNOTATION_ID="a1"'),
        "type": text.replace('LINGUISTIC_TYPE_REF="vsr-c"', 'LINGUISTIC_TYPE_REF="nope"'),
        "cv": text.replace('CONTROLLED_VOCABULARY_REF="vsr-themakaarten"', 'CONTROLLED_VOCABULARY_REF="x"'),
        "time": text.replace('TIME_SLOT_ID="ts1" TIME_VALUE="12000"',
                             'TIME_SLOT_ID="ts1" TIME_VALUE="99999"'),
    }
    for name, variant in broken.items():
        bad = tmp_path / f"{name}.eaf"
        bad.write_text(variant, encoding="utf-8")
        assert check_eaf30(bad), name


def test_pympi_reads_back_the_same_annotations(library, tmp_path: Path) -> None:
    out, data = _export(library, tmp_path)
    eaf = pympi.Elan.Eaf(str(out))
    pro, client, tolk = (p.name for p in data.parties)
    assert eaf.get_annotation_data_for_tier(pro) == [(12_000, 24_500, first_words(A_RANGE))]
    # points are short annotations of 500 ms
    assert [a[:2] for a in sorted(eaf.get_annotation_data_for_tier(client))] == [
        (31_250, 31_750), (98_000, 98_500)]
    a_tier = f"{pro} - A wat gebeurde er"
    assert [r[2] for r in eaf.get_ref_annotation_data_for_tier(a_tier)] == [A_RANGE]
    assert [r[2] for r in eaf.get_ref_annotation_data_for_tier(f"{client} - A wat gebeurde er")] == [A_POINT]
    assert [r[2] for r in eaf.get_ref_annotation_data_for_tier(f"{pro} - B {pro} over zichzelf")] == [B_PRO]
    assert [r[2] for r in eaf.get_ref_annotation_data_for_tier(f"{pro} - B {client} over de ander")] \
        == [B_CLIENT_OTHER]
    refs = eaf.get_ref_annotation_data_for_tier
    assert [r[2] for r in refs(f"{pro} - C behouden of veranderen")] == [C_TEXT]
    assert [r[2] for r in eaf.get_ref_annotation_data_for_tier(f"{pro} - themakaart")] \
        == ["Wat bereiken we met elkaar?"]
    assert [r[2] for r in refs(f"{tolk} - onderwerp")] == ["Mijn eigen onderwerp"]
    assert eaf.get_parameters_for_tier(a_tier)["PARENT_REF"] == pro
    assert "vsr-themakaarten" in eaf.controlled_vocabularies
    (media,) = eaf.media_descriptors
    # The file name only: the recording's folder (often named after the client) stays home.
    assert media["MEDIA_URL"] == media["RELATIVE_MEDIA_URL"] == "./gesprek-maart.mp4"
    assert data.recording_path.parent.name not in out.read_text("utf-8")
    assert media["MIME_TYPE"] == "video/mp4"


def test_a_recording_beside_the_file_has_a_dot_slash_url(library, tmp_path: Path) -> None:
    data = interop_review(library, tmp_path)
    out = export_review_file(library, data.review.id, "eaf", tmp_path / "naast.eaf")
    (media,) = pympi.Elan.Eaf(str(out)).media_descriptors
    assert media["RELATIVE_MEDIA_URL"] == "./gesprek-maart.mp4"


def test_no_export_while_the_parties_mark_apart(library, tmp_path: Path) -> None:
    data = interop_review(library, tmp_path)
    set_blind_marking(library, data.review.id, True)
    with pytest.raises(VsrError) as err:
        export_review_file(library, data.review.id, "eaf", tmp_path / "x.eaf")
    assert err.value.key == "error.session.markers_hidden"
    assert not (tmp_path / "x.eaf").exists()
