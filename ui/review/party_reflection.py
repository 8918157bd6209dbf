"""Part B of the gespreksblad for one party, in that party's colour and name: feelings as
checkable pictogram buttons (for people who find words hard), then the two optional texts "what
did this do to me" and "what did it do to the other". `PartyColumns` puts the parties side by
side and stacks them when there is no room for two."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QToolButton, QWidget

from vsr import method
from vsr.model import Party

from ..icons import pictogram
from ..widgets import MIN_TARGET, PartyFrame, text_field
from .sheet_fields import SheetTextField

SIDE_BY_SIDE_MIN = 520  # px: below this the party columns stack (each needs ~250 px)
FEELINGS_PER_ROW = 4


class PartyReflection(PartyFrame):
    """`feelings_toggled(feelings)` carries the feelings chosen now (after a click)."""

    feelings_toggled = Signal(tuple)

    def __init__(self, party: Party, parent: QWidget | None = None) -> None:
        super().__init__(party, parent)
        self.body.setContentsMargins(8, 5, 8, 6)
        self.body.setSpacing(4)
        prompts = method.sheet_prompts()
        # Compact, so A, B of both parties and C fit beside the video in Stap 2 at 1366x768:
        # the feelings in two rows of four, the two questions inside their empty fields (and
        # in their accessible names, so a screen reader still reads them once filled in).
        choose = self.tr("How did it feel? Choose one or more.")
        grid_box = FeelingGrid()
        c = QColor(party.color)
        tint = f"rgba({c.red()}, {c.green()}, {c.blue()}, 50)"
        self.feeling_buttons: dict[str, QToolButton] = {}
        for feeling in method.feelings():
            button = self._feeling_button(feeling.title, feeling.pictogram, party.color, tint)
            button.setToolTip(choose)
            button.setAccessibleName(self.tr("{name} feels: {feeling}")
                                     .format(name=party.name, feeling=feeling.title))
            button.setAccessibleDescription(choose)
            button.clicked.connect(lambda _on: self.feelings_toggled.emit(self.chosen_feelings()))
            self.feeling_buttons[feeling.key] = button
        grid_box.set_buttons(list(self.feeling_buttons.values()))
        self.body.addWidget(grid_box)
        self.to_me: SheetTextField = text_field(
            prompts.b_to_me, f"{party.name}: {prompts.b_to_me}", MIN_TARGET, 110)
        self.body.addWidget(self.to_me, 1)
        self.to_other: SheetTextField = text_field(
            prompts.b_to_other, f"{party.name}: {prompts.b_to_other}", MIN_TARGET, 110)
        self.body.addWidget(self.to_other, 1)

    @staticmethod
    def _feeling_button(title: str, picture: str, color: str, tint: str) -> QToolButton:
        button = QToolButton()
        button.setCheckable(True)
        button.setIcon(pictogram(picture))
        button.setIconSize(QSize(24, 24))
        button.setText(title)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        bold = QFont(button.font())
        bold.setBold(True)  # a chosen feeling is shown in bold: leave room for it
        button.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(title) + 12)
        button.setFixedHeight(50)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setStyleSheet(
            f"QToolButton {{ border: 1px solid #bbbbbb; border-radius: 6px; padding: 1px; }}"
            f" QToolButton:checked {{ background: {tint};"
            f" border: 3px solid {color}; font-weight: bold; }}")
        return button

    def show_feelings(self, feelings: tuple[str, ...]) -> None:
        for key, button in self.feeling_buttons.items():
            button.setChecked(key in feelings)

    def chosen_feelings(self) -> tuple[str, ...]:
        return tuple(k for k, b in self.feeling_buttons.items() if b.isChecked())


class FeelingGrid(QWidget):
    """The feeling buttons in rows of four, or of two when the column is narrow."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(4)
        self._buttons: list[QToolButton] = []
        self._per_row = 0

    def set_buttons(self, buttons: list[QToolButton]) -> None:
        self._buttons = buttons
        self._place(2)

    def _row_width(self, per_row: int) -> int:
        """The least width for `per_row` buttons a row: each column as wide as its widest."""
        columns = [max((b.minimumWidth() for b in self._buttons[c::per_row]), default=0)
                   for c in range(per_row)]
        return sum(columns) + (per_row - 1) * self._grid.spacing()

    def _place(self, per_row: int) -> None:
        if per_row == self._per_row:
            return
        self._per_row = per_row
        for button in self._buttons:
            self._grid.removeWidget(button)
        for n, button in enumerate(self._buttons):
            self._grid.addWidget(button, n // per_row, n % per_row)
        for col in range(FEELINGS_PER_ROW):
            self._grid.setColumnStretch(col, 1 if col < per_row else 0)
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(self._row_width(2), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        wide = event.size().width() >= self._row_width(FEELINGS_PER_ROW)
        self._place(FEELINGS_PER_ROW if wide else 2)
        super().resizeEvent(event)


class PartyColumns(QWidget):
    """Two parties side by side when the width allows it, one under the other otherwise."""

    def __init__(self, columns: Sequence[QWidget], parent: QWidget | None = None) -> None:
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
        self.updateGeometry()  # side by side needs less height: let the sheet know

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        # One under the other fits the narrowest room: never ask for the width of two.
        widest = max((c.minimumSizeHint().width() for c in self.columns), default=0)
        return QSize(widest, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        self._place(2 if event.size().width() >= SIDE_BY_SIDE_MIN and len(self.columns) > 1
                    else 1)
        super().resizeEvent(event)
