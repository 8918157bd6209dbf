"""Starting the window program: the library, the language, the player, the main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, MutableMapping, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.bridge import LibraryBridge
from ui.i18n import install_language, save_language, saved_language
from ui.icons import icon
from ui.main_window import MainWindow
from ui.player.base import MediaPlayer
from ui.player.factory import create_player
from vsr.errors import VsrError
from vsr.i18n import LANGUAGES
from vsr.library import open_library


def _args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="vsr-gui")
    parser.add_argument("--open", metavar="FILE")
    parser.add_argument("--review", type=int)
    parser.add_argument("--library", metavar="PATH")
    parser.add_argument("--lang", choices=LANGUAGES)
    return parser.parse_args(argv)


class Application:
    """Owns the window so that a language change can rebuild it around the same review."""

    def __init__(self, app: QApplication, bridge: LibraryBridge, lang: str,
                 player_factory: Callable[[], MediaPlayer] = create_player) -> None:
        self.app, self.bridge, self.lang = app, bridge, lang
        self.player_factory = player_factory
        self.window: MainWindow | None = None

    def build(self, review_id: int | None = None) -> MainWindow:
        install_language(self.lang)
        window = MainWindow(self.bridge, self.player_factory(), self.lang)
        window.language_change_requested.connect(self.change_language)
        if review_id is not None:
            window.open_review(review_id)
        # Where it was last time (also after a language change, which rebuilds the window:
        # the old one saved its place when it closed), fitted to this screen.
        window.show_restored(QSettings())
        self.window = window
        return window

    def start(self, review_id: int | None = None, open_path: Path | None = None) -> None:
        """Once the window shows: first the retention check (expired material may go before
        anything opens), then the review or file asked for on the command line."""
        window = self.window
        assert window is not None
        window.check_retention()
        if review_id is not None:
            window.open_review(review_id)
        if open_path is not None:
            window.open_file(open_path)

    def change_language(self, lang: str) -> None:
        """Rebuild the window in `lang` around the same review, playhead, moment and tab."""
        from ui.review.view_state import capture, restore  # with the review view: not at start

        old = self.window
        showing_review = old is not None and old.showing_review()
        state = capture(old.review_view) if old is not None and showing_review else None
        save_language(lang)
        self.lang = lang
        if old is not None:
            old.close()
            old.deleteLater()
        window = self.build(state.review_id if state else None)
        if state is not None and window.review_view.review is not None:
            restore(window.review_view, state)


def use_x11_for_vlc(environ: MutableMapping[str, str] | None = None) -> bool:
    """libVLC draws into a native X11 window; under Wayland Qt's own backend has none to give
    it, so on Linux the app runs through XWayland (xcb) unless the user chose a platform."""
    env: MutableMapping[str, str] = os.environ if environ is None else environ
    if (sys.platform.startswith("linux") and "QT_QPA_PLATFORM" not in env
            and env.get("WAYLAND_DISPLAY") and env.get("DISPLAY")):
        env["QT_QPA_PLATFORM"] = "xcb"
        return True
    return False


def main(argv: Sequence[str] | None = None) -> int:
    args = _args(list(sys.argv[1:] if argv is None else argv))
    use_x11_for_vlc()
    logging.basicConfig(level=logging.WARNING)
    QCoreApplication.setOrganizationName("vsr")
    QCoreApplication.setApplicationName("vsr")
    app = QApplication(sys.argv[:1])
    app.setWindowIcon(icon("vsr"))
    lang = args.lang or saved_language()
    install_language(lang)
    try:
        lib = open_library(args.library)
    except VsrError as exc:
        QMessageBox.critical(None, "vsr", exc.message(lang))
        return 1
    bridge = LibraryBridge(lib)
    shell = Application(app, bridge, lang)
    shell.build()
    QTimer.singleShot(0, lambda: shell.start(args.review, Path(args.open) if args.open else None))
    code = app.exec()
    bridge.close()
    lib.close()
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
