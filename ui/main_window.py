"""The main window: menus, the start page or the open review, opening files and reviews."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QRect, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from vsr import __version__
from vsr.errors import NotFoundError, VsrError
from vsr.i18n import current_language, translate
from vsr.library import recordings as rc
from vsr.library import reviews as rv

from .accessibility_announce import announce
from .accessibility_contrast import install_system_colours, readable_selection
from .accessibility_focus import install_focus_ring
from .accessibility_keys import install_keyboard_guard
from .actions import ActionId, ActionRegistry
from .bridge import LibraryBridge
from .dialogs import ask_media_file, error_text, inform, show_error, warn
from .icons import icon
from .interop import menu as interop_menu
from .operations import UndoStack, in_box, perform
from .party_dialog import PartyNamesDialog
from .player.base import MediaPlayer
from .small_screen import ScreenFittingArea, install_small_screen_support
from .start_page import RecentReview, StartPage
from .stepwise import Building, Stepwise, turn
from .team import menu as team_menu
from .window_geometry import save_rect, saved_rect, screen_area

if TYPE_CHECKING:
    from vsr.model import ProbeResult

    from .review.review_view import ReviewView

REVIEW_ONLY = (
    ActionId.LOCATE, ActionId.NEW_REVIEW, ActionId.EXPORT_SUMMARY, ActionId.DELETE_MARKER,
    ActionId.MARKER_TIME,
    ActionId.RENAME_PARTY,
    ActionId.ADD_PARTY, ActionId.PLAY_PAUSE, ActionId.BACK_5, ActionId.FORWARD_5,
    ActionId.FRAME_BACK, ActionId.FRAME_FORWARD, ActionId.SLOWER, ActionId.FASTER, ActionId.LOOP,
    ActionId.PAUSE_ON_MARK, ActionId.PREV_MARKER, ActionId.NEXT_MARKER, ActionId.ZOOM_IN,
    ActionId.ZOOM_OUT, ActionId.ZOOM_FIT, ActionId.CONSENT,
    ActionId.SHUTTLE_BACK, ActionId.SHUTTLE_STOP, ActionId.SHUTTLE_FORWARD, ActionId.GO_START,
    ActionId.GO_END, ActionId.IMPORT_EAF, ActionId.EXPORT_EAF, ActionId.EXPORT_VTT,
    ActionId.EXPORT_SRT, ActionId.EXPORT_CSV, ActionId.SHARE_PACKAGE, ActionId.TRANSCRIBE,
    ActionId.NAME_VOICES, ActionId.NEXT_TAB, ActionId.PREV_TAB,
)
# Actions that change the library: off while the library is only looked at ("Alleen
# bekijken", a damaged library opened read-only), where every write would be refused.
EDIT_ACTIONS = (
    ActionId.OPEN, ActionId.NEW_REVIEW, ActionId.DELETE_MARKER, ActionId.MARKER_TIME, ActionId.RENAME_PARTY,
    ActionId.ADD_PARTY, ActionId.PAUSE_ON_MARK, ActionId.IMPORT_EAF, ActionId.OPEN_PACKAGE,
    ActionId.PURGE, ActionId.NAME_VOICES,
)
OFFER_TRANSCRIPT_KEY = "transcript.offer_after_import"  # "never" once the user said so
# The start page idles this long after the window first shows before the review workspace is
# prepared (its modules imported on a worker, then built): start-up itself never waits for it.
PREPARE_REVIEW_AFTER_MS = 150
# What opening a review imports, imported on a worker beforehand: the workspace, and what its
# first open asks for (the team's playback check and its modules, the sound envelope's reader,
# the speech model check behind the transcript offer: 13 modules, 50-85 ms on the UI thread
# when the first review of a session was opened).
REVIEW_MODULES = (f"{__package__}.review.review_view", f"{__package__}.team.playback",
                  "vsr.team.received", "vsr.team.sharing", "vsr.sealed_stream",
                  "vsr.media.envelope", "vsr.media.probe", "vsr.transcript.speech_model")
EXPORT_AS = {ActionId.EXPORT_EAF: "eaf", ActionId.EXPORT_VTT: "vtt", ActionId.EXPORT_SRT: "srt",
             ActionId.EXPORT_CSV: "csv"}


def _read_recording_file(path: Path) -> tuple[Path, ProbeResult, str]:
    """On a worker: probe and fingerprint the file, and load Babel's words for dates, with
    which the new recording's title is worded next on the UI thread (about 60 ms there)."""
    from datetime import date

    from vsr.dates import long_date

    read = rc.read_recording_file(path)
    long_date(date.today())
    return read


class MainWindow(QMainWindow):
    language_change_requested = Signal(str)
    restore_requested = Signal(object)  # the backup (Path) to put back; the Application does it

    def __init__(self, bridge: LibraryBridge, player: MediaPlayer,
                 parent: QWidget | None = None, *,
                 recent: list[RecentReview] | None = None) -> None:
        """`recent`: the start page's list when it was read already (on a worker: a restore
        reopens the window with it); None reads it here."""
        super().__init__(parent)
        install_keyboard_guard()  # it follows the focus from the first focused widget on
        install_focus_ring()
        install_system_colours()  # only when the system asks for high contrast
        readable_selection()  # a chosen row's text at 4.5:1 (Qt's own blue is 3.7:1)
        install_small_screen_support()  # focus scrolled into view, dialogs fitted to the screen
        self.bridge, self.player = bridge, player
        self._settings: QSettings | None = None  # where show_restored found the layout
        self._reading_file = False  # open_file is reading a file on a worker
        # Why the edit actions wait (the window is being rebuilt on a restored library, see
        # wait_for_library); "" when they do not.
        self._waiting = ""
        self.setWindowTitle("vsr")
        self.setWindowIcon(icon("vsr"))
        self.setAcceptDrops(True)
        self.undo = UndoStack(self)
        self.actions = ActionRegistry(self)
        self.addActions(self.actions.all())
        self.start_page = StartPage()
        self._review_view: ReviewView | None = None  # built when a review is first opened
        self._preparing = False  # its modules are being imported on a worker
        self._shown_before = False
        # A workspace being built a part per step (build_review_view), and its parts.
        self._building_view: Building[ReviewView] | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_page)
        # On a screen smaller than the content's minimum (200 % text size) it scrolls.
        self.fitting = ScreenFittingArea(self.stack)
        self.setCentralWidget(self.fitting)
        self._menus()
        self._connect()
        self.show_start(recent)
        if not player.available:
            self.statusBar().showMessage(player.unavailable_reason)
        if bridge.lib.read_only:
            self.statusBar().showMessage(self.tr(
                "Only looking: the library is damaged, nothing is saved. File → Backups… "
                "puts a backup back."))

    @property
    def review_view(self) -> ReviewView:
        """The review workspace, built on first use: its modules (timeline, numpy, the
        Samenleergesprek pages) and widgets were most of the start-up time, and the window
        starts on the start page."""
        if self._review_view is None:
            building, self._building_view = self._building_view, None
            if building is not None:  # being built in steps (build_review_view): the rest now
                view = building.finish()
            else:
                from .review.review_view import ReviewView

                view = ReviewView(self.bridge, self.player, self.actions, self.undo)
            self._adopt_review_view(view)
        assert self._review_view is not None
        return self._review_view

    def prepare_review_view(self) -> None:
        """Import the review workspace's modules on a worker (about 0.1 s: no import on the UI
        thread), then build it here (about 30 ms): while the window waits anyway (a file being
        read) or idles on the start page, so opening a review waits for neither."""
        if self._review_view is not None or self._preparing:
            return
        from .workers import Task, start

        self._preparing = True
        task = Task(lambda _progress, _cancelled: [
            importlib.import_module(name) for name in REVIEW_MODULES])
        task.signals.finished.connect(self._review_view_prepared)  # queued: a worker's signal
        start(task)

    def _review_view_prepared(self) -> None:
        self._preparing = False
        if self._review_view is None and self._building_view is None:
            # A part per event-loop turn (in one go it stalled the window 40-50 ms while a
            # file was read); asked for meanwhile, the rest is built at once.
            steps = Stepwise(self.build_review_view(), self)
            steps.failed.connect(self._review_view_failed)
            steps.start()

    def _review_view_failed(self, _exc: BaseException) -> None:
        """A part raised: built again at once where it is needed, which says what is wrong."""
        self._building_view = None

    def _await_review_view(self) -> None:
        """Let the event loop run until the workspace being prepared (its modules imported on
        a worker, then built a part per turn) is there: opening a file's review right after
        the file was read otherwise built it in one go, or waited on the UI thread for the
        worker's imports, freezing the window 50-80 ms."""
        from PySide6.QtCore import QEventLoop

        def pending() -> bool:
            return self._review_view is None and (
                self._preparing or self._building_view is not None)

        if not pending():
            return
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(5)
        poll.timeout.connect(lambda: pending() or loop.quit())
        poll.start()
        loop.exec()
        poll.stop()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        # Once the event loop runs and the start page idles; not in a window a restore builds
        # again (it builds what its review needs itself, a part per turn, and nothing for a
        # start page).
        if not self._shown_before and not self.waiting():
            QTimer.singleShot(0, lambda: QTimer.singleShot(
                PREPARE_REVIEW_AFTER_MS, self.prepare_review_view))
        self._shown_before = True

    def build_review_view(self) -> Iterator[None]:
        """Build the review workspace a part per step (ReviewView.build_steps): the window
        rebuilt after a restore gives the event loop a turn after each. Asked for meanwhile,
        the rest is built at once."""
        if self._review_view is not None:
            return
        from .review.review_view import ReviewView

        view = ReviewView(self.bridge, self.player, self.actions, self.undo, build=False)
        building = Building(view, view.build_steps())
        self._building_view = building
        yield from building.in_turns(lambda: self._building_view)
        if self._building_view is not building:  # built at once meanwhile
            return
        self._building_view = None
        self._adopt_review_view(view)

    def _adopt_review_view(self, view: ReviewView) -> None:
        """Put the built workspace in the window and connect it."""
        self._review_view = view
        self.stack.addWidget(view)
        self.actions[ActionId.LOCATE].triggered.connect(view.locate_recording)
        self.actions[ActionId.TRANSCRIBE].triggered.connect(view.transcribe)
        self.actions[ActionId.NAME_VOICES].triggered.connect(view.name_voices)
        view.transcript_offer.never.connect(self._never_offer_transcript)
        view.title_changed.connect(lambda t: self.setWindowTitle(f"{t} — vsr"))
        # Never blocks playing; the status bar is made only when there is something to say
        # (made now, it would take 22 px of the 1366x768 screen for nothing).
        view.read_log.refused.connect(lambda text: self.statusBar().showMessage(text))
        view.hidden_undo.changed.connect(self._enable_undo_actions)
        if self._settings is not None:
            view.restore_layout(self._settings)
        view.mark_buttons.setEnabled(not self._locked())
        self._fit_review()

    def _fit_review(self) -> None:
        """On a screen too narrow for the video beside the tabs, they go under each other."""
        view = self._review_view
        if view is not None:
            view.fit_room(self.fitting.room().width())

    def showing_review(self) -> bool:
        return self._review_view is not None and self.stack.currentWidget() is self._review_view

    # -- menus ----------------------------------------------------------------------------
    def _menus(self) -> None:
        a = self.actions
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        file.addAction(a[ActionId.OPEN])
        self.recent_menu = file.addMenu(self.tr("Recent reviews"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file.addAction(a[ActionId.LOCATE])
        file.addAction(a[ActionId.TRANSCRIBE])
        file.addAction(a[ActionId.NAME_VOICES])
        file.addAction(a[ActionId.NEW_REVIEW])
        file.addAction(a[ActionId.EXPORT_SUMMARY])
        export_as = file.addMenu(self.tr("Export as"))
        for action_id in EXPORT_AS:
            export_as.addAction(a[action_id])
        file.addAction(a[ActionId.IMPORT_EAF])
        file.addSeparator()
        file.addAction(a[ActionId.SEARCH])
        file.addAction(a[ActionId.SHARE_PACKAGE])
        file.addAction(a[ActionId.OPEN_PACKAGE])
        file.addSeparator()
        self.team_actions = team_menu.install(self, file.addMenu(self.tr("Team library")))
        file.addAction(a[ActionId.CONSENT])
        file.addAction(a[ActionId.COLLECTIONS])
        file.addAction(a[ActionId.PURGE])
        file.addAction(a[ActionId.BACKUPS])
        file.addSeparator()
        file.addAction(a[ActionId.QUIT])
        edit = bar.addMenu(self.tr("&Edit"))
        undo, redo = self._undo_actions()
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        edit.addAction(a[ActionId.DELETE_MARKER])
        edit.addAction(a[ActionId.MARKER_TIME])
        edit.addAction(a[ActionId.RENAME_PARTY])
        edit.addAction(a[ActionId.ADD_PARTY])
        play = bar.addMenu(self.tr("&Playback"))
        groups = (
            (ActionId.PLAY_PAUSE, ActionId.SHUTTLE_BACK, ActionId.SHUTTLE_STOP,
             ActionId.SHUTTLE_FORWARD, ActionId.BACK_5, ActionId.FORWARD_5, ActionId.FRAME_BACK,
             ActionId.FRAME_FORWARD, ActionId.GO_START, ActionId.GO_END, ActionId.SLOWER,
             ActionId.FASTER),
            (ActionId.LOOP, ActionId.PREV_MARKER, ActionId.NEXT_MARKER),
            (ActionId.PAUSE_ON_MARK, ActionId.PAUSE_WHILE_TYPING),
        )
        for group in groups:
            if play.actions():
                play.addSeparator()
            for action_id in group:
                play.addAction(a[action_id])
        view = bar.addMenu(self.tr("&View"))
        for action_id in (ActionId.ZOOM_IN, ActionId.ZOOM_OUT, ActionId.ZOOM_FIT):
            view.addAction(a[action_id])
        view.addAction(a[ActionId.AUDIT_LOG])
        language = view.addMenu(self.tr("Language"))
        group = QActionGroup(self)
        for action_id, code in ((ActionId.LANG_NL, "nl"), (ActionId.LANG_EN, "en")):
            group.addAction(a[action_id])
            language.addAction(a[action_id])
            a[action_id].setChecked(code == current_language())
            a[action_id].triggered.connect(lambda _=False, c=code: self._change_language(c))
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(a[ActionId.SHORTCUTS])
        help_menu.addAction(a[ActionId.ABOUT])
        # The registry's own undo/redo actions stay hidden: the stack's actions carry the labels.
        a[ActionId.UNDO].setEnabled(False)
        a[ActionId.REDO].setEnabled(False)

    def _undo_actions(self) -> tuple[QAction, QAction]:
        """Undo and redo that go through UndoStack.undo/redo (createUndoAction would call the
        C++ slots and skip the check that a step was saved). Redo: Ctrl+Y and Ctrl+Shift+Z."""
        undo = QAction(icon("undo"), self.tr("&Undo"), self)
        redo = QAction(icon("redo"), self.tr("&Redo"), self)
        undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        for extra in ("Ctrl+Y", "Ctrl+Shift+Z"):
            if QKeySequence(extra) not in keys:
                keys.append(QKeySequence(extra))
        redo.setShortcuts(keys)
        self.actions[ActionId.REDO].setShortcuts(keys)  # the shortcut overview lists them all
        undo.triggered.connect(lambda: self.undo_or_redo(redo=False))
        redo.triggered.connect(lambda: self.undo_or_redo(redo=True))
        for action, can, text_changed, label in (
                (undo, self.undo.canUndoChanged, self.undo.undoTextChanged, self.tr("&Undo")),
                (redo, self.undo.canRedoChanged, self.undo.redoTextChanged, self.tr("&Redo"))):
            action.setEnabled(False)
            can.connect(self._enable_undo_actions)
            text_changed.connect(
                lambda text, act=action, base=label: act.setText(f"{base} {text}".strip()))
        self.undo_action, self.redo_action = undo, redo
        return undo, redo

    def undo_or_redo(self, *, redo: bool) -> None:
        """Ctrl+Z / Ctrl+Y: while the parties mark apart, only the asked party's own hidden
        mark (ReviewView.undo_hidden_mark); otherwise the window's one history."""
        view = self._review_view
        if view is not None and self.showing_review() and view.undo_hidden_mark(redo=redo):
            return
        from .review.sheet_fields import SheetTextField

        focus = QApplication.focusWidget()
        if isinstance(focus, SheetTextField):
            focus.flush()  # what is being typed becomes the step that undo takes back
        before, what = self.undo.index(), self.undo.redoText() if redo else self.undo.undoText()
        if redo:
            self.undo.redo()
        else:
            self.undo.undo()
        if self.undo.index() != before and what:
            # Said, as the menu says it: the focus stays where it was, and a screen reader
            # user heard nothing of a moment that came back or went again.
            announce((self.tr("Redone: {what}") if redo else self.tr("Undone: {what}")).format(
                what=what), self)

    def _enable_undo_actions(self, *_changed: object) -> None:
        if not shiboken6.isValid(self.undo):  # the window is being taken down
            return
        hidden = self._review_view.hidden_undo if self._review_view is not None else None
        self.undo_action.setEnabled(
            self.undo.canUndo() or (hidden is not None and bool(hidden.undoable())))
        self.redo_action.setEnabled(
            self.undo.canRedo() or (hidden is not None and bool(hidden.redoable())))

    def _connect(self) -> None:
        a = self.actions
        typing = a[ActionId.PAUSE_WHILE_TYPING]
        typing.setChecked(QSettings().value("pause_while_typing", False, type=bool))
        typing.toggled.connect(lambda on: QSettings().setValue("pause_while_typing", on))
        a[ActionId.OPEN].triggered.connect(self.choose_and_open)
        a[ActionId.NEW_REVIEW].triggered.connect(self._new_review)
        a[ActionId.EXPORT_SUMMARY].triggered.connect(self._export_summary)
        a[ActionId.QUIT].triggered.connect(self.close)
        a[ActionId.IMPORT_EAF].triggered.connect(lambda: interop_menu.import_eaf_file(self))
        for action_id, fmt in EXPORT_AS.items():
            a[action_id].triggered.connect(lambda _on=False, f=fmt: interop_menu.export_review_as(self, f))
        a[ActionId.RENAME_PARTY].triggered.connect(self._rename_parties)
        a[ActionId.ADD_PARTY].triggered.connect(self._add_party)
        a[ActionId.ABOUT].triggered.connect(self._about)
        a[ActionId.SHORTCUTS].triggered.connect(self.show_shortcuts)
        a[ActionId.CONSENT].triggered.connect(self._consent)
        a[ActionId.COLLECTIONS].triggered.connect(self._collections)
        a[ActionId.AUDIT_LOG].triggered.connect(self._audit_log)
        a[ActionId.BACKUPS].triggered.connect(self._backups)
        a[ActionId.SEARCH].triggered.connect(self._search)
        a[ActionId.SHARE_PACKAGE].triggered.connect(self._share_package)
        a[ActionId.OPEN_PACKAGE].triggered.connect(self._open_package)
        a[ActionId.PURGE].triggered.connect(lambda: self.check_retention(say_when_nothing=True))
        self.start_page.open_requested.connect(self.choose_and_open)
        self.start_page.demo_requested.connect(self.open_demo)
        self.start_page.review_chosen.connect(self.open_review)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for review in rv.recent_reviews(self.bridge.lib, 10):
            action = self.recent_menu.addAction(review.title)
            action.triggered.connect(lambda _=False, rid=review.id: self.open_review(rid))
        if not self.recent_menu.actions():
            self.recent_menu.addAction(self.tr("No reviews yet.")).setEnabled(False)

    def _set_review_actions(self, enabled: bool) -> None:
        for action_id in REVIEW_ONLY:
            self.actions[action_id].setEnabled(enabled)
        locked = self._locked()
        for action_id in EDIT_ACTIONS:
            if locked:
                self.actions[action_id].setEnabled(False)
            elif action_id not in REVIEW_ONLY:  # needs no review: on whenever not locked
                self.actions[action_id].setEnabled(True)
        if self._review_view is not None:
            self._review_view.mark_buttons.setEnabled(not locked)
        self.start_page.setEnabled(not self._waiting)

    def _locked(self) -> bool:
        """Nothing can be changed: the library is only looked at, or the window waits."""
        return self.bridge.lib.read_only or bool(self._waiting)

    def wait_for_library(self, reason: str) -> None:
        """The edit actions (and the start page, and dropping a file) wait, `reason` in the
        status bar, until `library_ready`: while a restore builds the window again in steps,
        nothing is changed in a window that is not complete."""
        self._waiting = reason
        self._set_review_actions(self.showing_review())
        self._enable_window_actions(False)
        self.statusBar().showMessage(reason)

    def _enable_window_actions(self, on: bool) -> None:
        """What else would change the library or take the window down mid-build: another
        restore, the language (it rebuilds the window), the team library's actions."""
        for action in (self.actions[ActionId.BACKUPS], self.actions[ActionId.LANG_NL],
                       self.actions[ActionId.LANG_EN], *self.team_actions):
            action.setEnabled(on)

    def library_ready(self) -> None:
        """The edit actions work again (those a read-only library allows)."""
        self._waiting = ""
        self._set_review_actions(self.showing_review())
        self._enable_window_actions(True)
        view = self._review_view
        if view is not None and self.showing_review():  # as the selection says
            for chosen in (ActionId.DELETE_MARKER, ActionId.MARKER_TIME):
                self.actions[chosen].setEnabled(
                    view.selected is not None and not self.bridge.lib.read_only)
        self.statusBar().clearMessage()

    def waiting(self) -> str:
        """Why the edit actions wait ("" when they do not)."""
        return self._waiting

    # -- opening --------------------------------------------------------------------------
    def show_start(self, recent: list[RecentReview] | None = None) -> None:
        """The start page, its list read now (or given: `recent`, read on a worker)."""
        try:
            if recent is not None:
                self.start_page.show_recent(recent)
            else:
                self.start_page.refresh(self.bridge.lib)
        except VsrError as exc:  # a damaged library, opened only to look: say what is wrong
            self.statusBar().showMessage(error_text(exc))
        self.stack.setCurrentWidget(self.start_page)
        self._set_review_actions(False)
        self.setWindowTitle("vsr")

    def choose_and_open(self) -> None:
        folder = QSettings().value("last_folder", str(Path.home()))
        path = ask_media_file(self, self.tr("Open recording"), Path(str(folder)))
        if path is not None:
            QSettings().setValue("last_folder", str(path.parent))
            self.open_file(path)

    def open_file(self, path: Path) -> bool:
        """Add the file to the library (or find it there) and open its latest review."""
        if self._reading_file:  # one file at a time (also while its review opens, in turns)
            self.statusBar().showMessage(self.tr(
                "A file is being read: open {name} again when it is done.").format(
                    name=path.name), 10_000)
            return False
        self._reading_file = True
        try:
            return self._open_file(path)
        finally:
            self._reading_file = False

    def _open_file(self, path: Path) -> bool:
        # The file is read in a child process (a broken file cannot take the window down);
        # that takes a moment, a hanging file at most the probe's timeout.
        # It is read on a worker while the window goes on answering (a local event loop, as
        # a dialog's exec has); then the row is added here, where the library lives.
        self.statusBar().showMessage(self.tr("Reading the file…"))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.prepare_review_view()  # meanwhile: the page its review opens on
        try:
            read = self._read_file(path)
            if isinstance(read, BaseException):
                def refuse() -> rc.ImportResult:
                    raise read
                imported = perform(refuse)  # said as a sentence (a bug still reaches the log)
            else:
                file, info, fp = read
                imported = perform(lambda: rc.import_recording(
                    self.bridge.lib, file, prober=lambda _f: info, fingerprinter=lambda _f: fp))
            if imported.value is not None:
                self._await_review_view()
        finally:
            QApplication.restoreOverrideCursor()
            self.statusBar().clearMessage()
        result = imported.value
        if result is None:
            in_box(self)(imported.message)
            return False
        # From here a part per turn of the event loop: the row was added in this one.
        turn()
        rec = result.recording
        reviews = rv.list_reviews(self.bridge.lib, rec.id)
        review = reviews[-1] if reviews else perform(
            lambda: rv.create_review(self.bridge.lib, rec.id), report=in_box(self)).value
        if review is None:  # not saved (a locked or read-only library): said in the box
            return False
        turn()
        opened = self.open_review(review.id, in_turns=True)
        if opened and result.warnings:
            self.show_file_warnings(Path(rec.path).name, result.warnings)
        if opened and result.created:
            self.offer_transcript()
        return opened

    def _read_file(self, path: Path) -> tuple[Path, ProbeResult, str] | BaseException:
        """Probe and fingerprint `path` on a worker; the event loop runs meanwhile."""
        from PySide6.QtCore import QEventLoop

        from .workers import Task, start

        outcome: list[object] = []
        task = Task(lambda _progress, _cancelled: _read_recording_file(path))
        loop = QEventLoop()
        task.signals.done.connect(outcome.append)
        task.signals.failed.connect(outcome.append)
        task.signals.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
        start(task)
        loop.exec()
        result = outcome[0] if outcome else RuntimeError("the file was not read")
        return result  # type: ignore[return-value]

    def offer_transcript(self) -> None:
        """After a recording was added: "Uitschrift maken?" (issue 22), a line above the video.
        Only when a speech model is installed and the user did not say never (a library
        setting, saved through the edit path); never forced: "Not now" does nothing."""
        from vsr.transcript.speech_model import SETTING_KEY, model_installed

        lib = self.bridge.lib
        if (lib.read_only or lib.get_setting(OFFER_TRANSCRIPT_KEY) == "never"
                or not model_installed(lib.get_setting(SETTING_KEY))):
            return
        self.review_view.transcript_offer.show()

    def _never_offer_transcript(self) -> None:
        perform(lambda: self.bridge.lib.set_setting(OFFER_TRANSCRIPT_KEY, "never"),
                report=in_box(self))

    def show_file_warnings(self, name: str, keys: tuple[str, ...]) -> None:
        """Say in the status bar what is wrong with a usable file (cut off, damaged in places);
        it stays until the next message, and does not stop the user."""
        text = "  ".join(
            translate("warning.media.in_file", path=name,
                      message=translate(key))
            for key in keys
        )
        self.statusBar().showMessage(text)
        self.statusBar().setToolTip(text)

    def open_review(self, review_id: int, *, in_turns: bool = False) -> bool:
        """Open the review on its page. `in_turns`: the event loop takes a turn between
        reading the review into the page and showing the page (opening a file, where the
        parts before take their own turns: in one go they held the window 55-60 ms)."""
        from .team.playback import reopen_arriving

        if reopen_arriving(self, review_id):  # a shared recording not yet here: it streams
            return True
        try:
            self.review_view.open_review(review_id)
        except VsrError as exc:
            show_error(self, exc)
            self.show_start()
            return False
        if in_turns:
            turn()
        self.stack.setCurrentWidget(self.review_view)
        self._set_review_actions(True)
        self.actions[ActionId.DELETE_MARKER].setEnabled(False)
        self.actions[ActionId.MARKER_TIME].setEnabled(False)
        return True

    def open_demo(self) -> None:
        from vsr.demo import make_demo

        self.statusBar().showMessage(self.tr("Making the demo recording…"))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            _rec, review = make_demo(self.bridge.lib)
        except (VsrError, OSError) as exc:
            QApplication.restoreOverrideCursor()
            show_error(self, exc)
            return
        QApplication.restoreOverrideCursor()
        self.statusBar().clearMessage()
        self.open_review(review.id)

    def _new_review(self) -> None:
        rec_id = self.review_view.recording.id if self.review_view.recording else None
        if rec_id is None:
            return
        title, ok = QInputDialog.getText(self, self.tr("New review"), self.tr("Title:"))
        if ok:
            review = perform(lambda: rv.create_review(self.bridge.lib, rec_id,
                                                      title=title.strip() or None),
                             report=in_box(self)).value
            if review is not None:
                self.open_review(review.id)

    def _export_summary(self) -> None:
        panel = self.review_view.session_panel
        if panel is not None:
            panel.open_export()

    def _rename_parties(self) -> None:
        dialog = PartyNamesDialog(self.review_view.parties, self)
        if dialog.exec():
            current = {p.id: p.name for p in self.review_view.parties}
            changed = {pid: name for pid, name in dialog.names().items()
                       if current.get(pid) != name}
            if changed:
                perform(lambda: rv.rename_parties(self.bridge.lib, changed), report=in_box(self))

    def _add_party(self) -> None:
        review = self.review_view.review
        if review is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Add participant"),
                                        self.tr("Name (for example: interpreter):"))
        if ok and name.strip():
            perform(lambda: rv.add_party(self.bridge.lib, review.id, name), report=in_box(self))

    def _consent(self) -> None:
        from .privacy.consent_dialog import ConsentDialog

        view = self.review_view
        if view.recording is not None:
            ConsentDialog(self.bridge.lib, view.recording.id, self,
                          review_id=view.review.id if view.review else None).exec()

    def _collections(self) -> None:
        from .clips.collection_dialog import CollectionDialog, PlayerLink

        link = PlayerLink(self.review_view.playhead, self.review_view.play_range)
        CollectionDialog(self.bridge, lambda: self.review_view.selected, self,
                         player=link).exec()

    def _search(self) -> None:
        from .search_dialog import SearchDialog

        dialog = SearchDialog(self.bridge, self)
        dialog.open_moment.connect(self.open_moment)
        dialog.open_spoken.connect(self.open_spoken)
        dialog.show()  # not modal: open a moment, look, and search on

    def open_moment(self, review_id: int, marker_id: int) -> None:
        """Open a review with one of its moments selected (from search)."""
        if self.review_view.review is None or self.review_view.review.id != review_id:
            if not self.open_review(review_id):
                return
        self.review_view.select_marker(marker_id, seek=True)

    def open_spoken(self, recording_id: int, time_ms: int) -> None:
        """Open a recording's review at a time (a spoken hit in search): the open review when
        it is of that recording, else its latest (a new one when it has none)."""
        view = self.review_view
        if view.review is None or view.review.recording_id != recording_id:
            reviews = rv.list_reviews(self.bridge.lib, recording_id)
            review = reviews[-1] if reviews else perform(
                lambda: rv.create_review(self.bridge.lib, recording_id),
                report=in_box(self)).value
            if review is None or not self.open_review(review.id):
                return
        self.review_view.player.seek(time_ms)

    def _share_package(self) -> None:
        from .package_dialogs import share_review

        review = self.review_view.review
        if review is not None:
            self.review_view.sheet.flush()  # what was just typed goes along
            share_review(self, self.bridge, review.id, review.recording_id)

    def _open_package(self) -> None:
        from .package_dialogs import open_package

        receiver = open_package(self, self.bridge)
        if receiver is not None:
            receiver.received.connect(lambda done: self.open_review(done.review_id))

    def check_retention(self, *, say_when_nothing: bool = False) -> None:
        """Ask to delete what is past its retention date (at start, and from the menu)."""
        from vsr.library.retention import plan_purge

        from .privacy.purge_dialog import ask_purge

        if self._review_view is not None:
            self._review_view.sheet.flush()
        try:
            plan = plan_purge(self.bridge.lib)
        except VsrError as exc:
            show_error(self, exc)
            return
        if plan.empty:
            if say_when_nothing:
                inform(self, self.tr("Delete expired material"),
                       self.tr("Nothing has passed its retention date."))
            return
        report = ask_purge(self, self.bridge.lib, plan)
        if report is None:
            return
        review = self._review_view.review if self._review_view is not None else None
        if review is not None and self.showing_review():
            try:
                rv.get_review(self.bridge.lib, review.id)
            except NotFoundError:  # its recording was purged
                self.review_view.close_review()
                self.show_start()
        else:
            self.start_page.refresh(self.bridge.lib)

    def check_audit_log(self) -> bool:
        """At start: warn when the audit log was altered outside the app (a row changed or
        deleted, a protecting trigger dropped). True when it is intact."""
        from vsr.library.audit import check_audit_log
        from vsr.library.audit_text import check_lines

        check = check_audit_log(self.bridge.lib)
        if not check.ok:
            warn(self, "\n".join(check_lines(check)), title=self.tr("Audit log altered"))
        return check.ok

    def _audit_log(self) -> None:
        from .privacy.audit_dialog import AuditDialog

        AuditDialog(self.bridge.lib, self).exec()

    def _backups(self) -> None:
        from .backup_dialog import BackupDialog

        self.review_view.sheet.flush()  # what is being typed goes into the library (and backup)
        dialog = BackupDialog(self.bridge.lib.path, self)
        if dialog.exec() and dialog.chosen is not None:
            self.restore_requested.emit(dialog.chosen)

    def _change_language(self, code: str) -> None:
        if code != current_language():
            self.language_change_requested.emit(code)

    def show_shortcuts(self) -> None:
        from .shortcuts_dialog import ShortcutsDialog

        parties = self.review_view.parties if self.showing_review() else []
        ShortcutsDialog(self.actions, parties, self).exec()

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About vsr"), self.tr(
            "<b>vsr {version}</b><p>Video-stimulated recall for the Samenleergesprek: look back "
            "together at a recorded conversation and learn from it.</p><p>Method: "
            "Samenleerwijzer (Lengkeek &amp; van Hal, HAN, 2021).</p>").format(version=__version__))

    # -- drag and drop --------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt API)
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt API)
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files and not self._waiting:
            event.acceptProposedAction()
            self.open_file(files[0])

    # -- size and place ---------------------------------------------------------------------
    def show_restored(self, settings: QSettings, available: QRect | None = None) -> None:
        """Show the window where it was last time, fitted to the free area of the screen it
        was on (or `available`), maximised if it was; on first start a size that fits."""
        self._settings = settings
        if available is None:
            available = screen_area(settings)
        rect, maximised = saved_rect(settings, available)
        self.setGeometry(rect)
        if self._review_view is not None:
            self._review_view.restore_layout(settings)
        if maximised:
            self.showMaximized()
        else:
            self.show()

    def save_layout(self, settings: QSettings) -> None:
        save_rect(settings, self.normalGeometry(), self.isMaximized())
        if self._review_view is not None:
            self._review_view.save_layout(settings)
        settings.sync()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        self._fit_review()  # the screen may have changed (moved to another, resolution)
        super().resizeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if self._settings is not None:
            self.save_layout(self._settings)
        if self._review_view is not None:
            self._review_view.close_review()
        self.player.shutdown()  # before the video widget goes, so VLC never draws into a dead window
        super().closeEvent(event)
