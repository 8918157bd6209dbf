"""Telling two voices apart: by channel for a stereo recording with one microphone per person,
by k-means on the spectrum otherwise; speaker 0 is the voice heard first."""

from __future__ import annotations

import numpy as np

from vsr.transcript.voices import BANDS, assign_speakers, segment_features

RATE = 16000


def _voice(pitch_hz: float, seconds: float, seed: int) -> np.ndarray:
    """A voiced sound: a pitch with harmonics falling off, a little noise."""
    t = np.arange(int(seconds * RATE)) / RATE
    tone = sum(np.sin(2 * np.pi * pitch_hz * k * t) / k for k in range(1, 12))
    noise = np.random.default_rng(seed).normal(0, 0.05, t.size)
    return (0.2 * tone + noise).astype(np.float32)


def _timeline(order: list[int]) -> tuple[list[tuple[int, int]], list[np.ndarray]]:
    """Alternating turns of 1.5 s for voices 0 (low) and 1 (high) in `order`."""
    spans, parts = [], []
    for n, who in enumerate(order):
        parts.append(_voice(110 if who == 0 else 420, 1.5, n))
        spans.append((n * 1500, (n + 1) * 1500))
    return spans, parts


def test_stereo_with_a_microphone_each_uses_the_channels() -> None:
    order = [1, 0, 0, 1, 0, 1, 1]
    spans, parts = _timeline(order)
    # The same voice on both microphones (only the loudness differs): only the channel tells.
    mono = [_voice(200, 1.5, n) for n in range(len(order))]
    left = np.concatenate([p if who == 1 else p * 0.1 for p, who in zip(mono, order, strict=True)])
    right = np.concatenate([p * 0.1 if who == 1 else p for p, who in zip(mono, order, strict=True)])
    channels = np.stack([left, right])
    features = [segment_features(channels, RATE, a, b) for a, b in spans]
    assert len(features[0]) == 2 + BANDS
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
