"""The collections window (verzamelingen): collections for intervisie or training with how long
they are kept, their clips in order, adding the selected moment of the open review (a range as
it is, a point with a chosen lead and lag), and per clip its title, start and end (trim), the
discussion questions or exercise task, and whether the parties' own A/B/C goes along (only when
their review allows it). Every edit is saved the moment it is made, through
`vsr.library.collections`, which refuses a clip without consent; that refusal is shown as the
core words it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, QTime, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from vsr.dates import TIME_FIELD_FORMAT, clock, long_date, seconds
from vsr.errors import NotFoundError
from vsr.i18n import translate
from vsr.library import collections as co
from vsr.library.changes import Change, Entity
from vsr.library.consent import SHARED_PURPOSES
from vsr.library.recordings import get_recording
from vsr.library.retention import set_collection_retention

from ..bridge import LibraryBridge
from ..date_fields import OptionalDateField
from ..operations import in_box, perform
from ..review.sheet_fields import SheetTextField
from ..status_line import StatusLine

SelectedMarker = Callable[[], "int | None"]
RETENTION_SAVE_DELAY_MS = 700
# Changes made elsewhere (e.g. a withdrawal) that reload the collections.
_RELOAD_ON = {Entity.COLLECTION, Entity.CLIP, Entity.CONSENT, Entity.RECORDING, Entity.REVIEW}


@dataclass(frozen=True, slots=True)
class PlayerLink:
    """What the collections window may ask of the open review: the recording and playhead it
    shows, and to play a part of that recording on a loop (a clip preview)."""

    position: Callable[[], tuple[int, int] | None]  # (recording id, ms) or None
    play_range: Callable[[int, int, int], bool]  # (recording id, start, end) -> played


def _time(ms: int) -> QTime:
    return QTime(0, 0).addMSecs(max(0, ms))


def _ms(value: QTime) -> int:
    return int(value.msecsSinceStartOfDay())


def _time_edit() -> QTimeEdit:
    edit = QTimeEdit()
    edit.setDisplayFormat(TIME_FIELD_FORMAT)
    edit.setCurrentSection(QTimeEdit.Section.SecondSection)
    edit.setKeyboardTracking(False)
    return edit


class CollectionDialog(QDialog):
    """`selected_marker` gives the id of the moment selected in the open review (or None)."""

    def __init__(self, bridge: LibraryBridge, selected_marker: SelectedMarker,
                 parent: QWidget | None = None, *, player: PlayerLink | None = None) -> None:
        super().__init__(parent)
        self.bridge, self.selected_marker = bridge, selected_marker
        self.player = player
        self._shown: int | None = None  # the clip whose details the form shows
        self.setWindowTitle(self.tr("Clip collections"))
        self.resize(1000, 640)
        splitter = QSplitter()
        splitter.addWidget(self._collections_side())
        splitter.addWidget(self._clips_side())
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([330, 670])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._retention_timer = QTimer(self)
        self._retention_timer.setSingleShot(True)
        self._retention_timer.setInterval(RETENTION_SAVE_DELAY_MS)
        self._retention_timer.timeout.connect(self.save_retention)
        self.keep_field.changed.connect(self._retention_edited)
        bridge.changed.connect(self._on_change)
        self.refresh_collections()

    # -- building ---------------------------------------------------------------------------
    def _collections_side(self) -> QWidget:
        side = QGroupBox(self.tr("Collections"))
        self.collections = QListWidget()
        self.collections.setAccessibleName(self.tr("Collections"))
        self.collections.currentRowChanged.connect(lambda _row: self._collection_changed())
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.rename_button.clicked.connect(self.rename_current)
        self.delete_button.clicked.connect(self.delete_current)
        manage = QHBoxLayout()
        manage.addWidget(self.rename_button)
        manage.addWidget(self.delete_button)
        self.keep_field = OptionalDateField(self.tr("Keep until"),
                                            date.today().replace(year=date.today().year + 1))
        self.has_keep, self.keep_until = self.keep_field.check, self.keep_field.edit
        self.keep_note = QLabel()
        self.keep_note.setWordWrap(True)
        self.keep_note.setStyleSheet("color: #444444;")
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Name of the new collection"))
        self.name.returnPressed.connect(self.new_collection)
        self.purpose = QComboBox()
        for purpose in SHARED_PURPOSES:
            self.purpose.addItem(translate(purpose.label_key), purpose.value)
        self.new_button = QPushButton(self.tr("New collection"))
        self.new_button.clicked.connect(self.new_collection)
        new_box = QGroupBox(self.tr("New collection"))
        new_layout = QVBoxLayout(new_box)
        new_layout.addWidget(self.name)
        new_layout.addWidget(self.purpose)
        new_layout.addWidget(self.new_button)
        layout = QVBoxLayout(side)
        layout.addWidget(self.collections, 1)
        layout.addLayout(manage)
        layout.addWidget(self.keep_field)
        layout.addWidget(self.keep_note)
        layout.addWidget(new_box)
        return side

    def _clips_side(self) -> QWidget:
        side = QGroupBox(self.tr("Clips"))
        self.clips = QListWidget()
        self.clips.setAccessibleName(self.tr("Clips"))
        self.clips.currentRowChanged.connect(lambda _row: self._show_clip())
        self.add_button = QPushButton(self.tr("Add selected moment"))
        self.add_button.setToolTip(self.tr(
            "Adds the moment selected in the review. A range is taken as it is; a point gets the "
            "time before and after it set here. Draw a range on the timeline with Shift-drag."))
        self.lead = QSpinBox()
        self.lag = QSpinBox()
        for spin in (self.lead, self.lag):
            spin.setRange(0, 120)
            spin.setValue(5)
            spin.setSuffix(self.tr(" s"))
        self.up_button = QPushButton(self.tr("Up"))
        self.down_button = QPushButton(self.tr("Down"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.team_button = QPushButton(self.tr("Share with team…"))
        self.team_button.setToolTip(self.tr("Share this collection with a team in the team "
                                            "library, for its purpose"))
        self.add_button.clicked.connect(self.add_selected_marker)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.remove_button.clicked.connect(self.remove_current)
        self.export_button.clicked.connect(self.open_export)
        self.team_button.clicked.connect(self.share_with_team)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addWidget(QLabel(self.tr("around a point:")))
        add_row.addWidget(self.lead)
        add_row.addWidget(QLabel(self.tr("before,")))
        add_row.addWidget(self.lag)
        add_row.addWidget(QLabel(self.tr("after")))
        add_row.addStretch(1)
        row = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.team_button)
        row.addWidget(self.export_button)

        self.title = QLineEdit()
        self.title.editingFinished.connect(self.save_title)
        self.start = _time_edit()
        self.end = _time_edit()
        self.start.editingFinished.connect(self.save_range)
        self.end.editingFinished.connect(self.save_range)
        self.length = QLabel()
        self.start_here = QPushButton(self.tr("Start at playhead"))
        self.end_here = QPushButton(self.tr("End at playhead"))
        self.preview_button = QPushButton(self.tr("Play clip"))
        self.start_here.clicked.connect(lambda: self.set_from_playhead(start=True))
        self.end_here.clicked.connect(lambda: self.set_from_playhead(start=False))
        self.preview_button.clicked.connect(self.play_current)
        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(QLabel("–"))
        times.addWidget(self.end)
        times.addWidget(self.length)
        times.addStretch(1)
        here = QHBoxLayout()
        here.addWidget(self.start_here)
        here.addWidget(self.end_here)
        here.addWidget(self.preview_button)
        here.addStretch(1)
        self.questions = SheetTextField(self.tr("One question or task per line"))
        self.questions.setMinimumHeight(72)
        self.questions.setMaximumHeight(120)
        self.questions.edited.connect(lambda _old, new: self.save_questions(new))
        self.reflections = QCheckBox(self.tr("Include the participants' own gespreksblad (A, B, C)"))
        self.reflections.toggled.connect(self.save_reflections)
        self.reflections_note = QLabel()
        self.reflections_note.setWordWrap(True)
        self.reflections_note.setStyleSheet("color: #444444;")
        self.details = QGroupBox(self.tr("Selected clip"))
        form = QFormLayout(self.details)
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("From – to:"), times)
        form.addRow("", here)
        form.addRow(self.tr("Questions:"), self.questions)
        form.addRow("", self.reflections)
        form.addRow("", self.reflections_note)
        self.status = StatusLine()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(side)
        layout.addWidget(self.clips, 2)
        layout.addLayout(add_row)
        layout.addLayout(row)
        layout.addWidget(self.details)
        layout.addWidget(self.status)
        return side

    # -- state ------------------------------------------------------------------------------
    def current_collection(self) -> int | None:
        item = self.collections.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def current_clip(self) -> int | None:
        item = self.clips.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def refresh_collections(self, select: int | None = None) -> None:
        keep = select if select is not None else self.current_collection()
        self.collections.blockSignals(True)
        self.collections.clear()
        for collection in co.list_collections(self.bridge.lib):
            purpose = translate(collection.purpose.label_key)
            item = QListWidgetItem(f"{collection.name}  ({purpose})")
            item.setData(Qt.ItemDataRole.UserRole, collection.id)
            self.collections.addItem(item)
            if collection.id == keep:
                self.collections.setCurrentItem(item)
        if self.collections.currentRow() < 0 and self.collections.count():  # first by default
            self.collections.setCurrentRow(0)
        self.collections.blockSignals(False)
        self._collection_changed()

    def _collection_changed(self) -> None:
        self.flush()
        collection_id = self.current_collection()
        for widget in (self.rename_button, self.delete_button, self.keep_field):
            widget.setEnabled(collection_id is not None)
        if collection_id is None:
            self.keep_field.set_value(None)
            self.keep_note.clear()
        else:
            collection = co.get_collection(self.bridge.lib, collection_id)
            self.keep_field.set_value(collection.keep_until)
            self._show_keep_note(collection.keep_until)
        self.refresh_clips()

    def _show_keep_note(self, keep_until: date | None) -> None:
        if keep_until is None:
            self.keep_note.setText(self.tr("Kept until you delete it."))
        else:
            self.keep_note.setText(self.tr(
                "Deleted after {day}, with its clips and the files exported from it (the app "
                "asks first).").format(day=long_date(keep_until)))

    def refresh_clips(self, select: int | None = None) -> None:
        keep = select if select is not None else self.current_clip()
        collection_id = self.current_collection()
        self.clips.blockSignals(True)
        self.clips.clear()
        titles: dict[int, str] = {}
        clips = co.list_clips(self.bridge.lib, collection_id) if collection_id else []
        for number, clip in enumerate(clips, start=1):  # positions may have gaps after a removal
            if clip.recording_id not in titles:
                titles[clip.recording_id] = get_recording(self.bridge.lib, clip.recording_id).title
            title = clip.title or self.tr("(no title)")
            item = QListWidgetItem(self.tr("{n}. {title} — {recording}, {start}–{end}").format(
                n=number, title=title, recording=titles[clip.recording_id],
                start=clock(clip.start_ms, exact=True), end=clock(clip.end_ms, exact=True)))
            item.setData(Qt.ItemDataRole.UserRole, clip.id)
            self.clips.addItem(item)
            if clip.id == keep:
                self.clips.setCurrentItem(item)
        self.clips.blockSignals(False)
        has_collection = collection_id is not None
        for widget in (self.add_button, self.lead, self.lag):
            widget.setEnabled(has_collection)
        self.export_button.setEnabled(self.clips.count() > 0)
        self.team_button.setEnabled(self.clips.count() > 0)
        self._show_clip()

    def _show_clip(self) -> None:
        self.flush()
        clip_id = self._shown = self.current_clip()
        self.details.setEnabled(clip_id is not None)
        for widget in (self.up_button, self.down_button, self.remove_button):
            widget.setEnabled(clip_id is not None)
        widgets = (self.title, self.start, self.end, self.reflections)
        for widget in widgets:
            widget.blockSignals(True)
        if clip_id is None:
            self.title.clear()
            self.questions.load("")
            self.length.clear()
            self.reflections.setChecked(False)
            self.reflections_note.clear()
        else:
            clip = co.get_clip(self.bridge.lib, clip_id)
            duration = get_recording(self.bridge.lib, clip.recording_id).duration_ms
            self.title.setText(clip.title)
            for edit in (self.start, self.end):
                edit.setTimeRange(QTime(0, 0), _time(duration or 86_399_999))
            self.start.setTime(_time(clip.start_ms))
            self.end.setTime(_time(clip.end_ms))
            self.length.setText(self.tr("({seconds} s)").format(
                seconds=seconds(clip.duration_ms)))
            self.questions.load("\n".join(clip.questions))
            allowed = co.clip_may_include_reflections(self.bridge.lib, clip)
            self.reflections.setChecked(clip.include_reflections and allowed)
            self.reflections.setEnabled(allowed)
            self.reflections_note.setText("" if allowed else self.tr(
                "Only for a clip from a moment whose participants agreed to share their "
                "gespreksblad (Consent window of that review)."))
            linked = self._linked(clip.recording_id)
            for button in (self.start_here, self.end_here, self.preview_button):
                button.setEnabled(linked)
                button.setToolTip("" if linked else self.tr(
                    "Open a review of this recording in the main window to use the player."))
        for widget in widgets:
            widget.blockSignals(False)

    def _linked(self, recording_id: int) -> bool:
        if self.player is None:
            return False
        where = self.player.position()
        return where is not None and where[0] == recording_id

    def _on_change(self, change: Change) -> None:
        # Changes this window made are already shown; others (e.g. a withdrawal) are reloaded.
        if change.initiator is not self and change.entity in _RELOAD_ON:
            self.refresh_collections()

    # -- intents ----------------------------------------------------------------------------
    def _run(self, op: Callable[[], object]) -> bool:
        return perform(op, report=in_box(self)).ok

    def flush(self) -> None:
        """Save what the form holds for the clip it shows (questions save shortly after typing
        stops, the title and times when the field is left) and a pending retention date."""
        shown = getattr(self, "_shown", None)
        if shown is not None:
            try:
                co.get_clip(self.bridge.lib, shown)
            except NotFoundError:  # removed meanwhile (e.g. by a withdrawal): nothing to save
                self._shown = shown = None
        if shown is not None:
            self.questions.flush()
            self.save_title(refresh=False)
            self.save_range(refresh=False)
        if hasattr(self, "_retention_timer") and self._retention_timer.isActive():
            self.save_retention()

    def new_collection(self) -> None:
        made: list[co.Collection] = []
        if self._run(lambda: made.append(co.create_collection(
                self.bridge.lib, self.name.text(), str(self.purpose.currentData()),
                initiator=self))):
            self.name.clear()
            self.refresh_collections(select=made[0].id)

    def rename_current(self) -> None:
        collection_id = self.current_collection()
        if collection_id is None:
            return
        current = co.get_collection(self.bridge.lib, collection_id)
        name, ok = QInputDialog.getText(self, self.tr("Rename collection"), self.tr("Name:"),
                                        text=current.name)
        if ok and self._run(lambda: co.rename_collection(self.bridge.lib, collection_id, name,
                                                         initiator=self)):
            self.refresh_collections(select=collection_id)

    def delete_current(self) -> None:
        collection_id = self.current_collection()
        if collection_id is None:
            return
        collection = co.get_collection(self.bridge.lib, collection_id)
        clips = len(co.list_clips(self.bridge.lib, collection_id))
        answer = QMessageBox.question(
            self, self.tr("Delete collection"),
            self.tr("Delete the collection “{name}” with its {n} clip(s)? The recordings stay; "
                    "files already exported stay where they are.").format(
                        name=collection.name, n=clips),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes and self._run(
                lambda: co.delete_collection(self.bridge.lib, collection_id, initiator=self)):
            self.refresh_collections()

    def _retention_edited(self) -> None:
        if self.current_collection() is not None:
            self._retention_timer.start()

    def save_retention(self) -> None:
        self._retention_timer.stop()
        collection_id = self.current_collection()
        if collection_id is None:
            return
        keep = self.keep_field.value()
        if co.get_collection(self.bridge.lib, collection_id).keep_until == keep:
            return
        if self._run(lambda: set_collection_retention(self.bridge.lib, collection_id, keep,
                                                      initiator=self)):
            self._show_keep_note(keep)

    def add_selected_marker(self) -> None:
        collection_id, marker_id = self.current_collection(), self.selected_marker()
        if collection_id is None:
            return
        if marker_id is None:
            self.status.setText(self.tr("Select a moment in the review first."))
            return
        added: list[co.CollectionClip] = []
        if self._run(lambda: added.append(co.add_clip_from_marker(
                self.bridge.lib, collection_id, marker_id, lead_ms=self.lead.value() * 1000,
                lag_ms=self.lag.value() * 1000, initiator=self))):
            self.status.setText(self.tr("Clip added."))
            self.refresh_clips(select=added[0].id)
        else:
            self.status.setText(self.tr("The clip was not added."))

    def move_current(self, step: int) -> None:
        clip_id = self.current_clip()
        if clip_id is not None:
            row = self.clips.currentRow()
            if self._run(lambda: co.move_clip(self.bridge.lib, clip_id, max(0, row + step),
                                              initiator=self)):
                self.refresh_clips(select=clip_id)

    def remove_current(self) -> None:
        clip_id = self.current_clip()
        row = self.clips.currentRow()
        if clip_id is not None and self._run(
                lambda: co.remove_clip(self.bridge.lib, clip_id, initiator=self)):
            self.refresh_clips()
            self.clips.setCurrentRow(min(row, self.clips.count() - 1))

    def save_title(self, *, refresh: bool = True) -> None:
        clip_id = self._shown
        if clip_id is None or co.get_clip(self.bridge.lib, clip_id).title == self.title.text().strip():
            return
        if self._run(lambda: co.retitle_clip(self.bridge.lib, clip_id, self.title.text(),
                                             initiator=self)) and refresh:
            self.refresh_clips(select=clip_id)

    def save_questions(self, text: str) -> None:
        clip_id = self._shown
        if clip_id is not None:
            self._run(lambda: co.set_clip_questions(self.bridge.lib, clip_id, text.splitlines(),
                                                    initiator=self))

    def save_range(self, *, refresh: bool = True) -> None:
        clip_id = self._shown
        if clip_id is None:
            return
        clip = co.get_clip(self.bridge.lib, clip_id)
        start, end = _ms(self.start.time()), _ms(self.end.time())
        if (start, end) == (clip.start_ms, clip.end_ms):
            return
        if self._run(lambda: co.trim_clip(self.bridge.lib, clip_id, start, end, initiator=self)):
            self.status.setText(self.tr("Clip trimmed."))
        if refresh:
            self.refresh_clips(select=clip_id)  # shows what was stored (or the old times again)

    def set_from_playhead(self, *, start: bool) -> None:
        where = self.player.position() if self.player is not None else None
        if where is None:
            return
        (self.start if start else self.end).setTime(_time(where[1]))
        self.save_range()

    def play_current(self) -> None:
        clip_id = self.current_clip()
        if clip_id is not None and self.player is not None:
            clip = co.get_clip(self.bridge.lib, clip_id)
            self.player.play_range(clip.recording_id, clip.start_ms, clip.end_ms)

    def save_reflections(self, include: bool) -> None:
        clip_id = self._shown
        if clip_id is not None and not self._run(lambda: co.set_include_reflections(
                self.bridge.lib, clip_id, include, initiator=self)):
            self._show_clip()

    def open_export(self) -> None:
        from .export_dialog import ExportClipsDialog

        self.flush()
        collection_id = self.current_collection()
        if collection_id is not None:
            dialog = ExportClipsDialog(self.bridge.lib, collection_id, self)
            dialog.exec()

    def share_with_team(self) -> None:
        from ..team.collection_share_dialog import CollectionShareDialog

        self.flush()
        collection_id = self.current_collection()
        if collection_id is not None:
            CollectionShareDialog(self.bridge.lib, collection_id, self).exec()

    def done(self, result: int) -> None:  # noqa: D102 - disconnect like the other views
        self.flush()
        try:
            self.bridge.changed.disconnect(self._on_change)
        except (RuntimeError, TypeError):
            pass
        super().done(result)
