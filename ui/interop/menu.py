"""File → "Import ELAN file…" and File → "Export as" (ELAN, WebVTT, SRT, CSV) for the open
review. The work is done by the core (`vsr.interop`); errors are shown in words."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from vsr.errors import VsrError
from vsr.i18n import translate_plural
from vsr.interop.eaf_read import read_eaf
from vsr.interop.exports import export_review_file

from ..dialogs import show_error
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


def export_review_as(window: MainWindow, fmt: str) -> None:
    review = window.review_view.review
    if review is None:
        return
    folder = Path(str(QSettings().value("last_folder", str(Path.home()))))
    suggested = folder / f"{review.title.strip() or 'review'}.{fmt}".replace("/", "-")
    name, _ = QFileDialog.getSaveFileName(
        window, QCoreApplication.translate("Interop", "Export as"), str(suggested), _filters()[fmt])
    if not name:
        return
    outcome = perform(lambda: export_review_file(window.bridge.lib, review.id, fmt, Path(name)))
    if not outcome.ok:
        QMessageBox.warning(window, QCoreApplication.translate("Dialogs", "vsr"), outcome.message)
        return
    window.statusBar().showMessage(
        QCoreApplication.translate("Interop", "Written: {path}").format(path=str(outcome.value)), 8000)
