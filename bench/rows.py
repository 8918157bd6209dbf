"""A benchmark row and the helpers every row module uses: medians of repeated runs, ratios to a
reference measured in the same run, and whether the row meets its target."""

from __future__ import annotations

import json
import os
import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Row = dict[str, Any]


def row(name: str, value: float | None, unit: str, target: float | None,
        reference: float | None = None, *, higher_is_better: bool = False,
        cpu: float | None = None) -> Row:
    """{name, value, unit, reference_value, ratio, target, met}; `met` is value <= target (or >=
    for `higher_is_better`); a row that could not be measured (value None) is not met; a row
    without a target (a figure for information) is neither (`met` None). `cpu`: the same median
    in CPU time of this process (`cpu_value`), which a busy shared machine inflates far less
    than wall time; the target is judged on wall time all the same."""
    ratio = None if value is None or not reference else round(value / reference, 3)
    met: bool | None
    if value is None:
        met = False
    elif target is None:
        met = None
    else:
        met = value >= target if higher_is_better else value <= target
    out = {"name": name, "value": None if value is None else round(value, 3), "unit": unit,
           "reference_value": None if reference is None else round(reference, 3),
           "ratio": ratio, "target": target, "met": met}
    if cpu is not None:
        out["cpu_value"] = round(cpu, 3)
    return out


def median_time(fn: Callable[[], object], repeat: int, *, setup: Callable[[], object] | None = None,
                scale: float = 1000.0) -> float:
    """Median wall time of `repeat` runs of `fn` (setup before each, not timed), in ms."""
    return median_times(fn, repeat, setup=setup, scale=scale)[0]


def median_times(fn: Callable[[], object], repeat: int, *,
                 setup: Callable[[], object] | None = None,
                 scale: float = 1000.0) -> tuple[float, float]:
    """Median wall time and median CPU time of this process, of `repeat` runs, in ms."""
    walls, cpus = [], []
    for _ in range(repeat):
        if setup is not None:
            setup()
        started, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append((time.perf_counter() - started) * scale)
        cpus.append((time.process_time() - cpu) * scale)
    return statistics.median(walls), statistics.median(cpus)


def emit(rows: list[Row]) -> None:
    """How a row module run as a subprocess hands its rows back: one JSON line at the end."""
    print("BENCH-ROWS " + json.dumps(rows), flush=True)


def parse_emitted(stdout: str) -> list[Row]:
    for line in reversed(stdout.splitlines()):
        if line.startswith("BENCH-ROWS "):
            rows: list[Row] = json.loads(line[len("BENCH-ROWS "):])
            return rows
    return []


def load_average() -> float:
    """The 1-minute load average now (the machine's, not this process's)."""
    return round(os.getloadavg()[0], 2)


def with_load(r: Row, load: float | None = None) -> Row:
    """The row with the load it was measured under (now, unless it says already)."""
    r.setdefault("load", load_average() if load is None else load)
    return r


@dataclass(frozen=True)
class Paired:
    """Medians in seconds of runs of ours interleaved with the reference's: wall clock, and
    CPU (this process plus its children: ffmpeg and `vsr` processes), and the median load
    average while they ran. On a shared machine the CPU seconds say what the wall clock cannot."""

    ours: float
    reference: float
    ours_cpu: float
    reference_cpu: float
    load: float
    runs: int

    def row(self, name: str, target: float, reference_note: str) -> Row:
        """A row whose target is on the ratio ours / reference (lower is better)."""
        ratio = self.ours / self.reference
        return {"name": name, "value": round(self.ours, 3), "unit": "s",
                "reference_value": round(self.reference, 3), "ratio": round(ratio, 3),
                "target": f"ratio <= {target}x {reference_note}", "met": ratio <= target,
                "cpu_ratio": round(self.ours_cpu / max(self.reference_cpu, 1e-9), 3),
                "load": self.load, "runs": self.runs}


def _cpu_seconds() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def paired_seconds(ours: Callable[[], object], reference: Callable[[], object],
                   runs: int) -> Paired:
    """`runs` rounds of ours then the reference, each timed (wall and CPU): their medians."""
    mine: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    loads: list[float] = []
    for _ in range(runs):
        for fn, into in ((ours, mine), (reference, theirs)):
            started, cpu = time.perf_counter(), _cpu_seconds()
            fn()
            into.append((time.perf_counter() - started, _cpu_seconds() - cpu))
        loads.append(load_average())
    med = statistics.median
    return Paired(med(m[0] for m in mine), med(t[0] for t in theirs),
                  med(m[1] for m in mine), med(t[1] for t in theirs), med(loads), runs)
