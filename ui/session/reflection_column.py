"""Part B of the gespreksblad for one party, in that party's colour and name: feelings as
pictogram buttons (for people who find words hard), then optional text for "what did this do
to me" and "what did it do to the other"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QLabel, QToolButton, QWidget

from ui.icons import pictogram
from ui.review.sheet_fields import SheetTextField
from ui.widgets import PartyFrame, load_quietly, text_field
from vsr import method
from vsr.model import Party, PartyReflection

FEELING_COLUMNS = 4


class ReflectionColumn(PartyFrame):
    def __init__(self, party: Party, lang: str, *,
                 save_text: Callable[[str, str], None],
                 save_feelings: Callable[[tuple[str, ...]], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(party, parent)
        prompts = method.sheet_prompts(lang)
        self._save_feelings = save_feelings
        self.body.addWidget(QLabel(self.tr("How did it feel? (choose one or more)")))
        grid = QGridLayout()
        grid.setSpacing(4)
        c = QColor(party.color)
        tint = f"rgba({c.red()}, {c.green()}, {c.blue()}, 50)"
        self.feeling_buttons: dict[str, QToolButton] = {}
        for i, feeling in enumerate(method.feelings(lang)):
            button = QToolButton()
            button.setCheckable(True)
            button.setIcon(pictogram(feeling.pictogram))
            button.setIconSize(QSize(32, 32))
            button.setText(feeling.title)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setFixedSize(96, 70)
            button.setAccessibleName(self.tr("{name} feels: {feeling}")
                                     .format(name=party.name, feeling=feeling.title))
            button.setStyleSheet(
                f"QToolButton {{ border: 1px solid #bbbbbb; border-radius: 6px; padding: 2px; }}"
                f" QToolButton:checked {{ background: {tint};"
                f" border: 3px solid {party.color}; font-weight: bold; }}")
            button.toggled.connect(lambda _on: self._feelings_changed())
            grid.addWidget(button, i // FEELING_COLUMNS, i % FEELING_COLUMNS)
            self.feeling_buttons[feeling.key] = button
        self.body.addLayout(grid)
        self.body.addWidget(QLabel(prompts.b_to_me))
        self.to_me: SheetTextField = text_field(
            self.tr("Type here (optional)…"), f"{party.name}: {prompts.b_to_me}", 56, 96)
        self.to_me.edited.connect(lambda _old, new: save_text("to_me", new))
        self.body.addWidget(self.to_me)
        self.body.addWidget(QLabel(prompts.b_to_other))
        self.to_other: SheetTextField = text_field(
            self.tr("Type here (optional)…"), f"{party.name}: {prompts.b_to_other}", 56, 96)
        self.to_other.edited.connect(lambda _old, new: save_text("to_other", new))
        self.body.addWidget(self.to_other)

    def load(self, reflection: PartyReflection) -> None:
        load_quietly(self.to_me, reflection.to_me)
        load_quietly(self.to_other, reflection.to_other)
        for key, button in self.feeling_buttons.items():
            button.blockSignals(True)
            button.setChecked(key in reflection.feelings)
            button.blockSignals(False)

    def chosen_feelings(self) -> tuple[str, ...]:
        return tuple(k for k, b in self.feeling_buttons.items() if b.isChecked())

    def _feelings_changed(self) -> None:
        self._save_feelings(self.chosen_feelings())

    def flush(self) -> None:
        self.to_me.flush()
        self.to_other.flush()
