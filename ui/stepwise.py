"""Work on the UI thread done in steps: a generator whose every `yield` gives the event loop a
turn (input, painting, timers) before the next step runs. For building many widgets at once
(the window again after a restore), which in one go would freeze the window. `turn()` gives one
turn in the middle of a call that must finish in one go (opening a file's review)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal

# Between steps: a timer, not a zero-time call, so that what a step asked for (a layout, a
# paint: posted events) is done in a turn of its own before the next step, not in the same.
TURN_MS = 1


def turn() -> None:
    """One turn of the event loop (timers, posted events, painting) between two parts of work
    that must run in one call on the UI thread; the user's input waits for the next turn, so
    nothing acts on what is half done."""
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


class Stepwise(QObject):
    """Runs `steps` one step per event-loop turn once `start` is called. `finished` after the
    last step; `failed(exception)` when a step raised (no later step runs). `done` counts
    the event-loop turns the steps have taken so far."""

    finished = Signal()
    failed = Signal(object)

    def __init__(self, steps: Iterator[object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps = steps
        self.done = 0
        self.running = False

    def start(self) -> None:
        self.running = True
        QTimer.singleShot(TURN_MS, self, self._next)

    def step(self) -> bool:
        """Run the next step now; False once there is none left (then `finished` or `failed`
        has been sent)."""
        self.done += 1
        try:
            next(self._steps)
        except StopIteration:
            self.running = False
            self.finished.emit()
            return False
        except BaseException as exc:  # noqa: BLE001 - handed to whoever started the steps
            self.running = False
            self.failed.emit(exc)
            return False
        return True

    def _next(self) -> None:
        if self.step():
            QTimer.singleShot(TURN_MS, self, self._next)


class _Buildable(Protocol):
    @property
    def built(self) -> bool: ...


W = TypeVar("W", bound=_Buildable)


class Building(Generic[W]):
    """A widget being built a part per step (its `build_steps()`, made with build=False),
    which can be finished at once when it is needed before its steps are done."""

    def __init__(self, widget: W, steps: Iterator[None]) -> None:
        self.widget = widget
        self._steps = steps

    def finish(self) -> W:
        """The rest of it, now."""
        for _part in self._steps:
            pass
        return self.widget

    def step(self) -> bool:
        """Its next part, now; True once it is built."""
        next(self._steps, None)
        return self.widget.built

    def in_turns(self, current: Callable[[], Building[W] | None]) -> Iterator[None]:
        """Its parts, one after each `yield` (each a turn of the event loop under `Stepwise`),
        for as long as it is the one being built (`current()`): it ends early when it was
        finished at once or dropped meanwhile; the caller asks `current()` again after."""
        while True:
            yield
            if current() is not self or self.step():
                return
