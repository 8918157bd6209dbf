"""The benchmark's start-up row measures the window becoming interactive, not a crash: with
PySide6 6.10 `QApplication.exec` is static, and the probe's wrapper passed it the instance
(TypeError on every start, so the row timed the way to the crash dialog)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from bench.player_rows import process_times

ROOT = Path(__file__).resolve().parents[2]


def test_the_start_up_probe_sees_the_window_interactive(tmp_path: Path) -> None:
    env = {"QT_QPA_PLATFORM": "xcb", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "VSR_LIBRARY": str(tmp_path / "startup.sqlite"),
           "VSR_RECORDINGS": str(tmp_path / "recordings"),
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    wall, cpu = process_times([sys.executable, "-m", "bench.startup_probe"], "INTERACTIVE",
                              env)
    assert wall > 0 and cpu > 0


def test_a_process_that_ends_without_its_line_is_no_measurement() -> None:
    with pytest.raises(RuntimeError, match="without INTERACTIVE"):
        process_times([sys.executable, "-c", "raise SystemExit(1)"], "INTERACTIVE")
    with pytest.raises(RuntimeError, match="without success"):
        process_times([sys.executable, "-c", "raise SystemExit(1)"])
