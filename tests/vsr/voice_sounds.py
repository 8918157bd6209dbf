"""Synthetic voices for the voice and turn tests: a pitch with harmonics, a little noise."""

from __future__ import annotations

import numpy as np

RATE = 16000


def synthetic_voice(pitch_hz: float, ms: int, seed: int, noise: float = 0.02) -> np.ndarray:
    """A voiced sound of `ms` milliseconds at RATE: a pitch with harmonics falling off and
    normal noise of standard deviation `noise`."""
    t = np.arange(ms * RATE // 1000) / RATE
    tone = sum(np.sin(2 * np.pi * pitch_hz * k * t) / k for k in range(1, 12))
    hiss = np.random.default_rng(seed).normal(0, noise, t.size)
    return (0.2 * tone + hiss).astype(np.float32)
