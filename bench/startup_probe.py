"""Started as its own process by the start-up rows: runs `vsr` (the window program) and prints
INTERACTIVE once the window is shown and its event loop takes events, then quits. The time
from starting the process to that line is what the user waits for."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def _report_and_quit(app: QApplication) -> None:
    print("INTERACTIVE", flush=True)
    app.quit()


def main() -> int:
    if sys.argv[1:2] == ["--blank"]:  # the reference: an empty Qt window
        from PySide6.QtWidgets import QWidget

        app = QApplication(sys.argv[:1])
        window = QWidget()
        window.show()
        QTimer.singleShot(0, lambda: _report_and_quit(app))
        return int(app.exec())
    original = QApplication.exec

    def exec_and_report(self: QApplication) -> int:
        # Queued behind the window's own start (retention check): reported when all ran.
        QTimer.singleShot(0, lambda: QTimer.singleShot(0, lambda: _report_and_quit(self)))
        return int(original())  # static in Qt 6: called on the class, no instance

    QApplication.exec = exec_and_report  # type: ignore[method-assign]
    from vsr.ui.app import main as vsr_main

    return vsr_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
