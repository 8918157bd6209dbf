"""The "Other names" field of the export dialogs: names the app cannot know (a partner, a
child, a neighbour) that must be replaced too when anonymising. Kept with the review or
collection, so the next export remembers them."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from vsr.anonymise.known import Owner, clean_names, extra_names, set_extra_names
from vsr.library.db import Library

from .operations import Report, perform


class ExtraNamesField(QLineEdit):
    def __init__(self, lib: Library, owner: Owner, ident: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lib, self.owner, self.ident = lib, owner, ident
        self.setText(", ".join(extra_names(lib, owner, ident)))
        self.setPlaceholderText(self.tr("Other names to hide, separated by commas"))
        self.setToolTip(self.tr(
            "Names of people the app does not know, such as a partner or a child. They "
            "become “[name]” in everything that is exported."))
        self.setAccessibleName(self.tr("Other names"))
        self.setMinimumHeight(36)

    def names(self) -> tuple[str, ...]:
        return clean_names([self.text()])

    def save(self, report: Report) -> bool:
        """Store the names with the review or collection; False (and a message) if that
        failed, so the export does not start without them."""
        names = self.names()
        if names == extra_names(self.lib, self.owner, self.ident):
            return True
        return perform(lambda: set_extra_names(self.lib, self.owner, self.ident, names,
                                               initiator=self), report=report).ok
