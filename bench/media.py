"""Media the benchmark generates itself, once, cached between runs: a 1280x720 25 fps
H.264/AAC recording with a 2 s keyframe interval, the same picture encoded like a camera
(High profile, B-frames, CABAC, 6 Mbit/s), a phone's rotated HEVC (when libx265 is there) and
an audio-only AAC m4a, one hour long (or two minutes for --quick). The first is made with the
ffmpeg tool (-preset ultrafast from testsrc2/sine: an hour of H.264 is slow to make on two
cores). A file lock keeps two benchmark processes
from making the same file twice; the file appears under its name only when complete."""

from __future__ import annotations

import contextlib
import fcntl
import os
import subprocess
import time
from collections.abc import Iterator
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


def camera_recording(workdir: Path, seconds: int) -> Path:
    """The same picture as `recording`, encoded the way a camera or phone does: H.264 High
    profile with three B-frames and CABAC at about 6 Mbit/s (keyframe every 2 s), the sound
    copied. Made with libx264 through PyAV from the ultrafast recording; decoding it costs
    several times what the ultrafast file does, which is what users' files cost."""
    path = workdir / f"{_label(seconds)}_1280x720_25fps_h264_high_bf3_cabac_6M.mp4"
    if path.exists():
        return path
    source = recording(workdir, seconds)
    with _locked(path) as partial:
        if partial is not None:
            _encode_camera_like(source, partial)
    return path


def phone_hevc(workdir: Path, seconds: int) -> Path | None:
    """A phone's recording: HEVC (libx265), 1280x720 stored, shown turned a quarter (display
    matrix of 90 degrees), with AAC; None when this ffmpeg has no HEVC encoder."""
    done = subprocess.run(["ffmpeg", "-hide_banner", "-encoders"], capture_output=True,
                          text=True, check=False)
    if "libx265" not in done.stdout:
        return None
    path = workdir / f"{_label(seconds)}_1280x720_25fps_hevc_rotated90_aac.mp4"
    sources = ["-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25",
               "-f", "lavfi", "-i", "sine=frequency=440:beep_factor=4"]
    codecs = ["-c:v", "libx265", "-preset", "ultrafast", "-x265-params",
              "keyint=25:min-keyint=25:bframes=4:log-level=error", "-tag:v", "hvc1",
              "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k"]
    return _turned_a_quarter(_make(path, [*sources, "-t", str(seconds), *codecs]))


def _turned_a_quarter(path: Path) -> Path:
    """`path` with the display matrix of a phone held upright (shown turned 90 degrees
    clockwise), remuxed once under the maker's lock. ffmpeg 5 writes no matrix for
    `-metadata:s:v rotate=90` (media made so before were not turned at all); PyAV sets it."""
    import av

    from vsr.media.probe import probe

    if probe(path).rotation == 90:
        return path
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if probe(path).rotation == 90:
            return path
        partial = path.with_name(f".{os.getpid()}.turned.{path.name}")
        print(f"turning {path} a quarter (display matrix) ...", flush=True)
        with av.open(str(path)) as source, av.open(str(partial), "w", format="mp4") as out:
            streams = {}
            for stream in source.streams:
                if stream.type not in ("video", "audio"):
                    continue
                copy = out.add_stream_from_template(stream)
                if isinstance(copy, av.video.stream.VideoStream):
                    copy.set_display_rotation(-90)  # FFmpeg counts counter-clockwise
                streams[stream.index] = copy
            for packet in source.demux(*[source.streams[i] for i in streams]):
                if packet.dts is None:
                    continue
                packet.stream = streams[packet.stream.index]
                out.mux(packet)
        partial.rename(path)
    return path


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[Path | None]:
    """A partial file to write `path` into under the maker's lock (None when another process
    made it meanwhile); renamed into place when the block ends without an error."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        _wait_for_other_maker(path)
        if path.exists():
            yield None
            return
        partial = path.with_name(f".{os.getpid()}.{path.name}")
        print(f"generating {path} (once; cached) ...", flush=True)
        started = time.perf_counter()
        yield partial
        partial.rename(path)
        print(f"  generated in {time.perf_counter() - started:.0f} s", flush=True)


def _encode_camera_like(source: Path, out: Path) -> None:
    import av

    with av.open(str(source)) as src, av.open(str(out), "w", format="mp4") as dst:
        video_in, audio_in = src.streams.video[0], src.streams.audio[0]
        video_in.thread_type = "AUTO"
        video = dst.add_stream("libx264", rate=25)
        video.width, video.height, video.pix_fmt = video_in.width, video_in.height, "yuv420p"
        video.bit_rate = 6_000_000
        video.options = {"preset": "veryfast", "profile": "high",
                         "x264-params": "bframes=3:b-pyramid=normal:cabac=1:keyint=50:"
                                        "min-keyint=50:scenecut=0:vbv-maxrate=8000:"
                                        "vbv-bufsize=12000"}
        audio = dst.add_stream_from_template(audio_in)
        for packet in src.demux(video_in, audio_in):
            if packet.stream is audio_in:
                if packet.dts is not None:
                    packet.stream = audio
                    dst.mux(packet)
                continue
            for frame in packet.decode():
                frame.pict_type = av.video.frame.PictureType.NONE  # x264 chooses
                dst.mux(video.encode(frame))
        dst.mux(video.encode(None))
