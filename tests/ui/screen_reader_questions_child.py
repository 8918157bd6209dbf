"""Run as a child process by test_accessibility.py: ask each part of the timeline (lanes,
markers, playhead) what a screen reader asks of an object that gets the focus (its relations,
window and colours) and print what came back. A crash here kills only this process."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtGui import QAccessible  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.a11y.app_under_test import build  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv[:1])
    lib, _review_id, window = build(Path(tempfile.mkdtemp(prefix="vsr-sr-")))
    app.processEvents()
    pane = QAccessible.queryAccessibleInterface(window.review_view.timeline.view)
    answers = []
    for index in range(pane.childCount()):
        part = pane.child(index)
        answers.append({
            "name": part.text(QAccessible.Text.Name),
            "relations": len(part.relations()),
            "window": part.window() is window.windowHandle(),
            "colours": [part.foregroundColor().isValid(), part.backgroundColor().isValid()],
        })
    print(json.dumps(answers))
    window.close()
    lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
