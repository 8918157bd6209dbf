"""The transport bar: play/pause, skip, frame step, speed, volume, loop, time. Controls only
send intents to the player; they follow its signals and never feed back into it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSlider, QToolButton, QWidget

from ..actions import ActionId, ActionRegistry
from ..flow_layout import FlowLayout
from ..icons import icon
from ..player.base import MediaPlayer
from ..timefmt import format_ms

SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


class TransportBar(QWidget):
    def __init__(self, player: MediaPlayer, actions: ActionRegistry,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.player = player
        self._actions = actions
        # Three groups (buttons, time, speed and volume) that wrap onto a second line when
        # the video column is narrow, instead of forcing the window wider than the screen.
        flow = FlowLayout(self, spacing=8)
        _buttons, row = self._group(flow)
        for action_id in (ActionId.BACK_5, ActionId.FRAME_BACK, ActionId.PLAY_PAUSE,
                          ActionId.FRAME_FORWARD, ActionId.FORWARD_5, ActionId.LOOP):
            button = QToolButton()
            button.setDefaultAction(actions[action_id])
            button.setMinimumSize(40, 40)
            button.setAutoRaise(True)
            row.addWidget(button)
            if action_id == ActionId.PLAY_PAUSE:
                self.play_button = button
        self.time_label = QLabel("0:00.0 / 0:00")
        self.time_label.setAccessibleName(self.tr("Position"))
        font = self.time_label.font()
        font.setFamily("monospace")
        self.time_label.setFont(font)
        self.time_label.setMinimumWidth(
            self.time_label.fontMetrics().horizontalAdvance("00:00:00.0 / 00:00:00"))
        self.time_label.setMinimumHeight(40)
        flow.addWidget(self.time_label)
        _sound, row = self._group(flow)
        speed_label = QLabel(self.tr("Speed"))
        row.addWidget(speed_label)
        self.speed = QComboBox()
        speed_label.setBuddy(self.speed)  # what the box is for, for a screen reader on Linux
        self.speed.setAccessibleName(self.tr("Speed"))
        for s in SPEEDS:
            self.speed.addItem(f"{s:g}×", s)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.activated.connect(lambda i: player.set_rate(float(self.speed.itemData(i))))
        row.addWidget(self.speed)
        volume_icon = QLabel()
        volume_icon.setPixmap(icon("volume").pixmap(20, 20))
        row.addWidget(volume_icon)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(player.volume() if player.available else 80)
        self.volume.setFixedWidth(90)
        self.volume.setAccessibleName(self.tr("Volume"))
        self.volume.valueChanged.connect(player.set_volume)
        row.addWidget(self.volume)
        player.position_changed.connect(self._show_time)
        player.duration_changed.connect(lambda _ms: self._show_time(player.position()))
        player.state_changed.connect(self._show_state)
        player.rate_changed.connect(self._show_rate)

    @staticmethod
    def _group(flow: FlowLayout) -> tuple[QWidget, QHBoxLayout]:
        group = QWidget()
        row = QHBoxLayout(group)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        group.setMinimumHeight(40)  # as high as the buttons, so wrapped groups line up
        flow.addWidget(group)
        return group, row

    def _show_time(self, ms: int) -> None:
        self.time_label.setText(
            f"{format_ms(ms, tenths=True, length_ms=self.player.duration())} / "
            f"{format_ms(self.player.duration())}")

    def _show_state(self, state: str) -> None:
        playing = state == "playing"
        action = self._actions[ActionId.PLAY_PAUSE]
        action.setIcon(icon("pause" if playing else "play"))
        action.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _show_rate(self, rate: float) -> None:
        best = min(range(len(SPEEDS)), key=lambda i: abs(SPEEDS[i] - rate))
        self.speed.setCurrentIndex(best)

    def step_speed(self, direction: int) -> None:
        index = max(0, min(len(SPEEDS) - 1, self.speed.currentIndex() + direction))
        self.speed.setCurrentIndex(index)
        self.player.set_rate(SPEEDS[index])
