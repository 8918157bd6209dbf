"""Stap 1 – Wat willen we bespreken? Choose one to three moments from the markers (the ones
both marked first), or add a moment at the player's position; give each a theme card."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vsr import method
from vsr import samenleergesprek as ss
from vsr.library import markers as mk
from vsr.library import sheets as sh
from vsr.model import Marker, Party
from vsr.samenleergesprek.blind import Candidate
from vsr.samenleergesprek.model import MAX_MOMENTS, Moment

from ..buddy_label import labelled
from ..fitting import StackingBox
from ..icons import pictogram, shape_icon
from ..timefmt import format_ms
from ..widgets import MIN_TARGET, big_button, heading, prompt
from .context import Page, SessionContext


def time_text(marker: Marker) -> str:
    if marker.end_ms is None or marker.end_ms == marker.start_ms:
        return format_ms(marker.start_ms)
    return f"{format_ms(marker.start_ms)} – {format_ms(marker.end_ms)}"


def theme_combo(marker: Marker) -> QComboBox:
    """The theme cards with their pictograms; the marker's card selected."""
    combo = QComboBox()
    combo.setMinimumHeight(MIN_TARGET)
    combo.setIconSize(QSize(28, 28))
    # Long card titles may be cut in the closed box (the list shows them whole), so the
    # card fits a narrow panel.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)
    combo.addItem(QCoreApplication.translate("MomentsPage", "No theme card"), "")
    for card in method.theme_cards():
        combo.addItem(pictogram(card.pictogram), f"{card.number}. {card.title}", card.key)
    combo.setCurrentIndex(max(0, combo.findData(marker.theme)))
    return combo


class MomentCard(QFrame):
    """One chosen moment in the right-hand column."""

    def __init__(self, page: MomentsPage, moment: Moment, marker: Marker, count: int) -> None:
        super().__init__()
        self.setObjectName("momentCard")
        self.setStyleSheet("QFrame#momentCard { border: 2px solid #1f4e79; border-radius: 8px; }")
        # Number, title and the buttons on one line, the theme card under it: fits ~500 px.
        grid = QGridLayout(self)
        number = QLabel(str(moment.position + 1))
        font = number.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)  # grows with the user's text size
        number.setFont(font)
        side = max(36, number.fontMetrics().height() + 10)  # the circle grows with it
        number.setFixedSize(side, side)
        number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        number.setStyleSheet(f"background: #1f4e79; color: white; border-radius: {side // 2}px;"
                             " font-weight: bold;")
        grid.addWidget(number, 0, 0)
        n = moment.position + 1
        title = self.tr("Moment at {time}").format(time=time_text(marker))
        grid.addWidget(heading(title, 1.1), 0, 1)
        self.theme = theme_combo(marker)
        self.theme.setAccessibleName(self.tr("Theme card of moment {n}").format(n=n))
        self.theme.activated.connect(
            lambda i: page.set_theme(moment.id, str(self.theme.itemData(i))))
        grid.addWidget(labelled(self.theme, self.tr("Theme card:")), 1, 1, 1, 2)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        self.up = big_button("▲")
        self.up.setAccessibleName(self.tr("Move moment {n} up").format(n=moment.position + 1))
        self.up.setToolTip(self.up.accessibleName())
        self.up.setEnabled(moment.position > 0)
        self.up.clicked.connect(lambda: page.move(moment.id, moment.position - 1))
        self.down = big_button("▼")
        self.down.setAccessibleName(self.tr("Move moment {n} down").format(n=moment.position + 1))
        self.down.setToolTip(self.down.accessibleName())
        self.down.setEnabled(moment.position < count - 1)
        self.down.clicked.connect(lambda: page.move(moment.id, moment.position + 1))
        self.remove = big_button(self.tr("Remove"), short="✕")
        self.remove.setAccessibleName(self.tr("Remove moment {n}").format(n=moment.position + 1))
        self.remove.clicked.connect(lambda: page.remove(moment.id))
        for b in (self.up, self.down):
            b.setFixedWidth(MIN_TARGET + 8)  # an arrow needs no text button's 80 px
        for b in (self.up, self.down, self.remove):
            buttons.addWidget(b)
        grid.addLayout(buttons, 0, 2)
        grid.setColumnStretch(1, 1)


class MomentsPage(Page):
    def __init__(self, ctx: SessionContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        step = method.steps()[0]
        layout = self.scrolling_body(top_margin=12)
        layout.addWidget(heading(self.tr("Step 1 – {title}").format(title=step.title), 1.5))
        layout.addWidget(prompt(step.text))
        # The theme cards are named here for the first time: say what they are.
        layout.addWidget(prompt(self.tr("A theme card is a subject to talk about, such as “How "
                                        "do we work together?”. Each card has smaller subjects, "
                                        "each with a question.")))
        # The marked moments and the chosen ones side by side on a wide panel; beside the video
        # on a laptop screen the chosen ones on top (so choosing one shows it), the list under.
        columns = StackingBox(spacing=24, wide_at=820, last_on_top=True)
        layout.addWidget(columns, 1)

        left = QVBoxLayout()
        columns.add(left, 3)
        left.addWidget(heading(self.tr("Moments you marked")))
        self.hidden_note = prompt(self.tr("You marked separately. The moments are still "
                                          "hidden from each other."))
        left.addWidget(self.hidden_note)
        self.reveal_button = big_button(self.tr("Show the moments"), primary=True)
        self.reveal_button.clicked.connect(self._reveal)
        left.addWidget(self.reveal_button)
        self.candidates = QListWidget()
        self.candidates.setIconSize(QSize(32, 32))
        self.candidates.setAccessibleName(self.tr("Moments to choose from"))
        self.candidates.setStyleSheet("QListWidget::item { min-height: 48px; padding: 2px; }")
        self.candidates.setMinimumHeight(4 * 52)
        self.candidates.setWordWrap(True)
        self.candidates.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.candidates.itemActivated.connect(lambda _item: self._choose_selected())
        self.candidates.currentRowChanged.connect(lambda _row: self._update_buttons())
        left.addWidget(self.candidates, 1)
        self.choose_button = big_button(self.tr("Choose this moment  →"), primary=True)
        self.choose_button.clicked.connect(self._choose_selected)
        left.addWidget(self.choose_button)
        self.add_label = QLabel()
        self.add_label.setWordWrap(True)
        left.addWidget(self.add_label)
        self.add_row = StackingBox(spacing=8)
        left.addWidget(self.add_row)
        self.add_buttons: dict[int, QPushButton] = {}
        self._party_names: dict[int, str] = {}
        self._hidden = False

        right = QVBoxLayout()
        columns.add(right, 2)
        self.chosen_title = heading("")
        right.addWidget(self.chosen_title)
        self.cards_box = QVBoxLayout()
        right.addLayout(self.cards_box)
        self.empty_hint = prompt(self.tr("No moment chosen yet. Choose one to three moments."))
        right.addWidget(self.empty_hint)
        right.addStretch(1)
        self.cards: list[MomentCard] = []
        ctx.player.position_changed.connect(self._show_position)

    # -- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        lib, rid = self.ctx.lib, self.ctx.review_id
        parties = {p.id: p for p in self.ctx.parties()}
        state = ss.get_session(lib, rid)
        hidden = ss.markers_hidden(lib, rid)
        self.hidden_note.setVisible(hidden)
        self.reveal_button.setVisible(hidden)
        self._hidden = hidden
        self._fill_candidates(ss.candidate_moments(lib, rid), parties, set(state.marker_ids))
        # While hidden nothing of a marker shows, not even one chosen in an earlier round.
        self._fill_cards(() if hidden else state.moments)
        self._fill_add_buttons(list(parties.values()))
        self._update_buttons()

    def _fill_candidates(self, candidates: list[Candidate], parties: dict[int, Party],
                         chosen: set[int]) -> None:
        current = self.candidates.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.candidates.clear()
        for c in candidates:
            names = [parties[p].name for p in c.party_ids if p in parties]
            who = (self.tr("Both marked ({names})").format(names=", ".join(names)) if c.shared
                   else self.tr("Only {name}").format(name=names[0] if names else "?"))
            card = method.theme_card(c.marker.theme) if c.marker.theme else None
            # What each party wrote while marking: choosing a shared moment keeps all of it.
            words = " / ".join(filter(None, (
                sh.first_words(sh.get_sheet(self.ctx.lib, m.id).what_happened, 50)
                for m in c.markers)))
            text = f"{format_ms(c.start_ms)}" + (
                f" – {format_ms(c.end_ms)}" if c.end_ms != c.start_ms else "")
            text += f"   ·   {who}"
            if card is not None:
                text += f"\n{card.title}"
            if words:
                text += f"\n{words}"
            item = QListWidgetItem(text)
            if card is not None:
                item.setIcon(pictogram(card.pictogram))
            elif c.party_ids and c.party_ids[0] in parties:
                p = parties[c.party_ids[0]]
                item.setIcon(shape_icon(p.shape, p.color, 32))
            item.setData(Qt.ItemDataRole.UserRole, c.marker.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, c)
            if c.marker.id in chosen:
                item.setText(self.tr("✓ chosen") + "   " + text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.candidates.addItem(item)
            if c.marker.id == keep:
                self.candidates.setCurrentItem(item)

    def _fill_cards(self, moments: tuple[Moment, ...]) -> None:
        for card in self.cards:
            card.hide()
            card.deleteLater()
        self.cards = []
        for moment in moments:
            card = MomentCard(self, moment, mk.get_marker(self.ctx.lib, moment.marker_id),
                              len(moments))
            self.cards_box.addWidget(card)
            self.cards.append(card)
        self.chosen_title.setText(self.tr("Chosen: {n} of {max}").format(n=len(moments),
                                                                           max=MAX_MOMENTS))
        self.empty_hint.setVisible(not moments)

    def _fill_add_buttons(self, parties: list[Party]) -> None:
        if list(self.add_buttons) == [p.id for p in parties]:
            self._show_position(self.ctx.player.position() if self.ctx.player.has_media() else 0)
            return
        while self.add_row.box.count():
            item = self.add_row.box.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.add_buttons = {}
        for party in parties:
            button = big_button("+ " + party.name, color=party.color)
            button.clicked.connect(lambda _=False, p=party.id: self._add_here(p))
            self.add_row.add(button, 1)
            self.add_buttons[party.id] = button
        self._party_names = {p.id: p.name for p in parties}
        self._show_position(self.ctx.player.position() if self.ctx.player.has_media() else 0)

    def _show_position(self, ms: int) -> None:
        time = format_ms(ms)
        self.add_label.setText(self.tr("Add a new moment here ({time}), marked by:")
                               .format(time=time))
        for party_id, button in self.add_buttons.items():
            button.setAccessibleName(self.tr("Add a moment at {time} for {name}").format(
                time=time, name=self._party_names.get(party_id, "")))

    def _update_buttons(self) -> None:
        full = len(self.cards) >= MAX_MOMENTS
        item = self.candidates.currentItem()
        self.choose_button.setEnabled(
            not full and item is not None and bool(item.flags() & Qt.ItemFlag.ItemIsEnabled))
        for button in self.add_buttons.values():
            # A moment added now would show while the others stay hidden: show them first.
            button.setEnabled(not full and not self._hidden)

    # -- operations --------------------------------------------------------------------------
    def _choose_selected(self) -> None:
        item = self.candidates.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return
        candidate: Candidate = item.data(Qt.ItemDataRole.UserRole + 1)
        # A moment several parties marked stays all of theirs (vsr.samenleergesprek.moment_sheet).
        self.ctx.run(lambda: ss.choose_candidate(self.ctx.lib, self.ctx.review_id, candidate,
                                                 initiator=self))
        self.refresh()

    def choose_marker(self, marker_id: int) -> None:
        """Select the candidate of `marker_id` and choose it (keyboard users and tests)."""
        for row in range(self.candidates.count()):
            if self.candidates.item(row).data(Qt.ItemDataRole.UserRole) == marker_id:
                self.candidates.setCurrentRow(row)
                self._choose_selected()
                return

    def _add_here(self, party_id: int) -> None:
        at = self.ctx.player.position() if self.ctx.player.has_media() else 0
        self.ctx.run(lambda: ss.add_moment_at(self.ctx.lib, self.ctx.review_id, party_id, at,
                                              initiator=self))
        self.refresh()

    def _reveal(self) -> None:
        self.ctx.run(lambda: ss.reveal_markers(self.ctx.lib, self.ctx.review_id, initiator=self))
        self.refresh()

    def set_theme(self, moment_id: int, theme: str) -> None:
        self.ctx.run(lambda: ss.set_moment_theme(self.ctx.lib, moment_id, theme,
                                                 initiator=self))
        self.refresh()

    def move(self, moment_id: int, position: int) -> None:
        self.ctx.run(lambda: ss.move_moment(self.ctx.lib, moment_id, position, initiator=self))
        self.refresh()

    def remove(self, moment_id: int) -> None:
        self.ctx.run(lambda: ss.remove_moment(self.ctx.lib, moment_id, initiator=self))
        self.refresh()
