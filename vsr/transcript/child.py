"""The transcription itself, in a child process (CPU-heavy: a thread would hold the window's
interpreter lock). Run as `python -m vsr.transcript.child MODEL_FOLDER MEDIA OUT_JSON`.

It prints one line per step on stdout: `progress DONE_MS TOTAL_MS`, and at the end `done`;
on a failure `error KEY` and exit code 2. The result is written to OUT_JSON through a temporary
file and a rename, so a killed child leaves no half result. Nothing is fetched from a hub:
HF_HUB_OFFLINE is set and faster-whisper gets a local folder."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

# Before faster-whisper (and huggingface_hub) load: never look on the internet.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

SAMPLE_RATE = 16000
# How Whisper decodes (measured in docs/transcript.md):
# - Dutch, always: the recordings are Dutch conversations, and a guessed language on a short
#   or unclear stretch gives English or German words;
# - beam search over 5 (Whisper's own setting, with its temperature fallback on a failed
#   decode): on real Dutch speech 46 % of the words wrong instead of 55 % with greedy decoding;
# - no conditioning on the previous text: a wrong sentence does not lead the next one astray,
#   and Whisper does not loop;
# - the voice-activity filter cuts at pauses of 0.5 s (faster-whisper's default is 2 s), so a
#   segment rarely runs over a change of speaker (turns in a conversation are seldom 2 s
#   apart), which the voice guess and talk time depend on; 0.2 s of sound kept around speech.
DECODING: dict[str, object] = {
    "language": "nl",
    "task": "transcribe",
    "beam_size": 5,
    "condition_on_previous_text": False,
    "word_timestamps": True,
    "vad_filter": True,
    "vad_parameters": {"min_silence_duration_ms": 500, "speech_pad_ms": 200},
}


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _transcribe(model_folder: str, media: str) -> list[dict[str, object]]:
    import numpy as np
    from faster_whisper import WhisperModel

    from vsr.transcript.voices import decode_channels, voice_pieces

    channels = decode_channels(media, SAMPLE_RATE)  # (n_channels, samples) float32
    mono = channels.mean(axis=0).astype(np.float32)
    total_ms = int(len(mono) * 1000 / SAMPLE_RATE)
    _say(f"progress 0 {total_ms}")
    threads = max(1, min(4, os.cpu_count() or 1))
    model = WhisperModel(model_folder, device="cpu", compute_type="int8", cpu_threads=threads,
                         local_files_only=True)
    # The VAD filter is essential: without it Whisper repeats itself on the pauses.
    segments, _info = model.transcribe(mono, **DECODING)
    out: list[dict[str, object]] = []
    for seg in segments:
        start, end = int(seg.start * 1000), int(seg.end * 1000)
        words = [{"start_ms": int(w.start * 1000), "end_ms": int(w.end * 1000),
                  "text": w.word.strip()} for w in (seg.words or []) if w.word.strip()]
        out.append({"start_ms": start, "end_ms": end, "text": seg.text.strip(), "words": words})
        _say(f"progress {min(end, total_ms)} {total_ms}")
    # split where the voice changes, ends where the sound ends, features for the voice guess
    return voice_pieces(channels, SAMPLE_RATE, out)


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        _say("error error.transcript.failed")
        return 2
    model_folder, media, out_json = argv
    from vsr.jobs import run_in_background

    run_in_background()  # the window the user looks at comes first
    try:
        result = _transcribe(model_folder, media)
    except MemoryError:
        _say("error error.transcript.memory")
        return 2
    except Exception as exc:  # noqa: BLE001 - the parent words it; the log keeps the cause
        sys.stderr.write(f"{type(exc).__name__}: {exc}\n")
        _say("error error.transcript.failed")
        return 2
    target = Path(out_json)
    tmp = target.with_name(target.name + ".partial")
    tmp.write_text(json.dumps(result), encoding="utf-8")
    os.replace(tmp, target)
    _say("done")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
