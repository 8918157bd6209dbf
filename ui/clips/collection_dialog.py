"""The collections window (verzamelingen): collections for intervisie or training, their clips
in order, adding the selected moment of the open review, editing title and questions, and
opening the export. Every change goes through `vsr.library.collections`, which refuses a clip
without consent; that refusal is shown as it is worded by the core."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.bridge import LibraryBridge
from ui.dialogs import show_error
from vsr.errors import VsrError
from vsr.i18n import translate
from vsr.library import collections as co
from vsr.library.consent import SHARED_PURPOSES
from vsr.library.db import Change
from vsr.library.recordings import get_recording

SelectedMarker = Callable[[], "int | None"]


class CollectionDialog(QDialog):
    """`selected_marker` gives the id of the moment selected in the open review (or None)."""

    def __init__(self, bridge: LibraryBridge, lang: str, selected_marker: SelectedMarker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge, self.lang, self.selected_marker = bridge, lang, selected_marker
        self.setWindowTitle(self.tr("Clip collections"))
        self.resize(860, 520)
        splitter = QSplitter()
        splitter.addWidget(self._collections_side())
        splitter.addWidget(self._clips_side())
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        bridge.changed.connect(self._on_change)
        self.refresh_collections()

    # -- building ---------------------------------------------------------------------------
    def _collections_side(self) -> QWidget:
        side = QGroupBox(self.tr("Collections"))
        self.collections = QListWidget()
        self.collections.currentRowChanged.connect(lambda _row: self.refresh_clips())
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Name of the new collection"))
        self.purpose = QComboBox()
        for purpose in SHARED_PURPOSES:
            self.purpose.addItem(translate(purpose.label_key, self.lang), purpose.value)
        self.new_button = QPushButton(self.tr("New collection"))
        self.new_button.clicked.connect(self.new_collection)
        layout = QVBoxLayout(side)
        layout.addWidget(self.collections, 1)
        layout.addWidget(self.name)
        layout.addWidget(self.purpose)
        layout.addWidget(self.new_button)
        return side

    def _clips_side(self) -> QWidget:
        side = QGroupBox(self.tr("Clips"))
        self.clips = QListWidget()
        self.clips.currentRowChanged.connect(lambda _row: self._show_clip())
        self.add_button = QPushButton(self.tr("Add selected moment"))
        self.up_button = QPushButton(self.tr("Up"))
        self.down_button = QPushButton(self.tr("Down"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.add_button.clicked.connect(self.add_selected_marker)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.remove_button.clicked.connect(self.remove_current)
        self.export_button.clicked.connect(self.open_export)
        row = QHBoxLayout()
        for button in (self.add_button, self.up_button, self.down_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.export_button)
        self.title = QLineEdit()
        self.questions = QPlainTextEdit()
        self.questions.setPlaceholderText(self.tr("One question or task per line"))
        self.questions.setMaximumHeight(110)
        self.save_button = QPushButton(self.tr("Save title and questions"))
        self.save_button.clicked.connect(self.save_current)
        form = QFormLayout()
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Questions:"), self.questions)
        form.addRow("", self.save_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(side)
        layout.addWidget(self.clips, 1)
        layout.addLayout(row)
        layout.addLayout(form)
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
            purpose = translate(collection.purpose.label_key, self.lang)
            item = QListWidgetItem(f"{collection.name}  ({purpose})")
            item.setData(Qt.ItemDataRole.UserRole, collection.id)
            self.collections.addItem(item)
            if collection.id == keep:
                self.collections.setCurrentItem(item)
        if self.collections.currentRow() < 0 and self.collections.count():  # first by default
            self.collections.setCurrentRow(0)
        self.collections.blockSignals(False)
        self.refresh_clips()

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
                start=co.clock(clip.start_ms), end=co.clock(clip.end_ms)))
            item.setData(Qt.ItemDataRole.UserRole, clip.id)
            self.clips.addItem(item)
            if clip.id == keep:
                self.clips.setCurrentItem(item)
        self.clips.blockSignals(False)
        has_collection = collection_id is not None
        self.add_button.setEnabled(has_collection)
        self.export_button.setEnabled(self.clips.count() > 0)
        self._show_clip()

    def _show_clip(self) -> None:
        clip_id = self.current_clip()
        for widget in (self.up_button, self.down_button, self.remove_button, self.title,
                       self.questions, self.save_button):
            widget.setEnabled(clip_id is not None)
        if clip_id is None:
            self.title.clear()
            self.questions.clear()
            return
        clip = co.get_clip(self.bridge.lib, clip_id)
        self.title.setText(clip.title)
        self.questions.setPlainText("\n".join(clip.questions))

    def _on_change(self, change: Change) -> None:
        # Changes this window made are already shown; others (e.g. a withdrawal) are reloaded.
        if change.initiator is not self and change.entity in ("collection", "clip", "consent"):
            self.refresh_collections()

    # -- intents ----------------------------------------------------------------------------
    def _run(self, op: Callable[[], object]) -> bool:
        try:
            op()
        except VsrError as exc:
            show_error(self, exc, self.lang)
            return False
        return True

    def new_collection(self) -> None:
        made: list[co.Collection] = []
        if self._run(lambda: made.append(co.create_collection(
                self.bridge.lib, self.name.text(), str(self.purpose.currentData()),
                initiator=self))):
            self.name.clear()
            self.refresh_collections(select=made[0].id)

    def add_selected_marker(self) -> None:
        collection_id, marker_id = self.current_collection(), self.selected_marker()
        if collection_id is None:
            return
        if marker_id is None:
            self.status.setText(self.tr("Select a moment in the review first."))
            return
        added: list[co.CollectionClip] = []
        if self._run(lambda: added.append(co.add_clip_from_marker(
                self.bridge.lib, collection_id, marker_id, lang=self.lang, initiator=self))):
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

    def save_current(self) -> None:
        clip_id = self.current_clip()
        if clip_id is None:
            return
        lines = self.questions.toPlainText().splitlines()
        if self._run(lambda: (co.retitle_clip(self.bridge.lib, clip_id, self.title.text(),
                                              initiator=self),
                              co.set_clip_questions(self.bridge.lib, clip_id, lines,
                                                    initiator=self))):
            self.refresh_clips(select=clip_id)

    def open_export(self) -> None:
        from ui.clips.export_dialog import ExportClipsDialog

        collection_id = self.current_collection()
        if collection_id is not None:
            dialog = ExportClipsDialog(self.bridge.lib, collection_id, self.lang, self)
            dialog.exec()

    def done(self, result: int) -> None:  # noqa: D102 - disconnect like the other views
        try:
            self.bridge.changed.disconnect(self._on_change)
        except (RuntimeError, TypeError):
            pass
        super().done(result)
