"""The audio envelope band: reduce the peaks to one value per visible pixel column (max, so short
loud moments never vanish when zoomed out) and draw them as a mirrored waveform."""

from __future__ import annotations

from typing import Protocol

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QPainter, QPen

from .geometry import Rect
from .theme import COLORS


class EnvelopeLike(Protocol):
    """Loudness of a recording: one peak in [0, 1] per `bucket_ms` of audio."""

    bucket_ms: int
    peaks: npt.NDArray[np.float32]


def column_peaks(
    peaks: npt.NDArray[np.float32],
    bucket_ms: int,
    offset_ms: float,
    ms_per_px: float,
    columns: int,
) -> npt.NDArray[np.float32]:
    """The max peak per pixel column for the columns starting at `offset_ms`; 0 where the envelope
    has no data. Only the visible slice of `peaks` is touched."""
    out = np.zeros(max(0, columns), dtype=np.float32)
    n = int(peaks.shape[0])
    if columns <= 0 or n == 0 or bucket_ms <= 0:
        return out
    edges = offset_ms + np.arange(columns + 1, dtype=np.float64) * ms_per_px
    buckets = np.floor(edges / bucket_ms).astype(np.int64)
    starts = buckets[:-1]
    valid = (starts >= 0) & (starts < n)
    if not valid.any():
        return out
    lo = int(starts[valid].min())
    hi = int(min(n, max(int(buckets[-1]), int(starts[valid].max()) + 1)))
    # A trailing zero gives reduceat a valid index for "up to the end of the slice".
    window = np.concatenate([peaks[lo:hi].astype(np.float32, copy=False), np.zeros(1, np.float32)])
    idx = np.clip(starts - lo, 0, hi - lo)
    idx = np.append(idx, hi - lo)
    # Where a column is narrower than a bucket, idx repeats and reduceat yields that bucket's value.
    reduced = np.maximum.reduceat(window, idx)[:-1]
    out[valid] = reduced[valid]
    return np.clip(out, 0.0, 1.0)


def envelope_lines(band: Rect, values: npt.NDArray[np.float32]) -> list[QLineF]:
    """One vertical line per pixel column of the band, mirrored around its middle."""
    if values.size == 0 or float(values.max()) <= 0.0:
        return []
    cy = band.y + band.h / 2
    heights = (values * (band.h / 2 - 3)).tolist()
    x0 = band.x + 0.5
    return [QLineF(x0 + i, cy - h, x0 + i, cy + h) for i, h in enumerate(heights) if h >= 0.5]


def paint_envelope(painter: QPainter, band: Rect, values: npt.NDArray[np.float32],
                   lines: list[QLineF] | None = None) -> None:
    """Mirrored waveform around the band's middle; `values` has one entry per pixel from band.x
    (`lines`: envelope_lines of them, when the caller keeps them between repaints).
    One crisp vertical line per pixel column: about ten times cheaper than filling the
    equivalent polygon, which matters on a one-hour recording."""
    painter.fillRect(QRectF(band.x, band.y, band.w, band.h), COLORS.envelope_bg)
    cy = band.y + band.h / 2
    painter.setPen(QPen(COLORS.envelope_axis, 1))
    painter.drawLine(QPointF(band.x, cy), QPointF(band.right, cy))
    painter.setPen(QPen(COLORS.envelope_fill, 1))
    painter.drawLines(envelope_lines(band, values) if lines is None else lines)
