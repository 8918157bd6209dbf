"""Zoeken in alle gesprekken: find moments across every review by their words, theme card,
party and date; open one (the review opens with the moment selected) or add it to a clip
collection. Thin: `vsr.library.search` does the finding and the consent and sharing rules."""

from __future__ import annotations

import html

from PySide6.QtCore import QDate, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vsr.library import collections as co
from vsr.library.collections import clock
from vsr.library.search import (
    DEFAULT_LIMIT,
    MATCH_END,
    MATCH_START,
    SearchHit,
    add_hit_to_collection,
    count_moments,
    search_moments,
)
from vsr.method import theme_card, theme_cards

from .accessibility_keys import ReturnOpens
from .bridge import LibraryBridge
from .date_fields import OpenDateEdit
from .icons import pictogram
from .operations import perform

_HIT = Qt.ItemDataRole.UserRole


class SearchDialog(QDialog):
    """Emits `open_moment(review_id, marker_id)`; adding to a collection happens here."""

    open_moment = Signal(int, int)

    def __init__(self, bridge: LibraryBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.setWindowTitle(self.tr("Search all reviews"))
        self.resize(760, 560)  # fits 1366x768 with room for the window frame
        self.words = QLineEdit()
        self.words.setPlaceholderText(self.tr("Words in what happened, what it did, what we keep"))
        self.words.setClearButtonEnabled(True)
        self.words.setAccessibleName(self.tr("Words to search for"))
        self.theme = QComboBox()
        self.theme.addItem(self.tr("All themes"), "")
        for card in theme_cards():
            self.theme.addItem(pictogram(card.pictogram), f"{card.number}. {card.title}", card.key)
        self.party = QLineEdit()
        self.party.setPlaceholderText(self.tr("Participant (name or role)"))
        self.party.setAccessibleName(self.tr("Participant"))
        self.date_from, self.date_to = self._date_field(), self._date_field()
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setAccessibleName(self.tr("Moments found"))
        self.results.setAlternatingRowColors(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.collection = QComboBox()
        self.open_button = QPushButton(self.tr("Open moment"))
        # Return opens the moment chosen in the list (the search runs while typing).
        self.open_button.setDefault(True)
        self.add_button = QPushButton(self.tr("Add to collection"))
        self._layout()
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.run_search)
        for field in (self.words, self.party):
            field.textChanged.connect(lambda _t: self._timer.start())
        self.theme.currentIndexChanged.connect(lambda _i: self.run_search())
        for date_field in (self.date_from, self.date_to):
            date_field.dateChanged.connect(lambda _d: self.run_search())
        self.results.itemActivated.connect(lambda _i: self.open_selected())
        ReturnOpens(self.results, self.open_selected)  # once, not again by the default button
        self.open_button.clicked.connect(self.open_selected)
        self.add_button.clicked.connect(self.add_selected)
        self.fill_collections()
        self.run_search()

    def _date_field(self) -> QDateEdit:
        field = OpenDateEdit()
        field.setCalendarPopup(True)
        field.setDisplayFormat("yyyy-MM-dd")
        field.setMinimumDate(QDate(2000, 1, 1))
        field.setSpecialValueText(self.tr("any day"))
        field.setDate(field.minimumDate())  # the special value: no limit
        return field

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.theme, 2)
        filters.addWidget(self.party, 2)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(self.tr("Collection:")))
        buttons.addWidget(self.collection, 1)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.words)
        layout.addLayout(filters)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def fill_collections(self) -> None:
        self.collection.clear()
        for collection in co.list_collections(self.bridge.lib):
            self.collection.addItem(f"{collection.name} ({collection.purpose.value})",
                                    collection.id)
        self.add_button.setEnabled(self.collection.count() > 0)

    def _day(self, field: QDateEdit) -> str | None:
        day = field.date()
        return None if day == field.minimumDate() else day.toString("yyyy-MM-dd")

    def run_search(self) -> None:
        filters = {"theme": self.theme.currentData() or None,
                   "party": self.party.text().strip() or None,
                   "date_from": self._day(self.date_from), "date_to": self._day(self.date_to)}
        outcome = perform(lambda: search_moments(self.bridge.lib, self.words.text(), **filters),
                          report=self.status.setText)
        self.results.clear()
        hits = outcome.value or []
        for hit in hits:
            self._add_item(hit)
        if outcome.ok:
            self.status.setText(self._found_text(len(hits), filters))
        if hits:
            self.results.setCurrentRow(0)

    def _found_text(self, shown: int, filters: dict[str, str | None]) -> str:
        """How many were found; over the limit also how many there are (never cut silently)."""
        total = shown
        if shown >= DEFAULT_LIMIT:
            counted = perform(lambda: count_moments(self.bridge.lib, self.words.text(), **filters),
                              report=self.status.setText)
            total = counted.value if counted.value is not None else shown
        if total > shown:
            return (self.tr("Showing %1 of the %2 moments found. Add words or filters to see "
                            "the ones you look for.")
                    .replace("%1", str(shown)).replace("%2", str(total)))
        return self.tr("Moments found: %1").replace("%1", str(shown))

    def _add_item(self, hit: SearchHit) -> None:
        item = QListWidgetItem()
        card = theme_card(hit.theme) if hit.theme else None
        if card is not None:
            item.setIcon(pictogram(card.pictogram))
        item.setData(_HIT, hit)
        label = QLabel(self._text(hit))
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        item.setToolTip(label.text())
        item.setText(" ")
        # Word-wrapped rich text: its height for the list's width, not for one long line.
        width = max(400, self.results.viewport().width() - 40)
        item.setSizeHint(QSize(width, label.heightForWidth(width) + 8))
        self.results.addItem(item)
        self.results.setItemWidget(item, label)

    def _text(self, hit: SearchHit) -> str:
        snippet = html.escape(hit.snippet).replace(MATCH_START, "<b>").replace(MATCH_END, "</b>")
        head = html.escape(f"{hit.review_title} · {clock(hit.start_ms)} · {hit.party_name}"
                           f" · {hit.review_date}")
        return f"<b>{head}</b><br>{snippet}"

    def current_hit(self) -> SearchHit | None:
        item = self.results.currentItem()
        hit = item.data(_HIT) if item is not None else None
        return hit if isinstance(hit, SearchHit) else None

    def open_selected(self) -> None:
        hit = self.current_hit()
        if hit is not None:
            self.open_moment.emit(hit.review_id, hit.marker_id)

    def add_selected(self) -> None:
        hit, collection_id = self.current_hit(), self.collection.currentData()
        if hit is None or collection_id is None:
            return
        outcome = perform(lambda: add_hit_to_collection(self.bridge.lib, int(collection_id),
                                                        hit.marker_id, initiator=self))
        if outcome.ok:
            self.status.setText(self.tr("Added to the collection.") if hit.share_reflections
                                else self.tr("Added to the collection, without the "
                                             "gespreksblad: this review did not agree to share it."))
        else:  # the reason, e.g. no consent for the collection's purpose
            self.status.setText(self.tr("Not added: %1").replace("%1", outcome.message))
