"""The line in a dialog that says how its work went ("Bezig met het leerverslag…", "Opgeslagen:
…", "Kon niet worden opgeslagen…", "3 momenten gevonden").

A label's new text is on screen but not heard: a screen reader speaks the object with the
focus, and the focus stays on a field or button while the work runs (over AT-SPI only a name
change of the label came, which Orca does not read). So every new text is also announced,
politely, without moving the focus (WCAG 4.1.3)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from .accessibility_announce import announce


class StatusLine(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        changed = text != self.text()
        super().setText(text)
        if changed and text and self.window().isVisible():
            announce(text, self)
