"""Sharing a review as a package with the window's choice "Replace names and other personal
details": the package holds no name, no phone number and no name in its file name."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from vsr.ui.bridge import LibraryBridge
from vsr.ui.package_dialogs import ShareDialog, share_review
from vsr.ui.samenleergesprek import export_dialog

from tests.vsr.fakes import add_fake_recording
from vsr.library import markers as mk
from vsr.library import reviews as rv
from vsr.library.sheets import SheetField, set_field
from vsr.samenleergesprek import state as ss


def test_share_with_names_replaced(qtbot, library, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    rec = add_fake_recording(library, tmp_path, "VID_20261103_sanne.mp4", b"x")
    review = rv.create_review(library, rec.id, title="Gesprek Sanne Łukasiewicz",
                              party_names=("Søren Ærø", "Sanne Łukasiewicz"))
    party = rv.list_parties(library, review.id)[1]
    marker = mk.add_marker(library, party.id, 1_000).id
    set_field(library, marker, SheetField.WHAT_HAPPENED,
              "sanne en Soren; bel 06-12345678, BSN 111222333. Nog jong.")
    asked = tmp_path / "pakket sanne.vsrpack"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(asked), ""))

    def choose(self: ShareDialog) -> int:
        self.replace_names.setChecked(True)
        return 1

    monkeypatch.setattr(ShareDialog, "exec", choose)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    parent = QWidget()
    qtbot.addWidget(parent)
    share_review(parent, LibraryBridge(library), review.id, rec.id)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)  # written after a worker loaded deduce
    (written,) = tmp_path.glob("*.vsrpack")
    assert written.name == "pakket-Cliënt.vsrpack" and written.name in shown[-1]
    with zipfile.ZipFile(written) as z:
        rows = json.dumps(json.loads(z.read("review.json")), ensure_ascii=False)
    folded = rows.casefold()
    for leak in ("sanne", "łukasiewicz", "søren", "soren", "12345678", "111222333"):
        assert leak not in folded, leak
    assert "Cliënt en Professional; bel [telefoonnummer], BSN [BSN]. Nog jong." in rows


def test_the_window_starts_without_deduce() -> None:
    """The anonymisation choice is in the window, but deduce loads only when it is used."""
    code = ("import sys, vsr.ui.main_window, vsr.ui.package_dialogs, vsr.ui.interop.menu, "
            "vsr.ui.samenleergesprek.export_dialog; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('deduce', 'docdeid')))")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, check=True)
    assert done.stdout.strip() == "[]", done.stdout


def test_summary_with_initials_replaces_on_a_worker(qtbot, library, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                    monkeypatch) -> None:
    """The summary dialog reads the library in the window but replaces names and identifiers
    (and loads deduce) off the window's thread: the patterns on a worker, the replacement in
    the child process that writes the file; the file holds neither the name nor the phone
    number."""
    from docx import Document
    from vsr.ui.samenleergesprek.export_dialog import ExportSummaryDialog

    from tests.vsr import session_fixtures as fx
    from vsr.anonymise import identifiers

    walked = fx.walked_review(library, tmp_path, long_text=False)
    summary = f"{fx.CLIENT.split()[0].upper()} belt 06-12345678. Ze is nog jong."
    ss.set_summary(library, walked.review.id, summary)
    started: list[object] = []  # the work handed to the child process that replaces names
    child_job = export_dialog.workers.ChildJob
    monkeypatch.setattr(identifiers, "_pipeline", None)
    monkeypatch.setattr(export_dialog.workers, "ChildJob", lambda name, work, **k: (
        started.append(work), child_job(name, work, **k))[1])
    dialog = ExportSummaryDialog(library, walked.review.id)
    qtbot.addWidget(dialog)
    dialog.format_group.button(1).setChecked(True)  # Word
    dialog.initials.setChecked(True)
    out = tmp_path / "uit" / "verslag.docx"
    dialog.path.setText(str(out))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=60_000)  # the child loads deduce
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    # replaced in the child process, never on the window's thread
    assert [w.names is not None for w in started] == [True]  # type: ignore[attr-defined]
    assert identifiers.loaded()
    assert "12345678" not in text and fx.CLIENT.split()[0].casefold() not in text.casefold()
    assert "[telefoonnummer]" in text and "Ze is nog jong." in text
