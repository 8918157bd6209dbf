"""View → Language rebuilds the window; the user stays where they were (playhead, playing or
paused, the review, the selected moment, the tab)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from vsr.ui import app as app_module
from vsr.ui.actions import ActionId
from vsr.ui.app import Application
from vsr.ui.bridge import LibraryBridge
from vsr.ui.i18n import install_language

from tests.ui.fake_player import FakePlayer
from tests.vsr.fakes import add_fake_recording, fake_fingerprint
from vsr.i18n import current_language
from vsr.library import markers as mk
from vsr.library import recordings as rc
from vsr.library import reviews as rv

# (theme card in the list, theme card in the sheet, a feeling, the first step's title)
DUTCH = ("Hoe gaat onze samenwerking?", "1. Hoe gaat onze samenwerking?", "Blij",
         "Wat willen we bespreken?")
ENGLISH = ("How is our collaboration going?", "1. How is our collaboration going?", "Happy",
           "What do we want to talk about?")


def method_texts(view) -> tuple[str, str, str, str]:  # type: ignore[no-untyped-def]
    """What the review shows of the method: the chosen theme card (the list's tooltip and the
    sheet's card chooser), the first feeling of a party and step 1 of the conversation."""
    model = view.marker_list.model
    card = model.data(model.index(model.row_of(view.selected), 2), Qt.ItemDataRole.ToolTipRole)
    header = view.sheet.header
    chosen = header.theme_combo.itemText(header.theme_combo.findData("samenwerking|"))
    column = next(iter(view.sheet.columns.values()))
    feeling = column.feeling_buttons["blij"].text()
    labels = [label.text() for label in view.session_panel.findChildren(QLabel)]
    step = next(text.split("– ", 1)[1] for text in labels if text.startswith(("Stap 1 –",
                                                                               "Step 1 –")))
    return card, chosen, feeling, step


@pytest.fixture
def shell(qtbot, library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(rc, "_default_fingerprinter", fake_fingerprint)
    monkeypatch.setattr(app_module, "save_language", lambda lang: None)  # not the user's settings
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    bridge = LibraryBridge(library)
    players: list[FakePlayer] = []

    def make_player() -> FakePlayer:
        players.append(FakePlayer(duration_ms=120_000))
        return players[-1]

    shell = Application(QApplication.instance(), bridge, "nl", player_factory=make_player)
    shell.build(review.id)
    shell.players = players  # type: ignore[attr-defined]
    shell.review_id = review.id  # type: ignore[attr-defined]
    yield shell
    if shell.window is not None:
        shell.window.close()
        shell.window.deleteLater()
    for player in players:  # the windows' players, the replaced ones too: no clock left ticking
        player.stop_clock()
        player.pause()
    install_language("en")  # the other widget tests run in the source language
    bridge.close()


@pytest.mark.parametrize("playing", [True, False])
def test_language_switch_keeps_playhead_moment_and_tab(qtbot, shell, playing: bool) -> None:
    old = shell.window
    view = old.review_view
    player: FakePlayer = shell.players[-1]
    pro, client = rv.list_parties(shell.bridge.lib, shell.review_id)
    player.seek(20_000)
    view.mark(pro.id)
    player.seek(41_000)
    view.mark(client.id)
    first = mk.list_markers(shell.bridge.lib, shell.review_id)[0].id
    mk.set_marker_theme(shell.bridge.lib, first, "samenwerking")
    view.select_marker(first)
    view.tabs.setCurrentIndex(1)  # Samenleergesprek
    assert method_texts(view) == DUTCH
    player.set_rate(1.5)
    if playing:
        player.play()
        player.advance(2_000)
    position = player.position()
    assert position == (44_000 if playing else 41_000)

    shell.change_language("en")

    window = shell.window
    assert window is not old and current_language() == "en"
    new_view, new_player = window.review_view, shell.players[-1]
    assert new_player is not player
    assert new_view.review is not None and new_view.review.id == shell.review_id
    assert new_player.position() == position
    assert new_player.is_playing() is playing
    assert new_player.rate() == 1.5
    assert new_view.selected == first
    assert new_view.tabs.currentIndex() == 1
    assert new_view.tabs.tabText(0) == "Moments"  # and it really is English now
    assert window.actions[ActionId.LANG_EN].isChecked()
    assert not window.actions[ActionId.LANG_NL].isChecked()
    # The method's own texts (theme cards, steps, feelings) follow the language set once too.
    assert method_texts(new_view) == ENGLISH


def test_language_switch_on_the_start_page_stays_there(qtbot, shell) -> None:
    shell.window.show_start()
    shell.change_language("en")
    assert shell.window.stack.currentWidget() is shell.window.start_page
