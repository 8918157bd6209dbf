"""Zoom and horizontal scroll state of the timeline, kept apart from the widget so its rules
(limits, zoom around an anchor, keep the playhead in view) are plain, testable arithmetic."""

from __future__ import annotations

from .geometry import TimeScale, clamp

MAX_ZOOM_MS_PER_PX = 10.0  # the finest zoom: 10 ms per pixel
ZOOM_STEP = 1.5


class ZoomScroll:
    """`ms_per_px` in [MAX_ZOOM_MS_PER_PX, fit], `offset_ms` (time at the left of the time area)
    in [0, duration - visible span]. While `fitted`, resizing or a new duration refits."""

    def __init__(self) -> None:
        self.duration_ms = 0
        self.width_px = 1
        self.ms_per_px = 1000.0
        self.offset_ms = 0.0
        self.fitted = True

    # ------------------------------------------------------------------ limits
    def fit_ms_per_px(self) -> float:
        """The coarsest zoom: the whole recording fills the time area (never past max zoom)."""
        return max(MAX_ZOOM_MS_PER_PX, self.duration_ms / max(1, self.width_px))

    def span_ms(self) -> float:
        return self.width_px * self.ms_per_px

    def max_offset_ms(self) -> float:
        return max(0.0, self.duration_ms - self.span_ms())

    def scale(self, x0: float) -> TimeScale:
        return TimeScale(self.ms_per_px, self.offset_ms, x0)

    def visible_range(self) -> tuple[int, int]:
        start = int(round(self.offset_ms))
        return start, int(round(min(self.duration_ms, self.offset_ms + self.span_ms())))

    # ------------------------------------------------------------------ changes
    def set_duration(self, duration_ms: int) -> None:
        self.duration_ms = max(0, int(duration_ms))
        self._reclamp()

    def set_width(self, width_px: int) -> None:
        self.width_px = max(1, int(width_px))
        self._reclamp()

    def zoom_to_fit(self) -> None:
        self.fitted = True
        self._reclamp()

    def set_ms_per_px(self, ms_per_px: float, anchor_px: float | None = None) -> bool:
        """Zoom so that the time under `anchor_px` (pixels from the time area's left) stays put.
        Returns whether the zoom changed."""
        old = self.ms_per_px
        new = clamp(ms_per_px, MAX_ZOOM_MS_PER_PX, self.fit_ms_per_px())
        if abs(new - old) < 1e-9:
            return False
        if anchor_px is None:
            anchor_px = self.width_px / 2
        anchor_ms = self.offset_ms + anchor_px * old
        self.ms_per_px = new
        self.fitted = new >= self.fit_ms_per_px() - 1e-9
        self.offset_ms = clamp(anchor_ms - anchor_px * new, 0.0, self.max_offset_ms())
        return True

    def zoom_by(self, factor: float, anchor_px: float | None = None) -> bool:
        """factor > 1 zooms in (fewer ms per pixel)."""
        return self.set_ms_per_px(self.ms_per_px / factor, anchor_px)

    def scroll_to(self, offset_ms: float) -> bool:
        new = clamp(offset_ms, 0.0, self.max_offset_ms())
        changed = abs(new - self.offset_ms) > 1e-9
        self.offset_ms = new
        return changed

    def scroll_by_px(self, px: float) -> bool:
        return self.scroll_to(self.offset_ms + px * self.ms_per_px)

    def ensure_visible(self, ms: float, margin_px: float = 24.0) -> bool:
        """Page the view when `ms` leaves it (like turning a page while reading): the time then sits
        `margin_px` from the left edge, so playback runs on into the new page."""
        margin_ms = min(margin_px * self.ms_per_px, self.span_ms() / 4)
        start = self.offset_ms
        end = start + self.span_ms()
        if start <= ms <= end - margin_ms:
            return False
        return self.scroll_to(ms - margin_ms)

    def _reclamp(self) -> None:
        if self.fitted:
            self.ms_per_px = self.fit_ms_per_px()
        else:
            self.ms_per_px = clamp(self.ms_per_px, MAX_ZOOM_MS_PER_PX, self.fit_ms_per_px())
            self.fitted = self.ms_per_px >= self.fit_ms_per_px() - 1e-9
        self.offset_ms = clamp(self.offset_ms, 0.0, self.max_offset_ms())
