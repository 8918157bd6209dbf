"""Zoeken in alle gesprekken: find moments across every review by their words, theme card,
party and date; open one (the review opens with the moment selected) or add it to a clip
collection. Spoken words too (issue 22): a hit in a recording's transcript is a time and the
words said there, and opens the review at that time. Thin: `vsr.library.search` and
`vsr.transcript.spoken_search` do the finding and the consent and sharing rules."""

from __future__ import annotations

import html

from PySide6.QtCore import QDate, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vsr.dates import DATE_FIELD_FORMAT, clock, long_date_of
from vsr.library import collections as co
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
from vsr.transcript.parties import voice_labels
from vsr.transcript.spoken_search import SpokenHit, search_spoken

from .accessibility_keys import ReturnOpens
from .bridge import LibraryBridge
from .buddy_label import labelled
from .date_fields import OpenDateEdit, pydate
from .flow_layout import FlowLayout
from .icons import pictogram
from .operations import perform
from .status_line import StatusLine

_HIT = Qt.ItemDataRole.UserRole


class SearchDialog(QDialog):
    """Emits `open_moment(review_id, marker_id)` and, for a spoken hit,
    `open_spoken(recording_id, time_ms)`; adding to a collection happens here."""

    open_moment = Signal(int, int)
    open_spoken = Signal(int, int)

    def __init__(self, bridge: LibraryBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self._voices: dict[int, dict[int, str]] = {}  # recording id -> what to call its voices
        self.setWindowTitle(self.tr("Search all reviews"))
        self.resize(760, 560)  # fits 1366x768 with room for the window frame
        self.words = QLineEdit()
        self.words.setPlaceholderText(self.tr("Words in what happened, what it did, what we "
                                              "keep, or what was said"))
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
        self.status = StatusLine()
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
        self.results.currentItemChanged.connect(lambda *_a: self._hit_changed())
        ReturnOpens(self.results, self.open_selected)  # once, not again by the default button
        self.open_button.clicked.connect(self.open_selected)
        self.add_button.clicked.connect(self.add_selected)
        self.fill_collections()
        self.run_search()

    def _date_field(self) -> QDateEdit:
        field = OpenDateEdit()
        field.setCalendarPopup(True)
        field.setDisplayFormat(DATE_FIELD_FORMAT)
        field.setMinimumDate(QDate(2000, 1, 1))
        field.setSpecialValueText(self.tr("any day"))
        field.setDate(field.minimumDate())  # the special value: no limit
        return field

    def _layout(self) -> None:
        # Rows that wrap: at 200 % on 1366x768 (683 points) a fixed row of filters made the
        # dialog wider than the screen (the participant field shrank to "D…", the end date and
        # "Add to collection" were cut off behind a sideways scroll bar).
        filters_box, buttons_box = QWidget(), QWidget()
        filters, buttons = FlowLayout(filters_box), FlowLayout(buttons_box)
        filters.addWidget(labelled(self.theme, self.tr("Theme:")))
        self.party.setMinimumWidth(self.party.fontMetrics().horizontalAdvance("x" * 18))
        filters.addWidget(self.party)
        # Labels that are their buddies: a screen reader names a date box by its label (it
        # said only "any day").
        filters.addWidget(labelled(self.date_from, self.tr("From")))
        filters.addWidget(labelled(self.date_to, self.tr("to")))
        buttons.addWidget(self.open_button)
        buttons.addWidget(labelled(self.collection, self.tr("Collection:")))
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.words)
        layout.addWidget(filters_box)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons_box)

    def fill_collections(self) -> None:
        self.collection.clear()
        for collection in co.list_collections(self.bridge.lib):
            self.collection.addItem(f"{collection.name} ({collection.purpose.value})",
                                    collection.id)
        self.add_button.setEnabled(self.collection.count() > 0)

    def _day(self, field: QDateEdit) -> str | None:
        day = field.date()
        return None if day == field.minimumDate() else pydate(day).isoformat()  # the query's

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
        spoken = self._spoken_hits(filters) if outcome.ok else []
        for spoken_hit in spoken:
            self._add_item(spoken_hit)
        if outcome.ok:
            found = self._found_text(len(hits), filters)
            if spoken:
                found += "  " + self.tr("Said in a recording: %1").replace("%1", str(len(spoken)))
            self.status.setText(found)
        if self.results.count():
            self.results.setCurrentRow(0)
        self._hit_changed()

    def _spoken_hits(self, filters: dict[str, str | None]) -> list[SpokenHit]:
        """What was said (transcripts). Only for words and without a filter: a theme card,
        a participant or a date belongs to a moment, not to a spoken sentence (as `vsr
        search`)."""
        if not self.words.text().strip() or any(filters.values()):
            return []
        outcome = perform(lambda: search_spoken(self.bridge.lib, self.words.text()),
                          report=self.status.setText)
        hits = outcome.value or []
        self._voices = {}
        for hit in hits:
            if hit.recording_id not in self._voices:
                got = perform(lambda rec=hit.recording_id: voice_labels(self.bridge.lib, rec))
                self._voices[hit.recording_id] = got.value or {}
        return hits

    def _hit_changed(self) -> None:
        """A spoken hit is a time, not a moment: it cannot go into a collection."""
        hit = self.current_hit()
        self.add_button.setEnabled(self.collection.count() > 0 and isinstance(hit, SearchHit))

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

    def _add_item(self, hit: SearchHit | SpokenHit) -> None:
        item = QListWidgetItem()
        card = theme_card(hit.theme) if isinstance(hit, SearchHit) and hit.theme else None
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

    def _text(self, hit: SearchHit | SpokenHit) -> str:
        snippet = html.escape(hit.snippet).replace(MATCH_START, "<b>").replace(MATCH_END, "</b>")
        if isinstance(hit, SpokenHit):
            who = self._voices.get(hit.recording_id, {}).get(hit.speaker or 0, "")
            parts = [self.tr("Said"), hit.recording_title, clock(hit.start_ms)]
            if hit.speaker is not None and who:
                parts.append(who)
            return f"<b>{html.escape(' · '.join(parts))}</b><br>“{snippet}”"
        head = html.escape(f"{hit.review_title} · {clock(hit.start_ms)} · {hit.party_name}"
                           f" · {long_date_of(hit.review_date)}")
        return f"<b>{head}</b><br>{snippet}"

    def current_hit(self) -> SearchHit | SpokenHit | None:
        item = self.results.currentItem()
        hit = item.data(_HIT) if item is not None else None
        return hit if isinstance(hit, SearchHit | SpokenHit) else None

    def open_selected(self) -> None:
        hit = self.current_hit()
        if isinstance(hit, SpokenHit):
            self.open_spoken.emit(hit.recording_id, hit.start_ms)
        elif hit is not None:
            self.open_moment.emit(hit.review_id, hit.marker_id)

    def add_selected(self) -> None:
        hit, collection_id = self.current_hit(), self.collection.currentData()
        if not isinstance(hit, SearchHit) or collection_id is None:
            return
        outcome = perform(lambda: add_hit_to_collection(self.bridge.lib, int(collection_id),
                                                        hit.marker_id, initiator=self))
        if outcome.ok:
            self.status.setText(self.tr("Added to the collection.") if hit.share_reflections
                                else self.tr("Added to the collection, without the "
                                             "gespreksblad: this review did not agree to share it."))
        else:  # the reason, e.g. no consent for the collection's purpose
            self.status.setText(self.tr("Not added: %1").replace("%1", outcome.message))
