"""The list of marked moments beside the timeline: time, who, theme, first words of A.

The model keeps its rows: a placed, moved, deleted or described moment inserts, moves, removes
or repaints ONE row (a reset would make the view forget and re-measure every row, which costs
most with the most moments). Column widths follow the visible rows only, for the same reason."""

from __future__ import annotations

import bisect
from operator import attrgetter

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vsr import method
from vsr.dates import span
from vsr.model import Marker, Party

from ..accessibility_announce import announce
from ..buddy_label import labelled
from ..icons import pictogram, shape_icon

Index = QModelIndex | QPersistentModelIndex
_SORT_KEY = attrgetter("start_ms", "id")  # the rows' order: by time, then as marked
LOADING_SAID_AFTER_MS = 1_000  # reading the moments longer than this is told to a screen reader


class MarkerTableModel(QAbstractTableModel):
    COLUMNS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.markers: list[Marker] = []
        self._ids: list[int] = []  # of `markers`, row by row: finding a row is one C call
        self.parties: dict[int, Party] = {}
        self.first_words: dict[int, str] = {}
        self.length_ms = 0  # the recording's: its times show hours when it is an hour or longer

    def set_rows(self, markers: list[Marker], parties: list[Party],
                 first_words: dict[int, str]) -> None:
        self.beginResetModel()
        self.markers = markers
        self._ids = [m.id for m in markers]
        self.parties = {p.id: p for p in parties}
        self.first_words = first_words
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.markers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Time"), self.tr("Who"), self.tr("Theme"), self.tr("What happened"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        m = self.markers[index.row()]
        party = self.parties.get(m.party_id)
        col = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return m.id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return span(m.start_ms, m.end_ms, self.length_ms)  # as on the timeline
            if col == 1:
                return party.name if party else ""
            if col == 2:
                card = method.theme_card(m.theme) if m.theme else None
                if card is None:
                    return ""
                sub = method.subtopic_title(m.theme, m.subtopic) if m.subtopic else ""
                return f"{card.number}. {sub}" if sub else f"{card.number}. {card.title}"
            return self.first_words.get(m.id, "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # A screen reader names a cell by its text; an empty one says so instead of nothing.
            shown = self.data(index, Qt.ItemDataRole.DisplayRole)
            return shown or (self.tr("no theme yet") if col == 2 else self.tr("nothing written yet"))
        if role == Qt.ItemDataRole.DecorationRole:
            if col == 1 and party:
                return shape_icon(party.shape, party.color)
            if col == 2 and m.theme:
                card = method.theme_card(m.theme)
                return pictogram(card.pictogram) if card else None
        if role == Qt.ItemDataRole.ToolTipRole and col == 2 and m.theme:
            card = method.theme_card(m.theme)
            return card.title if card else None
        return None

    def row_of(self, marker_id: int) -> int:
        try:
            return self._ids.index(marker_id)
        except ValueError:
            return -1

    def put_marker(self, marker: Marker) -> None:
        """Insert a marker at its place in time order, or update its row (moving it if its
        time changed)."""
        row = self.row_of(marker.id)
        if row >= 0 and self._sort_key(self.markers[row]) == self._sort_key(marker):
            self.markers[row] = marker
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMNS - 1))
            return
        if row >= 0:
            self.remove_marker(marker.id)
        at = bisect.bisect_left(self.markers, self._sort_key(marker), key=_SORT_KEY)
        self.beginInsertRows(QModelIndex(), at, at)
        self.markers.insert(at, marker)
        self._ids.insert(at, marker.id)
        self.endInsertRows()

    def remove_marker(self, marker_id: int) -> None:
        row = self.row_of(marker_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.markers[row]
        del self._ids[row]
        self.endRemoveRows()

    def set_words(self, marker_id: int, words: str) -> None:
        """New first words of A for one moment: only its last column is repainted."""
        if self.first_words.get(marker_id) == words:
            return
        self.first_words[marker_id] = words
        row = self.row_of(marker_id)
        if row >= 0:
            last = self.index(row, self.COLUMNS - 1)
            self.dataChanged.emit(last, last)

    @staticmethod
    def _sort_key(m: Marker) -> tuple[int, int]:
        return m.start_ms, m.id


class MarkerListPanel(QWidget):
    """The table plus a filter by party. Emits marker_activated when a row is chosen."""

    marker_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = MarkerTableModel(self)
        self._all: list[Marker] = []
        self._parties: list[Party] = []
        self._words: dict[int, str] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        title = QLabel(self.tr("Marked moments"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        top.addWidget(title)
        top.addStretch(1)
        self.filter = QComboBox()
        self.filter.setAccessibleName(self.tr("Show moments of"))
        self.filter.currentIndexChanged.connect(self._refilter)
        top.addWidget(labelled(self.filter, self.tr("Show:")))
        layout.addLayout(top)
        self.hidden_notice = QLabel(self.tr("You are marking separately: the moments stay hidden "
                                            "until you show them together (Samenleergesprek, "
                                            "step 1)."))
        self.hidden_notice.setWordWrap(True)
        self.hidden_notice.setStyleSheet("background: #fff4ce; padding: 6px; border-radius: 4px;")
        self.hidden_notice.hide()
        layout.addWidget(self.hidden_notice)
        # While a long list is read in the background (ui.review.marker_loader): a calm line,
        # said to a screen reader only when it lasts.
        self.loading_note = QLabel(self.tr("Reading the marked moments…"))
        self.loading_note.setWordWrap(True)
        self.loading_note.setContentsMargins(6, 6, 6, 6)
        self.loading_note.hide()
        layout.addWidget(self.loading_note)
        self._loading_said = False
        self._loading_timer = QTimer(self)
        self._loading_timer.setSingleShot(True)
        self._loading_timer.setInterval(LOADING_SAID_AFTER_MS)
        self._loading_timer.timeout.connect(self._say_loading)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(0)  # measure the visible rows only, not every row
        header.setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Marked moments"))
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(lambda idx: self._row_changed(idx, QModelIndex()))
        layout.addWidget(self.table)

    def set_data(self, markers: list[Marker], parties: list[Party],
                 first_words: dict[int, str], *, length_ms: int = 0) -> None:
        selected = self.selected_marker()
        column = self.table.currentIndex().column()  # the rows are made again: lost then
        self.model.length_ms = length_ms
        self._all, self._words = markers, first_words
        if parties != self._parties:
            self._parties = parties
            current = self.filter.currentData()
            self.filter.blockSignals(True)
            self.filter.clear()
            self.filter.addItem(self.tr("Everyone"), None)
            for p in parties:
                self.filter.addItem(shape_icon(p.shape, p.color), p.name, p.id)
            self.filter.setCurrentIndex(max(0, self.filter.findData(current)))
            self.filter.blockSignals(False)
        self._refilter()
        if selected is not None:
            self.select_marker(selected, emit=False, column=column)

    def put_marker(self, marker: Marker, words: str) -> None:
        """One placed or changed moment (the others stay as they are)."""
        self._words[marker.id] = words
        self._all = [m for m in self._all if m.id != marker.id]
        at = bisect.bisect_left(self._all, (marker.start_ms, marker.id), key=_SORT_KEY)
        self._all.insert(at, marker)
        party_id = self.filter.currentData()
        if party_id is None or marker.party_id == party_id:
            self.model.put_marker(marker)
        else:
            self.model.remove_marker(marker.id)

    def remove_marker(self, marker_id: int) -> None:
        self._all = [m for m in self._all if m.id != marker_id]
        self._words.pop(marker_id, None)
        self.model.remove_marker(marker_id)

    def set_words(self, marker_id: int, words: str) -> None:
        self.model.set_words(marker_id, words)  # first: it repaints only if the words differ
        self._words[marker_id] = words

    def set_hidden_notice(self, hidden: bool) -> None:
        self.hidden_notice.setVisible(hidden)

    def set_loading(self, on: bool) -> None:
        """The moments are being read (on) or are here (off). A screen reader hears it only
        when it lasts LOADING_SAID_AFTER_MS, and then hears when they are here."""
        if on == self.loading():
            return
        self.loading_note.setVisible(on)
        if on:
            self._loading_said = False
            self._loading_timer.start()
            return
        self._loading_timer.stop()
        if self._loading_said:
            self._loading_said = False
            announce(self.tr("The marked moments are shown."), self)

    def loading(self) -> bool:
        return not self.loading_note.isHidden()

    def _say_loading(self) -> None:
        if self.loading():
            self._loading_said = True
            announce(self.loading_note.text(), self)

    def _refilter(self) -> None:
        party_id = self.filter.currentData()
        shown = [m for m in self._all if party_id is None or m.party_id == party_id]
        self.model.set_rows(shown, self._parties, self._words)

    def _row_changed(self, current: Index, _previous: Index) -> None:
        if current.isValid():
            self.marker_activated.emit(int(self.model.markers[current.row()].id))

    def selected_marker(self) -> int | None:
        idx = self.table.currentIndex()
        return self.model.markers[idx.row()].id if idx.isValid() else None

    def select_marker(self, marker_id: int | None, *, emit: bool = False,
                      column: int | None = None) -> None:
        """Select the row of `marker_id` (none: no row), on `column` or the column the
        keyboard is in; `emit`: tell the review, as choosing it by hand does."""
        row = -1 if marker_id is None else self.model.row_of(marker_id)
        self.table.blockSignals(not emit)
        self.table.selectionModel().blockSignals(not emit)
        if row < 0:
            self.table.clearSelection()
        else:
            # On the column the keyboard is in: a list refreshed by a change elsewhere (the
            # Samenleergesprek starting, a save) put the cursor back on the first column while
            # someone was reading the row with the arrows (selectRow takes the first column).
            column = self.table.currentIndex().column() if column is None else column
            index = self.model.index(row, max(0, column))
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)
        self.table.selectionModel().blockSignals(False)
        self.table.blockSignals(False)
