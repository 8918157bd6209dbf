"""Long work in a child process, one mechanism for the window and the command line (issue 21).

CPU work in a thread holds the interpreter lock and stalls the window's events; a child process
does not. The parent starts `python -m vsr.jobs.child`, writes one pickled request on its stdin
(the job's name, its payload, the language and where the result goes) and reads lines on its
stdout:

    progress 0.412              a fraction of the work, at most every 50 ms
    vsr-error {"key": …}        a VsrError: the parent raises the same message
    error TEXT                  anything else, said as `error.job.failed`
    done                        the pickled result is in the result file

Only the jobs named in `JOBS` can run. The child touches no library: the caller gathers what the
job needs and records its outcome on its own thread. A cancelled job is killed; its files were
written into staging (`vsr.staging`) and are removed by the parent, so nothing half-made stays.
The child runs at a lower CPU priority (`run_in_background`): on a busy computer the window's
thread comes first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: job name -> "module:function"; the function takes (payload, progress) and returns the result
JOBS: dict[str, str] = {
    "summary": "vsr.jobs.work:summary",
    "clips": "vsr.jobs.work:clips",
    "sleep": "vsr.jobs.work:sleep",  # for tests: progress steps, then a result or an error
}


@dataclass(frozen=True, slots=True)
class Request:
    job: str
    payload: Any
    language: str
    result_path: str


# The standalone build has no `python -m`: its `vsr` program runs a job when it is started
# with this first argument (packaging/cli_entry.py), as it does for the media probe.
FROZEN_FLAG = "--vsr-job-child"


def child_command() -> list[str]:
    """The command line that starts a job child."""
    import sys
    from pathlib import Path

    if getattr(sys, "frozen", False):  # PyInstaller: vsr beside vsr-gui (or itself)
        exe = Path(sys.executable)
        return [str(exe.with_name("vsr" + exe.suffix)), FROZEN_FLAG]
    return [sys.executable, "-m", "vsr.jobs.child"]


BACKGROUND_NICENESS = 10  # a child yields the CPU to the window the user is looking at


def run_in_background() -> None:
    """Lower this process's CPU priority (called first thing in a child): the work takes the
    cores nobody else wants, so the window's thread is never starved of them."""
    import contextlib
    import os

    with contextlib.suppress(OSError, AttributeError):
        os.nice(BACKGROUND_NICENESS)


def parse_line(line: str) -> tuple[str, str]:
    """('progress'|'vsr-error'|'error'|'done'|'', rest) of one line the child wrote."""
    kind, _, rest = line.strip().partition(" ")
    if kind in ("progress", "vsr-error", "error", "done"):
        return kind, rest
    return "", line
