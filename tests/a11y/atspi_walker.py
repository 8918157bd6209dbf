"""Read the accessibility tree of one application over AT-SPI, as Orca sees it, and print it
as JSON. Runs with the system Python (/usr/bin/python3), which has pyatspi from Debian
(python3-pyatspi); the app runs with the project's venv.

Usage: atspi_walker.py APP_NAME [PRESS_PREFIX]. With a prefix, the first push button whose name
starts with it is pressed through its AT-SPI action, as a screen reader user would, and what the
timeline's playhead then says is reported ("pressed")."""

from __future__ import annotations

import json
import sys
import time

import pyatspi

MAX_NODES = 5000


def states(node) -> list[str]:  # type: ignore[no-untyped-def]
    names = []
    state_set = node.getState()
    for state in (pyatspi.STATE_FOCUSABLE, pyatspi.STATE_FOCUSED, pyatspi.STATE_SHOWING,
                  pyatspi.STATE_VISIBLE, pyatspi.STATE_SELECTED, pyatspi.STATE_ENABLED):
        if state_set.contains(state):
            names.append(pyatspi.stateToString(state))
    return names


def actions(node) -> list[str]:  # type: ignore[no-untyped-def]
    try:
        action = node.queryAction()
    except NotImplementedError:
        return []
    return [action.getName(i) for i in range(action.nActions)]


def labelled_by(node) -> list[str]:  # type: ignore[no-untyped-def]
    names = []
    for relation in node.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            names += [relation.getTarget(i).name or "" for i in range(relation.getNTargets())]
    return names


def extents(node) -> list[int]:  # type: ignore[no-untyped-def]
    try:
        box = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except NotImplementedError:
        return []
    return [box.x, box.y, box.width, box.height]


def walk(node, path: str, out: list[dict[str, object]]) -> None:  # type: ignore[no-untyped-def]
    if len(out) >= MAX_NODES:
        return
    try:
        entry: dict[str, object] = {
            "path": path, "role": node.getRoleName(), "name": node.name or "",
            "description": node.description or "", "states": states(node),
            "children": node.childCount, "actions": actions(node),
            # What Orca asks of each object that gets the focus (a marker's interface crashed
            # the program on these): who labels it, and where it is in its window.
            "labelled_by": labelled_by(node), "extents": extents(node),
        }
    except Exception as exc:  # noqa: BLE001 - a node that went away: say so, go on
        out.append({"path": path, "error": repr(exc)})
        return
    out.append(entry)
    for index in range(node.childCount):
        child = node.getChildAtIndex(index)
        if child is not None:
            walk(child, f"{path}/{index}", out)


def find_app(name: str, wait_s: float = 20.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            if app is not None and app.name == name and app.childCount > 0:
                return app
        time.sleep(0.3)
    return None


def main() -> int:
    app = find_app(sys.argv[1])
    if app is None:
        print(json.dumps({"error": f"application {sys.argv[1]!r} not on the AT-SPI bus"}))
        return 1
    nodes: list[dict[str, object]] = []
    walk(app, "0", nodes)
    result: dict[str, object] = {"nodes": nodes}
    if len(sys.argv) > 2:
        result["pressed"] = press(app, sys.argv[2])
    print(json.dumps(result))
    return 0


def press(app, prefix: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Press the first button named `prefix`…; then read the playhead's words again."""
    button = pyatspi.findDescendant(
        app, lambda n: n.getRoleName() == "push button" and (n.name or "").startswith(prefix))
    if button is None:
        return {"error": f"no button named {prefix!r}…"}
    action = button.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    action.doAction(names.index("Press"))
    time.sleep(0.5)
    slider = pyatspi.findDescendant(button.parent, lambda n: n.getRoleName() == "slider")
    return {"button": button.name, "playhead": slider.description if slider else ""}


if __name__ == "__main__":
    sys.exit(main())
