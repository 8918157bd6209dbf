"""The gespreksblad of the selected marker: A (shared), B per party side by side, C (joint),
with the theme card. Prompts come from the method text in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.bridge import LibraryBridge
from ui.icons import pictogram, shape_icon
from ui.review.sheet_fields import SheetTextField
from ui.review.undo_commands import EditSheetFieldCommand, SetThemeCommand
from ui.timefmt import format_ms
from ui.widgets import heading, prompt
from vsr import method
from vsr.library import Change, themes
from vsr.library import markers as mk
from vsr.library import sheets as sh
from vsr.model import Marker, Party

ADD_OWN = "__add_own__"




class SheetEditor(QScrollArea):
    """Shows and saves the gespreksblad of one marker at a time."""

    seek_requested = Signal(int)

    def __init__(self, bridge: LibraryBridge, undo: QUndoStack, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge, self.undo, self.lang = bridge, undo, lang
        self.marker: Marker | None = None
        self.parties: list[Party] = []
        self._fields: dict[tuple[sh.SheetField, int | None], SheetTextField] = {}
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._body = QWidget()
        self._layout = QVBoxLayout(self._body)
        self.setWidget(self._body)
        self.setAccessibleName(self.tr("Reflection sheet"))
        bridge.changed.connect(self._on_change)
        self._show_empty()

    # -- building -------------------------------------------------------------------------
    def _clear(self) -> None:
        for field in self._fields.values():
            field.flush()
        self._fields.clear()
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()  # gone from the screen now, not only when the event loop deletes it
                widget.deleteLater()

    def _show_empty(self) -> None:
        self._clear()
        hint = QLabel(self.tr("Mark a moment or choose one in the list to fill in its "
                              "reflection sheet."))
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet("color: palette(mid); padding: 24px;")
        self._layout.addWidget(hint)
        self._layout.addStretch(1)

    def set_marker(self, marker_id: int | None, parties: list[Party]) -> None:
        if self.marker is not None and self.marker.id == marker_id and parties == self.parties:
            return
        self.parties = parties
        if marker_id is None:
            self.marker = None
            self._show_empty()
            return
        self._clear()
        self.marker = mk.get_marker(self.bridge.lib, marker_id)
        self._build()
        self._load_texts()

    def _build(self) -> None:
        assert self.marker is not None
        prompts = method.sheet_prompts(self.lang)
        self._layout.addWidget(self._header())
        self._layout.addWidget(heading(prompts.a_title))
        self._layout.addWidget(prompt(prompts.a_prompt))
        self._layout.addWidget(self._field(sh.SheetField.WHAT_HAPPENED, None, prompts.a_title))
        self._layout.addWidget(heading(prompts.b_title))
        self._layout.addWidget(prompt(prompts.b_prompt))
        self._layout.addWidget(self._party_columns(prompts.b_to_me, prompts.b_to_other))
        self._layout.addWidget(prompt(prompts.b_difference))
        self._layout.addWidget(heading(prompts.c_title))
        self._layout.addWidget(prompt(prompts.c_prompt))
        self._layout.addWidget(self._field(sh.SheetField.KEEP_OR_CHANGE, None, prompts.c_title))
        self._layout.addStretch(1)

    def _header(self) -> QWidget:
        assert self.marker is not None
        m = self.marker
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        column.addLayout(row)
        who = next((p for p in self.parties if p.id == m.party_id), None)
        when = format_ms(m.start_ms) + ("" if m.end_ms is None else " – " + format_ms(m.end_ms))
        title = QLabel(self.tr("Moment at {time}").format(time=when))
        title.setObjectName("sheetTitle")
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        title.setFont(font)
        row.addWidget(title)
        if who is not None:
            glyph = QLabel()
            glyph.setPixmap(shape_icon(who.shape, who.color, 16).pixmap(16, 16))
            row.addWidget(glyph)
            row.addWidget(QLabel(self.tr("marked by {name}").format(name=who.name)))
        row.addStretch(1)
        theme_row = QHBoxLayout()
        column.addLayout(theme_row)
        theme_label = QLabel(self.tr("Theme card"))
        theme_row.addWidget(theme_label)
        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleName(self.tr("Theme card"))
        self.theme_combo.setMinimumHeight(36)
        self.theme_combo.setIconSize(QSize(24, 24))
        self.theme_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.theme_combo.setMinimumContentsLength(16)
        theme_label.setBuddy(self.theme_combo)
        self._fill_themes()
        self.theme_combo.activated.connect(self._theme_chosen)
        theme_row.addWidget(self.theme_combo, 1)
        return box

    def _fill_themes(self) -> None:
        assert self.marker is not None
        combo = self.theme_combo
        combo.clear()
        combo.addItem(self.tr("No theme card"), "|")
        custom = themes.custom_subtopics(self.bridge.lib)
        for card in method.theme_cards(self.lang, custom):
            combo.addItem(pictogram(card.pictogram), f"{card.number}. {card.title}", f"{card.key}|")
            for sub in card.subtopics:
                combo.addItem(pictogram(card.pictogram), f"      {sub.title}", f"{card.key}|{sub.key}")
                if sub.question:
                    combo.setItemData(combo.count() - 1, sub.question, Qt.ItemDataRole.ToolTipRole)
            combo.addItem("      + " + self.tr("Add your own sub-topic…"), f"{card.key}|{ADD_OWN}")
        index = combo.findData(f"{self.marker.theme}|{self.marker.subtopic}")
        combo.setCurrentIndex(max(0, index))

    def _theme_chosen(self, index: int) -> None:
        if self.marker is None:
            return
        theme, sub = str(self.theme_combo.itemData(index)).split("|", 1)
        if sub == ADD_OWN:
            text, ok = QInputDialog.getText(self, self.tr("Own sub-topic"),
                                            self.tr("Name of the sub-topic:"))
            if not ok or not text.strip():
                self._fill_themes()
                return
            sub = themes.add_custom_subtopic(self.bridge.lib, theme, text)
        if (theme, sub) != (self.marker.theme, self.marker.subtopic):
            self.undo.push(SetThemeCommand(self.bridge.lib, self.marker.id, theme, sub))

    def _party_columns(self, to_me: str, to_other: str) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        for col, party in enumerate(self.parties):
            frame = QFrame()
            frame.setObjectName("partyColumn")
            frame.setStyleSheet(
                f"QFrame#partyColumn {{ border: 2px solid {party.color}; border-radius: 6px; }}")
            inner = QVBoxLayout(frame)
            name = QLabel(party.name)
            name.setStyleSheet(f"font-weight: bold; color: {party.color};")
            inner.addWidget(name)
            inner.addWidget(QLabel(to_me))
            inner.addWidget(self._field(sh.SheetField.TO_ME, party.id, f"{party.name}: {to_me}"))
            inner.addWidget(QLabel(to_other))
            inner.addWidget(self._field(sh.SheetField.TO_OTHER, party.id,
                                        f"{party.name}: {to_other}"))
            grid.addWidget(frame, col // 2, col % 2)
        return box

    def _field(self, field: sh.SheetField, party_id: int | None, label: str) -> SheetTextField:
        widget = SheetTextField(self.tr("Type here…"))
        widget.setAccessibleName(label)
        widget.setObjectName(f"field_{field.value}_{party_id or 0}")
        widget.edited.connect(lambda old, new, f=field, p=party_id: self._save(f, p, old, new))
        self._fields[(field, party_id)] = widget
        return widget

    # -- data -----------------------------------------------------------------------------
    def _load_texts(self) -> None:
        if self.marker is None:
            return
        sheet = sh.get_sheet(self.bridge.lib, self.marker.id)
        for (field, party_id), widget in self._fields.items():
            if field.per_party and party_id is not None:
                widget.load(getattr(sheet.reflection(party_id), field.value))
            else:
                widget.load(getattr(sheet, field.value))

    def _save(self, field: sh.SheetField, party_id: int | None, old: str, new: str) -> None:
        if self.marker is None:
            return
        self.undo.push(EditSheetFieldCommand(self.bridge.lib, self.marker.id, field, old, new,
                                             party_id, initiator=self))

    def field(self, field: sh.SheetField, party_id: int | None = None) -> SheetTextField:
        return self._fields[(field, party_id)]

    def flush(self) -> None:
        for widget in self._fields.values():
            widget.flush()

    def _on_change(self, change: Change) -> None:
        if self.marker is None or change.initiator is self:
            return
        if change.ids and self.marker.id not in change.ids:
            return
        if change.entity == "sheet":
            self._load_texts()
        elif change.entity == "marker" and change.action == "updated":
            self.marker = mk.get_marker(self.bridge.lib, self.marker.id)
            self._fill_themes()
        elif change.entity == "marker" and change.action == "removed":
            self.marker = None
            self._show_empty()
        elif change.entity == "theme":
            self._fill_themes()
