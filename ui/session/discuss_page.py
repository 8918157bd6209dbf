"""Stap 2 – Per moment: the clip of the moment loops in the player (the range around the marker
is adjustable), and the gespreksblad is filled in together: A, then B for each party side by
side, then C."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.fitting import StackingBox
from ui.flow_layout import FlowLayout
from ui.icons import pictogram
from ui.review.sheet_fields import SheetTextField
from ui.session.context import Page, SessionContext
from ui.session.moments_page import time_text
from ui.session.reflection_column import ReflectionColumn
from ui.timefmt import format_ms
from ui.widgets import MIN_TARGET, big_button, heading, load_quietly, prompt, text_field
from vsr import method
from vsr import session as ss
from vsr.library import markers as mk
from vsr.library import sheets as sh
from vsr.library.sheets import SheetField
from vsr.model import Marker
from vsr.session.model import MAX_LEAD_LAG_MS, Moment

MIN_LOOP_MS = 1_000


class DiscussPage(Page):
    moment_selected = Signal(int)  # index of the moment the user picked in the tabs

    def __init__(self, ctx: SessionContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.moment: Moment | None = None
        self.marker: Marker | None = None
        self.columns: dict[int, ReflectionColumn] = {}
        self.a_field: SheetTextField | None = None
        self.c_field: SheetTextField | None = None
        step = method.steps(ctx.lang)[1]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 0)
        # Heading and moment tabs on one line when they fit; the clip's controls wrap. The page
        # fits beside the video on a 1366x768 screen.
        top = StackingBox(spacing=12)
        top.add(heading(self.tr("Step 2 – {title}").format(title=step.title), 1.5), 1)
        tabs = QWidget()
        self.tabs = QHBoxLayout(tabs)
        self.tabs.setContentsMargins(0, 0, 0, 0)
        self.tabs.setSpacing(6)
        top.add(tabs)
        layout.addWidget(top)
        layout.addWidget(prompt(step.text))
        layout.addWidget(self._clip_bar())
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        layout.addWidget(self.scroll, 1)
        self.tab_buttons: list[QPushButton] = []

    def _clip_bar(self) -> QWidget:
        bar = QWidget()
        flow = FlowLayout(bar, spacing=8)
        # The moment's theme card (its number and time are on the chosen tab above).
        title = self._card_title = QWidget()
        row = QHBoxLayout(title)
        row.setContentsMargins(0, 0, 0, 0)
        self.theme_icon = QLabel()
        self.theme_icon.setFixedSize(40, 40)
        row.addWidget(self.theme_icon)
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.title.setMinimumHeight(MIN_TARGET)
        row.addWidget(self.title)
        flow.addWidget(title)
        self.play_button = big_button(self.tr("▶  Play the clip"), primary=True)
        self.play_button.clicked.connect(self.play_clip)
        flow.addWidget(self.play_button)
        self.lead = QSpinBox()
        self.lag = QSpinBox()
        for spin, text in ((self.lead, self.tr("Start earlier")),
                           (self.lag, self.tr("Stop later"))):
            spin.setRange(0, MAX_LEAD_LAG_MS // 1000)
            spin.setSuffix(" s")
            spin.setMinimumHeight(MIN_TARGET)
            spin.setMinimumWidth(80)
            spin.setAccessibleName(text)
            pair = QWidget()
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(QLabel(text))
            row.addWidget(spin)
            flow.addWidget(pair)
            spin.valueChanged.connect(lambda _v: self._margins_changed())
        self.range_label = QLabel()
        flow.addWidget(self.range_label)
        return bar

    # -- which moment ------------------------------------------------------------------------
    def show_moment(self, index: int, *, autoplay: bool = False, seek: bool = True) -> None:
        """Show the moment at `index` of the chosen ones and loop its clip (from its start
        when `seek`; a reload after someone else's edit leaves the player where it is)."""
        self.flush()
        state = ss.get_session(self.ctx.lib, self.ctx.review_id)
        self._fill_tabs(state.moments, index)
        if not state.moments:
            self.moment = self.marker = None
            return
        index = max(0, min(index, len(state.moments) - 1))
        self.moment = state.moments[index]
        self.marker = mk.get_marker(self.ctx.lib, self.moment.marker_id)
        self._show_header()
        self._build_sheet()
        self.refresh()
        self.apply_loop(seek=seek)
        if autoplay and self.ctx.player.has_media():
            self.ctx.player.play()

    def _fill_tabs(self, moments: tuple[Moment, ...], current: int) -> None:
        for button in self.tab_buttons:
            button.hide()
            button.deleteLater()
        self.tab_buttons = []
        for i, moment in enumerate(moments):
            marker = mk.get_marker(self.ctx.lib, moment.marker_id)
            time = format_ms(marker.start_ms)
            button = big_button(self.tr("Moment {n} · {time}").format(n=i + 1, time=time),
                                short=f"{i + 1} · {time}")
            button.setToolTip(self.tr("Moment {n}: {time}").format(n=i + 1,
                                                                   time=time_text(marker)))
            button.setCheckable(True)
            button.setChecked(i == current)
            # Bold by font, not by style sheet: a :checked font-weight would make the text
            # wider than the size the button asked for, and cut it.
            font = button.font()
            font.setBold(True)
            button.setFont(font)
            button.setStyleSheet("QPushButton:checked { background: #1f4e79; color: white;"
                                 " border-radius: 6px; padding: 6px 12px; }")
            button.clicked.connect(lambda _=False, n=i: self.moment_selected.emit(n))
            self.tabs.addWidget(button)
            self.tab_buttons.append(button)

    def _show_header(self) -> None:
        assert self.marker is not None and self.moment is not None
        card = method.theme_card(self.marker.theme, self.ctx.lang) if self.marker.theme else None
        if card is not None:
            self.theme_icon.setPixmap(pictogram(card.pictogram).pixmap(QSize(40, 40)))
        else:
            self.theme_icon.clear()
        self._card_title.setVisible(card is not None)
        self.title.setText(card.title if card is not None else "")
        for spin, value in ((self.lead, self.moment.lead_ms), (self.lag, self.moment.lag_ms)):
            spin.blockSignals(True)
            spin.setValue(value // 1000)
            spin.blockSignals(False)

    def _build_sheet(self) -> None:
        assert self.marker is not None
        prompts = method.sheet_prompts(self.ctx.lang)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 8, 8, 16)
        layout.addWidget(heading(prompts.a_title, 1.15))
        layout.addWidget(prompt(prompts.a_prompt))
        self.a_field = text_field(self.tr("Type here…"), prompts.a_title)
        self.a_field.edited.connect(lambda _o, new: self._save(SheetField.WHAT_HAPPENED, new))
        layout.addWidget(self.a_field)
        layout.addWidget(heading(prompts.b_title, 1.15))
        layout.addWidget(prompt(prompts.b_prompt))
        grid = QGridLayout()
        grid.setSpacing(12)
        self.columns = {}
        for i, party in enumerate(self.ctx.parties()):
            column = ReflectionColumn(
                party, self.ctx.lang,
                save_text=lambda name, text, p=party.id: self._save(SheetField(name), text, p),
                save_feelings=lambda keys, p=party.id: self._save_feelings(p, keys))
            grid.addWidget(column, i // 2, i % 2)
            self.columns[party.id] = column
        layout.addLayout(grid)
        layout.addWidget(prompt(prompts.b_difference))
        layout.addWidget(heading(prompts.c_title, 1.15))
        layout.addWidget(prompt(prompts.c_prompt))
        self.c_field = text_field(self.tr("Type here…"), prompts.c_title)
        self.c_field.edited.connect(lambda _o, new: self._save(SheetField.KEEP_OR_CHANGE, new))
        layout.addWidget(self.c_field)
        layout.addStretch(1)
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll.setWidget(body)

    # -- data ------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.marker is None or self.a_field is None or self.c_field is None:
            return
        sheet = sh.get_sheet(self.ctx.lib, self.marker.id)
        load_quietly(self.a_field, sheet.what_happened)
        load_quietly(self.c_field, sheet.keep_or_change)
        for party_id, column in self.columns.items():
            column.load(sheet.reflection(party_id))

    def flush(self) -> None:
        for field in (self.a_field, self.c_field):
            if field is not None:
                field.flush()
        for column in self.columns.values():
            column.flush()

    def leave(self) -> None:
        """The clip belongs to Stap 2: leaving it stops the loop and the replay."""
        self.flush()
        self.ctx.player.clear_loop()
        if self.ctx.player.is_playing():
            self.ctx.player.pause()

    def _save(self, field: SheetField, text: str, party_id: int | None = None) -> None:
        if self.marker is not None:
            marker_id = self.marker.id
            self.ctx.run(lambda: sh.set_field(self.ctx.lib, marker_id, field, text, party_id,
                                              initiator=self))

    def _save_feelings(self, party_id: int, feelings: tuple[str, ...]) -> None:
        if self.marker is not None:
            marker_id = self.marker.id
            self.ctx.run(lambda: sh.set_feelings(self.ctx.lib, marker_id, party_id, feelings,
                                                 initiator=self))

    # -- the clip ----------------------------------------------------------------------------
    def loop_range(self) -> tuple[int, int] | None:
        if self.moment is None or self.marker is None:
            return None
        player = self.ctx.player
        start, end = ss.loop_range(self.moment, self.marker, player.duration() or None)
        if end - start < MIN_LOOP_MS:  # a point marker without margins: still a short clip
            end = start + MIN_LOOP_MS
        return start, end

    def apply_loop(self, *, seek: bool = False) -> None:
        span = self.loop_range()
        if span is None:
            return
        self.range_label.setText(self.tr("Clip {start} – {end}, repeats")
                                 .format(start=format_ms(span[0]), end=format_ms(span[1])))
        player = self.ctx.player
        if not player.has_media():
            return
        try:
            player.set_loop(*span)
        except ValueError:
            return  # the recording is shorter than the moment: nothing to loop
        if seek:
            player.seek(span[0])

    def play_clip(self) -> None:
        self.apply_loop(seek=True)
        if self.ctx.player.has_media():
            self.ctx.player.play()

    def _margins_changed(self) -> None:
        if self.moment is None:
            return
        moment_id = self.moment.id
        lead, lag = self.lead.value() * 1000, self.lag.value() * 1000
        updated = self.ctx.run(lambda: ss.set_loop_margins(self.ctx.lib, moment_id, lead, lag,
                                                           initiator=self))
        if updated is not None:
            self.moment = updated
            self.apply_loop()
