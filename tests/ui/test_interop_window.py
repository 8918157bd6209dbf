"""The window's ELAN import (a dialog that previews the tiers and maps them) and the File →
"Exporteren als" entries."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QFileDialog
from vsr.ui.actions import ActionId
from vsr.ui.i18n import install_language
from vsr.ui.interop.eaf_import_dialog import SKIP, EafImportDialog
from vsr.ui.interop.menu import ExportChoiceDialog

from scripts.screenshots import Scene, build_scene
from tests.corpus import CORPUS
from vsr.anonymise import identifiers
from vsr.interop.eaf_read import read_eaf
from vsr.library import markers as mk
from vsr.library import reviews as rv
from vsr.library import sheets as sh

POIO = CORPUS / "eaf" / "poio_example_v2.3.eaf"


@pytest.fixture
def scene(qtbot, tmp_path: Path) -> Iterator[Scene]:  # type: ignore[no-untyped-def]
    install_language("nl")
    made = build_scene(tmp_path, "nl")
    qtbot.addWidget(made.window)
    yield made
    made.close()
    install_language("en")  # the other widget tests run in the source language


def _dialog(scene: Scene, path: Path = POIO) -> EafImportDialog:
    rec_id = rv.get_review(scene.lib, scene.review_id).recording_id
    return EafImportDialog(scene.lib, read_eaf(path), str(path), rec_id, scene.review_id,
                           scene.window)


@pytest.mark.skipif(not CORPUS.exists(), reason="test corpus not found")
def test_preview_lists_every_tier_with_its_count(scene: Scene) -> None:
    dialog = _dialog(scene)
    rows = {dialog.table.item(r, 0).text().strip(): dialog.table.item(r, 1).text()
            for r in range(dialog.table.rowCount())}
    assert rows["K-Spch"] == "7" and rows["W-Words"] == "97" and len(rows) == 11
    assert dialog.combos["W-Words"].currentText() == "Bij A van het moment erboven"
    assert dialog.combos["K-Spch"].currentText() == "Nieuwe deelnemer: K-Spch"
    assert dialog.summary.text() == "Momenten om in te lezen: 24"
    dialog.combos["W-RGU"].setCurrentIndex(dialog.combos["W-RGU"].findData(SKIP))
    assert dialog.summary.text() == "Momenten om in te lezen: 23"


@pytest.mark.skipif(not CORPUS.exists(), reason="test corpus not found")
def test_import_into_the_open_review_with_a_mapping(scene: Scene) -> None:
    dialog = _dialog(scene)
    dialog.this_review.setChecked(True)
    combo: QComboBox = dialog.combos["K-Spch"]
    pro = rv.list_parties(scene.lib, scene.review_id)[0]
    combo.setCurrentIndex(combo.findText("Deelnemer: " + pro.name))
    assert combo.currentIndex() > 0
    for tier in ("W-Spch", "W-RGU", "K-RGU"):
        dialog.combos[tier].setCurrentIndex(dialog.combos[tier].findData(SKIP))
    before = len(mk.list_markers(scene.lib, scene.review_id))
    dialog.run_import()
    assert dialog.result() == EafImportDialog.DialogCode.Accepted
    assert dialog.result_value is not None and dialog.result_value.review_id == scene.review_id
    markers = mk.list_markers(scene.lib, scene.review_id)
    assert len(markers) == before + 7
    assert len(rv.list_parties(scene.lib, scene.review_id)) == 2  # no new party


@pytest.mark.skipif(not CORPUS.exists(), reason="test corpus not found")
def test_failed_import_says_so_and_changes_nothing(scene: Scene) -> None:
    dialog = _dialog(scene)
    dialog.recording_id = 999  # e.g. the recording was deleted meanwhile
    reviews = rv.list_reviews(scene.lib)
    dialog.run_import()
    assert dialog.result() != EafImportDialog.DialogCode.Accepted
    assert "999" in dialog.error.text()
    assert rv.list_reviews(scene.lib) == reviews


def test_export_as_and_import_back(scene: Scene, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "uit.eaf"
    monkeypatch.setattr(ExportChoiceDialog, "exec", lambda self: 1)  # names kept (the default)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    scene.window.actions[ActionId.EXPORT_EAF].trigger()
    assert out.exists()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(EafImportDialog, "exec", lambda self: (self.run_import(), self.result())[1])
    scene.window.actions[ActionId.IMPORT_EAF].trigger()
    opened = scene.window.review_view.review
    assert opened is not None and opened.id != scene.review_id  # the new review is open
    old = [(m.start_ms, sh.get_sheet(scene.lib, m.id).what_happened)
           for m in mk.list_markers(scene.lib, scene.review_id)]
    new = [(m.start_ms, sh.get_sheet(scene.lib, m.id).what_happened)
           for m in mk.list_markers(scene.lib, opened.id)]
    assert new == old
    for fmt, action in (("vtt", ActionId.EXPORT_VTT), ("srt", ActionId.EXPORT_SRT),
                        ("csv", ActionId.EXPORT_CSV)):
        target = tmp_path / f"uit.{fmt}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        scene.window.actions[action].trigger()
        assert target.exists()


def test_export_as_with_names_replaced(qtbot, scene: Scene, tmp_path: Path,  # type: ignore[no-untyped-def]
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's choice replaces names and identifiers; the export waits for the identifier
    patterns to load on a worker, then writes a file with no name in it or in its name."""
    client = rv.list_parties(scene.lib, scene.review_id)[1]
    rv.rename_party(scene.lib, client.id, "Fatma Yıldız")
    marker = mk.list_markers(scene.lib, scene.review_id)[0]
    sh.set_field(scene.lib, marker.id, sh.SheetField.WHAT_HAPPENED,
                 "YILDIZ belde met 06-12345678; ze is nog jong.")
    chosen: list[bool] = []

    def choose(self: ExportChoiceDialog) -> int:
        assert not self.replace_names.isChecked()  # off until the user chooses it
        self.replace_names.setChecked(True)
        chosen.append(True)
        return 1

    monkeypatch.setattr(ExportChoiceDialog, "exec", choose)
    # deduce loads fresh here, and it must load on a worker, never on the window's thread.
    loaded_on: list[bool] = []
    build = identifiers._build_pipeline
    monkeypatch.setattr(identifiers, "_pipeline", None)
    monkeypatch.setattr(identifiers, "_build_pipeline", lambda: (
        loaded_on.append(threading.current_thread() is threading.main_thread()), build())[1])
    asked = tmp_path / "Fatma Yıldız.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(asked), ""))
    scene.window.actions[ActionId.EXPORT_CSV].trigger()
    written = tmp_path / "Cliënt.csv"
    qtbot.waitUntil(written.exists, timeout=20_000)
    text = written.read_text("utf-8-sig")
    assert chosen and not asked.exists() and loaded_on == [False]
    assert "yildiz" not in text.casefold() and "12345678" not in text
    assert "Cliënt belde met [telefoonnummer]; ze is nog jong." in text
