"""Identifiers other than names (vsr.anonymise.identifiers): e-mail, Dutch phone numbers, BSN
with the elfproef, street + house number, postcode, PO box, dates of birth; ordinary numbers,
times and recent dates stay."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from vsr.anonymise.identifiers import find_identifiers, replace_identifiers

TODAY = date(2026, 12, 7)


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(i.kind, text[i.start:i.end]) for i in find_identifiers(text, TODAY)]


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("mail zoeozturk@example.nl graag", "email", "zoeozturk@example.nl"),
    ("of zoë.öztürk@gemeente-utrecht.info.", "email", "zoë.öztürk@gemeente-utrecht.info"),
    ("bel 06-12345678 morgen", "phone", "06-12345678"),
    ("bel +31 6 1234 5678 morgen", "phone", "+31 6 1234 5678"),
    ("bel 0031-6-12345678", "phone", "0031-6-12345678"),
    ("bel 020-1234567 morgen", "phone", "020-1234567"),
    ("bel 06 12 34 56 78 morgen", "phone", "06 12 34 56 78"),
    ("BSN 111222333.", "bsn", "111222333"),
    ("bsn 1112.22.333", "bsn", "1112.22.333"),
    ("woont Kerkstraat 12a sinds", "address", "Kerkstraat 12a"),
    ("aan de Dorpsweg 3 toen", "address", "Dorpsweg 3"),
    ("op Stationsplein 1", "address", "Stationsplein 1"),
    ("via het Kerkpad 4", "address", "Kerkpad 4"),
    ("postcode 1234 AB daar", "address", "1234 AB"),
    ("postcode 1234ab daar", "address", "1234ab"),
    ("Postbus 123 te", "address", "Postbus 123"),
    ("geboren op 12-03-1985.", "birth_date", "12-03-1985"),
    ("geboortedatum 3 april 2020", "birth_date", "3 april 2020"),  # young, but named as such
    ("op 3 mei 1971 kwam", "birth_date", "3 mei 1971"),  # long ago: taken for a birth date
])
def test_each_identifier_is_found(text: str, kind: str, value: str) -> None:
    assert _kinds(text) == [(kind, value)]


@pytest.mark.parametrize("text", [
    "BSN 123456789 is fout: de elfproef klopt niet.",
    "Om 10.30 uur, 3 keer, in 2024 en 12 van de 20; nummer 42.",
    "De afspraak is op 20-11-2026 en op 5 december 2026.",  # recent dates are no birth dates
    "Ze is nog jong, haar jas is wit.",
    "Stap 1, stap 2 en stap 3; 1-3 momenten.",
    "Eerst 3 dingen, Lijst 5 punten, het Kost 20 euro, Test 2, Markt 3, Park 4, week 45.",
    "Er ging 1500ml in, 2000km rijden, 1024MB vrij, nummer 12345AB en 0123 AB.",
])
def test_ordinary_numbers_and_recent_dates_stay(text: str) -> None:
    assert find_identifiers(text, TODAY) == []
    assert replace_identifiers(text, today=TODAY) == text


def test_replaced_by_labels_in_the_language() -> None:
    text = "Mail a.b@c.nl, bel 06-12345678, BSN 111222333, Kerkstraat 12, 1234 AB."
    assert replace_identifiers(text, today=TODAY) == (
        "Mail [e-mailadres], bel [telefoonnummer], BSN [BSN], [adres], [adres].")


def test_deduce_is_not_loaded_at_import() -> None:
    """Importing the anonymisation (as every export module does) leaves deduce unloaded."""
    code = ("import sys, vsr.anonymise.names, vsr.anonymise.known; "
            "print('deduce' in sys.modules or 'docdeid' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_without_deduce_anonymising_stops_with_a_message(
        library, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Going on without it would let phone numbers out: the export stops, nothing is written."""
    from tests.vsr.interop_fixtures import interop_review
    from vsr.anonymise import identifiers
    from vsr.errors import VsrError
    from vsr.interop.exports import export_review_file

    def broken() -> None:
        raise ImportError("No module named 'deduce'")

    monkeypatch.setattr(identifiers, "_pipeline", None)
    monkeypatch.setattr(identifiers, "_slim_pipeline", broken)
    data = interop_review(library, tmp_path)
    out = tmp_path / "uit" / "x.csv"
    with pytest.raises(VsrError) as err:
        export_review_file(library, data.review.id, "csv", out, anonymize_names=True)
    assert err.value.key == "error.anonymise.identifiers_unavailable"
    assert "Er is geen bestand gemaakt" in err.value.message() and "deduce" in err.value.message()
    assert not out.parent.exists() or list(out.parent.iterdir()) == []
