"""The transcript lane under the timeline: hidden without a transcript, words at their time on
the timeline's zoom, the spoken words highlighted as the playhead moves, a click on a word and
the keyboard (Left/Right by sentence, Return) seek, and the screen reader hears the sentence."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from vsr.ui.timeline.panel import TimelinePanel

from tests.vsr.test_transcript_store import CONVERSATION, _words
from vsr.transcript.store import Segment


def _panel(qtbot):  # type: ignore[no-untyped-def]
    panel = TimelinePanel()
    qtbot.addWidget(panel)
    panel.resize(1366, 260)
    panel.show()
    panel.view.set_duration(20_000)
    panel.view.zoom_to_fit()
    return panel


def test_hidden_without_a_transcript(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot)
    assert not panel.transcript_lane.isVisible()
    panel.transcript_lane.set_transcript(CONVERSATION)
    assert panel.transcript_lane.isVisible()
    panel.transcript_lane.set_transcript(None)
    assert not panel.transcript_lane.isVisible()


def test_current_words_follow_the_playhead(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot)
    lane = panel.transcript_lane
    lane.set_transcript(CONVERSATION)
    panel.view.set_position(7_500)  # the second word of "Ja, maar de schuldhulpverlening ..."
    qtbot.waitUntil(lambda: [w.text for w in lane.current_words()] == ["maar"])
    assert lane.accessibleDescription() == "Ja, maar de schuldhulpverlening kost veel tijd."
    panel.view.set_position(16_100)
    qtbot.waitUntil(lambda: [w.text for w in lane.current_words()] == ["Zullen"])


def test_click_a_sentence_or_a_word_seeks_there(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot)
    lane = panel.transcript_lane
    slow = Segment(12_000, 17_000, "Wat wil je anders?",
                   _words("Wat wil je anders?", 12_000, step_ms=1_000), 1)
    lane.set_transcript([*CONVERSATION[:3], slow])
    qtbot.waitUntil(lambda: bool(lane.word_boxes()))  # painted
    drawn = lane.word_boxes()
    for (a, _w), (b, _v) in zip(drawn, drawn[1:], strict=False):
        assert a.right() < b.left()  # never text over text
    # The whole recording in view: sentences (cut short), a click goes to the sentence's start
    sentence = next(box for box, w in drawn if w.text.startswith("We hadden afspraken"))
    with qtbot.waitSignal(panel.view.seek_requested) as seek:
        qtbot.mouseClick(lane, Qt.MouseButton.LeftButton, pos=sentence.center().toPoint())
    assert seek.args == [3_000]
    panel.view.set_ms_per_px(10.0)  # zoomed in: the slow sentence's words have room
    panel.view.scroll_to(11_000)
    qtbot.waitUntil(lambda: "anders?" in {w.text for _b, w in lane.word_boxes()})
    boxes = {w.text: box for box, w in lane.word_boxes()}
    with qtbot.waitSignal(panel.view.seek_requested) as seek:
        qtbot.mouseClick(lane, Qt.MouseButton.LeftButton, pos=boxes["anders?"].center().toPoint())
    assert seek.args == [15_000]
    seen: list[int] = []
    panel.view.seek_requested.connect(seen.append)
    qtbot.mouseClick(lane, Qt.MouseButton.LeftButton, pos=QPoint(5, 10))  # the header: nothing
    assert seen == []


def test_keyboard_moves_by_sentence(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot)
    lane = panel.transcript_lane
    lane.set_transcript(CONVERSATION)
    panel.view.set_position(3_500)
    lane.setFocus()
    qtbot.waitUntil(lane.hasFocus)
    qtbot.waitUntil(lambda: lane.current_segment() is not None
                    and lane.current_segment().start_ms == 3_000)
    seen: list[int] = []
    panel.view.seek_requested.connect(seen.append)
    qtbot.keyClick(lane, Qt.Key.Key_Right)
    qtbot.keyClick(lane, Qt.Key.Key_Left)
    qtbot.keyClick(lane, Qt.Key.Key_Return)
    assert seen == [7_000, 0, 3_000]
