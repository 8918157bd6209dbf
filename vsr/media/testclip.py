"""Small, fast synthetic clips for tests: every frame shows its number, the sound is a 440 Hz tone.

Besides the big printed number, each frame carries its number as a 16-bit strip of black and
white blocks along the bottom, which `read_frame_number` decodes from a decoded picture. That
lets tests (and e2e checks of the player) tell exactly which frame is on screen without OCR.
"""

from __future__ import annotations

import math
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt

from vsr.media.writer import CONTAINERS, MediaWriter, atomic_output

CODE_BITS = 16
TONE_HZ = 440.0
TONE_AMPLITUDE = 0.5
SAMPLE_RATE = 48_000


def generate_test_clip(
    out_path: Path,
    duration_s: float,
    width: int = 160,
    height: int = 120,
    fps: int = 25,
    with_audio: bool = True,
    with_video: bool = True,
    frame_numbers: bool = True,
    container: str = "mp4",
) -> Path:
    """Write a clip of `duration_s` seconds to `out_path` and return it.

    `container` is one of `vsr.media.writer.CONTAINERS` ("mp4", "mkv", "mov", "webm" for video;
    "m4a", "wav", "mp3" or "mp4" audio-only with `with_video=False`).
    """
    if not (with_audio or with_video):
        raise ValueError("a test clip needs video, audio or both")
    spec = CONTAINERS[container]
    if with_video and spec.video_codec is None:
        raise ValueError(f"container {container!r} holds no video")
    if with_video and (width % 2 or height % 2):
        raise ValueError("H.264 in 4:2:0 needs an even width and height")
    out_path = Path(out_path)
    n_frames = max(1, round(duration_s * fps))
    total_samples = round(duration_s * SAMPLE_RATE)
    with (
        atomic_output(out_path) as tmp,
        MediaWriter(
            tmp,
            spec,
            size=(width, height) if with_video else None,
            fps=fps,
            sample_rate=SAMPLE_RATE if with_audio else None,
        ) as writer,
    ):
        written = 0
        # One step per video frame (or per 1/fps of sound for audio-only files) keeps the
        # streams interleaved.
        for index in range(n_frames):
            if with_video:
                writer.write_video(_frame(index, width, height, frame_numbers))
            upto = min(total_samples, round((index + 1) * SAMPLE_RATE / fps))
            if with_audio and upto > written:
                writer.write_audio(tone(written, upto - written, SAMPLE_RATE))
                written = upto
        if with_audio and written < total_samples:
            writer.write_audio(tone(written, total_samples - written, SAMPLE_RATE))
    return out_path


def tone(start: int, count: int, sample_rate: int) -> npt.NDArray[np.float32]:
    """Samples `start`..`start+count` of a continuous 440 Hz sine."""
    t = (start + np.arange(count, dtype=np.float64)) / sample_rate
    return (TONE_AMPLITUDE * np.sin(2 * math.pi * TONE_HZ * t)).astype(np.float32)


def _frame(index: int, width: int, height: int, numbered: bool) -> npt.NDArray[np.uint8]:
    image = np.full((height, width, 3), 40, dtype=np.uint8)
    strip_top = height - _strip_height(height)
    if numbered:
        text = str(index)
        scale = _fit_scale(text, width * 0.8, strip_top * 0.6)
        (tw, th), _ = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, scale, 2)
        origin = ((width - tw) // 2, (strip_top + th) // 2)
        thickness = max(2, int(scale * 2))
        cv2.putText(
            image, text, origin, cv2.FONT_HERSHEY_SIMPLEX, scale, (255, 255, 255), thickness
        )
    else:
        # Without numbers the picture still moves, so "the frame changed" stays testable.
        x = int((index * 4) % max(1, width))
        cv2.rectangle(
            image, (x, 0), (min(width - 1, x + width // 8), strip_top - 1), (0, 160, 255), -1
        )
    _draw_code(image, index, strip_top)
    return image


def _strip_height(height: int) -> int:
    return max(8, height // 6)


def _fit_scale(text: str, max_w: float, max_h: float) -> float:
    (tw, th), _ = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, 1.0, 2)
    return max(0.3, min(max_w / max(tw, 1), max_h / max(th, 1)))


def _draw_code(image: npt.NDArray[np.uint8], number: int, top: int) -> None:
    width = image.shape[1]
    for bit in range(CODE_BITS):
        x0, x1 = _block_span(bit, width)
        value = 255 if (number >> (CODE_BITS - 1 - bit)) & 1 else 0
        image[top:, x0:x1] = value


def _block_span(bit: int, width: int) -> tuple[int, int]:
    return bit * width // CODE_BITS, (bit + 1) * width // CODE_BITS


def read_frame_number(image: npt.NDArray[np.uint8]) -> int:
    """Decode the frame number from a picture made by `generate_test_clip` (BGR, RGB or grey)."""
    grey = image if image.ndim == 2 else image.mean(axis=2)
    height, width = grey.shape[:2]
    top = height - _strip_height(height)
    rows = grey[top + (height - top) // 4 : height - (height - top) // 4]
    number = 0
    for bit in range(CODE_BITS):
        x0, x1 = _block_span(bit, width)
        pad = (x1 - x0) // 4
        number = (number << 1) | int(rows[:, x0 + pad : x1 - pad].mean() > 127)
    return number
