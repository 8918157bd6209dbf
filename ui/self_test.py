"""A check of a built vsr for packagers: `vsr-gui --self-test DIR` (hidden from --help).

It drives the real window through the paths a user takes: the start page's "Try the demo"
button, the play action, the first party's mark button, the "Export learning summary" action
and its dialog (PDF), then closes the window. Playback only counts when the video picture is
really on the screen: the player's window is grabbed from the display and must show an image,
not a black or empty area. The result goes to DIR/self-test.json (steps with ok, seconds and
what was seen); the program's exit status is 0 only when every step passed.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from vsr.library import markers as mk

from .actions import ActionId
from .main_window import MainWindow
from .samenleergesprek.export_dialog import ExportSummaryDialog

REPORT_NAME = "self-test.json"
PDF_NAME = "self-test-summary.pdf"
FRAME_NAME = "self-test-frame.png"
PLAY_TIMEOUT_S = 30.0
EXPORT_TIMEOUT_S = 60.0

Grab = Callable[[QWidget], QImage]


@dataclass
class Step:
    name: str
    ok: bool
    seconds: float
    detail: str = ""


@dataclass
class Report:
    ok: bool = False
    window_shown_epoch: float = 0.0  # time.time(): the caller compares it with its start time
    steps: list[Step] = field(default_factory=list)
    pdf: str = ""
    messages: list[str] = field(default_factory=list)  # message boxes that came up (closed)


def grab_from_screen(widget: QWidget) -> QImage:
    """What the display shows in the widget's native window (where libVLC draws)."""
    screen = widget.screen()
    return screen.grabWindow(int(widget.winId())).toImage()


def picture_shown(image: QImage) -> tuple[bool, str]:
    """Whether `image` holds a picture: enough lit pixels and more than a couple of colours
    (a black, grey or empty surface fails). Sampled on a 32x32 grid."""
    if image.isNull() or image.width() < 16 or image.height() < 16:
        return False, "nothing grabbed"
    lit, colours, n = 0, set(), 32
    for i in range(n):
        for j in range(n):
            c = image.pixelColor(i * image.width() // n, j * image.height() // n)
            lit += c.lightness() > 40
            colours.add((c.red() // 32, c.green() // 32, c.blue() // 32))
    share = lit / (n * n)
    return share >= 0.05 and len(colours) >= 4, f"lit {share:.0%}, {len(colours)} colours"


def wait_until(check: Callable[[], bool], timeout_s: float) -> bool:
    """Run the event loop until `check()` holds or the time is up (like qtbot.waitUntil)."""
    if check():
        return True
    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(lambda: (check() or time.monotonic() > deadline) and loop.quit())
    timer.start()
    loop.exec()
    timer.stop()
    return check()


class SelfTest:
    def __init__(self, window: MainWindow, out_dir: Path, grab: Grab = grab_from_screen) -> None:
        self.window, self.out_dir, self.grab = window, out_dir, grab
        self.report = Report(window_shown_epoch=time.time())

    def close_message_boxes(self) -> None:
        """A message box (an error, a question) would wait for a user that is not there: note
        its text in the report and close it, so the step fails instead of hanging."""
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            self.report.messages.append(box.text())
            box.reject()

    def run(self) -> Report:
        """Every step in order; the first that fails ends the run (the rest depend on it)."""
        watchdog = QTimer()
        watchdog.timeout.connect(self.close_message_boxes)
        watchdog.start(250)
        try:
            return self._run()
        finally:
            watchdog.stop()

    def _run(self) -> Report:
        steps: list[tuple[str, Callable[[], tuple[bool, str]]]] = [
            ("window", self.window_shown), ("open_demo", self.open_demo), ("play", self.play),
            ("mark", self.mark), ("export_pdf", self.export_pdf), ("quit", self.quit)]
        for name, step in steps:
            started = time.monotonic()
            try:
                ok, detail = step()
            except Exception as exc:  # noqa: BLE001 (any failure is a failed step, reported)
                ok, detail = False, f"{type(exc).__name__}: {exc}"
            self.report.steps.append(Step(name, ok, round(time.monotonic() - started, 3), detail))
            if not ok:
                break
        self.report.ok = len(self.report.steps) == len(steps) and all(
            s.ok for s in self.report.steps)
        if self.report.ok is False and self.window.isVisible():
            self.window.close()
        self.out_dir.mkdir(parents=True, exist_ok=True)
        (self.out_dir / REPORT_NAME).write_text(json.dumps(asdict(self.report), indent=2), "utf-8")
        return self.report

    def window_shown(self) -> tuple[bool, str]:
        return self.window.isVisible(), f"{self.window.width()}x{self.window.height()}"

    def open_demo(self) -> tuple[bool, str]:
        self.window.start_page.demo_button.click()
        view = self.window.review_view
        ok = wait_until(lambda: self.window.showing_review() and self.window.player.has_media(),
                        10.0)
        title = view.review.title if view.review is not None else ""
        return ok and view.review is not None, title

    def play(self) -> tuple[bool, str]:
        player = self.window.player
        if not player.available:
            return False, f"no player: {player.unavailable_reason}"
        self.window.actions[ActionId.PLAY_PAUSE].trigger()
        seen = ["not looked"]
        last = [QImage()]

        def on_screen() -> bool:
            last[0] = self.grab(player.video_widget())
            shown, seen[0] = picture_shown(last[0])
            return player.is_playing() and shown

        ok = wait_until(on_screen, PLAY_TIMEOUT_S)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        last[0].save(str(self.out_dir / FRAME_NAME))  # what was judged, for a person to look at
        return ok, f"{seen[0]} at {player.position()} ms ({player.state()})"

    def mark(self) -> tuple[bool, str]:
        view = self.window.review_view
        assert view.review is not None
        before = len(mk.list_markers(self.window.bridge.lib, view.review.id))
        party_id, button = next(iter(view.mark_buttons.buttons.items()))
        button.click()
        ok = wait_until(lambda: len(mk.list_markers(self.window.bridge.lib, view.review.id))
                        == before + 1, 5.0)
        return ok, f"party {party_id}: {before} -> {before + 1 if ok else before} markers"

    def export_pdf(self) -> tuple[bool, str]:
        self.window.actions[ActionId.EXPORT_SUMMARY].trigger()
        dialogs = [d for d in self.window.findChildren(ExportSummaryDialog) if d.isVisible()]
        if not dialogs:
            return False, "the export dialog did not open"
        dialog = dialogs[0]
        out = self.out_dir / PDF_NAME
        dialog.path.setText(str(out))
        dialog.export_button.click()
        wait_until(lambda: dialog.written is not None or dialog.export_button.isEnabled(),
                   EXPORT_TIMEOUT_S)
        status = dialog.status.text()
        dialog.close_button.click()
        size = out.stat().st_size if out.exists() else 0
        ok = size > 1000 and out.read_bytes()[:5] == b"%PDF-"
        self.report.pdf = str(out) if ok else ""
        return ok, f"{size} bytes; {status}"

    def quit(self) -> tuple[bool, str]:
        closed = self.window.close()
        return closed and not self.window.isVisible(), "window closed"


def run_self_test(window: MainWindow, out_dir: Path, grab: Grab = grab_from_screen) -> int:
    """Run the check, print the report, and give the exit status for the application."""
    report = SelfTest(window, out_dir, grab).run()
    print(json.dumps(asdict(report), indent=2), flush=True)
    return 0 if report.ok else 1
