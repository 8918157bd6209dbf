"""Progress and cancel for long media work (envelopes, demo generation) run on workers.

Workers get two plain callables instead of a Qt object so the core stays free of Qt: the UI
wraps its signals and its cancel flag in them.
"""

from __future__ import annotations

from collections.abc import Callable

from vsr.errors import VsrError

ProgressFn = Callable[[float], None]
"""Called with a fraction 0.0..1.0 of the work done."""

CancelFn = Callable[[], bool]
"""Returns True when the user asked to stop the work."""


class Cancelled(VsrError):
    """The work was stopped because `cancel()` returned True. Nothing half-done was kept."""

    key = "task.cancelled"


def check_cancel(cancel: CancelFn | None) -> None:
    """Raise `Cancelled` when the caller asked to stop."""
    if cancel is not None and cancel():
        raise Cancelled()


class ProgressThrottle:
    """Reports progress at most once per `step` of the fraction so a UI is not flooded."""

    def __init__(self, progress: ProgressFn | None, step: float = 0.01) -> None:
        self._progress = progress
        self._step = step
        self._last = -1.0

    def __call__(self, fraction: float) -> None:
        if self._progress is None:
            return
        fraction = min(1.0, max(0.0, fraction))
        if fraction - self._last >= self._step or (fraction >= 1.0 > self._last):
            self._last = fraction
            self._progress(fraction)
