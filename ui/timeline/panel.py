"""TimelinePanel: the timeline view with its horizontal scrollbar and zoom buttons."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QScrollBar, QToolButton, QVBoxLayout, QWidget

from .transcript_lane import TranscriptLane
from .view import TimelineView

_ICON_PX = 18


def _icon(kind: str, color: QColor) -> QIcon:
    """Plain line icons drawn here, so the buttons need no image files and scale crisply."""
    icon = QIcon()
    for dpr in (1.0, 2.0):
        pixmap = QPixmap(int(_ICON_PX * dpr), int(_ICON_PX * dpr))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(color, 1.8)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        c = _ICON_PX / 2
        if kind in ("in", "out"):
            p.drawEllipse(QPointF(c - 1.5, c - 1.5), 5.5, 5.5)
            p.drawLine(QPointF(c + 2.6, c + 2.6), QPointF(c + 6.5, c + 6.5))
            p.drawLine(QPointF(c - 4.5, c - 1.5), QPointF(c + 1.5, c - 1.5))
            if kind == "in":
                p.drawLine(QPointF(c - 1.5, c - 4.5), QPointF(c - 1.5, c + 1.5))
        else:  # fit: two bars with arrows pointing out to them
            p.drawLine(QPointF(2.5, 4), QPointF(2.5, 14))
            p.drawLine(QPointF(15.5, 4), QPointF(15.5, 14))
            p.drawLine(QPointF(5.5, 9), QPointF(12.5, 9))
            arrows = QPainterPath()
            arrows.moveTo(8, 6.5)
            arrows.lineTo(5.5, 9)
            arrows.lineTo(8, 11.5)
            arrows.moveTo(10, 6.5)
            arrows.lineTo(12.5, 9)
            arrows.lineTo(10, 11.5)
            p.drawPath(arrows)
        p.end()
        icon.addPixmap(pixmap)
    return icon


class TimelinePanel(QWidget):
    """Holds a TimelineView (`.view`), a scrollbar that follows its visible range, and
    zoom out / zoom in / show-all buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = TimelineView(self)
        self.scrollbar = QScrollBar(Qt.Orientation.Horizontal, self)
        self.setAccessibleName(self.tr("Timeline with zoom buttons"))
        self.scrollbar.setAccessibleName(self.tr("Scroll the timeline"))
        ink = self.palette().color(self.foregroundRole())
        self.zoom_out_button = self._button("out", ink, self.tr("Zoom out (−)"), self.view.zoom_out)
        self.zoom_in_button = self._button("in", ink, self.tr("Zoom in (+)"), self.view.zoom_in)
        self.fit_button = self._button(
            "fit", ink, self.tr("Show the whole recording (0)"), self.view.zoom_to_fit
        )

        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 2, 0, 0)
        bottom.setSpacing(2)
        bottom.addWidget(self.scrollbar, 1)
        bottom.addSpacing(6)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            bottom.addWidget(button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.view, 1)
        # What was said, under the sound and the lanes (issue 22); hidden without a transcript.
        self.transcript_lane = TranscriptLane(self.view, self)
        self.transcript_lane.seek_requested.connect(self.view.seek_requested)
        outer.addWidget(self.transcript_lane)
        outer.addLayout(bottom)

        self.view.view_changed.connect(self._sync_scrollbar)
        self.scrollbar.valueChanged.connect(self._on_scrollbar)
        self._sync_scrollbar()

    def _button(self, kind: str, ink: QColor, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(_icon(kind, ink))
        button.setIconSize(QSize(_ICON_PX, _ICON_PX))
        button.setAutoRaise(True)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        # The view keeps keyboard focus; the buttons are for the mouse (keys do the same).
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.clicked.connect(slot)
        return button

    def _sync_scrollbar(self) -> None:
        start, end = self.view.visible_range()
        span = max(1, end - start)
        maximum = max(0, self.view.duration_ms() - span)
        self.scrollbar.blockSignals(True)
        self.scrollbar.setRange(0, maximum)
        self.scrollbar.setPageStep(span)
        self.scrollbar.setSingleStep(max(1, span // 10))
        self.scrollbar.setValue(start)
        self.scrollbar.setEnabled(maximum > 0)
        self.scrollbar.blockSignals(False)
        ms_per_px = self.view.ms_per_px()
        self.zoom_in_button.setEnabled(ms_per_px > self.view.min_ms_per_px() + 1e-6)
        self.zoom_out_button.setEnabled(ms_per_px < self.view.max_ms_per_px() - 1e-6)
        self.fit_button.setEnabled(maximum > 0)

    def _on_scrollbar(self, value: int) -> None:
        self.view.scroll_to(value)
