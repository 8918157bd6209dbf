"""The joint review workspace: video, transport, mark buttons, timeline, marker list and the
gespreksblad of the selected moment. It turns user intents into undoable core operations and
refreshes from library change events."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vsr.errors import RecordingMissingError
from vsr.library import Change
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.model import MAX_RECORDING_MS, Marker, Party, Recording, Review
from vsr.session import SharedScreen, shared_screen
from vsr.session.blind import refresh_shared_screen

from ..accessibility_announce import announce
from ..actions import ActionId, ActionRegistry
from ..bridge import LibraryBridge
from ..operations import push_performed
from ..player.base import MediaPlayer
from ..session.panel import SessionPanel
from ..timefmt import format_ms
from ..timeline.panel import TimelinePanel
from .consent_strip import ConsentStrip
from .envelope_loader import EnvelopeLoader
from .mark_buttons import MarkButtons
from .marker_list import MarkerListPanel
from .missing_banner import MissingRecordingBanner
from .sheet_editor import SheetEditor
from .shuttle import Shuttle
from .transport import TransportBar
from .undo_commands import AddMarkerCommand, DeleteMarkerCommand, MoveMarkerCommand

LOOP_AROUND_POINT_MS = 5_000


def _share(value: object) -> float:
    """A stored share of the width, kept between 20 % and 80 %."""
    return min(0.8, max(0.2, float(str(value))))


class ReviewView(QWidget):
    """One open review. `title_changed` lets the window show the review's title."""

    title_changed = Signal(str)

    def __init__(self, bridge: LibraryBridge, player: MediaPlayer, actions: ActionRegistry,
                 undo: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge, self.player, self.actions, self.undo = bridge, player, actions, undo
        self.review: Review | None = None
        self.recording: Recording | None = None
        self.parties: list[Party] = []
        self.markers: list[Marker] = []
        self.selected: int | None = None
        self.shared: SharedScreen | None = None  # what the shared screen may show now
        # The video's share of the width beside the Moments tab (False) and the
        # Samenleergesprek (True), which needs more room.
        self.video_share = {False: 0.55, True: 0.48}
        self._build()
        self._connect()
        self.envelopes = EnvelopeLoader(self)
        self.envelopes.ready.connect(self.timeline.view.set_envelope)

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.banner = MissingRecordingBanner()
        self.consent_strip = ConsentStrip()
        self.transport = TransportBar(self.player, self.actions)
        self.mark_buttons = MarkButtons(self)
        self.timeline = TimelinePanel()
        self.marker_list = MarkerListPanel()
        self.sheet = SheetEditor(self.bridge, self.undo)
        self.shuttle = Shuttle(self.player, self)

        left = QWidget()
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
        self.session_panel: SessionPanel | None = None
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
        a[ActionId.DELETE_MARKER].triggered.connect(self.delete_selected)
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
        self.mark_buttons.mark_requested.connect(self.mark)
        self.mark_buttons.pause_requested.connect(self.pause_for)
        a[ActionId.NEXT_TAB].triggered.connect(lambda: self._step_tab(1))
        a[ActionId.PREV_TAB].triggered.connect(lambda: self._step_tab(-1))
        self.marker_list.marker_activated.connect(self._list_activated)
        self.sheet.typing_started.connect(self._typing_started)
        self.banner.locate_requested.connect(self.locate_recording)
        self.consent_strip.change_requested.connect(a[ActionId.CONSENT].trigger)
        self.bridge.changed.connect(self._on_change)

    # -- opening --------------------------------------------------------------------------
    def open_review(self, review_id: int) -> None:
        lib = self.bridge.lib
        self.sheet.flush()
        self.review = rv.get_review(lib, review_id)
        self.recording = rc.get_recording(lib, self.review.recording_id)
        rv.touch_review(lib, review_id)
        self.undo.clear()
        self.selected = None
        self.actions[ActionId.PAUSE_ON_MARK].setChecked(self.review.pause_on_mark)
        self._reload_parties()
        self._reload_markers()
        self.timeline.view.set_duration(self.recording.duration_ms)
        self.timeline.view.zoom_to_fit()
        self.sheet.set_marker(None, self.parties)
        self.consent_strip.show_recording(lib, self.recording.id)
        self._make_session_panel()
        self.title_changed.emit(self.review.title)
        self._load_media()

    def _make_session_panel(self) -> None:
        assert self.review is not None
        if self.session_panel is not None:
            self.session_panel.flush()
            self.tabs.removeTab(1)
            self.session_panel.deleteLater()
        self.session_panel = SessionPanel(self.bridge, self.review.id, self.player,
                                          undo=self.undo)
        self.session_panel.discuss.sheet.typing_started.connect(self._typing_started)
        self.tabs.addTab(self.session_panel, self.tr("Samenleergesprek"))

    def _load_media(self) -> None:
        assert self.recording is not None
        try:
            path = rc.require_available(self.recording)
        except RecordingMissingError as exc:
            self.player.unload()
            self.banner.show_message(exc.message())
            self.timeline.view.set_envelope(None)
            return
        self.banner.hide()
        self.screen.setCurrentIndex(0 if self.recording.has_video else 1)
        self.player.set_frame_duration_ms(
            int(round(1000 / self.recording.fps)) if self.recording.fps > 0 else 40)
        self.player.load(str(path))
        self.envelopes.load(path, self.recording.fingerprint)

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

    def _tab_changed(self, _index: int) -> None:
        self._apply_share()

    def _apply_share(self) -> None:
        """Give the video its share of the width for the open tab (each tab keeps its own,
        as the user last dragged it); the minimum widths of both sides win over the share."""
        total = sum(self._top.sizes()) or self._top.width()
        left = int(total * self.video_share[self.tabs.currentIndex() == 1])
        self._top.setSizes([left, total - left])

    def _share_moved(self, _pos: int, _index: int) -> None:
        sizes = self._top.sizes()
        if sum(sizes) > 0:
            self.video_share[self.tabs.currentIndex() == 1] = sizes[0] / sum(sizes)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._apply_share()

    def save_layout(self, settings: QSettings) -> None:
        """Remember the splitters (the window calls this when it closes)."""
        settings.setValue("review/video_share", [self.video_share[False], self.video_share[True]])
        for key, splitter in (("review/outer", self._outer), ("review/moments", self._moments)):
            if all(size > 0 for size in splitter.sizes()):  # never shown (start page): no sizes
                settings.setValue(key, splitter.saveState())

    def restore_layout(self, settings: QSettings) -> None:
        shares = settings.value("review/video_share")
        if isinstance(shares, list) and len(shares) == 2:
            try:
                self.video_share = {False: _share(shares[0]), True: _share(shares[1])}
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

    def _reload_markers(self) -> None:
        assert self.review is not None
        lib = self.bridge.lib
        # With independent marking on, nobody sees any marker until both reveal them together;
        # the core decides what the shared screen may show (vsr.session.blind).
        self.shared = shared_screen(lib, self.review.id)
        self.markers = list(self.shared.markers)
        hidden = self.shared.hidden
        self.marker_list.set_hidden_notice(hidden)
        # Hidden lanes say "(verborgen)" and take no drawn ranges: a range being drawn would
        # show the other party where.
        self.timeline.view.set_hidden_parties({p.id for p in self.parties} if hidden else set())
        self.mark_buttons.set_counts(self.shared.counts if hidden else None)
        words = sh.what_happened_words(lib, self.review.id) if self.markers else {}
        self.timeline.view.set_markers(self.markers, in_order=True)  # as the core lists them
        self.marker_list.set_data(self.markers, self.parties, words)
        if self.selected is not None and not self.shared.shows(self.selected):
            self.select_marker(None)

    def _update_markers(self, ids: tuple[int, ...]) -> None:
        """Markers `ids` were added, moved or removed: update those rows and glyphs only. The
        core decides again what the shared screen may show (vsr.session.blind)."""
        assert self.review is not None
        if self.shared is None or self.shared.hidden:
            self._reload_markers()  # nothing is shown but the counts: a full read is cheap
            return
        self.shared = refresh_shared_screen(self.bridge.lib, self.shared, self.review.id, ids)
        if self.shared.hidden:
            self._reload_markers()
            return
        self.markers = list(self.shared.markers)
        self.timeline.view.set_markers(self.markers, in_order=True)  # as the core lists them
        shown = {m.id: m for m in self.markers if m.id in ids}
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
        if (change.entity in ("consent", "recording") and self.recording is not None
                and (not change.ids or self.recording.id in change.ids)):
            self.consent_strip.show_recording(self.bridge.lib, self.recording.id)
        if change.entity == "party":
            self._reload_parties()
            self._reload_markers()
            self.sheet.set_marker(self.selected, self.parties)
        elif change.entity == "marker" and change.ids:
            self._update_markers(change.ids)
            if self.actions[ActionId.LOOP].isChecked():
                self._apply_loop(True)
        elif change.entity == "sheet" and change.ids:
            self._update_words(change.ids)
        elif change.entity in ("marker", "sheet", "theme", "session"):
            self._reload_markers()
        elif change.entity == "review" and change.action == "updated":
            self.review = rv.get_review(self.bridge.lib, self.review.id)
            self.title_changed.emit(self.review.title)

    # -- intents --------------------------------------------------------------------------
    def mark(self, party_id: int) -> None:
        """Mark the current moment for a party, while the video keeps playing (unless asked)."""
        if self.review is None:
            return
        if self.review.pause_on_mark and self.player.is_playing():
            self.player.pause()
        command = AddMarkerCommand(self.bridge.lib, party_id, self.player.position(),
                                   report=self.sheet.report)
        if push_performed(self.undo, command):
            self._show_new_marker(party_id, command.marker_id)

    def pause_for(self, party_id: int) -> None:
        """A party paused the replay by key (Alt+digit): the same as their pause button."""
        party = next((p for p in self.parties if p.id == party_id), None)
        if party is None or not self.player.is_playing():
            return
        self.player.pause()
        announce(self.tr("Paused for {name}").format(name=party.name), self)

    def _step_tab(self, direction: int) -> None:
        """Ctrl+Tab / Ctrl+PgDown and back: the other tab, with the focus on the tab bar."""
        count = self.tabs.count()
        if count > 1:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + direction) % count)
            self.tabs.tabBar().setFocus(Qt.FocusReason.TabFocusReason)

    def _range_drawn(self, party_id: int, start_ms: int, end_ms: int) -> None:
        command = AddMarkerCommand(self.bridge.lib, party_id, start_ms, end_ms, report=self.sheet.report)
        if push_performed(self.undo, command):
            self._show_new_marker(party_id, command.marker_id)

    def _show_new_marker(self, party_id: int, marker_id: int | None) -> None:
        """Open the sheet of a new marker, or, while the markers are hidden, only let its
        party know the mark was taken (count and flash of their button)."""
        if self.shared is None or not (self.shared.hidden or self.shared.shows(marker_id)):
            self._reload_markers()  # the change event did not reach this view (yet)
        name = next((p.name for p in self.parties if p.id == party_id), "")
        if self.shared is not None and self.shared.hidden:
            self.mark_buttons.flash(party_id)
            announce(self.tr("Moment marked for {name}; hidden until you show them "
                             "together").format(name=name), self)
        else:
            self.select_marker(marker_id, seek=False)
            marker = self._marker(marker_id)
            when = format_ms(marker.start_ms) if marker is not None else ""
            announce(self.tr("Moment marked for {name} at {time}").format(name=name, time=when),
                     self)

    def _marker_moved(self, marker_id: int, start_ms: int, end_ms: object) -> None:
        end = None if end_ms is None else int(end_ms)  # type: ignore[call-overload]
        if not push_performed(self.undo, MoveMarkerCommand(
                self.bridge.lib, marker_id, start_ms, end, report=self.sheet.report)):
            self._reload_markers()  # not saved: the marker goes back to where it is stored

    def delete_selected(self) -> None:
        if self.selected is not None:
            push_performed(self.undo, DeleteMarkerCommand(self.bridge.lib, self.selected,
                                                          report=self.sheet.report))

    def _list_activated(self, marker_id: int) -> None:
        self.select_marker(marker_id, seek=True)

    def select_marker(self, marker_id: int | None, *, seek: bool = False) -> None:
        """Select a marker everywhere (timeline, list, sheet, loop, delete, collections). A
        marker the shared screen may not show is never selected (see _reload_markers)."""
        if self.shared is None or not self.shared.shows(marker_id):
            marker_id = None
        self.selected = marker_id
        self.timeline.view.set_selected_marker(marker_id)
        self.marker_list.select_marker(marker_id)
        self.sheet.set_marker(marker_id, self.parties)
        self.actions[ActionId.DELETE_MARKER].setEnabled(marker_id is not None)
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
        if self.review is not None and self.review.pause_on_mark != on:
            rv.set_pause_on_mark(self.bridge.lib, self.review.id, on)
            self.review = rv.get_review(self.bridge.lib, self.review.id)

    def _typing_started(self) -> None:
        # "Pause while typing": whoever starts writing gets the picture to hold still.
        if self.actions[ActionId.PAUSE_WHILE_TYPING].isChecked() and self.player.is_playing():
            self.player.pause()

    def close_review(self) -> None:
        """Save what is being typed and let go of the media."""
        self.sheet.flush()
        if self.session_panel is not None:
            self.session_panel.flush()
        self.envelopes.cancel()
        self.player.unload()
