"""Exporting a collection's clips: options (faces, audio, pack, folder), a preview of the face
anonymisation on the first clip's first frame, and the export itself in a child process
(`vsr.jobs`: cutting and making faces unrecognisable is CPU work that would stall the window)
with progress and Cancel. The core's three steps keep the library on this thread: prepare
here, cut in the child, then commit (or discard) here, so a cancelled export (the child is
killed) leaves no files behind; closing the dialog cancels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from vsr.anonymise.identifiers import loaded as identifiers_loaded
from vsr.clip_packs.export import (
    ExportReport,
    StagedExport,
    clean_stale_staging,
    commit_export,
    faces_must_be_hidden,
    manual_boxes,
    prepare_export,
)
from vsr.clips import FaceAnonymizer
from vsr.dates import clock
from vsr.errors import VsrError
from vsr.jobs.work import ClipsWork
from vsr.library.collections import CollectionClip, get_clip, get_collection, list_clips
from vsr.library.consent import Purpose
from vsr.library.db import Library
from vsr.library.recordings import get_recording, require_available
from vsr.staging import clean_staging

from ..anonymise_choice import when_identifiers_loaded
from ..buddy_label import labelled
from ..dialogs import show_error
from ..extra_names_field import ExtraNamesField
from ..flow_layout import FlowLayout
from ..operations import in_box, perform
from ..status_line import StatusLine
from ..workers import ChildJob, Task, start
from .face_box_canvas import FaceBoxCanvas
from .face_box_editor import FaceBoxEditor

PREVIEW_WIDTH = 320
PREVIEW_HEIGHT = 180


def bgr_to_pixmap(frame: NDArray[np.uint8], width: int = PREVIEW_WIDTH,
                  height: int = PREVIEW_HEIGHT) -> QPixmap:
    """A QPixmap of an OpenCV (BGR) picture, scaled to fit width x height (aspect kept)."""
    rgb = np.ascontiguousarray(frame[:, :, ::-1])
    rows, cols = rgb.shape[:2]  # not `height`: that names the box to fit into
    image = QImage(rgb.data, cols, rows, 3 * cols, QImage.Format.Format_RGB888).copy()
    return QPixmap.fromImage(image).scaled(
        width, height, Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation)


class ExportClipsDialog(QDialog):
    def __init__(self, lib: Library, collection_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lib, self.collection_id = lib, collection_id
        self.collection = get_collection(lib, collection_id)
        self.task: ChildJob | None = None
        self.preview_task: Task | None = None
        self.preload: Task | None = None
        self._closed = False
        self.report: ExportReport | None = None
        self._shown_boxes: list[tuple[tuple[float, float, float, float], bool]] = []
        self.setWindowTitle(self.tr("Export clips — {name}").format(name=self.collection.name))
        self._build()

    def _build(self) -> None:
        self.faces = QCheckBox(self.tr("Make faces unrecognisable"))
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Blur"), "blur")
        self.mode.addItem(self.tr("Pixelate"), "pixelate")
        self.faces.setChecked(self.collection.purpose is Purpose.TRAINING)
        self.mode.setEnabled(self.faces.isChecked())
        self.faces.toggled.connect(self.mode.setEnabled)
        self.faces_note = QLabel()
        self.faces_note.setWordWrap(True)
        self.faces_note.setStyleSheet("color: #6b1d15;")
        self.faces_note.hide()
        if faces_must_be_hidden(self.lib, self.collection_id):
            self.faces.setChecked(True)
            self.faces.setEnabled(False)  # required: the consent does not allow recognisable use
            self.faces_note.setText(self.tr(
                "Required: a client in this collection did not agree to be recognisable in "
                "training material."))
            self.faces_note.show()
        self.names = QCheckBox(self.tr("Replace names by roles in titles and texts"))
        self.names.setChecked(self.faces.isChecked())
        self.names.setToolTip(self.tr(
            "“Zoë” becomes “client”, the professional's name “professional”. Always done for a "
            "training clip whose client may not be recognisable."))
        self.faces.toggled.connect(self.names.setChecked)
        self.extra_names = ExtraNamesField(self.lib, "collection", self.collection_id)
        self.extra_names.setEnabled(self.names.isChecked())
        self.names.toggled.connect(self.extra_names.setEnabled)
        self.audio = QCheckBox(self.tr("Keep the sound"))
        self.audio.setChecked(True)
        # Subtitles from the transcript (issue 22): offered when a clip's recording has one;
        # off by default, as a transcript is personal data. Names replaced as in the texts.
        self.subtitles = QCheckBox(self.tr("Subtitles from what was said (a .vtt file per clip)"))
        self.subtitles.setChecked(False)
        self.subtitles.setToolTip(self.tr("From the transcript of the recording. With names "
                                          "replaced, also in the subtitles."))
        self.offer_subtitles = self._has_transcript()
        self.pack = QComboBox()
        self.pack.addItem(self.tr("Only the clips"), None)
        self.pack.addItem(self.tr("Intervisie pack (clips and handout)"), "intervisie")
        self.pack.addItem(self.tr("Exercise pack (clips, web page and worksheet)"), "exercise")
        self.pack.setCurrentIndex(1 if self.collection.purpose is Purpose.INTERVISIE else 2)
        self.folder = QLineEdit()
        self.folder.setAccessibleName(self.tr("Folder for the clips"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        faces_row = QHBoxLayout()
        faces_row.addWidget(self.faces)
        faces_row.addWidget(labelled(self.mode, self.tr("How:")))
        faces_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Faces:"), faces_row)
        form.addRow("", self.faces_note)
        form.addRow(self.tr("Names:"), self.names)
        form.addRow(self.tr("Other names:"), self.extra_names)
        form.addRow(self.tr("Sound:"), self.audio)
        if self.offer_subtitles:
            form.addRow(self.tr("Subtitles:"), self.subtitles)
        form.addRow(self.tr("Pack:"), self.pack)
        form.addRow(self.tr("Folder:"), folder_row)
        self.preview_button = QPushButton(self.tr("Preview faces"))
        self.preview_button.clicked.connect(self.start_preview)
        self.preview_clip = QComboBox()
        for number, clip in enumerate(list_clips(self.lib, self.collection_id), start=1):
            self.preview_clip.addItem(self.tr("Clip {n}").format(n=number), clip.id)
        self.preview_at = QSlider(Qt.Orientation.Horizontal)
        self.preview_at.setRange(0, 100)
        self.preview_at.setToolTip(self.tr("Where in the clip to look"))
        self.preview_at.setAccessibleName(self.tr("Where in the clip to look"))
        self.preview_at.sliderReleased.connect(self._preview_again)
        self.preview_clip.currentIndexChanged.connect(lambda _i: self._preview_again())
        self.preview_time = QLabel()
        self.preview_at.valueChanged.connect(lambda _v: self._show_preview_time())
        self.preview_clip.currentIndexChanged.connect(lambda _i: self._show_preview_time())
        preview_row = QHBoxLayout()
        preview_label = QLabel(self.tr("Preview:"))
        preview_label.setBuddy(self.preview_clip)
        preview_row.addWidget(preview_label)
        preview_row.addWidget(self.preview_clip)
        preview_row.addWidget(self.preview_at, 1)
        preview_row.addWidget(self.preview_time)
        preview_row.addWidget(self.preview_button)
        self.original = QLabel()
        self.anonymised = FaceBoxCanvas()
        self.anonymised.setToolTip(self.tr(
            "What the export shows. Drag a box over a face the program missed."))
        # Side by side where there is room, one under the other where not: two previews side
        # by side were wider than a 683-point screen (200 % on 1366x768), which scrolled sideways.
        pictures_box = QWidget()
        pictures = FlowLayout(pictures_box)
        for label, caption in ((self.original, self.tr("Original")),
                               (self.anonymised, self.tr("Faces made unrecognisable"))):
            column_box = QWidget()
            column = QVBoxLayout(column_box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(QLabel(caption))
            label.setFixedSize(PREVIEW_WIDTH, PREVIEW_HEIGHT)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("background: #222; color: #ddd;")
            label.setWordWrap(True)
            label.setText(self.tr("Press “Preview faces” to see a picture of the clip."))
            column.addWidget(label)
            pictures.addWidget(column_box)
        self.status = StatusLine()
        self.status.setWordWrap(True)
        self.box_editor = FaceBoxEditor(self.lib, self.status.setText)
        self.anonymised.drawn.connect(self._box_drawn)
        self.box_editor.changed.connect(self._preview_again)
        self.preview_clip.currentIndexChanged.connect(lambda _i: self._editor_follows_clip())
        self._editor_follows_clip()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.close_button = QPushButton(self.tr("Close"))
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.close_button.clicked.connect(self.reject)
        self.cancel_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.export_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(preview_row)
        layout.addWidget(pictures_box)
        layout.addWidget(self.box_editor)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._show_preview_time()

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"),
                                                  self.folder.text() or str(Path.home()))
        if folder:
            self.folder.setText(folder)

    def _mode(self) -> str:
        return str(self.mode.currentData())

    # -- preview ----------------------------------------------------------------------------
    def preview_ms(self) -> tuple[CollectionClip, int] | None:
        """The chosen clip and the moment in it the slider points at (source ms)."""
        clip_id = self.preview_clip.currentData()
        if clip_id is None:
            return None
        clip = get_clip(self.lib, int(clip_id))
        span = max(0, clip.end_ms - clip.start_ms - 1)
        return clip, clip.start_ms + span * self.preview_at.value() // 100

    def _editor_follows_clip(self) -> None:
        chosen = self.preview_ms()
        self.box_editor.set_clip(chosen[0] if chosen else None)

    def _box_drawn(self, x1: float, y1: float, x2: float, y2: float) -> None:
        if self.preview_task is None:
            self.status.setText(self.tr("Press “Preview faces” first, then draw on the picture."))
            return
        self.box_editor.add(x1, y1, x2, y2)

    def _show_preview_time(self) -> None:
        chosen = self.preview_ms()
        self.preview_time.setText(clock(chosen[1], exact=True) if chosen else "")

    def _preview_again(self) -> None:
        if self.preview_task is not None and self.preview_button.isEnabled():
            self.start_preview()  # after a first preview, follow the chosen moment

    def start_preview(self) -> None:
        """Detect and cover faces on the chosen picture of the chosen clip, on a worker (the
        face model takes a moment to load)."""
        if self._still_arriving():
            return
        try:
            chosen = self.preview_ms()
            if chosen is None:
                raise VsrError("error.collection.empty", name=self.collection.name)
            clip, at_ms = chosen
            source = require_available(get_recording(self.lib, clip.recording_id))
        except VsrError as exc:
            show_error(self, exc)
            return
        mode = self._mode()
        manual = manual_boxes(self.lib, clip.id)  # read here: the library stays on this thread
        self._shown_boxes = [((b.x1, b.y1, b.x2, b.y2), b.ignore) for b in manual
                             if b.active(at_ms)]
        span = (clip.start_ms, clip.end_ms)

        def work(_progress: Any, _cancelled: Any) -> tuple[NDArray[np.uint8], NDArray[np.uint8]]:
            # The export's own code path: the frames around this moment go through `process`,
            # with the small-face passes, the filling between keyframes and the drawn boxes.
            anonymizer = FaceAnonymizer(mode, manual=manual)  # type: ignore[arg-type]
            return anonymizer.preview(Path(source), at_ms, clip=span)

        self.preview_button.setEnabled(False)
        self.preview_task = Task(work)
        self.preview_task.signals.done.connect(self._preview_done)
        self.preview_task.signals.failed.connect(self._preview_failed)
        start(self.preview_task)

    def _preview_done(self, frames: tuple[NDArray[np.uint8], NDArray[np.uint8]]) -> None:
        self.original.setPixmap(bgr_to_pixmap(frames[0]))
        self.anonymised.setPixmap(bgr_to_pixmap(frames[1]))
        self.anonymised.show_boxes(self._shown_boxes)
        self.preview_button.setEnabled(True)

    def _preview_failed(self, exc: BaseException) -> None:
        self.preview_button.setEnabled(True)
        show_error(self, exc)

    # -- export -----------------------------------------------------------------------------
    def _has_transcript(self) -> bool:
        from vsr.transcript.store import has_transcript

        return any(has_transcript(self.lib, rec) for rec in
                   {c.recording_id for c in list_clips(self.lib, self.collection_id)})

    def _still_arriving(self) -> bool:
        """A clip's recording is a shared one still on its way to this computer (it plays from
        the team's store meanwhile): clips are cut from the file, so say so and wait."""
        from ..team.playback import waiting_text

        for rec in sorted({c.recording_id for c in list_clips(self.lib, self.collection_id)}):
            text = waiting_text(rec)
            if text is not None:
                self.status.setText(text)
                return True
        return False

    def start_export(self) -> None:
        if self._still_arriving():
            return
        if not self.folder.text().strip():
            self.status.setText(self.tr("Choose a folder first."))
            return
        if self.names.isChecked() and not self.extra_names.save(
                                                                 self.status.setText):
            return
        if self.names.isChecked() and not identifiers_loaded():
            # the identifier patterns load on a worker first (seconds), never in the window
            self.status.setText(self.tr("Exporting…"))
            self._busy(True)
            self.cancel_button.setEnabled(False)
            self.preload = when_identifiers_loaded(self._loaded_then_export,
                                                   self._export_failed)
            return
        try:
            job = prepare_export(self.lib, self.collection_id, self.folder.text().strip(),
                                 anonymize_faces=self.faces.isChecked(),
                                 keep_audio=self.audio.isChecked(), pack=self.pack.currentData(),
                                 anonymize_names=self.names.isChecked(),
                                 subtitles=self.offer_subtitles
                                 and self.subtitles.isChecked())
        except (VsrError, OSError) as exc:
            show_error(self, exc)
            return
        created = not job.out_dir.exists()

        def clean() -> None:  # the child is gone: its staging, and the folder it made
            clean_staging(job.staging_root)
            clean_stale_staging(job.out_dir)
            if created:
                try:
                    job.out_dir.rmdir()  # only when still empty
                except OSError:
                    pass

        self.report = None
        self.progress.setValue(0)
        self.status.setText(self.tr("Exporting…"))
        self._busy(True)
        self.task = ChildJob("clips", ClipsWork(job, self._mode()), cleanup=clean)
        self.task.progress.connect(lambda f: self.progress.setValue(int(f * 1000)))
        self.task.done.connect(self._export_done)
        self.task.failed.connect(self._export_failed)
        self.task.start()

    def _loaded_then_export(self) -> None:
        self._busy(False)
        if not self._closed:  # closed while the patterns loaded: nothing is started
            self.start_export()

    def _busy(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy)
        self.close_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)

    def _export_done(self, staged: StagedExport) -> None:
        self._busy(False)
        # The one edit path: a refusal (the library busy, the disk full) is a message.
        outcome = perform(lambda: commit_export(self.lib, staged), report=in_box(self))
        if not outcome.ok or outcome.value is None:
            self.status.setText(self.tr("The export was not saved."))
            return
        self.report = outcome.value
        self.progress.setValue(1000)
        self.status.setText(self.tr("{n} file(s) written to {folder}.").format(
            n=len(self.report.files), folder=str(self.report.out_dir)))

    def _export_failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.progress.setValue(0)
        self.status.setText(self.tr("The export failed. No files were left behind."))
        show_error(self, exc)

    def cancel_export(self) -> None:
        """The child is killed and what it staged removed once it is gone; the job sends
        nothing after a cancel, so the dialog resets itself here."""
        if self.task is not None:
            self.task.cancel()
        self._busy(False)
        self.progress.setValue(0)
        self.status.setText(self.tr("Export cancelled. No files were left behind."))

    def reject(self) -> None:
        self._closed = True
        if self.task is not None and self.cancel_button.isEnabled():
            self.cancel_export()
        super().reject()
