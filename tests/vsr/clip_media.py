"""Generated recordings for the clip tests: every frame carries its own number as a row of
black/white blocks (it survives compression), and the sound has short beeps at known frames."""

from __future__ import annotations

import functools
import shutil
import subprocess
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np
from numpy.typing import NDArray

BITS = 12
BLOCK = 20  # pixels per bit block; the row is BITS * BLOCK wide and BLOCK high
RATE = 48000
DATA = Path(__file__).parent / "data"


def draw_index(image: NDArray[np.uint8], index: int) -> None:
    for bit in range(BITS):
        value = 255 if (index >> bit) & 1 else 0
        image[0:BLOCK, bit * BLOCK : (bit + 1) * BLOCK] = value


def read_index(image: NDArray[np.uint8]) -> int:
    index = 0
    for bit in range(BITS):
        y, x = BLOCK // 2, bit * BLOCK + BLOCK // 2
        if image[y - 3 : y + 4, x - 3 : x + 4].mean() > 128:
            index |= 1 << bit
    return index


@functools.lru_cache(maxsize=1)
def face_picture() -> NDArray[np.uint8]:
    """A real face photo (public domain, see data/README.md)."""
    picture = cv2.imread(str(DATA / "astronaut.jpg"))
    assert picture is not None, "tests/vsr/data/astronaut.jpg is missing"
    return np.asarray(picture, dtype=np.uint8)


def make_recording(
    path: Path,
    *,
    seconds: float = 6,
    fps: int = 25,
    gop: int = 50,
    bframes: int = 0,
    size: tuple[int, int] = (320, 240),
    beeps: tuple[int, ...] = (20, 70, 120),
    face: bool = False,
    audio: bool = True,
) -> Path:
    """An H.264 (+ AAC) MP4 with keyframes only every `gop` frames (no scene-cut keyframes),
    so most cut points fall inside a GOP."""
    width, height = size
    frames = int(seconds * fps)
    rng = np.random.default_rng(7)
    texture = rng.integers(0, 255, (height, width, 3), dtype=np.uint8)
    with av.open(str(path), "w") as container:
        video = container.add_stream(
            "libx264",
            rate=fps,
            options={
                "g": str(gop),
                "keyint_min": str(gop),
                "sc_threshold": "0",
                "bf": str(bframes),
                "preset": "veryfast",
                "crf": "20",
            },
        )
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        sound = container.add_stream("aac", rate=RATE) if audio else None
        if sound is not None:
            sound.layout = "mono"
        for index in range(frames):
            image = _picture(index, width, height, texture, face)
            frame = av.VideoFrame.from_ndarray(image, format="bgr24")
            frame.pts, frame.time_base = index, Fraction(1, fps)
            container.mux(video.encode(frame))
        container.mux(video.encode(None))
        if sound is not None:
            _write_sound(container, sound, frames / fps, beeps, fps)
    return path


def _picture(
    index: int, width: int, height: int, texture: NDArray[np.uint8], face: bool
) -> NDArray[np.uint8]:
    image = np.full((height, width, 3), 100, np.uint8)
    image[height // 2 :, :] = np.roll(texture, index * 3, axis=1)[height // 2 :, :]
    x = (index * 4) % max(1, width - 60)
    image[BLOCK + 10 : BLOCK + 50, x : x + 60] = (0, 180, 0)  # moves, so frames differ
    if face:
        side = min(width, height) // 2
        portrait = cv2.resize(face_picture(), (side, side))
        left = width // 2 - side // 2 + int(8 * np.sin(index / 5))
        top = height - side - 10
        image[top : top + side, left : left + side] = portrait
    draw_index(image, index)
    return image


def _write_sound(
    container: av.container.OutputContainer,
    sound: av.audio.stream.AudioStream,
    seconds: float,
    beeps: tuple[int, ...],
    fps: int,
) -> None:
    samples = np.zeros(int(seconds * RATE), np.float32)
    tone = 0.8 * np.sin(2 * np.pi * 1000 * np.arange(int(0.02 * RATE)) / RATE)
    for frame_index in beeps:
        start = int(frame_index * RATE / fps)
        samples[start : start + len(tone)] = tone[: len(samples) - start]
    for begin in range(0, len(samples), 1024):
        chunk = samples[begin : begin + 1024]
        frame = av.AudioFrame.from_ndarray(chunk[None, :], format="flt", layout="mono")
        frame.sample_rate, frame.pts, frame.time_base = RATE, begin, Fraction(1, RATE)
        container.mux(sound.encode(frame))
    container.mux(sound.encode(None))


def frame_indices(path: Path) -> list[int]:
    with av.open(str(path)) as container:
        return [
            read_index(np.asarray(frame.to_ndarray(format="bgr24"), np.uint8))
            for frame in container.decode(container.streams.video[0])
        ]


def decoded_frames(path: Path) -> list[NDArray[np.uint8]]:
    with av.open(str(path)) as container:
        return [
            np.asarray(frame.to_ndarray(format="bgr24"), np.uint8)
            for frame in container.decode(container.streams.video[0])
        ]


def sound(path: Path) -> tuple[NDArray[np.float32], int]:
    """The first audio stream as mono samples, and its sample rate."""
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        chunks = [frame.to_ndarray() for frame in container.decode(stream)]
        rate = stream.rate
    samples = np.concatenate(chunks, axis=1) if chunks else np.zeros((1, 0), np.float32)
    return samples.mean(axis=0).astype(np.float32), rate


def beep_times(path: Path) -> list[float]:
    """Seconds at which a beep starts in the file's sound."""
    samples, rate = sound(path)
    loud = np.abs(samples) > 0.3
    starts: list[int] = []
    for i in np.flatnonzero(loud):
        if not starts or i - starts[-1] > 0.1 * rate:
            starts.append(int(i))
    return [s / rate for s in starts]


def video_durations(path: Path) -> tuple[float, float]:
    """(video, audio) stream durations in seconds, as the container states them."""
    with av.open(str(path)) as container:
        v = container.streams.video[0]
        a = container.streams.audio[0]
        assert v.duration is not None and v.time_base is not None
        assert a.duration is not None and a.time_base is not None
        return float(v.duration * v.time_base), float(a.duration * a.time_base)


def top_level_boxes(path: Path) -> list[str]:
    """The MP4 top-level box types in file order (moov before mdat means 'fast start')."""
    boxes = []
    with open(path, "rb") as handle:
        while len(header := handle.read(8)) == 8:
            size = int.from_bytes(header[:4], "big")
            boxes.append(header[4:8].decode("latin-1"))
            if size == 0:
                break  # the box runs to the end of the file
            if size == 1:
                size = int.from_bytes(handle.read(8), "big") - 8
            handle.seek(size - 8, 1)
    return boxes


def ffmpeg_decode_errors(path: Path) -> str | None:
    """What the ffmpeg command-line tool complains about when decoding the whole file (None
    when the tool is not installed)."""
    if shutil.which("ffmpeg") is None:
        return None
    result = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(path), "-f", "null", "-"],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stderr.strip()
