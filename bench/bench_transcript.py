"""Benchmark: the offline transcript (issue 22) with the packaged Whisper base model.

- CPU seconds per audio second of the child process (target: a 45-minute conversation in at
  most 10 minutes on 2 cores, so at most 0.44 CPU s per audio s when both cores work), its
  wall-clock seconds per audio second, and its memory peak (max RSS, MB);
- word error rate against the script, on the spoken demo conversation (espeak-ng). espeak's
  Dutch is no quality measure (robotic; Whisper scores far worse on it than on real or neural
  speech): the figure shows the pipeline works, not how well it hears a client;
- word error rate on real Dutch speech: 24 lines read by two human voice actors, with their
  text (tests/data/dutch_speech, GPL-2, from Debian's fillets-ng-data-nl; see its README),
  joined into one recording with a second of silence between the lines; and how many of the
  lines the voices guess puts with the right speaker (two voices, the lines alternate);
- talk-time error per party against the demo's script (who speaks when is known exactly): the
  difference in talk time as a share of the conversation's length (target within 5 %).

    python bench/bench_transcript.py [--quick] [--workdir DIR]

`transcript_rows(quick, workdir)` gives the same figures as rows for the `python -m bench`
suite."""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.wer import align, word_error_rate, words  # noqa: E402
from vsr.media.demo_script import CLIENT, PROFESSIONAL, VoiceSynth, demo_turns  # noqa: E402
from vsr.media.demo_speech import demo_speech  # noqa: E402
from vsr.transcript.speech_model import find_model  # noqa: E402
from vsr.transcript.store import Segment, Transcript  # noqa: E402
from vsr.transcript.talk import talk_time  # noqa: E402
from vsr.transcript.voices import assign_speakers, channel_count  # noqa: E402

RATE = 16_000
CPU_TARGET = 600 / 2700 * 2  # 10 minutes on 2 cores for 45 minutes of audio
TALK_TARGET = 5.0  # percent of the conversation's length


def audible_ms(clip: np.ndarray, rate: int = RATE) -> tuple[int, int]:
    """(first, last) ms of a clip that can be heard: from the first to the last sample above
    1 % of the clip's peak (-40 dB). espeak ends every line with about 0.4 s of digital
    silence, which is not speech; (0, 0) for a silent clip."""
    loud = np.flatnonzero(np.abs(clip) > 0.01 * float(np.max(np.abs(clip)))) if clip.size else []
    if not len(loud):
        return 0, 0
    return int(loud[0]) * 1000 // rate, (int(loud[-1]) + 1) * 1000 // rate


def _demo_wav(seconds: int, out: Path) -> tuple[Path, list[tuple[int, int, str]], dict[int, int]]:
    """The spoken demo's sound as 16 kHz mono WAV, its turns, and how long each turn's speech
    can be heard (ms, from espeak's clip before the background noise is added)."""
    turns = demo_turns(seconds * 1000)
    speech = demo_speech(turns, RATE)
    if speech is None:
        raise SystemExit("espeak-ng is needed for this benchmark (scripts/setup.sh installs it)")
    samples = VoiceSynth(turns, RATE, speech).render(0, seconds * RATE)
    with wave.open(str(out), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    spoken = {}
    for start, end, _role in turns:
        first, last = audible_ms(speech[start])
        spoken[start] = max(0, min(last, end - start) - first)
    return out, turns, spoken


def _run_child(folder: Path, media: Path, out: Path) -> tuple[float, float, float]:
    """(wall s, CPU s, max RSS MB) of one child run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "vsr.transcript.child", str(folder), str(media),
                    str(out)], check=True, capture_output=True,
                   env=dict(os.environ, HF_HUB_OFFLINE="1"))
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024


_words = words  # Whisper's basic normaliser (bench/wer.py)


def _reference_text(turns: list[tuple[int, int, str]]) -> list[str]:
    from vsr.media.demo_speech import _fitting_line

    counts = {PROFESSIONAL: 0, CLIENT: 0}
    words: list[str] = []
    for start, end, role in turns:
        words += _words(_fitting_line(role, counts[role], end - start))
        counts[role] += 1
    return words


def talk_error(result: list[dict[str, Any]], reference_ms: tuple[int, int],
               length_ms: int) -> float:
    """The larger of the two voices' talk-time differences, in % of the conversation's length:
    talk time as the app reckons it (vsr.transcript.talk.talk_time on the child's segments and
    the voice guess) against the reference's speech per voice (voice 0 is the one heard first,
    as in the app)."""
    features = [item["features"] for item in result]
    speakers = assign_speakers(features, channel_count(features[0])) if features else []
    segments = tuple(Segment(int(i["start_ms"]), int(i["end_ms"]), "", (), s)
                     for i, s in zip(result, speakers, strict=True))
    measured = talk_time(Transcript(0, "", "nl", "", segments)).spoken_ms
    return max(abs(m - r) for m, r in zip(measured, reference_ms, strict=True)) * 100 / length_ms


def _talk_error(result: list[dict[str, Any]], turns: list[tuple[int, int, str]],
                spoken: dict[int, int], seconds: int) -> float:
    """The talk-time error on the demo (its script says who speaks when)."""
    first = turns[0][2]
    reference = (sum(spoken[t[0]] for t in turns if t[2] == first),
                 sum(spoken[t[0]] for t in turns if t[2] != first))
    return talk_error(result, reference, seconds * 1000)


DUTCH_SPEECH = Path(__file__).resolve().parent.parent / "tests" / "data" / "dutch_speech"
DUTCH_WER_TARGET = 20.0  # percent, on clear read speech


def dutch_speech(out: Path, lines: int | None = None, pause_ms: int = 1000, *,
                 trimmed: bool = False) -> tuple[Path, list[tuple[int, int, str, str]]]:
    """The real Dutch lines joined into one 16 kHz mono WAV (`pause_ms` of silence between
    them: a second, or less for quick turns), and each line's (start ms, end ms, speaker,
    text). `trimmed`: each line cut to the part that can be heard first (`audible_ms`), so
    `pause_ms` is the pause as it is heard (each recorded line has 0.2-0.8 s of quiet start
    and end of its own)."""
    import av

    rows = [line.split("\t") for line in
            (DUTCH_SPEECH / "transcripts.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    rows = rows[:lines] if lines else rows
    pause = np.zeros(RATE * pause_ms // 1000, dtype=np.float32)
    parts: list[np.ndarray] = []
    spans: list[tuple[int, int, str, str]] = []
    at = 0
    for name, speaker, text in rows:
        with av.open(str(DUTCH_SPEECH / name)) as container:
            resampler = av.AudioResampler(format="flt", layout="mono", rate=RATE)
            chunks = [o.to_ndarray().ravel() for f in container.decode(audio=0)
                      for o in resampler.resample(f)]
            chunks += [o.to_ndarray().ravel() for o in resampler.resample(None)]
        sound = np.concatenate(chunks).astype(np.float32)
        if trimmed:
            first, last = audible_ms(sound)
            sound = sound[first * RATE // 1000:last * RATE // 1000]
        spans.append((at * 1000 // RATE, (at + sound.size) * 1000 // RATE, speaker, text))
        parts += [sound, pause]
        at += sound.size + pause.size
    samples = np.concatenate(parts)
    with wave.open(str(out), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return out, spans


def _voices_right(result: list[dict[str, Any]], spans: list[tuple[int, int, str, str]]) -> float:
    """Share (%) of the lines whose segments the voice guess gave the line's speaker, the
    guess's voice numbers matched to the speakers the way that fits best."""
    features = [item["features"] for item in result]
    guessed = assign_speakers(features, channel_count(features[0])) if features else []
    votes: list[tuple[str, int]] = []
    for (start, end, speaker, _t) in spans:
        inside = [g for item, g in zip(result, guessed, strict=True)
                  if start - 500 <= (int(item["start_ms"]) + int(item["end_ms"])) // 2 <= end + 500]
        if inside:
            votes.append((speaker, round(sum(inside) / len(inside))))
    names = sorted({s for s, _ in votes})
    best = max(sum((names.index(s) == g) == same for s, g in votes) for same in (True, False))
    return 100 * best / max(1, len(spans))


def line_pairs(result: list[dict[str, Any]], spans: list[tuple[int, int, str, str]]
               ) -> list[tuple[str, str, str, float]]:
    """Per line: (speaker, reference, what Whisper wrote there, the line's WER): the segments
    whose middle is within the line (half a second either side)."""
    out = []
    for start, end, speaker, text in spans:
        said = " ".join(str(i["text"]) for i in result
                        if start - 500 <= (int(i["start_ms"]) + int(i["end_ms"])) // 2 <= end + 500)
        out.append((speaker, text, said, word_error_rate(words(text), words(said))))
    return out


def _lines_talk_error(media: Path, spans: list[tuple[int, int, str, str]],
                      result: list[dict[str, Any]]) -> float:
    """Talk-time error on the joined real lines: each line's speech is its audible part."""
    with wave.open(str(media), "rb") as wav:
        sound = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2").astype(np.float32)
    heard = [audible_ms(sound[a * RATE // 1000:b * RATE // 1000]) for a, b, _s, _t in spans]
    first = spans[0][2]  # voice 0 is the one heard first
    reference = (sum(h[1] - h[0] for h, sp in zip(heard, spans, strict=True) if sp[2] == first),
                 sum(h[1] - h[0] for h, sp in zip(heard, spans, strict=True) if sp[2] != first))
    return talk_error(result, reference, spans[-1][1])


def dutch_speech_rows(quick: bool, workdir: Path, show: bool = False) -> list[dict[str, Any]]:
    """WER on real Dutch speech (and the voice guess on its two speakers). `show`: print each
    line's reference and hypothesis, and the WER per speaker."""
    workdir.mkdir(parents=True, exist_ok=True)
    media, spans = dutch_speech(workdir / "dutch-speech.wav", 8 if quick else None)
    out = workdir / "dutch-result.json"
    _wall, cpu, _rss = _run_child(find_model().folder, media, out)
    result = json.loads(out.read_text(encoding="utf-8"))
    if show:
        pairs = line_pairs(result, spans)
        for speaker, text, said, line_wer in pairs:
            print(f"{speaker} {line_wer:5.1f} %  REF {text}\n{'':11}HYP {said}")
        for who in sorted({p[0] for p in pairs}):
            ref = [w for p in pairs if p[0] == who for w in words(p[1])]
            hyp = [w for p in pairs if p[0] == who for w in words(p[2])]
            a = align(ref, hyp)
            print(f"speaker {who}: {a.wer:.1f} % of {a.reference_words} words (substituted "
                  f"{a.substitutions}, left out {a.deletions}, added {a.insertions})")
    hypothesis = [w for item in result for w in _words(str(item["text"]))]
    reference = [w for span in spans for w in _words(span[3])]
    wer = word_error_rate(reference, hypothesis)
    seconds = spans[-1][1] / 1000
    talk = _lines_talk_error(media, spans, result)
    quick_turns: list[dict[str, Any]] = []
    if not quick:
        # the same lines 0.3 s apart: turns as quick as in a conversation, shorter than the
        # 0.5 s at which the voice-activity filter cuts
        media_q, spans_q = dutch_speech(workdir / "dutch-quick-turns.wav", None, 300)
        out_q = workdir / "dutch-quick-turns.json"
        _run_child(find_model().folder, media_q, out_q)
        result_q = json.loads(out_q.read_text(encoding="utf-8"))
        talk_q = _lines_talk_error(media_q, spans_q, result_q)
        # and cut to what can be heard, 0.2 s apart as heard: quick turns as they sound (the
        # 0.3 s above are 0.5-1.8 s apart as heard, each line's own quiet start and end)
        media_t, spans_t = dutch_speech(workdir / "dutch-heard-turns.wav", None, 200,
                                        trimmed=True)
        out_t = workdir / "dutch-heard-turns.json"
        _run_child(find_model().folder, media_t, out_t)
        talk_t = _lines_talk_error(media_t, spans_t,
                                   json.loads(out_t.read_text(encoding="utf-8")))
        quick_turns = [
            {"name": "talk-time error per party, % of length (real Dutch lines 0.3 s apart)",
             "value": round(talk_q, 1), "unit": "%", "target": TALK_TARGET,
             "met": talk_q <= TALK_TARGET},
            {"name": "lines put with the right voice, real Dutch lines 0.3 s apart",
             "value": round(_voices_right(result_q, spans_q), 1), "unit": "%"},
            {"name": "talk-time error per party, % of length (real Dutch lines 0.2 s apart as "
                     "heard)", "value": round(talk_t, 1), "unit": "%", "target": TALK_TARGET,
             "met": talk_t <= TALK_TARGET}]
    return [
        {"name": "talk-time error per party, % of length (real Dutch lines, two voices)",
         "value": round(talk, 1), "unit": "%", "target": TALK_TARGET, "met": talk <= TALK_TARGET},
        *quick_turns,
        {"name": f"transcript word error rate, real Dutch read speech ({len(spans)} lines, "
                 f"{seconds:.0f} s, two voices)", "value": round(wer, 1), "unit": "%",
         "target": DUTCH_WER_TARGET, "met": wer <= DUTCH_WER_TARGET},
        {"name": "transcript CPU seconds per audio second, real Dutch speech",
         "value": round(cpu / seconds, 3), "unit": "s/s"},
        {"name": "lines put with the right voice, real Dutch speech", "value":
         round(_voices_right(result, spans), 1), "unit": "%"},
    ]


def transcript_rows(quick: bool, workdir: Path) -> list[dict[str, Any]]:
    seconds = 30 if quick else 150
    workdir.mkdir(parents=True, exist_ok=True)
    media, turns, spoken = _demo_wav(seconds, workdir / "demo-speech.wav")
    model = find_model()
    out = workdir / "result.json"
    wall, cpu, rss = _run_child(model.folder, media, out)
    result = json.loads(out.read_text(encoding="utf-8"))
    hypothesis = [w for item in result for w in _words(str(item["text"]))]
    wer = word_error_rate(_reference_text(turns), hypothesis)
    talk = _talk_error(result, turns, spoken, seconds)
    return [
        {"name": "transcript CPU seconds per audio second (Whisper base)", "value": round(cpu / seconds, 3),
         "unit": "s/s", "target": round(CPU_TARGET, 3), "met": cpu / seconds <= CPU_TARGET},
        {"name": "transcript wall seconds per audio second", "value": round(wall / seconds, 3),
         "unit": "s/s"},
        {"name": "transcript memory peak", "value": round(rss), "unit": "MB"},
        {"name": "transcript word error rate, espeak Dutch (not a quality measure)",
         "value": round(wer, 1), "unit": "%"},  # reported, not judged (DUTCH_WER_TARGET)
        {"name": "talk-time error per party, % of length (demo script)", "value": round(talk, 1),
         "unit": "%", "target": TALK_TARGET, "met": talk <= TALK_TARGET},
        *dutch_speech_rows(quick, workdir),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="30 s of audio instead of 150 s")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--only-dutch", action="store_true",
                        help="only the rows on real Dutch speech")
    parser.add_argument("--show", action="store_true",
                        help="with --only-dutch: each line's reference and hypothesis")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        rows = (dutch_speech_rows(args.quick, workdir, args.show) if args.only_dutch
                else transcript_rows(args.quick, workdir))
        for row in rows:
            target = (f" (target {row['target']}: {'met' if row['met'] else 'NOT met'})"
                      if "target" in row else "")
            print(f"{row['name']}: {row['value']} {row['unit']}{target}")
        print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
