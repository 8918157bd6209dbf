"""Run inside `xvfb-run dbus-run-session` (test_atspi.py does): start the accessibility bus, the
app under test, read its tree with the AT-SPI walker, let it drive the Samenleergesprek by
keyboard, read the tree again, and write report.json in FOLDER. Usage: run_atspi.py FOLDER"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SYSTEM_PYTHON = "/usr/bin/python3"
APP_NAME = "vsr-a11y-test"


def wait_for(path: Path, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if path.exists():
            return True
        time.sleep(0.1)
    return False


def walk(*press: str) -> dict[str, object]:
    done = subprocess.run([SYSTEM_PYTHON, str(HERE / "atspi_walker.py"), APP_NAME, *press],
                          capture_output=True, text=True, timeout=90, check=False)
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError:
        return {"error": f"walker said: {done.stdout[-2000:]} {done.stderr[-2000:]}"}


def main(folder: Path) -> int:
    # Qt looks for the accessibility bus when it starts: start it first (D-Bus activation).
    subprocess.run(["dbus-send", "--session", "--dest=org.a11y.Bus", "--print-reply",
                    "/org/a11y/bus", "org.a11y.Bus.GetAddress"],
                   capture_output=True, timeout=30, check=False)
    env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_QPA_PLATFORM="xcb",
               QT_ACCESSIBILITY="1")
    log = (folder / "app.log").open("w")
    app = subprocess.Popen([sys.executable, str(HERE / "app_under_test.py"), str(folder)],
                           env=env, stdout=log, stderr=subprocess.STDOUT)
    report: dict[str, object] = {}
    try:
        if not wait_for(folder / "ready.json", 60):
            report["error"] = "the app did not start"
            return 1
        report["library"] = json.loads((folder / "ready.json").read_text())
        report["before"] = walk("Cliënt, 0:31")
        (folder / "drive").touch()
        if wait_for(folder / "driven.json", 60):
            report["driven"] = json.loads((folder / "driven.json").read_text())
        report["after"] = walk()
        (folder / "quit").touch()
        report["exit_code"] = app.wait(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
        log.close()
        (folder / "report.json").write_text(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
