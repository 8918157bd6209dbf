"""The standalone build end to end: build it with PyInstaller, then run the smoke test on the
built folder (CLI, demo, the window's self-test under Xvfb, the PDF, libVLC from the bundle).

Takes minutes (the build alone about 2-4 on two cores), so it runs only with VSR_STANDALONE=1:
    VSR_STANDALONE=1 python -m pytest tests/packaging -m slow
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("VSR_STANDALONE") != "1",
                       reason="builds the standalone bundle (minutes): set VSR_STANDALONE=1"),
]


def test_build_and_smoke(tmp_path: Path) -> None:
    build = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_standalone.py")],
                           cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    assert "Size:" in build.stdout
    report = tmp_path / "smoke.json"
    smoke = subprocess.run([sys.executable, str(ROOT / "scripts" / "smoke_standalone.py"),
                            "--json", str(report)], cwd=ROOT, capture_output=True, text=True,
                           timeout=900)
    assert smoke.returncode == 0, smoke.stdout[-5000:] + smoke.stderr[-2000:]
    import json

    data = json.loads(report.read_text("utf-8"))
    assert data["ok"] and data["self_test"]["ok"]
    names = [c["check"] for c in data["checks"]]
    assert {"vsr --version", "vsr demo --no-gui", "GUI self-test", "PDF text"} <= set(names)
