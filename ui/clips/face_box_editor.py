"""Hand-drawn face boxes of one clip, under the export preview: what a box drawn on the
preview does (blur here, or "not a face": don't blur here), for which part of the clip, the
clip's boxes, and removing one. Edits go through ui.operations.perform; the library keeps the
boxes with the clip, so every export applies them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QPushButton,
    QWidget,
)

from vsr.dates import clock
from vsr.library.collections import CollectionClip
from vsr.library.db import Library
from vsr.library.face_boxes import FaceBox, add_face_box, list_face_boxes, remove_face_box

from ..buddy_label import labelled
from ..flow_layout import FlowLayout
from ..operations import Report, perform


class FaceBoxEditor(QWidget):
    """Emits `changed` after a box was added or removed (the preview then shows it)."""

    changed = Signal()

    def __init__(self, lib: Library, report: Report,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lib, self.report = lib, report
        self.clip: CollectionClip | None = None
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Blur here"), False)
        self.kind.addItem(self.tr("Not a face: don't blur"), True)
        self.kind.setToolTip(self.tr(
            "Drag a box on the right-hand picture: a face the program missed, or something it "
            "blurs that is not a face."))
        self.first = QDoubleSpinBox()
        self.last = QDoubleSpinBox()
        for spin in (self.first, self.last):
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            spin.setSuffix(" s")
        self.boxes = QComboBox()
        self.boxes.setMinimumContentsLength(16)
        self.remove = QPushButton(self.tr("Remove box"))
        self.remove.clicked.connect(self.remove_chosen)
        # A row that wraps (at 200 % on 1366x768 it was wider than the screen and the export
        # dialog scrolled sideways); each label stays with its box, as its buddy, so a screen
        # reader names the box by it (the times said only "0.0 s").
        row = FlowLayout(self)
        row.addWidget(labelled(self.kind, self.tr("Draw a box:")))
        row.addWidget(labelled(self.first, self.tr("from")))
        row.addWidget(labelled(self.last, self.tr("to")))
        row.addWidget(labelled(self.boxes, self.tr("Boxes:")))
        row.addWidget(self.remove)
        self.set_clip(None)

    def set_clip(self, clip: CollectionClip | None) -> None:
        """Work on this clip: its whole length is the default range."""
        self.clip = clip
        seconds = (clip.end_ms - clip.start_ms) / 1000 if clip else 0.0
        for spin in (self.first, self.last):
            spin.setRange(0.0, seconds)
        self.first.setValue(0.0)
        self.last.setValue(seconds)
        self.refresh()

    def refresh(self) -> None:
        self.boxes.clear()
        for box in list_face_boxes(self.lib, self.clip.id) if self.clip else []:
            self.boxes.addItem(self.describe(box), box.id)
        if self.boxes.count() == 0:
            self.boxes.addItem(self.tr("No boxes drawn"), None)
        self.remove.setEnabled(self.boxes.currentData() is not None)

    def describe(self, box: FaceBox) -> str:
        what = self.tr("Not a face") if box.ignore else self.tr("Blur")
        return self.tr("{what} {start}–{end}").format(
            what=what, start=clock(box.start_ms, exact=True), end=clock(box.end_ms, exact=True))

    def add(self, x1: float, y1: float, x2: float, y2: float) -> bool:
        """Store a box drawn on the preview for the chosen range of the clip."""
        clip = self.clip
        if clip is None:
            return False
        start = clip.start_ms + int(self.first.value() * 1000)
        end = clip.start_ms + int(self.last.value() * 1000)
        ignore = bool(self.kind.currentData())
        done = perform(lambda: add_face_box(self.lib, clip.id, start, end, (x1, y1, x2, y2),
                                            ignore=ignore), report=self.report)
        if done.ok:
            self.refresh()
            self.changed.emit()
        return done.ok

    def remove_chosen(self) -> None:
        box_id = self.boxes.currentData()
        if box_id is None:
            return
        if perform(lambda: remove_face_box(self.lib, int(box_id)),
                   report=self.report).ok:
            self.refresh()
            self.changed.emit()
