"""Shared test set-up. Qt must run offscreen unless an e2e test asks for the real (Xvfb) display."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports Qt: widget tests run offscreen; e2e tests switch to xcb themselves
# through their own conftest (they need a real X display from xvfb-run).
if os.environ.get("VSR_E2E_DISPLAY") == "1":
    os.environ["QT_QPA_PLATFORM"] = "xcb"
else:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("VSR_LANG", "nl")
os.environ.setdefault("VSR_VLC_ARGS", "--aout=dummy")
# The tests' log files (and those of the programs they start) stay out of the user's log folder.
os.environ.setdefault("VSR_LOG_DIR", str(Path(tempfile.gettempdir()) / f"vsr-test-logs-{os.getuid()}"))

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.corpus import CORPUS  # noqa: E402 - after the path set-up
from vsr.i18n import set_language  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI sets VSR_LANG / VSR_LIBRARY for its process; a test calling it in-process must not
    leave them behind for the next test (monkeypatch restores whatever the test changed)."""
    monkeypatch.setenv("VSR_LANG", os.environ.get("VSR_LANG", "nl"))
    set_language(None)  # the CLI in-process (or a test) set it: back to VSR_LANG for the next
    if "VSR_LIBRARY" in os.environ:
        monkeypatch.setenv("VSR_LIBRARY", os.environ["VSR_LIBRARY"])
    else:
        monkeypatch.delenv("VSR_LIBRARY", raising=False)


@pytest.fixture(autouse=True)
def _source_language_after_each_test():  # type: ignore[no-untyped-def]
    """Widget tests expect Qt's source language (English) unless they install one themselves: a
    test that switched to Dutch must not change what the next test reads."""
    yield
    if "vsr.ui.i18n" in sys.modules and "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QCoreApplication

        if QCoreApplication.instance() is not None:
            sys.modules["vsr.ui.i18n"].install_language("en")


@pytest.fixture(autouse=True)
def _isolated_logging() -> Iterator[None]:
    """A test that runs the CLI in-process gets the app's log handlers (`setup_logging`); the
    console one writes to that test's captured stderr, which is closed afterwards, so a later
    test's logging failed ("I/O operation on closed file"). Remove what a test added."""
    root = logging.getLogger()
    before = list(root.handlers)
    yield
    for handler in list(root.handlers):
        if handler not in before and (getattr(handler, "_vsr", False)
                                      or isinstance(handler, logging.FileHandler)):
            root.removeHandler(handler)
            handler.close()


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.exists():
        pytest.skip(f"test corpus not found at {CORPUS}")
    return CORPUS


@pytest.fixture
def library(tmp_path: Path):  # type: ignore[no-untyped-def]
    from vsr.library import open_library

    lib = open_library(tmp_path / "library.sqlite")
    yield lib
    lib.close()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Let background tasks (exports, previews) end before Qt and Python shut down."""
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(30_000)
