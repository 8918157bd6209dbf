"""The consent dialog changes the library (withdrawal only after a confirmation that lists what
goes); the audit log window lists rows and cannot edit them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractItemView, QMessageBox

from ui.privacy.audit_dialog import AuditDialog
from ui.privacy.consent_dialog import ConsentDialog
from vsr.library import collections as co
from vsr.library.audit import list_audit
from vsr.library.consent import Purpose, get_consent, grant_consent
from vsr.library.recordings import add_recording
from vsr.media.testclip import generate_test_clip


@pytest.fixture
def recording_id(library, tmp_path: Path) -> int:  # type: ignore[no-untyped-def]
    clip = generate_test_clip(tmp_path / "gesprek.mp4", 2.0)
    rec, _ = add_recording(library, clip)
    return rec.id


def test_grant_via_dialog(qtbot, library, recording_id: int) -> None:
    dialog = ConsentDialog(library, recording_id, "nl")
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


def test_grant_without_giver_is_refused(qtbot, library, recording_id: int, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    dialog = ConsentDialog(library, recording_id, "nl")
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
    dialog = ConsentDialog(library, recording_id, "nl")
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


def test_audit_dialog_lists_rows_read_only(qtbot, library, recording_id: int) -> None:
    grant_consent(library, recording_id, "intervisie", given_by="K.")
    grant_consent(library, recording_id, "training", given_by="K.")
    dialog = AuditDialog(library)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.rowCount() == len(list_audit(library)) == 2
    assert table.item(0, 1).text() == "consent.granted"
    assert table.item(0, 2).text() == f"recording:{recording_id}"
    assert "purpose=training" in table.item(0, 3).text()
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    table.setCurrentCell(0, 1)
    table.editItem(table.item(0, 1))  # ignored: no editor opens on a read-only table
    assert table.state() != QAbstractItemView.State.EditingState
    dialog.resize(900, 300)
    dialog.grab().save("/tmp/shots/audit_dialog.png")
