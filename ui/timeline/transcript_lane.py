"""The transcript lane under the timeline: what was said, word by word at its time, on the
timeline's own zoom and scroll. Click a word (or press Return on the current segment) to seek;
the words being spoken are highlighted. Shows nothing of any marker, so in "Apart markeren" it
reveals no hidden moment. Hidden while the recording has no transcript."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from vsr.transcript.store import Segment, Word

from .canvas import TimelineCanvas
from .theme import COLORS

LANE_H = 34
_WORD_GAP_PX = 4
_MIN_WORD_PX = 24  # a sentence with less room than this is left out at this zoom


class TranscriptLane(QWidget):
    """Follows `view` (a TimelineCanvas): its visible range, its header width, its playhead."""

    seek_requested = Signal(int)

    def __init__(self, view: TimelineCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._segments: tuple[Segment, ...] = ()
        self._position = -1
        self._boxes: list[tuple[QRectF, Word]] = []
        self.setFixedHeight(LANE_H)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("What was said"))
        self.setToolTip(self.tr("What was said. Click a word to go there; Left and Right move by "
                                "sentence, Return goes to the start of the sentence."))
        view.view_changed.connect(self.update)
        view.installEventFilter(self)  # the view repaints when its playhead moves
        self.hide()

    # ------------------------------------------------------------------ data
    def set_transcript(self, segments: Sequence[Segment] | None) -> None:
        """The transcript to show; None or empty hides the lane."""
        self._segments = tuple(segments or ())
        self.setVisible(bool(self._segments))
        self._sync_position(force=True)

    def segments(self) -> tuple[Segment, ...]:
        return self._segments

    def current_segment(self) -> Segment | None:
        """The segment being spoken at the playhead (or the last one before it)."""
        before = [s for s in self._segments if s.start_ms <= self._position]
        return before[-1] if before else None

    def current_words(self) -> list[Word]:
        return [w for s in self._segments for w in s.words
                if w.start_ms <= self._position < max(w.end_ms, w.start_ms + 1)]

    # ------------------------------------------------------------------ following the view
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() == QEvent.Type.Paint:
            self._sync_position()
        return False

    def _sync_position(self, force: bool = False) -> None:
        ms = self._view.position()
        if ms == self._position and not force:
            return
        self._position = ms
        current = self.current_segment()
        self.setAccessibleDescription(current.text if current else "")
        self.update()

    def _x_of(self, ms: int) -> float:
        start, _end = self._view.visible_range()
        x0 = self._view.current_layout().time_x0
        return x0 + (ms - start) / max(1e-6, self._view.ms_per_px())

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), COLORS.background)
        x0 = self._view.current_layout().time_x0
        painter.fillRect(QRectF(0, 0, x0, self.height()), COLORS.header_bg)
        painter.setPen(COLORS.text_muted)
        painter.drawText(QRectF(6, 0, x0 - 8, self.height()),
                         int(Qt.AlignmentFlag.AlignVCenter), self.tr("Said"))
        painter.setPen(QPen(COLORS.border))
        painter.drawLine(0, 0, self.width(), 0)
        painter.setClipRect(QRectF(x0, 0, self.width() - x0, self.height()))
        self._paint_words(painter, x0)
        if self.hasFocus():
            painter.setClipping(False)
            painter.setPen(QPen(COLORS.focus, 2))
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
        painter.end()

    def _paint_words(self, painter: QPainter, x0: float) -> None:
        """Each segment's words at their times when they have room at this zoom; otherwise
        the segment's sentence, cut short, over its span (never text drawn over text)."""
        painter.setFont(QFont(self.font()))
        metrics = painter.fontMetrics()
        now = set(map(id, self.current_words()))
        current = self.current_segment()
        self._boxes = []
        for index, seg in enumerate(self._segments):
            left = max(x0, self._x_of(seg.start_ms))
            right = (self._x_of(self._segments[index + 1].start_ms)
                     if index + 1 < len(self._segments) else float(self.width()))
            right = min(right, float(self.width())) - _WORD_GAP_PX
            if right <= x0 or left >= self.width():
                continue
            words = [(w, self._x_of(w.start_ms), metrics.horizontalAdvance(w.text))
                     for w in seg.words]
            fits = bool(words) and all(
                x + width + _WORD_GAP_PX <= (words[n + 1][1] if n + 1 < len(words) else right)
                for n, (_w, x, width) in enumerate(words))
            if fits:
                for word, x, width in words:
                    self._draw(painter, QRectF(x, 6, width + 2, self.height() - 12), word.text,
                               word, id(word) in now)
            elif right - left >= _MIN_WORD_PX:
                text = metrics.elidedText(seg.text, Qt.TextElideMode.ElideRight, int(right - left))
                whole = Word(seg.start_ms, seg.end_ms, seg.text)
                self._draw(painter, QRectF(left, 6, right - left, self.height() - 12), text,
                           whole, seg is current)
        painter.setPen(QPen(COLORS.playhead, 2))
        px = self._x_of(self._position)
        painter.drawLine(int(px), 0, int(px), self.height())

    def _draw(self, painter: QPainter, box: QRectF, text: str, word: Word, now: bool) -> None:
        if now:
            painter.fillRect(box, COLORS.focus)
            painter.setPen(COLORS.background)
        else:
            painter.setPen(COLORS.text)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        self._boxes.append((box, word))

    # ------------------------------------------------------------------ input
    def word_boxes(self) -> list[tuple[QRectF, Word]]:
        """Where each word (or, zoomed out, each sentence as one Word) was painted last."""
        return list(self._boxes)

    def word_at(self, x: float) -> Word | None:
        return next((w for box, w in self._boxes if box.left() <= x <= box.right()), None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        word = self.word_at(event.position().x())
        if word is not None and event.button() == Qt.MouseButton.LeftButton:
            self.seek_requested.emit(word.start_ms)
            event.accept()
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self._segments:
            self.seek_requested.emit(self._neighbour(key == Qt.Key.Key_Right).start_ms)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_segment():
            current = self.current_segment()
            assert current is not None
            self.seek_requested.emit(current.start_ms)
            event.accept()
            return
        super().keyPressEvent(event)

    def _neighbour(self, forward: bool) -> Segment:
        if forward:
            later = [s for s in self._segments if s.start_ms > self._position]
            return later[0] if later else self._segments[-1]
        current = self.current_segment()
        earlier = [s for s in self._segments
                   if current is not None and s.start_ms < current.start_ms]
        return earlier[-1] if earlier else self._segments[0]

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)
