"""Start-up does only what the start page needs (counted, not timed: the time is a bench row):
the review workspace, the timeline and numpy are loaded when a review is first opened, Babel
when a date is first worded."""

from __future__ import annotations

import ast
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
from PySide6.QtCore import QThreadPool
QThreadPool.globalInstance().waitForDone(30_000)
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


# What the scripts below start with: a Qt application, and `on_ui`, the modules imported on
# its UI thread.
WATCHING_UI_IMPORTS = """
import sys, threading
from pathlib import Path
on_ui: list[str] = []
def hook(event, args):
    if event == "import" and threading.current_thread() is threading.main_thread():
        on_ui.append(args[0])
sys.addaudithook(hook)
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from tests.ui.fake_player import FakePlayer
def finish(window):
    # As the program ends (vsr.ui.app.main): work still on the pool, ended by an interpreter
    # that is going away, crashed the process on its way out now and then.
    from PySide6.QtCore import QThreadPool
    window.close()
    QThreadPool.globalInstance().waitForDone(30_000)
"""


def _run_in_window_process(script: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`script` in a process of its own (imports counted from a clean start), with a library
    made beforehand (creating one imports more than opening one)."""
    from vsr.library import open_library

    open_library(tmp_path / "l.sqlite").close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VSR_LIBRARY": str(tmp_path / "l.sqlite"),
           "VSR_RECORDINGS": str(tmp_path / "rec"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                          env=env, cwd=Path(__file__).resolve().parents[2], check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


OPEN_AT_ONCE = WATCHING_UI_IMPORTS + """
from vsr.media.testclip import generate_test_clip
from vsr.ui.bridge import LibraryBridge
from vsr.ui.main_window import MainWindow, REVIEW_MODULES
from vsr.library import open_library
clip = generate_test_clip(Path(sys.argv[1]), 2.0)
turns = [0]
tick = QTimer()
tick.timeout.connect(lambda: turns.__setitem__(0, turns[0] + 1))
tick.start(0)
from vsr.ui.review.review_view import ReviewView
parts: list[int] = []
steps = ReviewView.build_steps
def counted(self):
    for part in steps(self):
        parts.append(turns[0])
        yield part
    parts.append(turns[0])
ReviewView.build_steps = counted
from vsr.library import recordings as rc
from vsr.ui import main_window as mw
at: dict[str, int] = {}
import_recording = rc.import_recording
def imported(*args, **kwargs):
    try:
        return import_recording(*args, **kwargs)
    finally:
        at["row added"] = turns[0]
rc.import_recording = imported
view_open = ReviewView.open_review
def opening(self, review_id):
    at["review read"] = turns[0]
    view_open(self, review_id)
ReviewView.open_review = opening
on_ui.clear()  # the workspace's module, imported here for counting, is loaded
window = MainWindow(LibraryBridge(open_library()), FakePlayer())
window.show()
window.stack.currentChanged.connect(lambda _i: at.setdefault("page shown", turns[0]))
assert window.open_file(clip)  # at once, as a file dropped on a new window
print("AT", at)
print("UI-THREAD", sorted(set(on_ui) & set(REVIEW_MODULES)))
print("PARTS", len(parts), len(set(parts)))
finish(window)
"""


def test_a_file_opened_at_once_builds_its_review_in_turns(tmp_path: Path) -> None:
    """A file opened on a window just shown (dropped on it, or from the command line): its
    review's page is built a part per event-loop turn while the file is read, and what the
    first open imports is imported on a worker; in one go it froze the window 50-130 ms."""
    done = _run_in_window_process(OPEN_AT_ONCE, tmp_path, str(tmp_path / "nieuw.mp4"))
    assert "UI-THREAD []" in done.stdout, done.stdout
    parts = [line.split() for line in done.stdout.splitlines() if line.startswith("PARTS")][0]
    assert int(parts[1]) >= 3 and int(parts[2]) == int(parts[1]), done.stdout
    # The row added, the review read into the page and the page shown: each in a turn of its
    # own (in one, with the page's first layout and paint after, they held it 55-60 ms).
    at = [line for line in done.stdout.splitlines() if line.startswith("AT")][0]
    turns = ast.literal_eval(at[3:])
    assert turns["row added"] < turns["review read"] < turns["page shown"], done.stdout


PANEL_IN_TURNS = WATCHING_UI_IMPORTS + """
from tests.vsr.fakes import add_fake_recording, fake_fingerprint
from vsr.library import open_library
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.ui.bridge import LibraryBridge
from vsr.ui.main_window import MainWindow
rc._default_fingerprinter = fake_fingerprint
lib = open_library()
review = rv.create_review(lib, add_fake_recording(lib, Path(sys.argv[1])).id)
window = MainWindow(LibraryBridge(lib), FakePlayer(duration_ms=60_000))
window.show()
assert window.open_review(review.id)
view = window.review_view
on_ui.clear()  # from here on: what the panel needs
widgets = [len(app.allWidgets())]  # at each turn of the event loop
tick = QTimer()
tick.timeout.connect(lambda: widgets.append(len(app.allWidgets())))
tick.start(0)
while not view.session_panel_built():
    app.processEvents()
grew = sum(1 for before, after in zip(widgets, widgets[1:]) if after > before)
print("UI-THREAD", sorted(m for m in on_ui if "samenleergesprek" in m))
print("GREW", grew)
finish(window)
"""


def test_the_conversation_panel_is_built_in_turns_with_its_modules_imported_on_a_worker(
        tmp_path: Path) -> None:
    """After a review's first picture its Samenleergesprek panel is built: its modules are
    imported on a worker and it is built a part per event-loop turn. Imported and built in
    one go, it held the window 90-115 ms (a locked library's window stood still 100 ms)."""
    done = _run_in_window_process(PANEL_IN_TURNS, tmp_path, str(tmp_path))
    assert "UI-THREAD []" in done.stdout, done.stdout
    # Its widgets came in (at least) five turns: the top bar and the four pages.
    grew = [line.split() for line in done.stdout.splitlines() if line.startswith("GREW")][0]
    assert int(grew[1]) >= 5, done.stdout
