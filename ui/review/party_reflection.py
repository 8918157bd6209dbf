"""Part B of the gespreksblad for one party, in that party's colour and name: feelings as
checkable pictogram buttons (for people who find words hard), then the two optional texts "what
did this do to me" and "what did it do to the other". `PartyColumns` puts the parties side by
side and stacks them when there is no room for two."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QToolButton, QWidget

from vsr import method
from vsr.model import Party

from ..flow_layout import FlowLayout
from ..icons import pictogram
from ..widgets import PartyFrame, text_field
from .sheet_fields import SheetTextField

SIDE_BY_SIDE_MIN = 520  # px: below this the party columns stack (each needs ~250 px)


class PartyReflection(PartyFrame):
    """`feelings_toggled(feelings)` carries the feelings chosen now (after a click)."""

    feelings_toggled = Signal(tuple)

    def __init__(self, party: Party, parent: QWidget | None = None) -> None:
        super().__init__(party, parent)
        prompts = method.sheet_prompts()
        feel = QLabel(self.tr("How did it feel? (choose one or more)"))
        feel.setWordWrap(True)
        self.body.addWidget(feel)
        flow = QWidget()
        flow_layout = FlowLayout(flow, spacing=4)
        c = QColor(party.color)
        tint = f"rgba({c.red()}, {c.green()}, {c.blue()}, 50)"
        self.feeling_buttons: dict[str, QToolButton] = {}
        for feeling in method.feelings():
            button = QToolButton()
            button.setCheckable(True)
            button.setIcon(pictogram(feeling.pictogram))
            button.setIconSize(QSize(28, 28))
            button.setText(feeling.title)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            bold = QFont(button.font())
            bold.setBold(True)  # a chosen feeling is shown in bold: leave room for it
            width = max(84, QFontMetrics(bold).horizontalAdvance(feeling.title) + 20)
            button.setFixedSize(width, 64)
            button.setAccessibleName(self.tr("{name} feels: {feeling}")
                                     .format(name=party.name, feeling=feeling.title))
            button.setStyleSheet(
                f"QToolButton {{ border: 1px solid #bbbbbb; border-radius: 6px; padding: 2px; }}"
                f" QToolButton:checked {{ background: {tint};"
                f" border: 3px solid {party.color}; font-weight: bold; }}")
            button.clicked.connect(lambda _on: self.feelings_toggled.emit(self.chosen_feelings()))
            flow_layout.addWidget(button)
            self.feeling_buttons[feeling.key] = button
        self.body.addWidget(flow)
        self.body.addWidget(self._label(prompts.b_to_me))
        self.to_me: SheetTextField = text_field(
            self.tr("Type here (optional)…"), f"{party.name}: {prompts.b_to_me}", 56, 110)
        self.body.addWidget(self.to_me)
        self.body.addWidget(self._label(prompts.b_to_other))
        self.to_other: SheetTextField = text_field(
            self.tr("Type here (optional)…"), f"{party.name}: {prompts.b_to_other}", 56, 110)
        self.body.addWidget(self.to_other)

    @staticmethod
    def _label(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def show_feelings(self, feelings: tuple[str, ...]) -> None:
        for key, button in self.feeling_buttons.items():
            button.setChecked(key in feelings)

    def chosen_feelings(self) -> tuple[str, ...]:
        return tuple(k for k, b in self.feeling_buttons.items() if b.isChecked())


class PartyColumns(QWidget):
    """Two parties side by side when the width allows it, one under the other otherwise."""

    def __init__(self, columns: list[PartyReflection], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(10)
        self._per_row = 0
        self._place(1)

    def _place(self, per_row: int) -> None:
        if per_row == self._per_row:
            return
        self._per_row = per_row
        for column in self.columns:
            self._grid.removeWidget(column)
        for i, column in enumerate(self.columns):
            self._grid.addWidget(column, i // per_row, i % per_row)
        for col in range(2):
            self._grid.setColumnStretch(col, 1 if col < per_row else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        self._place(2 if event.size().width() >= SIDE_BY_SIDE_MIN and len(self.columns) > 1
                    else 1)
        super().resizeEvent(event)
