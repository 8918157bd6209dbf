"""Naming the participants of a review (the professional, the client, e.g. an interpreter)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from vsr.model import PARTY_NAME_MAX, Party

from .icons import shape_icon


class PartyNamesDialog(QDialog):
    def __init__(self, parties: list[Party], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Names of the participants"))
        form = QFormLayout(self)
        self.edits: dict[int, QLineEdit] = {}
        for party in parties:
            edit = QLineEdit(party.name)
            edit.setMaxLength(PARTY_NAME_MAX)
            edit.addAction(shape_icon(party.shape, party.color), QLineEdit.ActionPosition.LeadingPosition)
            edit.setAccessibleName(self.tr("Name of participant {n}").format(n=party.position + 1))
            form.addRow(self.tr("Participant {n}").format(n=party.position + 1), edit)
            self.edits[party.id] = edit
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def names(self) -> dict[int, str]:
        """The changed, non-empty names by party id."""
        return {pid: e.text().strip() for pid, e in self.edits.items() if e.text().strip()}
