"""Telling two voices apart: by channel for a stereo recording with one microphone per person,
by k-means on the spectrum and the pitch otherwise; speaker 0 is the voice heard first."""

from __future__ import annotations

import math

import numpy as np

from tests.vsr.voice_sounds import RATE, synthetic_voice
from vsr.transcript.voices import (
    BANDS,
    PITCH,
    assign_speakers,
    channel_count,
    pitch_semitones,
    segment_features,
)


def _timeline(order: list[int]) -> tuple[list[tuple[int, int]], list[np.ndarray]]:
    """Alternating turns of 1.5 s for voices 0 (low) and 1 (high) in `order`."""
    spans, parts = [], []
    for n, who in enumerate(order):
        parts.append(synthetic_voice(110 if who == 0 else 420, 1500, n, noise=0.05))
        spans.append((n * 1500, (n + 1) * 1500))
    return spans, parts


def test_stereo_with_a_microphone_each_uses_the_channels() -> None:
    order = [1, 0, 0, 1, 0, 1, 1]
    spans, parts = _timeline(order)
    # The same voice on both microphones (only the loudness differs): only the channel tells.
    mono = [synthetic_voice(200, 1500, n, noise=0.05) for n in range(len(order))]
    left = np.concatenate([p if who == 1 else p * 0.1 for p, who in zip(mono, order, strict=True)])
    right = np.concatenate([p * 0.1 if who == 1 else p for p, who in zip(mono, order, strict=True)])
    channels = np.stack([left, right])
    features = [segment_features(channels, RATE, a, b) for a, b in spans]
    assert len(features[0]) == 2 + BANDS + PITCH and channel_count(features[0]) == 2
    assert assign_speakers(features, 2) == [0 if who == 1 else 1 for who in order]


def test_one_channel_clusters_the_voices_first_heard_is_zero() -> None:
    order = [1, 1, 0, 1, 0, 0, 1, 0]
    spans, parts = _timeline(order)
    channels = np.concatenate(parts)[np.newaxis, :]
    features = [segment_features(channels, RATE, a, b) for a, b in spans]
    labels = assign_speakers(features, 1)
    assert labels == [0 if who == 1 else 1 for who in order]


def test_a_plain_stereo_mix_is_clustered_not_split_by_channel() -> None:
    order = [0, 1, 0, 1]
    spans, parts = _timeline(order)
    mix = np.concatenate(parts)
    channels = np.stack([mix, mix * 0.9])
    features = [segment_features(channels, RATE, a, b) for a, b in spans]
    assert assign_speakers(features, 2) == [0, 1, 0, 1]


def test_nothing_or_one_segment() -> None:
    assert assign_speakers([], 1) == []
    silent = np.zeros((1, RATE), dtype=np.float32)
    assert assign_speakers([segment_features(silent, RATE, 0, 1000)], 1) == [0]


def _coloured_voice(pitch_hz: float, tilt: float, seconds: float, seed: int) -> np.ndarray:
    """A voiced sound whose harmonics fall off by k ** (tilt - 1): tilt > 0 sounds bright,
    tilt < 0 dark (as a vowel or a microphone colours a voice)."""
    t = np.arange(int(seconds * RATE)) / RATE
    tone = sum(np.sin(2 * np.pi * pitch_hz * k * t) * k ** (tilt - 1.0) for k in range(1, 30)
               if pitch_hz * k < 7000)
    noise = np.random.default_rng(seed).normal(0, 0.02, t.size)
    return (0.1 * tone / np.max(np.abs(tone)) + noise).astype(np.float32)


def test_pitch_of_a_voice_in_semitones_above_100_hz() -> None:
    for hz in (90.0, 130.0, 210.0, 300.0):
        expected = 12 * math.log2(hz / 100)
        sound = synthetic_voice(hz, 1000, 1, noise=0.05)
        assert abs(pitch_semitones(sound, RATE) - expected) < 0.5, hz
    noise = np.random.default_rng(3).normal(0, 0.1, RATE).astype(np.float32)
    assert math.isnan(pitch_semitones(noise, RATE))
    assert math.isnan(pitch_semitones(np.zeros(RATE, dtype=np.float32), RATE))
    assert math.isnan(pitch_semitones(np.zeros(100, dtype=np.float32), RATE))


def test_the_pitch_tells_voices_apart_when_the_colour_of_the_sound_does_not() -> None:
    """Two voices (130 and 210 Hz) whose sound is coloured bright or dark independently of who
    speaks: the spectrum shape alone follows the colour, the pitch follows the speaker."""
    order = [0, 1, 1, 0, 1, 0, 0, 1, 0, 1]
    tilts = [0.6, 0.6, -0.6, -0.6, 0.6, 0.6, -0.6, -0.6, 0.6, -0.6]
    parts = [_coloured_voice(130 if who == 0 else 210, tilt, 1.5, n)
             for n, (who, tilt) in enumerate(zip(order, tilts, strict=True))]
    channels = np.concatenate(parts)[np.newaxis, :]
    spans = [(n * 1500, (n + 1) * 1500) for n in range(len(order))]
    features = [segment_features(channels, RATE, a, b) for a, b in spans]
    assert assign_speakers(features, 1) == order
    # without the pitch the colour wins: the test is about the pitch
    shape_only = [f[:-PITCH] for f in features]
    assert assign_speakers(shape_only, 1) != order


def test_a_segment_without_a_voiced_frame_is_placed_by_its_spectrum() -> None:
    order = [0, 1, 0, 1, 0, 1]
    spans, parts = _timeline(order)
    hiss = np.random.default_rng(5).normal(0, 0.1, 1500 * RATE // 1000).astype(np.float32)
    channels = np.concatenate([*parts, hiss])[np.newaxis, :]
    features = [segment_features(channels, RATE, a, b)
                for a, b in [*spans, (len(order) * 1500, (len(order) + 1) * 1500)]]
    assert math.isnan(features[-1][-1])
    labels = assign_speakers(features, 1)
    assert labels[:-1] == order and labels[-1] in (0, 1)
