"""Long actions never freeze the window (issue 21): `workers.ChildJob` runs CPU work in a child
process whose lines reach the UI thread by signal; progress moves, Cancel kills the child and
leaves no file, an error in the child is a sentence. Then each dialog that uses it (the learning
summary with stills, clips with faces made unrecognisable) and a backup, on real media."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from vsr.ui import workers
from vsr.ui.backup_dialog import BackupDialog
from vsr.ui.clips.export_dialog import ExportClipsDialog
from vsr.ui.dialogs import error_text
from vsr.ui.samenleergesprek.export_dialog import ExportSummaryDialog

from tests.vsr import session_fixtures as fx
from vsr.errors import VsrError
from vsr.i18n import translate
from vsr.jobs.work import SleepWork
from vsr.library import backups as bk
from vsr.library import collections as co
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library.audit import list_audit
from vsr.library.consent import grant_consent
from vsr.library.exported import list_exported
from vsr.library.markers import add_marker
from vsr.library.recordings import add_recording
from vsr.media.testclip import generate_test_clip


class _Seen:
    def __init__(self, job: workers.ChildJob) -> None:
        self.progress: list[float] = []
        self.done: list[object] = []
        self.failed: list[BaseException] = []
        self.finished = 0
        job.progress.connect(self.progress.append)
        job.done.connect(self.done.append)
        job.failed.connect(self.failed.append)
        job.finished.connect(self._finished)

    def _finished(self) -> None:
        self.finished += 1


def test_a_child_job_reports_progress_and_its_result(qtbot) -> None:
    job = workers.ChildJob("sleep", SleepWork(steps=6, step_s=0.08))
    seen = _Seen(job)
    job.start()
    assert workers.children() >= 1
    qtbot.waitUntil(lambda: seen.finished == 1, timeout=30_000)
    assert seen.done == [6] and seen.failed == []
    assert len(seen.progress) >= 3 and seen.progress == sorted(seen.progress)
    assert seen.progress[-1] == 1.0
    assert not job.running()


def test_cancel_kills_the_child_and_cleans_up(qtbot) -> None:
    cleaned: list[bool] = []
    job = workers.ChildJob("sleep", SleepWork(steps=200, step_s=0.05),
                           cleanup=lambda: cleaned.append(True))
    seen = _Seen(job)
    job.start()
    qtbot.waitUntil(lambda: bool(seen.progress), timeout=30_000)  # it runs
    job.cancel()
    qtbot.waitUntil(lambda: seen.finished == 1, timeout=10_000)
    assert seen.done == [] and seen.failed == [] and cleaned == [True]
    assert job.returncode is not None and job.returncode < 0  # killed, not done


@pytest.mark.parametrize(("work", "key"), [
    (SleepWork(steps=1, step_s=0.0, fail_key="error.media.unreadable"), "error.media.unreadable"),
    (SleepWork(steps=1, step_s=0.0, crash=True), "error.job.failed"),
])
def test_an_error_in_the_child_is_a_sentence(qtbot, work: SleepWork, key: str) -> None:
    cleaned: list[bool] = []
    job = workers.ChildJob("sleep", work, cleanup=lambda: cleaned.append(True))
    seen = _Seen(job)
    job.start()
    qtbot.waitUntil(lambda: seen.finished == 1, timeout=30_000)
    [exc] = seen.failed
    assert isinstance(exc, VsrError) and exc.key == key
    text = error_text(exc)
    assert text and "Traceback" not in text and key not in text
    assert cleaned == [True]  # a failure cleans up as a cancel does


# -- the learning summary ------------------------------------------------------------------
def _summary_with_real_media(library, tmp_path: Path, seconds: float = 6.0) -> int:  # type: ignore[no-untyped-def]
    rec, _ = add_recording(library, generate_test_clip(tmp_path / "gesprek.mp4", seconds))
    review = rv.create_review(library, rec.id, party_names=("Anouk", "Zoë"))
    pro, client = rv.list_parties(library, review.id)
    for i in range(8):
        add_marker(library, (pro if i % 2 else client).id, 300 + i * 600)
    return review.id


def _output_left(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_summary_progress_moves_and_cancel_leaves_no_file(qtbot, library, tmp_path: Path) -> None:
    review_id = _summary_with_real_media(library, tmp_path)
    dialog = ExportSummaryDialog(library, review_id)
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "uit" / "verslag.pdf"
    dialog.path.setText(str(out))
    dialog.stills.setChecked(True)
    values: list[int] = []
    dialog.busy.valueChanged.connect(values.append)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.cancel_button.isEnabled() and not dialog.export_button.isEnabled()
    qtbot.waitUntil(lambda: any(0 < v < 1000 for v in values), timeout=30_000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: workers.children() == 0, timeout=10_000)
    assert dialog.written is None and dialog.export_button.isEnabled()
    assert not out.exists() and _output_left(tmp_path / "uit") == []
    assert list_exported(library) == [] and list_audit(library, action="export") == []
    staging = library.path.parent / "staging"
    assert _output_left(staging) == []
    # and once more to the end: the progress goes all the way and the file is there
    values.clear()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=60_000)
    assert out.read_bytes().startswith(b"%PDF")
    assert values == sorted(values) and values[-1] == 1000
    assert [f.path for f in list_exported(library)] == [str(out)]


def test_closing_the_summary_dialog_cancels(qtbot, library, tmp_path: Path) -> None:
    review_id = _summary_with_real_media(library, tmp_path)
    dialog = ExportSummaryDialog(library, review_id)
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "verslag.pdf"
    dialog.path.setText(str(out))
    dialog.stills.setChecked(True)
    dialog.start_export()
    job = dialog.job
    assert job is not None and job.running()
    dialog.close_button.click()  # closing = cancel: nothing is lost, no half file
    qtbot.waitUntil(lambda: not job.running(), timeout=10_000)
    assert not out.exists() and list_exported(library) == []


def test_a_broken_recording_gives_a_summary_that_says_so(qtbot, library, tmp_path: Path) -> None:
    """A still the child cannot make is said in the summary itself; the export goes on."""
    walked = fx.walked_review(library, tmp_path, long_text=False)  # "recording bytes": no video
    dialog = ExportSummaryDialog(library, walked.review.id)
    qtbot.addWidget(dialog)
    dialog.format_group.button(3).setChecked(True)  # Markdown: the text can be read here
    out = tmp_path / "verslag.md"
    dialog.path.setText(str(out))
    dialog.stills.setChecked(True)
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=60_000)
    assert translate("summary.still_missing") in out.read_text("utf-8")


def test_an_error_in_the_summary_child_is_a_sentence(qtbot, library, tmp_path: Path) -> None:
    """The file cannot be written (its folder is a file): the child's VsrError is the dialog's
    sentence, in the window's language, and nothing is left or recorded."""
    review_id = _summary_with_real_media(library, tmp_path, 3.0)
    dialog = ExportSummaryDialog(library, review_id)
    qtbot.addWidget(dialog)
    blocker = tmp_path / "een-bestand"
    blocker.write_text("x")
    dialog.path.setText(str(blocker / "verslag.pdf"))
    dialog.stills.setChecked(True)
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=60_000)
    said = dialog.status.text()
    assert "kon niet worden opgeslagen" in said and "Traceback" not in said
    assert dialog.written is None and list_exported(library) == []
    assert _output_left(library.path.parent / "staging") == []


# -- clips with faces made unrecognisable ---------------------------------------------------
@pytest.fixture
def collection(library, tmp_path: Path) -> int:  # type: ignore[no-untyped-def]
    rec, _ = add_recording(library, generate_test_clip(tmp_path / "gesprek.mp4", 4.0))
    grant_consent(library, rec.id, "intervisie", given_by="Zoë")
    made = co.create_collection(library, "Teamoverleg", "intervisie")
    co.add_clip(library, made.id, rec.id, 200, 3800, title="Begin")
    return made.id


def test_clips_progress_moves_and_cancel_leaves_nothing(qtbot, library, collection: int,
                                                         tmp_path: Path) -> None:
    dialog = ExportClipsDialog(library, collection)
    qtbot.addWidget(dialog)
    out = tmp_path / "export"
    dialog.folder.setText(str(out))
    dialog.faces.setChecked(True)  # the CPU-heavy case: every frame looked at for faces
    values: list[int] = []
    dialog.progress.valueChanged.connect(values.append)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: any(0 < v < 900 for v in values), timeout=60_000)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: workers.children() == 0, timeout=10_000)
    assert dialog.report is None and dialog.export_button.isEnabled()
    assert _output_left(out) == [] and list_audit(library, action="export") == []
    assert not out.exists()  # the folder the export made is gone too
    assert _output_left(library.path.parent / "staging") == []


def test_a_broken_clip_source_is_a_sentence(qtbot, library, collection: int, tmp_path: Path,
                                            monkeypatch) -> None:
    clip = co.list_clips(library, collection)[0]
    source = Path(rc.get_recording(library, clip.recording_id).path)
    source.write_bytes(source.read_bytes()[:2000])  # truncated after it was added
    monkeypatch.setattr(rc, "require_available", lambda rec: rec.path)  # no fingerprint check
    shown: list[str] = []
    monkeypatch.setattr("vsr.ui.clips.export_dialog.show_error",
                        lambda _parent, exc: shown.append(error_text(exc)))
    dialog = ExportClipsDialog(library, collection)
    qtbot.addWidget(dialog)
    out = tmp_path / "export"
    dialog.folder.setText(str(out))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=60_000)
    assert "Traceback" not in shown[0] and "error." not in shown[0]
    assert dialog.report is None and _output_left(out) == []


# -- a backup ---------------------------------------------------------------------------------
def test_backup_progress_moves_cancel_leaves_no_file(qtbot, library, tmp_path: Path) -> None:
    with library.write():
        con = library.conn  # a library of some size: many copy steps
        con.execute("CREATE TABLE ballast (x BLOB)")
        con.executemany("INSERT INTO ballast VALUES (?)", [(b"x" * 4000,) for _ in range(6000)])
    dialog = BackupDialog(library.path)
    qtbot.addWidget(dialog)
    dialog.show()
    values: list[int] = []
    dialog.progress.valueChanged.connect(values.append)
    before = bk.list_backups(library.path)
    dialog.create_backup()
    assert dialog.running() and dialog.cancel_button.isVisible()
    dialog.cancel_backup()
    task = dialog.task
    assert task is not None
    qtbot.waitUntil(lambda: workers.running() == 0, timeout=30_000)
    assert bk.list_backups(library.path) == before
    assert not [p for p in bk.backup_folder(library.path).glob(".*partial")]
    assert "No file was made" in dialog.message.text()
    dialog.create_backup()
    qtbot.waitUntil(lambda: not dialog.running(), timeout=30_000)
    assert len(bk.list_backups(library.path)) == len(before) + 1
    assert any(0 < v < 1000 for v in values)


def test_a_backup_that_fails_is_a_sentence(qtbot, tmp_path: Path) -> None:
    dialog = BackupDialog(tmp_path / "weg" / "library.sqlite")  # no library there
    qtbot.addWidget(dialog)
    dialog.create_backup()
    qtbot.waitUntil(lambda: not dialog.running(), timeout=30_000)
    said = dialog.message.text()
    assert said and "Traceback" not in said and "error." not in said


# -- a review package with its recording -------------------------------------------------------
def _share(qtbot, library, tmp_path: Path, monkeypatch, out: Path):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget
    from vsr.ui.bridge import LibraryBridge
    from vsr.ui.package_dialogs import ShareDialog, share_review

    review_id = _summary_with_real_media(library, tmp_path, 6.0)
    rec_id = rv.get_review(library, review_id).recording_id
    grant_consent(library, rec_id, "intervisie", given_by="Zoë")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))

    def choose(self: ShareDialog) -> int:
        self.recording.setChecked(True)
        return 1

    monkeypatch.setattr(ShareDialog, "exec", choose)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    parent = QWidget()
    qtbot.addWidget(parent)
    task = share_review(parent, LibraryBridge(library), review_id, rec_id)
    assert task is not None
    busy = parent.findChild(QProgressDialog)
    assert busy is not None
    return task, busy, said


def test_a_package_shows_progress_and_cancel_leaves_no_file(qtbot, library, tmp_path: Path,
                                                             monkeypatch) -> None:
    from vsr.review_package import archive

    monkeypatch.setattr(archive, "_CHUNK", 1024)  # many steps, each a moment
    real_stepper = archive._stepper

    def slow_stepper(*args):  # type: ignore[no-untyped-def]
        step = real_stepper(*args)

        def slow(count: int) -> None:
            time.sleep(0.004)
            step(count)
        return slow

    monkeypatch.setattr(archive, "_stepper", slow_stepper)
    out = tmp_path / "gesprek.vsrpack"
    task, busy, said = _share(qtbot, library, tmp_path, monkeypatch, out)
    qtbot.waitUntil(lambda: 0 < busy.value() < 1000, timeout=30_000)  # the progress moves
    [cancel] = busy.findChildren(QPushButton)
    cancel.click()
    qtbot.waitUntil(lambda: workers.running() == 0, timeout=30_000)
    qtbot.wait(50)  # the queued answer to the worker's end
    assert not out.exists() and said == []
    assert list_exported(library) == [] and list_audit(library, action="export") == []
    assert not [p for p in tmp_path.rglob("*.vsrpack*")]


# -- adding a recording -------------------------------------------------------------------------
def test_the_window_answers_while_a_file_is_read(qtbot, library, tmp_path: Path,
                                                 monkeypatch) -> None:
    """open_file reads the file (the probe, the fingerprint) on a worker: the event loop goes
    on meanwhile, and the recording is added and opened after."""
    import threading

    from PySide6.QtCore import QTimer
    from vsr.ui.bridge import LibraryBridge
    from vsr.ui.main_window import MainWindow

    from tests.ui.fake_player import FakePlayer

    media = generate_test_clip(tmp_path / "nieuw.mp4", 2.0)
    probe = rc._default_prober
    probed_on: list[bool] = []

    def slow_probe(path: Path):  # type: ignore[no-untyped-def]
        probed_on.append(threading.current_thread() is threading.main_thread())
        time.sleep(0.4)
        return probe(path)

    monkeypatch.setattr(rc, "_default_prober", slow_probe)
    window = MainWindow(LibraryBridge(library), FakePlayer(duration_ms=2_000))
    qtbot.addWidget(window)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    began = time.perf_counter()
    assert window.open_file(media) is True
    ended = time.perf_counter()
    timer.stop()
    assert probed_on == [False]
    assert len([t for t in ticks if began < t < ended]) >= 3  # the loop ran while it was read
    assert [r.path for r in rc.list_recordings(library)] == [str(media.absolute())]
    assert window.review_view.review is not None
