"""Adding a recording to the library (probe + fingerprint), against `ffprobe` on the same file
in the same run (was bench/bench_open.py; the envelope is a row of bench/media_rows.py)."""

from __future__ import annotations

import statistics
import subprocess
import time
from pathlib import Path

from bench.rows import Row, row
from vsr.media.fingerprint import fingerprint
from vsr.media.probe import probe


def _seconds(command: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        if isinstance(command, list):
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        else:
            command()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def open_rows(media: Path, label: str, repeat: int) -> list[Row]:
    ffprobe = _seconds(["ffprobe", "-v", "error", "-show_format", "-show_streams", str(media)],
                       repeat)
    both = _seconds(lambda: (probe(media), fingerprint(media)), repeat)
    return [row(f"adding the {label} recording to the library (probe + fingerprint)", both, "s",
                0.5, ffprobe)]
