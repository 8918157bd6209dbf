"""Every UI write goes through the one edit path (ui.operations.perform): a refused save is a
sentence in a box, never the "something unexpected" box, and nothing shows as saved that is not.
The AST scan fails when a core mutator is called from ui/ outside that path."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from vsr.ui.actions import ActionId
from vsr.ui.bridge import LibraryBridge
from vsr.ui.main_window import EDIT_ACTIONS, MainWindow

from tests.ui.fake_player import FakePlayer
from tests.vsr.fakes import add_fake_recording, fake_fingerprint
from vsr.i18n import translate
from vsr.library import recordings as rc
from vsr.library import reviews as rv

ROOT = Path(__file__).resolve().parents[2]
# Where a core write may be called from ui/ directly: an undoable command's apply/revert
# (OperationCommand, performed through `perform`) ...
COMMAND_METHODS = {"apply", "revert"}


def _name(call: ast.Call) -> str | None:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)


def core_mutators() -> set[str]:
    """Public vsr functions that open a write transaction (`with lib.write(...)`)."""
    names = set()
    for path in (ROOT / "vsr").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            for sub in ast.walk(node):
                if isinstance(sub, ast.With) and any(
                        isinstance(i.context_expr, ast.Call) and _name(i.context_expr) == "write"
                        for i in sub.items):
                    names.add(node.name)
    return names


def edit_path_wrappers(trees: dict[Path, ast.Module]) -> set[str]:
    """`perform` and every ui function that hands one of its own parameters to `perform`
    (ctx.run, a dialog's _run/_apply): a lambda given to one of those is on the edit path."""
    names = {"perform"}
    for tree in trees.values():
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef):
                continue
            params = {a.arg for a in node.args.args}
            for sub in ast.walk(node):
                if (isinstance(sub, ast.Call) and _name(sub) == "perform" and sub.args
                        and isinstance(sub.args[0], ast.Name) and sub.args[0].id in params):
                    names.add(node.name)
    return names


def calls_outside_edit_path() -> list[str]:
    trees = {p: ast.parse(p.read_text(encoding="utf-8")) for p in (ROOT / "ui").rglob("*.py")}
    mutators, wrappers = core_mutators(), edit_path_wrappers(trees)
    found = []
    for path, tree in trees.items():
        parents = {c: p for p in ast.walk(tree) for c in ast.iter_child_nodes(p)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node) in mutators and not _on_edit_path(
                    node, parents, wrappers):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {_name(node)}")
    return found


def _on_edit_path(node: ast.AST, parents: dict[ast.AST, ast.AST], wrappers: set[str]) -> bool:
    while node in parents:
        parent = parents[node]
        if isinstance(parent, ast.FunctionDef) and parent.name in COMMAND_METHODS:
            return True
        if (isinstance(node, ast.Lambda) and isinstance(parent, ast.Call)
                and _name(parent) in wrappers):
            return True
        node = parent
    return False


def test_the_scan_knows_the_core_writes_and_the_edit_path() -> None:
    mutators = core_mutators()
    assert {"add_party", "rename_party", "create_review", "set_pause_on_mark", "add_marker",
            "set_field", "set_rating"} <= mutators
    assert "list_parties" not in mutators
    sample = ast.parse("def f(x):\n    perform(x, report=r)\n"
                       "def g():\n    rv.add_party(lib, 1, 'a')\n"
                       "def h():\n    f(lambda: rv.add_party(lib, 1, 'a'))\n")
    parents = {c: p for p in ast.walk(sample) for c in ast.iter_child_nodes(p)}
    wrappers = edit_path_wrappers({Path("x.py"): sample})
    assert "f" in wrappers
    calls = [n for n in ast.walk(sample) if isinstance(n, ast.Call) and _name(n) == "add_party"]
    assert [_on_edit_path(c, parents, wrappers) for c in calls] == [False, True]


def test_no_core_write_from_ui_bypasses_the_edit_path() -> None:
    assert calls_outside_edit_path() == []


# -- what the user sees when the library refuses -------------------------------------------

@pytest.fixture
def window(qtbot, library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(rc, "_default_fingerprinter", fake_fingerprint)
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    bridge = LibraryBridge(library)
    win = MainWindow(bridge, FakePlayer(duration_ms=60_000))
    qtbot.addWidget(win)
    win.resize(1300, 850)
    win.show()
    assert win.open_review(review.id)
    win.review_id = review.id  # type: ignore[attr-defined]
    yield win
    win.close()
    bridge.close()


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text, *a, **k: said.append(text))
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda _parent, _title, text, *a, **k: said.append("CRITICAL " + text))
    return said


def refuse_writes(win: MainWindow) -> None:
    win.bridge.lib.conn.execute("PRAGMA query_only=ON")  # SQLite refuses every write


def _refused(said: list[str]) -> None:
    # The sentence for a refusing library, not "Something unexpected went wrong ... Details".
    assert said == [translate("error.storage.read_only")]


def test_adding_a_participant_to_a_refusing_library_says_so(window, warnings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    refuse_writes(window)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Tolk Øyvind", True))
    window.actions[ActionId.ADD_PARTY].trigger()
    _refused(warnings)
    assert len(rv.list_parties(window.bridge.lib, window.review_id)) == 2


def test_renaming_parties_saves_all_names_or_none(window, warnings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from vsr.ui.party_dialog import PartyNamesDialog

    pro, client = rv.list_parties(window.bridge.lib, window.review_id)
    monkeypatch.setattr(PartyNamesDialog, "exec", lambda self: True)
    monkeypatch.setattr(PartyNamesDialog, "names",
                        lambda self: {pro.id: "Ił", client.id: "Aı"})
    refuse_writes(window)
    window.actions[ActionId.RENAME_PARTY].trigger()
    _refused(warnings)
    assert [p.name for p in rv.list_parties(window.bridge.lib, window.review_id)] == [
        pro.name, client.name]
    window.bridge.lib.conn.execute("PRAGMA query_only=OFF")
    window.actions[ActionId.RENAME_PARTY].trigger()
    assert [p.name for p in rv.list_parties(window.bridge.lib, window.review_id)] == ["Ił", "Aı"]
    assert [p.name for p in window.review_view.parties] == ["Ił", "Aı"]


def test_a_new_review_in_a_refusing_library_says_so_and_stays(window, warnings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    refuse_writes(window)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Tweede keer", True))
    rec_id = window.review_view.recording.id
    window.actions[ActionId.NEW_REVIEW].trigger()
    _refused(warnings)
    assert len(rv.list_reviews(window.bridge.lib, rec_id)) == 1
    assert window.review_view.review.id == window.review_id


def test_opening_a_recording_without_review_in_a_refusing_library(  # type: ignore[no-untyped-def]
        window, warnings, tmp_path, monkeypatch) -> None:
    from tests.vsr.fakes import fake_probe

    monkeypatch.setattr(rc, "_default_prober", fake_probe)
    file = tmp_path / "tweede ı.mp4"
    file.write_bytes(b"another recording")
    create_review = rv.create_review

    def refused_after_import(*args, **kwargs):  # type: ignore[no-untyped-def]
        refuse_writes(window)  # the recording was added; its first review is refused
        return create_review(*args, **kwargs)

    monkeypatch.setattr(rv, "create_review", refused_after_import)
    assert not window.open_file(file)
    _refused(warnings)
    assert window.review_view.review.id == window.review_id


def test_pause_on_mark_unticks_when_it_was_not_saved(window, warnings) -> None:  # type: ignore[no-untyped-def]
    action = window.actions[ActionId.PAUSE_ON_MARK]
    assert not action.isChecked()
    refuse_writes(window)
    action.trigger()
    _refused(warnings)
    assert not action.isChecked()
    assert not rv.get_review(window.bridge.lib, window.review_id).pause_on_mark
    window.bridge.lib.conn.execute("PRAGMA query_only=OFF")
    action.trigger()
    assert action.isChecked() and rv.get_review(window.bridge.lib, window.review_id).pause_on_mark


def test_only_looking_turns_every_edit_action_off(window) -> None:  # type: ignore[no-untyped-def]
    window.bridge.lib.damage = "test: opened to look only"
    refuse_writes(window)
    assert window.open_review(window.review_id)
    assert all(not window.actions[a].isEnabled() for a in EDIT_ACTIONS)
    assert not window.review_view.mark_buttons.isEnabled()
    assert window.actions[ActionId.PLAY_PAUSE].isEnabled()  # looking still works


def test_only_looking_still_walks_the_conversation_and_shows_the_sheet(window) -> None:  # type: ignore[no-untyped-def]
    from vsr import samenleergesprek as ss
    from vsr.library import markers as mk
    from vsr.library import sheets as sh
    from vsr.samenleergesprek.model import SessionStep

    lib = window.bridge.lib
    pro, client = rv.list_parties(lib, window.review_id)
    for party in (pro, client):
        ss.confirm_rules(lib, window.review_id, party.id)
    marker = mk.add_marker(lib, client.id, 4_000)
    sh.set_field(lib, marker.id, sh.SheetField.WHAT_HAPPENED, "Ik schrok ervan")
    ss.choose_moment(lib, window.review_id, marker.id)
    lib.damage = "test: opened to look only"
    refuse_writes(window)
    assert window.open_review(window.review_id)
    panel = window.review_view.session_panel
    assert panel.go(SessionStep.DISCUSS)  # not remembered, but shown
    assert panel.step == SessionStep.DISCUSS
    field = panel.discuss.sheet.field(sh.SheetField.WHAT_HAPPENED)
    assert field.toPlainText() == "Ik schrok ervan" and field.isReadOnly()
    assert not panel.discuss.sheet.header.isEnabled()
    assert ss.get_session(lib, window.review_id).step != SessionStep.DISCUSS


def test_no_sql_and_no_write_transaction_in_ui() -> None:
    """The UI never writes SQL or opens a write transaction itself: only through the core."""
    found = []
    for path in (ROOT / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("execute", "executemany", "executescript", "write")
                    and _owner(node.func.value) in ("conn", "lib")):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


def _owner(node: ast.expr) -> str | None:
    """`lib` for `lib.x`, `self.bridge.lib.x` alike."""
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else None
