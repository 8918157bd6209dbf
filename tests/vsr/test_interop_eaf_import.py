"""`vsr import-eaf`: every real ELAN file of the corpus (EAF 2.3 to 3.0), our own export read
back whole, tier mapping and skipping, and the large file imported in one fast transaction."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.lang import worded
from tests.vsr.fakes import add_fake_recording
from tests.vsr.interop_fixtures import interop_review, moment_snapshot, table_dump
from vsr.cli import main
from vsr.errors import ImportFileError
from vsr.interop.eaf_import import import_eaf, tier_overview
from vsr.interop.eaf_read import read_eaf
from vsr.interop.exports import export_review_file
from vsr.library import markers as mk
from vsr.library import reviews as rv
from vsr.library import sheets as sh

# file -> (annotations in the file, moments made by default, parties)
CORPUS_FILES = {
    "fables_01_03_aesop_64kb.eaf": (97, 19, ["Story", "SectionMarker"]),
    "poio_example_v2.3.eaf": (315, 24, ["K-Spch", "W-Spch", "W-RGU", "K-RGU"]),
    "poio_turkish_v2.6.eaf": (340, 9, ["P-Spch"]),
    "pympi_fto_v2.7.eaf": (7, 7, ["a", "b"]),
    "pympi_sample_2.8.eaf": (8778, 1596, ["text", "gestures"]),
}


def test_every_corpus_file_is_listed(corpus: Path) -> None:
    assert sorted(p.name for p in (corpus / "eaf").glob("*.eaf")) == sorted(CORPUS_FILES)


@pytest.mark.parametrize("name", sorted(CORPUS_FILES))
def test_every_real_eaf_imports(library, tmp_path: Path, corpus: Path, name: str) -> None:
    total, moments, parties = CORPUS_FILES[name]
    doc = read_eaf(corpus / "eaf" / name)
    assert sum(t.annotations for t in tier_overview(doc)) == total
    rec = add_fake_recording(library, tmp_path, duration_ms=3_600_000)  # as long as the longest
    result = import_eaf(library, corpus / "eaf" / name, recording_id=rec.id)
    assert result.moments == moments and list(result.parties) == parties
    assert [p.name for p in rv.list_parties(library, result.review_id)] == parties
    markers = mk.list_markers(library, result.review_id)
    assert len(markers) == moments
    assert all(m.end_ms is None or m.end_ms > m.start_ms for m in markers)
    assert any(sh.get_sheet(library, m.id).what_happened for m in markers)


def test_dependent_tiers_go_into_a_of_their_parent(library, tmp_path: Path, corpus: Path) -> None:
    rec = add_fake_recording(library, tmp_path)
    result = import_eaf(library, corpus / "eaf" / "poio_turkish_v2.6.eaf", recording_id=rec.id)
    first = mk.list_markers(library, result.review_id)[0]
    text = sh.get_sheet(library, first.id).what_happened
    lines = text.splitlines()
    assert lines[0] and not lines[0].startswith("P-")  # the utterance itself
    assert any(line.startswith("P-Word: ") for line in lines)
    assert any(line.startswith("P-Trans: ") for line in lines)
    skipped = import_eaf(library, corpus / "eaf" / "poio_turkish_v2.6.eaf", recording_id=rec.id,
                         skip={"P-Word"})
    text = sh.get_sheet(library, mk.list_markers(library, skipped.review_id)[0].id).what_happened
    # skipping a tier skips the tiers under it too (morphemes and glosses hang on words)
    assert "P-Word:" not in text and "P-Morph:" not in text and "P-Gloss:" not in text
    assert "P-Trans: " in text


def test_unaligned_time_slot_gets_a_time_between_its_neighbours(corpus: Path) -> None:
    doc = read_eaf(corpus / "eaf" / "poio_example_v2.3.eaf")
    anns = {a.id: a for t in doc.tiers for a in t.annotations}
    # a57/a58 share the unaligned slot ts62 (end of a57, start of a58)
    assert anns["a57"].end_ms == anns["a58"].start_ms
    assert anns["a57"].start_ms < anns["a57"].end_ms < anns["a58"].end_ms


def test_controlled_vocabulary_values_are_kept(corpus: Path) -> None:
    doc = read_eaf(corpus / "eaf" / "fables_01_03_aesop_64kb.eaf")
    languages = doc.tier("StoryChunkLanguage")
    assert languages is not None and {a.value for a in languages.annotations} == {"English"}


def test_map_and_skip(library, tmp_path: Path, corpus: Path) -> None:
    data = interop_review(library, tmp_path)
    rec_id = data.review.recording_id
    result = import_eaf(library, corpus / "eaf" / "pympi_fto_v2.7.eaf", recording_id=rec_id,
                        review_id=data.review.id, mapping={"a": "anouk de vries"}, skip={"b"})
    assert result.review_id == data.review.id and not result.new_review
    names = [p.name for p in rv.list_parties(library, data.review.id)]
    assert names == ["Anouk de Vries", "Zoë Çelik", "Tolk"]  # matched, no new party
    pro = rv.list_parties(library, data.review.id)[0]
    assert len(mk.list_markers(library, data.review.id, pro.id)) == 1 + 3
    with pytest.raises(ImportFileError) as err:
        import_eaf(library, corpus / "eaf" / "pympi_fto_v2.7.eaf", recording_id=rec_id, skip={"zz"})
    assert err.value.key == "error.import.unknown_tier"


def test_round_trip_of_our_own_export(library, tmp_path: Path) -> None:
    data = interop_review(library, tmp_path)
    out = export_review_file(library, data.review.id, "eaf", tmp_path / "r.eaf")
    result = import_eaf(library, out, recording_id=data.review.recording_id)
    assert result.new_review
    assert moment_snapshot(library, result.review_id) == moment_snapshot(library, data.review.id)
    assert [p.name for p in rv.list_parties(library, result.review_id)] == \
        [p.name for p in data.parties]


def test_round_trip_in_english(library, tmp_path: Path) -> None:
    data = interop_review(library, tmp_path)
    out = worded("en", export_review_file, library, data.review.id, "eaf", tmp_path / "r.eaf")
    result = import_eaf(library, out, recording_id=data.review.recording_id)
    assert moment_snapshot(library, result.review_id) == moment_snapshot(library, data.review.id)


def test_large_file_is_one_fast_transaction(library, tmp_path: Path, corpus: Path) -> None:
    rec = add_fake_recording(library, tmp_path, duration_ms=3_600_000)
    commits = []
    library.conn.set_trace_callback(lambda sql: commits.append(sql) if sql.strip() == "COMMIT" else None)
    started = time.perf_counter()
    result = import_eaf(library, corpus / "eaf" / "pympi_sample_2.8.eaf", recording_id=rec.id)
    seconds = time.perf_counter() - started
    library.conn.set_trace_callback(None)
    assert len(commits) == 1
    assert result.moments == 1596
    print(f"\n8,778-annotation EAF: {seconds:.2f} s")
    assert seconds < 10  # about 0.6 s here; generous for a loaded 2-core machine


def test_cli_import_and_failure(tmp_path: Path, corpus: Path, capsys) -> None:
    from vsr.library import open_library

    lib_path = tmp_path / "lib.sqlite"
    lib = open_library(lib_path)
    rec = add_fake_recording(lib, tmp_path)
    before = table_dump(lib)
    lib.close()
    eaf = corpus / "eaf" / "pympi_fto_v2.7.eaf"
    assert main(["--library", str(lib_path), "import-eaf", str(eaf), "--recording", str(rec.id),
                 "--map", "a=Coach", "--skip", "b"]) == 0
    assert "3 momenten" in capsys.readouterr().out
    lib = open_library(lib_path)
    after_ok = table_dump(lib)
    lib.close()
    assert after_ok != before
    bad = tmp_path / "kapot.eaf"
    bad.write_bytes(eaf.read_bytes()[:1500])
    assert main(["--library", str(lib_path), "import-eaf", str(bad), "--recording", str(rec.id)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "kapot.eaf" in err and "XML" in err
    assert main(["--library", str(lib_path), "import-eaf", str(eaf), "--recording", str(rec.id),
                 "--map", "zonder-is-teken"]) == 2
    lib = open_library(lib_path)
    assert table_dump(lib) == after_ok
    lib.close()


def test_overview_lists_dependent_tiers_under_their_parent(corpus: Path) -> None:
    doc = read_eaf(corpus / "eaf" / "pympi_sample_2.8.eaf")
    # in the file gest_included comes after gestures, but its parent is text
    assert [(t.id, t.default_party) for t in tier_overview(doc)] == [
        ("text", "text"), ("words-timesub", None), ("words-symsub", None), ("words-pos", None),
        ("gest_included", None), ("gestures", "gestures")]


def test_an_imported_review_gets_a_neutral_title(library, tmp_path: Path, corpus: Path) -> None:
    """The file's name often holds the client's name: the title says only the day."""
    named = tmp_path / "gesprek_sanne_yıldız.eaf"
    named.write_bytes((corpus / "eaf" / "pympi_fto_v2.7.eaf").read_bytes())
    rec = add_fake_recording(library, tmp_path)
    result = import_eaf(library, named, recording_id=rec.id)
    title = rv.get_review(library, result.review_id).title
    assert title.startswith("Ingelezen op ") and "sanne" not in title.casefold()
    assert "gesprek" not in title.casefold() and ".eaf" not in title
