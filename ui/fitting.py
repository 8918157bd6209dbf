"""Building blocks that let a screen fit a small laptop (1366x768) without scrolling sideways: a
box that puts its parts side by side while they fit and under each other when not, a button that
shows a shorter text when its long one does not fit, and a scroll area that only scrolls up and
down and asks for the width of what it holds."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QWidget,
)

_ROW = QBoxLayout.Direction.LeftToRight
_COLUMN = QBoxLayout.Direction.TopToBottom
_COLUMN_UP = QBoxLayout.Direction.BottomToTop


class StackingBox(QWidget):
    """Its parts side by side when the width allows (at least `wide_at` px and every part's
    minimum), otherwise one under the other. Its minimum width is that of the widest part, so
    it never forces the window wider than one column needs."""

    def __init__(self, spacing: int = 12, wide_at: int = 0, *, last_on_top: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wide_at = wide_at
        # Stacked, the last part goes on top (what was on the right matters most there).
        self._column = _COLUMN_UP if last_on_top else _COLUMN
        self.box = QBoxLayout(_ROW, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(spacing)

    def add(self, part: QWidget | QLayout, stretch: int = 0) -> None:
        if isinstance(part, QWidget):
            self.box.addWidget(part, stretch)
        else:
            self.box.addLayout(part, stretch)
        self._apply(self.width())

    def side_by_side(self) -> bool:
        return self.box.direction() == _ROW

    def _parts(self) -> list[QSize]:
        items = (self.box.itemAt(i) for i in range(self.box.count()))
        return [item.minimumSize() for item in items if item is not None and not item.isEmpty()]

    def row_width(self) -> int:
        """The least width at which the parts fit side by side."""
        parts = self._parts()
        spacing = self.box.spacing() * max(0, len(parts) - 1)
        return max(self.wide_at, sum(p.width() for p in parts) + spacing)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        widest = max((p.width() for p in self._parts()), default=0)
        return QSize(widest, self.box.totalMinimumSize().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        self._apply(event.size().width())
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        # A part asked for more room (a step became bold, a name changed): decide again, or
        # a row decided earlier would squeeze the part below its minimum ("Pa" for "Pauze").
        if event.type() == QEvent.Type.LayoutRequest:
            self._apply(self.width())
        return super().event(event)

    def _apply(self, width: int) -> None:
        direction = _ROW if width >= self.row_width() else self._column
        if direction != self.box.direction():
            self.box.setDirection(direction)
            self.updateGeometry()


class FittingButton(QPushButton):
    """Shows `long` while it fits and `short` when not (then `long` is its tooltip). It asks the
    layout for room for `long` but needs only room for `short`, so the layout can shrink it."""

    def __init__(self, long: str = "", short: str = "", parent: QWidget | None = None) -> None:
        super().__init__(long, parent)
        self._long, self._short, self._tip = long, short or long, ""
        self._forced_short: bool | None = None  # None: as the width allows
        # Never narrower than this (a touch target). Not setMinimumWidth: that would hide the
        # width the short text needs from the layout, which then cuts it ("Pa").
        self.least_width = 0
        self._chrome: int | None = None  # padding and border around the text
        # Preferred, not QPushButton's Minimum: the layout may shrink it to the short text.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, self.sizePolicy().verticalPolicy())

    def set_texts(self, long: str, short: str = "") -> None:
        self._long, self._short = long, short or long
        self._fit(self.width())
        self.updateGeometry()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        """One text only (it is then never shortened)."""
        self.set_texts(text)

    def setToolTip(self, tip: str) -> None:  # noqa: N802 (Qt API)
        self._tip = tip
        super().setToolTip(tip)

    def force_short(self, short: bool | None) -> None:
        """Always the short text (True), always the long one (False, when the caller knows it
        fits), or as the width allows (None): buttons in a row can agree on one form."""
        self._forced_short = short
        self._fit(self.width())

    def long_text(self) -> str:
        return self._long

    def _width_for(self, text: str) -> int:
        fm = self.fontMetrics()
        chrome = super().sizeHint().width() - fm.horizontalAdvance(self.text())
        if self.text() == self._long or self._chrome is None:
            self._chrome = chrome
        # The style gives a text button at least ~80 px, so the room around a short text
        # ("1") looks larger than it is: use the room measured around the long text, and the
        # minimum stays the same whichever text is on show.
        return min(chrome, self._chrome) + fm.horizontalAdvance(text)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(self._width_for(self._long), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(max(self.least_width, self._width_for(self._short)),
                     super().minimumSizeHint().height())

    def long_width(self) -> int:
        """The width the long text needs."""
        return self._width_for(self._long)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        self._fit(event.size().width())
        super().resizeEvent(event)

    def _fit(self, width: int) -> None:
        fits = width >= self._width_for(self._long)
        short = (not fits) if self._forced_short is None else self._forced_short
        text = self._short if short else self._long
        if text != self.text():
            QPushButton.setText(self, text)
        tip = self._tip or (self._long if text != self._long else "")
        super().setToolTip(tip)


class UpAndDownScrollArea(QScrollArea):
    """Scrolls up and down only: it asks for the width of what it holds, so the window's
    minimum width is honest and a page never scrolls sideways at the minimum size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802 (Qt API)
        super().setWidget(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        # What it holds changed its layout (cards added, a wider text): ask again for room.
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        hint = super().minimumSizeHint()
        body = self.widget()
        if body is None:
            return hint
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        frame = 2 * self.frameWidth()
        return QSize(max(hint.width(), body.minimumSizeHint().width() + bar + frame),
                     hint.height())
