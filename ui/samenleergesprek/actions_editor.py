"""The action items of Stap 3 as rows: what, who (a party or together), by when, done, remove.
Each change is saved at once."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vsr import samenleergesprek as ss
from vsr.samenleergesprek.model import TOGETHER, ActionItem, Who

from ..buddy_label import labelled
from ..date_fields import DueDateEdit
from ..review.sheet_fields import SAVE_DELAY_MS
from ..widgets import MIN_TARGET, big_button
from .context import SessionContext


class ActionRow(QObject):
    """The widgets of one action item."""

    def __init__(self, editor: ActionsEditor, action: ActionItem) -> None:
        super().__init__(editor)
        self.id = action.id
        n = action.position + 1
        self.what = QLineEdit(action.what)
        self.what.setPlaceholderText(self.tr("What will we do?"))
        self.what.setMinimumHeight(MIN_TARGET)
        self.what.setAccessibleName(self.tr("Action {n}: what").format(n=n))
        self._saved_what = action.what
        self._editor = editor
        # Saved shortly after typing stops and when leaving the field, not on every key.
        self._timer = QTimer(self.what)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_what)
        self.what.textEdited.connect(lambda _t: self._timer.start())
        self.what.editingFinished.connect(self.save_what)
        self.who = QComboBox()
        self.who.setMinimumHeight(MIN_TARGET)
        self.who.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.who.setMinimumContentsLength(10)
        self.who.setAccessibleName(self.tr("Action {n}: who").format(n=n))
        self.who.addItem(self.tr("Together"), TOGETHER)
        for party in editor.ctx.parties():
            self.who.addItem(party.name, party.id)
        self.who.setCurrentIndex(max(0, self.who.findData(action.who)))
        self.who.activated.connect(lambda i: editor.update(self.id, who=self.who.itemData(i)))
        self.due = DueDateEdit()
        self.due.setMinimumHeight(MIN_TARGET)
        self.due.setAccessibleName(self.tr("Action {n}: by when").format(n=n))
        self.due.set_value(date.fromisoformat(action.due) if action.due else None)
        self.due.dateChanged.connect(lambda _d: editor.set_due(self.id, self.due.value()))
        self.done = QCheckBox(self.tr("Done"))
        self.done.setMinimumHeight(MIN_TARGET)
        self.done.setStyleSheet("QCheckBox::indicator { width: 24px; height: 24px; }")
        self.done.setChecked(action.done)
        self.done.setAccessibleName(self.tr("Action {n}: done").format(n=n))
        self.done.toggled.connect(lambda on: editor.update(self.id, done=on))
        self.remove = QPushButton("✕")
        self.remove.setMinimumSize(MIN_TARGET, MIN_TARGET)
        self.remove.setToolTip(self.tr("Remove this action"))
        self.remove.setAccessibleName(self.tr("Remove action {n}").format(n=n))
        self.remove.clicked.connect(lambda: editor.remove(self.id))

    def save_what(self) -> None:
        self._timer.stop()
        if self.what.text() != self._saved_what:
            self._saved_what = self.what.text()
            self._editor.update(self.id, what=self._saved_what)

    def widgets(self) -> list[QWidget]:
        return [self.what, self.who, self.due, self.done, self.remove]

    def place(self, grid: QGridLayout, first_row: int) -> None:
        """Two lines per action, so Stap 3 fits beside the video at the window's minimum:
        what (and remove), then who, by when and done."""
        grid.addWidget(self.what, first_row, 0, 1, 3)
        grid.addWidget(self.remove, first_row, 3)
        grid.addWidget(labelled(self.who, self.tr("Who:")), first_row + 1, 0)
        grid.addWidget(self.due, first_row + 1, 1)
        grid.addWidget(self.done, first_row + 1, 2, 1, 2)


class ActionsEditor(QWidget):
    def __init__(self, ctx: SessionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        layout.addLayout(self.grid)
        self.empty = QLabel(self.tr("No actions yet."))
        self.empty.setStyleSheet("color: #555555;")
        layout.addWidget(self.empty)
        self.add_button = big_button(self.tr("+ Add an action"))
        self.add_button.clicked.connect(self.add)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.rows: list[ActionRow] = []

    def refresh(self) -> None:
        actions = ss.get_session(self.ctx.lib, self.ctx.review_id).actions
        focused = self.focusWidget() if self.isAncestorOf(self.focusWidget()) else None
        if focused is not None and [a.id for a in actions] == [r.id for r in self.rows]:
            return  # someone is typing here; the rows are still the same ones
        self.flush()
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        for old_row in self.rows:
            old_row.deleteLater()
        self.rows = [ActionRow(self, a) for a in actions]
        for r, row in enumerate(self.rows):
            row.place(self.grid, 3 * r)
            if r:  # a little air between two actions
                self.grid.setRowMinimumHeight(3 * r - 1, 8)
        self.empty.setVisible(not actions)

    def add(self) -> None:
        self.ctx.run(lambda: ss.add_action(self.ctx.lib, self.ctx.review_id, initiator=self))
        self.refresh()
        if self.rows:
            self.rows[-1].what.setFocus()

    def update(self, action_id: int, *, what: str | None = None, who: Who | None = None,
               done: bool | None = None) -> None:
        self.ctx.run(lambda: ss.update_action(self.ctx.lib, action_id, what=what, who=who,
                                              done=done, initiator=self))

    def set_due(self, action_id: int, day: date | None) -> None:
        if day is None:  # "no date" is saved as no date, never as the box's minimum
            self.ctx.run(lambda: ss.update_action(self.ctx.lib, action_id, clear_due=True,
                                                  initiator=self))
        else:
            self.ctx.run(lambda: ss.update_action(self.ctx.lib, action_id, due=day,
                                                  initiator=self))

    def remove(self, action_id: int) -> None:
        self.ctx.run(lambda: ss.remove_action(self.ctx.lib, action_id, initiator=self))
        self.refresh()

    def flush(self) -> None:
        for row in self.rows:
            row.save_what()
