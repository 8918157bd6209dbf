"""The feelings a client chose with pictograms (what a client who does not write said) go into
the ELAN, CSV, WebVTT and SRT exports as words in the export's language. Before, the moment of
a client who only tapped 'onzeker' and 'niet gehoord' came out empty."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import webvtt

from tests.vsr.fakes import add_fake_recording
from tests.vsr.interop_fixtures import moment_snapshot
from vsr.i18n import using_language
from vsr.interop.eaf_import import import_eaf
from vsr.interop.exports import export_review_file
from vsr.library import markers as mk
from vsr.library import reviews as rv
from vsr.library import sheets as sh

WORDS = {"nl": ("Onzeker", "Niet gehoord", "Rustig"), "en": ("Unsure", "Not heard", "Calm")}


@pytest.fixture
def felt(library, tmp_path: Path):  # type: ignore[no-untyped-def]
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id, title="Zonder woorden",
                              party_names=("Anouk de Vries", "Zoë Çelik"))
    pro, client = rv.list_parties(library, review.id)
    marker = mk.add_marker(library, client.id, 5_000, 9_000)  # no text at all, only pictograms
    sh.set_feelings(library, marker.id, client.id, ("onzeker", "niet-gehoord"))
    sh.set_feelings(library, marker.id, pro.id, ("rustig",))
    return review.id


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_csv_has_the_feelings_in_words(library, felt, tmp_path: Path, lang: str) -> None:
    with using_language(lang):
        out = export_review_file(library, felt, "csv", tmp_path / "m.csv")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        header, row = list(csv.reader(handle, delimiter=";"))
    cells = dict(zip(header, row, strict=True))
    feelings = "Gevoelens" if lang == "nl" else "Feelings"
    unsure, not_heard, calm = WORDS[lang]
    assert cells[f"{feelings} Zoë Çelik"] == f"{unsure}, {not_heard}"
    assert cells[f"{feelings} Anouk de Vries"] == calm


@pytest.mark.parametrize("fmt", ["vtt", "srt"])
def test_subtitles_have_the_feelings_in_words(library, felt, tmp_path: Path, fmt: str) -> None:
    with using_language("en"):
        out = export_review_file(library, felt, fmt, tmp_path / f"m.{fmt}")
    if fmt == "vtt":
        text = webvtt.read(str(out))[0].text
    else:
        text = out.read_bytes().decode("utf-8-sig").split("\r\n\r\n")[0].split("\r\n", 2)[2]
    assert text.splitlines() == [
        "Zoë Çelik", "Feelings: Anouk de Vries: Calm; Zoë Çelik: Unsure, Not heard"]


def test_elan_has_a_feelings_tier_and_reads_back(library, felt, tmp_path: Path) -> None:
    before = moment_snapshot(library, felt)
    out = export_review_file(library, felt, "eaf", tmp_path / "m.eaf")
    root = ET.parse(out).getroot()
    tiers = {t.get("TIER_ID"): t for t in root.iter("TIER")}
    tier = tiers["Zoë Çelik - B Zoë Çelik gevoelens"]
    assert tier.get("LINGUISTIC_TYPE_REF") == "vsr-b-gevoelens"
    assert [v.text for v in tier.iter("ANNOTATION_VALUE")] == ["Onzeker, Niet gehoord"]
    assert any(t.get("LINGUISTIC_TYPE_ID") == "vsr-b-gevoelens" for t in root.iter("LINGUISTIC_TYPE"))
    # vsr reads its own file back without the feelings turning into text of A
    rec_id = rv.get_review(library, felt).recording_id
    again = import_eaf(library, out, recording_id=rec_id)
    assert moment_snapshot(library, again.review_id) == before
