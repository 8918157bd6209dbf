"""Costs counted in the core (not timed; the times are in bench/): the method content is read
and built once per language, the shared screen after a marker edit reads only that marker and
gives the same answer as reading all, the CLI imports only the command group it runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.vsr.fakes import add_fake_recording
from vsr import method
from vsr.library import markers as mk
from vsr.library import open_library
from vsr.library import reviews as rv
from vsr.samenleergesprek import blind
from vsr.samenleergesprek.blind import refresh_shared_screen, shared_screen


def test_theme_cards_are_built_once_per_language(monkeypatch: pytest.MonkeyPatch) -> None:
    method._cards.cache_clear()
    method._cards_by_key.cache_clear()
    built: list[str | None] = []
    original = method._build_cards

    def counting(lang, custom):  # type: ignore[no-untyped-def]
        built.append(lang)
        return original(lang, custom)

    monkeypatch.setattr(method, "_build_cards", counting)
    for _ in range(50):
        assert method.theme_card("relatie", "nl") is not None or method.theme_cards("nl")
        method.theme_cards("nl")
        method.subtopic_title(method.theme_cards("nl")[0].key, "x", "nl")
    assert built == ["nl"]
    method.theme_cards("en")
    assert built == ["nl", "en"]
    method._cards.cache_clear()
    method._cards_by_key.cache_clear()


def test_custom_subtopics_are_not_cached_into_the_cards() -> None:
    key = method.theme_cards("nl")[0].key
    with_own = method.theme_cards("nl", {key: ["Eigen onderwerp"]})
    assert any(s.title == "Eigen onderwerp" for s in with_own[0].subtopics)
    assert not any(s.title == "Eigen onderwerp" for s in method.theme_cards("nl")[0].subtopics)


def test_the_shared_screen_after_an_edit_reads_only_that_marker(library, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    pro, client = rv.list_parties(library, review.id)
    markers = [mk.add_marker(library, (pro, client)[i % 2].id, i * 1_000) for i in range(20)]
    screen = shared_screen(library, review.id)
    added = mk.add_marker(library, client.id, 4_500)
    mk.move_marker(library, markers[3].id, 15_500, None)
    mk.delete_marker(library, markers[7].id)
    changed = (added.id, markers[3].id, markers[7].id)
    statements: list[str] = []
    library.conn.set_trace_callback(statements.append)
    try:
        updated = refresh_shared_screen(library, screen, review.id, changed)
    finally:
        library.conn.set_trace_callback(None)
    assert updated == shared_screen(library, review.id)
    assert not any("FROM markers WHERE review_id = ? ORDER" in s or s.endswith("ORDER BY start_ms, id")
                   for s in statements)
    assert len(statements) <= 3


def test_while_hidden_the_shared_screen_shows_nothing_after_an_edit(library, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    pro, client = rv.list_parties(library, review.id)
    mk.add_marker(library, pro.id, 1_000)
    screen = shared_screen(library, review.id)
    blind.set_blind_marking(library, review.id, True)
    secret = mk.add_marker(library, client.id, 2_000)
    updated = refresh_shared_screen(library, screen, review.id, (secret.id,))
    assert updated.hidden and updated.markers == ()
    assert updated.counts == {pro.id: 1, client.id: 1}


def test_the_cli_imports_only_the_command_group_it_runs(tmp_path: Path) -> None:
    code = ("import sys\nfrom vsr.cli.main import main\nmain(['list'])\n"
            "heavy = ('vsr.export', 'vsr.clips', 'vsr.clip_packs', 'vsr.cli.privacy_commands',"
            " 'vsr.cli.clip_commands', 'sqlite_utils', 'av', 'docx', 'deduce', 'docdeid')\n"
            "print('LOADED', sorted(m for m in sys.modules if m.split('.')[0] in heavy"
            " or m in heavy))\n")
    # An existing library, as at every start but the very first (creating one runs the
    # migrations, and the search index's uses sqlite-utils).
    open_library(tmp_path / "lib.sqlite").close()
    env = {**os.environ, "VSR_LIBRARY": str(tmp_path / "lib.sqlite")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          check=True)
    assert "LOADED []" in done.stdout, done.stdout
