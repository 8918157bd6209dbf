"""The team library's entries in the File menu: "Share with team…" (for the open review),
"Shared with me…" and "Team library settings…". One hook in the main window: `install`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ..dialogs import inform

if TYPE_CHECKING:
    from ..main_window import MainWindow
    from .received_dialog import ReceivedDialog, Started


def install(window: MainWindow, menu: QMenu) -> tuple[QAction, QAction, QAction]:
    """Add the three actions to `menu`; the share action is only enabled with a review open."""
    share = QAction(QCoreApplication.translate("Team", "Share with team…"), window)
    share.triggered.connect(lambda: share_open_review(window))
    received = QAction(QCoreApplication.translate("Team", "Shared with me…"), window)
    received.triggered.connect(lambda: show_received(window))
    settings = QAction(QCoreApplication.translate("Team", "Team library settings…"), window)
    settings.triggered.connect(lambda: show_settings(window))
    for action in (share, received, settings):
        menu.addAction(action)
    return share, received, settings


def share_open_review(window: MainWindow) -> None:
    from .share_dialog import ShareDialog

    review = window.review_view.review if window.showing_review() else None
    if review is None:
        inform(window, QCoreApplication.translate("Team", "Share with team"),
               QCoreApplication.translate("Team", "Open a review first; then share it with your team."))
        return
    window.review_view.sheet.flush()  # what was just typed goes along
    ShareDialog(window.bridge.lib, review.id, window).exec()


def show_received(window: MainWindow) -> None:
    received_dialog(window).exec()


def received_dialog(window: MainWindow) -> ReceivedDialog:
    """"Shared with me", its Open wired to the window: the review opens and plays at once."""
    from .received_dialog import ReceivedDialog

    dialog = ReceivedDialog(Path(window.bridge.lib.path), window, lib=window.bridge.lib)
    dialog.started.connect(lambda started: _play(window, started))
    return dialog


def _play(window: MainWindow, started: Started) -> None:
    """Open the received review; its recording plays at once (from the team's store while it
    is put on this computer: ui.team.playback)."""
    from .playback import play_received

    started.taken = True
    play_received(window, started.arriving, started.server, started.url)


def show_settings(window: MainWindow) -> None:
    from .settings import TeamSettingsDialog

    TeamSettingsDialog(window).exec()
