"""One large, clearly labelled mark button per party, in the party's colour and shape, with a
hotkey that works while the video plays (digit keys outside text fields, Ctrl+digit anywhere)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QWidget

from ui.fitting import FittingButton
from ui.icons import shape_icon
from ui.widgets import text_on
from vsr.model import Party


class MarkButtons(QWidget):
    mark_requested = Signal(int)  # party id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(12)
        self.buttons: dict[int, FittingButton] = {}
        self._shortcuts: list[QShortcut] = []

    def set_parties(self, parties: list[Party]) -> None:
        for button in self.buttons.values():
            button.deleteLater()
        for shortcut in self._shortcuts:
            shortcut.setEnabled(False)
            shortcut.deleteLater()
        self.buttons.clear()
        self._shortcuts.clear()
        window = self.window()
        for number, party in enumerate(parties, start=1):
            # Only the name when the video column is narrow: colour and shape say the rest.
            button = FittingButton(self.tr("Mark: {name}").format(name=party.name), party.name)
            button.setIcon(shape_icon(party.shape, text_on(party.color), 20))
            button.setIconSize(QSize(20, 20))
            button.setMinimumHeight(52)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setToolTip(self.tr("Mark this moment for {name} (key {n}, or Ctrl+{n})")
                              .format(name=party.name, n=number))
            button.setAccessibleName(self.tr("Mark moment for {name}").format(name=party.name))
            fg = text_on(party.color)
            button.setStyleSheet(
                f"QPushButton {{ background: {party.color}; color: {fg}; font-size: 15px;"
                f" font-weight: bold; border-radius: 8px; padding: 6px 12px; }}"
                f"QPushButton:pressed {{ background: {QColor(party.color).darker(130).name()}; }}"
                f"QPushButton:focus {{ border: 3px solid #202020; }}")
            button.clicked.connect(lambda _=False, pid=party.id: self.mark_requested.emit(pid))
            self._layout.addWidget(button, 1)
            self.buttons[party.id] = button
            if number <= 9:
                for seq in (str(number), f"Ctrl+{number}"):
                    shortcut = QShortcut(QKeySequence(seq), window)
                    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                    shortcut.activated.connect(lambda pid=party.id: self.mark_requested.emit(pid))
                    self._shortcuts.append(shortcut)
