"""A library locked by another program (it holds the write lock: BEGIN IMMEDIATE in a child
process) while the user marks and types: the window never waits for it (the event loop keeps
turning, measured), the text stays in its field and the marks wait, the screen says they are saved
as soon as the library is free, nothing shows as saved that is not, and after the release all of
it is saved, the marks in the order they were made."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
from vsr.ui.bridge import LibraryBridge
from vsr.ui.i18n import install_language
from vsr.ui.main_window import MainWindow
from vsr.ui.review.undo_commands import AddMarkerCommand

from tests.ui.fake_player import FakePlayer
from tests.vsr.fakes import add_fake_recording, fake_fingerprint
from vsr.library import markers as mk
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.library.sheets import SheetField

HOLD = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
"""
MAX_STALL_MS = 100


class Locker:
    """Another program holding the library's write lock until `release`."""

    def __init__(self, path: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert self.proc.stdout is not None and self.proc.stdout.readline() == "locked\n"

    def release(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.write("\n")
            self.proc.stdin.flush()
            self.proc.wait(timeout=30)


def waited_for_cpu_ms() -> float:
    """How long the UI thread has been ready to run but waiting for a CPU (Linux schedstat):
    time the machine gave to other programs, which is not the window standing still."""
    try:
        return int(Path("/proc/thread-self/schedstat").read_text().split()[1]) / 1e6
    except (OSError, IndexError, ValueError):
        return 0.0


class StallMeter:
    """The longest gap between ticks of a 5 ms timer: how long the event loop stood still.
    On a loaded machine (CI, shared cores) the time the thread only waited for a CPU is not
    counted; `longest_wall` is the plain wall-clock gap."""

    def __init__(self) -> None:
        self.longest = 0.0
        self.longest_wall = 0
        self._clock = QElapsedTimer()
        self._cpu_wait = 0.0
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._clock.start()
        self._cpu_wait = waited_for_cpu_ms()
        self._timer.start()

    def _tick(self) -> None:
        gap = self._clock.restart()
        cpu_wait, self._cpu_wait = self._cpu_wait, waited_for_cpu_ms()
        self.longest_wall = max(self.longest_wall, gap)
        self.longest = max(self.longest, gap - (self._cpu_wait - cpu_wait))

    def stop(self) -> None:
        self._timer.stop()


@pytest.fixture
def window(qtbot, library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(rc, "_default_fingerprinter", fake_fingerprint)
    QSettings().setValue("pause_while_typing", False)
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id, party_names=("Ił", "Øy"))
    marker = mk.add_marker(library, rv.list_parties(library, review.id)[0].id, 1_000)
    assert install_language("nl")
    bridge = LibraryBridge(library)
    player = FakePlayer(duration_ms=120_000)
    win = MainWindow(bridge, player)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    assert win.open_review(review.id)
    win.review_view.select_marker(marker.id)
    win.player_under_test = player  # type: ignore[attr-defined]
    win.ids = (review.id, marker.id)  # type: ignore[attr-defined]
    yield win
    win.close()
    bridge.close()
    install_language("en")
    QSettings().remove("pause_while_typing")


@pytest.fixture
def locker(library) -> Iterator[Locker]:  # type: ignore[no-untyped-def]
    held = Locker(library.path)
    yield held
    held.release()


def run_in_event_loop(qtbot, steps: list[Callable[[], None]]) -> None:  # type: ignore[no-untyped-def]
    """The user's actions one by one from the event loop (as real input arrives)."""
    pending = list(steps)

    def next_step() -> None:
        if pending:
            pending.pop(0)()
            QTimer.singleShot(40, next_step)

    QTimer.singleShot(0, next_step)
    qtbot.waitUntil(lambda: not pending, timeout=10_000)


def test_a_locked_library_never_stops_the_window_and_loses_nothing(qtbot, window, locker) -> None:  # type: ignore[no-untyped-def]
    lib = window.bridge.lib
    review_id, marker_id = window.ids
    pro, client = rv.list_parties(lib, review_id)
    view = window.review_view
    player: FakePlayer = window.player_under_test
    field = view.sheet.field(SheetField.WHAT_HAPPENED)
    meter = StallMeter()
    meter.start()
    text = "De cliënt zei: ‘ık wil łeren’ ø"

    def mark(party_id: int, at_ms: int) -> Callable[[], None]:
        return lambda: (player.seek(at_ms), view.mark(party_id))

    def type_text(chunk: str) -> Callable[[], None]:
        return lambda: (field.setFocus(), field.insertPlainText(chunk), field.flush())

    steps = [mark(client.id, 20_000), type_text(text[:10]), mark(pro.id, 5_000),
             type_text(text[10:]), mark(client.id, 61_000)]
    run_in_event_loop(qtbot, steps)
    # Let the waiting edits be tried again a few times while the lock is still held.
    tries = QElapsedTimer()
    tries.start()
    qtbot.waitUntil(lambda: tries.elapsed() > 2_500, timeout=5_000)

    assert meter.longest < MAX_STALL_MS, (
        f"the window stood still for {meter.longest:.0f} ms ({meter.longest_wall} ms wall)")
    assert view.saves.waiting() == 3  # the marks wait, in order
    assert [m.id for m in mk.list_markers(lib, review_id)] == [marker_id]  # nothing new saved
    assert field.toPlainText() == text and field.has_pending_edit()  # kept, not marked saved
    assert sh.get_sheet(lib, marker_id).what_happened == ""
    notices = view.sheet.notice.text()
    assert "zodra het weer vrij is" in notices
    assert view.timeline.view._markers.keys() == {marker_id}  # no waiting mark drawn as saved

    locker.release()
    qtbot.waitUntil(lambda: view.saves.waiting() == 0
                    and sh.get_sheet(lib, marker_id).what_happened == text, timeout=10_000)
    meter.stop()
    assert meter.longest < MAX_STALL_MS
    new = [m for m in mk.list_markers(lib, review_id) if m.id != marker_id]
    assert [(m.party_id, m.start_ms) for m in sorted(new, key=lambda m: m.id)] == [
        (client.id, 20_000), (pro.id, 5_000), (client.id, 61_000)]  # in the order made
    qtbot.waitUntil(lambda: not field.has_pending_edit(), timeout=5_000)
    qtbot.waitUntil(lambda: not view.sheet.notice.isVisible(), timeout=5_000)
    assert len(view.timeline.view._markers) == 4
    # The undo history holds them in that order too.
    made = [window.undo.command(i) for i in range(window.undo.count())]
    assert [c.start_ms for c in made if isinstance(c, AddMarkerCommand)] == [
        20_000, 5_000, 61_000]


def test_the_clients_pause_waits_for_a_locked_library_too(qtbot, window, locker) -> None:  # type: ignore[no-untyped-def]
    from vsr.samenleergesprek import pauses as ps

    lib = window.bridge.lib
    review_id, _marker_id = window.ids
    _pro, client = rv.list_parties(lib, review_id)
    view = window.review_view
    view.tabs.setCurrentIndex(1)
    panel = view.session_panel
    player: FakePlayer = window.player_under_test
    player.play()
    player.seek(33_000)
    clock = QElapsedTimer()
    clock.start()
    panel.pause_button.click()
    assert clock.elapsed() < MAX_STALL_MS
    assert not player.is_playing()  # the replay stops at once, saved or not
    assert ps.list_pauses(lib, review_id) == []
    assert "zodra het weer vrij is" in panel.notice.text()
    assert not panel.pause_moment_button.isVisible()  # nothing to make a moment of yet
    locker.release()
    qtbot.waitUntil(lambda: ps.list_pauses(lib, review_id) != [], timeout=10_000)
    assert [(p.party_id, p.position_ms) for p in ps.list_pauses(lib, review_id)] == [
        (client.id, 33_000)]
    qtbot.waitUntil(lambda: view.timeline.view.pauses() == [(client.id, 33_000)])
    assert panel.pause_moment_button.isVisible()
