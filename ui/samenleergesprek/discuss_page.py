"""Stap 2 – Per moment: the clip of the moment loops in the player (the range around the marker
is adjustable), and the gespreksblad is filled in together in the same editor as the Moments
tab (ui.review.sheet_editor): A, then B for each party side by side, then C, all undoable."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vsr import method
from vsr import samenleergesprek as ss
from vsr.library import markers as mk
from vsr.model import Marker
from vsr.samenleergesprek import pauses as ps
from vsr.samenleergesprek.model import MAX_LEAD_LAG_MS, Moment

from ..flow_layout import FlowLayout
from ..review.sheet_editor import SheetEditor
from ..timefmt import format_ms
from ..widgets import MIN_TARGET, big_button, prompt
from .context import Page, SessionContext
from .moments_page import time_text

MIN_LOOP_MS = 1_000


class DiscussPage(Page):
    moment_selected = Signal(int)  # index of the moment the user picked in the tabs

    def __init__(self, ctx: SessionContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.moment: Moment | None = None
        self.marker: Marker | None = None
        step = method.steps()[1]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 0)
        # The moment tabs: the panel shows them in its bottom bar, between Back and Next.
        self.tab_row = QWidget()
        self.tabs = QHBoxLayout(self.tab_row)
        self.tabs.setContentsMargins(0, 0, 0, 0)
        self.tabs.setSpacing(6)
        # The clip and who marked it: the review window shows this under the video, so the
        # gespreksblad has the whole height beside it (see ReviewView.give_stap2_room).
        self.clip_box = QWidget()
        clip = QVBoxLayout(self.clip_box)
        clip.setContentsMargins(0, 0, 0, 0)
        guide = prompt(step.text)
        guide.setAccessibleName(self.tr("Step 2 – {title}").format(title=step.title))
        clip.addWidget(guide)
        clip.addWidget(self._clip_bar())
        self.marked_by = QLabel()
        self.marked_by.setWordWrap(True)
        clip.addWidget(self.marked_by)
        layout.addWidget(self.clip_box)
        # The same gespreksblad editor as the Moments tab: undoable on the window's stack.
        self.sheet = SheetEditor(ctx.bridge, ctx.undo)
        self.sheet.show_moment_title = False  # the tab and `marked_by` above say it already
        self.sheet.theme_changed.connect(self._theme_shown)
        layout.addWidget(self.sheet, 1)
        self.tab_buttons: list[QPushButton] = []

    def _clip_bar(self) -> QWidget:
        bar = QWidget()
        flow = FlowLayout(bar, spacing=8)
        # (The theme card shows in the gespreksblad beside it, with its pictogram.)
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
            self.sheet.set_marker(None, [])
            return
        index = max(0, min(index, len(state.moments) - 1))
        self.moment = state.moments[index]
        self.marker = mk.get_marker(self.ctx.lib, self.moment.marker_id)
        self.sheet.set_marker(self.marker.id, self.ctx.parties())
        self._show_header()
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
                                short=str(i + 1))
            button.setToolTip(self.tr("Moment {n}: {time}").format(n=i + 1,
                                                                   time=time_text(marker)))
            button.setAccessibleDescription(self.tr("Moment {n} of {count}").format(
                n=i + 1, count=len(moments)))
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

    def _theme_shown(self) -> None:
        if self.moment is not None and self.sheet.marker is not None:
            self.marker = self.sheet.marker
            self._show_header()

    def _show_header(self) -> None:
        assert self.marker is not None and self.moment is not None
        self.show_pauses()  # who marked it, and who paused the replay at it
        for spin, value in ((self.lead, self.moment.lead_ms), (self.lag, self.moment.lag_ms)):
            spin.blockSignals(True)
            spin.setValue(value // 1000)
            spin.blockSignals(False)

    def show_pauses(self) -> None:
        """Who marked the moment, and who paused the replay at it ("hier pauzeerde ...")."""
        if self.marker is None or self.moment is None:
            return
        text = self._marked_by_text()
        near = ps.pauses_near(ps.list_pauses(self.ctx.lib, self.ctx.review_id),
                              self.marker.start_ms, self.marker.end_ms)
        names = {p.id: p.name for p in self.ctx.parties()}
        for party_id in dict.fromkeys(p.party_id for p in near):  # each party once, in order
            at = ", ".join(format_ms(p.position_ms) for p in near if p.party_id == party_id)
            text += "  ·  " + self.tr("❚❚ {name} paused here ({times})").format(
                name=names.get(party_id, "?"), times=at)
        self.marked_by.setText(text)

    def _marked_by_text(self) -> str:
        """Who marked this moment: a moment several parties marked is all of theirs."""
        assert self.moment is not None
        marked = set(ss.moment_party_ids(self.ctx.lib, self.moment))
        names = [p.name for p in self.ctx.parties() if p.id in marked]
        if len(names) == 2:
            return self.tr("Marked by both of you ({first} and {second})").format(
                first=names[0], second=names[1])
        if len(names) > 2:
            return self.tr("Marked by all of you ({names})").format(names=", ".join(names))
        return self.tr("Marked by {name}").format(name=names[0] if names else "?")

    # -- data ------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.sheet.reload()

    def flush(self) -> None:
        self.sheet.flush()

    def leave(self) -> None:
        """The clip belongs to Stap 2: leaving it stops the loop and the replay."""
        self.flush()
        self.ctx.player.clear_loop()
        if self.ctx.player.is_playing():
            self.ctx.player.pause()

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
