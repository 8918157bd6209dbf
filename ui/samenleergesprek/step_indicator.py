"""Where we are in the Samenleergesprek: Afspraken · Stap 1 · Stap 2 · Stap 3. The steps are
buttons too, so people can jump back (and forward, when the step can be entered)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from vsr.samenleergesprek.model import SessionStep

from ..fitting import FittingButton
from ..widgets import MIN_TARGET

_ACTIVE = ("QPushButton { background: #1f4e79; color: white; border-radius: 18px;"
           " padding: 6px 10px; font-weight: bold; }")
_DONE = ("QPushButton { background: #dbe8f4; color: #1f4e79; border-radius: 18px;"
         " padding: 6px 10px; }")
_TODO = ("QPushButton { background: white; color: #444444; border: 1px solid #aaaaaa;"
         " border-radius: 18px; padding: 6px 10px; }")


class StepIndicator(QWidget):
    step_clicked = Signal(object)  # SessionStep

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        # Long and short labels: the short ones when the panel is narrow (beside the video).
        labels = {
            SessionStep.RULES: (self.tr("Agreements"), ""),
            SessionStep.MOMENTS: (self.tr("Step 1 · Choose"), self.tr("Step 1")),
            SessionStep.DISCUSS: (self.tr("Step 2 · Talk"), self.tr("Step 2")),
            SessionStep.CLOSING: (self.tr("Step 3 · Close"), self.tr("Step 3")),
        }
        self.buttons: dict[SessionStep, FittingButton] = {}
        for step, (text, short) in labels.items():
            button = FittingButton(text, short)
            button.setMinimumHeight(MIN_TARGET - 6)
            button.setAccessibleName(text)
            button.clicked.connect(lambda _=False, s=step: self.step_clicked.emit(s))
            row.addWidget(button)
            self.buttons[step] = button
        self.set_step(SessionStep.RULES)

    def set_step(self, current: SessionStep) -> None:
        for step, button in self.buttons.items():
            if step == current:
                button.setStyleSheet(_ACTIVE)
                button.setAccessibleDescription(self.tr("current step"))
            else:
                button.setStyleSheet(_DONE if step.order < current.order else _TODO)
                button.setAccessibleDescription("")
