"""The language is set once (install_language, as the window does at start and on a switch); the
widgets that show the method's texts (theme cards, feelings, steps) read it, nobody passes it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from vsr.ui.bridge import LibraryBridge
from vsr.ui.i18n import install_language
from vsr.ui.operations import UndoStack
from vsr.ui.review.sheet_editor import SheetEditor
from vsr.ui.samenleergesprek.panel import SessionPanel
from vsr.ui.search_dialog import SearchDialog

from tests.ui.fake_player import FakePlayer
from tests.vsr.fakes import add_fake_recording
from vsr.i18n import current_language
from vsr.library import markers as mk
from vsr.library import reviews as rv

# language: (card 1 as the card chooser shows it, the first feeling, step 1's title)
SEEN = {
    "nl": ("1. Hoe gaat onze samenwerking?", "Blij", "Wat willen we bespreken?"),
    "en": ("1. How is our collaboration going?", "Happy", "What do we want to talk about?"),
}


def _shown(qtbot, library, review_id: int, marker_id: int) -> tuple[str, str, str]:  # type: ignore[no-untyped-def]
    """What a newly built sheet editor, search window and conversation panel show of the
    method, built without saying a language."""
    bridge = LibraryBridge(library)
    editor = SheetEditor(bridge, UndoStack())
    qtbot.addWidget(editor)
    editor.set_marker(marker_id, rv.list_parties(library, review_id))
    assert editor.header is not None
    combo = editor.header.theme_combo
    card = combo.itemText(combo.findData("samenwerking|"))
    search = SearchDialog(bridge)
    qtbot.addWidget(search)
    assert search.theme.itemText(1) == card  # the search window's card list: same language
    feeling = next(iter(editor.columns.values())).feeling_buttons["blij"].text()
    panel = SessionPanel(bridge, review_id, FakePlayer(duration_ms=60_000))
    qtbot.addWidget(panel)
    labels = [label.text() for label in panel.findChildren(QLabel)]
    step = next(text.split("– ", 1)[1] for text in labels
                if text.startswith(("Stap 1 –", "Step 1 –")))
    return card, feeling, step


@pytest.mark.parametrize("order", [("en", "nl"), ("nl", "en")])
def test_new_widgets_show_the_method_in_the_language_set_once(
        qtbot, library, tmp_path: Path, order: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    party = rv.list_parties(library, review.id)[0]
    marker = mk.add_marker(library, party.id, 1_000, theme="samenwerking")
    for code in order:
        install_language(code)
        assert current_language() == code
        assert _shown(qtbot, library, review.id, marker.id) == SEEN[code]
