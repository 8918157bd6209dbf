"""File → Reservekopieën: the dialog lists backups (damaged ones marked, not choosable), makes
one, fits a 1366x768 screen; putting one back while a review is open reloads the window on the
restored library; a damaged library at start asks to restore or only look (read-only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QMessageBox
from vsr.ui import app as app_module
from vsr.ui.actions import ActionId
from vsr.ui.app import Application, open_checked
from vsr.ui.backup_dialog import BackupDialog
from vsr.ui.bridge import LibraryBridge

from tests.ui.fake_player import FakePlayer
from tests.vsr.fakes import add_fake_recording, fake_fingerprint
from vsr.library import backups as bk
from vsr.library import markers as mk
from vsr.library import open_library
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library import sheets as sh

BUDGET = QSize(1366, 700)


def _review_with_text(lib, tmp_path: Path, text: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    rec = add_fake_recording(lib, tmp_path)
    review = rv.create_review(lib, rec.id)
    pro, _ = rv.list_parties(lib, review.id)
    marker = mk.add_marker(lib, pro.id, 10_000)
    sh.set_field(lib, marker.id, sh.SheetField.WHAT_HAPPENED, text)
    return review.id, marker.id


def test_dialog_lists_makes_and_marks_damaged_backups(qtbot, library, tmp_path: Path) -> None:
    _review_with_text(library, tmp_path, "tekst")
    bad = bk.backup_folder(library.path) / "library-daily-20200101-000000.sqlite"
    bad.parent.mkdir(exist_ok=True)
    bad.write_bytes(b"garbage")
    dialog = BackupDialog(library.path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 1
    qtbot.waitUntil(lambda: dialog.damaged == {bad})  # checked on a worker, then marked
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectRow(0)  # the damaged one cannot be chosen
    assert dialog.selected() is None and not dialog.restore_button.isEnabled()
    dialog.create_backup()  # on a worker: the window goes on
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    assert [b.kind for b in bk.list_backups(library.path)] == ["manual", "daily"]
    dialog.table.selectRow(0)
    assert dialog.selected() is not None and dialog.restore_button.isEnabled()
    assert dialog.sizeHint().width() <= BUDGET.width()
    assert dialog.size().width() <= BUDGET.width() and dialog.size().height() <= BUDGET.height()
    assert bad.read_bytes() == b"garbage"


def test_restoring_while_a_review_is_open_reloads_the_window(
        qtbot, library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rc, "_default_fingerprinter", fake_fingerprint)
    monkeypatch.setattr(app_module, "save_language", lambda lang: None)
    review_id, marker_id = _review_with_text(library, tmp_path, "van de kopie")
    made = bk.create_backup(library.path)
    shell = Application(QApplication.instance(), LibraryBridge(library), "nl",
                        player_factory=lambda: FakePlayer(duration_ms=120_000))
    old = shell.build(review_id)
    old.review_view.select_marker(marker_id)
    field = old.review_view.sheet.field(sh.SheetField.WHAT_HAPPENED)
    field.setPlainText("nieuwer, nog aan het typen")
    assert old.actions[ActionId.BACKUPS].text()
    old.restore_requested.emit(made.path)
    # put back on a worker: the window is rebuilt once it is done
    qtbot.waitUntil(lambda: shell.window is not old and shell.restoring is None,
                    timeout=30_000)
    try:
        new = shell.window
        assert new is not None and new is not old
        assert shell.bridge.lib is not library
        assert new.review_view.review is not None and new.review_view.review.id == review_id
        assert sh.get_sheet(shell.bridge.lib, marker_id).what_happened == "van de kopie"
        kept = [b for b in bk.list_backups(library.path) if b.kind == "before-restore"]
        lib = open_library(kept[0].path, backup=False)
        assert sh.get_sheet(lib, marker_id).what_happened == "nieuwer, nog aan het typen"
        lib.close()
    finally:
        shell.window.close()
        shell.bridge.close()
        shell.bridge.lib.close()


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096 * 2:4096 * 6] = b"\x5a" * (4096 * 4)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("restore", [True, False])
def test_damaged_library_at_start_restores_or_only_looks(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, restore: bool) -> None:
    path = tmp_path / "library.sqlite"
    lib = open_library(path, backup=False)
    _, marker_id = _review_with_text(lib, tmp_path, "goed")
    lib.close()
    good = bk.create_backup(path)
    _damage(path)
    asked: list[tuple[str, bool]] = []

    def answer(parent, library, problem, *, can_view):  # type: ignore[no-untyped-def]
        asked.append((problem, can_view))
        return bk.newest_good(library).path if restore else None

    monkeypatch.setattr(app_module, "ask_about_damage", answer)
    opened = open_checked(str(path))
    assert opened is not None
    try:
        assert asked and asked[0][1] is True
        assert opened.read_only is not restore
        if restore:
            assert sh.get_sheet(opened, marker_id).what_happened == "goed"
        assert bk.check_file(good.path, full=True) == "ok"  # the backup itself untouched
        bridge = LibraryBridge(opened)
        if not restore:
            from vsr.ui.main_window import MainWindow

            window = MainWindow(bridge, FakePlayer(duration_ms=1000))
            qtbot.addWidget(window)
            message = window.statusBar().currentMessage()  # in whichever language is installed
            assert "damaged" in message or "beschadigd" in message
        bridge.close()
    finally:
        opened.close()


def test_unopenable_library_at_start_offers_only_restore(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "library.sqlite"
    lib = open_library(path, backup=False)
    lib.close()
    bk.create_backup(path)
    path.write_bytes(b"\x00" * 64)
    asked: list[bool] = []
    monkeypatch.setattr(app_module, "ask_about_damage",
                        lambda *a, can_view: asked.append(can_view))
    assert open_checked(str(path)) is None
    assert asked == [False]
    assert QMessageBox  # the real question is a QMessageBox (ui/backup_dialog.ask_about_damage)


def test_the_restore_question_lists_what_is_carried_and_kept(
        qtbot, library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vsr.library import consent as cs
    from vsr.library.audit import audit

    rec = add_fake_recording(library, tmp_path)
    cs.grant_consent(library, rec.id, "intervisie", given_by="K.")
    bk.create_backup(library.path, "manual")
    audit(library, "export", f"recording:{rec.id}", file="clip-01.mp4")
    cs.grant_consent(library, rec.id, "training", given_by="K.")
    from vsr.library.withdrawal import withdraw_consent

    withdraw_consent(library, rec.id, "intervisie")
    dialog = BackupDialog(library.path)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    texts: list[str] = []

    def answer(box: QMessageBox) -> int:
        texts.append(box.informativeText())
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", answer)
    dialog.ask_restore()  # what it would change is read on a worker, then asked
    qtbot.waitUntil(lambda: bool(texts))
    assert dialog.chosen is None  # cancelled: nothing chosen
    [text] = texts
    assert "1 export van na de reservekopie" in text
    assert f"Opname {rec.id}: toestemming voor intervisie is na de reservekopie ingetrokken" in text
    assert "Die blijft ingetrokken" in text and "blijft zoals ze nu is" in text
