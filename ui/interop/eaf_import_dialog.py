"""Import an ELAN file onto the open recording: a preview of the tiers (with their number of
annotations) and, per tier, where it goes: a participant (an existing one or a new one), the
moment of its parent tier (dependent tiers), or nowhere. The import itself is one core call
through `perform`, so a failure is shown in words and nothing is half imported."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vsr.interop.eaf_import import import_eaf_document, tier_overview
from vsr.interop.eaf_names import EXPORT_PROPERTY
from vsr.interop.eaf_read import EafDocument
from vsr.interop.imported_rows import ImportResult
from vsr.library import reviews as rv
from vsr.library.db import Library

from ..buddy_label import option_group
from ..operations import perform

SKIP = "skip"  # combo data: leave the tier out
NEW = "new"  # combo data: a new participant named after the tier
INTO_PARENT = "parent"  # combo data: the text goes to the moment of the parent tier
PARTY = "party:"  # combo data: PARTY + the name of an existing participant


class EafImportDialog(QDialog):
    def __init__(self, lib: Library, doc: EafDocument, source: str, recording_id: int,
                 review_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lib, self.doc, self.source = lib, doc, source
        self.recording_id, self.review_id = recording_id, review_id
        self.result_value: ImportResult | None = None
        self.setWindowTitle(self.tr("Import ELAN file"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Each tier at the top becomes a participant; each of its annotations "
                               "becomes a moment with its text in A. Text of the tiers below it is "
                               "added to A of that moment."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.new_review = QRadioButton(self.tr("Into a new review of this recording"))
        self.this_review = QRadioButton(self.tr("Into the open review"))
        group = QButtonGroup(self)
        where_box, where = option_group(self.tr("Where the moments go"), vertical=True)
        for button in (self.new_review, self.this_review):
            group.addButton(button)
            where.addWidget(button)
        layout.addWidget(where_box)
        self.new_review.setChecked(True)
        self.this_review.setEnabled(review_id is not None)
        self.table = QTableWidget(0, 3, self)
        self.table.setAccessibleName(self.tr("Tiers in the file"))
        self.table.setHorizontalHeaderLabels([self.tr("Tier"), self.tr("Annotations"), self.tr("Goes to")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.run_import)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.combos: dict[str, QComboBox] = {}
        self._fill()
        self.new_review.toggled.connect(lambda _on: self._fill())
        self.resize(720, 520)

    def _parties(self) -> list[str]:
        if self.this_review.isChecked() and self.review_id is not None:
            return [p.name for p in rv.list_parties(self.lib, self.review_id)]
        return []

    def _fill(self) -> None:
        tiers = tier_overview(self.doc)
        self.table.setRowCount(len(tiers))
        self.combos.clear()
        parties = self._parties()
        ours = EXPORT_PROPERTY in self.doc.properties  # keep parties without moments (their B)
        for row, tier in enumerate(tiers):
            depth = self._depth(tier.id)
            name = QTableWidgetItem("    " * depth + tier.id)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            count = QTableWidgetItem(str(tier.annotations))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            count.setFlags(count.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, count)
            combo = QComboBox()
            if tier.default_party is None:
                combo.addItem(self.tr("Into A of the moment above"), INTO_PARENT)
            else:
                combo.addItem(self.tr("New participant: {name}").format(name=tier.default_party), NEW)
                for party in parties:
                    combo.addItem(self.tr("Participant: {name}").format(name=party), PARTY + party)
                match = next((i for i in range(combo.count()) if str(combo.itemData(i)).casefold()
                              == (PARTY + tier.id).casefold()), 0)
                combo.setCurrentIndex(match)
            combo.addItem(self.tr("Skip"), SKIP)
            if tier.default_party is not None and tier.annotations == 0 and not ours:
                combo.setCurrentIndex(combo.count() - 1)
            combo.currentIndexChanged.connect(self._update_summary)
            self.table.setCellWidget(row, 2, combo)
            self.combos[tier.id] = combo
        self._update_summary()

    def _depth(self, tier_id: str) -> int:
        depth, tier = 0, self.doc.tier(tier_id)
        while tier is not None and tier.parent and depth < 20:
            depth, tier = depth + 1, self.doc.tier(tier.parent)
        return depth

    def choice(self) -> tuple[dict[str, str], set[str]]:
        mapping: dict[str, str] = {}
        skip: set[str] = set()
        for tier_id, combo in self.combos.items():
            data = str(combo.currentData())
            if data == SKIP:
                skip.add(tier_id)
            elif data.startswith(PARTY):
                mapping[tier_id] = data[len(PARTY):]
        return mapping, skip

    def _update_summary(self) -> None:
        _mapping, skip = self.choice()
        count = sum(len(t.annotations) for t in self.doc.tiers if not t.parent and t.id not in skip)
        self.summary.setText(self.tr("Moments to import: {count}").format(count=count))
        self.import_button.setEnabled(count > 0)

    def run_import(self) -> None:
        mapping, skip = self.choice()
        review_id = self.review_id if self.this_review.isChecked() else None
        outcome = perform(lambda: import_eaf_document(
            self.lib, self.doc, self.source, recording_id=self.recording_id, review_id=review_id,
            mapping=mapping, skip=skip, initiator=self), report=self.error.setText)
        if outcome.ok:
            self.result_value = outcome.value
            self.accept()
