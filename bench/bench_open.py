"""Benchmark: how long opening a 1-hour recording takes (probe, fingerprint, audio envelope).

Generates (once, then cached) a 1-hour 640x360 recording at 2 fps with the demo conversation's
audio, and times each step against `ffprobe` on the same file in the same run. Also times the
generation of the standard 150 s demo recording (skip with --skip-demo).

    python bench/bench_open.py [CACHE_DIR] [--skip-demo]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from vsr.media.demo import generate_demo_recording  # noqa: E402
from vsr.media.envelope import compute_envelope  # noqa: E402
from vsr.media.fingerprint import fingerprint  # noqa: E402
from vsr.media.probe import probe  # noqa: E402

HOUR_S = 3600.0


def timed(fn: Callable[[], object], repeat: int = 1) -> float:
    """Median wall time of `repeat` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def ensure_hour_recording(cache_dir: Path) -> Path:
    path = cache_dir / "one_hour_640x360_2fps.mp4"
    if not path.exists():
        print(f"generating {path} (once; cached for later runs) ...", flush=True)
        seconds = timed(lambda: generate_demo_recording(path, duration_s=HOUR_S, fps=2))
        print(f"  generated in {seconds:.1f} s ({path.stat().st_size / 1e6:.1f} MB)")
    return path


def ffprobe(path: Path) -> None:
    subprocess.run(
        ["ffprobe", "-v", "error", "-show_format", "-show_streams", str(path)],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cache_dir", nargs="?", default=Path(tempfile.gettempdir()) / "vsr-bench")
    parser.add_argument("--skip-demo", action="store_true", help="do not time demo generation")
    args = parser.parse_args()
    cache_dir = Path(args.cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = ensure_hour_recording(cache_dir)
    size_gb = path.stat().st_size / 1e9

    result = probe(path)
    print(f"file: {path.name}, {result.duration_ms / 1000:.0f} s, {size_gb * 1000:.1f} MB")
    has_ffprobe = shutil.which("ffprobe") is not None
    t_ffprobe = timed(lambda: ffprobe(path), repeat=5) if has_ffprobe else float("nan")
    t_probe = timed(lambda: probe(path), repeat=5)
    t_fp = timed(lambda: fingerprint(path), repeat=5)
    print(f"ffprobe (process, reference): {t_ffprobe * 1000:8.1f} ms")
    print(
        f"probe:                        {t_probe * 1000:8.1f} ms  "
        f"(ratio to ffprobe {t_probe / t_ffprobe:.2f})"
    )
    print(
        f"fingerprint:                  {t_fp * 1000:8.1f} ms  "
        f"(ratio to ffprobe {t_fp / t_ffprobe:.2f})"
    )
    envelope = None

    def run_envelope() -> None:
        nonlocal envelope
        envelope = compute_envelope(path, bucket_ms=50)

    t_env = timed(run_envelope)
    assert envelope is not None
    print(
        f"envelope (50 ms buckets):     {t_env * 1000:8.1f} ms  "
        f"(ratio to ffprobe {t_env / t_ffprobe:.0f}; {HOUR_S / t_env:.0f}x real time; "
        f"{len(envelope.peaks)} buckets)"
    )

    if not args.skip_demo:
        demo = cache_dir / "demo_150s.mp4"
        t_demo = timed(lambda: generate_demo_recording(demo))
        print(
            f"demo recording 150 s 640x360 25 fps generated in {t_demo:.1f} s "
            f"({150 / t_demo:.1f}x real time)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
