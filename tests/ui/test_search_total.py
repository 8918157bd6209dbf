"""The search window over its limit: it shows 200 moments and says how many there are in all,
in Dutch by default (before: "Momenten gevonden: 200" for 230)."""

from __future__ import annotations

from pathlib import Path

from vsr.ui.bridge import LibraryBridge
from vsr.ui.i18n import install_language
from vsr.ui.search_dialog import SearchDialog

from tests.vsr.fakes import add_fake_recording
from vsr.library import reviews as rv


def test_the_window_says_how_many_it_did_not_show(qtbot, library, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    install_language("nl")
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id, title="Veel momenten")
    party = rv.list_parties(library, review.id)[0]
    with library.write():
        for n in range(230):
            cur = library.conn.execute(
                "INSERT INTO markers (review_id, party_id, start_ms, created_at)"
                " VALUES (?, ?, ?, '2026-01-01')", (review.id, party.id, n * 1000))
            library.conn.execute("INSERT INTO sheets (marker_id, what_happened) VALUES (?, ?)",
                                 (cur.lastrowid, f"gesprek {n}" if n < 215 else "iets anders"))
    dialog = SearchDialog(LibraryBridge(library), None)
    qtbot.addWidget(dialog)
    assert dialog.results.count() == 200
    assert dialog.status.text().startswith("200 van de 230 gevonden momenten getoond")
    dialog.words.setText("gesprek")
    qtbot.waitUntil(lambda: "215" in dialog.status.text())
    assert dialog.status.text().startswith("200 van de 215")
    dialog.words.setText("anders")
    qtbot.waitUntil(lambda: dialog.results.count() == 15)
    assert dialog.status.text() == "Gevonden momenten: 15"
