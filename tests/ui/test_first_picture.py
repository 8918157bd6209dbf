"""Opening a review starts the player first: the Samenleergesprek panel (the slowest part of
the review screen, not needed for the picture) is built after the recording's first picture,
when its tab is opened, or when something asks for it (issue 21)."""

from __future__ import annotations

from pathlib import Path

import pytest
from vsr.ui.bridge import LibraryBridge
from vsr.ui.main_window import MainWindow
from vsr.ui.samenleergesprek.panel import SessionPanel

from tests.ui.fake_player import FakePlayer
from tests.vsr.fakes import add_fake_recording, fake_fingerprint
from vsr.library import recordings as rc
from vsr.library import reviews as rv


class OpeningPlayer(FakePlayer):
    """A fake player that stays "opening" (no first picture yet) until told, and notes at each
    load() whether the review screen had already built its Samenleergesprek panel."""

    def __init__(self) -> None:
        super().__init__(duration_ms=120_000)
        self.opening = False
        self.panel_built_at_load: list[bool] = []
        self.window: MainWindow | None = None

    def is_opening(self) -> bool:
        return self.opening

    def load(self, path: str) -> None:
        assert self.window is not None
        self.panel_built_at_load.append(self.window.review_view.session_panel_built())
        super().load(path)
        self.opening = True


@pytest.fixture
def scene(qtbot, library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    from vsr.ui.review import review_view

    monkeypatch.setattr(rc, "_default_fingerprinter", fake_fingerprint)
    # The panel waits at most this long for the player; a busy test machine can hold the event
    # loop for seconds, which must not look like a player that never opens (tests set less).
    monkeypatch.setattr(review_view, "PANEL_WAIT_S", 60.0)
    rec = add_fake_recording(library, tmp_path)
    first = rv.create_review(library, rec.id)
    second = rv.create_review(library, rec.id)
    bridge = LibraryBridge(library)
    player = OpeningPlayer()
    win = MainWindow(bridge, player)
    player.window = win
    qtbot.addWidget(win)
    win.resize(1300, 850)
    win.show()
    yield win, player, first.id, second.id
    win.close()
    bridge.close()


def test_the_player_opens_the_recording_before_the_panel_is_built(qtbot, scene) -> None:  # type: ignore[no-untyped-def]
    win, player, first, second = scene
    view = win.review_view
    assert win.open_review(first)
    assert player.panel_built_at_load == [False]
    qtbot.wait(100)  # the event loop runs: the player is still opening, no panel yet
    assert not view.session_panel_built()
    assert view.tabs.count() == 2  # the tab is there from the start, its panel comes later
    player.opening = False  # the first picture is on screen
    qtbot.waitUntil(view.session_panel_built, timeout=2000)
    panel = view.session_panel
    assert isinstance(panel, SessionPanel) and panel.ctx.review_id == first
    assert view.tabs.widget(1).isAncestorOf(panel)
    # Another review: again the player first, and a new panel for the new review after.
    assert win.open_review(second)
    assert player.panel_built_at_load == [False, False]
    assert not view.session_panel_built()
    player.opening = False
    qtbot.waitUntil(view.session_panel_built, timeout=2000)
    assert view.session_panel is not None and view.session_panel.ctx.review_id == second
    assert view.session_panel is not panel


def test_the_panel_is_built_at_once_when_its_tab_is_opened_or_it_is_asked_for(qtbot, scene) -> None:  # type: ignore[no-untyped-def]
    win, player, first, second = scene
    view = win.review_view
    assert win.open_review(first)
    assert not view.session_panel_built()
    view.tabs.setCurrentIndex(1)  # before the first picture: the user wants the steps now
    assert view.session_panel_built()
    assert view.session_panel is not None and view.session_panel.isVisible()
    assert win.open_review(second)
    assert view.tabs.currentIndex() == 0  # a newly opened review starts on its moments
    assert not view.session_panel_built()
    panel = view.session_panel  # asking for it (menu, shortcuts, pause keys) builds it
    assert panel is not None and panel.ctx.review_id == second and view.session_panel_built()


def test_the_panel_comes_even_when_the_player_never_finishes_opening(qtbot, scene, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from vsr.ui.review import review_view

    monkeypatch.setattr(review_view, "PANEL_WAIT_S", 0.2)
    win, player, first, _second = scene
    assert win.open_review(first)
    qtbot.waitUntil(win.review_view.session_panel_built, timeout=2000)
    assert player.opening  # it did not wait for the player for ever
