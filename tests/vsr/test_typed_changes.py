"""Change events are typed: an entity and an action are enums, never free strings. A string
passed to `Change` is refused at once, and a string compared with a change's entity or action
anywhere in vsr/ or ui/ fails this scan (a typo there would silently never match)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from vsr.library.changes import Action, Change, Entity

ROOT = Path(__file__).resolve().parents[2]


def test_change_refuses_plain_strings() -> None:
    with pytest.raises(TypeError):
        Change("sheet", Action.UPDATED)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Change(Entity.SHEET, "updated")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Change("shet", "updatd")  # type: ignore[arg-type]
    change = Change(Entity.SHEET, Action.UPDATED, (3,), 1)
    assert (change.entity, change.action, change.ids) == (Entity.SHEET, Action.UPDATED, (3,))


def test_enum_values_are_the_old_names() -> None:
    # The values stay the words they were (logs, tests and subject_of use them).
    assert Entity.EXPORTED_FILE.value == "exported_file"
    assert {a.value for a in Action} == {"added", "updated", "removed", "opened"}


def _strings(node: ast.AST) -> list[str]:
    """String literals compared with: a constant, or a tuple/list/set of them."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return [s for elt in node.elts for s in _strings(elt)]
    return []


def _is_change_field(node: ast.AST) -> bool:
    """`<x>.entity` anywhere, `<change>.action` on a name that holds a change."""
    if not isinstance(node, ast.Attribute):
        return False
    if node.attr == "entity":
        return True
    return (node.attr == "action" and isinstance(node.value, ast.Name)
            and node.value.id in {"change", "c", "ch", "event"})


def string_uses(source: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(_is_change_field(s) for s in sides):
                for side in sides:
                    for text in _strings(side):
                        found.append((node.lineno, f"compared with {text!r}"))
        elif isinstance(node, ast.Call):
            name = (node.func.attr if isinstance(node.func, ast.Attribute)
                    else getattr(node.func, "id", None))
            if name == "Change" and any(_strings(a) for a in node.args[:2]):
                found.append((node.lineno, "Change(...) given a string"))
            if (isinstance(node.func, ast.Attribute) and name == "change"
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "store"
                    and node.args and _strings(node.args[0])):
                found.append((node.lineno, "store.change(...) given a string"))
    return found


def test_the_scan_finds_string_uses() -> None:
    bad = ('if change.entity == "sheet": pass\n'
           'if change.entity in ("marker", "sheet"): pass\n'
           'if change.action != "removed": pass\n'
           'Change("marker", "added")\n'
           'store.change("updated", 1, None)\n')
    assert [line for line, _ in string_uses(bad)] == [1, 2, 2, 3, 4, 5]
    good = ('if change.entity == Entity.SHEET and change.action is Action.ADDED: pass\n'
            'if args.action == "install": pass\n')
    assert string_uses(good) == []


def test_no_string_entity_or_action_in_vsr_or_ui() -> None:
    offenders = []
    for folder in ("vsr", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for line, what in string_uses(path.read_text(encoding="utf-8")):
                offenders.append(f"{path.relative_to(ROOT)}:{line}: {what}")
    assert offenders == []
