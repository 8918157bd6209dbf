"""The search window finds moments across reviews (hidden ones never), opens a moment in the
main window, and adds it to a collection only under consent (the refusal's reason is shown).
Packages in the window: a review is shared and opened again; an existing one asks first."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox
from vsr.ui.bridge import LibraryBridge
from vsr.ui.i18n import install_language
from vsr.ui.package_dialogs import open_package, share_review
from vsr.ui.search_dialog import SearchDialog

from tests.vsr.fakes import add_fake_recording
from vsr.library import collections as co
from vsr.library import markers as mk
from vsr.library import reviews as rv
from vsr.library.audit import list_audit
from vsr.library.consent import grant_consent
from vsr.library.exported import list_exported
from vsr.library.sheets import SheetField, set_field
from vsr.session.blind import set_blind_marking


def _moment(library, tmp_path: Path, name: str, text: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    rec = add_fake_recording(library, tmp_path, name, name.encode())
    review = rv.create_review(library, rec.id, title=f"Gesprek {name}")
    party = rv.list_parties(library, review.id)[0]
    marker = mk.add_marker(library, party.id, 65_000, theme="passend").id
    set_field(library, marker, SheetField.WHAT_HAPPENED, text)
    return review.id, marker


def test_search_window_finds_opens_and_adds(qtbot, library, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    install_language("nl")  # the default language: the window's texts are Dutch
    review_id, marker = _moment(library, tmp_path, "a.mp4", "We spraken over het vertrouwen")
    hidden_review, _ = _moment(library, tmp_path, "b.mp4", "Ook hier vertrouwen")
    set_blind_marking(library, hidden_review, True)
    collection = co.create_collection(library, "Intervisie", "intervisie")
    dialog = SearchDialog(LibraryBridge(library), None)
    qtbot.addWidget(dialog)
    assert dialog.results.count() == 1  # at first every moment, never a hidden one
    dialog.words.setText("vertrou")

    def highlighted() -> bool:
        label = dialog.results.itemWidget(dialog.results.item(0))
        return dialog.results.count() == 1 and "<b>vertrouwen</b>" in label.text()

    qtbot.waitUntil(highlighted)
    assert "1:05" in dialog.results.itemWidget(dialog.results.item(0)).text()
    with qtbot.waitSignal(dialog.open_moment) as opened:
        dialog.open_button.click()
    assert opened.args == [review_id, marker]
    dialog.add_button.click()  # no consent for intervisie: refused, with the reason
    assert "toestemming" in dialog.status.text().lower()
    assert co.list_clips(library, collection.id) == []
    grant_consent(library, rv.get_review(library, review_id).recording_id, "intervisie",
                  given_by="J.")
    dialog.add_button.click()
    assert "zonder het gespreksblad" in dialog.status.text()
    assert [c.marker_id for c in co.list_clips(library, collection.id)] == [marker]
    dialog.words.setText("fiets")
    qtbot.waitUntil(lambda: dialog.results.count() == 0)


def test_share_and_open_package_in_the_window(qtbot, library, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    review_id, _ = _moment(library, tmp_path, "a.mp4", "vertrouwen")
    bridge = LibraryBridge(library)
    package = tmp_path / "gesprek.vsrpack"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(package), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(package), ""))
    monkeypatch.setattr("vsr.ui.package_dialogs.ShareDialog.exec", lambda self: 1)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    parent = SearchDialog(bridge, None)
    qtbot.addWidget(parent)
    answered_on: list[threading.Thread] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: (
        answered_on.append(threading.current_thread()), shown.append(text)))
    task = share_review(parent, bridge, review_id,
                        rv.get_review(library, review_id).recording_id)
    assert task is not None  # the file is written on a worker: the window does not wait
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert package.exists() and str(package) in shown[-1]
    assert answered_on == [threading.main_thread()]
    # The window's package goes through the same ledger as `vsr pack`: recorded and audited.
    assert [(f.path, f.kind) for f in list_exported(library)] == [(str(package), "package")]
    assert [e.details["file"] for e in list_audit(library, action="export")] == [package.name]
    asked: list[str] = []

    def answer(self):  # type: ignore[no-untyped-def]
        asked.append(self.text())
        self.buttons()[0].click()  # "Allebei houden"
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    done = open_package(parent, bridge)
    assert asked and done is not None and done.review_id != review_id
    assert len(rv.list_reviews(library)) == 2
    [received] = list_audit(library, action="package.received")
    assert received.subject == f"review:{done.review_id}" and received.details["copy"] is True


def test_a_package_that_fails_on_the_worker_is_said_and_forgotten(  # type: ignore[no-untyped-def]
        qtbot, library, tmp_path: Path, monkeypatch) -> None:
    from vsr.review_package import archive

    review_id, _ = _moment(library, tmp_path, "a.mp4", "vertrouwen")
    bridge = LibraryBridge(library)
    package = tmp_path / "vol.vsrpack"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(package), ""))
    monkeypatch.setattr("vsr.ui.package_dialogs.ShareDialog.exec", lambda self: 1)

    def disk_full(tmp: Path, *args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(archive, "write_package", disk_full)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    parent = SearchDialog(bridge, None)
    qtbot.addWidget(parent)
    assert share_review(parent, bridge, review_id,
                        rv.get_review(library, review_id).recording_id) is not None
    qtbot.waitUntil(lambda: bool(warned), timeout=10_000)
    assert str(package) in warned[0] and "Traceback" not in warned[0]
    assert list_exported(library) == [] and not package.exists()
    assert list_audit(library, action="export") == []
