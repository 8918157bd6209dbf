"""Small building blocks shared by the review and Samenleergesprek screens: headings, prompts,
big buttons, party frames in the party's colour and name, and text fields that save themselves."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from vsr.model import Party

from .accessibility_colors import readable_on
from .fitting import FittingButton
from .review.sheet_fields import SheetTextField

MIN_TARGET = 44  # px: the smallest click/touch target (WCAG 2.5.5)


def text_on(color: str) -> str:
    """Black or white, whichever reads better on `color`."""
    return readable_on(color)  # by WCAG contrast, so text on it reaches 4.5:1 where it can


def heading(text: str, scale: float = 1.25) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def prompt(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #444444;")
    return label


def big_button(text: str, *, primary: bool = False, color: str | None = None,
               short: str = "") -> FittingButton:
    """A large button; with `short`, that text is shown when `text` does not fit."""
    button = FittingButton(text, short)
    button.setMinimumHeight(MIN_TARGET)
    button.least_width = MIN_TARGET
    button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    font = button.font()
    font.setPointSizeF(font.pointSizeF() * 1.1)
    if primary or color:
        font.setWeight(QFont.Weight.DemiBold)
    button.setFont(font)
    if color:
        button.setStyleSheet(
            f"QPushButton {{ background: {color}; color: {text_on(color)}; border-radius: 6px;"
            f" padding: 6px 14px; border: 3px solid {color}; }}"
            f" QPushButton:focus {{ border: 3px solid #222222; }}"
            f" QPushButton:disabled {{ background: #cccccc; color: #666666; }}")
    elif primary:
        button.setDefault(True)
    button.setIconSize(QSize(28, 28))
    return button


class PartyFrame(QFrame):
    """A column for one party: a border in the party's colour and the party's name on top, so
    both voices are shown side by side and neither hides behind the other."""

    def __init__(self, party: Party, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.party = party
        self.setObjectName("partyFrame")
        self.setStyleSheet(f"QFrame#partyFrame {{ border: 3px solid {party.color};"
                           f" border-radius: 8px; }}")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(10, 8, 10, 10)
        name = QLabel(party.name)
        name.setStyleSheet(f"background: {party.color}; color: {text_on(party.color)};"
                           " font-weight: bold; padding: 4px 8px; border-radius: 4px;")
        name.setAccessibleName(party.name)
        self.body.addWidget(name)


def text_field(placeholder: str, accessible: str, min_height: int = 64,
               max_height: int = 120) -> SheetTextField:
    """A text field that saves itself (see SheetTextField: after a pause, every ~second while
    typing, on leaving it); give it a saver with `set_saver`."""
    field = SheetTextField(placeholder)
    field.setAccessibleName(accessible)
    field.setMinimumHeight(min_height)
    field.setMaximumHeight(max_height)  # long texts scroll; the screen keeps its shape
    return field


def load_quietly(field: SheetTextField, text: str) -> None:
    """Show stored text unless the user is typing in this field right now."""
    if not field.hasFocus() and not field.has_pending_edit():
        field.load(text)


def separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setStyleSheet("color: #cccccc;")
    return line


class NoticeBar(QLabel):
    """A non-blocking message above what it is about (e.g. "saving failed, your text is kept").
    `show_message("")` hides it; nothing here takes the focus away from typing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setWordWrap(True)
        self.setStyleSheet("QLabel#noticeBar { background: #fde7e9; color: #5c0b10;"
                           " border: 1px solid #c50f1f; border-radius: 4px; padding: 8px; }")
        self.setAccessibleName(self.tr("Message"))
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
