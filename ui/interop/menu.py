"""File → "Import ELAN file…" and File → "Export as" (ELAN, WebVTT, SRT, CSV) for the open
review, with the choice to replace names. The work is done by the core (`vsr.interop`); errors
are shown in words."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from vsr.anonymise.known import review_names
from vsr.errors import VsrError
from vsr.file_names import safe_file_name
from vsr.i18n import translate_plural
from vsr.interop.eaf_read import read_eaf
from vsr.interop.exports import (
    ReviewExport,
    anonymised_export,
    plan_review_export,
    write_review_export,
)

from .. import workers
from ..anonymise_choice import names_check_box
from ..dialogs import show_error, warn
from ..operations import perform

if TYPE_CHECKING:
    from ..main_window import MainWindow


def _filters() -> dict[str, str]:
    return {"eaf": QCoreApplication.translate("Interop", "ELAN files (*.eaf)"),
            "vtt": QCoreApplication.translate("Interop", "WebVTT subtitles (*.vtt)"),
            "srt": QCoreApplication.translate("Interop", "SRT subtitles (*.srt)"),
            "csv": QCoreApplication.translate("Interop", "Spreadsheet (*.csv)")}


def import_eaf_file(window: MainWindow) -> None:
    from .eaf_import_dialog import EafImportDialog

    view = window.review_view
    if view.recording is None:
        return
    folder = str(QSettings().value("last_folder", str(Path.home())))
    name, _ = QFileDialog.getOpenFileName(
        window, QCoreApplication.translate("Interop", "Import ELAN file"), folder, _filters()["eaf"])
    if not name:
        return
    try:
        doc = read_eaf(name)
    except VsrError as exc:
        show_error(window, exc)
        return
    dialog = EafImportDialog(window.bridge.lib, doc, name, view.recording.id,
                             view.review.id if view.review else None, window)
    if dialog.exec() and dialog.result_value is not None:
        window.open_review(dialog.result_value.review_id)
        if dialog.result_value.cut_at_end:  # never cut without a word
            window.statusBar().showMessage(
                translate_plural("warning.import.cut_at_end", dialog.result_value.cut_at_end), 0)


class ExportChoiceDialog(QDialog):
    """Before "Export as": whether names and other personal details are replaced."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export as"))
        self.replace_names = names_check_box(self)
        why = QLabel(self.tr("The file holds the moments and gespreksbladen. Replace names when "
                             "the file goes to someone outside this conversation."))
        why.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (why, self.replace_names, buttons):
            layout.addWidget(widget)
        self.replace_names.setFocus()


def export_review_as(window: MainWindow, fmt: str) -> None:
    review = window.review_view.review
    if review is None:
        return
    choice = ExportChoiceDialog(window)
    if not choice.exec():
        return
    anonymise = choice.replace_names.isChecked()
    folder = Path(str(QSettings().value("last_folder", str(Path.home()))))
    stem = (QCoreApplication.translate("Interop", "moments") + "-" + date.today().isoformat()
            if anonymise else review.title.strip() or "review")  # no name in a suggestion
    suggested = folder / safe_file_name(stem, fmt, fallback="review")
    name, _ = QFileDialog.getSaveFileName(
        window, QCoreApplication.translate("Interop", "Export as"), str(suggested), _filters()[fmt])
    if not name:
        return
    lib = window.bridge.lib  # the library is read here, on the main thread
    outcome = perform(lambda: (plan_review_export(lib, review.id, fmt, Path(name)),
                               review_names(lib, review.id) if anonymise else None))
    if not outcome.ok or outcome.value is None:
        warn(window, outcome.message)
        return
    plan, names = outcome.value
    if names is None:
        _write(window, plan)
        return
    window.statusBar().showMessage(QCoreApplication.translate("Interop", "Preparing the export…"))
    # Replacing (and loading deduce the first time) runs on a worker; writing comes back here.
    task = workers.Task(lambda _progress, _cancelled: anonymised_export(plan, names))
    task.signals.done.connect(lambda anonymised: _write(window, anonymised))
    task.signals.failed.connect(lambda exc: (window.statusBar().clearMessage(),
                                             show_error(window, exc)))
    workers.start(task)


def _write(window: MainWindow, plan: ReviewExport) -> None:
    outcome = perform(lambda: write_review_export(window.bridge.lib, plan))
    if not outcome.ok:
        window.statusBar().clearMessage()
        warn(window, outcome.message)
        return
    window.statusBar().showMessage(
        QCoreApplication.translate("Interop", "Written: {path}").format(path=str(outcome.value)), 8000)
