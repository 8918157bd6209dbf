"""Issue 19, done when: what a screen reader (Orca, over AT-SPI) finds in the window. The app runs
under Xvfb with a private D-Bus session and the accessibility bus; a walker with the system's
pyatspi reads the tree before and after the whole Samenleergesprek is done by keyboard only.
About 15 s. Skips where the tools are missing (install: scripts/setup.sh)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SYSTEM_PYTHON = "/usr/bin/python3"


def _missing() -> str:
    for tool in ("xvfb-run", "dbus-run-session", "dbus-send"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if not Path(SYSTEM_PYTHON).exists():
        return "no system Python for pyatspi"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True,
                           check=False)
    return "python3-pyatspi is not installed" if probe.returncode else ""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    reason = _missing()
    if reason:
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("atspi")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS",
                                                             "QT_QPA_PLATFORM")}
    subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "dbus-run-session", "--",
                    sys.executable, str(HERE / "run_atspi.py"), str(folder)],
                   env=env, capture_output=True, timeout=180, check=False)
    path = folder / "report.json"
    assert path.exists(), (folder / "app.log").read_text() if (folder / "app.log").exists() else ""
    result: dict[str, object] = json.loads(path.read_text())
    assert "error" not in result, result["error"]
    return result


def nodes(tree: object) -> list[dict[str, object]]:
    assert isinstance(tree, dict) and "nodes" in tree, tree
    return tree["nodes"]


def children_of(tree: list[dict[str, object]], parent: dict[str, object]) -> list[dict[str, object]]:
    prefix = f"{parent['path']}/"
    return [n for n in tree if str(n["path"]).startswith(prefix)
            and "/" not in str(n["path"])[len(prefix):]]


def format_ms(ms: int) -> str:
    return f"{ms // 60_000}:{ms // 1000 % 60:02d}"


def test_every_marker_is_a_named_child_of_the_timeline(report) -> None:
    tree = nodes(report["before"])
    timeline = [n for n in tree if n["name"] == "Timeline"]
    assert len(timeline) == 1 and timeline[0]["role"] == "panel"
    kids = children_of(tree, timeline[0])
    library = report["library"]
    titles = library["titles"]
    expected = [f"{m['party']}, {format_ms(m['start_ms'])}, {titles[m['subtopic'] or m['theme']]}"
                for m in library["markers"]]
    markers = [k for k in kids if k["role"] == "push button"]
    assert [m["name"] for m in markers] == expected
    assert f"Cliënt, 0:31, {titles['luisteren']}" in expected
    for marker in markers:
        assert "Press" in marker["actions"] and "focusable" in marker["states"]
    lanes = [k["name"] for k in kids if k["role"] == "panel"]  # Qt maps Grouping to panel
    assert lanes == ["Row of Ło: 2 moments", "Row of Cliënt: 2 moments"]
    assert [k["description"] for k in kids if k["role"] == "slider"] == ["0:00 of 2:00"]


def test_asking_every_object_what_orca_asks_keeps_the_program_running(report) -> None:
    """The walk asks each object for its relations and extents, as Orca does on focus: the
    markers' interfaces crashed the program there (and every later question failed)."""
    for moment in ("before", "after"):
        broken = [n for n in nodes(report[moment]) if "error" in n]
        assert not broken, (moment, broken[:3])
    markers = [n for n in nodes(report["before"]) if n.get("role") == "push button"
               and "0:31" in str(n.get("name"))]
    assert markers and all(len(m["extents"]) == 4 and m["extents"][2] > 0 for m in markers)


def test_pressing_a_marker_through_at_spi_goes_to_its_moment(report) -> None:
    pressed = report["before"]["pressed"]
    assert pressed["button"].startswith("Cliënt, 0:31, ")
    assert pressed["playhead"] == "0:31 of 2:00"


def test_every_focusable_control_has_a_name_and_a_role(report) -> None:
    for moment in ("before", "after"):
        shown = [n for n in nodes(report[moment])
                 if "focusable" in n.get("states", []) and "showing" in n.get("states", [])]
        assert len(shown) > 30, moment  # the walk saw the window, not an empty shell
        nameless = [(n["role"], n["path"]) for n in shown if not str(n["name"]).strip()]
        roleless = [(n["name"], n["path"]) for n in shown
                    if n["role"] in ("filler", "unknown", "invalid")]
        assert not nameless, (moment, nameless)
        assert not roleless, (moment, roleless)


def test_a_whole_samenleergesprek_by_keyboard_only(report) -> None:
    driven = report["driven"]
    assert "error" not in driven, driven["error"]
    assert driven["rules_confirmed"] == 2 and driven["moments"] == 1
    assert driven["what_happened"] == "Zij zei ı ł ø"
    assert driven["feelings"] and driven["ratings"] and driven["actions"] == ["Bellen"]
    assert driven["step"] == "step3"
    # What a screen reader sees afterwards: the current step is Stap 3.
    after = nodes(report["after"])
    current = [n for n in after if n["description"] == "current step"]
    assert [n["name"] for n in current] == ["Step 3 · Close"]
    assert report["exit_code"] == 0
