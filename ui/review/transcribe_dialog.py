"""File → "Write down what was said": the recording's transcript made in the background (a
child process, vsr.transcript), with progress and cancel. The model check and the child run on
a worker; the result is stored on the window's thread. A failure is said in words; a cancel
keeps nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from vsr.library.db import Library
from vsr.transcript.run import transcribe_media
from vsr.transcript.speech_model import SETTING_KEY, find_model
from vsr.transcript.store import Segment, save_transcript

from ..workers import Task, start


class Transcriber(QObject):
    """One run for one recording. `finished(ok)` fires once, after storing or failing."""

    finished = Signal(bool)

    def __init__(self, lib: Library, recording_id: int, media: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self._recording_id = recording_id
        self._parent = parent
        setting = lib.get_setting(SETTING_KEY)  # a settings read: quick, on this thread
        self._dialog = QProgressDialog(self.tr("Writing down what was said…"), self.tr("Stop"),
                                       0, 100, parent)
        self._dialog.setWindowTitle(self.tr("Transcript"))
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(0)
        self._model_name = ""
        self._stopped = False

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            model = find_model(setting)  # checks sha256: off the window's thread
            self._model_name = model.name
            return transcribe_media(model, media, progress=progress, cancel=cancelled)

        self.task = Task(work)
        self.task.signals.progress.connect(lambda f: self._dialog.setValue(round(f * 100)))
        self.task.signals.done.connect(self._store)
        self.task.signals.failed.connect(self._fail)
        self._dialog.canceled.connect(self._cancel)
        start(self.task)

    def dialog(self) -> QProgressDialog:
        return self._dialog

    def _store(self, segments: list[Segment]) -> None:
        if self._stopped:  # a result already on its way when Stop was pressed: not kept
            return
        self._dialog.reset()
        from ..operations import perform

        saved = perform(lambda: save_transcript(self._lib, self._recording_id, segments,
                                                model=self._model_name))
        if not saved.ok:  # a busy, read-only or full library: said in words, nothing kept
            self._fail(saved.error or RuntimeError(saved.message))
            return
        self.finished.emit(True)

    def _fail(self, exc: object) -> None:
        from ..dialogs import show_error

        if self._stopped:
            return
        self._dialog.reset()
        show_error(self._parent, exc if isinstance(exc, BaseException) else RuntimeError(str(exc)))
        self.finished.emit(False)

    def _cancel(self) -> None:
        self._stopped = True
        self.task.cancel()  # the core kills the child; nothing is stored
        self.finished.emit(False)
