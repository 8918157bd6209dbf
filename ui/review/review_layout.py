"""How the review window shares its room: which arrangement the open tab and step ask for
(`Room`), the video's stored share of the width, and a column whose minimum height counts its
wrapping parts."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget


class Room(Enum):
    """The arrangements of the review window: beside the Moments tab, beside the
    Samenleergesprek, and its Stap 2 (the gespreksblad gets the room)."""

    MOMENTS = "moments"
    SESSION = "session"
    STAP2 = "stap2"


def share_of_width(value: object) -> float:
    """A stored share of the width, kept between 20 % and 80 %."""
    return min(0.8, max(0.2, float(str(value))))


class MinimumColumn(QWidget):
    """A column whose minimum height counts the lines its wrapping parts (the transport bar,
    the clip controls) need at its minimum width: splitters ask only for the minimum, so
    without this the video would be squeezed below its own minimum and cropped."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wrapping: list[object] = []  # the parts that wrap (widgets or layouts)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is None:
            return hint
        margins = layout.contentsMargins()
        width = hint.width() - margins.left() - margins.right()
        height, shown = margins.top() + margins.bottom(), 0
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item is None or item.isEmpty():
                continue
            shown += 1
            wraps = item.hasHeightForWidth() and (item.widget() or item.layout()) in self.wrapping
            height += item.heightForWidth(width) if wraps else item.minimumSize().height()
        height += layout.spacing() * max(0, shown - 1)
        return QSize(hint.width(), max(hint.height(), height))
