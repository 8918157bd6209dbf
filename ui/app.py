"""Starting the window program: the library, the language, the player, the main window."""

from __future__ import annotations

import argparse
import logging
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QProgressDialog

from vsr import __version__
from vsr.app_log import log_file, setup_logging
from vsr.desktop import APP_ID
from vsr.errors import VsrError
from vsr.i18n import LANGUAGES
from vsr.library import Library, open_library
from vsr.library import reviews as rv
from vsr.library.backups import restore_backup
from vsr.library.db import LibraryDamagedError

from .backup_dialog import ask_about_damage
from .bridge import LibraryBridge
from .crash_dialog import CrashReporter
from .dialogs import error_text, show_error
from .i18n import install_language, save_language, saved_language
from .icons import icon
from .main_window import MainWindow
from .operations import FAILURES
from .player.base import MediaPlayer
from .player.factory import create_player
from .start_page import RecentReview, read_recent
from .stepwise import Stepwise
from .workers import Task, start

EXIT_WAIT_MS = 10_000  # the longest the program waits at its end for work on the pool
FORGET_WAIT_MS = 1_000  # ... and for another program's write before merging the index
log = logging.getLogger(__name__)


def _args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="vsr-gui",
        description="vsr: look back together at a recorded conversation (video-stimulated "
        "recall for the Samenleergesprek). Opens the window.",
        epilog=f"The log is written to {log_file()}.")
    parser.add_argument("--version", action="version", version=f"vsr {__version__}")
    parser.add_argument("--open", metavar="FILE", help="open this recording")
    parser.add_argument("--review", type=int, metavar="ID", help="open this review")
    parser.add_argument("--library", metavar="PATH",
                        help="library file (default: VSR_LIBRARY or the user data folder)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the window (nl or en)")
    # For packagers (see README, "Standalone build"), so not in --help: drive the window through
    # demo, play, mark and PDF export, write DIR/self-test.json and exit 0 only if all passed.
    parser.add_argument("--self-test", metavar="DIR", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


class Application:
    """Owns the window so that a language change can rebuild it around the same review."""

    def __init__(self, app: QApplication, bridge: LibraryBridge, lang: str,
                 player_factory: Callable[[], MediaPlayer] = create_player) -> None:
        self.app, self.bridge, self.lang = app, bridge, lang
        self.player_factory = player_factory
        self.restoring: QProgressDialog | None = None  # while a backup is put back
        self.rebuilding: Stepwise | None = None  # the window built again after a restore
        self.window: MainWindow | None = None

    def build(self, review_id: int | None = None) -> MainWindow:
        install_language(self.lang)
        window = MainWindow(self.bridge, self.player_factory())
        window.language_change_requested.connect(self.change_language)
        window.restore_requested.connect(self.restore_library)
        if review_id is not None:
            window.open_review(review_id)
        # Where it was last time (also after a language change, which rebuilds the window:
        # the old one saved its place when it closed), fitted to this screen.
        window.show_restored(QSettings())
        self.window = window
        return window

    def start(self, review_id: int | None = None, open_path: Path | None = None) -> None:
        """Once the window shows: whether the audit log is intact, the retention check
        (expired material may go before anything opens), then the review or file asked for on
        the command line."""
        window = self.window
        assert window is not None
        window.check_audit_log()
        window.check_retention()
        if review_id is not None:
            window.open_review(review_id)
        if open_path is not None:
            window.open_file(open_path)

    def change_language(self, lang: str) -> None:
        """Rebuild the window in `lang` around the same review, playhead, moment and tab."""
        from .review.view_state import capture, restore  # with the review view: not at start

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


    def restore_library(self, backup: Path) -> None:
        """Put `backup` back: close the window and the library, restore, reopen both, and
        show the same review again if the backup has it. Everything that waits on the disk
        (closing the library, the copy and its checks, opening it again with its check and
        due backups, the start page's list) runs on a worker; then the window is built again
        in steps (`_rebuild`), so the window never stops answering for long."""
        old = self.window
        review = old.review_view.review if old is not None else None
        showing = old is not None and old.stack.currentWidget() is old.review_view
        # Shown before the window closes: the program never has no window (it would quit).
        self.restoring = QProgressDialog(
            QCoreApplication.translate("Backups", "Putting the backup back…"), "", 0, 0)
        self.restoring.setWindowTitle(QCoreApplication.translate("Backups", "Restore backup"))
        self.restoring.setCancelButton(None)  # type: ignore[arg-type]
        self.restoring.setMinimumDuration(0)
        self.restoring.show()
        if old is not None:
            old.close()  # what was being typed is saved (into the library the backup keeps)
            old.deleteLater()
        self.window = None
        lib = self.bridge.lib
        self.bridge.close()
        review_id = review.id if review is not None and showing else None
        # No Cancel: a restore stopped half-way would leave less than either library, and it
        # is over in seconds.
        task = Task(lambda _progress, _cancelled: restore_and_reopen(lib, backup, review_id))
        task.signals.done.connect(self._restored)
        task.signals.failed.connect(self._restored)
        start(task)

    def _restored(self, reopened: Reopened | BaseException) -> None:
        """The worker is done: build the window again, in steps."""
        if isinstance(reopened, BaseException):  # the library could not be opened: a bug
            self._close_progress()
            raise reopened
        self.bridge = LibraryBridge(reopened.lib)
        self.rebuilding = Stepwise(self._rebuild(reopened))
        self.rebuilding.failed.connect(self._rebuild_failed)
        self.rebuilding.start()

    def _rebuild(self, reopened: Reopened) -> Iterator[None]:
        """The window on the restored library, one part per event-loop turn (each part
        some 10-25 ms): the window with its start page (the list read on the worker), the
        review workspace's widgets, the review filled in, its Samenleergesprek panel. Until
        the last part the edit actions wait (disabled, the reason in the status bar) and the
        small window says the restore is still going on."""
        player = self.player_factory()
        yield
        window = MainWindow(self.bridge, player, recent=reopened.recent)
        window.language_change_requested.connect(self.change_language)
        window.restore_requested.connect(self.restore_library)
        window.wait_for_library(QCoreApplication.translate(
            "Backups", "The backup is back. The window is being opened again; you can "
                       "change things again in a moment."))
        self.window = window
        yield
        window.show_restored(QSettings())
        yield
        if reopened.review_id is not None:
            yield from window.build_review_view()  # the workspace's widgets, still empty
            view = window.review_view
            yield
            window.stack.setCurrentWidget(view)  # its first layout: a turn of its own
            yield
            if window.open_review(reopened.review_id):
                # Now, not after the first picture; started at once: the review's own timer
                # would build it in one go.
                yield from view.build_session_panel()
        message = error_text(reopened.failure) if reopened.failure is not None else ""
        window.library_ready()
        window.statusBar().showMessage(
            message or QCoreApplication.translate("Backups", "The backup was put back."),
            0 if message else 10_000)
        self._close_progress()
        self.rebuilding = None

    def _rebuild_failed(self, exc: BaseException) -> None:
        self._close_progress()
        self.rebuilding = None
        raise exc  # a real bug: the crash dialog, with the log

    def _close_progress(self) -> None:
        if self.restoring is not None:
            self.restoring.close()
            self.restoring.deleteLater()
            self.restoring = None


@dataclass(frozen=True)
class Reopened:
    """What the restore's worker hands back: the library opened again, why the restore
    failed (None: the backup was put back; on a failure the library is the one from before),
    the review to show again (None when the library has no such review) and the start page's
    list (None: it could not be read here; the window reads it and says why)."""

    lib: Library
    failure: BaseException | None
    review_id: int | None
    recent: list[RecentReview] | None


def restore_and_reopen(lib: Library, backup: Path, review_id: int | None) -> Reopened:
    """On a worker: close `lib`, put `backup` back in its place and open it again, then read
    what the window shows first. All of it waits on the disk: the close's checkpoint, the
    backup's full check and copy, the open's check and the daily and weekly backups that are
    due on a library that changed (two more copies of it)."""
    path = lib.path
    lib.close()
    failure: BaseException | None = None
    try:
        restore_backup(path, backup)
    except FAILURES as exc:  # said in the window; the library is the one from before
        failure = exc
    reopened = open_library(path)
    try:
        if review_id is not None and not any(r.id == review_id
                                             for r in rv.list_reviews(reopened)):
            review_id = None
        recent: list[RecentReview] | None = read_recent(reopened)
    except FAILURES:  # a damaged library, opened only to look: the window says what is wrong
        recent, review_id = None, None
    except BaseException:
        reopened.close()
        raise
    if review_id is not None:
        # Imported here, where nothing waits for it (the modules define classes only): the
        # first review of a run imports them on the UI thread, some 50 ms with the panel's.
        from .review import review_view  # noqa: F401
        from .samenleergesprek import panel  # noqa: F401
    return Reopened(reopened, failure, review_id, recent)


def open_checked(path: str | None) -> Library | None:
    """Open the library; when it is damaged ask to put the newest good backup back (or only
    look, read-only). None when it cannot be opened at all and nothing was put back."""
    try:
        lib = open_library(path)
    except LibraryDamagedError as exc:
        chosen = ask_about_damage(None, exc.path, exc.problem, can_view=False)
        if chosen is None:
            return None
        restore_backup(exc.path, chosen)
        return open_library(exc.path)
    if lib.damage is None:
        return lib
    chosen = ask_about_damage(None, lib.path, lib.damage, can_view=True)
    if chosen is None:
        return lib
    lib.close()
    restore_backup(lib.path, chosen)
    return open_library(lib.path)


def use_x11_for_vlc(environ: MutableMapping[str, str] | None = None) -> bool:
    """libVLC draws into a native X11 window; under Wayland Qt's own backend has none to give
    it, so on Linux the app runs through XWayland (xcb) unless the user chose a platform."""
    env: MutableMapping[str, str] = os.environ if environ is None else environ
    if (sys.platform.startswith("linux") and "QT_QPA_PLATFORM" not in env
            and env.get("WAYLAND_DISPLAY") and env.get("DISPLAY")):
        env["QT_QPA_PLATFORM"] = "xcb"
        return True
    return False


def set_identity() -> None:
    """The names the system knows the app by, before the QApplication exists. The desktop file
    name ties the windows to the installed nl.samenleerwijzer.vsr.desktop: Wayland compositors
    and taskbars take the icon and name from there and group the windows under it."""
    QCoreApplication.setOrganizationName("vsr")
    QCoreApplication.setApplicationName("vsr")
    QGuiApplication.setDesktopFileName(APP_ID)


def set_window_icon(app: QGuiApplication) -> None:
    """Every window's icon: the SVG, so the title bar, taskbar and task switcher each draw it
    sharp at their own size and pixel ratio."""
    app.setWindowIcon(icon("vsr"))


def _schedule_self_test(app: QApplication, shell: Application, out_dir: Path) -> None:
    """Once the event loop runs (the window is shown and takes input), run the self-test; its
    result is the exit status, so the window closing must not end the program first."""
    from .self_test import run_self_test  # only for packagers: not at a normal start

    app.setQuitOnLastWindowClosed(False)

    def run() -> None:
        assert shell.window is not None
        app.exit(run_self_test(shell.window, out_dir))

    QTimer.singleShot(0, run)


def main(argv: Sequence[str] | None = None) -> int:
    args = _args(list(sys.argv[1:] if argv is None else argv))
    use_x11_for_vlc()
    setup_logging()
    set_identity()
    app = QApplication(sys.argv[:1])
    set_window_icon(app)
    reporter = CrashReporter(app)
    reporter.install()
    lang = args.lang or saved_language()
    install_language(lang)
    try:
        lib = open_checked(args.library)
    except VsrError as exc:
        show_error(None, exc, critical=True)
        return 1
    if lib is None:
        return 1
    shell = Application(app, LibraryBridge(lib), lang)
    shell.build()
    QTimer.singleShot(0, lambda: shell.start(args.review, Path(args.open) if args.open else None))
    if args.self_test:
        _schedule_self_test(app, shell, Path(args.self_test))
    code = app.exec()
    # Work still running on the pool (a sound band, an import just started) would run on in
    # an interpreter that is ending, and could crash the program on its way out: wait for it
    # (bounded; every edit is already committed).
    QThreadPool.globalInstance().clear()
    QThreadPool.globalInstance().waitForDone(EXIT_WAIT_MS)
    shell.bridge.close()
    forget_at_exit(shell.bridge.lib)
    shell.bridge.lib.close()
    return int(code)


def forget_at_exit(lib: Library) -> None:
    """What this session deleted or typed over leaves the library's bytes (the search index
    keeps every saved version's words until it is merged: vsr.library.erasure). Waits at most
    a second for another program's write; then the next purge or window end does it."""
    if lib.read_only:
        return
    from vsr.library.erasure import forget

    try:
        forget(lib.path, wait_ms=FORGET_WAIT_MS)
    except (sqlite3.Error, OSError) as exc:
        log.info("search index not merged at exit: %s", exc)


if __name__ == "__main__":
    sys.exit(main())
