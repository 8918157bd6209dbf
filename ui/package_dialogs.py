"""File → "Terugkijkgesprek delen (pakket)…" and "Pakket openen…": hand the open review to a
colleague, and receive one. Thin: `vsr.review_package` decides what may travel and checks what
comes in; this asks the user's choices (recording, passphrase, keep both or replace)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from vsr.anonymise.known import review_names
from vsr.library.consent import has_consent
from vsr.review_package import OnExisting, Unpacked, pack_review, unpack_review

from .anonymise_choice import names_check_box, when_identifiers_loaded
from .bridge import LibraryBridge
from .dialogs import error_text
from .operations import perform

_FILTER = "vsr (*.vsrpack)"



class ShareDialog(QDialog):
    """The choices for a package: the recording (only with consent for intervisie) and an
    optional passphrase, typed twice."""

    def __init__(self, may_send_recording: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Share review (package)"))
        self.recording = QCheckBox(self.tr("Include the recording"))
        self.recording.setEnabled(may_send_recording)
        why = QLabel(self.tr("The package holds the moments, gespreksbladen, the "
                             "Samenleergesprek and the consent state.") + " " + (
            self.tr("The recording may go along: the client consented to intervisie.")
            if may_send_recording else
            self.tr("The recording cannot go along: there is no valid consent for intervisie.")))
        why.setWordWrap(True)
        self.replace_names = names_check_box(self)
        self.passphrase, self.again = QLineEdit(), QLineEdit()
        for field in (self.passphrase, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.note = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase (optional):"), self.passphrase)
        form.addRow(self.tr("Passphrase again:"), self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(why)
        layout.addWidget(self.recording)
        layout.addWidget(self.replace_names)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.setMaximumWidth(640)

    def _accept(self) -> None:
        if self.passphrase.text() != self.again.text():
            self.note.setText(self.tr("The two passphrases are not the same."))
            return
        self.accept()

    def chosen_passphrase(self) -> str | None:
        return self.passphrase.text() or None


def share_review(parent: QWidget, bridge: LibraryBridge, review_id: int,
                 recording_id: int) -> None:
    dialog = ShareDialog(has_consent(bridge.lib, recording_id, "intervisie"), parent)
    if not dialog.exec():
        return
    name, _ = QFileDialog.getSaveFileName(parent, dialog.windowTitle(), "", _FILTER)
    if not name:
        return
    out = Path(name) if name.endswith(".vsrpack") else Path(name + ".vsrpack")
    anonymise = dialog.replace_names.isChecked()

    def pack() -> None:
        names = review_names(bridge.lib, review_id) if anonymise else None
        outcome = perform(lambda: pack_review(bridge.lib, review_id, out, names=names,
                                              with_recording=dialog.recording.isChecked(),
                                              passphrase=dialog.chosen_passphrase()))
        if outcome.ok:
            text = QCoreApplication.translate("PackageDialogs", "Package written: %1")
            QMessageBox.information(parent, dialog.windowTitle(),
                                    text.replace("%1", str(outcome.value)))
        else:
            QMessageBox.warning(parent, dialog.windowTitle(), outcome.message)

    if anonymise:  # the identifier patterns load on a worker first, never in the window
        when_identifiers_loaded(pack, lambda exc: QMessageBox.warning(
            parent, dialog.windowTitle(), error_text(exc)))
    else:
        pack()


def open_package(parent: QWidget, bridge: LibraryBridge) -> Unpacked | None:
    """Ask for a package and add its review; asks a passphrase and, when the review is already
    here, whether to keep both or replace. None when cancelled or refused (said in words)."""
    title = QCoreApplication.translate("PackageDialogs", "Open package")
    name, _ = QFileDialog.getOpenFileName(parent, title, "", _FILTER)
    if not name:
        return None
    passphrase: str | None = None
    choice = OnExisting.ASK
    while True:
        outcome = perform(lambda p=passphrase, c=choice: unpack_review(  # type: ignore[misc]
            bridge.lib, Path(name), passphrase=p, on_existing=c))
        if outcome.ok:
            return outcome.value
        key = getattr(outcome.error, "key", "")
        if key in ("error.package.passphrase_needed", "error.package.passphrase_wrong"):
            text, ok = QInputDialog.getText(parent, title, outcome.message,
                                            QLineEdit.EchoMode.Password)
            if not ok or not text:
                return None
            passphrase = text
            continue
        if key == "error.package.exists" and choice is OnExisting.ASK:
            picked = _ask_existing(parent, title)
            if picked is None:
                return None
            choice = picked
            continue
        QMessageBox.warning(parent, title, outcome.message)
        return None


def _ask_existing(parent: QWidget, title: str) -> OnExisting | None:
    text = QCoreApplication.translate("PackageDialogs", "This review is already in your library.")
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    keep_text = QCoreApplication.translate("PackageDialogs", "Keep both")
    replace_text = QCoreApplication.translate("PackageDialogs", "Replace")
    both = box.addButton(keep_text, QMessageBox.ButtonRole.AcceptRole)
    replace = box.addButton(replace_text, QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return OnExisting.KEEP_BOTH if clicked is both else \
        OnExisting.REPLACE if clicked is replace else None
