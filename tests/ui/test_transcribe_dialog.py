"""The window's "write down what was said": the work runs on a worker with a progress dialog;
the result is stored on the window's thread; a failure is said in words and a stop keeps
nothing. The model and the child are stood in for (tests/vsr/test_transcribe.py runs them)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from vsr.ui.review import transcribe_dialog as td

from tests.vsr.fakes import add_fake_recording
from tests.vsr.test_transcript_store import CONVERSATION
from vsr.errors import VsrError
from vsr.transcript.speech_model import SpeechModel
from vsr.transcript.store import has_transcript, load_transcript


@pytest.fixture
def fake_model(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(td, "find_model", lambda setting="": SpeechModel(tmp_path, "fake", "folder"))


def test_done_is_stored(qtbot, library, tmp_path: Path, fake_model,  # type: ignore[no-untyped-def]
                        monkeypatch: pytest.MonkeyPatch) -> None:
    def media(model, path, *, progress, cancel):  # type: ignore[no-untyped-def]
        progress(0.5)
        return list(CONVERSATION)

    monkeypatch.setattr(td, "transcribe_media", media)
    rec = add_fake_recording(library, tmp_path)
    runner = td.Transcriber(library, rec.id, Path(rec.path))
    with qtbot.waitSignal(runner.finished) as done:
        pass
    assert done.args == [True]
    assert [s.text for s in load_transcript(library, rec.id).segments] == [
        s.text for s in CONVERSATION]


def test_failure_is_said_and_nothing_kept(qtbot, library, tmp_path: Path,  # type: ignore[no-untyped-def]
                                          fake_model, monkeypatch: pytest.MonkeyPatch) -> None:
    def media(model, path, *, progress, cancel):  # type: ignore[no-untyped-def]
        raise VsrError("error.transcript.failed")

    shown: list[str] = []
    monkeypatch.setattr(td, "transcribe_media", media)
    monkeypatch.setattr("vsr.ui.dialogs.show_error",
                        lambda parent, exc: shown.append(exc.message()))
    rec = add_fake_recording(library, tmp_path)
    runner = td.Transcriber(library, rec.id, Path(rec.path))
    with qtbot.waitSignal(runner.finished) as done:
        pass
    assert done.args == [False]
    assert shown and "niets bewaard" in shown[0]
    assert not has_transcript(library, rec.id)


def test_stop_keeps_nothing(qtbot, library, tmp_path: Path, fake_model,  # type: ignore[no-untyped-def]
                            monkeypatch: pytest.MonkeyPatch) -> None:
    started = threading.Event()

    def media(model, path, *, progress, cancel):  # type: ignore[no-untyped-def]
        started.set()
        while not cancel():
            threading.Event().wait(0.01)
        return list(CONVERSATION)  # what a stopped run returns must not be stored

    monkeypatch.setattr(td, "transcribe_media", media)
    rec = add_fake_recording(library, tmp_path)
    runner = td.Transcriber(library, rec.id, Path(rec.path))
    qtbot.waitUntil(started.is_set)
    with qtbot.waitSignal(runner.finished) as done:
        runner.dialog().canceled.emit()  # what its Stop button sends
    assert done.args == [False]
    from vsr.ui.workers import running

    qtbot.waitUntil(lambda: running() == 0)
    assert not has_transcript(library, rec.id)
