"""Rows measured in the window itself (offscreen Qt, the fake player, real libraries): timeline
repaint, placing a marker, opening a review, and the SQL one saved A field costs. Run as
`python -m bench.ui_rows [--quick] WORKDIR MEDIA`; it prints its rows as one JSON line."""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPaintEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from vsr.ui.bridge import LibraryBridge  # noqa: E402
from vsr.ui.i18n import install_language  # noqa: E402
from vsr.ui.main_window import MainWindow  # noqa: E402
from vsr.ui.timeline import TimelinePanel  # noqa: E402

from bench.libraries import make_library  # noqa: E402
from bench.rows import Row, emit, median_time, median_times, row  # noqa: E402
from tests.ui.fake_player import FakePlayer  # noqa: E402
from vsr.library import recordings as rc  # noqa: E402
from vsr.library import reviews as rv  # noqa: E402
from vsr.library import sheets as sh  # noqa: E402
from vsr.model import Marker, MarkerShape, Party, PartyRole  # noqa: E402

HOUR_MS = 3_600_000


class _Envelope:
    def __init__(self, bucket_ms: int, peaks: np.ndarray) -> None:
        self.bucket_ms, self.peaks = bucket_ms, peaks


class _Blank(QWidget):
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        QPainter(self).fillRect(self.rect(), QColor("#ffffff"))


def timeline_rows(repeat: int) -> list[Row]:
    """A 1-hour timeline 1600 px wide with 5,000 markers on three lanes and an envelope."""
    rng = np.random.default_rng(7)
    parties = [Party(i, 1, PartyRole.OTHER, f"Persoon {i}", c, s, i) for i, (c, s) in enumerate(
        [("#2563eb", MarkerShape.CIRCLE), ("#ea580c", MarkerShape.TRIANGLE),
         ("#16a34a", MarkerShape.DIAMOND)])]
    starts = np.sort(rng.integers(0, HOUR_MS - 60_000, 5_000))
    markers = [Marker(i + 1, 1, i % 3, int(s), int(s) + 30_000 if i % 2 else None)
               for i, s in enumerate(starts)]
    panel = TimelinePanel()
    panel.resize(1600, 260)
    view = panel.view
    view.set_duration(HOUR_MS)
    view.set_parties(parties)
    view.set_markers(markers)
    view.set_envelope(_Envelope(10, rng.random(HOUR_MS // 10).astype(np.float32)))
    panel.show()
    QCoreApplication.processEvents()
    blank = _Blank()
    blank.resize(view.size())
    blank.show()
    QCoreApplication.processEvents()
    reference = median_time(blank.repaint, repeat)
    toggle = iter(range(10**9))

    def full() -> None:  # a loop change redraws both layers, like a zoom or a scroll
        view.set_loop_range(0, 60_000 + next(toggle) % 2 * 1_000)
        view.repaint()

    def markers_only() -> None:
        view.set_selected_marker(1 + next(toggle) % 2)
        view.repaint()

    positions = iter(range(0, HOUR_MS, 250))

    def playhead() -> None:
        view.set_position(next(positions))
        view.repaint()

    def timed(name: str, fn: Callable[[], None], target: float) -> Row:
        wall, cpu = median_times(fn, repeat)
        return row(name, wall, "ms", target, reference, cpu=cpu)

    rows = [timed("timeline full repaint, 5,000 markers + envelope", full, 8.0),
            timed("timeline marker-layer repaint, 5,000 markers", markers_only, 8.0),
            timed("timeline playhead repaint, 5,000 markers", playhead, 2.0)]
    view.set_ms_per_px(50, view.width() / 2)
    rows.append(timed("timeline full repaint, 5,000 markers, zoomed 50 ms/px", full, 8.0))
    panel.close()
    blank.close()
    return rows


def _window(lib_path: Path, media: Path, count: int) -> tuple[MainWindow, int, LibraryBridge]:
    lib, review_id = make_library(lib_path, media, count)
    duration = rc.get_recording(lib, rv.get_review(lib, review_id).recording_id).duration_ms
    bridge = LibraryBridge(lib)
    window = MainWindow(bridge, FakePlayer(duration_ms=duration))
    window.resize(1366, 768)
    window.show()
    QCoreApplication.processEvents()
    return window, review_id, bridge


def _open(window: MainWindow, review_id: int) -> None:
    """Open the review and wait until its markers are shown: a long review reads them on a
    worker after the first picture (the fake player's comes at once)."""
    window.open_review(review_id)
    deadline = time.perf_counter() + 60
    # And until what the opening put off (the panel's start, the recent list: both write) is
    # done: under load it came inside a measured edit (CI counted 4 writes for one A field).
    while not (window.review_view.markers_shown() and window.review_view.settled()):
        if time.perf_counter() > deadline:
            raise TimeoutError("the review was not shown and settled within 60 s")
        QCoreApplication.processEvents()
        time.sleep(0.001)
    QCoreApplication.processEvents()


def _close(window: MainWindow, bridge: LibraryBridge) -> None:
    window.close()
    QCoreApplication.processEvents()
    bridge.close()


def placing_rows(tmp: Path, media: Path, counts: list[int], repeat: int) -> list[Row]:
    """Press a mark button (the fake player stands at a new place each time) until the event
    loop is idle again: the marker is stored, in the list and on the timeline, its sheet open."""
    rows = []
    for count in counts:
        window, review_id, bridge = _window(tmp / f"place-{count}.sqlite", media, count)
        _open(window, review_id)
        wall, cpu = _median_placing(window, repeat)
        assert window.review_view.marker_list.model.rowCount() == count + repeat
        rows.append(row(f"placing one marker, review with {count:,} markers", wall, "ms", 30.0,
                        cpu=cpu))
        _close(window, bridge)
    return rows


def _median_placing(window: MainWindow, repeat: int) -> tuple[float, float]:
    view = window.review_view
    party = view.parties[0].id
    spots = iter(range(7_777, 10**9, 12_345))

    def place() -> None:
        view.mark(party)
        QCoreApplication.processEvents()

    return median_times(place, repeat, setup=lambda: window.player.seek(next(spots)))


def opening_rows(tmp: Path, media: Path, count: int, repeat: int) -> list[Row]:
    """From choosing the review until its mark buttons take a mark (a fresh window each time)."""
    lib_path = tmp / f"open-{count}.sqlite"
    times, cpus = [], []
    for i in range(repeat):
        if i == 0:
            window, review_id, bridge = _window(lib_path, media, count)
        else:
            from vsr.library import open_library

            bridge = LibraryBridge(open_library(lib_path))
            window = MainWindow(bridge, FakePlayer(duration_ms=HOUR_MS))
            window.resize(1366, 768)
            window.show()
            QCoreApplication.processEvents()
        started, cpu = time.perf_counter(), time.process_time()
        window.open_review(review_id)
        buttons = window.review_view.mark_buttons.buttons
        while not all(b.isEnabled() and b.isVisible() for b in buttons.values()):
            QCoreApplication.processEvents()
        QCoreApplication.processEvents()
        times.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
        _close(window, bridge)
    return [row(f"opening a review with {count:,} markers until markable",
                statistics.median(times), "s", 1.0, cpu=statistics.median(cpus))]


def _statements_for_one_a_edit(tmp: Path, media: Path, count: int) -> tuple[int, int]:
    """(SELECTs, writes) from saving one A field through the sheet editor until idle."""
    window, review_id, bridge = _window(tmp / f"sql-{count}.sqlite", media, count)
    _open(window, review_id)
    view = window.review_view
    marker = view.markers[len(view.markers) // 2]
    view.select_marker(marker.id)
    QCoreApplication.processEvents()
    field = view.sheet.field(sh.SheetField.WHAT_HAPPENED)
    field.setPlainText("Ze zegt dat het thuis beter gaat.")
    statements: list[str] = []
    conn: sqlite3.Connection = bridge.lib.conn
    conn.set_trace_callback(statements.append)
    field.flush()
    QCoreApplication.processEvents()
    conn.set_trace_callback(None)
    _close(window, bridge)
    # Python's trace callback also reports what a statement sets off: FTS5's own statements
    # (as "-- ..." comments) and each trigger program (the search index's), with the text of the
    # statement that started it. Count what vsr itself sends, each statement once.
    statements = [s for s in statements if not s.lstrip().startswith("--")]
    statements = [s for i, s in enumerate(statements) if i == 0 or s != statements[i - 1]]
    selects = sum(1 for s in statements if s.lstrip().upper().startswith("SELECT"))
    writes = sum(1 for s in statements
                 if s.lstrip().upper().split(" ", 1)[0] in ("INSERT", "UPDATE", "DELETE"))
    return selects, writes


def sql_rows(tmp: Path, media: Path) -> list[Row]:
    selects_50, writes_50 = _statements_for_one_a_edit(tmp, media, 50)
    selects_500, _ = _statements_for_one_a_edit(tmp, media, 500)
    # Target: a handful of reads, the same with 500 markers as with 50 (reference).
    rows = [row("one saved A field, 50 markers: SELECT statements", selects_50, "statements",
                10.0, selects_500),
            row("one saved A field, 50 markers: writes", writes_50, "statements", 3.0)]
    if selects_500 != selects_50:
        rows[0]["met"] = False
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("media", type=Path)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_language("nl")
    quick = args.quick
    rows = timeline_rows(7 if quick else 30)
    with tempfile.TemporaryDirectory(prefix="vsr-bench-ui-") as name:
        tmp = Path(name)
        counts = [100, 1_000] if quick else [100, 1_000, 10_000]
        rows += placing_rows(tmp, args.media, counts, 5 if quick else 9)
        rows += opening_rows(tmp, args.media, 1_000, 1 if quick else 3)
        rows += sql_rows(tmp, args.media)
    emit(rows)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
