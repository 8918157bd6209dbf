"""Ruler tick spacing: 'nice' clock steps so labels never crowd and never thin out too far."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

_S = 1000
_M = 60 * _S
_H = 60 * _M

# Major step -> candidate minor steps (each divides the major step), finest first.
_STEPS: tuple[tuple[int, tuple[int, ...]], ...] = (
    (1 * _S, (100, 200, 500)),
    (2 * _S, (200, 500, 1 * _S)),
    (5 * _S, (500, 1 * _S)),
    (10 * _S, (1 * _S, 2 * _S, 5 * _S)),
    (15 * _S, (1 * _S, 5 * _S)),
    (30 * _S, (5 * _S, 10 * _S)),
    (1 * _M, (5 * _S, 10 * _S, 15 * _S, 30 * _S)),
    (2 * _M, (10 * _S, 30 * _S, 1 * _M)),
    (5 * _M, (30 * _S, 1 * _M)),
    (10 * _M, (1 * _M, 2 * _M, 5 * _M)),
    (15 * _M, (1 * _M, 5 * _M)),
    (30 * _M, (5 * _M, 10 * _M)),
    (1 * _H, (5 * _M, 10 * _M, 15 * _M, 30 * _M)),
    (2 * _H, (10 * _M, 30 * _M, 1 * _H)),
    (5 * _H, (30 * _M, 1 * _H)),
    (10 * _H, (1 * _H, 2 * _H, 5 * _H)),
)

MIN_MINOR_PX = 6.0


@dataclass(frozen=True, slots=True)
class TickSpacing:
    major_ms: int
    minor_ms: int  # equals major_ms when there is no room for minor ticks


def choose_ticks(ms_per_px: float, min_label_px: float = 72.0) -> TickSpacing:
    """The smallest major step whose labels are at least `min_label_px` apart, and the finest minor
    step at least MIN_MINOR_PX apart."""
    major, minors = _STEPS[-1]
    for step, candidates in _STEPS:
        if step / ms_per_px >= min_label_px:
            major, minors = step, candidates
            break
    minor = next((m for m in minors if m / ms_per_px >= MIN_MINOR_PX), major)
    return TickSpacing(major, minor)


def tick_times(start_ms: float, end_ms: float, step_ms: int) -> Iterator[int]:
    """Multiples of `step_ms` in [start_ms, end_ms], never negative."""
    first = max(0, math.ceil(start_ms / step_ms)) * step_ms
    t = first
    while t <= end_ms:
        yield t
        t += step_ms
