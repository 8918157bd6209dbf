"""An unexpected error in the window: logged to the user's log file (0600) with its traceback,
and shown as a plain message with a button that copies the details; also from other threads."""

from __future__ import annotations

import logging
import stat
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QPushButton
from vsr.ui.crash_dialog import CrashReporter

from vsr.app_log import _PrivateRotatingFile, setup_logging


@pytest.fixture
def log_to(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("VSR_LOG_DIR", str(tmp_path / "log"))
    root = logging.getLogger()
    before = list(root.handlers)
    # An earlier in-process CLI call may have set up the log already (elsewhere): start afresh.
    root.handlers = [h for h in before if not isinstance(h, _PrivateRotatingFile)]
    path = setup_logging()
    yield path
    for handler in root.handlers:
        if handler not in before:
            handler.close()
    root.handlers = before


def test_the_log_is_private_and_takes_vlc_errors_but_not_its_chatter(log_to: Path) -> None:
    assert log_to is not None and log_to.parent.name == "log"
    logging.getLogger("vsr.vlc").info("avformat error: Invalid data found")
    logging.getLogger("vsr.vlc").debug("vlc chatter that floods")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_to.read_text(encoding="utf-8")
    assert "Invalid data found" in text and "chatter" not in text
    assert stat.S_IMODE(log_to.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_to.parent.stat().st_mode) == 0o700
    assert setup_logging() == log_to  # a second call adds no second handler
    files = [h for h in logging.getLogger().handlers if isinstance(h, _PrivateRotatingFile)]
    assert len(files) == 1


def _raise() -> None:
    raise ZeroDivisionError("deling door nul in een slot")


def test_an_unexpected_error_is_logged_and_shown_with_copyable_details(qtbot, log_to: Path,  # type: ignore[no-untyped-def]
                                                                        monkeypatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    reporter = CrashReporter()
    reporter.install()
    try:
        _raise()
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    box = reporter.box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert "deling door nul" in box.detailedText() and "_raise" in box.detailedText()
    assert str(log_to) in box.informativeText()
    assert "Traceback" not in box.text()  # the message itself is plain words
    copy = box.findChild(QPushButton, "copyDetails")
    assert copy is not None and copy.text() in ("Copy details", "Details kopiëren")
    copy.click()
    assert "deling door nul" in QApplication.clipboard().text()
    assert box.isVisible()  # copying keeps the message open
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log_to.read_text(encoding="utf-8")
    assert "unexpected error" in logged and "ZeroDivisionError" in logged

    # An error on another thread reaches the same message, on the main thread; the open
    # message is not stacked with a second one, but the error is counted and logged.
    worker = threading.Thread(target=_raise)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(reporter.shown) == 2)
    assert reporter.box is box
    box.close()
