"""Small dialogs shared by the window: choosing media files and showing errors as messages."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from vsr.errors import VsrError

log = logging.getLogger(__name__)

MEDIA_PATTERNS = ("*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.mts *.m2ts *.ogv *.ogg *.mpg *.mpeg "
                  "*.wmv *.3gp *.mp3 *.m4a *.wav *.opus *.flac *.aac *.oga")



def media_filter() -> str:
    return (QCoreApplication.translate("Dialogs", "Recordings ({patterns})").format(patterns=MEDIA_PATTERNS) + ";;"
            + QCoreApplication.translate("Dialogs", "All files (*)"))


def ask_media_file(parent: QWidget, title: str, folder: Path | None = None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, str(folder or Path.home()), media_filter())
    return Path(name) if name else None


def error_text(exc: BaseException) -> str:
    """A message for the user. Unexpected errors are logged in full but shown plainly."""
    if isinstance(exc, VsrError):
        return exc.message()
    if isinstance(exc, OSError):
        from vsr.errors import StorageError

        if exc.errno == 28:  # ENOSPC
            return StorageError("error.storage.disk_full").message()
        where = f" ({exc.filename})" if exc.filename else ""
        return QCoreApplication.translate("Dialogs", "The file could not be read or written{where}: {reason}").format(
            where=where, reason=exc.strerror or str(exc))
    log.exception("unexpected error", exc_info=exc)
    return QCoreApplication.translate("Dialogs", "Something unexpected went wrong. Nothing you saved was lost. Details: {detail}"
               ).format(detail=str(exc) or type(exc).__name__)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("Dialogs", "vsr"), error_text(exc))
