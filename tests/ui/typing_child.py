"""The child process of the kill test (tests/ui/test_kill_while_typing.py): opens the review
window offscreen with a fake player and types into part A of the selected moment without ever
pausing, one character every KEY_MS, printing after each key "<monotonic time> <text so far>".
It never stops by itself: the parent kills it.

    python -m tests.ui.typing_child LIBRARY REVIEW_ID MARKER_ID"""

from __future__ import annotations

import os
import string
import sys
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

KEY_MS = 40


def main(library: Path, review_id: int, marker_id: int) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from vsr.ui.bridge import LibraryBridge
    from vsr.ui.main_window import MainWindow

    from tests.ui.fake_player import FakePlayer
    from tests.vsr.fakes import fake_fingerprint
    from vsr.library import open_library
    from vsr.library import recordings as rc
    from vsr.library.sheets import SheetField

    app = QApplication(sys.argv[:1])
    rc._default_fingerprinter = fake_fingerprint  # the test recording is not real media
    bridge = LibraryBridge(open_library(library))
    window = MainWindow(bridge, FakePlayer(duration_ms=120_000))
    window.resize(1366, 768)
    window.show()
    window.open_review(review_id)
    window.review_view.select_marker(marker_id)
    field = window.review_view.sheet.field(SheetField.WHAT_HAPPENED)
    field.setFocus()
    letters = string.ascii_lowercase
    typed: list[str] = []

    def key() -> None:
        letter = letters[len(typed) % len(letters)]
        QTest.keyClicks(field, letter)
        typed.append(letter)
        print(f"{time.monotonic():.4f} {''.join(typed)}", flush=True)

    timer = QTimer()
    timer.setInterval(KEY_MS)
    timer.timeout.connect(key)
    timer.start()
    app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
