"""Issue 22 in the window, from stored transcript rows (no speech model runs): who is who
(the dialog saves through the edit path, naming one voice names the other), talk time in Stap 3
with the parties' names (not while "Apart markeren" hides the moments) and, when chosen, in
the summary; spoken hits in the search window that open the review at their time; the offer
to write down what was said after a recording is added; subtitles in the clip export."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel
from vsr.ui.bridge import LibraryBridge
from vsr.ui.clips.export_dialog import ExportClipsDialog
from vsr.ui.i18n import install_language
from vsr.ui.main_window import OFFER_TRANSCRIPT_KEY, MainWindow
from vsr.ui.review.voices_dialog import VoicesDialog
from vsr.ui.samenleergesprek.closing_page import ClosingPage
from vsr.ui.samenleergesprek.context import SessionContext
from vsr.ui.samenleergesprek.export_dialog import ExportSummaryDialog
from vsr.ui.search_dialog import SearchDialog

from tests.ui.fake_player import FakePlayer
from tests.vsr import session_fixtures as fx
from tests.vsr.fakes import add_fake_recording, fake_fingerprint
from tests.vsr.test_transcript_store import CONVERSATION
from vsr.library import collections as co
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library.consent import grant_consent
from vsr.library.recordings import add_recording
from vsr.media.testclip import generate_test_clip
from vsr.model import PartyRole
from vsr.samenleergesprek.blind import reveal_markers, set_blind_marking
from vsr.transcript.parties import voice_roles
from vsr.transcript.store import save_transcript

SHOTS = os.environ.get("VSR_SCREENSHOT_DIR")


@pytest.fixture
def walked(library, tmp_path: Path):  # type: ignore[no-untyped-def]
    install_language("nl")
    walked = fx.walked_review(library, tmp_path)
    save_transcript(library, walked.review.recording_id, CONVERSATION, model="whisper-base")
    return walked


def test_who_is_who_dialog_saves_and_names_the_other_voice(qtbot, library, walked) -> None:  # type: ignore[no-untyped-def]
    rec = walked.review.recording_id
    played: list[tuple[int, int]] = []
    dialog = VoicesDialog(library, rec, walked.review.id, play=lambda a, b: played.append((a, b)))
    qtbot.addWidget(dialog)
    first = dialog.choices[0]
    # Any label (the status line is one of its own kind now, announced as it changes).
    assert first.currentData() == "" and "Goedemorgen Jan" in dialog.findChildren(
        QLabel)[1].text()
    first.setCurrentIndex(first.findData("client"))
    first.activated.emit(first.currentIndex())
    assert voice_roles(library, rec) == {0: PartyRole.CLIENT, 1: PartyRole.PROFESSIONAL}
    assert dialog.choices[1].currentData() == "professional"  # shown at once
    assert fx.CLIENT in first.currentText() and dialog.status.text() == "Bewaard."
    dialog.listen[1].click()
    assert played == [(CONVERSATION[2].start_ms, CONVERSATION[2].end_ms)]
    if SHOTS:
        dialog.grab().save(f"{SHOTS}/voices_dialog.png")


def test_a_refused_save_is_said_and_the_choice_goes_back(qtbot, library, walked,
                                                          monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = VoicesDialog(library, walked.review.recording_id, walked.review.id)
    qtbot.addWidget(dialog)

    def full(*_a, **_k):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("vsr.ui.review.voices_dialog.set_voice_role", full)
    combo = dialog.choices[0]
    combo.setCurrentIndex(combo.findData("professional"))
    combo.activated.emit(combo.currentIndex())
    assert combo.currentData() == "" and dialog.status.text() not in ("", "Bewaard.")
    assert "Traceback" not in dialog.status.text()


def _closing_page(qtbot, library, review_id: int) -> ClosingPage:  # type: ignore[no-untyped-def]
    ctx = SessionContext(LibraryBridge(library), review_id, FakePlayer(duration_ms=120_000),
                         QUndoStack())
    page = ClosingPage(ctx)
    qtbot.addWidget(page)
    page.resize(700, 900)
    page.show()
    page.refresh()
    return page


def test_stap3_shows_talk_time_with_names_not_while_hidden(qtbot, library, walked) -> None:  # type: ignore[no-untyped-def]
    page = _closing_page(qtbot, library, walked.review.id)
    assert page.talk_box.isVisible()
    assert page.talk_text.text().startswith("Stem 1 sprak 54 % van de tijd")
    from vsr.transcript.parties import set_voice_role

    set_voice_role(library, walked.review.recording_id, 0, PartyRole.PROFESSIONAL)
    page.refresh()
    text = page.talk_text.text()
    assert text.startswith(f"{fx.PRO} sprak 54 % van de tijd") and "Stem" not in text
    assert f"{fx.CLIENT} sprak 46 %" in text
    if SHOTS:
        page.grab().save(f"{SHOTS}/stap3_talk_time.png")
    set_blind_marking(library, walked.review.id, True)
    page.refresh()
    assert not page.talk_box.isVisible()
    reveal_markers(library, walked.review.id)
    page.refresh()
    assert page.talk_box.isVisible()


def test_stap3_shows_nothing_without_a_transcript(qtbot, library, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    walked = fx.walked_review(library, tmp_path)
    page = _closing_page(qtbot, library, walked.review.id)
    assert not page.talk_box.isVisible() and page.talk_text.text() == ""


def test_summary_dialog_offers_talk_time_off_by_default(qtbot, library, walked,
                                                        tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportSummaryDialog(library, walked.review.id)
    qtbot.addWidget(dialog)
    assert dialog.talk_time_possible and not dialog.talk_time.isChecked()
    dialog.format_group.button(3).setChecked(True)  # Markdown
    dialog.path.setText(str(tmp_path / "zonder.md"))
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20_000)
    assert "Wie sprak hoeveel" not in dialog.written.read_text("utf-8")
    dialog.written = None
    dialog.talk_time.setChecked(True)
    dialog.path.setText(str(tmp_path / "met.md"))
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20_000)
    text = dialog.written.read_text("utf-8")
    assert "Wie sprak hoeveel" in text and "Stem 1 sprak 54 %" in text
    set_blind_marking(library, walked.review.id, True)
    hidden = ExportSummaryDialog(library, walked.review.id)
    qtbot.addWidget(hidden)
    assert not hidden.talk_time_possible


def test_search_window_shows_spoken_hits_and_opens_at_their_time(
        qtbot, library, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    install_language("nl")
    monkeypatch.setattr(rc, "_default_fingerprinter", fake_fingerprint)
    rec = add_fake_recording(library, tmp_path)
    save_transcript(library, rec.id, CONVERSATION, model="whisper-base")
    review = rv.create_review(library, rec.id)
    from vsr.transcript.parties import set_voice_role

    set_voice_role(library, rec.id, 1, PartyRole.CLIENT)
    bridge = LibraryBridge(library)
    player = FakePlayer(duration_ms=20_000)
    win = MainWindow(bridge, player)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    dialog = SearchDialog(bridge, win)
    qtbot.addWidget(dialog)
    dialog.open_spoken.connect(win.open_spoken)
    dialog.words.setText("schuldhulp")
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
    label = dialog.results.itemWidget(dialog.results.item(0)).text()
    client = rv.list_parties(library, review.id)[1].name
    assert "Gezegd" in label and "0:07" in label and "<b>schuldhulpverlening</b>" in label
    assert client in label
    assert not dialog.add_button.isEnabled()  # a time, not a moment: no collection
    assert "Gezegd in een opname: 1" in dialog.status.text()
    if SHOTS:
        dialog.grab().save(f"{SHOTS}/search_spoken.png")
    dialog.results.itemActivated.emit(dialog.results.item(0))
    qtbot.waitUntil(lambda: win.review_view.review is not None
                    and win.review_view.review.id == review.id)
    assert player.position() == CONVERSATION[2].start_ms
    dialog.party.setText("Jan")  # a filter belongs to moments: no spoken hits then
    qtbot.waitUntil(lambda: dialog.results.count() == 0)
    win.close()
    bridge.close()


@pytest.fixture
def empty_window(qtbot, library):  # type: ignore[no-untyped-def]
    install_language("nl")
    bridge = LibraryBridge(library)
    win = MainWindow(bridge, FakePlayer(duration_ms=3_000))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    yield win
    win.close()
    bridge.close()


def test_offered_after_a_recording_is_added(qtbot, empty_window, tmp_path: Path,
                                            monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from vsr.ui.review.review_view import ReviewView

    started: list[int] = []
    monkeypatch.setattr(ReviewView, "transcribe", lambda self: started.append(1))
    win = empty_window
    clip = generate_test_clip(tmp_path / "nieuw.mp4", 2.0)
    assert win.open_file(clip)
    offer = win.review_view.transcript_offer
    assert offer.isVisible() and "opschrijven" in offer.text.text()
    if SHOTS:
        win.grab().save(f"{SHOTS}/offer_after_import.png")
    offer.yes_button.click()
    assert started == [1] and not offer.isVisible()
    assert win.open_file(clip)  # found again, not added: not offered again
    assert not offer.isVisible()
    second = generate_test_clip(tmp_path / "tweede.mp4", 2.5)
    assert win.open_file(second)
    assert offer.isVisible()
    offer.never_button.click()
    assert win.bridge.lib.get_setting(OFFER_TRANSCRIPT_KEY) == "never"
    third = generate_test_clip(tmp_path / "derde.mp4", 1.5)
    assert win.open_file(third)
    assert not offer.isVisible() and started == [1]


def test_not_offered_without_a_model(qtbot, empty_window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("vsr.transcript.speech_model.model_installed", lambda _setting="": False)
    assert empty_window.open_file(generate_test_clip(tmp_path / "a.mp4", 1.5))
    assert not empty_window.review_view.transcript_offer.isVisible()


def test_clip_export_dialog_writes_subtitles_when_chosen(qtbot, library, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rec, _ = add_recording(library, generate_test_clip(tmp_path / "gesprek.mp4", 3.0))
    grant_consent(library, rec.id, "intervisie", given_by="K.")
    collection = co.create_collection(library, "Teamoverleg", "intervisie")
    co.add_clip(library, collection.id, rec.id, 500, 2500, title="Begin")
    plain = ExportClipsDialog(library, collection.id)
    qtbot.addWidget(plain)
    assert not plain.offer_subtitles  # no transcript: not offered
    save_transcript(library, rec.id, CONVERSATION[:1], model="whisper-base")
    dialog = ExportClipsDialog(library, collection.id)
    qtbot.addWidget(dialog)
    assert dialog.offer_subtitles and not dialog.subtitles.isChecked()
    dialog.subtitles.setChecked(True)
    dialog.pack.setCurrentIndex(0)  # only the clips
    out = tmp_path / "export"
    dialog.folder.setText(str(out))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=60_000)
    vtt = (out / "clip-01.vtt").read_text("utf-8")
    assert vtt.startswith("WEBVTT") and "Stem 1: Jan, fijn dat je er" in vtt
    assert "Goedemorgen" not in vtt  # said before the clip starts
