"""The opening screen: the ground rules of the Samenleergesprek, which every party confirms with
their own big button (in their colour, with their name). Also the option to mark independently."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QWidget

from vsr import method
from vsr import samenleergesprek as ss
from vsr.model import Party

from ..fitting import StackingBox
from ..widgets import MIN_TARGET, big_button, heading, prompt, text_on
from .context import Page, SessionContext


def _confirm_style(color: str) -> str:
    """Not yet confirmed: white with the party's colour; confirmed: filled with it."""
    return (f"QPushButton {{ background: white; color: {color}; border: 3px solid {color};"
            f" border-radius: 8px; padding: 6px 14px; font-weight: bold; }}"
            f" QPushButton:checked {{ background: {color}; color: {text_on(color)}; }}"
            f" QPushButton:focus {{ border-color: #222222; }}")


class RulesPage(Page):
    def __init__(self, ctx: SessionContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # Compact enough that "Mark separately" shows without scrolling beside the video on a
        # 1366x768 screen.
        layout = self.scrolling_body(top_margin=10)
        layout.setSpacing(6)
        layout.addWidget(heading(self.tr("Our agreements for this conversation"), 1.35))
        layout.addWidget(prompt(self.tr("Read them together. Each of you says yes with your "
                                        "own button.")))
        for rule in method.ground_rules():
            label = QLabel(f"•  {rule}")
            label.setWordWrap(True)
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * 1.15)
            label.setFont(font)
            layout.addWidget(label)
        layout.addSpacing(4)
        # Side by side when there is room, one under the other beside the video.
        self._buttons_row = StackingBox(spacing=16)
        layout.addWidget(self._buttons_row)
        self.confirm_buttons: dict[int, QPushButton] = {}
        layout.addSpacing(4)
        # A check box cannot wrap its text: a short one, and the explanation wraps under it.
        self.blind = QCheckBox(self.tr("Mark separately"))
        self.blind.setMinimumHeight(MIN_TARGET)
        self.blind.setStyleSheet("QCheckBox::indicator { width: 24px; height: 24px; }")
        self.blind.toggled.connect(self._blind_toggled)
        layout.addWidget(self.blind)
        explain = prompt(self.tr("You do not see each other's moments until you choose "
                                 "\"Show the moments\" in step 1."))
        self.blind.setAccessibleDescription(explain.text())
        explain.setContentsMargins(34, 0, 0, 0)
        layout.addWidget(explain)
        layout.addStretch(1)

    def _rebuild_buttons(self, parties: list[Party]) -> None:
        if [p.id for p in parties] == list(self.confirm_buttons) and all(
                self.confirm_buttons[p.id].property("partyName") == p.name for p in parties):
            return
        for button in self.confirm_buttons.values():
            button.deleteLater()
        self.confirm_buttons.clear()
        for party in parties:
            button = big_button("", color=party.color)
            button.setStyleSheet(_confirm_style(party.color))
            button.setCheckable(True)
            button.setMinimumHeight(56)
            button.setProperty("partyName", party.name)
            button.toggled.connect(lambda on, p=party.id: self._confirm(p, on))
            self._buttons_row.add(button, 1)
            self.confirm_buttons[party.id] = button

    def refresh(self) -> None:
        parties = self.ctx.parties()
        self._rebuild_buttons(parties)
        state = ss.get_session(self.ctx.lib, self.ctx.review_id)
        for party in parties:
            button = self.confirm_buttons[party.id]
            confirmed = party.id in state.rules_confirmed
            button.blockSignals(True)
            button.setChecked(confirmed)
            button.blockSignals(False)
            button.setText(self.tr("✓  {name}: I agree").format(name=party.name) if confirmed
                           else self.tr("☐  {name}: I agree").format(name=party.name))
            button.setAccessibleName(self.tr("{name} agrees with the agreements")
                                     .format(name=party.name))
        self.blind.blockSignals(True)
        self.blind.setChecked(state.blind_marking)
        self.blind.blockSignals(False)

    def _confirm(self, party_id: int, on: bool) -> None:
        self.ctx.run(lambda: ss.confirm_rules(self.ctx.lib, self.ctx.review_id, party_id, on,
                                              initiator=self))
        self.refresh()

    def _blind_toggled(self, on: bool) -> None:
        self.ctx.run(lambda: ss.set_blind_marking(self.ctx.lib, self.ctx.review_id, on,
                                                  initiator=self))
