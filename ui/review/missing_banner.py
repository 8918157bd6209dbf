"""Shown over the video when a review's recording is not where it was: notes stay usable,
and the user can point to the file's new place."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class MissingRecordingBanner(QFrame):
    locate_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("missingBanner")
        self.setStyleSheet("QFrame#missingBanner { background: #fff4ce; border: 1px solid #e0b400;"
                           " border-radius: 6px; } QLabel { color: #3d3000; }")
        row = QHBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        row.addWidget(self.label, 1)
        self.button = QPushButton(self.tr("Locate recording…"))
        self.button.setMinimumHeight(36)
        self.button.clicked.connect(self.locate_requested)
        row.addWidget(self.button)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()
