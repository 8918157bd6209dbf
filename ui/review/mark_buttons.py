"""One large, clearly labelled mark button per party, in the party's colour and shape, with a
hotkey that works while the video plays (digit keys outside text fields, Ctrl+digit anywhere),
and Alt+digit: that party pauses the replay.

While the parties mark separately the new marker is not shown anywhere, so the button itself is
the feedback that the mark was taken: it counts ("3 gemarkeerd") and flashes briefly."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QWidget

from vsr.model import Party

from ..fitting import FittingButton
from ..icons import shape_icon
from ..widgets import text_on

FLASH_MS = 700


def _style(color: str, flash: bool) -> str:
    fg = text_on(color)
    # A flash inverts the button (and thickens its border): visible from the couch, no position.
    bg, text = (fg, color) if flash else (color, fg)
    border = f"border: 4px solid {color};" if flash else ""
    # No font size here: the button's font follows the user's text size (set_parties).
    return (f"QPushButton {{ background: {bg}; color: {text};"
            f" font-weight: bold; border-radius: 8px; padding: 6px 12px; {border} }}"
            f"QPushButton:pressed {{ background: {QColor(color).darker(130).name()}; }}"
            f"QPushButton:focus {{ border: 3px solid #202020; }}")


class MarkButtons(QWidget):
    mark_requested = Signal(int)  # party id
    pause_requested = Signal(int)  # party id: this party paused the replay (Alt+digit)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(12)
        self.buttons: dict[int, FittingButton] = {}
        self._shortcuts: list[QShortcut] = []
        self._parties: dict[int, Party] = {}
        self._counts: dict[int, int] | None = None
        self._timers: dict[int, QTimer] = {}
        self.flashes: dict[int, int] = {}  # party id -> how often its button flashed (tests)

    def set_parties(self, parties: list[Party]) -> None:
        for button in self.buttons.values():
            # out of the row at once: deleted later, it would still take room until then
            self._layout.removeWidget(button)
            button.hide()
            button.deleteLater()
        for shortcut in self._shortcuts:
            shortcut.setEnabled(False)
            shortcut.deleteLater()
        self.buttons.clear()
        self._shortcuts.clear()
        window = self.window()
        self._parties = {p.id: p for p in parties}
        for number, party in enumerate(parties, start=1):
            # Only the name when the video column is narrow: colour and shape say the rest.
            button = FittingButton(self.tr("Mark: {name}").format(name=party.name), party.name)
            button.setIcon(shape_icon(party.shape, text_on(party.color), 20))
            button.setIconSize(QSize(20, 20))
            button.setMinimumHeight(52)
            font = button.font()
            font.setPointSizeF(font.pointSizeF() * 1.2)  # was 15 px, whatever the text size
            button.setFont(font)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setToolTip(self.tr("Mark this moment for {name} (key {n}, or Ctrl+{n}). "
                                      "Alt+{n}: pause for {name}.")
                              .format(name=party.name, n=number))
            button.setAccessibleName(self.tr("Mark moment for {name}").format(name=party.name))
            button.setStyleSheet(_style(party.color, False))
            button.clicked.connect(lambda _=False, pid=party.id: self.mark_requested.emit(pid))
            self._layout.addWidget(button, 1)
            self.buttons[party.id] = button
            if number <= 9:
                for seq, signal in ((str(number), self.mark_requested),
                                    (f"Ctrl+{number}", self.mark_requested),
                                    (f"Alt+{number}", self.pause_requested)):
                    shortcut = QShortcut(QKeySequence(seq), window)
                    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                    shortcut.activated.connect(lambda pid=party.id, s=signal: s.emit(pid))
                    self._shortcuts.append(shortcut)
        self._show_texts()

    def set_counts(self, counts: dict[int, int] | None) -> None:
        """How many moments each party marked, shown on its button; None hides the counts
        (when the markers are visible the timeline and list show them)."""
        self._counts = counts
        self._show_texts()

    def _show_texts(self) -> None:
        for party_id, button in self.buttons.items():
            party = self._parties[party_id]
            text = self.tr("Mark: {name}").format(name=party.name)
            short = party.name
            description = ""
            if self._counts is not None:
                count = self.tr("{n} marked").format(n=self._counts.get(party_id, 0))
                text += "\n" + count
                short += "\n" + count
                description = self.tr("{name}: {count}, hidden until you show them "
                                      "together").format(name=party.name, count=count)
            button.set_texts(text, short)
            button.setAccessibleDescription(description)
        self._same_form()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._same_form()

    def _same_form(self) -> None:
        """Both buttons say "Markeer: name" or both only the name: never one of each (the
        buttons share the row equally, so the longest text decides)."""
        if not self.buttons:
            return
        share = (self.width() - self._layout.spacing() * (len(self.buttons) - 1)) \
            // len(self.buttons)
        short = share < max(b.long_width() for b in self.buttons.values())
        for button in self.buttons.values():
            button.force_short(short)

    def flash(self, party_id: int) -> None:
        """A short flash of the party's button: your mark was taken (it shows nothing else)."""
        button, party = self.buttons.get(party_id), self._parties.get(party_id)
        if button is None or party is None:
            return
        self.flashes[party_id] = self.flashes.get(party_id, 0) + 1
        button.setStyleSheet(_style(party.color, True))
        timer = self._timers.get(party_id)
        if timer is None:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda pid=party_id: self._unflash(pid))
            self._timers[party_id] = timer
        timer.start(FLASH_MS)

    def _unflash(self, party_id: int) -> None:
        button, party = self.buttons.get(party_id), self._parties.get(party_id)
        if button is not None and party is not None:
            button.setStyleSheet(_style(party.color, False))

    def flashing(self, party_id: int) -> bool:
        timer = self._timers.get(party_id)
        return timer is not None and timer.isActive()
