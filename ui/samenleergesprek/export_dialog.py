""""Export leerverslag…": choose the format, names or initials, stills (off by default: faces
are personal data), who spoke how much (off by default: it comes from the transcript, which is
personal data, and only when the recording has one and no moments are hidden) and the file. The
stills and the file are made in a child process (`vsr.jobs`: CPU work that would otherwise
stall the window) with progress and Cancel; closing the dialog cancels. A cancelled or failed
export leaves no file, and an error becomes a clear message in the dialog."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from vsr.anonymise.identifiers import loaded as identifiers_loaded
from vsr.anonymise.known import review_names
from vsr.anonymise.names import NameReplacer
from vsr.errors import VsrError
from vsr.export import (
    PendingSummary,
    abandon_summary_export,
    begin_summary_export,
    build_summary,
    default_summary_name,
    finish_summary_export,
    with_talk_time,
)
from vsr.jobs.work import SummaryWork
from vsr.library import Library
from vsr.library.reviews import get_review

from .. import workers
from ..anonymise_choice import when_identifiers_loaded
from ..buddy_label import option_group
from ..dialogs import error_text
from ..extra_names_field import ExtraNamesField
from ..operations import perform
from ..status_line import StatusLine

FORMATS = (("pdf", "PDF (.pdf)"), ("docx", "Word (.docx)"), ("html", "HTML (.html)"),
           ("md", "Markdown (.md)"))


class ExportSummaryDialog(QDialog):
    def __init__(self, lib: Library, review_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lib, self.review_id = lib, review_id
        self.task: workers.Task | None = None
        self.job: workers.ChildJob | None = None
        self._pending: PendingSummary | None = None
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Export learning summary"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        format_box, formats = option_group(self.tr("Format"))
        self.format_group = QButtonGroup(self)
        for i, (key, label) in enumerate(FORMATS):
            radio = QRadioButton(label)
            radio.setMinimumHeight(36)
            radio.setProperty("fmt", key)
            radio.setChecked(i == 0)
            self.format_group.addButton(radio, i)
            formats.addWidget(radio)
        self.format_group.idToggled.connect(lambda _i, on: on and self._format_changed())
        form.addRow(self.tr("Format"), format_box)

        naming_box, naming = option_group(self.tr("Participants"))
        self.names = QRadioButton(self.tr("Full names"))
        self.initials = QRadioButton(self.tr("Initials only"))
        self.names.setChecked(True)
        naming.addWidget(self.names)
        naming.addWidget(self.initials)
        form.addRow(self.tr("Participants"), naming_box)
        self.extra_names = ExtraNamesField(lib, "review", review_id)
        self.extra_names.setEnabled(False)  # names are replaced with initials only
        self.initials.toggled.connect(self._naming_changed)
        form.addRow(self.tr("Other names"), self.extra_names)
        self.naming_note = QLabel(self.tr(
            "With initials, every name (also in the notes and the file name) becomes a role "
            "or “[name]”."))
        self.naming_note.setWordWrap(True)
        self.naming_note.setStyleSheet("color: #555555;")
        form.addRow("", self.naming_note)

        self.stills = QCheckBox(self.tr("Add a still from the video for each moment"))
        self.stills.setChecked(False)
        self.stills.setToolTip(self.tr("Off by default: faces in the video are personal data."))
        note = QLabel(self.tr("Faces are personal data. Add stills only if everyone agrees."))
        if not _stills_possible(lib, review_id):  # a sound recording has no picture to show
            self.stills.setEnabled(False)
            self.stills.setToolTip(self.tr("This recording has no picture, so there are no "
                                           "stills to add."))
            note.setText(self.stills.toolTip())  # seen without hovering, read out with it
        note.setObjectName("stills_note")
        self.stills.setAccessibleDescription(self.stills.toolTip())
        form.addRow("", self.stills)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")
        form.addRow("", note)

        self.talk_time = QCheckBox(self.tr("Add who spoke how much (from what was said)"))
        self.talk_time.setChecked(False)
        self.talk_time.setToolTip(self.tr("Off by default: it comes from the transcript of the "
                                          "recording. A conversation aid, not a score."))
        self.talk_time_possible = _talk_time_possible(lib, review_id)
        self.talk_time.setVisible(self.talk_time_possible)
        form.addRow("", self.talk_time)

        file_row = QHBoxLayout()
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        self.path = QLineEdit(str(Path(folder) / default_summary_name(
            lib, review_id, "pdf", anonymise=False)))
        self.path.setMinimumHeight(36)
        self.path.setAccessibleName(self.tr("File"))
        browse = QPushButton(self.tr("Choose…"))
        browse.setMinimumHeight(36)
        browse.clicked.connect(self._browse)
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        form.addRow(self.tr("File"), file_row)

        self.busy = QProgressBar()
        self.busy.setRange(0, 1000)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Progress"))
        self.busy.hide()
        layout.addWidget(self.busy)
        self.status = StatusLine()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)

    def fmt(self) -> str:
        button = self.format_group.checkedButton()
        return str(button.property("fmt")) if button is not None else "pdf"

    def _format_changed(self) -> None:
        current = Path(self.path.text())
        self.path.setText(str(current.with_suffix("." + self.fmt())))

    def _naming_changed(self, initials: bool) -> None:
        """With initials the suggested file name is neutral too (no name in it)."""
        self.extra_names.setEnabled(initials)
        current = Path(self.path.text().strip() or ".")
        name = default_summary_name(self.lib, self.review_id, self.fmt(), anonymise=initials)
        self.path.setText(str(current.with_name(name)))

    def _browse(self) -> None:
        fmt = self.fmt()
        label = dict(FORMATS)[fmt]
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save learning summary"),
                                              self.path.text(), f"{label} (*.{fmt})")
        if name:
            self.path.setText(name if name.lower().endswith("." + fmt) else f"{name}.{fmt}")

    def start_export(self) -> None:
        out = Path(self.path.text().strip()).expanduser()
        if not self.path.text().strip():
            self.status.setText(self.tr("Choose a file first."))
            return
        fmt = self.fmt()
        stills = self.stills.isChecked()
        initials = self.initials.isChecked()
        if initials and not self.extra_names.save(self._report):
            return
        if initials and not identifiers_loaded():  # loaded on a worker, never in the window
            self._set_busy(True)
            self.task = when_identifiers_loaded(self.start_export, self._failed)
            return
        names: NameReplacer | None = None
        try:  # the library is read here, on the main thread; the worker replaces and lays out
            doc = build_summary(self.lib, self.review_id, replace_names=False,
                                party_naming="initials" if initials else "names")
            if self.talk_time_possible and self.talk_time.isChecked():
                doc = with_talk_time(self.lib, self.review_id, doc,
                                     "initials" if initials else "names")
            created_at = get_review(self.lib, self.review_id).created_at
            if initials:  # no name in the file name either
                names = review_names(self.lib, self.review_id)
                out = out.with_name(names.file_name(out.name))
            # recorded before the file exists: a kill never leaves a summary the app forgot
            pending = begin_summary_export(self.lib, self.review_id, out,
                                           names_replaced=initials)
        except VsrError as exc:
            self._failed(exc)
            return
        self._pending = pending
        self._written_as = (fmt, stills, "initials" if initials else "names")
        # written into the export's own staging; moved into place once it is audited
        work = SummaryWork(doc, fmt, pending.file, None, stills, names, created_at,
                           shown_as=pending.path)

        def clean() -> None:  # the child is gone: what it staged goes too
            from vsr.staging import clean_staging

            clean_staging(pending.staging_root)

        self._set_busy(True)
        self.busy.setValue(0)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Making the learning summary…"))
        self.job = workers.ChildJob("summary", work, cleanup=clean)
        self.job.progress.connect(lambda f: self.busy.setValue(round(f * 1000)))
        self.job.done.connect(self._done)
        self.job.failed.connect(self._failed)
        self.job.start()

    def running(self) -> bool:
        return self.job is not None and self.job.running() and not self.job.cancelled

    def cancel_export(self) -> None:
        """Stop the child (killed); what it staged is removed and the file is never made."""
        if self.job is not None and self.running():
            self.job.cancel()
        pending, self._pending = self._pending, None
        if pending is not None:
            with contextlib.suppress(VsrError):
                abandon_summary_export(self.lib, pending)
        self._set_busy(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Export cancelled. No file was made."))

    def reject(self) -> None:
        """Closing during an export cancels it: nothing is lost, no half file stays."""
        if self.running():
            self.cancel_export()
        elif self.task is not None and self.busy.isVisibleTo(self):
            return  # the name patterns are loading (a moment): the export has not begun
        super().reject()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.export_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)

    def _done(self, path: Path) -> None:
        self._set_busy(False)
        fmt, stills, naming = self._written_as
        pending, self._pending = self._pending, None
        if pending is not None:  # known to the library since it began, so a purge finds it
            finished = perform(lambda: finish_summary_export(
                self.lib, pending, fmt=fmt, include_stills=stills, party_naming=naming))
            if finished.error is not None:  # audited and in place now, or said why not
                self._failed(finished.error)
                return
            path = pending.path
        self.written = path
        self.status.setText(self.tr("Saved: {path}").format(path=str(path)))

    def _report(self, message: str) -> None:
        if message:
            self.status.setText(message)
            self.status.setStyleSheet("color: #a00000;")

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        pending, self._pending = self._pending, None
        if pending is not None:  # the file never came: forget its row
            with contextlib.suppress(VsrError):
                abandon_summary_export(self.lib, pending)
        self.status.setText(error_text(exc))
        self.status.setStyleSheet("color: #a00000;")


def _stills_possible(lib: Library, review_id: int) -> bool:
    """Stills are offered when the recording has a picture (not for a sound recording)."""
    from vsr.library.recordings import get_recording

    return get_recording(lib, get_review(lib, review_id).recording_id).has_video


def _talk_time_possible(lib: Library, review_id: int) -> bool:
    """"Who spoke how much" is offered when the recording has a transcript and "Apart
    markeren" hides no moments."""
    from vsr.samenleergesprek.blind import markers_hidden
    from vsr.transcript.store import has_transcript

    return (has_transcript(lib, get_review(lib, review_id).recording_id)
            and not markers_hidden(lib, review_id))
