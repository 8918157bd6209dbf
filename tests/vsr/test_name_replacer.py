"""The one name replacement (vsr.anonymise.names): whole names and their parts, initials, case
and diacritics, possessives, names in titles and file names, and ordinary words left alone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.lang import worded
from tests.vsr.collection_fixtures import make_source
from vsr.anonymise.names import replacer_from, title_parts
from vsr.library import Library
from vsr.library import recordings as rc
from vsr.library import reviews as rv

PEOPLE = {"José de la Cruz-Fernández": "Cliënt", "Piet Jansen": "Professional"}


def test_names_in_any_case_and_with_or_without_diacritics_become_roles() -> None:
    names = replacer_from(PEOPLE)
    assert names("JOSÉ zei iets; jose ook, en José de la Cruz-Fernández zelf.") == (
        "Cliënt zei iets; Cliënt ook, en Cliënt zelf.")
    assert names("Fernandez en FERNÁNDEZ, cruz") == "Cliënt en Cliënt, Cliënt"
    assert names("piet JANSEN") == "Professional"  # the full name, once
    assert names("Jansen, piet") == "Professional, Professional"


def test_possessives_initials_and_whole_words() -> None:
    names = replacer_from({"Jan de Vries": "Cliënt"})
    assert names("Jan's fiets en Jans moeder") == "Cliënt's fiets en Cliënts moeder"
    assert names("Getekend: J.d.V.") == "Getekend: Cliënt"
    # Only whole words: other words that hold the name stay.
    assert names("Januari in Vriesland, de janboel") == "Januari in Vriesland, de janboel"
    assert names("de man") == "de man"  # particles are not names


def test_title_and_file_name_parts() -> None:
    assert title_parts("Gesprek Jan de Vries 2024-05-01") == ["Jan", "Vries"]
    assert title_parts("gesprek_jan_de_vries_mei.mp4") == ["jan", "vries"]
    assert title_parts("Opname van 1 mei 2024") == []  # a neutral title holds no names
    names = worded("en", replacer_from, {}, ["gesprek_mehmet_kaya.mp4"])
    assert names("Mehmet and kaya") == "[name] and [name]"
    assert names("the conversation") == "the conversation"
    assert names.file_name("clip Mehmet.mp4") == "clip-name.mp4"  # no brackets or spaces


def test_an_empty_replacer_changes_nothing() -> None:
    names = replacer_from({})
    assert not names.active and names("Jan de Vries") == "Jan de Vries"


def test_default_titles_are_neutral(library: Library, tmp_path: Path) -> None:
    source = make_source(tmp_path, "Gesprek Jan de Vries 2024-05-01.mp4", 1.0)
    rec, _ = rc.add_recording(library, source)
    made = date.fromtimestamp(source.stat().st_mtime)
    assert rec.title.startswith("Opname van ") and str(made.year) in rec.title
    review = rv.create_review(library, rec.id)
    assert review.title.startswith("Terugkijkgesprek van ")
    for title in (rec.title, review.title):
        assert "Jan" not in title and "Vries" not in title and "Gesprek" not in title
