"""The top of a gespreksblad: when the moment is, who marked it, and its theme card (with the
card's pictogram) — the chosen sub-topic's question is shown as text under the card, because a
tooltip is invisible to someone who does not know to hover."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from vsr import method
from vsr.model import Marker, Party

from ..fitting import StackingBox
from ..icons import pictogram, shape_icon
from ..timefmt import format_ms
from ..widgets import MIN_TARGET

ADD_OWN = "__add_own__"
QUESTION_BESIDE_AT = 560  # px: narrower, the question goes under the card


class SheetHeader(QWidget):
    """`theme_chosen(theme, subtopic)` when the user picks another card; adding an own
    sub-topic asks for its name here and hands the name on as `own_subtopic(theme, name)`."""

    theme_chosen = Signal(str, str)
    own_subtopic = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.marker: Marker | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        column.addLayout(row)
        self.title = QLabel()
        self.title.setObjectName("sheetTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        row.addWidget(self.title)
        self.glyph = QLabel()
        row.addWidget(self.glyph)
        self.who = QLabel()
        self.who.setWordWrap(True)
        row.addWidget(self.who, 1)
        # The card and, beside it when there is room (under it when not), its question.
        card_row = StackingBox(spacing=8, wide_at=QUESTION_BESIDE_AT)
        column.addWidget(card_row)
        theme_row = QHBoxLayout()
        card_row.add(theme_row, 1)
        theme_label = QLabel(self.tr("Theme card"))
        theme_row.addWidget(theme_label)
        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleName(self.tr("Theme card"))
        self.theme_combo.setMinimumHeight(MIN_TARGET)
        self.theme_combo.setIconSize(QSize(28, 28))
        self.theme_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.theme_combo.setMinimumContentsLength(14)
        theme_label.setBuddy(self.theme_combo)
        self.theme_combo.activated.connect(self._chosen)
        theme_row.addWidget(self.theme_combo, 1)
        # Beside the card: the chosen sub-topic's question, or what a theme card is (the word
        # is new to most people). Beside, not under, so the sheet keeps its height.
        self.question = QLabel()
        self.question.setObjectName("subtopicQuestion")
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-style: italic; color: #333333;")
        card_row.add(self.question, 1)
        self.theme_combo.setToolTip(self.explanation())
        self.theme_combo.setAccessibleDescription(self.explanation())

    def explanation(self) -> str:
        return self.tr("A theme card is a subject to talk about. Each card has smaller "
                       "subjects, each with a question. Choosing one is not required.")

    def set_title_visible(self, visible: bool) -> None:
        """Stap 2 names the moment and who marked it above the sheet already: no second time."""
        for widget in (self.title, self.glyph, self.who):
            widget.setVisible(visible)

    def show_marker(self, marker: Marker, parties: list[Party],
                    custom: dict[str, list[str]]) -> None:
        self.marker = marker
        when = format_ms(marker.start_ms) + (
            "" if marker.end_ms is None else " – " + format_ms(marker.end_ms))
        self.title.setText(self.tr("Moment at {time}").format(time=when))
        who = next((p for p in parties if p.id == marker.party_id), None)
        if who is not None:
            self.glyph.setPixmap(shape_icon(who.shape, who.color, 16).pixmap(
                QSize(16, 16), self.glyph.devicePixelRatioF()))  # sharp on high-DPI screens
            self.who.setText(self.tr("marked by {name}").format(name=who.name))
        else:
            self.glyph.clear()
            self.who.clear()
        self._fill(custom)

    def _fill(self, custom: dict[str, list[str]]) -> None:
        assert self.marker is not None
        combo = self.theme_combo
        combo.clear()
        combo.addItem(self.tr("No theme card"), "|")
        question = ""
        bold = QFont(combo.font())
        bold.setBold(True)
        # Cards in bold, their sub-topics under them without leading spaces (those would show
        # as a gap in the closed combo box).
        for card in method.theme_cards(custom=custom):
            combo.addItem(pictogram(card.pictogram), f"{card.number}. {card.title}", f"{card.key}|")
            combo.setItemData(combo.count() - 1, bold, Qt.ItemDataRole.FontRole)
            for sub in card.subtopics:
                combo.addItem(pictogram(card.pictogram), f"{card.number}. {sub.title}",
                              f"{card.key}|{sub.key}")
                if sub.question:
                    combo.setItemData(combo.count() - 1, sub.question,
                                      Qt.ItemDataRole.ToolTipRole)
                if (card.key, sub.key) == (self.marker.theme, self.marker.subtopic):
                    question = sub.question
            combo.addItem(f"{card.number}. + " + self.tr("Add your own sub-topic…"),
                          f"{card.key}|{ADD_OWN}")
        index = combo.findData(f"{self.marker.theme}|{self.marker.subtopic}")
        combo.setCurrentIndex(max(0, index))
        self.question.setText(question or self.explanation())

    def _chosen(self, index: int) -> None:
        if self.marker is None:
            return
        theme, sub = str(self.theme_combo.itemData(index)).split("|", 1)
        if sub == ADD_OWN:
            text, ok = QInputDialog.getText(self, self.tr("Own sub-topic"),
                                            self.tr("Name of the sub-topic:"))
            if ok and text.strip():
                self.own_subtopic.emit(theme, text)
            else:
                self.theme_combo.setCurrentIndex(
                    max(0, self.theme_combo.findData(f"{self.marker.theme}|{self.marker.subtopic}")))
            return
        if (theme, sub) != (self.marker.theme, self.marker.subtopic):
            self.theme_chosen.emit(theme, sub)
