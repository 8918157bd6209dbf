"""Small dialogs shared by the window: choosing media files, and the one way a failure, a
refusal or a notice becomes a message box (`warn`, `show_error`, `inform`). A failure is always a
sentence in the UI language (`error_text`), never a traceback; a lint test
(tests/ui/test_one_message_path.py) keeps direct `QMessageBox.warning/critical/information`
calls out of the rest of the window. Questions with choices are not failures and build their
own boxes."""

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


def _title(title: str | None) -> str:
    return title or QCoreApplication.translate("Dialogs", "vsr")


def warn(parent: QWidget | None, text: str, *, title: str | None = None,
         critical: bool = False) -> None:
    """A warning box with a sentence already worded in the UI language (a failure the user can
    act on, or why something was refused); `critical` when the program cannot go on."""
    if critical:
        QMessageBox.critical(parent, _title(title), text)
    else:
        QMessageBox.warning(parent, _title(title), text)


def show_error(parent: QWidget | None, exc: BaseException, *, title: str | None = None,
               critical: bool = False) -> None:
    """A warning box for a failure: its sentence (`error_text`), never a traceback."""
    warn(parent, error_text(exc), title=title, critical=critical)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """A notice box: something the user should know that is not a failure."""
    QMessageBox.information(parent, _title(title), text)
