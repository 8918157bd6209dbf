"""The demo recording: a synthetic 2.5-minute "begeleidingsgesprek" to try the program with.

Two stylised people sit left (professional) and right (client); the one speaking is lit up,
labelled and moves their mouth with their voice, and the time is burned into every frame so a
viewer can check the player and the timeline against it. Everything is drawn with OpenCV and
encoded with PyAV; nothing real (no faces, no voices) is in it, so it is safe to share.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt

from vsr.dates import clock
from vsr.media.demo_script import (
    CLIENT,
    DEMO_DURATION_S,
    DEMO_TURNS,
    PROFESSIONAL,
    Turn,
    VoiceSynth,
    active_turn,
    demo_turns,
    speech_level,
    turn_fade,
)
from vsr.media.demo_speech import demo_speech
from vsr.media.tasks import CancelFn, ProgressFn, ProgressThrottle, check_cancel
from vsr.media.testclip import generate_test_clip, read_frame_number
from vsr.media.writer import CONTAINERS, MediaWriter, atomic_output

__all__ = [
    "DEMO_TURNS",
    "demo_turns",
    "generate_demo_recording",
    "generate_test_clip",
    "read_frame_number",
]

SAMPLE_RATE = 48_000
Image = npt.NDArray[np.uint8]

# BGR colours. Each party has its own hue; the active one is also outlined, labelled on a
# filled band and animated, so colour is never the only cue.
_BACKGROUND = (236, 232, 226)
_BAR = (60, 48, 40)
_WHITE = (255, 255, 255)
_ROLE_COLOUR = {PROFESSIONAL: (170, 105, 30), CLIENT: (40, 125, 225)}
_FONT = cv2.FONT_HERSHEY_SIMPLEX


def generate_demo_recording(
    out_path: Path,
    duration_s: float = DEMO_DURATION_S,
    width: int = 640,
    height: int = 360,
    fps: int = 25,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
    spoken: bool = True,
) -> Path:
    """Write the demo conversation (H.264 + AAC in .mp4) to `out_path` and return it.

    The speaker turns are `demo_turns(duration_ms)` (for the default length: `DEMO_TURNS`).
    Raises `Cancelled` when `cancel()` turns True; `out_path` is then left untouched.
    `spoken`: the turns speak Dutch when espeak-ng is installed (so the demo gets a
    transcript); otherwise, or with spoken=False, they hum.
    """
    out_path = Path(out_path)
    duration_ms = int(duration_s * 1000)
    turns = demo_turns(duration_ms)
    scenes = {role: _scene(width, height, role) for role in (None, PROFESSIONAL, CLIENT)}
    speech = demo_speech(turns, SAMPLE_RATE) if spoken else None
    synth = VoiceSynth(turns, SAMPLE_RATE, speech)
    n_frames = max(1, round(duration_s * fps))
    total_samples = round(duration_s * SAMPLE_RATE)
    report = ProgressThrottle(progress)
    with (
        atomic_output(out_path) as tmp,
        MediaWriter(
            tmp, CONTAINERS["mp4"], size=(width, height), fps=fps, sample_rate=SAMPLE_RATE
        ) as writer,
    ):
        written = 0
        for index in range(n_frames):
            if index % 25 == 0:
                check_cancel(cancel)
                report(index / n_frames)
            ms = index * 1000 // fps
            writer.write_video(_frame(scenes, turns, ms, width, height))
            upto = min(total_samples, round((index + 1) * SAMPLE_RATE / fps))
            if upto > written:
                writer.write_audio(synth.render(written, upto - written))
                written = upto
        if written < total_samples:
            writer.write_audio(synth.render(written, total_samples - written))
    report(1.0)
    return out_path


def _frame(scenes: dict[str | None, Image], turns: list[Turn], ms: int, w: int, h: int) -> Image:
    turn = active_turn(turns, ms)
    role = turn[2] if turn is not None else None
    image = scenes[role].copy()
    if turn is not None:
        t = np.array([ms / 1000])
        level = float((speech_level(t, turn[2]) * turn_fade(t, turn[0] / 1000, turn[1] / 1000))[0])
        _draw_mouth(image, _panel(w, h, turn[2]), level)
        _draw_sound_waves(image, _panel(w, h, turn[2]), level)
    _draw_clock(image, ms, w, h)
    return image


def _panel(w: int, h: int, role: str) -> tuple[int, int, int, int]:
    """Panel rectangle (x0, y0, x1, y1): professional left, client right."""
    y0, y1 = int(0.13 * h), int(0.80 * h)
    if role == PROFESSIONAL:
        return int(0.04 * w), y0, int(0.48 * w), y1
    return int(0.52 * w), y0, int(0.96 * w), y1


def _scene(w: int, h: int, active: str | None) -> Image:
    """The still part of a frame for one speaking state (pre-drawn once: fast generation)."""
    image = np.full((h, w, 3), _BACKGROUND, dtype=np.uint8)
    cv2.rectangle(image, (0, 0), (w, int(0.09 * h)), _BAR, -1)
    _text(
        image,
        "DEMO - begeleidingsgesprek (voorbeeld, geen echte opname)",
        (int(0.02 * w), int(0.063 * h)),
        0.0011 * h,
        _WHITE,
        1,
    )
    for role in (PROFESSIONAL, CLIENT):
        _draw_person(image, w, h, role, role == active)
    return image


def _draw_person(image: Image, w: int, h: int, role: str, speaking: bool) -> None:
    x0, y0, x1, y1 = _panel(w, h, role)
    colour = _ROLE_COLOUR[role]
    pale = tuple(int(c + (255 - c) * (0.55 if speaking else 0.85)) for c in colour)
    cv2.rectangle(image, (x0, y0), (x1, y1), pale, -1)
    cv2.rectangle(image, (x0, y0), (x1, y1), colour, max(2, h // 60) if speaking else 1)
    cx, head_y, head_r = (x0 + x1) // 2, y0 + int(0.33 * (y1 - y0)), int(0.1 * h)
    body = (
        tuple(int(c * 0.8) for c in colour)
        if speaking
        else tuple(int(c * 0.5 + 90) for c in colour)
    )
    # Shoulders first, clipped at the label band, then the head on top.
    band_y = y1 - int(0.14 * (y1 - y0))
    shoulders = np.zeros_like(image)
    cv2.ellipse(
        shoulders,
        (cx, band_y + head_r // 2),
        (int(1.9 * head_r), int(1.7 * head_r)),
        0,
        180,
        360,
        (1, 1, 1),
        -1,
    )
    mask = shoulders[:, :, 0].astype(bool)
    mask[band_y:, :] = False
    image[mask] = body
    cv2.circle(image, (cx, head_y), head_r, body, -1, cv2.LINE_AA)
    for dx in (-head_r // 3, head_r // 3):  # eyes
        cv2.circle(
            image, (cx + dx, head_y - head_r // 5), max(2, head_r // 9), _WHITE, -1, cv2.LINE_AA
        )
    cv2.line(
        image,
        (cx - head_r // 4, head_y + head_r // 2),
        (cx + head_r // 4, head_y + head_r // 2),
        _WHITE,
        max(1, head_r // 12),
        cv2.LINE_AA,
    )  # closed mouth; `_draw_mouth` opens it
    band_colour = colour if speaking else pale
    cv2.rectangle(image, (x0, band_y), (x1, y1), band_colour, -1)
    cv2.rectangle(image, (x0, y0), (x1, y1), colour, max(2, h // 60) if speaking else 1)
    label_colour = _WHITE if speaking else tuple(int(c * 0.7) for c in colour)
    label = "Professional" if role == PROFESSIONAL else "Client"
    scale = 0.0018 * h
    (tw, th), _ = cv2.getTextSize(label, _FONT, scale, 2)
    origin = (cx - tw // 2, y1 - (y1 - band_y - th) // 2)
    _text(image, label, origin, scale, label_colour, 2)
    if role == CLIENT:
        _draw_diaeresis(image, "Cli", "e", origin, scale, label_colour)


def _draw_diaeresis(
    image: Image,
    before: str,
    letter: str,
    origin: tuple[int, int],
    scale: float,
    colour: tuple[int, ...],
) -> None:
    """Put the two dots of "Cliënt" on the e: OpenCV's Hershey fonts are ASCII only."""
    (bw, _), _ = cv2.getTextSize(before, _FONT, scale, 2)
    (lw, cap), _ = cv2.getTextSize(letter.upper(), _FONT, scale, 2)
    y = origin[1] - int(cap * 0.95)  # just above the x-height (about 2/3 of the cap height)
    radius = max(2, int(cap * 0.11))
    for fx in (0.18, 0.82):
        cv2.circle(image, (origin[0] + bw + int(lw * fx), y), radius, colour, -1, cv2.LINE_AA)


def _draw_mouth(image: Image, panel: tuple[int, int, int, int], level: float) -> None:
    x0, y0, x1, y1 = panel
    h = image.shape[0]
    cx, head_y, head_r = (x0 + x1) // 2, y0 + int(0.33 * (y1 - y0)), int(0.1 * h)
    open_h = max(1, int(level * head_r * 0.45))
    cv2.ellipse(
        image,
        (cx, head_y + head_r // 2),
        (head_r // 4, open_h),
        0,
        0,
        360,
        (40, 30, 30),
        -1,
        cv2.LINE_AA,
    )


def _draw_sound_waves(image: Image, panel: tuple[int, int, int, int], level: float) -> None:
    """Arcs beside the speaker's head that grow with the voice: "this one is talking"."""
    x0, y0, x1, y1 = panel
    h = image.shape[0]
    cx, head_y, head_r = (x0 + x1) // 2, y0 + int(0.33 * (y1 - y0)), int(0.1 * h)
    colour = (60, 60, 60)
    for ring in range(1 + int(level * 2.99)):
        radius = int(head_r * (1.35 + 0.35 * ring))
        cv2.ellipse(image, (cx, head_y), (radius, radius), 0, -35, 35, colour, 2, cv2.LINE_AA)
        cv2.ellipse(image, (cx, head_y), (radius, radius), 0, 145, 215, colour, 2, cv2.LINE_AA)


def format_clock(ms: int) -> str:
    """The exact clock ("1:23.4"), as burned into the demo frames."""
    return clock(ms, exact=True)


def _draw_clock(image: Image, ms: int, w: int, h: int) -> None:
    text = format_clock(ms)
    scale = 0.0028 * h
    (tw, th), _ = cv2.getTextSize(text, _FONT, scale, 2)
    pad = max(4, h // 60)
    x, y = (w - tw) // 2, h - pad * 2
    cv2.rectangle(image, (x - pad, y - th - pad), (x + tw + pad, y + pad), (20, 20, 20), -1)
    _text(image, text, (x, y), scale, _WHITE, 2)


def _text(
    image: Image,
    text: str,
    origin: tuple[int, int],
    scale: float,
    colour: tuple[int, ...],
    thickness: int,
) -> None:
    cv2.putText(image, text, origin, _FONT, scale, colour, thickness, cv2.LINE_AA)
