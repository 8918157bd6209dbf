"""TimelineCanvas: the timeline's state, zoom and painting, with no mouse or keyboard handling.
TimelineView (view.py) adds the interaction on top."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from operator import attrgetter

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from vsr.model import MAX_RECORDING_MS, Marker, Party

from .envelope import EnvelopeLike
from .geometry import TimelineLayout, TimeScale, clamp, make_layout
from .lanes import MarkerGeometry, MarkerHit, MarkerLayout, hit_test, layout_markers
from .pause_paint import paint_pauses
from .ruler_paint import paint_playhead, paint_time_readout
from .static_layer import SceneContent, StaticScene
from .theme import COLORS, party_color, use_palette
from .zoom import MAX_ZOOM_MS_PER_PX, ZOOM_STEP, ZoomScroll

RULER_H = 26
ENVELOPE_H = 44


class TimelineCanvas(QWidget):
    """Shows duration, parties, markers, envelope, loop range and playhead at a zoom and scroll.
    Subclasses hook in drag previews through the `_scrubbing`, `_marker_preview` and
    `_draw_preview` methods."""

    zoom_changed = Signal(float)  # ms per pixel
    view_changed = Signal()  # visible range, zoom or duration changed (for a scrollbar)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._duration = 0
        self._parties: list[Party] = []
        self._lane_of_party: dict[int, int] = {}
        self._markers: dict[int, Marker] = {}
        self._hidden: frozenset[int] = frozenset()
        self._selected: int | None = None
        self._hover: MarkerHit | None = None
        self._position = 0
        self._envelope: EnvelopeLike | None = None
        self._loop: tuple[int, int] | None = None
        self._labels: dict[int, str] = {}
        self._theme_titles: dict[str, str] = {}
        self._header_w = 110
        self._zoom = ZoomScroll()
        self._scene = StaticScene()
        self._base_geometries: list[MarkerGeometry] | None = None  # all but the selected
        self._marker_layout: MarkerLayout | None = None  # what _base_geometries come from
        self._laid_preview: tuple[int, int, int | None] | None = None  # the drag it shows
        self._geometry_key: tuple[object, ...] | None = None
        self._geometries: list[MarkerGeometry] | None = None  # with the selected one on top
        self._geometries_selected: int | None = None
        self._ordered: list[Marker] = []  # by (start, id): sorted once per set_markers
        self._pauses: list[tuple[int, int]] = []  # (party id, ms): recorded pauses
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._update_header_width()
        use_palette(self.palette())  # the light look, or the system's high-contrast colours

    # ------------------------------------------------------------------ hooks for the view
    def _scrubbing(self) -> bool:
        return False

    def _marker_preview(self) -> tuple[int, int, int | None] | None:
        return None

    def _draw_preview(self) -> tuple[int, int, int] | None:
        return None

    # ------------------------------------------------------------------ data
    def set_duration(self, duration_ms: int) -> None:
        old = self._view_state()
        # Qt's scroll bar and pixel maths are 32-bit: a broken file's 10^9 s must not reach
        # them (the probe refuses those; a library from before that check may still hold one).
        self._duration = int(clamp(int(duration_ms), 0, MAX_RECORDING_MS))
        self._zoom.set_duration(self._duration)
        self._position = int(clamp(self._position, 0, self._duration))
        self._after_view_change(old, force=True)

    def set_parties(self, parties: Iterable[Party]) -> None:
        self._parties = sorted(parties, key=lambda p: (p.position, p.id))
        self._lane_of_party = {p.id: i for i, p in enumerate(self._parties)}
        self._update_header_width()
        self.updateGeometry()
        self._sync_width()

    def set_markers(self, markers: Iterable[Marker], *, in_order: bool = False,
                    changed: Mapping[int, Marker | None] | None = None) -> None:
        """`in_order`: already sorted by (start, id), as the library lists them. `changed`:
        the only markers that differ from the last call, by id (None: gone), so the timeline
        lays out those alone again instead of all of them (placing a marker among 10,000)."""
        if changed is None or self._marker_layout is None:
            self._markers = {m.id: m for m in markers}
            self._ordered = (list(self._markers.values()) if in_order
                             else sorted(self._markers.values(), key=attrgetter("start_ms", "id")))
            self._geometry_key = None
            self._marker_layout = None
        else:
            self._ordered = (list(markers) if in_order
                             else sorted(markers, key=attrgetter("start_ms", "id")))
            for marker_id, marker in changed.items():
                if marker is None:
                    self._markers.pop(marker_id, None)
                else:
                    self._markers[marker_id] = marker
            preview = self._laid_preview
            added = [self._previewed(m, preview) for m in changed.values() if m is not None]
            self._marker_layout.update(changed, added)
        self._invalidate(markers_only=True)

    def set_pauses(self, pauses: Iterable[tuple[int, int]]) -> None:
        """Where each party paused the replay: (party id, ms), a small mark in its lane."""
        self._pauses = list(pauses)
        self.update()

    def pauses(self) -> list[tuple[int, int]]:
        return list(self._pauses)

    def set_hidden_parties(self, party_ids: set[int]) -> None:
        self._hidden = frozenset(party_ids)
        self._invalidate()

    def set_selected_marker(self, marker_id: int | None) -> None:
        if marker_id != self._selected:
            self._selected = marker_id
            self._invalidate(markers_only=True)

    def set_envelope(self, envelope: EnvelopeLike | None) -> None:
        """The loudness band; None or an empty envelope (no audio) removes the band."""
        if envelope is not None and len(envelope.peaks) == 0:
            envelope = None
        self._envelope = envelope
        self.updateGeometry()
        self._invalidate()

    def set_loop_range(self, start_ms: int, end_ms: int) -> None:
        self._loop = (min(start_ms, end_ms), max(start_ms, end_ms))
        self._invalidate()

    def clear_loop_range(self) -> None:
        self._loop = None
        self._invalidate()

    def set_marker_labels(self, labels: Mapping[int, str]) -> None:
        """Short texts drawn beside markers when zoomed in far enough to have room."""
        self._labels = dict(labels)
        self._invalidate(markers_only=True)

    def set_theme_titles(self, titles: Mapping[str, str]) -> None:
        """Display titles for theme and sub-topic keys, used in marker tooltips."""
        self._theme_titles = dict(titles)

    def set_position(self, ms: int) -> None:
        """The playhead. Ignored while the user drags it. If the playhead was in view, the view
        pages along so it stays in view; if the user scrolled away, the view stays put."""
        if self._scrubbing():
            return
        self._move_playhead(int(clamp(ms, 0, self._duration)), follow=None)

    def position(self) -> int:
        return self._position

    def selected_marker(self) -> int | None:
        return self._selected

    # ------------------------------------------------------------------ zoom and scroll
    def zoom_in(self) -> None:
        self._zoom_by(ZOOM_STEP, self._zoom_anchor())

    def zoom_out(self) -> None:
        self._zoom_by(1 / ZOOM_STEP, self._zoom_anchor())

    def zoom_to_fit(self) -> None:
        old = self._view_state()
        self._zoom.zoom_to_fit()
        self._after_view_change(old)

    def ms_per_px(self) -> float:
        return self._zoom.ms_per_px

    def min_ms_per_px(self) -> float:
        """The finest zoom."""
        return MAX_ZOOM_MS_PER_PX

    def max_ms_per_px(self) -> float:
        """The coarsest zoom: the whole recording in view."""
        return self._zoom.fit_ms_per_px()

    def set_ms_per_px(self, ms_per_px: float, anchor_x: float | None = None) -> None:
        """Zoom to `ms_per_px`, keeping the time under widget x `anchor_x` (default: centre)."""
        old = self._view_state()
        anchor = None if anchor_x is None else anchor_x - self._header_w
        self._zoom.set_ms_per_px(ms_per_px, anchor)
        self._after_view_change(old)

    def visible_range(self) -> tuple[int, int]:
        return self._zoom.visible_range()

    def scroll_to(self, offset_ms: float) -> None:
        """Show time `offset_ms` at the left edge of the time area."""
        old = self._view_state()
        self._zoom.scroll_to(offset_ms)
        self._after_view_change(old)

    def scroll_by_px(self, px: float) -> bool:
        """Scroll sideways by `px` pixels (positive: later). Returns whether the view moved."""
        old = self._view_state()
        moved = self._zoom.scroll_by_px(px)
        self._after_view_change(old)
        return moved

    def reveal(self, ms: int) -> None:
        """Scroll so that `ms` is in view (e.g. after choosing a marker in a list)."""
        old = self._view_state()
        self._zoom.ensure_visible(ms)
        self._after_view_change(old)

    # ------------------------------------------------------------------ geometry queries
    def time_at(self, x: float) -> int:
        """The time under widget x, clamped to the recording."""
        return int(round(clamp(self.current_scale().x_to_ms(x), 0, self._duration)))

    def x_for_time(self, ms: float) -> float:
        return self.current_scale().ms_to_x(ms)

    def lane_center_y(self, party_id: int) -> float | None:
        lane = self._lane_of_party.get(party_id)
        if lane is None:
            return None
        r = self.current_layout().lane_rect(lane)
        return r.y + r.h / 2

    def duration_ms(self) -> int:
        return self._duration

    def current_layout(self) -> TimelineLayout:
        return make_layout(
            self.width(),
            self.height(),
            len(self._parties),
            header_w=self._header_w,
            ruler_h=RULER_H,
            envelope_h=ENVELOPE_H if self._envelope is not None else 0,
        )

    def current_scale(self) -> TimeScale:
        return self._zoom.scale(self._header_w)

    def marker_at(self, x: float, y: float) -> MarkerHit | None:
        return hit_test(self._marker_geometries(), x, y)

    def marker_by_id(self, marker_id: int) -> Marker | None:
        return self._markers.get(marker_id)

    # ------------------------------------------------------------------ internals
    def _view_state(self) -> tuple[float, float]:
        return self._zoom.ms_per_px, self._zoom.offset_ms

    def _after_view_change(self, old: tuple[float, float], force: bool = False) -> None:
        new = self._view_state()
        if new != old or force:
            self._invalidate()
            self.view_changed.emit()
        if new[0] != old[0]:
            self.zoom_changed.emit(new[0])

    def _zoom_by(self, factor: float, anchor_px: float | None) -> None:
        old = self._view_state()
        self._zoom.zoom_by(factor, anchor_px)
        self._after_view_change(old)

    def _zoom_anchor(self) -> float | None:
        """Keyboard and button zoom keeps the playhead still when it is in view."""
        start, end = self.visible_range()
        if start <= self._position <= end:
            return (self._position - self._zoom.offset_ms) / self._zoom.ms_per_px
        return None

    def _move_playhead(self, ms: int, follow: bool | None) -> None:
        """follow=None: page along only if the playhead was in view; True: always bring it in."""
        start, end = self.visible_range()
        was_visible = start <= self._position <= end
        old_x = self.x_for_time(self._position)
        self._position = ms
        old = self._view_state()
        if follow or (follow is None and was_visible):
            self._zoom.ensure_visible(ms)
        if self._view_state() != old:
            self._after_view_change(old)
            return
        # Only the strips under the old and new playhead need repainting: cheap during playback.
        for x in (old_x, self.x_for_time(ms)):
            self.update(QRect(int(x) - 8, 0, 17, self.height()))
        self.update(QRect(0, 0, self._header_w, RULER_H))  # the time readout

    def _sync_width(self) -> None:
        old = self._view_state()
        self._zoom.set_width(self.width() - self._header_w)
        self._after_view_change(old, force=True)

    def _update_header_width(self) -> None:
        font = QFont(self.font())
        font.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetricsF(font)
        widest = max((metrics.horizontalAdvance(p.name) for p in self._parties), default=60.0)
        self._header_w = int(clamp(widest + 46, 100, 200))

    def _invalidate(self, markers_only: bool = False) -> None:
        """Repaint; `markers_only` when only markers, selection, hover or previews changed."""
        self._scene.invalidate(markers_only)
        self.update()

    def _effective_markers(self) -> list[Marker]:
        """Markers as they should be shown, the one being dragged at its preview place."""
        preview = self._marker_preview()
        if preview is None or preview[0] not in self._markers:
            return self._ordered
        mid, start, end = preview
        return [
            dataclasses.replace(m, start_ms=start, end_ms=end) if m.id == mid else m
            for m in self._markers.values()
        ]

    @staticmethod
    def _previewed(marker: Marker, preview: tuple[int, int, int | None] | None) -> Marker:
        if preview is None or preview[0] != marker.id:
            return marker
        return dataclasses.replace(marker, start_ms=preview[1], end_ms=preview[2])

    def marker_layout(self) -> MarkerLayout:
        """The markers in view laid out, made again only when what they depend on changed:
        not for a loop range, the playhead or the envelope's values, which repaint often. A
        new, moved or deleted marker (set_markers with `changed`) or a dragged one changes
        only its own pixel columns."""
        layout, scale, preview = self.current_layout(), self.current_scale(), self._marker_preview()
        key = (layout, scale, self._hidden, tuple(self._lane_of_party.items()))
        if self._marker_layout is None or key != self._geometry_key:
            markers = self._effective_markers()
            self._marker_layout = MarkerLayout(markers, self._lane_of_party, self._hidden,
                                               layout, scale)
            self._geometry_key, self._laid_preview = key, preview
        elif preview != self._laid_preview:
            ids = {p[0] for p in (preview, self._laid_preview) if p is not None}
            stored = [self._markers[i] for i in ids if i in self._markers]
            self._marker_layout.update(ids, [self._previewed(m, preview) for m in stored])
            self._laid_preview = preview
        return self._marker_layout

    def _marker_geometries(self) -> list[MarkerGeometry]:
        """The markers in view in drawing order; a new selection only moves the selected
        marker to the end (drawn on top, hit first)."""
        base = self.marker_layout().geometries()
        if base is not self._base_geometries:
            self._base_geometries = base
            self._geometries = None
        layout, scale = self.current_layout(), self.current_scale()
        if self._geometries is None or self._geometries_selected != self._selected:
            self._geometries = self._with_selected_on_top(self._base_geometries, layout, scale)
            self._geometries_selected = self._selected
        return self._geometries

    def _with_selected_on_top(self, base: list[MarkerGeometry], layout: TimelineLayout,
                              scale: TimeScale) -> list[MarkerGeometry]:
        marker = self._markers.get(self._selected) if self._selected is not None else None
        preview = self._marker_preview()
        if marker is not None and preview is not None and preview[0] == marker.id:
            marker = dataclasses.replace(marker, start_ms=preview[1], end_ms=preview[2])
        if marker is None:
            return base
        chosen = layout_markers([marker], self._lane_of_party, self._hidden, layout, scale)
        at = self.marker_layout().index_of(marker.id)  # not a search through thousands
        return (base if at is None else base[:at] + base[at + 1:]) + chosen

    # ------------------------------------------------------------------ Qt
    def sizeHint(self) -> QSize:
        env = ENVELOPE_H if self._envelope is not None else 0
        return QSize(900, RULER_H + env + max(2, len(self._parties)) * 40 + 1)

    def minimumSizeHint(self) -> QSize:
        env = ENVELOPE_H if self._envelope is not None else 0
        return QSize(320, RULER_H + env + max(1, len(self._parties)) * 30 + 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._sync_width()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._update_header_width()
            self._sync_width()
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            # A high-contrast theme switched on or off: repaint the cached layer in its colours.
            use_palette(self.palette())
            self._invalidate()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        layout = self.current_layout()
        scale = self.current_scale()
        painter = QPainter(self)
        pixmap = self._scene.pixmap(self, self._scene_content)
        painter.drawPixmap(0, 0, pixmap)
        if self._pauses:
            paint_pauses(painter, layout, scale, self._pauses, self._lane_of_party,
                         {p.id: party_color(p.color) for p in self._parties})
        paint_playhead(painter, layout, scale, self._position)
        paint_time_readout(painter, layout, self._position, self._duration >= 3_600_000)
        if self.hasFocus():
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(QPen(COLORS.focus, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
        painter.end()

    def _scene_content(self) -> SceneContent:
        # Explicit context: self.tr() would use the subclass name at run time, not this class's.
        return SceneContent(
            layout=self.current_layout(),
            scale=self.current_scale(),
            duration_ms=self._duration,
            parties=self._parties,
            hidden=self._hidden,
            envelope=self._envelope,
            loop=self._loop,
            geometries=self._marker_geometries(),
            marker_layout=self.marker_layout(),
            markers=self._markers,
            selected=self._selected,
            hover=self._hover.marker_id if self._hover is not None else None,
            labels=self._labels,
            marker_preview=self._marker_preview(),
            draw_preview=self._draw_preview(),
            audio_title=QCoreApplication.translate("TimelineView", "Audio"),
            hidden_note=QCoreApplication.translate(
                "TimelineView", "hidden: you see them after “Show the moments” in step 1"),
        )
