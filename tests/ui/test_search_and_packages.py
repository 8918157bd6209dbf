"""The search window finds moments across reviews (hidden ones never), opens a moment in the
main window, and adds it to a collection only under consent (the refusal's reason is shown).
Packages in the window: a review is shared and opened again (the files on a worker, the answers
on the window's thread, both through the export ledger and the audit log); an existing one asks
first; a wrong passphrase is asked again; a failure or bad content is said in words."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from vsr.ui.bridge import LibraryBridge
from vsr.ui.i18n import install_language
from vsr.ui.package_dialogs import open_package, share_review
from vsr.ui.search_dialog import SearchDialog

from tests.vsr.fakes import add_fake_recording
from vsr.library import collections as co
from vsr.library import markers as mk
from vsr.library import open_library
from vsr.library import reviews as rv
from vsr.library.audit import list_audit
from vsr.library.consent import grant_consent
from vsr.library.exported import list_exported
from vsr.library.sheets import SheetField, set_field
from vsr.samenleergesprek.blind import set_blind_marking


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
    receiver = open_package(parent, bridge)
    assert receiver is not None
    got: list[object] = []
    receiver.received.connect(got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=10_000)
    done = got[0]
    assert asked and done.review_id != review_id  # type: ignore[attr-defined]
    assert len(rv.list_reviews(library)) == 2
    [received] = list_audit(library, action="package.received")
    assert received.subject == f"review:{done.review_id}"  # type: ignore[attr-defined]
    assert received.details["copy"] is True


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


def test_open_package_asks_the_passphrase_again_and_says_what_is_wrong(  # type: ignore[no-untyped-def]
        qtbot, library, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    from vsr.review_package import pack_review

    review_id, _ = _moment(library, tmp_path, "a.mp4", "vertrouwen")
    package = pack_review(library, review_id, tmp_path / "p.vsrpack", passphrase="goed")
    other = open_library(tmp_path / "coach" / "library.sqlite")
    bridge = LibraryBridge(other)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(package), ""))
    typed = iter(["fout", "goed"])
    asked: list[str] = []

    def ask(_parent, _title, text, _mode):  # type: ignore[no-untyped-def]
        asked.append(text)
        return next(typed), True

    monkeypatch.setattr(QInputDialog, "getText", ask)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    parent = SearchDialog(bridge, None)
    qtbot.addWidget(parent)
    receiver = open_package(parent, bridge)
    assert receiver is not None
    got: list[object] = []
    receiver.received.connect(got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=20_000)
    assert len(asked) == 2 and warned == []  # needed, then wrong, then right
    assert len(rv.list_reviews(other)) == 1

    # A package whose contents are wrong is refused in words, and nothing is added.
    bad = tmp_path / "bad.vsrpack"
    _write_with_bad_step(package, bad, "goed")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    typed = iter(["goed"])
    receiver = open_package(parent, bridge)
    qtbot.waitUntil(lambda: bool(warned), timeout=20_000)
    assert "'step'" in warned[0] and str(bad) in warned[0] and "Traceback" not in warned[0]
    assert len(rv.list_reviews(other)) == 1
    other.close()


def _write_with_bad_step(package: Path, out: Path, passphrase: str) -> None:
    import hashlib
    import json
    import zipfile

    from vsr.review_package import archive

    with archive.open_package(package, passphrase) as zf:
        review = json.loads(zf.read("review.json"))
    review["tables"]["session_state"] = [{"step": "zzz", "started_at": "2026-01-01T00:00:00",
                                          "updated_at": "2026-01-01T00:00:00"}]
    data = json.dumps(review).encode()
    manifest = {"format": archive.FORMAT, "format_version": archive.FORMAT_VERSION,
                "members": {"review.json": {"size": len(data),
                                            "sha256": hashlib.sha256(data).hexdigest()}}}
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("review.json", data)
        zf.writestr("manifest.json", json.dumps(manifest))


def test_the_main_window_opens_the_received_review(  # type: ignore[no-untyped-def]
        qtbot, library, tmp_path: Path, monkeypatch) -> None:
    from vsr.ui.main_window import MainWindow

    from tests.ui.fake_player import FakePlayer
    from vsr.review_package import pack_review

    sender = open_library(tmp_path / "sender" / "library.sqlite")
    review_id, _ = _moment(sender, tmp_path, "a.mp4", "vertrouwen")
    package = pack_review(sender, review_id, tmp_path / "p.vsrpack")
    sender.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(package), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: pytest.fail(text))
    win = MainWindow(LibraryBridge(library), FakePlayer(duration_ms=120_000))
    qtbot.addWidget(win)
    win._open_package()  # noqa: SLF001 - what File → "Pakket openen…" runs
    qtbot.waitUntil(lambda: win.review_view.review is not None, timeout=20_000)
    [received] = rv.list_reviews(library)
    assert win.review_view.review.id == received.id and received.title == "Gesprek a.mp4"
