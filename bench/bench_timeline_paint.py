"""Benchmark: painting the timeline with a 1-hour envelope and 500 markers (offscreen Qt).

Times a full repaint (both cached layers redrawn: zoom, scroll, loop change), a marker-layer
repaint (selection, hover, marker edits) and a playhead-only repaint (what playback causes, a copy
of the cached layers plus one line), at "show all" and zoomed in. Each number is
also printed as a ratio of a 60 Hz frame (16.7 ms), and against a reference run in the same
process: painting the same-size widget with nothing but a background fill.

    python bench/bench_timeline_paint.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPaintEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from ui.timeline import TimelinePanel  # noqa: E402
from ui.timeline.envelope import column_peaks  # noqa: E402
from vsr.model import Marker, MarkerShape, Party, PartyRole  # noqa: E402

HOUR_MS = 3_600_000
FRAME_MS = 1000 / 60


@dataclass
class Envelope:
    bucket_ms: int
    peaks: np.ndarray


class Blank(QWidget):
    def paintEvent(self, event: QPaintEvent) -> None:
        QPainter(self).fillRect(self.rect(), QColor("#ffffff"))


def timed_ms(fn: Callable[[], object], repeat: int = 30) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    app = QApplication.instance() or QApplication([])
    rng = np.random.default_rng(7)
    parties = [
        Party(i, 1, PartyRole.OTHER, f"Persoon {i}", c, s, i)
        for i, (c, s) in enumerate(
            [
                ("#2563eb", MarkerShape.CIRCLE),
                ("#ea580c", MarkerShape.TRIANGLE),
                ("#16a34a", MarkerShape.DIAMOND),
            ]
        )
    ]
    starts = np.sort(rng.integers(0, HOUR_MS - 60_000, 500))
    markers = [
        Marker(i + 1, 1, i % 3, int(s), int(s) + 30_000 if i % 2 else None)
        for i, s in enumerate(starts)
    ]
    envelope = Envelope(10, rng.random(HOUR_MS // 10).astype(np.float32))  # 360 000 buckets

    panel = TimelinePanel()
    panel.resize(1600, 260)
    view = panel.view
    view.set_duration(HOUR_MS)
    view.set_parties(parties)
    view.set_markers(markers)
    view.set_envelope(envelope)
    panel.show()
    app.processEvents()

    blank = Blank()
    blank.resize(view.size())
    blank.show()
    app.processEvents()
    reference = timed_ms(blank.repaint)

    toggle = iter(range(10**9))

    def full_repaint() -> None:
        # A loop-range change redraws both layers, like a zoom or scroll does.
        view.set_loop_range(0, 60_000 + next(toggle) % 2 * 1_000)
        view.repaint()

    def marker_repaint() -> None:
        view.set_selected_marker(1 + next(toggle) % 2)  # only the marker layer is redrawn
        view.repaint()

    position = iter(range(0, HOUR_MS, 250))

    def playhead_repaint() -> None:
        view.set_position(next(position))
        view.repaint()

    rows = []
    rows.append(("full repaint, whole hour in view", timed_ms(full_repaint)))
    rows.append(("marker-layer repaint, whole hour in view", timed_ms(marker_repaint)))
    rows.append(("playhead repaint, whole hour in view", timed_ms(playhead_repaint)))
    rows.append(
        (
            "envelope reduction only, whole hour",
            timed_ms(lambda: column_peaks(envelope.peaks, 10, 0, HOUR_MS / 1500, 1500)),
        )
    )
    view.set_ms_per_px(50, view.width() / 2)
    rows.append(("full repaint, 50 ms/px", timed_ms(full_repaint)))
    rows.append(("marker-layer repaint, 50 ms/px", timed_ms(marker_repaint)))
    rows.append(("playhead repaint, 50 ms/px", timed_ms(playhead_repaint)))
    print(f"reference (blank widget repaint, same size): {reference:.2f} ms")
    for name, ms in rows:
        print(
            f"{name:42s} {ms:7.2f} ms  = {ms / FRAME_MS:5.2f} frames @60Hz"
            f"  = {ms / reference:6.1f}x reference"
        )


if __name__ == "__main__":
    main()
