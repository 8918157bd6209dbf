"""Transcribe a recording of the library: the child process does the work (vsr.transcript.child),
this side follows its progress, kills it on cancel, and stores the result in one transaction.
A killed, failed or cancelled run writes nothing to the library and leaves no file behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from vsr.errors import VsrError
from vsr.library.db import Library
from vsr.library.recordings import get_recording, require_available
from vsr.media.tasks import CancelFn, Cancelled, ProgressFn
from vsr.transcript.speech_model import SETTING_KEY, SpeechModel, find_model
from vsr.transcript.store import Segment, Word, save_transcript
from vsr.transcript.voices import assign_speakers, channel_count

_POLL_S = 0.1
ChildCommand = Callable[[SpeechModel, Path, Path], list[str]]


def child_command(model: SpeechModel, media: Path, out_json: Path) -> list[str]:
    return [sys.executable, "-m", "vsr.transcript.child", str(model.folder), str(media),
            str(out_json)]


def transcribe_recording(lib: Library, recording_id: int, *, progress: ProgressFn | None = None,
                         cancel: CancelFn | None = None, command: ChildCommand = child_command,
                         initiator: object | None = None) -> int:
    """Transcribe and store; returns the number of segments. VsrError (worded) on failure,
    Cancelled when `cancel()` turned true."""
    rec = get_recording(lib, recording_id)
    media = require_available(rec)
    if not rec.has_audio:
        raise VsrError("error.transcript.no_audio", title=rec.title)
    model = find_model(lib.get_setting(SETTING_KEY))
    segments = transcribe_media(model, media, progress=progress, cancel=cancel, command=command)
    save_transcript(lib, recording_id, segments, model=model.name, initiator=initiator)
    return len(segments)


def transcribe_media(model: SpeechModel, media: Path, *, progress: ProgressFn | None = None,
                     cancel: CancelFn | None = None, command: ChildCommand = child_command
                     ) -> list[Segment]:
    """The segments of `media`, speakers assigned; touches no library (a window runs this on a
    worker and stores the result on its own thread)."""
    with tempfile.TemporaryDirectory(prefix="vsr-transcript-") as tmp:
        out_json = Path(tmp) / "result.json"
        _run_child(command(model, media, out_json), progress, cancel)
        try:
            raw = json.loads(out_json.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError) as exc:
            raise VsrError("error.transcript.failed") from exc
    return _segments(raw)


def _run_child(cmd: list[str], progress: ProgressFn | None, cancel: CancelFn | None) -> None:
    env = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, encoding="utf-8", errors="replace")
    lines: list[str] = []
    reader = threading.Thread(target=_read_lines, args=(proc, lines, progress), daemon=True)
    reader.start()
    try:
        while proc.poll() is None:
            if cancel is not None and cancel():
                proc.kill()
                proc.wait()
                raise Cancelled()
            reader.join(_POLL_S)
    except BaseException:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        raise
    reader.join()
    stderr = proc.stderr.read() if proc.stderr else ""
    errors = [line.split(" ", 1)[1] for line in lines if line.startswith("error ")]
    if proc.returncode != 0 or "done" not in lines:
        key = errors[0] if errors and errors[0].startswith("error.transcript.") else None
        if key is None and proc.returncode is not None and proc.returncode < 0:
            key = "error.transcript.stopped"
        raise VsrError(key or "error.transcript.failed", detail=stderr.strip()[-300:])


def _read_lines(proc: subprocess.Popen[str], lines: list[str], progress: ProgressFn | None) -> None:
    assert proc.stdout is not None
    for raw in proc.stdout:
        line = raw.strip()
        lines.append(line)
        if progress is not None and line.startswith("progress "):
            try:
                done, total = (int(x) for x in line.split()[1:3])
            except ValueError:
                continue
            progress(done / total if total > 0 else 0.0)


def _segments(raw: object) -> list[Segment]:
    """The child's result as segments, speakers assigned; VsrError when it is not a result."""
    try:
        items = list(raw)  # type: ignore[call-overload]
        features = [list(map(float, item["features"])) for item in items]
        n_channels = channel_count(features[0]) if features else 1
        speakers = assign_speakers(features, n_channels)
        return [Segment(int(item["start_ms"]), int(item["end_ms"]), str(item["text"]),
                        tuple(Word(int(w["start_ms"]), int(w["end_ms"]), str(w["text"]))
                              for w in item["words"]), speaker)
                for item, speaker in zip(items, speakers, strict=True)]
    except (TypeError, KeyError, ValueError) as exc:
        raise VsrError("error.transcript.failed") from exc
