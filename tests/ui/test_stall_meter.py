"""The stall meter of the benchmark (bench/stall_rows.py) sees what it claims: a UI thread that
waits shows as a long gap with little CPU, one that works as a long gap full of CPU."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer

from bench.stall_rows import StallMeter, run_loop_until


def _block(seconds: float, busy: bool) -> None:
    """Sleep, or work until the thread has used `seconds` of CPU (however loaded the computer)."""
    if not busy:
        time.sleep(seconds)
        return
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def _settle_earlier_tests() -> None:
    """Work left by earlier tests in this process (windows waiting for deletion, garbage) is
    done first, so the gap measured is the one made here."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
        gc.collect()


def test_a_waiting_and_a_working_stall(qtbot) -> None:
    for busy in (False, True):
        _settle_earlier_tests()
        meter = StallMeter()
        meter.start()
        QTimer.singleShot(30, lambda busy=busy: _block(0.15, busy))
        end = time.monotonic() + 0.4
        run_loop_until(lambda end=end: time.monotonic() > end, 10)
        longest = meter.stop()
        assert longest >= 140, (busy, longest)
        assert meter.ticks >= 2  # it ticked before and after (few under heavy load)
        if busy:  # the longest gap is the thread's own CPU
            assert meter.longest_cpu * 1000 >= 140 and meter.busiest >= meter.longest_cpu
        else:
            assert meter.longest_cpu * 1000 < 60  # it slept: no CPU of its own
