"""The script of the demo conversation: who speaks when, and what each voice sounds like.

The schedule is fixed (no randomness), so tests and the demo review can rely on exact turn
times. The voices are not speech: harmonic tones at a low (professional) and a higher (client)
pitch, with a slow pitch melody and a syllable-like loudness pattern, so the audio envelope
on the timeline looks like a conversation and the two parties are easy to tell apart by ear.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

PROFESSIONAL = "professional"
CLIENT = "client"

Turn = tuple[int, int, str]  # (start_ms, end_ms, role)

# Turn lengths and pauses in ms, cycled. The first turns are short so a few seconds of demo
# already hold two speaker changes.
_TURN_LENGTHS = (
    2400,
    1800,
    4200,
    3100,
    6500,
    2600,
    3800,
    7200,
    2200,
    5400,
    4600,
    3000,
    8100,
    2800,
    5000,
    3600,
)
_PAUSES = (700, 900, 600, 1100, 800, 1300, 650, 1000, 750)
_FIRST_START_MS = 500
_FADE_S = 0.04  # soft turn edges: no clicks in the sound


def demo_turns(duration_ms: int) -> list[Turn]:
    """The fixed turn schedule, cut off at `duration_ms`: professional and client alternate."""
    turns: list[Turn] = []
    start = _FIRST_START_MS
    index = 0
    while start < duration_ms - 300:
        length = _TURN_LENGTHS[index % len(_TURN_LENGTHS)]
        end = min(start + length, duration_ms - 200)
        turns.append((start, end, PROFESSIONAL if index % 2 == 0 else CLIENT))
        start = end + _PAUSES[index % len(_PAUSES)]
        index += 1
    return turns


DEMO_DURATION_S = 150.0
DEMO_TURNS: list[Turn] = demo_turns(int(DEMO_DURATION_S * 1000))


@dataclass(frozen=True, slots=True)
class Voice:
    f0: float  # base pitch in Hz
    syllable_hz: float  # syllables per second
    phase: float  # keeps the two voices' rhythms apart


VOICES: dict[str, Voice] = {
    PROFESSIONAL: Voice(f0=115.0, syllable_hz=4.1, phase=0.0),
    CLIENT: Voice(f0=205.0, syllable_hz=4.7, phase=1.3),
}
_HARMONICS = np.array([1.0, 0.6, 0.45, 0.3, 0.2, 0.12])
_SPEECH_GAIN = 0.35 / float(_HARMONICS.sum())
_NOISE_LEVEL = 0.002  # room tone in the pauses: "silence-ish", not digital zero


def speech_level(t: npt.NDArray[np.float64], role: str) -> npt.NDArray[np.float64]:
    """Loudness 0..1 of `role`'s voice at times `t` (s) while speaking: syllables and word gaps."""
    voice = VOICES[role]
    syllables = 0.5 * (1.0 - np.cos(2 * math.pi * voice.syllable_hz * t + voice.phase))
    words = np.clip(1.6 * np.sin(2 * math.pi * 0.37 * t + voice.phase) + 1.0, 0.0, 1.0)
    return np.asarray(syllables**1.5 * (0.35 + 0.65 * words), dtype=np.float64)


def turn_fade(t: npt.NDArray[np.float64], start_s: float, end_s: float) -> npt.NDArray[np.float64]:
    return np.clip(np.minimum(t - start_s, end_s - t) / _FADE_S, 0.0, 1.0)


def active_turn(turns: list[Turn], ms: int) -> Turn | None:
    """The turn in progress at `ms`, or None in a pause. `turns` must be sorted by start."""
    index = bisect.bisect_right([turn[0] for turn in turns], ms) - 1
    if index >= 0 and turns[index][0] <= ms < turns[index][1]:
        return turns[index]
    return None


class VoiceSynth:
    """Renders the conversation's sound in chunks, continuous across chunk borders."""

    def __init__(self, turns: list[Turn], sample_rate: int,
                 speech: dict[int, npt.NDArray[np.float32]] | None = None) -> None:
        self._turns = sorted(turns)
        self._starts = [turn[0] for turn in self._turns]
        self.sample_rate = sample_rate
        self._speech = speech or {}  # spoken Dutch per turn start (vsr.media.demo_speech)

    def render(self, start_sample: int, count: int) -> npt.NDArray[np.float32]:
        t = (start_sample + np.arange(count, dtype=np.float64)) / self.sample_rate
        # Seeded by position, so rendering is deterministic whatever the chunk sizes.
        noise = np.random.default_rng(start_sample).standard_normal(count) * _NOISE_LEVEL
        out = noise.astype(np.float64)
        if count == 0:
            return out.astype(np.float32)
        first_ms, last_ms = t[0] * 1000, t[-1] * 1000
        begin = max(0, bisect.bisect_right(self._starts, first_ms) - 1)
        for start_ms, end_ms, role in self._turns[begin:]:
            if start_ms > last_ms:
                break
            if end_ms <= first_ms:
                continue
            start_s, end_s = start_ms / 1000, end_ms / 1000
            inside = (t >= start_s) & (t < end_s)
            if not inside.any():
                continue
            tt = t[inside]
            if start_ms in self._speech:
                out[inside] += self._spoken(self._speech[start_ms], tt, start_s, end_s)
                continue
            level = speech_level(tt, role) * turn_fade(tt, start_s, end_s)
            out[inside] += _SPEECH_GAIN * level * self._harmonic_tone(tt, VOICES[role])
        return out.astype(np.float32)

    def _spoken(self, clip: npt.NDArray[np.float32], t: npt.NDArray[np.float64], start_s: float,
                end_s: float) -> npt.NDArray[np.float64]:
        """The turn's speech at times `t` (cut at the turn's end, with a soft edge)."""
        index = np.round((t - start_s) * self.sample_rate).astype(np.int64)
        valid = (index >= 0) & (index < clip.size)
        out = np.zeros_like(t)
        out[valid] = clip[index[valid]]
        return out * turn_fade(t, start_s, end_s)

    @staticmethod
    def _harmonic_tone(t: npt.NDArray[np.float64], voice: Voice) -> npt.NDArray[np.float64]:
        # Phase is the closed-form integral of a slowly wandering pitch (a spoken "melody"),
        # so the tone stays continuous however the time axis is cut into chunks.
        a1, r1, a2, r2 = 0.06, 0.5, 0.025, 2.3
        phase = (
            2
            * math.pi
            * voice.f0
            * (
                t
                - a1 / (2 * math.pi * r1) * np.cos(2 * math.pi * r1 * t + voice.phase)
                - a2 / (2 * math.pi * r2) * np.cos(2 * math.pi * r2 * t)
            )
        )
        tone = np.zeros_like(t)
        for k, weight in enumerate(_HARMONICS, start=1):
            tone += weight * np.sin(k * phase)
        return tone
