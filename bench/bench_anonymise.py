"""Benchmark: anonymised clip export, in seconds of work per second of video, at 720p (target
at most 1.0 CPU s/s) and 1080p (at most 2.0), and the face boxes that kept their detail on the
hard scenes (target 0).

- 720p: the generated face test video (real faces of 24-200 px, a group of seven, moving; see
  tests/vsr/face_video.py).
- 1080p: the hard 1080p scenes one after the other (fast walks at 24 and 40 px a frame, a
  profile half behind a pillar, faces of 24-40 px; see tests/vsr/face_scenes.py), so the
  clip has cuts too.
The reference is a plain full re-encode of the same clip in the same run, with the same
encoder and settings (libx264 `veryfast`, crf 18: vsr/clips/reencode.py): the floor that
decoding and encoding alone cost. CPU time counts all threads of the process (the encoder's
too); the 1080p row shows the wall-clock time beside it. What costs what: docs/faces.md.

    python bench/bench_anonymise.py [--quick] [--workdir DIR] [--only 720p|1080p|hard]

`anonymise_rows(quick, workdir)` gives the same figures as rows for the `python -m bench` suite.
The videos are generated once and cached under /tmp/vsr-bench-media."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path
from typing import Any

import av

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.vsr.face_scenes import hard_scenes, tally  # noqa: E402
from tests.vsr.face_video import FPS, make_face_video  # noqa: E402
from vsr.clips import FaceAnonymizer, export_clip  # noqa: E402

MEDIA = Path("/tmp/vsr-bench-media")
NAME = "anonymised export seconds per second of 720p video"
CPU_NAME = "anonymised export CPU seconds per second of 720p video"
TARGET = 1.0
CPU_NAME_1080 = "anonymised export CPU seconds per second of 1080p video (hard scenes)"
TARGET_1080 = 2.0
SCENES_1080 = ("fast24", "fast40", "pillar", "small_1080p")


def face_video(seconds: int) -> Path:
    """The cached face test video of `seconds` seconds (made on first use)."""
    path = MEDIA / f"faces_720p_{seconds}s.mp4"
    if not path.exists():
        MEDIA.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part.mp4")
        make_face_video(partial, seconds * FPS)
        partial.rename(path)
    return path


def hard_video_1080p(quick: bool) -> tuple[Path, int]:
    """The cached 1080p video of the hard 1080p scenes, and its length in whole seconds."""
    path = MEDIA / f"faces_1080p_hard_{'quick' if quick else 'full'}.mp4"
    scenes = hard_scenes(short=quick)
    if not path.exists():
        MEDIA.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part.mp4")
        with av.open(str(partial), "w") as container:
            stream = container.add_stream("libx264", rate=FPS)
            stream.width, stream.height, stream.pix_fmt = 1920, 1080, "yuv420p"
            stream.codec_context.time_base = Fraction(1, FPS)
            stream.options = {"crf": "18", "preset": "ultrafast", "g": "50"}
            index = 0
            for name in SCENES_1080:
                for picture in scenes[name]().frames:
                    frame = av.VideoFrame.from_ndarray(picture, format="bgr24")
                    frame.pts = index
                    index += 1
                    container.mux(stream.encode(frame))
            container.mux(stream.encode(None))
        partial.rename(path)
    with av.open(str(path)) as container:
        frames = container.streams.video[0].frames
    return path, max(1, frames // FPS)


def _seconds_per_second(src: Path, out: Path, seconds: int, anonymise: bool
                        ) -> tuple[float, float]:
    """(wall-clock, CPU) seconds per second of video for one export."""
    started, cpu = time.perf_counter(), time.process_time()
    export_clip(src, 0, seconds * 1000, out, smart=False,
                anonymize=FaceAnonymizer("blur") if anonymise else None)
    return ((time.perf_counter() - started) / seconds, (time.process_time() - cpu) / seconds)


def export_rows(quick: bool, workdir: Path, which: str) -> list[dict[str, Any]]:
    """Anonymised export time per second of video (a plain re-encode of the same clip is the
    reference), and the CPU time it used (all threads): on a machine shared with other work
    the wall-clock figure grows, the CPU figure shows what the export itself costs."""
    workdir.mkdir(parents=True, exist_ok=True)
    if which == "720p":
        seconds = 6 if quick else 24
        src = face_video(seconds)
    else:
        src, seconds = hard_video_1080p(quick)
    reference, reference_cpu = _seconds_per_second(src, workdir / "plain.mp4", seconds, False)
    value, cpu = _seconds_per_second(src, workdir / "anonymised.mp4", seconds, True)
    if which == "720p":
        return [
            {"name": NAME, "value": round(value, 3), "unit": "s/s",
             "reference_value": round(reference, 3), "target": TARGET, "met": value <= TARGET},
            {"name": CPU_NAME, "value": round(cpu, 3), "unit": "s/s",
             "reference_value": round(reference_cpu, 3), "target": TARGET, "met": cpu <= TARGET},
        ]
    return [{"name": CPU_NAME_1080, "value": round(cpu, 3), "unit": "s/s",
             "reference_value": round(reference_cpu, 3), "target": TARGET_1080,
             "met": cpu <= TARGET_1080, "wall_value": round(value, 3)}]


def hard_case_rows(quick: bool) -> list[dict[str, Any]]:
    """Per hard scene: face boxes of 24 px or more that kept detail after the anonymiser
    (in memory, no encoding; the criterion is in tests/vsr/face_scenes.py)."""
    rows = []
    anonymizer = FaceAnonymizer("blur")
    for make in hard_scenes(short=quick).values():
        scene = make()
        result = tally(scene, [p.pixels for p in anonymizer.process(scene.pictures())])
        rows.append({"name": f"face boxes that kept detail: {scene.name}",
                     "value": len(result.kept), "unit": f"of {result.boxes} boxes",
                     "reference_value": None, "target": 0, "met": not result.kept})
    return rows


def anonymise_rows(quick: bool, workdir: Path, only: str | None = None) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    if only in (None, "720p"):
        rows += export_rows(quick, workdir, "720p")
    if only in (None, "1080p"):
        rows += export_rows(quick, workdir, "1080p")
    if only in (None, "hard"):
        rows += hard_case_rows(quick)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="short clips (a smoke run)")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--only", choices=("720p", "1080p", "hard"), default=None,
                        help="one row group only")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        for row in anonymise_rows(args.quick, args.workdir or Path(tmp), args.only):
            reference = row["reference_value"]
            compared = "" if reference is None else f" (plain re-encode {reference:.2f})"
            wall = f", wall-clock {row['wall_value']} s/s" if "wall_value" in row else ""
            print(f"{row['name']}: {row['value']} {row['unit']}{compared}{wall}; target <= "
                  f"{row['target']}: {'met' if row['met'] else 'NOT met'}", flush=True)
        print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
