"""Help → Keyboard shortcuts (F1): every action that has a key, read from the live action registry
(so the list cannot go stale), grouped, plus the mark keys of the open review's participants."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vsr.model import Party

from .actions import ActionId, ActionRegistry


class Group(Enum):
    PLAYBACK = 0
    MARKING = 1
    NAVIGATION = 2
    EDITING = 3
    GENERAL = 4


# In the order they are listed. Actions not named here (new ones included) are listed under
# GENERAL in registry order, so none is ever missing.
GROUPS: dict[ActionId, Group] = {
    **dict.fromkeys((ActionId.PLAY_PAUSE, ActionId.SHUTTLE_BACK, ActionId.SHUTTLE_STOP,
                     ActionId.SHUTTLE_FORWARD, ActionId.SLOWER, ActionId.FASTER, ActionId.LOOP),
                    Group.PLAYBACK),
    **dict.fromkeys((ActionId.BACK_5, ActionId.FORWARD_5, ActionId.FRAME_BACK,
                     ActionId.FRAME_FORWARD, ActionId.GO_START, ActionId.GO_END,
                     ActionId.PREV_MARKER, ActionId.NEXT_MARKER, ActionId.ZOOM_IN,
                     ActionId.ZOOM_OUT, ActionId.ZOOM_FIT, ActionId.NEXT_TAB,
                     ActionId.PREV_TAB), Group.NAVIGATION),
    **dict.fromkeys((ActionId.UNDO, ActionId.REDO, ActionId.DELETE_MARKER,
                     ActionId.MARKER_TIME), Group.EDITING),
}
_ORDER = {action_id: index for index, action_id in enumerate(GROUPS)}
_AFTER_SHUTTLE = _ORDER[ActionId.SHUTTLE_FORWARD] + 0.5  # K+J / K+L right below J, K and L


@dataclass(frozen=True)
class ShortcutRow:
    group: Group
    keys: str  # as shown, e.g. "Ctrl+Z" or "1 / Ctrl+1"
    text: str
    order: float = 0.0  # within the group


def group_title(group: Group) -> str:
    return {
        Group.PLAYBACK: QCoreApplication.translate("ShortcutsDialog", "Playback"),
        Group.MARKING: QCoreApplication.translate("ShortcutsDialog", "Marking"),
        Group.NAVIGATION: QCoreApplication.translate("ShortcutsDialog",
                                                     "Moving through the recording"),
        Group.EDITING: QCoreApplication.translate("ShortcutsDialog", "Editing"),
        Group.GENERAL: QCoreApplication.translate("ShortcutsDialog", "General"),
    }[group]


def _native(sequence: QKeySequence | str) -> str:
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


def shortcut_rows(actions: ActionRegistry, parties: Sequence[Party]) -> list[ShortcutRow]:
    """Every action with a key, plus the key combinations that are not actions of their own."""
    rows: list[ShortcutRow] = []
    for index, action_id in enumerate(actions.ids()):
        keys = [s.toString(QKeySequence.SequenceFormat.NativeText)
                for s in actions[action_id].shortcuts() if not s.isEmpty()]
        if keys:
            rows.append(ShortcutRow(GROUPS.get(action_id, Group.GENERAL), " / ".join(keys),
                                    actions.label(action_id),
                                    _ORDER.get(action_id, len(_ORDER) + index)))
    k = _native("K")
    rows.append(ShortcutRow(Group.PLAYBACK, f"{k}+{_native('J')} / {k}+{_native('L')}",
                            QCoreApplication.translate("ShortcutsDialog",
                                                       "Hold K: one frame back / forward"),
                            _AFTER_SHUTTLE))
    rows += _mark_rows(parties)
    rows += _focus_rows()
    return sorted(rows, key=lambda r: (r.group.value, r.order))


def _focus_rows() -> list[ShortcutRow]:
    """Moving through the window and the timeline by keyboard (keys of the controls, not
    actions)."""
    late = len(_ORDER) + 100  # after the actions of their group
    rows = (
        (Group.GENERAL, f"Tab / {_native('Shift+Tab')}", -2,
         QCoreApplication.translate("ShortcutsDialog", "Next / previous button or field")),
        (Group.GENERAL, f"{_native('Space')} / {_native('Return')}", -1,
         QCoreApplication.translate(
             "ShortcutsDialog", "Press the button that has the focus (Space plays and pauses "
             "only when no button, list or field has the focus)")),
        (Group.NAVIGATION, f"{_native('Up')} / {_native('Down')}", late,
         QCoreApplication.translate("ShortcutsDialog", "In the timeline: previous / next moment")),
        (Group.NAVIGATION, _native("Return"), late + 1,
         QCoreApplication.translate("ShortcutsDialog", "In the timeline: open the moment")),
    )
    return [ShortcutRow(group, keys, words, order) for group, keys, order, words in rows]


def _mark_rows(parties: Sequence[Party]) -> list[ShortcutRow]:
    """The digit keys of the open review's participants: mark, and pause for them (they are
    shortcuts, not actions)."""
    if not parties:
        return [ShortcutRow(Group.MARKING, f"1, 2, … / {_native('Ctrl+1')}, …",
                            QCoreApplication.translate(
                                "ShortcutsDialog",
                                "Mark a moment for the first, second, … participant")),
                ShortcutRow(Group.MARKING, f"{_native('Alt+1')}, {_native('Alt+2')}, …",
                            QCoreApplication.translate(
                                "ShortcutsDialog", "Pause for the first, second, … participant"),
                            1)]
    marks = [ShortcutRow(Group.MARKING, f"{number} / {_native(f'Ctrl+{number}')}",
                         QCoreApplication.translate("ShortcutsDialog", "Mark a moment for {name}")
                         .format(name=party.name), number)
             for number, party in enumerate(parties[:9], start=1)]
    pauses = [ShortcutRow(Group.MARKING, _native(f"Alt+{number}"),
                          QCoreApplication.translate("ShortcutsDialog", "Pause for {name}")
                          .format(name=party.name), 10 + number)
              for number, party in enumerate(parties[:9], start=1)]
    return marks + pauses


class ShortcutsDialog(QDialog):
    def __init__(self, actions: ActionRegistry, parties: Sequence[Party],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.rows = shortcut_rows(actions, parties)
        intro = QLabel(self.tr("Letter keys, digits, Space, Home and End work when you are not "
                               "typing in a text field. In a text field they type as usual."))
        intro.setWordWrap(True)
        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setSpacing(24)
        self._key_labels: list[QLabel] = []
        for groups in self._columns():
            column = QVBoxLayout()
            for group in groups:
                column.addWidget(self._group_box(group))
            column.addStretch(1)
            columns.addLayout(column, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.setAccessibleName(self.tr("List of keys"))  # a Tab stop: arrows scroll it
        key_width = max(label.sizeHint().width() for label in self._key_labels)
        for label in self._key_labels:  # one key column width: the groups line up
            label.setMinimumWidth(key_width)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(900, 620)  # fits a 1366x768 screen with room for the taskbar

    def _columns(self) -> tuple[list[Group], list[Group]]:
        """Two columns of groups with about as many rows each, so nothing needs scrolling."""
        groups = [g for g in Group if any(r.group is g for r in self.rows)]
        sizes = {g: 1 + sum(r.group is g for r in self.rows) for g in groups}
        half = sum(sizes.values()) / 2
        left: list[Group] = []
        right: list[Group] = []
        left_size = 0
        for group in groups:
            if left_size + sizes[group] / 2 <= half:
                left.append(group)
                left_size += sizes[group]
            else:
                right.append(group)
        return left, right

    def _group_box(self, group: Group) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 12)
        grid.setHorizontalSpacing(12)
        title = QLabel(group_title(group))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)  # grows with the user's text size
        title.setFont(font)
        grid.addWidget(title, 0, 0, 1, 2)
        for line, row in enumerate((r for r in self.rows if r.group is group), start=1):
            keys = QLabel(row.keys)
            keys.setStyleSheet("font-family: monospace; background: #eef1f4; color: #1e2a33;"
                               " border: 1px solid #b8c2cc; border-radius: 4px; padding: 1px 6px;")
            keys.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._key_labels.append(keys)
            text = QLabel(row.text)
            text.setWordWrap(True)
            grid.addWidget(keys, line, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, line, 1)
        grid.setColumnStretch(1, 1)
        return box
