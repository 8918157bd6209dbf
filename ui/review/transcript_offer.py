"""After a recording was added: "Uitschrift maken?" (issue 22) as a line above the video, not a
dialog: nothing is forced and the work goes on. Shown only when a speech model is installed and
nobody said "Never ask again" (the window's offer_transcript decides); gone with the next
review opened."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class TranscriptOffer(QFrame):
    """`accepted`, `never` (remember it) or closed with "Not now"; each hides the line."""

    accepted = Signal()
    never = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcriptOffer")
        self.setStyleSheet("QFrame#transcriptOffer { background: #e8f0fb; border: 1px solid"
                           " #7a9cc6; border-radius: 4px; } QLabel { color: #1b2f4a; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.text = QLabel(self.tr("Write down what was said? The computer can do it on this "
                                   "laptop, in a few minutes. You can go on working meanwhile."))
        self.text.setWordWrap(True)
        row.addWidget(self.text, 1)
        self.yes_button = QPushButton(self.tr("Yes, write it down"))
        self.later_button = QPushButton(self.tr("Not now"))
        self.never_button = QPushButton(self.tr("Never ask again"))
        for button in (self.yes_button, self.later_button, self.never_button):
            button.setMinimumHeight(32)
            row.addWidget(button)
        self.yes_button.clicked.connect(self._yes)
        self.later_button.clicked.connect(self.hide)
        self.never_button.clicked.connect(self._never)
        self.hide()

    def _yes(self) -> None:
        self.hide()
        self.accepted.emit()

    def _never(self) -> None:
        self.hide()
        self.never.emit()
