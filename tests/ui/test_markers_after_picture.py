"""A long review's markers are read on a worker once the recording's first picture is on screen
(issue 21): the player gets the recording first, the moments list says it is reading them, and
everything stays right meanwhile: a mark made before they came (and its undo), the hiding of
"Apart markeren", the Stap pages, a search hit that opens the review at a moment, and another
review opened while the first is still being read (its late result is dropped).

The worker's read is held by gates (threading events), so each test decides whether a change
happens before the worker read the library, after it, or while its result waits."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from vsr.ui.bridge import LibraryBridge
from vsr.ui.main_window import MainWindow
from vsr.ui.operations import perform
from vsr.ui.review import marker_list, marker_loader, review_view

from tests.ui.announcements import announcements
from tests.ui.fake_player import FakePlayer
from tests.vsr.fakes import add_fake_recording, fake_fingerprint
from vsr import samenleergesprek as ss
from vsr.errors import VsrError
from vsr.library import markers as mk
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.samenleergesprek.model import SessionStep

MARKED_AT = (10_000, 20_000, 30_000, 40_000, 50_000)  # the first review's moments
WAIT_S = 10.0  # a gate that is never opened fails the test instead of hanging it


class OpeningPlayer(FakePlayer):
    """A fake player that stays "opening" (no first picture yet) while `opening` is True."""

    def __init__(self, events: list[str]) -> None:
        super().__init__(duration_ms=120_000)
        self.opening = False
        self.opening_on_load = False  # load() leaves it opening (no first picture yet)
        self.events = events

    def is_opening(self) -> bool:
        return self.opening

    def load(self, path: str) -> None:
        self.events.append("load")
        super().load(path)
        self.opening = self.opening_on_load


class GatedRead:
    """read_markers held at two gates per review: before it reads (`read`) and before its
    result goes back to the window (`hand_back`). `done` is set once it has read."""

    def __init__(self, events: list[str]) -> None:
        self.events = events
        self.original = marker_loader.read_markers
        self.read: dict[int, threading.Event] = {}
        self.hand_back: dict[int, threading.Event] = {}
        self.done: dict[int, threading.Event] = {}
        self.calls: list[int] = []
        self._lock = threading.Lock()

    def gates(self, review_id: int) -> tuple[threading.Event, threading.Event, threading.Event]:
        with self._lock:
            return (self.read.setdefault(review_id, threading.Event()),
                    self.hand_back.setdefault(review_id, threading.Event()),
                    self.done.setdefault(review_id, threading.Event()))

    def open(self, review_id: int) -> None:
        read, hand_back, _ = self.gates(review_id)
        read.set()
        hand_back.set()

    def __call__(self, lib, review_id: int):  # type: ignore[no-untyped-def]
        read, hand_back, done = self.gates(review_id)
        self.calls.append(review_id)
        self.events.append("read")
        assert read.wait(WAIT_S)
        result = self.original(lib, review_id)
        done.set()
        assert hand_back.wait(WAIT_S)
        return result


@pytest.fixture
def scene(qtbot, library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(rc, "_default_fingerprinter", fake_fingerprint)
    monkeypatch.setattr(review_view, "MARKERS_READ_AT_ONCE", 3)  # five moments: a long review
    monkeypatch.setattr(review_view, "PANEL_WAIT_S", 60.0)  # a slow test machine: still opening
    events: list[str] = []
    gated = GatedRead(events)
    monkeypatch.setattr(marker_loader, "read_markers", gated)
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id)
    pro, client = rv.list_parties(library, review.id)
    for i, at in enumerate(MARKED_AT):
        marker = mk.add_marker(library, (pro, client)[i % 2].id, at)
        sh.set_field(library, marker.id, sh.SheetField.WHAT_HAPPENED, f"Moment {i} thuis")
    bridge = LibraryBridge(library)
    player = OpeningPlayer(events)
    win = MainWindow(bridge, player)
    qtbot.addWidget(win)
    win.resize(1300, 850)
    win.show()
    yield win, player, gated, review.id
    for gates in (gated.read, gated.hand_back):
        for gate in list(gates.values()):
            gate.set()  # no worker left waiting
    win.close()
    bridge.close()


def shown_ids(win: MainWindow) -> list[int]:
    """The moments the window shows, checked to be the same in the view, list and timeline."""
    view = win.review_view
    ids = [m.id for m in view.markers]
    model = view.marker_list.model
    assert [model.markers[r].id for r in range(model.rowCount())] == ids
    assert [m.id for m in view.timeline.view._ordered] == ids
    return ids


def sheet_of(view) -> int | None:  # type: ignore[no-untyped-def]
    """The moment whose gespreksblad is open."""
    return view.sheet.marker.id if view.sheet.marker is not None else None


def stored_ids(win: MainWindow, review_id: int) -> list[int]:
    return [m.id for m in mk.list_markers(win.bridge.lib, review_id)]


def loaded(win: MainWindow) -> bool:
    return not win.review_view._loading()


def test_the_picture_comes_first_then_the_markers(qtbot, scene) -> None:  # type: ignore[no-untyped-def]
    win, player, gated, review_id = scene
    view = win.review_view
    player.opening_on_load = True  # VLC opens the recording: no picture yet
    assert win.open_review(review_id)
    assert player.opening
    qtbot.wait(300)  # the event loop runs: nothing is read while the recording opens
    assert gated.events == ["load"] and not view.marker_loader.busy()
    assert shown_ids(win) == []
    assert view.marker_list.loading() and view.marker_list.loading_note.isVisible()
    assert not view.session_panel_built()
    gated.open(review_id)
    player.opening = False  # the first picture is on screen: then the markers are read
    qtbot.waitUntil(lambda: shown_ids(win) == stored_ids(win, review_id), timeout=5000)
    assert gated.events == ["load", "read"]
    assert not view.marker_list.loading() and not view.marker_list.loading_note.isVisible()
    words = view.marker_list.model.first_words
    assert sorted(words.values()) == [f"Moment {i} thuis" for i in range(len(MARKED_AT))]
    qtbot.waitUntil(view.session_panel_built, timeout=5000)  # then the Samenleergesprek


def test_a_short_review_is_read_at_once(qtbot, scene, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    win, _player, gated, review_id = scene
    monkeypatch.setattr(review_view, "MARKERS_READ_AT_ONCE", len(MARKED_AT))
    assert win.open_review(review_id)
    assert shown_ids(win) == stored_ids(win, review_id)  # no "reading" line flashing by
    assert not win.review_view.marker_list.loading() and gated.calls == []
    assert not win.review_view.marker_loader.busy()


@pytest.mark.parametrize("read_when", ["before the mark", "after the mark", "after the undo"])
def test_a_mark_and_its_undo_before_the_markers_came(qtbot, scene, read_when) -> None:  # type: ignore[no-untyped-def]
    """The worker's snapshot may be older or newer than the mark and its undo: either way
    the window ends with what is stored, the new moment selected, and undo/redo work."""
    win, player, gated, review_id = scene
    view = win.review_view
    read, hand_back, done = gated.gates(review_id)
    assert win.open_review(review_id)
    pro = view.parties[0]

    def let_read() -> None:
        read.set()
        qtbot.waitUntil(done.is_set, timeout=5000)

    if read_when == "before the mark":
        let_read()
    player.seek(65_000)
    view.mark(pro.id)
    new = view.selected
    assert new is not None and new in stored_ids(win, review_id)
    assert shown_ids(win) == [new]  # shown at once, with its sheet, before the others came
    assert sheet_of(view) == new
    if read_when == "after the mark":
        let_read()
    win.undo_or_redo(redo=False)
    assert new not in stored_ids(win, review_id) and shown_ids(win) == []
    win.undo_or_redo(redo=True)
    assert new in stored_ids(win, review_id) and shown_ids(win) == [new]
    win.undo_or_redo(redo=False)
    win.undo_or_redo(redo=True)  # the last state: the mark is there
    view.select_marker(new)  # chosen in the list: it stays chosen when the others come
    if read_when == "after the undo":
        let_read()
    hand_back.set()
    qtbot.waitUntil(lambda: loaded(win), timeout=5000)
    assert shown_ids(win) == stored_ids(win, review_id)
    assert len(shown_ids(win)) == len(MARKED_AT) + 1
    assert view.selected == new and view.marker_list.selected_marker() == new
    win.undo_or_redo(redo=False)  # the one history still holds the mark
    assert shown_ids(win) == stored_ids(win, review_id) and new not in shown_ids(win)
    assert len(shown_ids(win)) == len(MARKED_AT)


def test_a_described_moment_shows_its_new_words_when_the_list_comes(qtbot, scene) -> None:  # type: ignore[no-untyped-def]
    win, _player, gated, review_id = scene
    view = win.review_view
    read, hand_back, done = gated.gates(review_id)
    assert win.open_review(review_id)
    read.set()
    qtbot.waitUntil(done.is_set, timeout=5000)  # read with the old words
    first = stored_ids(win, review_id)[0]
    perform(lambda: sh.set_field(win.bridge.lib, first, sh.SheetField.WHAT_HAPPENED, "Nieuw"))
    hand_back.set()
    qtbot.waitUntil(lambda: loaded(win), timeout=5000)
    assert view.marker_list.model.first_words[first] == "Nieuw"


def test_markers_hidden_are_never_shown_while_or_after_reading(qtbot, scene) -> None:  # type: ignore[no-untyped-def]
    win, _player, gated, review_id = scene
    view = win.review_view
    lib = win.bridge.lib
    read, hand_back, done = gated.gates(review_id)
    assert win.open_review(review_id)
    read.set()
    qtbot.waitUntil(done.is_set, timeout=5000)  # the worker read them while they could be shown
    view.mark(view.parties[1].id)
    assert len(shown_ids(win)) == 1
    # "Apart markeren" switched on (as Stap 1 does): from now on nothing of any marker shows.
    assert perform(lambda: ss.set_blind_marking(lib, review_id, True)).ok
    assert view.shared is not None and view.shared.hidden
    assert shown_ids(win) == [] and view.selected is None and sheet_of(view) is None
    assert not view.marker_list.loading()
    hand_back.set()  # the read of before comes back late: dropped
    qtbot.waitUntil(lambda: not view.marker_loader.busy(), timeout=5000)
    qtbot.wait(50)
    assert shown_ids(win) == [] and view.shared.hidden
    counts = view.shared.counts
    assert sum(counts.values()) == len(MARKED_AT) + 1
    # Opened again while hidden: only the counts are read, at once, on this thread.
    calls = len(gated.calls)
    assert win.open_review(review_id)
    assert shown_ids(win) == [] and view.shared.hidden and len(gated.calls) == calls
    assert not view.marker_loader.busy()
    assert view.mark_buttons._counts == counts


def test_a_search_hit_opens_the_review_at_its_moment_once_the_markers_came(qtbot, scene) -> None:  # type: ignore[no-untyped-def]
    win, player, gated, review_id = scene
    view = win.review_view
    target = mk.list_markers(win.bridge.lib, review_id)[3]
    win.open_moment(review_id, target.id)
    assert view.selected is None  # not there yet
    gated.open(review_id)
    qtbot.waitUntil(lambda: view.selected == target.id, timeout=5000)
    assert player.position() == target.start_ms
    assert view.marker_list.selected_marker() == target.id
    assert sheet_of(view) == target.id
    assert view.timeline.view.selected_marker() == target.id


def test_a_search_hit_for_a_hidden_moment_selects_nothing(qtbot, scene) -> None:  # type: ignore[no-untyped-def]
    win, player, gated, review_id = scene
    view = win.review_view
    target = mk.list_markers(win.bridge.lib, review_id)[3]
    assert win.open_review(review_id)
    view.select_marker(target.id, seek=True)  # asked for while reading: waits for the list
    assert perform(lambda: ss.set_blind_marking(win.bridge.lib, review_id, True)).ok
    gated.open(review_id)
    qtbot.waitUntil(lambda: not view.marker_loader.busy(), timeout=5000)
    qtbot.wait(50)
    assert view.selected is None and player.position() != target.start_ms
    assert sheet_of(view) is None


def test_another_review_opened_while_the_first_is_read(qtbot, scene) -> None:  # type: ignore[no-untyped-def]
    win, _player, gated, first = scene
    view = win.review_view
    lib = win.bridge.lib
    rec_id = rv.get_review(lib, first).recording_id
    second = rv.create_review(lib, rec_id).id
    party = rv.list_parties(lib, second)[0]
    for at in (5_000, 15_000, 25_000, 35_000):
        mk.add_marker(lib, party.id, at)
    assert win.open_review(first)
    qtbot.waitUntil(lambda: first in gated.calls, timeout=5000)
    assert win.open_review(second)
    assert view.review is not None and view.review.id == second
    gated.open(first)  # the first review's markers come late
    qtbot.waitUntil(gated.done[first].is_set, timeout=5000)
    qtbot.wait(100)
    assert shown_ids(win) == [] and view.marker_list.loading()  # dropped, still reading
    gated.open(second)
    qtbot.waitUntil(lambda: loaded(win), timeout=5000)
    assert shown_ids(win) == stored_ids(win, second)
    assert not set(shown_ids(win)) & set(stored_ids(win, first))


def test_the_stap_pages_while_the_markers_are_read(qtbot, scene) -> None:  # type: ignore[no-untyped-def]
    """Opening the Samenleergesprek and choosing a moment (a change of the session, which reads
    the markers again) before the list came: the read is asked again, Stap 2 gets its room,
    and the moments tab shows every marker after."""
    win, _player, gated, review_id = scene
    view = win.review_view
    lib = win.bridge.lib
    for party in rv.list_parties(lib, review_id):
        ss.confirm_rules(lib, review_id, party.id)  # the ground rules: Stap 2 may open
    assert win.open_review(review_id)
    qtbot.waitUntil(lambda: review_id in gated.calls, timeout=5000)
    view.tabs.setCurrentIndex(1)
    panel = view.session_panel
    assert panel is not None and view.session_panel_built()
    chosen = stored_ids(win, review_id)[2]
    assert perform(lambda: ss.choose_moment(lib, review_id, chosen)).ok
    qtbot.waitUntil(lambda: gated.calls.count(review_id) == 2, timeout=5000)  # read again
    gated.open(review_id)
    qtbot.waitUntil(lambda: loaded(win), timeout=5000)
    assert shown_ids(win) == stored_ids(win, review_id)
    assert panel.go(SessionStep.DISCUSS)
    assert not view.timeline.isVisible()  # Stap 2: the gespreksblad gets the room
    assert panel.discuss.clip_box.isVisible()
    view.tabs.setCurrentIndex(0)
    assert view.timeline.isVisible() and len(shown_ids(win)) == len(MARKED_AT)


def test_a_long_read_is_said_to_a_screen_reader_a_short_one_is_not(qtbot, scene, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    win, _player, gated, review_id = scene
    said = announcements(monkeypatch)
    view = win.review_view
    assert view.marker_list._loading_timer.interval() == marker_list.LOADING_SAID_AFTER_MS
    view.marker_list._loading_timer.setInterval(2_000)
    assert win.open_review(review_id)
    gated.open(review_id)  # quick
    qtbot.waitUntil(lambda: loaded(win), timeout=5000)
    qtbot.wait(50)
    assert not any("marked moments" in text for text in said)
    view.marker_list._loading_timer.setInterval(30)
    for gates in (gated.read, gated.hand_back, gated.done):
        gates.pop(review_id)  # the next read waits again
    assert win.open_review(review_id)
    qtbot.waitUntil(lambda: "Reading the marked moments…" in said, timeout=5000)
    gated.open(review_id)
    qtbot.waitUntil(lambda: "The marked moments are shown." in said, timeout=5000)
    assert shown_ids(win) == stored_ids(win, review_id)


def test_a_read_that_fails_on_the_worker_is_done_here(qtbot, scene, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    win, _player, _gated, review_id = scene

    def refuse(_lib, _review_id):  # type: ignore[no-untyped-def]
        raise VsrError("error.storage.busy")

    monkeypatch.setattr(marker_loader, "read_markers", refuse)
    assert win.open_review(review_id)
    qtbot.waitUntil(lambda: loaded(win) and bool(shown_ids(win)), timeout=5000)
    assert shown_ids(win) == stored_ids(win, review_id)
