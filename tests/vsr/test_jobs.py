"""vsr.jobs: a job child stops when the program that started it is gone (quit, crashed or
killed), so no work goes on and no file appears that nobody waits for."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PARENT = r'''
import os, pickle, subprocess, sys
from vsr.jobs import Request, child_command
from vsr.jobs.work import SleepWork
child = subprocess.Popen(child_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE)
child.stdin.write(pickle.dumps(Request("sleep", SleepWork(steps=600, step_s=0.05), "nl",
                                       sys.argv[1])))
child.stdin.close()
assert child.stdout.readline().startswith(b"progress")  # it runs
print(child.pid, flush=True)
os._exit(9)  # the program dies without a word
'''


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "zombie" not in status.lower()


def test_a_child_stops_when_its_program_is_gone(tmp_path: Path) -> None:
    result = tmp_path / "result.pickle"
    done = subprocess.run([sys.executable, "-c", PARENT, str(result)], capture_output=True,
                          text=True, cwd=ROOT, timeout=60, check=False)
    pid = int(done.stdout.split()[0])
    deadline = time.monotonic() + 15
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    still_running = _running(pid)
    if still_running:  # not left behind for the next test, whatever the outcome
        os.kill(pid, 9)
    assert not still_running
    assert not result.exists()
