"""Media the benchmark generates itself, once, cached between runs: a 1280x720 25 fps
H.264/AAC recording with a 2 s keyframe interval and an audio-only AAC m4a, one hour long
(or two minutes for --quick). Made with the ffmpeg tool (-preset ultrafast from testsrc2/sine:
an hour of H.264 is slow to make on two cores). A file lock keeps two benchmark processes
from making the same file twice; the file appears under its name only when complete."""

from __future__ import annotations

import fcntl
import os
import subprocess
import time
from pathlib import Path

DEFAULT_WORKDIR = Path("/tmp/vsr-bench-media")
HOUR_S = 3600
QUICK_S = 120


def _label(seconds: int) -> str:
    return {HOUR_S: "one_hour", QUICK_S: "two_min"}.get(seconds, f"{seconds}s")


def _make(path: Path, args: list[str]) -> Path:
    """Run ffmpeg into a hidden partial file under a lock, then rename it into place."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be making it: wait for it
        _wait_for_other_maker(path)
        if path.exists():
            return path
        partial = path.with_name(f".{os.getpid()}.{path.name}")
        print(f"generating {path} (once; cached) ...", flush=True)
        started = time.perf_counter()
        subprocess.run(["ffmpeg", "-v", "error", "-y", *args, str(partial)], check=True)
        partial.rename(path)
        print(f"  generated in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def _wait_for_other_maker(path: Path) -> None:
    """Another tool may be making the same file under `.PID.name` without our lock: wait for it
    rather than encode an hour of video twice on a shared machine."""
    for partial in path.parent.glob(f".*.{path.name}"):
        pid = partial.name.split(".")[1]
        while pid.isdigit() and Path(f"/proc/{pid}").exists() and not path.exists():
            time.sleep(2)


def recording(workdir: Path, seconds: int) -> Path:
    """1280x720 25 fps H.264 (keyframe every 2 s) + AAC, `seconds` long."""
    path = workdir / f"{_label(seconds)}_1280x720_25fps_h264_aac.mp4"
    sources = ["-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25",
               "-f", "lavfi", "-i", "sine=frequency=440:beep_factor=4"]
    codecs = ["-c:v", "libx264", "-preset", "ultrafast", "-g", "50", "-keyint_min", "50",
              "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k", "-movflags", "+faststart"]
    return _make(path, [*sources, "-t", str(seconds), *codecs])


def audio_only(workdir: Path, seconds: int) -> Path:
    """An AAC m4a with no picture, `seconds` long."""
    path = workdir / f"{_label(seconds)}_aac.m4a"
    source = ["-f", "lavfi", "-i", "sine=frequency=440:beep_factor=4"]
    return _make(path, [*source, "-t", str(seconds), "-c:a", "aac", "-b:a", "96k"])
