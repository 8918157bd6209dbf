"""The packagers' self-test (`vsr-gui --self-test DIR`) with the fake player offscreen: it passes
when the demo plays with a picture, a mark is taken and the PDF is written, and it fails, with a
report saying where, when the picture stays black or the PDF never comes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QWidget
from vsr.ui.bridge import LibraryBridge
from vsr.ui.main_window import MainWindow
from vsr.ui.self_test import REPORT_NAME, picture_shown, run_self_test

from tests.ui.fake_player import FakePlayer
from vsr.library import markers as mk


def picture(_widget: QWidget) -> QImage:
    """A frame as the display would show it: coloured bands on a lit background."""
    image = QImage(320, 180, QImage.Format.Format_RGB32)
    image.fill(QColor("#d0c8b0"))
    painter = QPainter(image)
    for i, colour in enumerate(("#c03030", "#30a040", "#3040c0", "#e0c020", "#202020")):
        painter.fillRect(i * 64, 60, 64, 60, QColor(colour))
    painter.end()
    return image


def black(_widget: QWidget) -> QImage:
    image = QImage(320, 180, QImage.Format.Format_RGB32)
    image.fill(QColor("black"))
    return image


@pytest.fixture(scope="module")
def recordings(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for the demo recording: it is generated once and reused (as in the app)."""
    return tmp_path_factory.mktemp("recordings")


@pytest.fixture
def window(qtbot, library, recordings: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("VSR_RECORDINGS", str(recordings))
    bridge = LibraryBridge(library)
    win = MainWindow(bridge, FakePlayer(duration_ms=150_000))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    bridge.close()


def report(out: Path) -> dict:  # type: ignore[type-arg]
    data: dict = json.loads((out / REPORT_NAME).read_text("utf-8"))  # type: ignore[type-arg]
    return data


def test_picture_check_tells_a_frame_from_black_and_grey(qapp) -> None:  # type: ignore[no-untyped-def]
    assert picture_shown(picture(QWidget()))[0]
    assert not picture_shown(black(QWidget()))[0]
    grey = QImage(320, 180, QImage.Format.Format_RGB32)
    grey.fill(QColor("#808080"))
    assert not picture_shown(grey)[0]
    assert not picture_shown(QImage())[0]


def test_all_steps_pass_demo_play_mark_pdf_quit(window: MainWindow, library, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "self-test"
    assert run_self_test(window, out, grab=picture) == 0
    data = report(out)
    assert data["ok"] is True
    assert [s["name"] for s in data["steps"]] == ["window", "open_demo", "play", "mark",
                                                   "export_pdf", "quit"]
    assert all(s["ok"] for s in data["steps"])
    pdf = Path(data["pdf"])
    assert pdf.parent == out and pdf.read_bytes().startswith(b"%PDF-")
    review = window.review_view.review
    assert review is not None
    assert len(mk.list_markers(library, review.id)) == 5  # the demo's four and the new one
    assert not window.isVisible()


def test_a_black_picture_fails_at_play_and_nothing_is_exported(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import vsr.ui.self_test as self_test_module

    monkeypatch.setattr(self_test_module, "PLAY_TIMEOUT_S", 2.0)  # it waits for a picture that never comes
    out = tmp_path / "self-test"
    assert run_self_test(window, out, grab=black) == 1
    data = report(out)
    assert data["ok"] is False
    assert [(s["name"], s["ok"]) for s in data["steps"]] == [
        ("window", True), ("open_demo", True), ("play", False)]
    assert "lit 0%" in data["steps"][-1]["detail"]
    assert data["pdf"] == "" and not (out / "self-test-summary.pdf").exists()


def test_a_missing_pdf_fails_the_export_step(window: MainWindow, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import vsr.ui.samenleergesprek.export_dialog as export_dialog
    from PySide6.QtCore import QObject, QTimer, Signal

    class NoFileJob(QObject):  # the child process says "done" but wrote nothing
        progress, done, failed, finished = Signal(float), Signal(object), Signal(object), Signal()
        cancelled = False

        def __init__(self, _name: str, work: object, **_kw: object) -> None:
            super().__init__()
            self.path = work.out  # type: ignore[attr-defined]
            self._ended = False

        def start(self) -> NoFileJob:
            QTimer.singleShot(0, self._end)
            return self

        def _end(self) -> None:
            self._ended = True
            self.done.emit(self.path)
            self.finished.emit()

        def running(self) -> bool:
            return not self._ended

    # The export "succeeds" but no file is written: the self-test must not believe the dialog.
    monkeypatch.setattr(export_dialog.workers, "ChildJob", NoFileJob)
    out = tmp_path / "self-test"
    assert run_self_test(window, out, grab=picture) == 1
    step = report(out)["steps"][-1]
    assert step["name"] == "export_pdf" and not step["ok"] and step["detail"].startswith("0 bytes")


def test_an_error_message_is_reported_and_closed_instead_of_hanging(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import vsr.demo
    from vsr.errors import MediaError

    def broken(*_args: object, **_kw: object) -> None:
        raise MediaError("error.media.probe_timeout", path="demo.mp4")

    monkeypatch.setattr(vsr.demo, "make_demo", broken)
    out = tmp_path / "self-test"
    assert run_self_test(window, out, grab=picture) == 1
    data = report(out)
    assert [(s["name"], s["ok"]) for s in data["steps"]] == [("window", True), ("open_demo", False)]
    assert len(data["messages"]) == 1 and "demo.mp4" in data["messages"][0]


def test_the_frame_that_was_judged_is_kept(window: MainWindow, tmp_path: Path) -> None:
    out = tmp_path / "self-test"
    run_self_test(window, out, grab=picture)
    assert QImage(str(out / "self-test-frame.png")).size() == picture(window).size()
