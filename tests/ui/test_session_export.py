"""The "Export leerverslag…" dialog: defaults (PDF, names, no stills), export on a worker with a
busy indicator, and a clear message when the file cannot be written."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from vsr.ui.bridge import LibraryBridge
from vsr.ui.samenleergesprek.export_dialog import ExportSummaryDialog
from vsr.ui.samenleergesprek.panel import SessionPanel

from tests.ui.announcements import announcements
from tests.ui.fake_player import FakePlayer
from tests.vsr import session_fixtures as fx
from vsr import samenleergesprek as ss
from vsr.samenleergesprek.model import SessionStep


def test_defaults_and_export_on_a_worker(qtbot, library, tmp_path: Path) -> None:
    walked = fx.walked_review(library, tmp_path, long_text=False)
    dialog = ExportSummaryDialog(library, walked.review.id)
    qtbot.addWidget(dialog)
    assert dialog.fmt() == "pdf"
    assert dialog.names.isChecked() and not dialog.stills.isChecked()  # stills off by default
    assert dialog.path.text().endswith(".pdf")
    dialog.format_group.button(1).setChecked(True)  # Word
    assert dialog.path.text().endswith(".docx")
    dialog.initials.setChecked(True)
    # With initials the suggested name is neutral and other names can be given.
    assert dialog.extra_names.isEnabled()
    assert Path(dialog.path.text()).name.startswith("leerverslag-")
    dialog.extra_names.setText("Ricardo, Mehmet Kaya")
    out = tmp_path / "uit" / "verslag.docx"
    dialog.path.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.busy.isHidden() or dialog.written is not None  # busy while it runs
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20_000)
    assert dialog.busy.isHidden() and dialog.export_button.isEnabled()
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "A.d.V." in text and fx.PRO not in text
    from vsr.anonymise.known import extra_names

    assert extra_names(library, "review", walked.review.id) == ("Ricardo", "Mehmet Kaya")
    assert str(out) in dialog.status.text()
    # Known to the library (a purge of the recording deletes it) and in the audit log.
    from vsr.library.audit import list_audit
    from vsr.library.exported import list_exported

    assert [(f.path, f.kind) for f in list_exported(library)] == [(str(out), "summary")]
    entry = list_audit(library, action="export")[0]
    assert entry.subject == f"review:{walked.review.id}" and entry.details["file"] == out.name
    assert entry.details["party_naming"] == "initials" and str(out.parent) not in str(entry.details)


def test_a_write_error_is_a_message(qtbot, library, tmp_path: Path) -> None:
    walked = fx.walked_review(library, tmp_path, long_text=False)
    dialog = ExportSummaryDialog(library, walked.review.id)
    qtbot.addWidget(dialog)
    blocker = tmp_path / "een-bestand"
    blocker.write_text("x")
    dialog.path.setText(str(blocker / "verslag.pdf"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "kon niet worden opgeslagen" in dialog.status.text(), timeout=20_000)
    assert dialog.written is None and dialog.export_button.isEnabled()


def test_stills_are_not_offered_for_a_sound_recording(qtbot, library, tmp_path: Path) -> None:
    from dataclasses import replace

    from tests.vsr.fakes import fake_fingerprint, fake_probe
    from vsr.library.recordings import add_recording
    from vsr.library.reviews import create_review

    walked = fx.walked_review(library, tmp_path, long_text=False)
    with_picture = ExportSummaryDialog(library, walked.review.id)
    qtbot.addWidget(with_picture)
    assert with_picture.stills.isEnabled()
    sound = tmp_path / "gesprek.m4a"
    sound.write_bytes(b"sound")
    recording, _ = add_recording(library, sound, fingerprinter=fake_fingerprint,
                                 prober=lambda p: replace(fake_probe(p), has_video=False,
                                                          width=0, height=0, fps=0.0))
    review = create_review(library, recording.id, party_names=("Kim", "Bo"))
    dialog = ExportSummaryDialog(library, review.id)
    qtbot.addWidget(dialog)
    assert not dialog.stills.isEnabled() and not dialog.stills.isChecked()
    assert "no picture" in dialog.stills.toolTip()  # said why, also to a screen reader
    assert dialog.stills.accessibleDescription() == dialog.stills.toolTip()
    assert dialog.findChild(QLabel, "stills_note").text() == dialog.stills.toolTip()
    assert "agrees" in with_picture.findChild(QLabel, "stills_note").text()


def test_file_name_from_title() -> None:
    from vsr.export import file_name_from_title as default_file_name

    assert default_file_name('Gesprek: "Zoë" 12/1', "md") == "Gesprek-Zoë-12-1.md"
    assert default_file_name("  ", "pdf") == "leerverslag.pdf"


def test_panel_offers_the_export_at_the_end(qtbot, library, tmp_path: Path) -> None:
    walked = fx.walked_review(library, tmp_path, long_text=False)
    ss.go_to_step(library, walked.review.id, SessionStep.CLOSING)
    bridge = LibraryBridge(library)
    panel = SessionPanel(bridge, walked.review.id, FakePlayer())
    qtbot.addWidget(panel)
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    dialog = panel.findChild(ExportSummaryDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    bridge.close()


def test_an_export_whose_audit_fails_leaves_no_file_and_says_so(
        qtbot, library, tmp_path: Path, monkeypatch) -> None:
    """The file is made on a worker; its audit entry on the window's thread fails (another
    program holds the library): no file, and the status says why, not "Saved"."""
    import sqlite3

    from vsr.library import audit as audit_module

    walked = fx.walked_review(library, tmp_path, long_text=False)
    dialog = ExportSummaryDialog(library, walked.review.id)
    qtbot.addWidget(dialog)
    out = tmp_path / "uit" / "verslag.pdf"
    dialog.path.setText(str(out))

    def locked(conn: sqlite3.Connection) -> tuple[int, str]:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(audit_module, "next_row", locked)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "niet opgeslagen" in dialog.status.text(), timeout=20_000)
    assert "bezet" in dialog.status.text()
    assert dialog.written is None and dialog.export_button.isEnabled()
    assert not out.exists() and list(out.parent.iterdir()) == []
    from vsr.library.exported import list_exported

    assert list_exported(library) == []


def test_how_the_export_went_is_announced_where_the_focus_does_not_go(qtbot, library,
                                                                     tmp_path: Path,
                                                                     monkeypatch) -> None:
    """The status line under the buttons changed, but the focus stayed on the form: over
    AT-SPI only the label's name changed, which a screen reader does not read. Busy, saved and
    failed are now announced (without moving the focus)."""

    said = announcements(monkeypatch)
    walked = fx.walked_review(library, tmp_path, long_text=False)
    dialog = ExportSummaryDialog(library, walked.review.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    out = tmp_path / "verslag.pdf"
    dialog.path.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20_000)
    assert said[0] == dialog.tr("Making the learning summary…")
    qtbot.waitUntil(lambda: any(str(out) in s for s in said))
    blocker = tmp_path / "een-bestand"
    blocker.write_text("x")
    dialog.path.setText(str(blocker / "verslag.pdf"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any("kon niet worden opgeslagen" in s for s in said), timeout=20_000)
