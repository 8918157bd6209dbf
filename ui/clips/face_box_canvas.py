"""The anonymised preview picture, on which a trainer drags a box with the mouse where the
detector is wrong. It shows the clip's hand-drawn boxes that hold at this moment (blur boxes
yellow, "not a face" boxes red and dashed) and reports a new box in shares (0..1) of the
picture, so it does not depend on the preview's size."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QWidget

Share = tuple[float, float, float, float]  # x1, y1, x2, y2 as shares of the picture


class FaceBoxCanvas(QLabel):
    """A QLabel showing a pixmap, plus drawing. `drawn` sends (x1, y1, x2, y2) shares."""

    drawn = Signal(float, float, float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: list[tuple[Share, bool]] = []  # (corners, ignore) to outline
        self._start: QPoint | None = None
        self._end: QPoint | None = None
        self.setCursor(Qt.CursorShape.CrossCursor)

    def picture_rect(self) -> QRect:
        """Where the (centred, aspect-kept) picture lies inside the label."""
        pixmap = self.pixmap()
        if pixmap is None or pixmap.isNull():
            return QRect()
        size = pixmap.size()
        left = (self.width() - size.width()) // 2
        top = (self.height() - size.height()) // 2
        return QRect(left, top, size.width(), size.height())

    def show_boxes(self, boxes: list[tuple[Share, bool]]) -> None:
        self.boxes = boxes
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if event.button() == Qt.MouseButton.LeftButton and not self.picture_rect().isNull():
            self._start = self._end = event.position().toPoint()
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._start is not None:
            self._end = event.position().toPoint()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._start is None:
            return
        area = QRectF(self.picture_rect())
        band = QRectF(QPointF(self._start), event.position()).normalized().intersected(area)
        self._start = self._end = None
        self.update()
        if band.width() >= 3 and band.height() >= 3:
            self.drawn.emit((band.left() - area.left()) / area.width(),
                            (band.top() - area.top()) / area.height(),
                            (band.right() - area.left()) / area.width(),
                            (band.bottom() - area.top()) / area.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        area = self.picture_rect()
        if area.isNull():
            return
        painter = QPainter(self)
        for (x1, y1, x2, y2), ignore in self.boxes:
            pen = QPen(QColor("#e03c31") if ignore else QColor("#ffd200"), 2)
            pen.setStyle(Qt.PenStyle.DashLine if ignore else Qt.PenStyle.SolidLine)
            painter.setPen(pen)
            painter.drawRect(QRectF(area.left() + x1 * area.width(), area.top() + y1 * area.height(),
                                    (x2 - x1) * area.width(), (y2 - y1) * area.height()))
        if self._start is not None and self._end is not None:
            painter.setPen(QPen(QColor("#ffffff"), 1, Qt.PenStyle.DashLine))
            painter.drawRect(QRect(self._start, self._end).normalized())
        painter.end()
