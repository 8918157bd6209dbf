"""Transcribing: the model checked against its manifest, a real transcription of a short Dutch
clip in the child process (skipped only when the model package or espeak-ng is truly absent;
under CI=true that is a failure), and a cancelled, killed and failed run that keep nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.vsr.fakes import add_fake_recording
from vsr.errors import VsrError
from vsr.library.recordings import add_recording
from vsr.media.tasks import Cancelled
from vsr.transcript import run as run_mod
from vsr.transcript import speech_model as model_mod
from vsr.transcript.speech_model import (
    ENV_KEY,
    MANIFEST_NAME,
    ModelError,
    SpeechModel,
    find_model,
    packaged_parts_installed,
    write_manifest,
)
from vsr.transcript.spoken_search import search_spoken
from vsr.transcript.store import has_transcript, load_transcript

SPOKEN = ("Ik heb een afspraak met jou op maandag. Wij gaan samen werken aan je doelen. "
          "Dank je wel, tot volgende week.")


def _absent(what: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing under CI: scripts/setup.sh installs it")
    pytest.skip(f"{what} is not installed")


@pytest.fixture
def dutch_clip(tmp_path: Path) -> Path:
    """A short clip of Dutch speech (espeak-ng: not a quality measure, only a working one)."""
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        _absent("espeak-ng")
    out = tmp_path / "spraak.wav"
    subprocess.run([str(espeak), "-v", "nl", "-s", "130", "-w", str(out), SPOKEN], check=True,
                   capture_output=True)
    return out


def test_a_model_folder_is_checked_against_its_manifest(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "whisper-small-nl"
    monkeypatch.setenv(ENV_KEY, str(folder))
    with pytest.raises(ModelError) as err:
        find_model()
    assert err.value.key == "error.transcript.folder_missing"
    folder.mkdir()
    (folder / "model.bin").write_bytes(b"\x00" * 1000)
    (folder / "config.json").write_text("{}")
    with pytest.raises(ModelError) as err:
        find_model()
    assert err.value.key == "error.transcript.no_manifest"
    assert "--write-manifest" in err.value.message()
    write_manifest(folder)
    found = find_model()
    assert found == SpeechModel(folder, "whisper-small-nl", "folder")
    (folder / "model.bin").write_bytes(b"\x00" * 999 + b"\x01")  # same size, other content
    with pytest.raises(ModelError) as err:
        find_model()
    assert err.value.key == "error.transcript.model_changed" and "model.bin" in err.value.message()
    (folder / "config.json").unlink()
    (folder / MANIFEST_NAME).write_text('{"files": [{"name": "../etc/passwd", "size": 1,'
                                        ' "sha256": "x"}]}')
    with pytest.raises(ModelError) as err:
        find_model()
    assert err.value.key == "error.transcript.bad_manifest"


def test_the_setting_chooses_the_folder_when_no_environment(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_KEY, raising=False)
    assert model_mod.chosen_folder(str(tmp_path)) == tmp_path
    monkeypatch.setenv(ENV_KEY, "/elders")
    assert model_mod.chosen_folder(str(tmp_path)) == Path("/elders")


def test_the_packaged_base_model_is_joined_and_checked(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    if not packaged_parts_installed():
        _absent("the Whisper base model (pip install -e '.[transcript]')")
    target = tmp_path / "cache" / "whisper-base"
    monkeypatch.setattr(model_mod, "assembled_folder", lambda: target)
    monkeypatch.delenv(ENV_KEY, raising=False)
    found = find_model()
    assert found.folder == target and found.source == "package"
    assert (target / "model.bin").stat().st_size == 145_217_607
    with (target / "model.bin").open("r+b") as handle:  # damaged on disk: joined again
        handle.seek(1000)
        handle.write(b"\xff\xff")
    assert find_model().folder == target
    assert not (target.parent / "whisper-base.partial").exists()


def test_a_short_dutch_clip_is_transcribed(library, dutch_clip: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    if not packaged_parts_installed():
        _absent("the Whisper base model (pip install -e '.[transcript]')")
    monkeypatch.delenv(ENV_KEY, raising=False)
    rec, _ = add_recording(library, dutch_clip)
    seen: list[float] = []
    count = run_mod.transcribe_recording(library, rec.id, progress=seen.append)
    t = load_transcript(library, rec.id)
    assert count == len(t.segments) >= 1 and t.language == "nl"
    assert seen and seen[-1] >= 0.9 and seen == sorted(seen)
    words = [w for s in t.segments for w in s.words]
    assert len(words) >= 10
    assert all(a.start_ms <= b.start_ms for a, b in zip(words, words[1:], strict=False))
    assert 0 <= words[0].start_ms and words[-1].end_ms <= rec.duration_ms + 500
    text = " ".join(s.text for s in t.segments).casefold()
    # espeak's Dutch is rough; these words Whisper base hears reliably in it
    assert "samen" in text and "volgende" in text
    assert {s.speaker for s in t.segments} <= {0, 1}
    # a word heard as a word of its own (on some machines "samen" arrives glued: "gansamen")
    assert [h.recording_id for h in search_spoken(library, "volgende")] == [rec.id]
    assert search_spoken(library, "vrachtwagen") == []


def _fake_model(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(run_mod, "find_model",
                        lambda setting="": SpeechModel(tmp_path, "test", "folder"))


def _script(code: str):  # type: ignore[no-untyped-def]
    return lambda model, media, out: [sys.executable, "-c", code, str(out)]


def test_a_cancelled_run_kills_the_child_and_keeps_nothing(library, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_model(monkeypatch, tmp_path)
    rec = add_fake_recording(library, tmp_path)
    pid_file = tmp_path / "child.pid"
    child = ("import os, sys, time\n"
             f"open({str(pid_file)!r}, 'w').write(str(os.getpid()))\n"
             "print('progress 1000 60000', flush=True)\n"
             "while True: time.sleep(0.05)\n")
    seen: list[float] = []
    with pytest.raises(Cancelled):
        run_mod.transcribe_recording(library, rec.id, progress=seen.append,
                                     cancel=lambda: bool(seen), command=_script(child))
    pid = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # reaped: gone
    assert seen == [pytest.approx(1000 / 60000)]
    assert not has_transcript(library, rec.id)


def test_a_killed_child_is_said_in_words(library, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_model(monkeypatch, tmp_path)
    rec = add_fake_recording(library, tmp_path)
    child = "import os, signal; print('progress 0 10', flush=True); os.kill(os.getpid(), 9)"
    with pytest.raises(VsrError) as err:
        run_mod.transcribe_recording(library, rec.id, command=_script(child))
    assert err.value.key == "error.transcript.stopped"
    assert "niets bewaard" in err.value.message()
    assert not has_transcript(library, rec.id)


def test_a_failed_child_and_a_broken_result_keep_nothing(library, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_model(monkeypatch, tmp_path)
    rec = add_fake_recording(library, tmp_path)  # not media: the real child fails on it
    with pytest.raises(VsrError) as err:
        run_mod.transcribe_recording(library, rec.id)
    assert err.value.key == "error.transcript.failed"
    assert "Traceback" not in err.value.message()
    half = ("import sys, json\n"
            "open(sys.argv[1], 'w').write(json.dumps([{'start_ms': 0}]))\n"
            "print('done')\n")
    with pytest.raises(VsrError) as err:
        run_mod.transcribe_recording(library, rec.id, command=_script(half))
    assert err.value.key == "error.transcript.failed"
    assert not has_transcript(library, rec.id)


def test_the_child_writes_its_result_whole_or_not_at_all(tmp_path: Path) -> None:
    from vsr.transcript import child

    out = tmp_path / "result.json"
    assert child.main([str(tmp_path), str(tmp_path / "missing.wav"), str(out)]) == 2
    assert not out.exists() and not (tmp_path / "result.json.partial").exists()
    assert child.main(["too", "few"]) == 2


def test_result_json_round_trips_speakers(tmp_path: Path) -> None:
    raw = [{"start_ms": 0, "end_ms": 1000, "text": "hallo", "words": [
        {"start_ms": 0, "end_ms": 500, "text": "hallo"}],
        "features": [0.5] + [0.0] * 20 + [float("nan")]}]  # one channel, bands, no pitch
    segments = run_mod._segments(json.loads(json.dumps(raw)))
    assert segments[0].speaker == 0 and segments[0].words[0].text == "hallo"
