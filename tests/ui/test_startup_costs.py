"""Start-up does only what the start page needs (counted, not timed: the time is a bench row):
the review workspace, the timeline and numpy are loaded when a review is first opened, Babel
when a date is first worded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CODE = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from tests.ui.fake_player import FakePlayer
from vsr.ui.bridge import LibraryBridge
from vsr.ui.main_window import MainWindow
from vsr.library import open_library
window = MainWindow(LibraryBridge(open_library()), FakePlayer())
window.show()
app.processEvents()
heavy = ("vsr.ui.review.review_view", "vsr.ui.timeline", "vsr.ui.samenleergesprek.panel", "numpy",
         "sqlite_utils", "babel")
print("LOADED", sorted(m for m in heavy if m in sys.modules), window._review_view is None)
window.review_view  # what opening a review does first
print("AFTER", "vsr.ui.review.review_view" in sys.modules, window._review_view is not None)
window.close()
"""


def test_the_window_starts_without_the_review_workspace(tmp_path: Path) -> None:
    # An existing library, as at every start but the very first (creating one runs the
    # migrations, and the search index's uses sqlite-utils).
    from vsr.library import open_library

    open_library(tmp_path / "l.sqlite").close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VSR_LIBRARY": str(tmp_path / "l.sqlite"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, env=env,
                          cwd=Path(__file__).resolve().parents[2], check=True)
    assert "LOADED [] True" in done.stdout, done.stdout + done.stderr
    assert "AFTER True True" in done.stdout
