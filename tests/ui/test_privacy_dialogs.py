"""The consent dialog changes the library (withdrawal only after a confirmation that lists what
goes); the audit log window lists rows and cannot edit them."""

from __future__ import annotations

import getpass
import socket
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractItemView, QMessageBox
from vsr.ui.privacy.audit_dialog import AuditDialog
from vsr.ui.privacy.consent_dialog import ConsentDialog

from tests.lang import worded
from tests.ui.announcements import announcements
from vsr.dates import long_date
from vsr.library import collections as co
from vsr.library.audit import list_audit
from vsr.library.consent import Purpose, get_consent, grant_consent
from vsr.library.recordings import add_recording, get_recording
from vsr.media.testclip import generate_test_clip


@pytest.fixture
def recording_id(library, tmp_path: Path) -> int:  # type: ignore[no-untyped-def]
    clip = generate_test_clip(tmp_path / "gesprek.mp4", 2.0)
    rec, _ = add_recording(library, clip)
    return rec.id


def test_grant_via_dialog(qtbot, library, recording_id: int) -> None:
    dialog = ConsentDialog(library, recording_id)
    qtbot.addWidget(dialog)
    box = dialog.boxes[Purpose.TRAINING]
    assert not box.withdraw_button.isEnabled()
    box.given_by.setText("J.")
    box.recognisable.setChecked(True)
    box.has_until.setChecked(True)
    box.until.setDate(box.until.date().addDays(30))
    box.grant_button.click()
    consent = get_consent(library, recording_id, Purpose.TRAINING)
    assert consent is not None and consent.given_by == "J." and consent.recognisable
    assert consent.until is not None and consent.until > date.today()
    assert box.withdraw_button.isEnabled() and "J." in box.state.text()
    assert get_consent(library, recording_id, Purpose.INTERVISIE) is None
    dialog.grab().save("/tmp/shots/consent_dialog.png")


def test_what_holds_for_a_purpose_is_in_its_name_and_announced_when_it_changes(
        qtbot, library, recording_id: int, monkeypatch) -> None:
    """By Tab a screen reader heard "Intervisie" and the fields, never the line "Geen
    toestemming." above them (a label, not focused), nor that Grant had worked."""
    from PySide6.QtGui import QAccessible, QTextDocumentFragment

    said = announcements(monkeypatch)
    dialog = ConsentDialog(library, recording_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.boxes[Purpose.INTERVISIE]
    name = QAccessible.queryAccessibleInterface(box).text(QAccessible.Text.Name)
    state = QTextDocumentFragment.fromHtml(box.state.text()).toPlainText()  # "Geen toestemming. …"
    assert name == f"{box.title()}. {state}" and "<b>" not in name
    assert not said  # opening the dialog says nothing extra
    box.given_by.setText("J.")
    box.grant_button.click()
    name = QAccessible.queryAccessibleInterface(box).text(QAccessible.Text.Name)
    assert "J." in name and state not in name
    assert len(said) == 1 and said[0].startswith(box.title()) and "J." in said[0]


def test_grant_without_giver_is_refused(qtbot, library, recording_id: int, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    dialog = ConsentDialog(library, recording_id)
    qtbot.addWidget(dialog)
    dialog.boxes[Purpose.INTERVISIE].grant_button.click()
    assert shown and get_consent(library, recording_id, Purpose.INTERVISIE) is None


def test_withdraw_asks_with_what_goes_and_deletes(qtbot, library, recording_id: int,
                                                   monkeypatch) -> None:
    grant_consent(library, recording_id, "intervisie", given_by="K.")
    collection = co.create_collection(library, "Teamoverleg", "intervisie")
    co.add_clip(library, collection.id, recording_id, 0, 1000, title="Begin")
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog = ConsentDialog(library, recording_id)
    qtbot.addWidget(dialog)
    box = dialog.boxes[Purpose.INTERVISIE]
    box.withdraw_button.click()  # answered No: nothing changes
    assert get_consent(library, recording_id, Purpose.INTERVISIE) is not None
    assert "Teamoverleg" in asked[0] and "Begin" in asked[0]
    box.withdraw_button.click()  # Yes
    assert get_consent(library, recording_id, Purpose.INTERVISIE) is None
    assert co.list_clips(library, collection.id) == []
    assert not box.withdraw_button.isEnabled()
    assert [e.action for e in list_audit(library, action="consent.withdrawn")]


def test_narrowing_asks_with_the_exports_that_go(qtbot, library, recording_id: int,
                                                 monkeypatch, tmp_path: Path) -> None:
    from vsr.clip_packs import export_collection

    grant_consent(library, recording_id, "training", given_by="K.", recognisable=True)
    collection = co.create_collection(library, "Oefenen", "training")
    co.add_clip(library, collection.id, recording_id, 0, 600)
    out = tmp_path / "pakket"
    export_collection(library, collection.id, out, anonymize_faces=False, pack="exercise")
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog = ConsentDialog(library, recording_id)
    qtbot.addWidget(dialog)
    box = dialog.boxes[Purpose.TRAINING]
    box.recognisable.setChecked(False)  # no longer recognisable: the unblurred pack goes
    box.grant_button.click()  # answered No: nothing changes
    assert str(out / "clip-01.mp4") in asked[0] and (out / "clip-01.mp4").exists()
    consent = get_consent(library, recording_id, Purpose.TRAINING)
    assert consent is not None and consent.recognisable and box.recognisable.isChecked()
    box.recognisable.setChecked(False)
    box.grant_button.click()  # Yes
    assert not (out / "clip-01.mp4").exists() and not (out / "index.html").exists()
    consent = get_consent(library, recording_id, Purpose.TRAINING)
    assert consent is not None and not consent.recognisable
    box.given_by.setText("K. (moeder)")  # a change that does not narrow asks nothing
    box.grant_button.click()
    assert len(asked) == 2


def test_audit_dialog_lists_rows_read_only(qtbot, library, recording_id: int) -> None:
    grant_consent(library, recording_id, "intervisie", given_by="K.")
    grant_consent(library, recording_id, "training", given_by="K.")
    from vsr.i18n import translate

    dialog = AuditDialog(library)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.rowCount() == len(list_audit(library)) == 2
    assert table.item(0, 3).text() == "Toestemming gegeven"  # in words, in the UI language
    title = get_recording(library, recording_id).title  # neutral: "Opname van <day>"
    assert table.item(0, 4).text() == f"Opname {recording_id} ({title})"
    assert table.item(0, 5).text() == f"Opname {recording_id} ({title})"  # whose recording
    # who and on which computer (NEN 7513): the operating-system account and the host name
    assert table.item(0, 1).text() == getpass.getuser()
    assert table.item(0, 2).text() == socket.gethostname()
    assert translate("purpose.training") in table.item(0, 6).text()
    assert "consent.granted" in table.item(0, 3).toolTip()  # the stored record stays visible
    english = worded("en", AuditDialog, library)  # the window set the language
    qtbot.addWidget(english)
    assert english.table.item(0, 3).text() == "Consent granted"
    headers = [english.table.horizontalHeaderItem(c).text() for c in range(7)]
    assert headers == ["Time", "Who", "Computer", "Action", "Subject", "Recording", "Details"]
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    table.setCurrentCell(0, 1)
    table.editItem(table.item(0, 1))  # ignored: no editor opens on a read-only table
    assert table.state() != QAbstractItemView.State.EditingState
    dialog.resize(1100, 300)
    dialog.grab().save("/tmp/shots/audit_dialog.png")


def test_retention_of_the_recording_is_set_in_the_dialog(qtbot, library, recording_id: int) -> None:
    from vsr.library.retention import recording_keep_until

    dialog = ConsentDialog(library, recording_id)
    qtbot.addWidget(dialog)
    assert not dialog.has_keep.isChecked() and "No end date" in dialog.keep_state.text()
    dialog.has_keep.setChecked(True)
    dialog.keep_until.setDate(dialog.keep_until.date().addDays(365))
    dialog.keep_button.click()
    keep = recording_keep_until(library, recording_id)
    assert keep is not None and keep > date.today()
    assert long_date(keep) in dialog.keep_state.text()  # in words, not ISO
    assert list_audit(library, action="retention.set")
    dialog.has_keep.setChecked(False)
    dialog.keep_button.click()
    assert recording_keep_until(library, recording_id) is None


def _expired(library, recording_id: int) -> int:  # type: ignore[no-untyped-def]
    """An expired collection with a clip, on a recording whose own retention is not over."""
    from vsr.library.retention import set_collection_retention

    grant_consent(library, recording_id, "intervisie", given_by="K.")
    collection = co.create_collection(library, "Oud overleg", "intervisie")
    co.add_clip(library, collection.id, recording_id, 0, 1000, title="Begin")
    set_collection_retention(library, collection.id, date(2020, 1, 31))
    return collection.id


def test_purge_dialog_says_what_goes_and_later_keeps_it(qtbot, library, recording_id: int,
                                                      monkeypatch) -> None:
    from vsr.ui.privacy.purge_dialog import PurgeDialog, ask_purge

    from vsr.library.retention import plan_purge

    collection_id = _expired(library, recording_id)
    seen: list[PurgeDialog] = []

    def later(self: PurgeDialog) -> int:
        seen.append(self)
        self.later_button.click()
        return 0

    monkeypatch.setattr(PurgeDialog, "exec", later)
    assert ask_purge(None, library, plan_purge(library)) is None
    assert "Oud overleg" in seen[0].listing.toPlainText()
    assert co.get_collection(library, collection_id).name == "Oud overleg"  # kept


def test_purge_dialog_deletes_when_asked(qtbot, library, recording_id: int, monkeypatch) -> None:
    from vsr.ui.privacy.purge_dialog import PurgeDialog, ask_purge

    from vsr.library.retention import plan_purge

    collection_id = _expired(library, recording_id)

    def delete(self: PurgeDialog) -> int:
        self.delete_button.click()
        return 1

    monkeypatch.setattr(PurgeDialog, "exec", delete)
    report = ask_purge(None, library, plan_purge(library))
    assert report is not None and [c.id for c in report.plan.collections] == [collection_id]
    assert co.list_collections(library) == []
    assert list_audit(library, action="purge")
    assert plan_purge(library).empty  # nothing left: the next start asks nothing


def test_wayland_sessions_use_xwayland_for_vlc(monkeypatch) -> None:
    import sys

    from vsr.ui.app import use_x11_for_vlc

    monkeypatch.setattr(sys, "platform", "linux")
    env = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}
    assert use_x11_for_vlc(env) and env["QT_QPA_PLATFORM"] == "xcb"
    chosen = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland"}
    assert not use_x11_for_vlc(chosen) and chosen["QT_QPA_PLATFORM"] == "wayland"
    assert not use_x11_for_vlc({"DISPLAY": ":0"})  # plain X11: nothing to change


def test_sharing_the_gespreksbladen_is_a_choice_of_the_review(qtbot, library,
                                                             recording_id: int) -> None:
    from vsr.library import reviews as rv

    review = rv.create_review(library, recording_id)
    dialog = ConsentDialog(library, recording_id, review_id=review.id)
    qtbot.addWidget(dialog)
    assert dialog.share is not None and not dialog.share.isChecked()
    dialog.share.setChecked(True)
    assert rv.shares_reflections(library, review.id)
    assert list_audit(library, action="sharing.set")
    dialog.share.setChecked(False)
    assert not rv.shares_reflections(library, review.id)
    plain = ConsentDialog(library, recording_id)
    qtbot.addWidget(plain)  # closed and deleted with the test, before Qt shuts down
    assert plain.share is None  # no review: no choice


def test_the_app_asks_about_expired_material_when_it_starts(qtbot, library, recording_id: int,
                                                           monkeypatch) -> None:
    from PySide6.QtWidgets import QApplication
    from vsr.ui import app as app_module
    from vsr.ui.bridge import LibraryBridge
    from vsr.ui.privacy.purge_dialog import PurgeDialog

    from tests.ui.fake_player import FakePlayer

    _expired(library, recording_id)
    asked: list[str] = []

    def later(self: PurgeDialog) -> int:
        asked.append(self.listing.toPlainText())
        return 0

    monkeypatch.setattr(PurgeDialog, "exec", later)
    monkeypatch.setattr(app_module, "create_player", lambda: FakePlayer(duration_ms=2000))
    bridge = LibraryBridge(library)
    shell = app_module.Application(QApplication.instance(), bridge, "nl")  # type: ignore[arg-type]
    window = shell.build()
    qtbot.addWidget(window)
    shell.start()
    assert len(asked) == 1 and "Oud overleg" in asked[0]
    window.close()
    bridge.close()
    from vsr.ui.i18n import install_language

    install_language("en")  # the other widget tests run in the source language


def _tamper_audit(library) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    other = sqlite3.connect(library.path, isolation_level=None)
    other.execute("DROP TRIGGER audit_log_no_update")
    other.execute("UPDATE audit_log SET details = '{}' WHERE id = 1")
    other.close()


def test_audit_dialog_says_whether_the_log_was_altered(qtbot, library, recording_id: int) -> None:
    grant_consent(library, recording_id, "intervisie", given_by="K.")
    grant_consent(library, recording_id, "training", given_by="K.")
    dialog = AuditDialog(library)
    qtbot.addWidget(dialog)
    assert not dialog.altered
    assert dialog.banner.text() == "Het logboek is gecontroleerd: 2 regels, niets is veranderd."
    _tamper_audit(library)
    altered = AuditDialog(library)
    qtbot.addWidget(altered)
    assert altered.altered
    text = altered.banner.text()
    assert text.startswith("Let op: het logboek is buiten vsr om veranderd.")
    assert "Regel 1 is veranderd" in text and "beveiliging" in text
    altered.resize(900, 400)
    altered.show()
    qtbot.waitExposed(altered)
    altered.grab().save("/tmp/shots/store10/audit_altered.png")


def test_a_warning_at_start_when_the_log_was_altered(
        qtbot, library, recording_id: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from vsr.ui.bridge import LibraryBridge
    from vsr.ui.main_window import MainWindow

    from tests.ui.fake_player import FakePlayer

    grant_consent(library, recording_id, "intervisie", given_by="K.")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    win = MainWindow(LibraryBridge(library), FakePlayer(duration_ms=2000))
    qtbot.addWidget(win)
    assert win.check_audit_log() and shown == []
    _tamper_audit(library)
    assert not win.check_audit_log()
    [text] = shown
    assert "buiten vsr om veranderd" in text and "Regel 1" in text


def test_purge_in_the_window_cleans_the_backups_on_a_worker(qtbot, library, recording_id: int,
                                                             monkeypatch) -> None:
    """What the purge deleted is taken out of the backups too, on a pool thread (a library's
    backups can take seconds); the dialog closes before that is done."""
    import threading

    from vsr.ui import workers
    from vsr.ui.privacy.purge_dialog import PurgeDialog, ask_purge

    from vsr.library import backups as bk
    from vsr.library import erasure
    from vsr.library.retention import plan_purge, set_recording_retention
    from vsr.library.reviews import create_review

    create_review(library, recording_id, title="Gesprek met Quorrelmans")
    backup = bk.create_backup(library.path, "manual")
    set_recording_retention(library, recording_id, "2000-01-01")
    threads: list[threading.Thread] = []
    scrub = erasure.scrub_backups

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return scrub(*args, **kwargs)

    monkeypatch.setattr(erasure, "scrub_backups", spy)
    monkeypatch.setattr(PurgeDialog, "exec", lambda self: self.delete_button.click() or 1)
    assert b"quorrelmans" in backup.path.read_bytes().lower()
    report = ask_purge(None, library, plan_purge(library))
    assert report is not None and report.backups.cleaned == ()  # not done on this thread
    qtbot.waitUntil(lambda: workers.running() == 0 and bool(threads), timeout=20_000)
    assert threads[0] is not threading.main_thread()
    assert b"quorrelmans" not in backup.path.read_bytes().lower()


def test_a_backup_the_window_could_not_clean_is_named_to_the_user(qtbot, library,
                                                                   recording_id: int,
                                                                   monkeypatch) -> None:
    from vsr.ui import workers
    from vsr.ui.privacy import erasure_task

    from vsr.library import backups as bk
    from vsr.library import erasure
    from vsr.library.retention import purge, set_recording_retention

    backup = bk.create_backup(library.path, "manual")
    set_recording_retention(library, recording_id, "2000-01-01")
    report = purge(library, clean_backups=False)
    said: list[str] = []
    monkeypatch.setattr(erasure_task, "warn", lambda parent, text, **kw: said.append(text))

    def full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(erasure.shutil, "copyfile", full)
    assert report.plan.recordings  # something was deleted
    erasure_task.clean_up_later(None, library.path)
    qtbot.waitUntil(lambda: workers.running() == 0 and bool(said), timeout=20_000)
    assert backup.path.name in said[0] and "Traceback" not in said[0]
