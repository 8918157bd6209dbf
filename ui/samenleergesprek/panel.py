"""The guided Samenleergesprek for the review window: the ground rules, Stap 1 (choose moments),
Stap 2 (per moment: the clip loops, A, B per party, C) and Stap 3 (closing), with Back/Next, a
step indicator and the client's own pause button. Every edit is saved when it is made, and the
panel opens where the conversation was left, days later too."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vsr import samenleergesprek as ss
from vsr.errors import StorageError
from vsr.library.changes import Action, Change, Entity
from vsr.samenleergesprek import pauses as ps
from vsr.samenleergesprek.model import SessionStep

from ..accessibility_announce import announce
from ..accessibility_keys import chain_tab_order, tab_stops
from ..bridge import LibraryBridge
from ..fitting import StackingBox
from ..operations import UndoStack, perform, push_performed
from ..player.base import MediaPlayer
from ..review.undo_commands import PauseToMomentCommand
from ..save_queue import SaveQueue
from ..widgets import big_button
from .closing_page import ClosingPage
from .context import Page, SessionContext
from .discuss_page import DiscussPage
from .export_dialog import ExportSummaryDialog
from .moments_page import MomentsPage
from .rules_page import RulesPage
from .step_indicator import StepIndicator

_REFRESH_ON = {Entity.SESSION, Entity.MARKER, Entity.SHEET, Entity.PARTY, Entity.REVIEW,
               Entity.THEME, Entity.TRANSCRIPT}


class SessionPanel(QWidget):
    """`step_shown(step)` after a step is shown, so the window can give Stap 2 more room."""

    step_shown = Signal(object)  # SessionStep

    def __init__(self, bridge: LibraryBridge, review_id: int, player: MediaPlayer,
                 parent: QWidget | None = None, *,
                 undo: QUndoStack | None = None, saves: SaveQueue | None = None,
                 build: bool = True) -> None:
        """`build=False`: only the frame; `build_steps()` builds the rest, a part per step
        (the window rebuilt after a restore spreads it over event-loop turns)."""
        super().__init__(parent)
        # Pauses the library refuses as busy wait here (the window's queue, in order with
        # the marks) and are saved as soon as it is free.
        self.saves = saves if saves is not None else SaveQueue(self)
        # The window's undo stack, so Ctrl+Z takes back an edit made here or in the Moments tab.
        stack = undo if undo is not None else UndoStack(self)
        self.ctx = SessionContext(bridge, review_id, player, stack, self)
        self.setAccessibleName(self.tr("Samenleergesprek"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        self.built = False
        self.tab_after: QWidget | None = None  # Tab from this widget comes into the panel
        if build:
            for _part in self.build_steps():
                pass

    def build_steps(self) -> Iterator[None]:
        """The panel's parts, one per step: the step indicator and pause buttons, each page,
        then Back/Next and the step where the conversation was left. `built` after the last."""
        bridge, review_id, player = self.ctx.bridge, self.ctx.review_id, self.ctx.player
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(self._top_bar())
        self.stack = QStackedWidget()
        self.pages: dict[SessionStep, Page] = {}
        yield
        for step, make in ((SessionStep.RULES, RulesPage), (SessionStep.MOMENTS, MomentsPage),
                           (SessionStep.DISCUSS, DiscussPage),
                           (SessionStep.CLOSING, ClosingPage)):
            self.pages[step] = make(self.ctx)
            self.stack.addWidget(self.pages[step])
            yield
        layout.addWidget(self.stack, 1)
        layout.addLayout(self._nav_bar())
        self.discuss.moment_selected.connect(lambda i: self.go(SessionStep.DISCUSS, i))
        self.ctx.message.connect(self.show_notice)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(8000)
        self._notice_timer.timeout.connect(self.notice.hide)
        player.state_changed.connect(self._show_pause_state)
        for keys, slot in (("Alt+Right", self.next), ("Alt+Left", self.back)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        # Remembering when the conversation started may fail (a read-only or busy library):
        # the conversation still shows what is stored.
        state = (perform(lambda: ss.start_session(bridge.lib, review_id)).value
                 or ss.get_session(bridge.lib, review_id))
        self.step = state.step
        self._show(state.step, state.moment_index, autoplay=False)
        self._stale = False  # a change came while hidden: refresh when shown
        bridge.changed.connect(self._on_change)  # after start_session: its own change is known
        self.built = True

    # -- layout ----------------------------------------------------------------------------
    def _top_bar(self) -> StackingBox:
        # The steps and the client's pause button: one row when there is room, else two, so
        # the panel fits beside the video on a small laptop screen. (The tab says
        # "Samenleergesprek" already, so the panel has no heading of its own.)
        bar = StackingBox(spacing=8)
        self.indicator = StepIndicator()
        self.indicator.step_clicked.connect(lambda step: self.go(step))
        bar.add(self.indicator, 1)
        client = self.ctx.client()
        self.pause_button = big_button("", color=client.color if client else "#444444")
        self.pause_button.clicked.connect(self._client_pause)
        bar.add(self.pause_button)
        # The last pause, made a moment in one step (hidden until someone paused).
        self.last_pause: ps.Pause | None = None
        self.pause_moment_button = big_button(self.tr("+  Pause as moment"))
        self.pause_moment_button.setToolTip(self.tr("Make this pause a moment"))
        self.pause_moment_button.clicked.connect(self.make_pause_moment)
        # The pause button keeps the room for the client's name; this one only what it needs.
        self.pause_moment_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.pause_moment_button.hide()
        bar.add(self.pause_moment_button)
        self._show_pause_state(self.ctx.player.state())
        return bar

    def _nav_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        # Only the arrows when the panel is narrow (the tooltip and the name keep the word).
        self.back_button = big_button(self.tr("◀  Back"), short="◀")
        self.back_button.setAccessibleName(self.tr("Back"))
        self.back_button.setToolTip(self.tr("Back (Alt+Left)"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.back_button.clicked.connect(self.back)
        self.next_button = big_button(self.tr("Next  ▶"), primary=True, short="▶")
        self.next_button.setAccessibleName(self.tr("Next"))
        self.next_button.setToolTip(self.tr("Next (Alt+Right)"))
        self.next_button.clicked.connect(self.next)
        # A notice ("Nog 2 te gaan") shows between the buttons, not above the page: when it
        # comes or goes, nothing on the page moves under someone's pointer. The buttons keep
        # to the bottom line when a long notice makes the bar taller.
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #fff4ce; border: 1px solid #e0b000;"
                                  " padding: 6px; border-radius: 4px;")
        self.notice.hide()
        middle = QVBoxLayout()
        middle.setSpacing(0)
        middle.addWidget(self.notice)
        # Stap 2's moments, as tabs between Back and Next (the checked one is on show).
        middle.addWidget(self.discuss.tab_row, 0, Qt.AlignmentFlag.AlignHCenter)
        bottom = Qt.AlignmentFlag.AlignBottom
        bar.addWidget(self.back_button, 0, bottom)
        bar.addLayout(middle, 1)
        bar.addWidget(self.next_button, 0, bottom)
        return bar

    @property
    def discuss(self) -> DiscussPage:
        page = self.pages[SessionStep.DISCUSS]
        assert isinstance(page, DiscussPage)
        return page

    # -- navigation ------------------------------------------------------------------------
    def go(self, step: SessionStep, moment_index: int = 0) -> bool:
        """Move to a step (and moment); shows why not when it cannot be entered yet."""
        self.current_page().flush()
        lib, rid = self.ctx.lib, self.ctx.review_id
        outcome = perform(lambda: ss.go_to_step(lib, rid, step, moment_index, initiator=self))
        if outcome.value is not None:
            self._show(outcome.value.step, outcome.value.moment_index, autoplay=True)
            return True
        if isinstance(outcome.error, StorageError) and ss.step_blocker(lib, rid, step) is None:
            # Only looking, or another program holds the library: the conversation goes on
            # (where it is is not remembered this time).
            count = len(ss.get_session(lib, rid).moments)
            self._show(step, max(0, min(moment_index, count - 1)), autoplay=True)
            return True
        self.show_notice(outcome.message)
        return False

    def _show(self, step: SessionStep, moment_index: int, *, autoplay: bool) -> None:
        previous = self.current_page()
        if previous is not self.pages[step] or step != SessionStep.DISCUSS:
            previous.leave()
        self.step = step
        self.moment_index = moment_index
        page = self.pages[step]
        self.stack.setCurrentWidget(page)
        if step == SessionStep.DISCUSS:
            self.discuss.show_moment(moment_index, autoplay=autoplay)
        else:
            page.enter()
        self.indicator.set_step(step)
        self._update_nav()
        self.step_shown.emit(step)
        if self.isVisible():  # a screen reader hears where the conversation is now
            self._order_tabs_now_and_when_shown()
            where = self.indicator.buttons[step].accessibleName()
            announce(" ".join(t for t in (where, self._position_text()) if t), self)

    def _position_text(self) -> str:
        """"Moment 2 of 3" in Stap 2 (for a screen reader; the tabs show it on screen)."""
        if self.step != SessionStep.DISCUSS:
            return ""
        count = len(ss.get_session(self.ctx.lib, self.ctx.review_id).moments)
        return self.tr("Moment {n} of {count}").format(n=self.moment_index + 1, count=count) \
            if count else ""

    def _order_tabs_now_and_when_shown(self) -> None:
        """`order_tabs` now, and once more when the page's new parts are shown and laid out:
        Tab's order is reading order, by where they are. A part added to a page on the
        screen is shown at the next turn of the event loop and laid out at the one after."""
        self.order_tabs()
        QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, self._order_tabs_when_shown))

    def _order_tabs_when_shown(self) -> None:
        if self.isVisible():
            self.order_tabs()

    def order_tabs(self) -> None:
        """Tab goes: (from `tab_after`, the tab bar it sits under) the steps, the client's
        pause, the page top to bottom, Back, Next (the pages rebuild buttons, which Qt would
        otherwise put at the end of the chain; and the panel is made after the rest of the
        window, so Tab from its tab bar went past it)."""
        before = [self.tab_after] if self.tab_after is not None else []
        chain_tab_order(before + self.tab_chain())

    def tab_chain(self) -> list[QWidget]:
        """The panel's controls in Tab's order (also the review page's part for the panel:
        `tab_stops`)."""
        # "Pause as moment" beside the pause button too, hidden or not: shown after a pause,
        # it would otherwise keep the place it had at the end of the chain.
        top = [*self.indicator.buttons.values(), self.pause_button, self.pause_moment_button]
        return top + tab_stops(self.current_page()) + [self.back_button, self.next_button]

    def _update_nav(self) -> None:
        count = len(ss.get_session(self.ctx.lib, self.ctx.review_id).moments)
        self.back_button.setEnabled(self.step != SessionStep.RULES)
        # At the end "next" is the joint learning summary.
        if self.step == SessionStep.CLOSING:
            self.next_button.set_texts(self.tr("Make the learning summary…"),
                                       self.tr("Summary…"))
            self.next_button.setAccessibleName(self.tr("Make the learning summary"))
        else:
            self.next_button.set_texts(self.tr("Next  ▶"), "▶")
            self.next_button.setAccessibleName(self.tr("Next"))
        self.discuss.tab_row.setVisible(self.step == SessionStep.DISCUSS and count > 0)

    def next(self) -> None:
        """Stap 2 walks through its moments first; then on to the next step."""
        count = len(ss.get_session(self.ctx.lib, self.ctx.review_id).moments)
        if self.step == SessionStep.DISCUSS and self.moment_index + 1 < count:
            self.go(SessionStep.DISCUSS, self.moment_index + 1)
        elif self.step != SessionStep.CLOSING:
            self.go(list(SessionStep)[self.step.order + 1])
        else:
            self.open_export()

    def open_export(self) -> ExportSummaryDialog:
        """The "Export leerverslag…" dialog for this review (also for the window's menu)."""
        self.flush()
        dialog = ExportSummaryDialog(self.ctx.lib, self.ctx.review_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def back(self) -> None:
        if self.step == SessionStep.DISCUSS and self.moment_index > 0:
            self.go(SessionStep.DISCUSS, self.moment_index - 1)
        elif self.step == SessionStep.CLOSING:
            count = len(ss.get_session(self.ctx.lib, self.ctx.review_id).moments)
            if not count or not self.go(SessionStep.DISCUSS, count - 1):
                self.go(SessionStep.MOMENTS)
        elif self.step != SessionStep.RULES:
            self.go(list(SessionStep)[self.step.order - 1])

    def current_page(self) -> Page:
        page = self.stack.currentWidget()
        assert isinstance(page, Page)
        return page

    # -- the client's pause ------------------------------------------------------------------
    def _client_pause(self) -> None:
        client = self.ctx.client()
        if client is not None:
            self.pause_for(client.id)
        elif self.ctx.player.is_playing():
            self.ctx.player.pause()

    def pause_for(self, party_id: int) -> ps.Pause | None:
        """A party stops the replay: keep who paused, where and when (a failed save is said
        in the notice; the replay stops all the same)."""
        player = self.ctx.player
        if not player.is_playing():
            return None
        player.pause()
        position = player.position()
        kept: list[ps.Pause] = []
        self.saves.submit(
            lambda: ps.record_pause(self.ctx.lib, self.ctx.review_id, party_id, position,
                                    initiator=self),
            lambda pause: (kept.append(pause), self._pause_saved(pause)),
            report=self.ctx.message.emit,
            waiting_text=self.tr("The library is in use by another program. The pause is "
                                 "saved as soon as the library is free."))
        return kept[0] if kept else None

    def _pause_saved(self, pause: ps.Pause) -> None:
        self.last_pause = pause
        name = next((p.name for p in self.ctx.parties() if p.id == pause.party_id), "")
        self.pause_moment_button.setAccessibleName(
            self.tr("Make the pause of {name} a moment").format(name=name))
        self.pause_moment_button.show()
        if self.step == SessionStep.DISCUSS:
            self.discuss.show_pauses()

    def make_pause_moment(self) -> bool:
        """The last pause becomes a moment of the party who paused (undoable)."""
        if self.last_pause is None:
            return False
        if ps.get_pause(self.ctx.lib, self.last_pause.id).marker_id is not None:
            self.last_pause = None  # made a moment on the timeline meanwhile
            self.pause_moment_button.hide()
            return False
        command = PauseToMomentCommand(self.ctx.lib, self.last_pause.id,
                                       report=self.ctx.message.emit)
        if not push_performed(self.ctx.undo, command):
            return False
        self.last_pause = None
        self.pause_moment_button.hide()
        self.show_notice(self.tr("The pause is now a moment. Choose it in Step 1."))
        return True

    def _show_pause_state(self, state: str) -> None:
        """The client's own pause: always there with their name, usable while the replay
        plays (one meaning only, so it is never mistaken for "next step")."""
        client = self.ctx.client()
        name = client.name if client is not None else ""
        text = self.tr("❚❚  Pause – {name}").format(name=name)
        self.pause_button.set_texts(text, self.tr("❚❚  Pause"))
        self.pause_button.setAccessibleName(text)
        self.pause_button.setEnabled(state == "playing")

    # -- messages and outside changes ------------------------------------------------------------
    def show_notice(self, text: str) -> None:
        if not text:
            self.notice.hide()
            return
        self.notice.setText(text)
        self.notice.show()
        announce(text, self, assertive=True)
        self._notice_timer.start()

    def _on_change(self, change: Change) -> None:
        if change.review_id not in (None, self.ctx.review_id):
            return
        if change.entity not in _REFRESH_ON or change.action == Action.OPENED:
            return  # opened: only the recent list's order changed (it came, late, mid-Tab)
        initiator = change.initiator
        if initiator is self or (isinstance(initiator, QWidget) and self.isAncestorOf(initiator)):
            return  # our own edit: the page that made it has already updated itself
        if not self.isVisible():
            # In the other tab: read the session once when it is shown again, not on every
            # edit of a gespreksblad or marker made meanwhile.
            self._stale = True
            return
        self._apply_change(change)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 (Qt API)
        super().showEvent(event)
        self._order_tabs_now_and_when_shown()
        if self._stale:
            self._stale = False
            self._show_pause_state(self.ctx.player.state())  # as a party change would
            self._apply_change(Change(Entity.SESSION, Action.UPDATED, (), self.ctx.review_id))

    def _apply_change(self, change: Change) -> None:
        if change.entity == Entity.PARTY:
            client = self.ctx.client()
            if client is not None:
                self._show_pause_state(self.ctx.player.state())
        shown = self.discuss.marker
        if self.step == SessionStep.DISCUSS and (change.entity == Entity.SESSION or (
                change.entity == Entity.MARKER and shown is not None and shown.id in change.ids)):
            self.discuss.show_moment(self.moment_index, seek=False)
        else:
            self.current_page().refresh()
        self._update_nav()
        self._order_tabs_now_and_when_shown()

    def flush(self) -> None:
        """Save whatever is still being typed (call before closing the review)."""
        self.current_page().flush()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 (Qt API)
        self.flush()
        self.ctx.bridge.changed.disconnect(self._on_change)
        super().closeEvent(event)
