"""J/K/L shuttle as in video editors and ELAN, on top of the player's intents.

- L plays forward at normal speed; L again while playing goes faster: 1.5×, then 2× (the
  player's highest rate).
- K pauses (and stops rewinding).
- J rewinds. libVLC cannot play backwards, so rewinding is emulated the way a DVD player's
  rewind looks: the player pauses and jumps back REWIND_TICK_MS × speed every REWIND_TICK_MS,
  showing a still each time. J again rewinds faster (2×, then 4×). It stops at the start, on K,
  on L, or as soon as something else starts playback (Space, a mark list click).
- Hold K and press J or L: one frame back or forward (as in editors).
- Home / End: the start, and the last frame, of the recording.

The keys are ordinary window shortcuts (ui/actions.py), so text fields keep their letters: a
focused text field takes plain letter keys and Home/End before any shortcut sees them (Qt's
ShortcutOverride). Whether K is being held: from K's shortcut (the Shortcut event of its action,
so choosing Pause in the menu is not a held K) until K's release, which an application event
filter watches for only while K is down. A filter on every event of
the application, always, was a Python call for each of the thousands of events of laying out a
review page (and of every repaint while playing).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent

from ..player.base import MAX_RATE, MediaPlayer

FORWARD_RATES = (1.0, 1.5, 2.0)
REWIND_SPEEDS = (1, 2, 4)
# Each still shows for a quarter second: long enough for VLC to draw it (paused seeks are spaced
# by 150 ms in VlcPlayer), short enough to look like movement.
REWIND_TICK_MS = 250


class Shuttle(QObject):
    def __init__(self, player: MediaPlayer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.player = player
        self._rewind_index = -1  # index into REWIND_SPEEDS while rewinding
        self._k_down = False
        self._timer = QTimer(self)
        self._timer.setInterval(REWIND_TICK_MS)
        self._timer.timeout.connect(self._rewind_tick)
        player.state_changed.connect(self._state_changed)
        self._watching = False  # the application event filter is on (while K is down)
        self._k_action: QObject | None = None

    def watch_k(self, action: QObject) -> None:
        """`action` is K's (Pause): its shortcut coming means K is down."""
        self._k_action = action
        action.installEventFilter(self)

    # -- the keys ---------------------------------------------------------------------------
    def forward(self) -> None:
        """L: play; faster when already playing; with K held, one frame forward."""
        if self._k_down:
            self.player.step_frame(True)
            return
        self.stop_rewind()
        if self.player.is_playing():
            faster = [r for r in FORWARD_RATES if r > self.player.rate() + 1e-6]
            self.player.set_rate(faster[0] if faster else MAX_RATE)
        else:
            self.player.set_rate(1.0)
            self.player.play()

    def stop(self) -> None:
        """K: pause, wherever the player was going."""
        self.stop_rewind()
        if self.player.is_playing():
            self.player.pause()

    def backward(self) -> None:
        """J: rewind (emulated); faster on each press; with K held, one frame back."""
        if self._k_down:
            self.player.step_frame(False)
            return
        if not self.player.has_media():
            return
        if self.player.is_playing():
            self.player.pause()
        self._rewind_index = min(self._rewind_index + 1, len(REWIND_SPEEDS) - 1)
        self._rewind_tick()
        if self._rewind_index >= 0:  # the first tick may already have reached the start
            self._timer.start()

    def go_to_start(self) -> None:
        self.stop_rewind()
        self.player.seek(0)

    def go_to_end(self) -> None:
        """The last frame: seeking to the very end would end playback and show no picture."""
        self.stop_rewind()
        self.player.seek(max(0, self.player.duration() - self.player.frame_duration_ms()))

    # -- state ------------------------------------------------------------------------------
    def rewind_speed(self) -> int:
        """How many times normal speed it rewinds; 0 when not rewinding."""
        return REWIND_SPEEDS[self._rewind_index] if self._rewind_index >= 0 else 0

    def k_held(self) -> bool:
        return self._k_down

    def stop_rewind(self) -> None:
        self._timer.stop()
        self._rewind_index = -1

    def _rewind_tick(self) -> None:
        player = self.player
        if player.is_playing() or not player.has_media() or player.position() <= 0:
            self.stop_rewind()
            return
        player.seek(max(0, player.position() - REWIND_TICK_MS * self.rewind_speed()))

    def _state_changed(self, state: str) -> None:
        if state != "paused" and self._rewind_index >= 0:
            self.stop_rewind()  # playback started, ended or failed: the rewind is over

    def _k_pressed(self) -> None:
        """K's shortcut came (a plain K outside a text field): held until it is released."""
        self._k_down = True
        app = QCoreApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)  # K's release, wherever the focus is
            self._watching = True

    def _k_released(self) -> None:
        self._k_down = False
        app = QCoreApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
        self._watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if watched is self._k_action:
            if kind == QEvent.Type.Shortcut:
                self._k_pressed()  # before the action's trigger (stop) runs
            return False
        if kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_K and not event.isAutoRepeat():
                if kind == QEvent.Type.KeyRelease:
                    self._k_released()
        elif kind == QEvent.Type.ApplicationDeactivate:
            self._k_released()  # the release may go to another program
        return False

