"""How long the window's event loop stalls during each long action (issue 21: "a window that
never freezes", target <= 50 ms). A stall meter (a 5 ms QTimer recording the longest gap between
its ticks) runs around each action driven in its real dialog, on real media made here with
PyAV; the reference is the same meter on the same window doing nothing, in the same run.
Each row's `cpu_value` is the most CPU time the UI thread spent between two ticks: the part of
a stall that is the program's own work on the UI thread, which the load of a shared computer
(a thread waiting for a core) inflates far less than the wall-clock gap. Run as
`python -m bench.stall_rows [--quick] WORKDIR`; it prints its rows as one JSON line.

Actions: the learning summary with stills (PDF), clips with an intervisie pack, clips with
faces made unrecognisable (anonymisation), a review package with its recording, the transcript
(when the speech model is installed), a backup, a restore, and adding a recording."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget  # noqa: E402
from vsr.ui.i18n import install_language  # noqa: E402

from bench.rows import Row, emit, load_average, row  # noqa: E402
from vsr.library import Library, open_library  # noqa: E402
from vsr.library import collections as co  # noqa: E402
from vsr.library import reviews as rv  # noqa: E402
from vsr.library.consent import grant_consent  # noqa: E402
from vsr.library.markers import add_marker  # noqa: E402
from vsr.library.recordings import add_recording  # noqa: E402
from vsr.media.testclip import generate_test_clip  # noqa: E402

TARGET_MS = 50.0


class StallMeter(QObject):
    """A 5 ms timer on the event loop; `longest_ms` is the longest gap between two ticks: how
    long the window could not answer. A watcher thread notes where the UI thread was (the
    innermost vsr frames) while a gap grows past 40 ms: `where` names the longest stall's
    cause."""

    def __init__(self, interval_ms: int = 5) -> None:
        super().__init__()
        self.where = ""
        self._seen: dict[str, float] = {}
        self._watching = False
        self._main = threading.main_thread().ident
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest = 0.0
        self.ticks = 0

    def start(self) -> None:
        self.last, self.longest, self.ticks = time.perf_counter(), 0.0, 0
        self.last_cpu, self.busiest, self.longest_cpu = time.thread_time(), 0.0, 0.0
        self._seen.clear()
        self._watching = True
        threading.Thread(target=self._watch, daemon=True).start()
        self.timer.start()

    def _tick(self) -> None:
        """The gap's wall time, and the CPU time the UI thread spent in it: a long gap with
        little CPU is the thread waiting (for the computer's cores under load, or blocked), a
        long gap full of CPU is work done on the UI thread."""
        now, cpu = time.perf_counter(), time.thread_time()
        if now - self.last > self.longest:  # the longest gap, and the CPU spent in it
            self.longest, self.longest_cpu = now - self.last, cpu - self.last_cpu
        self.busiest = max(self.busiest, cpu - self.last_cpu)
        self.last, self.last_cpu = now, cpu
        self.ticks += 1

    def _watch(self) -> None:
        while self._watching:
            time.sleep(0.01)
            gap = time.perf_counter() - self.last
            if gap < 0.04 or self._main is None:
                continue
            frame = sys._current_frames().get(self._main)
            names = []
            while frame is not None and len(names) < 3:
                code = frame.f_code
                if "/vsr/" in code.co_filename or "/ui/" in code.co_filename:
                    names.append(f"{Path(code.co_filename).stem}.{code.co_name}")
                frame = frame.f_back
            key = " < ".join(names) or "Qt (no Python frame)"
            self._seen[key] = max(self._seen.get(key, 0.0), gap)

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        self._watching = False
        if self._seen:
            self.where = max(self._seen, key=lambda k: self._seen[k])
        return self.longest * 1000.0


def run_loop_until(done: Callable[[], bool], timeout_s: float) -> bool:
    """Run the real event loop (not processEvents) until `done()`; False at the time-out."""
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(20)
    deadline = time.monotonic() + timeout_s
    poll.timeout.connect(lambda: (done() or time.monotonic() > deadline) and loop.quit())
    poll.start()
    loop.exec()
    poll.stop()
    return done()


LAST_WHERE: list[str] = []
LAST_BUSIEST: list[float] = []


def measure(start: Callable[[], object], done: Callable[[], bool], *,
            timeout_s: float = 600.0) -> tuple[float | None, float]:
    """(longest stall in ms, wall seconds) of an action: `start` runs from the event loop (as a
    click does) inside the meter, then the loop runs until `done()`."""
    meter = StallMeter()
    meter.start()
    began = time.perf_counter()
    QTimer.singleShot(0, start)
    finished = run_loop_until(done, timeout_s)
    stall = meter.stop()
    LAST_WHERE[:] = [meter.where]
    LAST_BUSIEST[:] = [meter.busiest * 1000.0]
    return (stall if finished else None), time.perf_counter() - began


def idle(window: QWidget, seconds: float) -> float:
    meter = StallMeter()
    meter.start()
    end = time.monotonic() + seconds
    run_loop_until(lambda: time.monotonic() > end, seconds + 5)
    stall = meter.stop()
    LAST_BUSIEST[:] = [meter.busiest * 1000.0]
    return stall


def _library(tmp: Path, media: Path, markers: int) -> tuple[Library, int, int]:
    lib = open_library(tmp / "library.sqlite")
    rec, _ = add_recording(lib, media)
    review = rv.create_review(lib, rec.id, party_names=("Anouk de Vries", "Zoë Çelik"))
    pro, client = rv.list_parties(lib, review.id)
    span = 1000
    for i in range(markers):
        add_marker(lib, (pro if i % 2 else client).id, 500 + i * span)
    grant_consent(lib, rec.id, "intervisie", given_by="Zoë")
    return lib, rec.id, review.id


def summary_row(lib: Library, review_id: int, out: Path, reference: float) -> Row:
    from vsr.ui.samenleergesprek.export_dialog import ExportSummaryDialog

    dialog = ExportSummaryDialog(lib, review_id)
    dialog.show()
    dialog.path.setText(str(out))
    dialog.stills.setChecked(True)
    stall, wall = measure(dialog.export_button.click,
                          lambda: dialog.export_button.isEnabled() and dialog.job is not None
                          and not dialog.job.running())
    ok = dialog.written is not None
    dialog.close()
    r = row("stall: learning summary with stills (PDF)", stall if ok else None, "ms",
            TARGET_MS, reference)
    r["seconds"] = round(wall, 2)
    return r


def clips_row(lib: Library, rec_id: int, out: Path, reference: float, *, faces: bool,
              pack: str | None) -> Row:
    from vsr.ui.clips.export_dialog import ExportClipsDialog

    collection = co.create_collection(lib, f"Bench {out.name}", "intervisie")
    co.add_clip(lib, collection.id, rec_id, 1_000, 9_000, title="Begin")
    co.add_clip(lib, collection.id, rec_id, 12_000, 18_000, title="Later")
    dialog = ExportClipsDialog(lib, collection.id)
    dialog.show()
    dialog.folder.setText(str(out))
    dialog.faces.setChecked(faces)
    dialog.pack.setCurrentIndex(dialog.pack.findData(pack))
    errors: list[str] = []
    import vsr.ui.clips.export_dialog as module

    module.show_error = lambda _parent, exc: errors.append(str(exc))  # type: ignore[assignment]
    stall, wall = measure(dialog.export_button.click,
                          lambda: dialog.report is not None or bool(errors))
    name = ("stall: clips with faces made unrecognisable (anonymisation)" if faces
            else f"stall: clips with an {pack} pack")
    r = row(name, stall if dialog.report is not None else None, "ms", TARGET_MS, reference)
    r["seconds"] = round(wall, 2)
    if errors:
        r["error"] = errors[0]
    dialog.close()
    return r


def package_row(lib: Library, review_id: int, rec_id: int, out: Path, reference: float) -> Row:
    from vsr.ui.bridge import LibraryBridge
    from vsr.ui.package_dialogs import ShareDialog, share_review

    said: list[str] = []
    QFileDialog.getSaveFileName = lambda *a, **k: (str(out), "")  # type: ignore[method-assign]

    def choose(self: ShareDialog) -> int:
        self.recording.setChecked(True)
        return 1

    ShareDialog.exec = choose  # type: ignore[method-assign]
    QMessageBox.information = lambda _p, _t, text: said.append(text)  # type: ignore[method-assign,assignment]
    QMessageBox.warning = lambda _p, _t, text: said.append(text)  # type: ignore[method-assign,assignment]
    parent = QWidget()
    parent.show()
    bridge = LibraryBridge(lib)
    stall, wall = measure(lambda: share_review(parent, bridge, review_id, rec_id),
                          lambda: bool(said))
    r = row("stall: review package with its recording", stall if out.exists() else None, "ms",
            TARGET_MS, reference)
    r["seconds"] = round(wall, 2)
    parent.close()
    return r


def transcript_row(lib: Library, rec_id: int, media: Path, reference: float) -> Row:
    from vsr.ui.review.transcribe_dialog import Transcriber

    from vsr.transcript.speech_model import find_model

    try:
        find_model("")
    except Exception as exc:  # noqa: BLE001 - no model here: the row says so
        r = row("stall: transcript", None, "ms", TARGET_MS, reference)
        r["error"] = f"no speech model: {exc}"
        return r
    parent = QWidget()
    parent.show()
    ended: list[bool] = []
    holder: list[Transcriber] = []

    def begin() -> None:
        holder.append(Transcriber(lib, rec_id, media, parent))
        holder[0].finished.connect(ended.append)

    stall, wall = measure(begin, lambda: bool(ended))
    r = row("stall: transcript", stall if ended == [True] else None, "ms", TARGET_MS, reference)
    r["seconds"] = round(wall, 2)
    parent.close()
    return r


def backup_row(lib: Library, reference: float) -> Row:
    from vsr.ui.backup_dialog import BackupDialog

    with lib.write():
        con = lib.conn  # about 60 MB: a library after years of use
        con.execute("CREATE TABLE IF NOT EXISTS bench_ballast (x BLOB)")
        con.executemany("INSERT INTO bench_ballast VALUES (?)",
                        [(os.urandom(4000),) for _ in range(15_000)])
    dialog = BackupDialog(lib.path)
    dialog.show()
    before = len(dialog.backups)
    stall, wall = measure(dialog.create_backup,
                          lambda: not dialog.running() and len(dialog.backups) > before)
    r = row("stall: backup (60 MB library)", stall, "ms", TARGET_MS, reference)
    r["seconds"] = round(wall, 2)
    dialog.close()
    return r


def restore_row(tmp: Path, media: Path, reference: float) -> Row:
    """The restore as the window does it (Application.restore_library), a 60 MB library: the
    worker closes, restores and reopens the library, then the window is built again in steps
    (Application._rebuild); the row ends when the last step is done (the small "putting the
    backup back" window closes then), the review and its Samenleergesprek panel built."""
    from vsr.ui.app import Application
    from vsr.ui.bridge import LibraryBridge

    from tests.ui.fake_player import FakePlayer
    from vsr.library import backups as bk

    tmp.mkdir(exist_ok=True)
    lib, _rec, review_id = _library(tmp, media, 5)
    with lib.write():
        con = lib.conn
        con.execute("CREATE TABLE IF NOT EXISTS bench_ballast (x BLOB)")
        con.executemany("INSERT INTO bench_ballast VALUES (?)",
                        [(os.urandom(4000),) for _ in range(15_000)])
    made = bk.create_backup(lib.path)
    app = QApplication.instance()
    shell = Application(app, LibraryBridge(lib), "nl",  # type: ignore[arg-type]
                        player_factory=lambda: FakePlayer(duration_ms=20_000))
    shell.build(review_id)
    old = shell.window
    before_rebuild = StallMeter()  # the restore itself, until the window is built again
    until_rebuild: list[float] = []
    restored = shell._restored

    def rebuild(*args: object) -> None:
        until_rebuild.append(before_rebuild.stop())
        restored(*args)  # type: ignore[arg-type]

    shell._restored = rebuild  # type: ignore[method-assign]

    def begin() -> None:
        before_rebuild.start()
        shell.restore_library(made.path)

    stall, wall = measure(begin, lambda: shell.window is not None and shell.window is not old
                          and shell.restoring is None and shell.rebuilding is None)
    r = row("stall: restore (60 MB library), with rebuilding the window", stall, "ms",
            TARGET_MS, reference)
    r["seconds"] = round(wall, 2)
    r2 = row("stall: restore (60 MB library), until the window is rebuilt",
             until_rebuild[0] if until_rebuild else None, "ms", TARGET_MS, reference)
    r["also"] = r2
    if shell.window is not None:
        shell.window.close()
    return r


ACTIONS = ("summary", "pack", "faces", "package", "transcript", "backup", "restore", "import")


def import_row(tmp: Path, media: Path, reference: float) -> Row:
    """Adding a recording as the window does: MainWindow.open_file reads the file (the probe's
    child process, the fingerprint) on a worker, adds the row and opens its review."""
    from vsr.ui.bridge import LibraryBridge
    from vsr.ui.main_window import MainWindow

    from tests.ui.fake_player import FakePlayer

    tmp.mkdir(exist_ok=True)
    lib = open_library(tmp / "library.sqlite")
    window = MainWindow(LibraryBridge(lib), FakePlayer(duration_ms=20_000))
    window.resize(1366, 768)
    window.show()
    opened: list[bool] = []
    reading = StallMeter()  # until the file is read (then the row and the review's page)
    while_read: list[float] = []
    read_file = window._read_file

    def timed_read(path: Path) -> object:
        result = read_file(path)
        while_read.append(reading.stop())
        return result

    window._read_file = timed_read  # type: ignore[method-assign,assignment]

    def begin() -> None:
        reading.start()
        opened.append(window.open_file(media))

    stall, wall = measure(begin, lambda: bool(opened))
    r = row("stall: adding a recording and opening its review (open_file)",
            stall if opened == [True] else None, "ms", TARGET_MS, reference)
    r["seconds"] = round(wall, 2)
    r["also"] = row("stall: adding a recording, while the file is read (probe, fingerprint)",
                    while_read[0] if while_read else None, "ms", TARGET_MS, reference)
    window.close()
    lib.close()
    return r


def stall_rows(quick: bool, workdir: Path, only: set[str] | None = None) -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="vsr-bench-stall-") as name:
        tmp = Path(name)
        seconds = 20 if quick else 60
        media = generate_test_clip(tmp / "gesprek.mp4", seconds, width=640, height=360)
        lib, rec_id, review_id = _library(tmp, media, 15 if quick else 40)
        window = QWidget()
        window.resize(800, 600)
        window.show()
        reference = idle(window, 2.0 if quick else 5.0)
        ref_row = row("stall: idle window (reference)", reference, "ms", TARGET_MS)
        ref_row["cpu_value"] = round(LAST_BUSIEST[0], 3) if LAST_BUSIEST else None
        rows.append(ref_row)
        actions: dict[str, Callable[[], Row]] = {
            "summary": lambda: summary_row(lib, review_id, tmp / "verslag.pdf", reference),
            "pack": lambda: clips_row(lib, rec_id, tmp / "pack", reference, faces=False,
                                      pack="intervisie"),
            "faces": lambda: clips_row(lib, rec_id, tmp / "faces", reference, faces=True,
                                       pack=None),
            "package": lambda: package_row(lib, review_id, rec_id, tmp / "gesprek.vsrpack",
                                           reference),
            "transcript": lambda: transcript_row(lib, rec_id, media, reference),
            "backup": lambda: backup_row(lib, reference),
            "restore": lambda: restore_row(tmp / "restore", media, reference),
            "import": lambda: import_row(tmp / "import", media, reference),
        }
        for key, action in actions.items():
            if only and key not in only:
                continue
            r = action()
            r["load"] = round(load_average(), 2)
            if LAST_WHERE and LAST_WHERE[0] and (r.get("value") or 0) > TARGET_MS:
                r["where"] = LAST_WHERE[0]
            if LAST_BUSIEST and r.get("value") is not None:  # the UI thread's own work
                r["cpu_value"] = round(LAST_BUSIEST[0], 3)
            also = r.pop("also", None)
            rows.append(r)
            if also is not None:
                also["load"] = r["load"]
                rows.append(also)
        ref_row["load"] = rows[-1]["load"]
        window.close()
        lib.close()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", nargs="*", default=None, choices=ACTIONS, metavar="ACTION",
                        help=f"measure only these actions: {', '.join(ACTIONS)}")
    parser.add_argument("workdir", type=Path, nargs="?", default=Path(tempfile.gettempdir()))
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_language("nl")
    rows = stall_rows(args.quick, args.workdir, set(args.only) if args.only else None)
    emit(rows)
    for r in rows:
        print(f"{r['name']}: {r['value']} ms, UI-thread CPU in a gap {r.get('cpu_value')} ms "
              f"(idle {r.get('reference_value')} ms, "
              f"{r.get('seconds', '-')} s, load {r.get('load')}) {r.get('error', '')} "
              f"{r.get('where', '')}",
              file=sys.stderr)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
