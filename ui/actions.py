"""The window's actions, registered by id (not wired in one giant function). Menus, toolbars and
buttons share one QAction each, so a shortcut works the same everywhere."""

from __future__ import annotations

from enum import Enum, auto

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

from ui.icons import icon


class ActionId(Enum):
    OPEN = auto()
    LOCATE = auto()
    NEW_REVIEW = auto()
    QUIT = auto()
    UNDO = auto()
    REDO = auto()
    DELETE_MARKER = auto()
    RENAME_PARTY = auto()
    ADD_PARTY = auto()
    PLAY_PAUSE = auto()
    BACK_5 = auto()
    FORWARD_5 = auto()
    FRAME_BACK = auto()
    FRAME_FORWARD = auto()
    SLOWER = auto()
    FASTER = auto()
    LOOP = auto()
    PAUSE_ON_MARK = auto()
    PREV_MARKER = auto()
    NEXT_MARKER = auto()
    ZOOM_IN = auto()
    ZOOM_OUT = auto()
    ZOOM_FIT = auto()
    LANG_NL = auto()
    LANG_EN = auto()
    ABOUT = auto()


def _tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


# id: (text, shortcut, icon, checkable)
def _specs() -> dict[ActionId, tuple[str, str | QKeySequence.StandardKey | None, str, bool]]:
    K = QKeySequence.StandardKey  # noqa: N806
    return {
        ActionId.OPEN: (_tr("&Open recording…"), K.Open, "open", False),
        ActionId.LOCATE: (_tr("&Locate recording…"), None, "open", False),
        ActionId.NEW_REVIEW: (_tr("&New review of this recording"), "Ctrl+Shift+N", "", False),
        ActionId.QUIT: (_tr("&Quit"), K.Quit, "", False),
        ActionId.UNDO: (_tr("&Undo"), K.Undo, "undo", False),
        ActionId.REDO: (_tr("&Redo"), K.Redo, "redo", False),
        ActionId.DELETE_MARKER: (_tr("&Delete moment"), "Ctrl+Del", "", False),
        ActionId.RENAME_PARTY: (_tr("&Names of the participants…"), None, "", False),
        ActionId.ADD_PARTY: (_tr("&Add participant (e.g. interpreter)…"), None, "", False),
        ActionId.PLAY_PAUSE: (_tr("Play / pause"), "Space", "play", False),
        ActionId.BACK_5: (_tr("Back 5 seconds"), "Left", "back5", False),
        ActionId.FORWARD_5: (_tr("Forward 5 seconds"), "Right", "forward5", False),
        ActionId.FRAME_BACK: (_tr("Previous frame"), ",", "frame-back", False),
        ActionId.FRAME_FORWARD: (_tr("Next frame"), ".", "frame-forward", False),
        ActionId.SLOWER: (_tr("Slower"), "[", "", False),
        ActionId.FASTER: (_tr("Faster"), "]", "", False),
        ActionId.LOOP: (_tr("Repeat the selected moment"), "L", "loop", True),
        ActionId.PAUSE_ON_MARK: (_tr("Pause when marking"), None, "", True),
        ActionId.PREV_MARKER: (_tr("Previous moment"), "Ctrl+Left", "", False),
        ActionId.NEXT_MARKER: (_tr("Next moment"), "Ctrl+Right", "", False),
        ActionId.ZOOM_IN: (_tr("Zoom in"), "Ctrl+=", "zoom-in", False),
        ActionId.ZOOM_OUT: (_tr("Zoom out"), "Ctrl+-", "zoom-out", False),
        ActionId.ZOOM_FIT: (_tr("Whole recording"), "Ctrl+0", "zoom-fit", False),
        ActionId.LANG_NL: ("Nederlands", None, "", True),
        ActionId.LANG_EN: ("English", None, "", True),
        ActionId.ABOUT: (_tr("&About vsr"), None, "", False),
    }


class ActionRegistry:
    def __init__(self, parent: QObject) -> None:
        self._actions: dict[ActionId, QAction] = {}
        for action_id, (text, shortcut, icon_name, checkable) in _specs().items():
            action = QAction(text, parent)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            if icon_name:
                action.setIcon(icon(icon_name))
            action.setCheckable(checkable)
            if shortcut is not None:
                action.setToolTip(f"{text.replace('&', '')} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
            self._actions[action_id] = action

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def all(self) -> list[QAction]:
        return list(self._actions.values())
