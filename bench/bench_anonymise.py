"""Benchmark: anonymised clip export, in seconds of work per second of 720p video (target at
most 1.0: real time), on the generated face test video (real faces of 24-200 px, a group of
seven, moving; see tests/vsr/face_video.py). The reference is a plain full re-encode of the
same clip in the same run: the floor that decoding and encoding alone cost.

    python bench/bench_anonymise.py [--quick] [--workdir DIR]

`anonymise_rows(quick, workdir)` gives the same figures as rows for the `python -m bench` suite.
The video is generated once and cached in the workdir (default /tmp/vsr-bench-media); the
exports are written there too, in a temporary folder of their own."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.rows import load_average  # noqa: E402
from tests.vsr.face_video import FPS, make_face_video  # noqa: E402
from vsr.clips import FaceAnonymizer, export_clip  # noqa: E402

MEDIA = Path("/tmp/vsr-bench-media")  # the default workdir
NAME = "anonymised export seconds per second of 720p video"
CPU_NAME = "anonymised export CPU seconds per second of 720p video"
TARGET = 1.0


def face_video(seconds: int, workdir: Path = MEDIA) -> Path:
    """The cached face test video of `seconds` seconds (made on first use) in `workdir`."""
    path = workdir / f"faces_720p_{seconds}s.mp4"
    if not path.exists():
        workdir.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part.mp4")
        make_face_video(partial, seconds * FPS)
        partial.rename(path)
    return path


def _seconds_per_second(src: Path, out: Path, seconds: int, anonymise: bool
                        ) -> tuple[float, float]:
    """(wall-clock, CPU) seconds per second of video for one export."""
    started, cpu = time.perf_counter(), time.process_time()
    export_clip(src, 0, seconds * 1000, out, smart=False,
                anonymize=FaceAnonymizer("blur") if anonymise else None)
    return ((time.perf_counter() - started) / seconds, (time.process_time() - cpu) / seconds)


def anonymise_rows(quick: bool, workdir: Path) -> list[dict[str, Any]]:
    """Anonymised export time per second of 720p video (a plain re-encode of the same clip is
    the reference), and the CPU time it used (all threads): on a machine shared with other
    work the wall-clock figure grows, the CPU figure shows what the export itself costs; at
    most 1.0 means real time even on one free core."""
    seconds = 6 if quick else 24
    src = face_video(seconds, workdir)
    walls: list[tuple[float, float]] = []
    cpus: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory(prefix="vsr-bench-anonymise-", dir=workdir) as tmp:
        out = Path(tmp)
        for _ in range(3):  # rounds interleaved with the reference; medians
            reference, reference_cpu = _seconds_per_second(src, out / "plain.mp4", seconds, False)
            value, cpu = _seconds_per_second(src, out / "anonymised.mp4", seconds, True)
            walls.append((value, reference))
            cpus.append((cpu, reference_cpu))
    value, reference = (statistics.median(w[i] for w in walls) for i in (0, 1))
    cpu, reference_cpu = (statistics.median(c[i] for c in cpus) for i in (0, 1))
    load = load_average()
    return [
        {"name": NAME, "value": round(value, 3), "unit": "s/s",
         "reference_value": round(reference, 3), "target": TARGET, "met": value <= TARGET,
         "load": load, "runs": 3},
        {"name": CPU_NAME, "value": round(cpu, 3), "unit": "s/s",
         "reference_value": round(reference_cpu, 3), "target": TARGET, "met": cpu <= TARGET,
         "load": load, "runs": 3},
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a 6 s clip instead of 24 s")
    parser.add_argument("--workdir", type=Path, default=MEDIA)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for row in anonymise_rows(args.quick, args.workdir):
        print(f"{row['name']}: {row['value']:.2f} {row['unit']} "
              f"(plain re-encode {row['reference_value']:.2f}; target <= {row['target']}: "
              f"{'met' if row['met'] else 'NOT met'})")


if __name__ == "__main__":
    main()
