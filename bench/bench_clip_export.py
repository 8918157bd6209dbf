"""Benchmark: exporting a 30 s clip from the middle of a 1-hour 720p recording, against the
ffmpeg command-line tool doing the same frame-accurate cut, in the same run.

Generates (once, then cached) a 1-hour 1280x720 25 fps H.264 + AAC recording with the ffmpeg
tool (keyframes every 2 s, like many cameras), then cuts 30 s starting mid-GOP with:
  - export_clip (smart: whole GOPs copied, the partial GOP at the start re-encoded),
  - export_clip(smart=False) (full re-encode, libx264 crf 18),
  - `ffmpeg -ss S -i src -t 30 -c:v libx264 -c:a aac out.mp4` (the reference),
and prints the times and ratios. Optionally also times an anonymised export of a shorter clip.

    python bench/bench_clip_export.py [CACHE_DIR] [--anonymize-seconds N]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import av  # noqa: E402

from vsr.clips import ClipResult, FaceAnonymizer, export_clip  # noqa: E402

HOUR_S = 3600
START_S = 1800.52  # mid-GOP: keyframes fall on even seconds
CLIP_S = 30


def ensure_recording(cache_dir: Path) -> Path:
    path = cache_dir / "one_hour_1280x720_25fps_h264_aac.mp4"
    if path.exists():
        return path
    print(f"generating {path} with ffmpeg (once; cached for later runs) ...", flush=True)
    partial = path.with_suffix(".part.mp4")
    started = time.perf_counter()
    picture = "-f lavfi -i testsrc2=size=1280x720:rate=25"
    sources = f"{picture} -f lavfi -i sine=frequency=440:beep_factor=4"
    codecs = "-c:v libx264 -preset ultrafast -g 50 -pix_fmt yuv420p -c:a aac -b:a 96k"
    command = ["ffmpeg", "-v", "error", "-y", *sources.split(), "-t", str(HOUR_S)]
    subprocess.run([*command, *codecs.split(), str(partial)], check=True)
    partial.rename(path)
    took = time.perf_counter() - started
    print(f"  generated in {took:.0f} s ({path.stat().st_size / 1e9:.2f} GB)")
    return path


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value


def ffmpeg_cut(src: Path, out: Path) -> None:
    command = ["ffmpeg", "-v", "error", "-y", "-ss", f"{START_S}", "-i", str(src)]
    codecs = ["-t", str(CLIP_S), "-c:v", "libx264", "-c:a", "aac", str(out)]
    subprocess.run([*command, *codecs], check=True)


def frame_count(path: Path) -> int:
    with av.open(str(path)) as container:
        return sum(1 for p in container.demux(video=0) if p.size)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cache_dir", nargs="?", default="/tmp/vsr-bench", type=Path)
    parser.add_argument(
        "--anonymize-seconds",
        type=float,
        default=0.0,
        help="also time an anonymised export of this many seconds",
    )
    args = parser.parse_args()
    if shutil.which("ffmpeg") is None:
        sys.exit("the ffmpeg command-line tool is needed as the reference")
    args.cache_dir.mkdir(parents=True, exist_ok=True)
    src = ensure_recording(args.cache_dir)
    start_ms, end_ms = int(START_S * 1000), int((START_S + CLIP_S) * 1000)
    with tempfile.TemporaryDirectory(prefix="vsr-bench-clip-") as tmp:
        out = Path(tmp)
        t_ref, _ = timed(lambda: ffmpeg_cut(src, out / "ffmpeg.mp4"))
        t_smart, smart = timed(lambda: export_clip(src, start_ms, end_ms, out / "smart.mp4"))
        t_full, full = timed(
            lambda: export_clip(src, start_ms, end_ms, out / "full.mp4", smart=False)
        )
        assert isinstance(smart, ClipResult) and isinstance(full, ClipResult)
        print(
            f"source: {src.name}, {src.stat().st_size / 1e9:.2f} GB; clip {CLIP_S} s from "
            f"{START_S} s (mid-GOP)"
        )
        print(
            f"  ffmpeg CLI (libx264 medium, re-encode all): {t_ref:7.2f} s, "
            f"{frame_count(out / 'ffmpeg.mp4')} frames"
        )
        print(
            f"  export_clip smart:   {t_smart:7.2f} s, {smart.frames} frames "
            f"({smart.copied_frames} copied, {smart.reencoded_frames} re-encoded) "
            f"-> {t_smart / t_ref:.3f} x ffmpeg time ({t_ref / t_smart:.1f} times faster)"
        )
        print(
            f"  export_clip re-encode (crf 18, preset veryfast): {t_full:7.2f} s, "
            f"{full.frames} frames -> {t_full / t_ref:.2f} x ffmpeg time"
        )
        if args.anonymize_seconds > 0:
            end = start_ms + int(args.anonymize_seconds * 1000)
            anonymizer = FaceAnonymizer("blur")
            t_anon, anon = timed(
                lambda: export_clip(src, start_ms, end, out / "anon.mp4", anonymize=anonymizer)
            )
            assert isinstance(anon, ClipResult)
            print(
                f"  export_clip anonymised: {t_anon:7.2f} s for {anon.frames} frames "
                f"({1000 * t_anon / max(1, anon.frames):.0f} ms per frame)"
            )


if __name__ == "__main__":
    main()
