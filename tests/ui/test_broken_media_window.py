"""Broken media in the window (issue 10): a cut-off file opens with a visible warning and the
readable duration; an absurd duration never reaches Qt's 32-bit pixel and scroll-bar maths."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from vsr.ui.main_window import MainWindow
from vsr.ui.timeline.panel import TimelinePanel

from tests.ui.test_review_window import window  # noqa: F401 - the shared window fixture
from tests.vsr.test_media_probe import last_packet_end_ms
from vsr.library import recordings as rc
from vsr.media.fingerprint import fingerprint
from vsr.media.testclip import generate_test_clip
from vsr.model import MAX_RECORDING_MS


def test_cut_off_file_opens_with_a_warning_in_the_status_bar(
        qtbot, window: MainWindow, tmp_path: Path,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rc, "_default_fingerprinter", fingerprint)
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: boxes.append(a[2]))
    whole = generate_test_clip(tmp_path / "heel.mp4", 6.0)
    cut = tmp_path / "afgebroken gesprek.mp4"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    assert window.open_file(cut) is True
    assert boxes == []  # not blocking: the file is usable
    message = window.statusBar().currentMessage()
    assert "afgebroken gesprek.mp4" in message and "einde van de opname ontbreekt" in message
    readable = last_packet_end_ms(cut)
    assert window.review_view.timeline.view.duration_ms() == pytest.approx(readable, abs=50)
    assert readable < 5_000


def test_an_absurd_duration_is_clamped_by_the_timeline(qtbot) -> None:
    panel = TimelinePanel()
    qtbot.addWidget(panel)
    panel.resize(1200, 200)
    panel.show()
    panel.view.set_duration(10**12)  # 10^9 s from a library made before the probe refused it
    panel.view.zoom_to_fit()
    qtbot.wait(10)
    panel.grab()  # paints the ruler and lanes over the whole (clamped) length
    assert panel.view.duration_ms() == MAX_RECORDING_MS
    assert panel.scrollbar.maximum() <= MAX_RECORDING_MS


def test_a_second_file_while_one_is_read_is_said_and_the_first_goes_on(
        qtbot, window: MainWindow, tmp_path: Path,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A file dropped (or opened from the menu) while another is still being read: the window
    says so, naming it, instead of doing nothing without a word; the first is opened."""
    monkeypatch.setattr(rc, "_default_fingerprinter", fingerprint)
    first = generate_test_clip(tmp_path / "eerste.mp4", 2.0)
    second = generate_test_clip(tmp_path / "tweede gesprek.mp4", 2.0)
    during: list[object] = []
    read_file = window._read_file

    def reading(path: Path) -> object:
        during.append(window.open_file(second))  # the event loop runs while a file is read
        during.append(window.statusBar().currentMessage())
        return read_file(path)

    monkeypatch.setattr(window, "_read_file", reading)
    assert window.open_file(first) is True
    assert during[0] is False
    assert "tweede gesprek.mp4" in str(during[1]) and "being read" in str(during[1])
    assert window.review_view.recording is not None
    assert window.review_view.recording.path.endswith("eerste.mp4")
