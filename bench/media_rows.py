"""Benchmark rows for media work and exports: 50 stills, the audio envelope, a 30 s clip and
the learning summary (DOCX, PDF). Each timed row is run a few times, interleaved with its
reference (the ffmpeg tool on the same file in the same run), and reports medians.

    python bench/media_rows.py [--quick] [--workdir DIR]

`media_rows(quick, workdir)` returns the rows as dicts for the `python -m bench` suite:
{"name", "value", "unit", "reference_value", "target", "met"}; rows against a reference give
both times in seconds and their "ratio" (vsr's time divided by the reference's: lower is
better), and the target is on that ratio."""

from __future__ import annotations

import argparse
import fcntl
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

HOUR_S = 3600
QUICK_S = 120
STILLS = 50
CLIP_S = 30
Row = dict[str, Any]


# -- media, generated once with the ffmpeg tool and cached ----------------------------------

def _make(path: Path, args: list[str]) -> Path:
    """Run ffmpeg into a hidden partial file under a lock, then rename it into place."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another benchmark may be making it: wait for it
        for partial in path.parent.glob(f".*.{path.name}"):  # or a maker without the lock
            pid = partial.name.split(".")[1]
            while pid.isdigit() and Path(f"/proc/{pid}").exists() and not path.exists():
                time.sleep(2)
        if path.exists():
            return path
        partial = path.with_name(f".{os.getpid()}.{path.name}")
        print(f"generating {path} (once; cached) ...", file=sys.stderr, flush=True)
        subprocess.run(["ffmpeg", "-v", "error", "-y", *args, "-f", "mp4", str(partial)],
                       check=True)
        partial.rename(path)
    return path


def _label(seconds: int) -> str:
    return {HOUR_S: "one_hour", QUICK_S: "two_min"}.get(seconds, f"{seconds}s")


def recording(workdir: Path, seconds: int) -> Path:
    """1280x720 25 fps H.264 (a keyframe every 2 s) + AAC."""
    path = workdir / f"{_label(seconds)}_1280x720_25fps_h264_aac.mp4"
    return _make(path, [
        "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25",
        "-f", "lavfi", "-i", "sine=frequency=440:beep_factor=4", "-t", str(seconds),
        "-c:v", "libx264", "-preset", "ultrafast", "-g", "50", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-b:a", "96k"])


def audio_only(workdir: Path, seconds: int) -> Path:
    path = workdir / f"{_label(seconds)}_aac.m4a"
    return _make(path, ["-f", "lavfi", "-i", "sine=frequency=440:beep_factor=4",
                        "-t", str(seconds), "-c:a", "aac", "-b:a", "96k"])


# -- timing ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Timing:
    """Medians in seconds: wall clock, and CPU (this process plus the ffmpeg children). On
    a shared machine the CPU seconds say what the wall clock cannot: ffmpeg runs several
    threads and so gets more of a busy machine than one Python thread does."""

    ours: float
    reference: float | None
    ours_cpu: float
    reference_cpu: float | None


def _cpu() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    started, started_cpu = time.perf_counter(), _cpu()
    fn()
    return time.perf_counter() - started, _cpu() - started_cpu


def _paired(ours: Callable[[], object], reference: Callable[[], object] | None,
            runs: int) -> Timing:
    """Medians of `runs` interleaved runs of ours and the reference."""
    mine: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    for _ in range(runs):
        mine.append(_timed(ours))
        if reference is not None:
            theirs.append(_timed(reference))
    med = statistics.median
    return Timing(med(m[0] for m in mine), med(t[0] for t in theirs) if theirs else None,
                  med(m[1] for m in mine), med(t[1] for t in theirs) if theirs else None)


def _ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-nostdin", "-y", *args], check=True)


def _ratio_row(name: str, timing: Timing, target: float, note: str) -> Row:
    assert timing.reference is not None and timing.reference_cpu is not None
    ratio = timing.ours / timing.reference
    # value and reference in seconds, measured in the same run; the target is on their ratio.
    return {"name": name, "value": round(timing.ours, 3), "unit": "s",
            "reference_value": round(timing.reference, 3), "ratio": round(ratio, 3),
            "target": f"ratio <= {target}x {note}", "met": ratio <= target,
            "cpu_ratio": round(timing.ours_cpu / max(timing.reference_cpu, 1e-9), 3)}


# -- rows -----------------------------------------------------------------------------------

def stills_row(src: Path, seconds: int, runs: int, out: Path) -> Row:
    """50 stills spread over the recording, the way the summary export asks for them."""
    from dataclasses import replace

    from vsr.export.summary_content import add_stills

    # Moments fall anywhere in a GOP (2 s keyframe interval): spread the stills' offsets after
    # their keyframe evenly over 0-2 s, so a still costs what it costs on average, not the
    # one-picture decode of a still that happens to sit on a keyframe.
    times = [round((i + 0.5) * seconds * 1000 / STILLS) + (i * 2000 // STILLS)
             for i in range(STILLS)]
    base = summary_doc(STILLS)
    doc = replace(base, recording_path=str(src), moments=tuple(
        replace(m, at_ms=ms) for m, ms in zip(base.moments, times, strict=True)))

    def ours() -> None:
        assert all(m.still is not None for m in add_stills(doc).moments)

    def cli() -> None:
        for i, ms in enumerate(times):
            _ffmpeg("-ss", f"{ms / 1000:.3f}", "-i", str(src), "-frames:v", "1",
                    "-vf", "scale=480:-2", "-q:v", "3", str(out / f"still{i}.jpg"))

    return _ratio_row(f"{STILLS} stills over the recording ({seconds} s)",
                      _paired(ours, cli, runs), 0.25, "ffmpeg CLI (one run per still)")


def envelope_row(src: Path, kind: str, seconds: int, runs: int) -> Row:
    from vsr.media.envelope import compute_envelope

    timing = _paired(lambda: compute_envelope(src),
                     lambda: _ffmpeg("-i", str(src), "-vn", "-f", "null", "-"), runs)
    return _ratio_row(f"audio envelope, {kind} ({seconds} s)", timing, 1.2,
                      "`ffmpeg -vn -f null -`")


def clip_rows(src: Path, seconds: int, runs: int, out: Path) -> list[Row]:
    from vsr.clips import export_clip

    start = seconds / 2 + 0.52  # mid-GOP: keyframes fall on even seconds
    start_ms, end_ms = round(start * 1000), round((start + CLIP_S) * 1000)
    ours = lambda: export_clip(src, start_ms, end_ms, out / "clip.mp4")  # noqa: E731
    copy = lambda: _ffmpeg("-ss", f"{start:.3f}", "-i", str(src), "-t", str(CLIP_S),  # noqa: E731
                           "-c", "copy", str(out / "copy.mp4"))
    timing = _paired(ours, copy, runs)
    veryfast = _paired(lambda: None, lambda: _ffmpeg(
        "-ss", f"{start:.3f}", "-i", str(src), "-t", str(CLIP_S), "-c:v", "libx264",
        "-preset", "veryfast", "-c:a", "aac", str(out / "veryfast.mp4")), 1)
    assert veryfast.reference is not None
    speedup = veryfast.reference / timing.ours
    return [
        _ratio_row(f"{CLIP_S} s frame-accurate clip vs stream copy", timing, 2.0,
                   "`ffmpeg -c copy`"),
        {"name": f"{CLIP_S} s frame-accurate clip vs veryfast re-encode",
         "value": round(timing.ours, 3), "unit": "s",
         "reference_value": round(veryfast.reference, 3),
         "ratio": round(timing.ours / veryfast.reference, 3),
         "target": "ratio <= 0.2x (>= 5x faster than `-preset veryfast`)", "met": speedup >= 5.0},
    ]


def summary_doc(moments: int) -> Any:
    """A summary of two parties with `moments` filled moments, each with a theme, feelings
    and a few sentences per field (no library: the writers only read this)."""
    from vsr import method
    from vsr.export.summary_content import (
        ActionRow,
        Feeling,
        MomentBlock,
        PartyColumn,
        RatingRow,
        Reflection,
        SummaryDoc,
        clock,
    )

    pictograms = method.resource_path("pictograms")
    feelings = [Feeling(f.title, pictograms / f.pictogram) for f in method.feelings("nl")]
    faces = [pictograms / f"rating-{v}.svg" for v in range(1, 6)]
    text = ("We praatten over het doel van het gesprek en hoe we naar elkaar luisteren. "
            "Daarna bleef het even stil. ") * 3
    blocks = tuple(MomentBlock(
        number=n, at_ms=n * 7000, time_text=clock(n * 7000), theme_title="Samen kiezen",
        subtopic_title="Doelen", pictogram=faces[n % 5], marked_by="Anouk",
        what_happened=text, keep_or_change=text,
        reflections=tuple(Reflection(text, text, tuple(feelings[(n + p + k) % len(feelings)]
                                                       for k in range(2)))
                          for p in range(2)),
    ) for n in range(1, moments + 1))
    parties = (PartyColumn(1, "Anouk de Vries", "#1f77b4", "professional"),
               PartyColumn(2, "Zoë Çelik", "#ff7f0e", "client"))
    return SummaryDoc(
        lang="nl", review_title="Gesprek", date_text="3 maart 2026", parties=parties,
        recording_text="gesprek.mp4", rules_confirmed_text="", moments_note="",
        moments=blocks, summary=text, learnings=(text, text),
        actions=(ActionRow("Doel opschrijven", "Samen", "", False),),
        ratings=(RatingRow("Luisteren", None, (3, 4), (faces[2], faces[3]), ""),),
        ratings_note="", prompts=method.sheet_prompts("nl"), recording_path="",
        recording_rotation=0)


def _time_summary(write: Callable[[Any, Path], None], doc: Any, path: Path,
                  runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of writing `doc` (CPU too: the machine may be shared)."""
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        write(doc, path)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(wall), statistics.median(cpu)


def summary_rows(sizes: tuple[int, ...], out: Path, runs: int) -> list[Row]:
    from vsr.export.summary_docx import write_docx
    from vsr.export.summary_pdf import write_pdf

    rows: list[Row] = []
    for fmt, write, target in (("DOCX", write_docx, 2.0), ("PDF", write_pdf, 3.0)):
        for size in sizes:
            value, cpu = _time_summary(write, summary_doc(size), out / f"s.{fmt.lower()}",
                                       runs if size <= 300 else 1)
            goal = target * max(1.0, size / 300)  # the target at 300 moments, then linear
            rows.append({"name": f"summary {fmt}, {size} moments", "value": round(value, 3),
                         "unit": "s", "reference_value": None,
                         "target": f"<= {goal:g} s (linear; {target:g} s at 300)",
                         "met": value <= goal, "cpu_seconds": round(cpu, 3)})
    return rows


def media_rows(quick: bool, workdir: Path) -> list[Row]:
    """All media and export rows; `quick` uses 2-minute media, one run each and smaller
    summaries (a smoke run)."""
    seconds = QUICK_S if quick else HOUR_S
    runs = 1 if quick else 3
    video, audio = recording(workdir, seconds), audio_only(workdir, seconds)
    with tempfile.TemporaryDirectory(prefix="vsr-bench-") as tmp:
        out = Path(tmp)
        rows = [stills_row(video, seconds, runs, out),
                envelope_row(video, "mp4", seconds, runs),
                envelope_row(audio, "m4a", seconds, runs),
                *clip_rows(video, seconds, runs, out),
                *summary_rows((30, 300) if quick else (30, 300, 1000), out, runs)]
    return rows


def print_table(rows: list[Row]) -> None:
    print(f"{'row':52} {'value':>8} {'unit':10} {'ref s':>7} {'vsr s':>7} {'cpu':>7}  "
          f"{'met':4} target")
    for r in rows:
        ref = "" if r["reference_value"] is None else f"{r['reference_value']:.3f}"
        cpu = r.get("cpu_ratio", r.get("cpu_seconds", ""))  # a CPU ratio, or CPU seconds
        print(f"{r['name']:52} {r['value']:>8} {r['unit']:10} {ref:>7} "
              f"{r.get('seconds', ''):>7} {cpu:>7}  {'yes' if r['met'] else 'NO':4} "
              f"{r['target']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2-minute media, one run each")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/vsr-bench-media"))
    parser.add_argument("--only", default="", help="comma list: stills,envelope,clip,summary")
    args = parser.parse_args()
    if not args.only:
        print_table(media_rows(args.quick, args.workdir))
        return
    print_table(_some_rows(args.only.split(","), args.quick, args.workdir))


def _some_rows(only: list[str], quick: bool, workdir: Path) -> list[Row]:
    seconds = QUICK_S if quick else HOUR_S
    runs = 1 if quick else 3
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="vsr-bench-") as tmp:
        out = Path(tmp)
        if "stills" in only:
            rows.append(stills_row(recording(workdir, seconds), seconds, runs, out))
        if "envelope" in only:
            rows.append(envelope_row(recording(workdir, seconds), "mp4", seconds, runs))
            rows.append(envelope_row(audio_only(workdir, seconds), "m4a", seconds, runs))
        if "clip" in only:
            rows += clip_rows(recording(workdir, seconds), seconds, runs, out)
        if "summary" in only:
            rows += summary_rows((30, 300) if quick else (30, 300, 1000), out, runs)
    return rows


if __name__ == "__main__":
    main()
