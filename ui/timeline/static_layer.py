"""Everything on the timeline except the playhead, painted once into a cached pixmap. During
playback only the playhead moves, so a repaint is a pixmap copy plus one line."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from vsr.model import Marker, Party

from .envelope import EnvelopeLike, column_peaks, envelope_lines, paint_envelope
from .geometry import Rect, TimelineLayout, TimeScale
from .lanes import MarkerGeometry, MarkerLayout, lane_time_box, marker_geometry
from .marker_paint import (
    MarkerBatch,
    batch_markers,
    join_batches,
    paint_batch,
    paint_draw_preview,
    paint_headers,
    paint_lanes,
    paint_marker,
)
from .ruler_paint import (
    min_label_px,
    paint_grid,
    paint_loop,
    paint_past_end,
    paint_ruler,
)
from .theme import COLORS

LABEL_MAX_MS_PER_PX = 200.0  # labels only when zoomed in enough for them to have room


@dataclass(frozen=True, slots=True)
class SceneContent:
    """What the static layer shows; built by the view for each repaint of the layer."""

    layout: TimelineLayout
    scale: TimeScale
    duration_ms: int
    parties: Sequence[Party]
    hidden: frozenset[int]
    envelope: EnvelopeLike | None
    loop: tuple[int, int] | None
    geometries: Sequence[MarkerGeometry]  # visible markers, drawing order
    marker_layout: MarkerLayout  # where the same come from, before selection
    markers: Mapping[int, Marker]  # as stored (before any drag preview)
    selected: int | None
    hover: int | None
    labels: Mapping[int, str]
    marker_preview: tuple[int, int, int | None] | None  # (id, start, end) being dragged
    draw_preview: tuple[int, int, int] | None  # (party id, start, end) being drawn
    audio_title: str
    hidden_note: str


class StaticScene:
    """Two cached pixmaps: the background (ruler, envelope, lanes, headers) and on top of it the
    markers. Selecting, hovering or dragging a marker repaints only the marker layer; the
    envelope's per-column peaks are cached too (costly on long recordings)."""

    def __init__(self) -> None:
        self._background: QPixmap | None = None
        self._full: QPixmap | None = None
        self._spare_background: QPixmap | None = None  # the last ones, to be painted over
        self._spare_full: QPixmap | None = None
        self._env_key: tuple[int, float, float, int] | None = None
        self._env_values: npt.NDArray[np.float32] = np.zeros(0, np.float32)
        self._env_lines_key: tuple[object, ...] | None = None
        self._env_lines: list[QLineF] = []
        self._env_band: QPixmap | None = None  # the band as painted for _env_lines_key
        self._env_band_look: tuple[float, int, int, int] | None = None
        # Batches per block of the marker layout (kept while the block is the same list), and
        # per lane all its blocks' joined (kept while the lane's blocks are the same).
        self._block_batches: dict[int, tuple[list[MarkerGeometry], MarkerBatch | None]] = {}
        self._lane_batches: dict[int, tuple[tuple[int, ...], MarkerBatch | None]] = {}

    def invalidate(self, markers_only: bool = False) -> None:
        # The pixmaps are painted over again rather than freed and made anew: a new 1 MB
        # pixmap per placed marker cost more than painting it.
        if self._full is not None:
            self._spare_full, self._full = self._full, None
        if not markers_only and self._background is not None:
            self._spare_background, self._background = self._background, None

    def pixmap(self, widget: QWidget, content: Callable[[], SceneContent]) -> QPixmap:
        dpr = widget.devicePixelRatioF()
        size = widget.size() * dpr
        if self._background is None or self._background.size() != size:
            spare, self._spare_background = self._spare_background, None
            self._background = self._paint_new(widget, dpr, None, content(), self._render_back,
                                               spare)
            self.invalidate(markers_only=True)
        if self._full is None:
            spare, self._spare_full = self._spare_full, None
            self._full = self._paint_new(
                widget, dpr, self._background, content(), self._render_markers, spare
            )
        return self._full

    @staticmethod
    def _paint_new(
        widget: QWidget,
        dpr: float,
        base: QPixmap | None,
        c: SceneContent,
        render: Callable[[QPainter, SceneContent], None],
        spare: QPixmap | None = None,
    ) -> QPixmap:
        size = widget.size() * dpr
        if spare is not None and spare.size() == size and spare.devicePixelRatio() == dpr:
            pixmap = spare
        else:
            pixmap = QPixmap(size)
            pixmap.setDevicePixelRatio(dpr)
        painter = QPainter(pixmap)
        if base is None:
            painter.fillRect(pixmap.rect(), COLORS.background)
        else:
            painter.drawPixmap(0, 0, base)
        painter.setFont(widget.font())
        render(painter, c)
        painter.end()
        return pixmap

    def envelope_columns(
        self, envelope: EnvelopeLike, scale: TimeScale, columns: int
    ) -> npt.NDArray[np.float32]:
        key = (id(envelope), scale.offset_ms, scale.ms_per_px, columns)
        if self._env_key != key:
            self._env_values = column_peaks(
                envelope.peaks, envelope.bucket_ms, scale.offset_ms, scale.ms_per_px, columns
            )
            self._env_key = key
        return self._env_values

    def _render_back(self, painter: QPainter, c: SceneContent) -> None:
        layout, scale = c.layout, c.scale
        paint_lanes(painter, layout, c.parties, c.hidden)
        if c.envelope is not None and layout.envelope_h > 0:
            band = Rect(layout.time_x0, layout.envelope_top, layout.time_width, layout.envelope_h)
            values = self.envelope_columns(c.envelope, scale, layout.time_width)
            if self._env_lines_key != (self._env_key, band):
                self._env_lines = envelope_lines(band, values)
                self._env_lines_key = (self._env_key, band)
                self._env_band = None
            painter.drawPixmap(int(band.x), int(band.y), self._envelope_band(painter, band, values))
            painter.setPen(QPen(COLORS.border, 1))
            y = layout.lanes_top - 0.5
            painter.drawLine(QPointF(0, y), QPointF(layout.width, y))
        with_hours = c.duration_ms >= 3_600_000
        paint_grid(
            painter,
            layout,
            scale,
            c.duration_ms,
            min_label_px(QFontMetricsF(painter.font()), with_hours),
        )
        paint_ruler(painter, layout, scale, c.duration_ms)
        if c.loop is not None:
            paint_loop(painter, layout, scale, *c.loop)
        paint_past_end(painter, layout, scale, c.duration_ms)
        paint_headers(painter, layout, c.parties, c.hidden, c.audio_title, c.hidden_note)

    def _envelope_band(self, painter: QPainter, band: Rect,
                       values: npt.NDArray[np.float32]) -> QPixmap:
        """The envelope band painted once per zoom, scroll and size (all opaque: the same
        pixels as painting it in place); a loop range dragged over it then copies it."""
        device = painter.device()
        dpr = device.devicePixelRatioF() if device is not None else 1.0
        # The look is part of the key: a high-contrast theme may be switched on meanwhile.
        look = (dpr, COLORS.envelope_bg.rgba(), COLORS.envelope_axis.rgba(),
                COLORS.envelope_fill.rgba())
        if self._env_band is None or self._env_band_look != look:
            pixmap = QPixmap(int(band.w * dpr), int(band.h * dpr))
            pixmap.setDevicePixelRatio(dpr)
            band_painter = QPainter(pixmap)
            band_painter.translate(-band.x, -band.y)
            paint_envelope(band_painter, band, values, self._env_lines)
            band_painter.end()
            self._env_band, self._env_band_look = pixmap, look
        return self._env_band

    def _render_markers(self, painter: QPainter, c: SceneContent) -> None:
        layout = c.layout
        painter.save()
        painter.setClipRect(
            QRectF(
                layout.time_x0,
                layout.lanes_top,
                layout.time_width,
                layout.height - layout.lanes_top,
            )
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        label_font = QFont(painter.font())
        label_font.setPointSizeF(max(7.0, label_font.pointSizeF() * 0.9))
        painter.setFont(label_font)
        party_by_id = {p.id: p for p in c.parties}
        lane_of = {p.id: i for i, p in enumerate(c.parties)}
        show_labels = c.scale.ms_per_px <= LABEL_MAX_MS_PER_PX
        if c.marker_preview is not None:
            self._render_ghost(painter, c, party_by_id, lane_of)
        for batch in self._batch_lanes(c.marker_layout):
            if batch is not None and batch.party_id in party_by_id:
                paint_batch(painter, batch, party_by_id[batch.party_id])
        # Drawn again on top, with their own look: the selected, hovered and labelled ones (the
        # selected one is last in `geometries`).
        special = self._special(c, show_labels)
        for geo in special:  # selected last: on top
            party = party_by_id.get(geo.party_id)
            if party is None:
                continue
            paint_marker(
                painter,
                geo,
                party,
                selected=geo.marker_id == c.selected,
                hovered=geo.marker_id == c.hover,
                label=c.labels.get(geo.marker_id) if show_labels else None,
            )
        if c.draw_preview is not None:
            party_id, start, end = c.draw_preview
            lane = lane_of.get(party_id)
            if lane is not None:
                paint_draw_preview(
                    painter,
                    lane_time_box(layout, lane),
                    c.scale.ms_to_x(start),
                    c.scale.ms_to_x(end),
                    party_by_id[party_id],
                )
        painter.restore()

    @staticmethod
    def _special(c: SceneContent, show_labels: bool) -> list[MarkerGeometry]:
        """The markers drawn again on top in drawing order: labelled (zoomed in), hovered and
        the selected one (last in `geometries`). Without labels they are looked up, not
        searched for among thousands."""
        if show_labels and c.labels:
            return [g for g in c.geometries if g.marker_id in (c.selected, c.hover)
                    or g.marker_id in c.labels]
        out: list[MarkerGeometry] = []
        if c.hover is not None and c.hover != c.selected:
            hovered = c.marker_layout.drawn(c.hover)
            if hovered is not None:
                out.append(hovered)
        if c.selected is not None and c.geometries and c.geometries[-1].marker_id == c.selected:
            out.append(c.geometries[-1])
        return out

    def _batch_lanes(self, marker_layout: MarkerLayout) -> list[MarkerBatch | None]:
        """One batch per lane, made again only from the blocks of the layout that changed: a
        marker placed among thousands re-batches its own block, not all of them."""
        blocks: dict[int, tuple[list[MarkerGeometry], MarkerBatch | None]] = {}
        lanes: dict[int, tuple[tuple[int, ...], MarkerBatch | None]] = {}
        out: list[MarkerBatch | None] = []
        for lane in marker_layout.lanes():
            parts: list[MarkerBatch] = []
            for geos in marker_layout.lane_blocks(lane):
                kept = self._block_batches.get(id(geos))
                if kept is None or kept[0] is not geos:
                    kept = (geos, next(iter(batch_markers(geos).values()), None))
                blocks[id(geos)] = kept
                if kept[1] is not None:
                    parts.append(kept[1])
            key = tuple(id(p) for p in parts)
            joined = self._lane_batches.get(lane)
            if joined is None or joined[0] != key:
                joined = (key, join_batches(parts))
            lanes[lane] = joined
            out.append(joined[1])
        self._block_batches, self._lane_batches = blocks, lanes
        return out

    def _render_ghost(
        self,
        painter: QPainter,
        c: SceneContent,
        party_by_id: Mapping[int, Party],
        lane_of: Mapping[int, int],
    ) -> None:
        """A faint copy of a dragged marker at its original place: where it came from."""
        assert c.marker_preview is not None
        original = c.markers.get(c.marker_preview[0])
        if original is None or original.party_id not in lane_of:
            return
        geo = marker_geometry(original, lane_of[original.party_id], c.layout, c.scale)
        painter.setOpacity(0.3)
        paint_marker(painter, geo, party_by_id[original.party_id])
        painter.setOpacity(1.0)
