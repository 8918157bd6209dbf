"""What a user sees when something unexpected goes wrong: no traceback on a terminal they do not
have, but a plain message that nothing saved was lost, where the log is, and a button that copies
the details for whoever helps them. Everything is written to the log file first."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from vsr.app_log import log_file

log = logging.getLogger("vsr.crash")


class CrashReporter(QObject):
    """Installs sys.excepthook and threading.excepthook. Errors on other threads are shown
    on the main thread (through a queued signal); one dialog at a time."""

    report = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.shown: list[str] = []  # the details of every error reported (tests, and a count)
        self.box: QMessageBox | None = None
        self.report.connect(self._show)

    def install(self) -> None:
        sys.excepthook = self._hook
        threading.excepthook = self._thread_hook

    def _hook(self, kind: type[BaseException], exc: BaseException,
              tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.critical("unexpected error", exc_info=(kind, exc, tb))
        self.report.emit("".join(traceback.format_exception(kind, exc, tb)))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self._hook(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, details: str) -> None:
        self.shown.append(details)
        if self.box is not None and self.box.isVisible():  # one at a time; the log has them all
            return
        # Window-modal and non-blocking: an error inside a slot must not start a nested loop.
        self.box = crash_box(details, QApplication.activeWindow())
        self.box.open()


def crash_box(details: str, parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("vsr")
    box.setText(QCoreApplication.translate(
        "CrashReporter", "Something unexpected went wrong. What you saved is kept."))
    box.setInformativeText(QCoreApplication.translate(
        "CrashReporter", "If it happens again, send the details to whoever helps you with vsr. "
        "They are also in the log: {path}").format(path=str(log_file())))
    box.setDetailedText(details)
    copy = box.addButton(QCoreApplication.translate("CrashReporter", "Copy details"),
                         QMessageBox.ButtonRole.ActionRole)
    copy.setObjectName("copyDetails")
    copy.clicked.disconnect()  # keep the box open after copying
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.addButton(QMessageBox.StandardButton.Close)
    return box
