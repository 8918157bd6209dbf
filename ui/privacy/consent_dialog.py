"""The "Toestemming" dialog: the consent per purpose of one recording. Own review is always
allowed; intervisie and training are granted (who, when, optional last day) or withdrawn.
Withdrawing first says what it deletes, because the clips and exported files go with it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs import show_error
from vsr.errors import VsrError
from vsr.i18n import translate
from vsr.library.consent import SHARED_PURPOSES, Consent, Purpose, get_consent, grant_consent
from vsr.library.db import Library
from vsr.library.recordings import get_recording
from vsr.library.withdrawal import describe_withdrawal, plan_withdrawal, withdraw_consent


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class PurposeBox(QGroupBox):
    """Consent for one shared purpose: its state in words, the fields and Grant / Withdraw."""

    def __init__(self, purpose: Purpose, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(translate(purpose.label_key, lang).capitalize(), parent)
        self.purpose = purpose
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.given_by = QLineEdit()
        self.given_by.setPlaceholderText(self.tr("Name or initials of the client"))
        self.given_on = QDateEdit(_qdate(date.today()))
        self.given_on.setCalendarPopup(True)
        self.has_until = QCheckBox(self.tr("Ends on"))
        self.until = QDateEdit(_qdate(date.today()))
        self.until.setCalendarPopup(True)
        self.until.setEnabled(False)
        self.has_until.toggled.connect(self.until.setEnabled)
        self.recognisable = QCheckBox(self.tr("The client may be recognisable (no face blurring needed)"))
        self.grant_button = QPushButton(self.tr("Grant"))
        self.withdraw_button = QPushButton(self.tr("Withdraw…"))
        # The state sits above the form: QFormLayout cuts off word-wrapped rows.
        outer = QVBoxLayout(self)
        outer.addWidget(self.state)
        form = QFormLayout()
        outer.addLayout(form)
        form.addRow(self.tr("Given by:"), self.given_by)
        form.addRow(self.tr("Date:"), self.given_on)
        until_row = QHBoxLayout()
        until_row.addWidget(self.has_until)
        until_row.addWidget(self.until, 1)
        form.addRow(self.tr("End date:"), until_row)
        if purpose is Purpose.TRAINING:  # only training asks about recognisable use
            form.addRow(self.recognisable)
        else:
            self.recognisable.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.grant_button)
        buttons.addWidget(self.withdraw_button)
        form.addRow(buttons)

    def show_consent(self, consent: Consent | None) -> None:
        """Fill the fields from the stored consent and say plainly what holds."""
        if consent is None:
            self.state.setText(self.tr("<b>No consent.</b> Clips for this purpose are not allowed."))
            self.grant_button.setText(self.tr("Grant"))
            self.withdraw_button.setEnabled(False)
            return
        lapsed = not consent.valid_on(date.today())
        until = (self.tr(" until {day}").format(day=consent.until.isoformat())
                 if consent.until else "")
        if lapsed:
            text = self.tr("<b>Lapsed</b> on {day}. Given by {who} on {given}.")
            text = text.format(day=str(consent.until), who=consent.given_by,
                               given=consent.given_on.isoformat())
        else:
            text = self.tr("<b>Given</b> by {who} on {given}{until}.").format(
                who=consent.given_by, given=consent.given_on.isoformat(), until=until)
        if self.purpose is Purpose.TRAINING:
            text += " " + (self.tr("The client may be recognisable.") if consent.recognisable
                           else self.tr("Faces must be made unrecognisable."))
        self.state.setText(text)
        self.given_by.setText(consent.given_by)
        self.given_on.setDate(_qdate(consent.given_on))
        self.has_until.setChecked(consent.until is not None)
        if consent.until is not None:
            self.until.setDate(_qdate(consent.until))
        self.recognisable.setChecked(consent.recognisable)
        self.grant_button.setText(self.tr("Save"))
        self.withdraw_button.setEnabled(True)


class ConsentDialog(QDialog):
    """Consent of one recording. Changes go straight to the library (each one is audited)."""

    def __init__(self, lib: Library, recording_id: int, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lib, self.recording_id, self.lang = lib, recording_id, lang
        recording = get_recording(lib, recording_id)
        self.setWindowTitle(self.tr("Consent — {title}").format(title=recording.title))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Consent is given per recording and per purpose. Withdrawing it also deletes the "
            "clips and exported files made for that purpose."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        own = QGroupBox(translate(Purpose.OWN_REVIEW.label_key, lang).capitalize())
        own_layout = QVBoxLayout(own)
        self.own_state = QLabel(self.tr("<b>Given</b>: looking back at your own conversation "
                                        "together is always allowed."))
        self.own_state.setWordWrap(True)
        own_layout.addWidget(self.own_state)
        layout.addWidget(own)
        self.boxes: dict[Purpose, PurposeBox] = {}
        for purpose in SHARED_PURPOSES:
            box = PurposeBox(purpose, lang)
            box.grant_button.clicked.connect(lambda _=False, p=purpose: self.grant(p))
            box.withdraw_button.clicked.connect(lambda _=False, p=purpose: self.withdraw(p))
            self.boxes[purpose] = box
            layout.addWidget(box)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        for purpose, box in self.boxes.items():
            box.show_consent(get_consent(self.lib, self.recording_id, purpose))

    def grant(self, purpose: Purpose) -> bool:
        box = self.boxes[purpose]
        try:
            grant_consent(
                self.lib, self.recording_id, purpose, given_by=box.given_by.text(),
                given_on=_pydate(box.given_on.date()),
                until=_pydate(box.until.date()) if box.has_until.isChecked() else None,
                recognisable=box.recognisable.isChecked(), initiator=self)
        except VsrError as exc:
            show_error(self, exc, self.lang)
            return False
        finally:
            self.refresh()
        return True

    def withdraw(self, purpose: Purpose) -> bool:
        """Ask with the list of what goes; withdraw only on Yes."""
        try:
            plan = plan_withdrawal(self.lib, self.recording_id, purpose)
            lines = describe_withdrawal(self.lib, plan, self.lang)
        except VsrError as exc:
            show_error(self, exc, self.lang)
            return False
        question = "\n".join([*lines, "", self.tr("This cannot be undone. Withdraw consent?")])
        answer = QMessageBox.question(
            self, self.tr("Withdraw consent"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            report = withdraw_consent(self.lib, self.recording_id, purpose, initiator=self)
        except (VsrError, OSError) as exc:
            show_error(self, exc, self.lang)
            self.refresh()
            return False
        self.refresh()
        if report.files.failed:  # known files that could not be deleted stay listed
            QMessageBox.warning(self, self.tr("Withdraw consent"), self.tr(
                "{n} exported file(s) could not be deleted. Delete them by hand.").format(
                    n=len(report.files.failed)))
        return True
