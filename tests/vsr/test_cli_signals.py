"""Ctrl+C, SIGTERM and a closed output pipe at any moment of a command: an exit code (130, 143,
141), never a traceback. The child signals itself at chosen points (an audit hook fires when a
module is imported or the library is opened), so every point is hit on every run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

# The child: a signal to itself the first time `point` happens, then the console script's own
# code (`sys.exit(main())` with the program's arguments).
CHILD = """
import os, signal, sys
point, signum = sys.argv[1], int(sys.argv[2])
sys.argv = ["vsr", *sys.argv[3:]]
fired = []

def hook(event, args):
    hit = (event == "import" and args[0] == point) or (event == point and event.startswith("sqlite3"))
    if hit and not fired:
        fired.append(1)
        os.kill(os.getpid(), signum)

sys.addaudithook(hook)
from vsr.cli import main
sys.exit(main())
"""
# Modules imported on the way (the `import` statement's audit event), then the library opened
POINTS = ["vsr.i18n", "argparse", "logging.handlers", "vsr.library.db", "vsr.library.reviews",
          "vsr.app_log", "vsr.library.stable_ids", "sqlite3.connect", "vsr.model"]
SIGNALS = {signal.SIGINT: 130, signal.SIGTERM: 143}


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "VSR_LIBRARY": str(tmp_path / "bieb.sqlite"), "VSR_LANG": "en",
            "XDG_DATA_HOME": str(tmp_path / "data")}


@pytest.mark.parametrize("point", POINTS)
@pytest.mark.parametrize("signum", sorted(SIGNALS))
def test_a_signal_at_any_point_ends_with_its_code_and_no_traceback(
        tmp_path: Path, point: str, signum: int) -> None:
    done = subprocess.run([sys.executable, "-c", CHILD, point, str(signum), "list", "--json"],
                          capture_output=True, text=True, env=_env(tmp_path), timeout=120)
    assert "Traceback" not in done.stderr and "Error" not in done.stderr, done.stderr
    assert done.returncode == SIGNALS[signum], (done.returncode, done.stderr)


def test_output_into_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`vsr list | head -1`: the reader is gone before the first line is written."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run([sys.executable, "-m", "vsr", "list", "--json"], stdout=write_end,
                              stderr=subprocess.PIPE, text=True, env=_env(tmp_path), timeout=120)
    finally:
        os.close(write_end)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
    assert done.returncode == 141


def test_help_into_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run([sys.executable, "-m", "vsr", "--help"], stdout=write_end,
                              stderr=subprocess.PIPE, text=True, env=_env(tmp_path), timeout=120)
    finally:
        os.close(write_end)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
    assert done.returncode in (0, 141)  # argparse itself ignores a failed write of the help


def test_a_pipe_read_to_the_first_line_only(tmp_path: Path) -> None:
    """The shell's own `vsr list --json | head -1`: head's line arrives, vsr says nothing."""
    done = subprocess.run(f"'{sys.executable}' -m vsr list --json | head -1; "
                          "echo \"status ${PIPESTATUS[0]}\" >&2",
                          shell=True, executable="/bin/bash", capture_output=True, text=True,
                          env=_env(tmp_path), timeout=120)
    assert done.stdout.strip() == "{"
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
    assert done.stderr.strip().splitlines()[-1] in ("status 0", "status 141")
