"""Opening a 1-hour recording in the review window and seeking to a marker, with the real VLC.

Run under an X display (e.g. `xvfb-run -a python bench/bench_review.py [CACHE_DIR]`). It reuses
the 1-hour recording of bench_open.py. Reported: adding the file to the library (probe +
fingerprint), opening the review until VLC knows the duration, and seeking to markers until the
player reports the new position — each against `ffprobe` on the same file, in the same run."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("VSR_VLC_ARGS", "--aout=dummy")
os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.bench_open import ensure_hour_recording  # noqa: E402
from ui.bridge import LibraryBridge  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.player.factory import create_player  # noqa: E402
from vsr.library import markers as mk  # noqa: E402
from vsr.library import open_library  # noqa: E402
from vsr.library import recordings as rc  # noqa: E402
from vsr.library import reviews as rv  # noqa: E402


def wait_for(condition, timeout_s: float = 20.0) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    while not condition():
        QCoreApplication.processEvents()
        if time.perf_counter() - start > timeout_s:
            raise TimeoutError
        time.sleep(0.002)
    return time.perf_counter() - start


def main() -> int:
    cache = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/vsr-bench")
    media = ensure_hour_recording(cache)
    app = QApplication.instance() or QApplication([])
    t0 = time.perf_counter()
    subprocess.run(["ffprobe", "-v", "error", "-show_format", "-show_streams", str(media)],
                   check=True, capture_output=True)
    ffprobe_s = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        lib = open_library(Path(tmp) / "lib.sqlite")
        t0 = time.perf_counter()
        rec, _ = rc.add_recording(lib, media)
        add_s = time.perf_counter() - t0
        review = rv.create_review(lib, rec.id)
        pro = rv.list_parties(lib, review.id)[0]
        targets = [45 * 60_000, 5 * 60_000, 30 * 60_000 + 500, 59 * 60_000, 12 * 60_000 + 250]
        for at in targets:
            mk.add_marker(lib, pro.id, at)
        bridge = LibraryBridge(lib)
        window = MainWindow(bridge, create_player(), "nl")
        window.resize(1280, 800)
        window.show()
        wait_for(window.isVisible)
        t0 = time.perf_counter()
        window.open_review(review.id)
        player = window.player
        wait_for(lambda: player.duration() > 3_500_000)
        open_s = time.perf_counter() - t0
        seeks = []
        for marker in mk.list_markers(lib, review.id):
            t0 = time.perf_counter()
            window.review_view.select_marker(marker.id, seek=True)
            wait_for(lambda m=marker: abs(player.position() - m.start_ms) < 600)
            seeks.append(time.perf_counter() - t0)
        window.close()
        app.processEvents()
        bridge.close()
        lib.close()

    print(f"1-hour recording: {media.name} ({media.stat().st_size / 1e6:.1f} MB)")
    print(f"ffprobe (whole process, reference): {ffprobe_s * 1000:7.1f} ms")
    print(f"add to library (probe+fingerprint): {add_s * 1000:7.1f} ms"
          f"  ratio {add_s / ffprobe_s:.2f}x ffprobe")
    print(f"open review until VLC has it:       {open_s * 1000:7.1f} ms"
          f"  ratio {open_s / ffprobe_s:.2f}x ffprobe")
    print(f"seek to a marker (median of {len(seeks)}):   {statistics.median(seeks) * 1000:7.1f} ms"
          f"  (max {max(seeks) * 1000:.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
