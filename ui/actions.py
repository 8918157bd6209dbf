"""The window's actions, registered by id (not wired in one giant function). Menus, toolbars and
buttons share one QAction each, so a shortcut works the same everywhere."""

from __future__ import annotations

from enum import Enum, auto

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

from .icons import icon


class ActionId(Enum):
    OPEN = auto()
    LOCATE = auto()
    NEW_REVIEW = auto()
    EXPORT_SUMMARY = auto()
    QUIT = auto()
    UNDO = auto()
    REDO = auto()
    DELETE_MARKER = auto()
    MARKER_TIME = auto()
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
    CONSENT = auto()
    COLLECTIONS = auto()
    AUDIT_LOG = auto()
    PURGE = auto()
    PAUSE_WHILE_TYPING = auto()
    SHUTTLE_BACK = auto()
    SHUTTLE_STOP = auto()
    SHUTTLE_FORWARD = auto()
    GO_START = auto()
    GO_END = auto()
    SHORTCUTS = auto()
    BACKUPS = auto()
    IMPORT_EAF = auto()
    EXPORT_EAF = auto()
    EXPORT_VTT = auto()
    EXPORT_SRT = auto()
    EXPORT_CSV = auto()
    SEARCH = auto()
    SHARE_PACKAGE = auto()
    OPEN_PACKAGE = auto()
    TRANSCRIBE = auto()
    NAME_VOICES = auto()
    NEXT_TAB = auto()
    PREV_TAB = auto()


Keys = str | QKeySequence.StandardKey | tuple[str, ...] | None


# id: (text, shortcut(s), icon, checkable)
def _specs() -> dict[ActionId, tuple[str, Keys, str, bool]]:
    K = QKeySequence.StandardKey  # noqa: N806
    return {
        ActionId.OPEN: (QCoreApplication.translate("Actions", "&Open recording…"), K.Open, "open", False),
        ActionId.LOCATE: (QCoreApplication.translate("Actions", "&Locate recording…"), None, "open", False),
        ActionId.NEW_REVIEW: (QCoreApplication.translate("Actions", "&New review of this recording"), "Ctrl+Shift+N", "", False),
        ActionId.EXPORT_SUMMARY: (QCoreApplication.translate("Actions", "&Export learning summary…"), "Ctrl+E", "export", False),
        ActionId.IMPORT_EAF: (QCoreApplication.translate("Actions", "Import ELAN file…"), None, "", False),
        ActionId.EXPORT_EAF: (QCoreApplication.translate("Actions", "ELAN file (.eaf)…"), None, "", False),
        ActionId.EXPORT_VTT: (QCoreApplication.translate("Actions", "WebVTT subtitles (.vtt)…"), None, "", False),
        ActionId.EXPORT_SRT: (QCoreApplication.translate("Actions", "SRT subtitles (.srt)…"), None, "", False),
        ActionId.EXPORT_CSV: (QCoreApplication.translate("Actions", "Spreadsheet (.csv)…"), None, "", False),
        ActionId.QUIT: (QCoreApplication.translate("Actions", "&Quit"), K.Quit, "", False),
        ActionId.UNDO: (QCoreApplication.translate("Actions", "&Undo"), K.Undo, "undo", False),
        ActionId.REDO: (QCoreApplication.translate("Actions", "&Redo"), K.Redo, "redo", False),
        ActionId.DELETE_MARKER: (QCoreApplication.translate("Actions", "&Delete moment"), "Ctrl+Del", "", False),
        ActionId.MARKER_TIME: (QCoreApplication.translate("Actions", "Change the moment's &time…"), "F2", "", False),
        ActionId.RENAME_PARTY: (QCoreApplication.translate("Actions", "&Names of the participants…"), None, "", False),
        ActionId.ADD_PARTY: (QCoreApplication.translate("Actions", "&Add participant (e.g. interpreter)…"), None, "", False),
        ActionId.PLAY_PAUSE: (QCoreApplication.translate("Actions", "Play / pause"), "Space", "play", False),
        ActionId.BACK_5: (QCoreApplication.translate("Actions", "Back 5 seconds"), "Left", "back5", False),
        ActionId.FORWARD_5: (QCoreApplication.translate("Actions", "Forward 5 seconds"), "Right", "forward5", False),
        ActionId.FRAME_BACK: (QCoreApplication.translate("Actions", "Previous frame"), ",", "frame-back", False),
        ActionId.FRAME_FORWARD: (QCoreApplication.translate("Actions", "Next frame"), ".", "frame-forward", False),
        ActionId.SLOWER: (QCoreApplication.translate("Actions", "Slower"), "[", "", False),
        ActionId.FASTER: (QCoreApplication.translate("Actions", "Faster"), "]", "", False),
        ActionId.LOOP: (QCoreApplication.translate("Actions", "Repeat the selected moment"), "R", "loop", True),
        ActionId.PAUSE_ON_MARK: (QCoreApplication.translate("Actions", "Pause when marking"), None, "", True),
        ActionId.PREV_MARKER: (QCoreApplication.translate("Actions", "Previous moment"), "Ctrl+Left", "", False),
        ActionId.NEXT_MARKER: (QCoreApplication.translate("Actions", "Next moment"), "Ctrl+Right", "", False),
        ActionId.ZOOM_IN: (QCoreApplication.translate("Actions", "Zoom in"), "Ctrl+=", "zoom-in", False),
        ActionId.ZOOM_OUT: (QCoreApplication.translate("Actions", "Zoom out"), "Ctrl+-", "zoom-out", False),
        ActionId.ZOOM_FIT: (QCoreApplication.translate("Actions", "Whole recording"), "Ctrl+0", "zoom-fit", False),
        ActionId.LANG_NL: ("Nederlands", None, "", True),
        ActionId.LANG_EN: ("English", None, "", True),
        ActionId.ABOUT: (QCoreApplication.translate("Actions", "&About vsr"), None, "", False),
        ActionId.CONSENT: (QCoreApplication.translate("Actions", "&Consent…"), None, "", False),
        ActionId.COLLECTIONS: (QCoreApplication.translate("Actions", "Clip &collections…"), None, "", False),
        ActionId.AUDIT_LOG: (QCoreApplication.translate("Actions", "Audit &log…"), None, "", False),
        ActionId.PURGE: (QCoreApplication.translate("Actions", "Delete &expired material…"), None, "", False),
        ActionId.PAUSE_WHILE_TYPING: (QCoreApplication.translate("Actions", "Pause while typing"), None, "", True),
        ActionId.SHUTTLE_BACK: (QCoreApplication.translate("Actions", "Rewind (again: faster)"), "J", "", False),
        ActionId.SHUTTLE_STOP: (QCoreApplication.translate("Actions", "Pause"), "K", "", False),
        ActionId.SHUTTLE_FORWARD: (QCoreApplication.translate("Actions", "Play (again: faster)"), "L", "", False),
        ActionId.GO_START: (QCoreApplication.translate("Actions", "Go to the start"), "Home", "", False),
        ActionId.GO_END: (QCoreApplication.translate("Actions", "Go to the end"), "End", "", False),
        ActionId.SHORTCUTS: (QCoreApplication.translate("Actions", "&Keyboard shortcuts"), "F1", "", False),
        ActionId.BACKUPS: (QCoreApplication.translate("Actions", "&Backups…"), None, "", False),
        ActionId.SEARCH: (QCoreApplication.translate("Actions", "&Search all reviews…"), "Ctrl+F", "", False),
        ActionId.SHARE_PACKAGE: (QCoreApplication.translate("Actions", "&Share review (package)…"), None, "", False),
        ActionId.OPEN_PACKAGE: (QCoreApplication.translate("Actions", "Open &package…"), None, "", False),
        ActionId.TRANSCRIBE: (QCoreApplication.translate("Actions", "&Write down what was said"), None, "", False),
        ActionId.NAME_VOICES: (QCoreApplication.translate("Actions", "Who is who in what was said…"), None, "", False),
        # As in every Qt program with tabs; from anywhere in the window, not only the tab bar.
        ActionId.NEXT_TAB: (QCoreApplication.translate("Actions", "Next tab (Moments / Samenleergesprek)"),
                            ("Ctrl+Tab", "Ctrl+PgDown"), "", False),
        ActionId.PREV_TAB: (QCoreApplication.translate("Actions", "Previous tab"),
                            ("Ctrl+Shift+Tab", "Ctrl+PgUp"), "", False),
    }


class ActionRegistry:
    def __init__(self, parent: QObject) -> None:
        self._actions: dict[ActionId, QAction] = {}
        self._labels: dict[ActionId, str] = {}
        for action_id, (text, shortcut, icon_name, checkable) in _specs().items():
            self._labels[action_id] = text.replace("&", "")
            action = QAction(text, parent)
            if isinstance(shortcut, tuple):
                action.setShortcuts([QKeySequence(keys) for keys in shortcut])
            elif shortcut is not None:
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

    def ids(self) -> list[ActionId]:
        return list(self._actions)

    def label(self, action_id: ActionId) -> str:
        """The action's name as registered (an action's text may change, e.g. Play → Pause)."""
        return self._labels[action_id]
