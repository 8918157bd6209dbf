"""The "Toestemming" dialog: the consent per purpose of one recording. Own review is always
allowed; intervisie and training are granted (who, when, optional last day) or withdrawn.
Withdrawing first says what it deletes, because the clips and exported files go with it; so
does a change that narrows the consent (exports that no longer fit it go)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QTextDocumentFragment
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

from vsr.dates import long_date
from vsr.errors import VsrError
from vsr.i18n import translate
from vsr.library.consent import SHARED_PURPOSES, Consent, Purpose, get_consent, grant_consent
from vsr.library.db import Library
from vsr.library.narrowing import (
    NarrowingReport,
    describe_narrowing,
    narrow_consent,
    plan_narrowing,
)
from vsr.library.recordings import get_recording
from vsr.library.retention import recording_keep_until, set_recording_retention
from vsr.library.reviews import list_parties, set_share_reflections, shares_reflections
from vsr.library.withdrawal import describe_withdrawal, plan_withdrawal, withdraw_consent

from ..accessibility_announce import announce
from ..date_fields import OptionalDateField, pydate, qdate
from ..dialogs import show_error, warn
from ..fitting import StackingBox
from ..operations import in_box, perform


class PurposeBox(QGroupBox):
    """Consent for one shared purpose: its state in words, the fields and Grant / Withdraw."""

    def __init__(self, purpose: Purpose, parent: QWidget | None = None) -> None:
        super().__init__(translate(purpose.plain_label_key).capitalize(), parent)
        self.purpose = purpose
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.given_by = QLineEdit()
        self.given_by.setPlaceholderText(self.tr("Name or initials of the client"))
        self.given_on = QDateEdit(qdate(date.today()))
        self.given_on.setCalendarPopup(True)
        self.until_field = OptionalDateField(self.tr("Ends on"))
        self.has_until, self.until = self.until_field.check, self.until_field.edit
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
        form.addRow(self.tr("End date:"), self.until_field)
        if purpose is Purpose.TRAINING:  # only training asks about recognisable use
            form.addRow(self.recognisable)
        else:
            self.recognisable.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.grant_button)
        buttons.addWidget(self.withdraw_button)
        form.addRow(buttons)
        outer.addStretch(1)

    def _say(self, text: str) -> None:
        """Show what holds above the form, and give it to a screen reader: as part of the
        group's name (said when the focus enters the group; the label above the fields is never
        focused), and announced when it changes while the dialog is open (after Grant,
        Save or Withdraw)."""
        before = self.state.text()
        self.state.setText(text)
        plain = QTextDocumentFragment.fromHtml(text).toPlainText()
        self.setAccessibleName(f"{self.title()}. {plain}")
        if before and before != text and self.window().isVisible():
            announce(f"{self.title()}: {plain}", self)

    def show_consent(self, consent: Consent | None) -> None:
        """Fill the fields from the stored consent and say plainly what holds."""
        if consent is None:
            self._say(self.tr("<b>No consent.</b> Clips for this purpose are not allowed."))
            self.grant_button.setText(self.tr("Grant"))
            self.withdraw_button.setEnabled(False)
            return
        lapsed = not consent.valid_on(date.today())
        until = (self.tr(" until {day}").format(day=long_date(consent.until))
                 if consent.until else "")
        if lapsed:
            text = self.tr("<b>Lapsed</b> on {day}. Given by {who} on {given}.")
            text = text.format(day=long_date(consent.until) if consent.until else "",
                               who=consent.given_by, given=long_date(consent.given_on))
        else:
            text = self.tr("<b>Given</b> by {who} on {given}{until}.").format(
                who=consent.given_by, given=long_date(consent.given_on), until=until)
        if self.purpose is Purpose.TRAINING:
            text += " " + (self.tr("The client may be recognisable.") if consent.recognisable
                           else self.tr("Faces must be made unrecognisable."))
        self._say(text)
        self.given_by.setText(consent.given_by)
        self.given_on.setDate(qdate(consent.given_on))
        self.until_field.set_value(consent.until)
        self.recognisable.setChecked(consent.recognisable)
        self.grant_button.setText(self.tr("Save"))
        self.withdraw_button.setEnabled(True)


class ConsentDialog(QDialog):
    """Consent of one recording. Changes go straight to the library (each one is audited)."""

    def __init__(self, lib: Library, recording_id: int,
                 parent: QWidget | None = None, *, review_id: int | None = None) -> None:
        super().__init__(parent)
        self.lib, self.recording_id = lib, recording_id
        self.review_id = review_id
        recording = get_recording(lib, recording_id)
        self.setWindowTitle(self.tr("Consent — {title}").format(title=recording.title))
        self.setMinimumWidth(860)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Consent is given per recording and per purpose. Withdrawing it also deletes the "
            "clips and exported files made for that purpose."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        own = QGroupBox(translate(Purpose.OWN_REVIEW.plain_label_key).capitalize())
        own_layout = QVBoxLayout(own)
        self.own_state = QLabel(self.tr("<b>Given</b>: looking back at your own conversation "
                                        "together is always allowed."))
        self.own_state.setWordWrap(True)
        own_layout.addWidget(self.own_state)
        layout.addWidget(own)
        self.boxes: dict[Purpose, PurposeBox] = {}
        # Side by side: the dialog fits a 1366x768 screen; under each other where that is too
        # narrow (200 % text size), so it scrolls up and down, not sideways.
        purposes = StackingBox(12)
        layout.addWidget(purposes)
        for purpose in SHARED_PURPOSES:
            box = PurposeBox(purpose)
            box.grant_button.clicked.connect(lambda _=False, p=purpose: self.grant(p))
            box.withdraw_button.clicked.connect(lambda _=False, p=purpose: self.withdraw(p))
            self.boxes[purpose] = box
            purposes.add(box, 1)
        self.share: QCheckBox | None = None
        if review_id is not None:
            layout.addWidget(self._sharing_box(review_id))
        layout.addWidget(self._retention_box())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.refresh()

    def _sharing_box(self, review_id: int) -> QGroupBox:
        box = QGroupBox(self.tr("Sharing the gespreksbladen of this review"))
        names = " " + self.tr("and") + " "
        names = names.join(p.name for p in list_parties(self.lib, review_id))
        explain = QLabel(self.tr(
            "Only when {names} agree, their own gespreksblad of a moment (A, B, C) may go with "
            "its clip into material for peer consultation (with colleagues) or training. Names "
            "are replaced by roles when the export asks for it.").format(names=names))
        explain.setWordWrap(True)
        self.share = QCheckBox(self.tr("They agree: the gespreksbladen may be shared with clips"))
        self.share.setChecked(shares_reflections(self.lib, review_id))
        self.share.toggled.connect(self.save_sharing)
        column = QVBoxLayout(box)
        column.addWidget(explain)
        column.addWidget(self.share)
        return box

    def save_sharing(self, allow: bool) -> bool:
        review_id = self.review_id
        if review_id is None:
            return False
        return self._apply(lambda: set_share_reflections(self.lib, review_id, allow,
                                                         initiator=self))

    def _retention_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Retention"))
        self.keep_state = QLabel()
        self.keep_state.setWordWrap(True)
        self.keep_field = OptionalDateField(self.tr("Keep until"))
        self.has_keep, self.keep_until = self.keep_field.check, self.keep_field.edit
        self.keep_button = QPushButton(self.tr("Save retention"))
        self.keep_button.clicked.connect(self.save_retention)
        outer = QVBoxLayout(box)
        outer.addWidget(self.keep_state)
        row = QHBoxLayout()
        row.addWidget(self.keep_field, 1)
        row.addWidget(self.keep_button)
        outer.addLayout(row)
        return box

    def refresh(self) -> None:
        for purpose, box in self.boxes.items():
            box.show_consent(get_consent(self.lib, self.recording_id, purpose))
        keep = recording_keep_until(self.lib, self.recording_id)
        if keep is None:
            self.keep_state.setText(self.tr("No end date: the recording is kept until you "
                                            "delete it."))
        else:
            self.keep_state.setText(self.tr(
                "<b>Kept until {day}.</b> After that day the recording, its reviews and clips "
                "are deleted (at the next start of the app, after a question).").format(
                    day=long_date(keep)))
        self.keep_field.set_value(keep)

    def _apply(self, change: Callable[[], object]) -> bool:
        """Make one change; a refusal is shown as the core words it. The dialog then shows
        what is stored, whichever way it went."""
        try:
            return perform(change, report=in_box(self)).ok
        finally:
            self.refresh()

    def save_retention(self) -> bool:
        keep = self.keep_field.value()
        return self._apply(lambda: set_recording_retention(self.lib, self.recording_id, keep,
                                                           initiator=self))

    def grant(self, purpose: Purpose) -> bool:
        """Grant or change. A change that narrows the consent (no longer recognisable, an
        earlier end date) first asks with the list of exported files that no longer fit."""
        box = self.boxes[purpose]
        given_by, given_on = box.given_by.text(), pydate(box.given_on.date())
        until, recognisable = box.until_field.value(), box.recognisable.isChecked()
        try:
            plan = plan_narrowing(self.lib, self.recording_id, purpose,
                                  recognisable=recognisable, until=until)
        except VsrError as exc:
            show_error(self, exc)
            return False
        if plan.empty:
            return self._apply(lambda: grant_consent(
                self.lib, self.recording_id, purpose, given_by=given_by, given_on=given_on,
                until=until, recognisable=recognisable, initiator=self))
        question = "\n".join([*describe_narrowing(plan), "",
                              self.tr("This cannot be undone. Change the consent?")])
        answer = QMessageBox.question(
            self, self.tr("Change consent"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            self.refresh()  # the fields show what still holds
            return False
        report: list[NarrowingReport] = []
        done = self._apply(lambda: report.append(narrow_consent(
            self.lib, self.recording_id, purpose, given_by=given_by, given_on=given_on,
            until=until, recognisable=recognisable, initiator=self)))
        if done:
            from ..team.consent_hook import tell_team_later

            tell_team_later(self, self.lib, self.recording_id, purpose.value,
                            narrowed_to=(given_on, until, recognisable))
        if done and report and report[0].files.failed:
            warn(self, self.tr(
                "{n} exported file(s) could not be deleted. Delete them by hand.").format(
                    n=len(report[0].files.failed)), title=self.tr("Change consent"))
        return done

    def withdraw(self, purpose: Purpose) -> bool:
        """Ask with the list of what goes; withdraw only on Yes."""
        try:
            plan = plan_withdrawal(self.lib, self.recording_id, purpose)
            lines = describe_withdrawal(self.lib, plan)
        except VsrError as exc:
            show_error(self, exc)
            return False
        question = "\n".join([*lines, "", self.tr("This cannot be undone. Withdraw consent?")])
        answer = QMessageBox.question(
            self, self.tr("Withdraw consent"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        outcome = perform(lambda: withdraw_consent(self.lib, self.recording_id, purpose,
                                                   initiator=self, clean_backups=False),
                          report=in_box(self))
        self.refresh()
        report = outcome.value
        if report is None:
            return False
        from .erasure_task import clean_up_later

        if report.removed_clip_ids:
            clean_up_later(self, self.lib.path)
        from ..team.consent_hook import tell_team_later

        tell_team_later(self, self.lib, self.recording_id, purpose.value)
        if report.files.failed:  # known files that could not be deleted stay listed
            warn(self, self.tr(
                "{n} exported file(s) could not be deleted. Delete them by hand.").format(
                    n=len(report.files.failed)), title=self.tr("Withdraw consent"))
        return True
