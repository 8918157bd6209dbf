"""Names that got out of anonymised exports by ways the main name test
(test_names_leave_nothing) did not take: each test here failed before its fix."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from tests.vsr.collection_fixtures import make_source, make_world, marker_with_sheet
from vsr.anonymise.known import review_names
from vsr.anonymise.names import fold
from vsr.interop.eaf_import import import_eaf
from vsr.interop.exports import export_review_file
from vsr.library import Library
from vsr.library import markers as mk
from vsr.review_package import pack_review


def test_a_theme_text_from_an_imported_elan_file_is_anonymised_in_a_package(
        library: Library, tmp_path: Path) -> None:
    """An ELAN file may give a moment a theme by its vocabulary reference ("vsr-theme-..."),
    which is kept as written, also when it is no theme card of ours: "Ruzie met Anouk". That
    text went into an anonymised review package unchanged (ELAN and CSV already replaced it)."""
    world = make_world(library, make_source(tmp_path / "media"))
    marker_with_sheet(world, 200, 1200)
    eaf = export_review_file(library, world.review.id, "eaf", tmp_path / "in.eaf")
    text = eaf.read_text("utf-8")
    assert 'CVE_REF="vsr-theme-samenwerking"' in text
    eaf.write_text(text.replace('CVE_REF="vsr-theme-samenwerking"',
                                'CVE_REF="vsr-theme-Ruzie met Anouk"'), "utf-8")
    imported = import_eaf(library, eaf, recording_id=world.rec.id)
    assert [m.theme for m in mk.list_markers(library, imported.review_id)] == [
        "Ruzie met Anouk"]
    out = pack_review(library, imported.review_id, tmp_path / "pakket.vsrpack",
                      names=review_names(library, imported.review_id))
    with zipfile.ZipFile(out) as package:
        rows = json.loads(package.read("review.json"))
    themes = [m["theme"] for m in rows["tables"]["markers"]]
    assert themes == ["Ruzie met Cliënt"], themes
    assert "anouk" not in fold(json.dumps(rows, ensure_ascii=False))


def test_a_two_letter_name_only_in_the_recording_file_name_is_replaced(
        library: Library, tmp_path: Path) -> None:
    """"Intake Bo.mp4": Bo is named nowhere else (the parties have other names here; often
    they are just "Cliënt"). A title word of two letters was never taken for a name, so "Bo"
    went out in the ELAN file's media reference, the package's recording name and the notes.
    A capitalised two-letter word that is no ordinary word ("De", "En", "Op") is one now."""
    world = make_world(library, make_source(tmp_path / "media", "Intake Bo.mp4"))
    marker_with_sheet(world, 200, 1200)
    from vsr.library import sheets as sh

    marker = mk.list_markers(library, world.review.id)[0]
    sh.set_field(library, marker.id, sh.SheetField.KEEP_OR_CHANGE, "Bo wil eerst praten.")
    eaf = export_review_file(library, world.review.id, "eaf", tmp_path / "uit.eaf",
                             anonymize_names=True).read_text("utf-8")
    assert 'MEDIA_URL="./naam.mp4"' in eaf, eaf[:600]
    assert "[naam] wil eerst praten." in eaf
    out = pack_review(library, world.review.id, tmp_path / "pakket.vsrpack",
                      names=review_names(library, world.review.id))
    with zipfile.ZipFile(out) as package:
        rows = json.loads(package.read("review.json"))
    assert rows["recording"]["file_name"] == "naam.mp4"
