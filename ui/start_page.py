"""What the window shows before a review is open: open a recording, or pick a recent review."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vsr.library import Library
from vsr.library import recordings as rc
from vsr.library import reviews as rv

from .icons import icon


@dataclass(frozen=True)
class RecentReview:
    """One line of the start page's list, as read from the library."""

    review_id: int
    title: str
    moments: int
    date: str  # YYYY-MM-DD
    path: str  # the recording's file
    available: bool  # the recording's file is there


def read_recent(lib: Library, count: int = 15) -> list[RecentReview]:
    """The recent reviews the start page lists. Only reads (the library and whether each
    recording's file is there), so a worker can do it (a restore reopens the window with it)."""
    counts = rv.marker_counts(lib)
    rows = []
    for review in rv.recent_reviews(lib, count):
        rec = rc.get_recording(lib, review.recording_id)
        rows.append(RecentReview(review.id, review.title, counts.get(review.id, 0),
                                 review.updated_at[:10], rec.path, rc.recording_available(rec)))
    return rows


class StartPage(QWidget):
    open_requested = Signal()
    demo_requested = Signal()
    review_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 36, 48, 36)
        title = QLabel(self.tr("Look back together"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        title.setFont(font)
        outer.addWidget(title)
        intro = QLabel(self.tr("Open the recording of a conversation. Watch it together, mark the "
                               "moments that matter to you, and talk about them."))
        intro.setWordWrap(True)
        outer.addWidget(intro)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(icon("open"), self.tr("Open recording…"))
        self.demo_button = QPushButton(icon("play"), self.tr("Try the demo"))
        for b in (self.open_button, self.demo_button):
            b.setMinimumHeight(48)
            b.setMinimumWidth(200)
            buttons.addWidget(b)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        hint = QLabel(self.tr("You can also drag a recording into this window."))
        # In the text colour: the palette's "mid" grey it had was 1.7:1 on the window.
        outer.addWidget(hint)
        recent_title = QLabel(self.tr("Recent reviews"))
        font = recent_title.font()
        font.setBold(True)
        recent_title.setFont(font)
        outer.addSpacing(18)
        outer.addWidget(recent_title)
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("Recent reviews"))
        self.recent.itemActivated.connect(
            lambda item: self.review_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole))))
        outer.addWidget(self.recent, 1)

    def refresh(self, lib: Library) -> None:
        self.show_recent(read_recent(lib))

    def show_recent(self, rows: list[RecentReview]) -> None:
        """Fill the list with what `read_recent` read."""
        self.recent.clear()
        for row in rows:
            missing = "" if row.available else "  ⚠ " + self.tr("recording not found")
            text = self.tr("{title} — {n} moments — {date}").format(
                title=row.title, n=row.moments, date=row.date)
            item = QListWidgetItem(text + missing)
            item.setData(Qt.ItemDataRole.UserRole, row.review_id)
            item.setToolTip(row.path)
            self.recent.addItem(item)
        if self.recent.count() == 0:
            empty = QListWidgetItem(self.tr("No reviews yet."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(empty)
