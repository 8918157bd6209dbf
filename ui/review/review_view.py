"""The joint review workspace: video, transport, mark buttons, timeline, marker list and the
gespreksblad of the selected moment. It turns user intents into undoable core operations and
refreshes from library change events."""

from __future__ import annotations

import dataclasses
import importlib
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vsr.errors import RecordingMissingError, VsrError
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.library.changes import Action, Change, Entity
from vsr.model import MAX_RECORDING_MS, Marker, Party, Recording, Review
from vsr.samenleergesprek import SharedScreen, shared_screen
from vsr.samenleergesprek import pauses as ps
from vsr.samenleergesprek.blind import hidden_now, refresh_shared_screen
from vsr.samenleergesprek.model import SessionStep

from ..accessibility_announce import announce
from ..accessibility_keys import chain_tab_order, step_along, tab_stops
from ..actions import ActionId, ActionRegistry
from ..bridge import LibraryBridge
from ..operations import in_box, perform, push_performed
from ..player.base import MediaPlayer
from ..save_queue import SaveQueue
from ..stepwise import Building
from ..timeline.accessible import marker_name
from ..timeline.panel import TimelinePanel
from . import hidden_mark_undo
from .consent_strip import ConsentStrip
from .envelope_loader import EnvelopeLoader
from .mark_buttons import MarkButtons
from .marker_list import MarkerListPanel
from .marker_loader import LoadedMarkers, MarkerLoader
from .marking import MarkingIntents
from .missing_banner import MissingRecordingBanner
from .read_log import ReadLog
from .review_layout import MinimumColumn, Room, share_of_width
from .sheet_editor import SheetEditor
from .shuttle import Shuttle
from .transcript_offer import TranscriptOffer
from .transport import TransportBar
from .undo_commands import (
    DeleteMarkerCommand,
    MoveMarkerCommand,
)

if TYPE_CHECKING:
    from ..samenleergesprek.panel import SessionPanel

LOOP_AROUND_POINT_MS = 5_000
PANEL_MODULE = f"{__package__.rpartition('.')[0]}.samenleergesprek.panel"
# The Samenleergesprek panel is built once the player has its first picture (or its tab is
# opened, or something asks for it): it is not needed for the picture, and building it first
# kept the recording from starting. PANEL_WAIT_S: the most it waits for the player.
PANEL_POLL_MS = 15
PANEL_WAIT_S = 2.0
# The player says it has opened the recording once VLC has a video output and has played for a
# moment; the picture may reach the screen a little after. The work waiting for it (markers,
# panel) waits this much longer, so it does not hold the window just as the picture comes.
PICTURE_SETTLE_MS = 100
# A review with more marked moments than this has them read on a worker (ui.review.
# marker_loader) once the recording's first picture is on screen: at 10,000 the read took 0.2 s
# before VLC could start (and on a worker meanwhile, its Python work took the interpreter lock
# from the opening window and from VLC's log messages). Fewer are read at once: less than a
# frame, and the list is whole when it shows, without a "reading" line flashing by.
MARKERS_READ_AT_ONCE = 200


# The least screen width (logical px) for the video beside the tabs: the window's minimum width
# at 100 % text size. Narrower screens (200 % on a 1366 px laptop: 683 px) stack them.
SIDE_BY_SIDE_LEAST = 720

def _imported(name: str) -> bool:
    """The module is imported, not only being imported (it is in sys.modules from the start
    of its import, on whichever thread: the test importlib itself makes)."""
    module = sys.modules.get(name)
    return module is not None and not getattr(getattr(module, "__spec__", None),
                                              "_initializing", False)


class ReviewView(MarkingIntents, QWidget):
    """One open review. `title_changed` lets the window show the review's title."""

    title_changed = Signal(str)
    # The open review's recording is let go (another review opened, or the review closed): a
    # shared recording playing from the team's store stops being served (ui.team.playback).
    recording_released = Signal(int)

    def __init__(self, bridge: LibraryBridge, player: MediaPlayer, actions: ActionRegistry,
                 undo: QUndoStack, parent: QWidget | None = None, *,
                 build: bool = True) -> None:
        """`build=False`: only the frame; `build_steps()` builds the widgets, a part per step
        (the window rebuilt after a restore spreads them over event-loop turns)."""
        super().__init__(parent)
        self.bridge, self.player, self.actions, self.undo = bridge, player, actions, undo
        self.review: Review | None = None
        self.recording: Recording | None = None
        self.parties: list[Party] = []
        self.markers: list[Marker] = []
        self.selected: int | None = None
        self.shared: SharedScreen | None = None  # what the shared screen may show now
        # The video's share of the width beside the Moments tab, the Samenleergesprek (which
        # needs more room) and its Stap 2 (where the gespreksblad needs the most).
        self.video_share = {Room.MOMENTS: 0.55, Room.SESSION: 0.48, Room.STAP2: 0.36}
        self._room_width = 0  # the screen's width (fit_room); 0: side by side always
        self.built = False
        if build:
            for _part in self.build_steps():
                pass

    def build_steps(self) -> Iterator[None]:
        """The widgets in three parts (each about a third of the 20-30 ms they take), then
        their connections; `built` after the last."""
        yield from self._build()
        self._connect()
        self.envelopes = EnvelopeLoader(self)
        self.hidden_undo = hidden_mark_undo.HiddenMarkUndo(self)  # marks made apart, per party
        self.saves = SaveQueue(self)  # marks the library refused as busy, saved when it is free
        self.envelopes.ready.connect(self.timeline.view.set_envelope)
        self.read_log = ReadLog(self.bridge, self.player, self)  # opening and first play are logged
        # The markers of a long review, read on a worker (see MARKERS_READ_AT_ONCE); until
        # they are shown, what changes is noted, so it can be put over what was read.
        self.marker_loader = MarkerLoader(self)
        self.marker_loader.loaded.connect(self._markers_loaded)
        self.marker_loader.failed.connect(self._markers_failed)
        self._loaded: LoadedMarkers | None = None  # read; shown after the first picture
        self._read_wanted = False  # to be read on the worker once the first picture is on screen
        self._changed_while_loading: set[int] = set()  # markers added, moved or removed
        self._words_while_loading: set[int] = set()  # markers whose gespreksblad changed
        self._pending_select: tuple[int, bool] | None = None  # (marker, seek) asked meanwhile
        self.built = True

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> Iterator[None]:
        self.banner = MissingRecordingBanner()
        self.consent_strip = ConsentStrip()
        self.transcript_offer = TranscriptOffer()
        self.transcript_offer.accepted.connect(self.transcribe)
        self.transport = TransportBar(self.player, self.actions)
        self.mark_buttons = MarkButtons(self)
        self.timeline = TimelinePanel()
        yield
        self.marker_list = MarkerListPanel()
        self.sheet = SheetEditor(self.bridge, self.undo)
        yield
        self.shuttle = Shuttle(self.player, self)

        left = MinimumColumn()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.banner)
        video = self.player.video_widget()
        video.setMinimumSize(320, 180)
        self.audio_only = QLabel(self.tr("Sound only: this recording has no picture."))
        self.audio_only.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.audio_only.setWordWrap(True)
        self.audio_only.setStyleSheet("background: #1e2a33; color: #e8eef2;")
        font = self.audio_only.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)  # grows with the user's text size
        self.audio_only.setFont(font)
        self.screen = QStackedWidget()
        self.screen.addWidget(video)
        self.screen.addWidget(self.audio_only)
        lv.addWidget(self.screen, 1)
        lv.addWidget(self.transport)
        lv.addWidget(self.mark_buttons)
        self._clip_host = QVBoxLayout()  # Stap 2's clip controls, under the video
        lv.addLayout(self._clip_host)
        left.wrapping = [self.transport, self._clip_host]

        moments = QSplitter(Qt.Orientation.Vertical)
        moments.addWidget(self.marker_list)
        moments.addWidget(self.sheet)
        moments.setStretchFactor(0, 1)
        moments.setStretchFactor(1, 1)
        # Enough room for about six marked moments on a 1366x768 screen; the sheet scrolls.
        moments.setSizes([300, 300])
        self._moments = moments
        # The gespreksblad per moment, and the guided Samenleergesprek (made per review).
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(self.tr("Moments and Samenleergesprek"))
        self.tabs.tabBar().setAccessibleName(self.tr("Tabs"))
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the tab bar is the Tab stop,
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.TabFocus)  # not a nameless pane
        self.tabs.addTab(moments, self.tr("Moments"))
        # The Samenleergesprek tab; its panel (made per review) is built into it later.
        self._session_panel: SessionPanel | None = None
        # A panel being built a part per step (_panel_part), and its parts.
        self._building_panel: Building[SessionPanel] | None = None
        # The panel's modules imported on a worker: the Task meanwhile, then whether it
        # succeeded.
        self._panel_import: object | None = None
        self._session_host = QWidget()
        host = QVBoxLayout(self._session_host)
        host.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self._session_host, self.tr("Samenleergesprek"))
        self._panel_timer = QTimer(self)
        self._panel_timer.setInterval(PANEL_POLL_MS)
        self._panel_timer.timeout.connect(self._panel_when_ready)
        self._panel_since = 0.0
        self._opened_at: float | None = None  # when the player was first seen opened
        self._touch_pending: int | None = None  # a review opened, not yet put in the recent list
        self.tabs.currentChanged.connect(self._tab_changed)
        right = self.tabs

        top = QSplitter(Qt.Orientation.Horizontal)
        self._top = top
        top.addWidget(left)
        top.addWidget(right)
        top.setStretchFactor(0, 1)
        top.setStretchFactor(1, 1)
        top.splitterMoved.connect(self._share_moved)

        outer = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(top)
        outer.addWidget(self.timeline)
        outer.setStretchFactor(0, 4)
        outer.setStretchFactor(1, 1)
        outer.setChildrenCollapsible(False)
        self._outer = outer
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.consent_strip)
        layout.addWidget(self.transcript_offer)
        self.notices = QVBoxLayout()  # e.g. a shared recording on its way (ui.team.playback)
        layout.addLayout(self.notices)
        layout.addWidget(outer)

    def _connect(self) -> None:
        a, p, view = self.actions, self.player, self.timeline.view
        a[ActionId.PLAY_PAUSE].triggered.connect(p.toggle_play)
        a[ActionId.BACK_5].triggered.connect(lambda: p.skip(-5000))
        a[ActionId.FORWARD_5].triggered.connect(lambda: p.skip(5000))
        a[ActionId.FRAME_BACK].triggered.connect(lambda: p.step_frame(False))
        a[ActionId.FRAME_FORWARD].triggered.connect(lambda: p.step_frame(True))
        a[ActionId.SLOWER].triggered.connect(lambda: self.transport.step_speed(-1))
        a[ActionId.FASTER].triggered.connect(lambda: self.transport.step_speed(1))
        a[ActionId.LOOP].toggled.connect(self._apply_loop)
        for action_id, slot in ((ActionId.SHUTTLE_BACK, self.shuttle.backward),
                                (ActionId.SHUTTLE_STOP, self.shuttle.stop),
                                (ActionId.SHUTTLE_FORWARD, self.shuttle.forward),
                                (ActionId.GO_START, self.shuttle.go_to_start),
                                (ActionId.GO_END, self.shuttle.go_to_end)):
            a[action_id].setAutoRepeat(False)  # holding J must not race to the top speed
            a[action_id].triggered.connect(slot)
        self.shuttle.watch_k(a[ActionId.SHUTTLE_STOP])
        a[ActionId.DELETE_MARKER].triggered.connect(self.delete_selected)
        a[ActionId.MARKER_TIME].triggered.connect(self.change_selected_time)
        a[ActionId.PREV_MARKER].triggered.connect(lambda: self._step_marker(-1))
        a[ActionId.NEXT_MARKER].triggered.connect(lambda: self._step_marker(1))
        a[ActionId.PAUSE_ON_MARK].toggled.connect(self._set_pause_on_mark)
        a[ActionId.ZOOM_IN].triggered.connect(view.zoom_in)
        a[ActionId.ZOOM_OUT].triggered.connect(view.zoom_out)
        a[ActionId.ZOOM_FIT].triggered.connect(view.zoom_to_fit)
        p.position_changed.connect(view.set_position)
        p.duration_changed.connect(self._duration_known)
        view.seek_requested.connect(p.seek)
        view.marker_clicked.connect(self.select_marker)
        view.marker_move_finished.connect(self._marker_moved)
        view.range_drawn.connect(self._range_drawn)
        view.pause_moment_requested.connect(self.make_pause_moment)
        self.mark_buttons.mark_requested.connect(self.mark)
        self.mark_buttons.pause_requested.connect(self.pause_for)
        a[ActionId.NEXT_TAB].triggered.connect(lambda: self._step_tab(1))
        a[ActionId.PREV_TAB].triggered.connect(lambda: self._step_tab(-1))
        self.marker_list.marker_activated.connect(self._list_activated)
        self.sheet.typing_started.connect(self._typing_started)
        self.banner.locate_requested.connect(self.locate_recording)
        p.error.connect(self._cannot_play)
        self.consent_strip.change_requested.connect(a[ActionId.CONSENT].trigger)
        self.bridge.changed.connect(self._on_change)

    # -- opening --------------------------------------------------------------------------
    def open_review(self, review_id: int) -> None:
        lib = self.bridge.lib
        self.sheet.flush()
        self._touch_opened()  # the review opened before, if the picture did not come first
        previous = self.recording.id if self.recording is not None else None
        self.review = rv.get_review(lib, review_id)
        self.recording = rc.get_recording(lib, self.review.recording_id)
        if previous is not None and previous != self.recording.id:
            self.recording_released.emit(previous)
        # Reading is logged before anything of the review can be seen, and when the log
        # refuses the row nothing opens. While this page is not on screen (opened from the
        # start page) VLC can start on the recording first, in its own threads, while the log
        # waits for the disk: its picture shows only once the page does, after the log.
        shown = self.isVisible()
        if shown:
            self.read_log.opened(review_id, self.recording.id)
        self._drop_session_panel()
        # The player first: VLC opens the recording in its own threads while the rest of the
        # review is filled in (and the Samenleergesprek panel waits for the first picture).
        path = self._start_player()
        if not shown:
            try:
                self.read_log.opened(review_id, self.recording.id)
            except VsrError:
                self.player.unload()
                raise
        self.transcript_offer.hide()  # it was about the recording before
        self._touch_pending = review_id  # the recent list: after the first picture
        self.undo.clear()
        self.hidden_undo.clear()
        self.selected = None
        self._pending_select = None
        self.actions[ActionId.PAUSE_ON_MARK].setChecked(self.review.pause_on_mark)
        self._reload_parties()
        self._load_markers()
        self._reload_pauses()
        self.timeline.view.set_duration(self.recording.duration_ms)
        self.timeline.view.zoom_to_fit()
        self._reload_transcript()
        self.sheet.set_marker(None, self.parties)
        self.consent_strip.show_recording(lib, self.recording.id)
        self.title_changed.emit(self.review.title)
        if path is not None:
            self.envelopes.load(path, self.recording.fingerprint)
        self._arrange()
        if self.tabs.currentIndex() == 1:
            self._make_session_panel()
        self._panel_since = time.monotonic()
        self._opened_at = None
        self._panel_timer.start()

    @property
    def session_panel(self) -> SessionPanel | None:
        """The guided Samenleergesprek of the open review (None while no review is open). It
        is built after the recording's first picture; asking for it earlier builds it now."""
        if self._session_panel is None and self.review is not None:
            self._make_session_panel()
        return self._session_panel

    def session_panel_built(self) -> bool:
        return self._session_panel is not None

    def settled(self) -> bool:
        """Nothing the opening put off is left: the Samenleergesprek panel is built (it starts
        the conversation's row) and the recent list is touched. Both write, after the first
        picture; a measurement of one edit's statements waits for this first."""
        panel = self._session_panel
        return (self.review is not None and panel is not None and bool(panel.built)
                and self._touch_pending is None)

    def _touch_opened(self) -> None:
        """Put the opened review at the top of the recent list (a write that waits for the
        disk: after the first picture, or when another review opens or this one closes)."""
        review_id, self._touch_pending = self._touch_pending, None
        if review_id is not None:
            lib = self.bridge.lib
            perform(lambda: rv.touch_review(lib, review_id))  # only the recent list: no message

    def _after_first_picture(self) -> bool:
        """The player has opened the recording PICTURE_SETTLE_MS ago (its first picture is on
        screen), or PANEL_WAIT_S have passed whatever the player does."""
        now = time.monotonic()
        if now - self._panel_since >= PANEL_WAIT_S:
            return True
        if self.player.is_opening():
            self._opened_at = None
            return False
        if self._opened_at is None:
            self._opened_at = now
        return now - self._opened_at >= PICTURE_SETTLE_MS / 1000

    def _panel_when_ready(self) -> None:
        """After the first picture, a thing per tick (short stalls, not one long one): put the
        review on top of the recent list, show the markers read meanwhile, then build the
        panel a part per tick (`_panel_part`)."""
        if not self._after_first_picture():
            return
        if self._touch_pending is not None:
            self._touch_opened()
            return
        if self._read_wanted and self.review is not None:
            self._read_wanted = False
            self.marker_loader.load(self.bridge.lib.path, self.review.id)
            return
        if self._loaded is not None:
            loaded, self._loaded = self._loaded, None
            self._show_loaded(loaded)
            return
        if self._session_panel is None and self.review is not None and self._panel_part():
            return
        self._panel_timer.stop()

    def _panel_part(self) -> bool:
        """One part of the panel per tick of the timer (its top bar, each step's page, the
        rest), then its showing in a tick of its own: built in one go it held the window some
        100 ms after the first picture. True while parts are left."""
        assert self.review is not None
        building = self._building_panel
        if building is None:
            if self._importing_panel():
                return True
            from ..samenleergesprek.panel import SessionPanel

            panel = SessionPanel(self.bridge, self.review.id, self.player, undo=self.undo,
                                 saves=self.saves, build=False)
            self._building_panel = Building(panel, panel.build_steps())
            return True
        if not building.widget.built:
            building.step()
            return True
        self._building_panel = None
        self._attach_session_panel(building.widget)
        return False

    def _importing_panel(self) -> bool:
        """The panel's modules are imported on a worker first (40-70 ms on the UI thread on a
        busy machine); True while that goes on. Where the worker failed, the import here says
        what is wrong."""
        if isinstance(self._panel_import, bool) or _imported(PANEL_MODULE):
            return False
        if self._panel_import is None:
            from ..workers import Task, start

            task = Task(lambda _progress, _cancelled: importlib.import_module(PANEL_MODULE))
            task.signals.done.connect(lambda _module: self._panel_imported(True))
            task.signals.failed.connect(lambda _exc: self._panel_imported(False))
            self._panel_import = task
            start(task)
        return True

    def _panel_imported(self, ok: bool) -> None:
        self._panel_import = ok

    def build_session_panel(self) -> Iterator[None]:
        """Build the open review's panel now, a part per step (`_panel_part`), giving the event
        loop a turn after each: for the window rebuilt after a restore, which starts it at
        once instead of after the first picture. Asked for meanwhile (its tab opened, the
        menu) the rest is built at once; a review opened meanwhile ends it."""
        review = self.review
        if self._session_panel is not None or review is None:
            return
        if not self._timer_has_work():
            self._panel_timer.stop()
        while self.review is review and self._session_panel is None and self._panel_part():
            yield

    def _drop_session_panel(self) -> None:
        """Let go of the previous review's panel (its typing saved first)."""
        self._panel_timer.stop()
        building, self._building_panel = self._building_panel, None
        if building is not None:  # half built in steps: never shown, nothing typed in it
            building.widget.deleteLater()
        panel, self._session_panel = self._session_panel, None
        if panel is None:
            return
        panel.flush()
        if self.tabs.currentIndex() == 1:
            self.tabs.setCurrentIndex(0)  # a new review starts on its moments
        self._session_host.layout().removeWidget(panel)
        panel.hide()
        panel.discuss.clip_box.hide()
        panel.discuss.clip_box.deleteLater()  # it lives under the video
        panel.deleteLater()

    def _make_session_panel(self) -> None:
        from ..samenleergesprek.panel import SessionPanel

        assert self.review is not None
        if not self._timer_has_work():
            self._panel_timer.stop()
        building, self._building_panel = self._building_panel, None
        if building is not None:  # being built in steps (build_session_panel): the rest now
            panel = building.finish()
        else:
            panel = SessionPanel(self.bridge, self.review.id, self.player, undo=self.undo,
                                 saves=self.saves)
        self._attach_session_panel(panel)

    def _attach_session_panel(self, panel: SessionPanel) -> None:
        self._session_panel = panel
        self._clip_host.addWidget(panel.discuss.clip_box)
        panel.discuss.sheet.typing_started.connect(self._typing_started)
        panel.step_shown.connect(self._arrange)
        panel.tab_after = self.tabs.tabBar()
        self._session_host.layout().addWidget(panel)
        panel.show()  # at once when its tab is on show (a layout shows new children later)
        self._arrange()

    def _reload_transcript(self) -> None:
        """The transcript lane (issue 22): hidden when the recording has no transcript."""
        from vsr.transcript.store import has_transcript, load_transcript

        assert self.recording is not None
        lib, rec = self.bridge.lib, self.recording.id
        segments = load_transcript(lib, rec).segments if has_transcript(lib, rec) else ()
        self.timeline.transcript_lane.set_transcript(segments)

    def transcribe(self) -> None:
        """Write down what was said (issue 22), in the background; the lane shows it after."""
        from ..dialogs import inform, show_error
        from ..team.playback import waiting_text
        from .transcribe_dialog import Transcriber

        if self.recording is None or getattr(self, "_transcriber", None) is not None:
            return
        waiting = waiting_text(self.recording.id)
        if waiting is not None:
            inform(self, self.tr("Write down what was said"), waiting)
            return
        try:
            media = rc.require_available(self.recording)
        except RecordingMissingError as exc:
            show_error(self, exc)
            return
        self._transcriber: Transcriber | None = Transcriber(self.bridge.lib, self.recording.id,
                                                            media, self)
        self._transcriber.finished.connect(self._transcribed)

    def name_voices(self) -> None:
        """Say which voice of the transcript is the client and which the professional."""
        from vsr.transcript.store import has_transcript

        from ..dialogs import inform
        from .voices_dialog import VoicesDialog

        if self.recording is None or self.review is None:
            return
        if not has_transcript(self.bridge.lib, self.recording.id):
            inform(self, self.tr("Who is who"), self.tr(
                "There is nothing written down yet. Choose “Write down what was said” in the "
                "File menu first."))
            return
        rec = self.recording.id
        VoicesDialog(self.bridge.lib, rec, self.review.id,
                     play=(lambda a, b: self.play_range(rec, a, b))
                     if self.playhead() is not None else None, parent=self).exec()

    def _transcribed(self, _ok: bool) -> None:
        self._transcriber = None  # the lane reloads through the "transcript" change event

    def _load_media(self) -> None:
        assert self.recording is not None
        path = self._start_player()
        if path is not None:
            self.envelopes.load(path, self.recording.fingerprint)

    def _start_player(self) -> Path | None:
        """Give the player the recording; the path, or None when it is missing (said so) or
        still on its way from the team's store (then it plays from there; ui.team.playback)."""
        from ..team.playback import stream_for

        assert self.recording is not None
        stream = stream_for(self.recording.id)
        if stream is not None and not rc.recording_available(self.recording):
            self.banner.hide()
            self.screen.setCurrentIndex(0)
            self.player.set_frame_duration_ms(40)
            self.timeline.view.set_envelope(None)  # the sound band comes with the file
            self.player.load_stream(*stream)
            return None
        try:
            path = rc.require_available(self.recording)
        except RecordingMissingError as exc:
            self.player.unload()
            self.banner.show_message(exc.message())
            self.timeline.view.set_envelope(None)
            return None
        self.banner.hide()
        self.screen.setCurrentIndex(0 if self.recording.has_video else 1)
        self.player.set_frame_duration_ms(
            int(round(1000 / self.recording.fps)) if self.recording.fps > 0 else 40)
        self.player.load(str(path))
        return path

    def recording_arrived(self, recording_id: int) -> None:
        """A shared recording that plays from the team's store is on this computer now: its
        sound band (and with the file, clips and transcripts). The player plays on as it is."""
        if self.recording is None or self.recording.id != recording_id:
            return
        self.recording = rc.get_recording(self.bridge.lib, recording_id)
        if self.recording.fps > 0:
            self.player.set_frame_duration_ms(int(round(1000 / self.recording.fps)))
        self.screen.setCurrentIndex(0 if self.recording.has_video else 1)
        if rc.recording_available(self.recording):
            self.envelopes.load(Path(self.recording.path), self.recording.fingerprint)

    def _cannot_play(self, message: str) -> None:
        """The player cannot play the recording (damaged, or a kind it cannot play): say so
        above the picture instead of leaving it black; the notes stay usable."""
        self.banner.show_message(message)

    def locate_recording(self) -> None:
        from ..dialogs import ask_media_file, show_error

        if self.recording is None:
            return
        chosen = ask_media_file(self, self.tr("Where is the recording “{title}”?")
                                .format(title=self.recording.title), Path(self.recording.path).parent)
        if chosen is None:
            return
        try:
            self.recording = rc.relocate_recording(self.bridge.lib, self.recording.id, chosen)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self._load_media()

    def _tab_changed(self, index: int) -> None:
        if index == 1 and self._session_panel is None and self.review is not None:
            self._make_session_panel()  # opened before the first picture: build it now
        self._arrange()

    def room(self) -> Room:
        """Which arrangement the open tab and step ask for."""
        panel = self._session_panel
        if self.tabs.currentIndex() != 1 or panel is None:
            return Room.MOMENTS
        return Room.STAP2 if panel.step == SessionStep.DISCUSS else Room.SESSION

    def _arrange(self, _step: object = None) -> None:
        """Stap 2 gives the gespreksblad the room: the timeline and the mark buttons fold away
        (marking is for watching, not for talking a moment through) and the video narrows, so
        A, B of both parties and C fit a 1366x768 screen without scrolling."""
        stap2 = self.room() == Room.STAP2
        self.timeline.setVisible(not stap2)
        self.mark_buttons.setVisible(not stap2)
        if self._session_panel is not None:
            self._session_panel.discuss.clip_box.setVisible(stap2)
        self._apply_share()

    def side_by_side_width(self) -> int:
        """The least width at which the video and the tabs fit beside each other."""
        parts = [self._top.widget(i).minimumSizeHint().width() for i in range(2)]
        margins = self.layout().contentsMargins()
        return sum(parts) + self._top.handleWidth() + margins.left() + margins.right()

    def fit_room(self, width: int) -> None:
        """The screen is `width` wide: the video and the tabs side by side when they fit it
        (with a scroll bar beside them), under each other when not."""
        self._room_width = width
        self._restack()

    def _restack(self) -> None:
        bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        # Below SIDE_BY_SIDE_LEAST the panels are always under each other: the steps of the
        # Samenleergesprek need different widths (and know theirs only once filled), so a
        # choice by the step on show would flip the layout under the user's pointer.
        least = max(self.side_by_side_width() + bar + 4, SIDE_BY_SIDE_LEAST)
        self.stack_panels(0 < self._room_width < least)

    def event(self, event: QEvent) -> bool:
        # Another tab or step asks for another width: decide again (the sum of both sides'
        # minimum widths does not depend on the direction, so this settles at once).
        if event.type() == QEvent.Type.LayoutRequest and self._room_width:
            self._restack()
        return super().event(event)

    def stack_panels(self, on: bool) -> None:
        """On a screen too narrow for the video beside the tabs (200 % text size) the tabs
        go under the video, and the window scrolls up and down instead of sideways."""
        orientation = Qt.Orientation.Vertical if on else Qt.Orientation.Horizontal
        if self._top.orientation() != orientation:
            self._top.setOrientation(orientation)
            self.updateGeometry()
            self._apply_share()

    def panels_stacked(self) -> bool:
        return self._top.orientation() == Qt.Orientation.Vertical

    def _apply_share(self) -> None:
        """Give the video its share of the width for the open tab (each tab keeps its own,
        as the user last dragged it); the minimum widths of both sides win over the share."""
        if self.panels_stacked():
            return  # under each other: each at least its minimum, the window scrolls
        total = sum(self._top.sizes()) or self._top.width()
        left = int(total * self.video_share[self.room()])
        self._top.setSizes([left, total - left])

    def _share_moved(self, _pos: int, _index: int) -> None:
        if self.panels_stacked():
            return
        sizes = self._top.sizes()
        if sum(sizes) > 0:
            self.video_share[self.room()] = sizes[0] / sum(sizes)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        # The consent strip wraps onto more lines when the window is narrow: count them, or
        # the video would be squeezed below its own minimum (and cropped) at the minimum size.
        hint = super().minimumSizeHint()
        strip = self.consent_strip
        if strip.isVisibleTo(self) and strip.hasHeightForWidth():
            extra = strip.heightForWidth(hint.width() - 12) - strip.minimumSizeHint().height()
            hint.setHeight(hint.height() + max(0, extra))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._apply_share()

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt API)
        """Tab and Shift+Tab follow reading order, made from where the controls are when the
        key is pressed: the mark buttons are made when a review opens, a gespreksblad's parts
        when a moment is chosen and the Samenleergesprek's when a step is shown, and Qt puts
        every new control at the end of the chain (Tab went from the moments to the timeline
        and only then to the mark buttons and the gespreksblad). The layout (side by side, or
        one under the other on a small screen) changes the order too. Qt's own chain is made
        in that order as well (where Tab goes when it comes into the page), but moving along
        it after a change made it skip back into the page's middle, so within the page the
        next control is taken from the order itself."""
        # Where the controls are now: parts just added or shown are laid out first.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        stops = tab_stops(self)
        chain_tab_order(stops)
        target = step_along(stops, QApplication.focusWidget(), next)
        if target is None:
            return super().focusNextPrevChild(next)
        target.setFocus(Qt.FocusReason.TabFocusReason if next
                        else Qt.FocusReason.BacktabFocusReason)
        return True

    def save_layout(self, settings: QSettings) -> None:
        """Remember the splitters (the window calls this when it closes)."""
        settings.setValue("review/video_share", [self.video_share[room] for room in Room])
        for key, splitter in (("review/outer", self._outer), ("review/moments", self._moments)):
            if all(size > 0 for size in splitter.sizes()):  # never shown (start page): no sizes
                settings.setValue(key, splitter.saveState())

    def restore_layout(self, settings: QSettings) -> None:
        shares = settings.value("review/video_share")
        if isinstance(shares, list) and len(shares) in (2, 3):  # 2: before Stap 2 had its own
            try:
                for room, share in zip(Room, shares, strict=False):
                    self.video_share[room] = share_of_width(share)
            except ValueError:
                pass
        for key, splitter in (("review/outer", self._outer), ("review/moments", self._moments)):
            state = settings.value(key)
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        self._apply_share()

    def _duration_known(self, ms: int) -> None:
        # The player may know a shorter length than the library (or one the probe could not
        # tell). A longer one is the header of a cut-off file: the probe already found where
        # its data stops, so that stays.
        if self.recording is None or ms <= 0:
            return
        known = self.recording.duration_ms
        if known <= 0 or ms < known - 1000:
            self.timeline.view.set_duration(min(ms, MAX_RECORDING_MS))

    # -- refreshing -----------------------------------------------------------------------
    def _reload_parties(self) -> None:
        assert self.review is not None
        self.parties = rv.list_parties(self.bridge.lib, self.review.id)
        self.timeline.view.set_parties(self.parties)
        self.mark_buttons.set_parties(self.parties)

    def _load_markers(self) -> None:
        """The markers of the review just opened: a long list is read on a worker once the
        first picture is on screen (meanwhile the list says it is reading them, and marks,
        undo and changes work on what is there; _show_loaded puts them together); a short
        one, or one whose markers are hidden (then only the counts are read), at once."""
        assert self.review is not None
        lib, review_id = self.bridge.lib, self.review.id
        self._stop_loading()
        count = lib.query("SELECT COUNT(*) AS n FROM (SELECT 1 FROM markers WHERE review_id = ?"
                          " LIMIT ?)", (review_id, MARKERS_READ_AT_ONCE + 1))[0]["n"]
        if int(str(count)) <= MARKERS_READ_AT_ONCE or hidden_now(lib, review_id):
            self._reload_markers()
            return
        # Read after the first picture: the worker's Python work takes the interpreter lock
        # from the UI thread and from VLC's log messages while the recording opens.
        self._read_wanted = True
        # Until they come: nothing shown, nothing hidden (a hiding switched on meanwhile is
        # a change that reads everything again).
        self._show_shared(SharedScreen(False, (), {}), {})
        self.marker_list.set_loading(True)

    def _loading(self) -> bool:
        return self._read_wanted or self.marker_loader.busy() or self._loaded is not None

    def markers_shown(self) -> bool:
        """The open review's markers are read and shown (a long review reads them on a worker
        after the first picture)."""
        return self.review is not None and not self._loading()

    def _timer_has_work(self) -> bool:
        """Something still waits for the first picture besides the panel."""
        return self._read_wanted or self._loaded is not None or self._touch_pending is not None

    def _stop_loading(self) -> None:
        """Forget a read under way or waiting to be shown (a new one, or a full read now)."""
        self.marker_loader.cancel()
        self._read_wanted = False
        self._loaded = None
        self._changed_while_loading.clear()
        self._words_while_loading.clear()
        self.marker_list.set_loading(False)

    def _markers_loaded(self, loaded: LoadedMarkers) -> None:
        if self.review is None or loaded.review_id != self.review.id:
            return
        if self._after_first_picture():
            self._show_loaded(loaded)
        else:  # the picture first: the timer shows them once it is on screen
            self._loaded = loaded
            if not self._panel_timer.isActive():
                self._panel_timer.start()

    def _markers_failed(self, exc: object) -> None:
        """The worker could not read them: read them here, where a failure is said."""
        from ..dialogs import show_error

        self._stop_loading()
        try:
            self._reload_markers()
        except VsrError as error:
            show_error(self, error)

    def _show_loaded(self, loaded: LoadedMarkers) -> None:
        """Show what the worker read, with what changed since put over it: the markers added,
        moved or removed meanwhile are read again (a few rows), so a mark made before the list
        came, or its undo, is there as it is now."""
        assert self.review is not None
        lib, review_id = self.bridge.lib, self.review.id
        changed = tuple(self._changed_while_loading)
        described = self._words_while_loading | self._changed_while_loading
        self._stop_loading()
        shared, words = loaded.shared, dict(loaded.words)
        if changed:
            shared = refresh_shared_screen(lib, shared, review_id, changed)
        if shared.hidden:
            words = {}
        elif described:
            for marker_id in described:
                words.pop(marker_id, None)
            words.update(sh.what_happened_words(
                lib, review_id, tuple(i for i in described if shared.shows(i))))
        self._show_shared(shared, words)
        pending, self._pending_select = self._pending_select, None
        if pending is not None:
            self.select_marker(pending[0], seek=pending[1])

    def _refresh_markers(self) -> None:
        """Anything about the markers may have changed (a party, the hiding, a theme): read
        them all again. While a background read is under way it is asked again (what it read
        may be older than the change); once they are hidden, nothing may stay shown, so that
        is read here at once (only the counts)."""
        assert self.review is not None
        if self._loading() and not hidden_now(self.bridge.lib, self.review.id):
            if not self._read_wanted:  # under way or read: what it read may be older
                self._loaded = None
                self.marker_loader.load(self.bridge.lib.path, self.review.id)
        else:
            self._reload_markers()

    def _reload_markers(self) -> None:
        """Read every marker again, here (see _load_markers for a review just opened)."""
        assert self.review is not None
        lib = self.bridge.lib
        self._stop_loading()
        # With independent marking on, nobody sees any marker until both reveal them together;
        # the core decides what the shared screen may show (vsr.samenleergesprek.blind).
        shared = shared_screen(lib, self.review.id)
        words = sh.what_happened_words(lib, self.review.id) if shared.markers else {}
        self._show_shared(shared, words)

    def _show_shared(self, shared: SharedScreen, words: dict[int, str]) -> None:
        self.shared = shared
        self.markers = list(self.shared.markers)
        hidden = self.shared.hidden
        self.marker_list.set_hidden_notice(hidden)
        # Hidden lanes say "(verborgen)" and take no drawn ranges: a range being drawn would
        # show the other party where.
        self.timeline.view.set_hidden_parties({p.id for p in self.parties} if hidden else set())
        self.mark_buttons.set_counts(self.shared.counts if hidden else None)
        if not hidden and (self.hidden_undo.undoable() or self.hidden_undo.redoable()):
            self.hidden_undo.clear()  # revealed: ordinary moments now, deleted like any other
        self.timeline.view.set_markers(self.markers, in_order=True)  # as the core lists them
        self.marker_list.set_data(self.markers, self.parties, words, length_ms=(
            self.recording.duration_ms if self.recording is not None else 0))
        if self.selected is not None and not self.shared.shows(self.selected):
            self.select_marker(None)

    def _reload_pauses(self) -> None:
        """Where each party paused the replay: a small mark in its lane."""
        assert self.review is not None
        self.timeline.view.set_pauses(
            (p.party_id, p.position_ms) for p in ps.list_pauses(self.bridge.lib, self.review.id))

    def _update_markers(self, ids: tuple[int, ...]) -> None:
        """Markers `ids` were added, moved or removed: update those rows and glyphs only. The
        core decides again what the shared screen may show (vsr.samenleergesprek.blind)."""
        assert self.review is not None
        if self.shared is None or self.shared.hidden:
            self._reload_markers()  # nothing is shown but the counts: a full read is cheap
            return
        if self._loading():  # read again when the list comes, over what was read
            self._changed_while_loading.update(ids)
        self.shared = refresh_shared_screen(self.bridge.lib, self.shared, self.review.id, ids)
        if self.shared.hidden:
            self._reload_markers()
            return
        self.markers = list(self.shared.markers)
        shown = {i: self.shared.by_id[i] for i in ids if i in self.shared.by_id}
        # As the core lists them; only `ids` differ, so only they are laid out again.
        self.timeline.view.set_markers(self.markers, in_order=True,
                                       changed={i: shown.get(i) for i in ids})
        words = sh.what_happened_words(self.bridge.lib, self.review.id, tuple(shown))
        for marker_id in ids:
            if marker_id in shown:
                self.marker_list.put_marker(shown[marker_id], words.get(marker_id, ""))
            else:
                self.marker_list.remove_marker(marker_id)
        if self.selected is not None and not self.shared.shows(self.selected):
            self.select_marker(None)

    def _update_words(self, ids: tuple[int, ...]) -> None:
        """A gespreksblad changed: only the first words of its row can change here (and a
        hidden moment shows none)."""
        assert self.review is not None
        if self._loading():
            self._words_while_loading.update(ids)
        if self.shared is None or self.shared.hidden:
            return
        visible = tuple(i for i in ids if self.shared.shows(i))
        if visible:
            words = sh.what_happened_words(self.bridge.lib, self.review.id, visible)
            for marker_id, text in words.items():
                self.marker_list.set_words(marker_id, text)

    def _on_change(self, change: Change) -> None:
        if self.review is None or change.review_id not in (None, self.review.id):
            return
        if (change.entity in (Entity.CONSENT, Entity.RECORDING) and self.recording is not None
                and (not change.ids or self.recording.id in change.ids)):
            self.consent_strip.show_recording(self.bridge.lib, self.recording.id)
        if change.entity == ps.ENTITY:
            self._reload_pauses()
        if (change.entity == Entity.TRANSCRIPT and self.recording is not None
                and self.recording.id in change.ids):
            self._reload_transcript()
        if change.entity == Entity.PARTY:
            self._reload_parties()
            self._refresh_markers()
            self.sheet.set_marker(self.selected, self.parties)
        elif change.entity == Entity.MARKER and change.ids:
            self._update_markers(change.ids)
            if self.actions[ActionId.LOOP].isChecked():
                self._apply_loop(True)
        elif change.entity == Entity.SHEET and change.ids:
            self._update_words(change.ids)
        elif change.entity in (Entity.MARKER, Entity.SHEET, Entity.THEME, Entity.SESSION):
            self._refresh_markers()
        elif change.entity == Entity.REVIEW and change.action == Action.UPDATED:
            self.review = rv.get_review(self.bridge.lib, self.review.id)
            self.title_changed.emit(self.review.title)

    # -- intents (marking: ui.review.marking) ----------------------------------------------
    def pause_for(self, party_id: int) -> None:
        """A party paused the replay by key (Alt+digit): the same as their pause button, so
        the pause is recorded (Samenleergesprek panel) and announced."""
        party = next((p for p in self.parties if p.id == party_id), None)
        if party is None or not self.player.is_playing():
            return
        if self.session_panel is not None:
            self.session_panel.pause_for(party_id)
        else:
            self.player.pause()
        announce(self.tr("Paused for {name}").format(name=party.name), self)

    def _step_tab(self, direction: int) -> None:
        """Ctrl+Tab / Ctrl+PgDown and back: the other tab, with the focus on the tab bar."""
        count = self.tabs.count()
        if count > 1:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + direction) % count)
            self.tabs.tabBar().setFocus(Qt.FocusReason.TabFocusReason)

    def _marker_moved(self, marker_id: int, start_ms: int, end_ms: object) -> None:
        end = None if end_ms is None else int(end_ms)  # type: ignore[call-overload]
        if not push_performed(self.undo, MoveMarkerCommand(
                self.bridge.lib, marker_id, start_ms, end, report=self.sheet.report)):
            self._reload_markers()  # not saved: the marker goes back to where it is stored

    def change_selected_time(self) -> None:
        """F2: the chosen moment's start and end in time boxes (the keyboard's way to do what
        dragging its marker does)."""
        marker = next((m for m in self.markers if m.id == self.selected), None)
        if marker is None or self.recording is None:
            return
        from .moment_time_dialog import MomentTimeDialog

        dialog = MomentTimeDialog(marker, self.recording.duration_ms, self)
        if dialog.exec() != MomentTimeDialog.DialogCode.Accepted:
            return
        start, end = dialog.times()
        if (start, end) == (marker.start_ms, marker.end_ms):
            return
        if push_performed(self.undo, MoveMarkerCommand(self.bridge.lib, marker.id, start, end,
                                                       report=self.sheet.report)):
            moved = dataclasses.replace(marker, start_ms=start, end_ms=end)
            party = next((p for p in self.parties if p.id == marker.party_id), None)
            announce(self.tr("Moment moved: {moment}").format(moment=marker_name(moved, party)),
                     self)
        else:
            self._reload_markers()

    def delete_selected(self) -> None:
        if self.selected is not None:
            marker = next((m for m in self.markers if m.id == self.selected), None)
            done = push_performed(self.undo, DeleteMarkerCommand(self.bridge.lib, self.selected,
                                                                 report=self.sheet.report))
            if done and marker is not None:
                # The focus moves on to the next row: without this a screen reader user heard
                # that row, not that a moment had gone (nor how to get it back).
                party = next((p for p in self.parties if p.id == marker.party_id), None)
                announce(self.tr("Moment deleted: {moment}. Ctrl+Z puts it back.").format(
                    moment=marker_name(marker, party)), self)

    def _list_activated(self, marker_id: int) -> None:
        self.select_marker(marker_id, seek=True)

    def select_marker(self, marker_id: int | None, *, seek: bool = False) -> None:
        """Select a marker everywhere (timeline, list, sheet, loop, delete, collections). A
        marker the shared screen may not show is never selected (see _reload_markers). One
        asked for while the markers are still being read (a search hit) is selected when they
        come, if it may be shown then."""
        if (marker_id is not None and self._loading() and self.shared is not None
                and not self.shared.shows(marker_id)):
            self._pending_select = (marker_id, seek)
            return
        self._pending_select = None
        if self.shared is None or not self.shared.shows(marker_id):
            marker_id = None
        self.selected = marker_id
        self.timeline.view.set_selected_marker(marker_id)
        self.marker_list.select_marker(marker_id)
        self.sheet.set_marker(marker_id, self.parties)
        for chosen in (ActionId.DELETE_MARKER, ActionId.MARKER_TIME):
            self.actions[chosen].setEnabled(
                marker_id is not None and not self.bridge.lib.read_only)
        marker = self._marker(marker_id)
        if marker is not None and seek:
            self.player.seek(marker.start_ms)
        if self.actions[ActionId.LOOP].isChecked():
            self._apply_loop(True)

    def _marker(self, marker_id: int | None) -> Marker | None:
        return next((m for m in self.markers if m.id == marker_id), None)

    def _step_marker(self, direction: int) -> None:
        if not self.markers:
            return
        pos = self.player.position()
        if direction > 0:
            target = next((m for m in self.markers if m.start_ms > pos + 200), None)
        else:
            target = next((m for m in reversed(self.markers) if m.start_ms < pos - 200), None)
        if target is not None:
            self.select_marker(target.id, seek=True)

    def _apply_loop(self, on: bool) -> None:
        marker = self._marker(self.selected)
        if not on or marker is None:
            self.player.clear_loop()
            self.timeline.view.clear_loop_range()
            return
        if marker.end_ms is not None and marker.end_ms > marker.start_ms:
            start, end = marker.start_ms, marker.end_ms
        else:
            start = max(0, marker.start_ms - LOOP_AROUND_POINT_MS)
            end = marker.start_ms + LOOP_AROUND_POINT_MS
        end = min(end, max(self.player.duration(), marker.start_ms + 1))
        if end <= start:  # a moment at the very end of the recording: nothing to repeat
            self.player.clear_loop()
            self.timeline.view.clear_loop_range()
            return
        self.player.set_loop(start, end)
        self.timeline.view.set_loop_range(start, end)

    def playhead(self) -> tuple[int, int] | None:
        """(recording id, position in ms) while a playable recording is open."""
        if self.recording is None or not self.banner.isHidden():
            return None
        return self.recording.id, self.player.position()

    def play_range(self, recording_id: int, start_ms: int, end_ms: int) -> bool:
        """Play a part of the open recording on a loop (a clip preview from another window)."""
        if self.playhead() is None or self.recording is None or recording_id != self.recording.id:
            return False
        self.actions[ActionId.LOOP].setChecked(False)
        self.player.set_loop(start_ms, end_ms)
        self.timeline.view.set_loop_range(start_ms, end_ms)
        self.player.seek(start_ms)
        self.player.play()
        return True

    def _set_pause_on_mark(self, on: bool) -> None:
        review = self.review
        if review is None or review.pause_on_mark == on:
            return
        if perform(lambda: rv.set_pause_on_mark(self.bridge.lib, review.id, on),
                   report=in_box(self)).ok:
            self.review = rv.get_review(self.bridge.lib, review.id)
            return
        action = self.actions[ActionId.PAUSE_ON_MARK]  # not saved: the tick shows what is
        blocked = action.blockSignals(True)
        action.setChecked(review.pause_on_mark)
        action.blockSignals(blocked)

    def _typing_started(self) -> None:
        # "Pause while typing": whoever starts writing gets the picture to hold still.
        if self.actions[ActionId.PAUSE_WHILE_TYPING].isChecked() and self.player.is_playing():
            self.player.pause()

    def close_review(self) -> None:
        """Save what is being typed and let go of the media."""
        self.sheet.flush()
        self._panel_timer.stop()
        self._stop_loading()
        self._touch_opened()
        if self._session_panel is not None:
            self._session_panel.flush()
        self.envelopes.cancel()
        self.player.unload()
        if self.recording is not None:
            self.recording_released.emit(self.recording.id)
