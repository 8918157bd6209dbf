"""Background tasks: results arrive on the main thread, and a task stays alive until its run has
returned even when nobody holds it any more (a dialog closed while its preview runs)."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject, Slot
from vsr.ui import workers


def test_a_task_nobody_holds_finishes_and_is_let_go(qtbot) -> None:
    gate = threading.Event()
    before = workers.running()
    workers.start(workers.Task(lambda _p, _c: gate.wait(10)))
    gc.collect()  # the caller kept no reference: the task must not be collected mid-run
    assert workers.running() == before + 1
    gate.set()
    qtbot.waitUntil(lambda: workers.running() == before, timeout=10_000)


def test_done_and_finished_arrive_on_the_main_thread(qtbot) -> None:
    main = threading.get_ident()
    seen: list[tuple[int, int]] = []
    class Receiver(QObject):
        @Slot(object)
        def take(self, value: object) -> None:
            seen.append((int(value), threading.get_ident()))  # type: ignore[call-overload]

    receiver = Receiver()
    task = workers.Task(lambda _p, _c: (threading.get_ident() != main) and 7)
    task.signals.done.connect(receiver.take)
    with qtbot.waitSignal(task.signals.finished, timeout=10_000):
        workers.start(task)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen == [(7, main)]  # computed on a worker, delivered on the main thread


def test_a_cancelled_task_reports_nothing_but_still_finishes(qtbot) -> None:
    seen: list[object] = []
    gate = threading.Event()
    task = workers.Task(lambda _p, cancelled: gate.wait(10) and cancelled())
    task.signals.done.connect(seen.append)
    task.signals.failed.connect(seen.append)
    workers.start(task)
    task.cancel()
    with qtbot.waitSignal(task.signals.finished, timeout=10_000):
        gate.set()
    assert seen == []
