"""What the window shows before a review is open: open a recording, or pick a recent review."""

from __future__ import annotations

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
        hint.setStyleSheet("color: palette(mid);")
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
        self.recent.clear()
        counts = rv.marker_counts(lib)
        for review in rv.recent_reviews(lib, 15):
            rec = rc.get_recording(lib, review.recording_id)
            missing = "" if rc.recording_available(rec) else "  ⚠ " + self.tr("recording not found")
            text = self.tr("{title} — {n} moments — {date}").format(
                title=review.title, n=counts.get(review.id, 0), date=review.updated_at[:10])
            item = QListWidgetItem(text + missing)
            item.setData(Qt.ItemDataRole.UserRole, review.id)
            item.setToolTip(rec.path)
            self.recent.addItem(item)
        if self.recent.count() == 0:
            empty = QListWidgetItem(self.tr("No reviews yet."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(empty)
