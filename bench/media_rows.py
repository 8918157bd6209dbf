"""Benchmark rows for media work and exports: 50 stills, the audio envelope, a 30 s clip and
the learning summary (DOCX, PDF). Each timed row is run a few times, interleaved with its
reference (the ffmpeg tool on the same file in the same run), and reports medians.

    python -m bench.media_rows [--quick] [--workdir DIR] [--only stills,clip,...]

The stills and clip rows run on two recordings (bench/media.py): the ultrafast H.264 the
suite always had, and the same picture encoded like a camera (High profile, B-frames, CABAC,
6 Mbit/s), whose decoding costs what users' files cost; stills also on a phone's rotated HEVC.

`media_rows(quick, workdir)` returns the rows as dicts for the `python -m bench` suite:
{"name", "value", "unit", "reference_value", "target", "met"}; rows against a reference give
both times in seconds and their "ratio" (vsr's time divided by the reference's: lower is
better), and the target is on that ratio."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import media  # noqa: E402
from bench.rows import Row, paired_seconds, with_load  # noqa: E402

HOUR_S = media.HOUR_S
QUICK_S = media.QUICK_S
STILLS = 50
CLIP_S = 30


def _ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-nostdin", "-y", *args], check=True)


# -- rows -----------------------------------------------------------------------------------

def stills_row(src: Path, kind: str, seconds: int, runs: int, out: Path, *,
               rotation: int = 0) -> Row:
    """50 stills spread over the recording, the way the summary export asks for them."""
    from dataclasses import replace

    from vsr.export.summary_content import add_stills

    # Moments fall anywhere in a GOP (2 s keyframe interval): spread the stills' offsets after
    # their keyframe evenly over 0-2 s, so a still costs what it costs on average, not the
    # one-picture decode of a still that happens to sit on a keyframe.
    times = [round((i + 0.5) * seconds * 1000 / STILLS) + (i * 2000 // STILLS)
             for i in range(STILLS)]
    base = summary_doc(STILLS)
    doc = replace(base, recording_path=str(src), recording_rotation=rotation, moments=tuple(
        replace(m, at_ms=ms) for m, ms in zip(base.moments, times, strict=True)))

    def ours() -> None:
        assert all(m.still is not None for m in add_stills(doc).moments)

    def cli() -> None:
        for i, ms in enumerate(times):
            _ffmpeg("-ss", f"{ms / 1000:.3f}", "-i", str(src), "-frames:v", "1",
                    "-vf", "scale=480:-2", "-q:v", "3", str(out / f"still{i}.jpg"))

    return paired_seconds(ours, cli, runs).row(
        f"{STILLS} stills over the recording ({seconds} s), {kind}", 0.25,
        "ffmpeg CLI (one run per still)")


def envelope_row(src: Path, kind: str, seconds: int, runs: int) -> Row:
    from vsr.media.envelope import compute_envelope

    timing = paired_seconds(lambda: compute_envelope(src),
                            lambda: _ffmpeg("-i", str(src), "-vn", "-f", "null", "-"), runs)
    return timing.row(f"audio envelope, {kind} ({seconds} s)", 1.2, "`ffmpeg -vn -f null -`")


def clip_rows(src: Path, kind: str, seconds: int, runs: int, out: Path) -> list[Row]:
    """A 30 s clip from mid-GOP, in this process (no start-up): against a stream copy and
    against a full `-preset veryfast` re-encode of the same 30 s."""
    from vsr.clips import export_clip

    start = seconds / 2 + 0.52  # mid-GOP: keyframes fall on even seconds
    start_ms, end_ms = round(start * 1000), round((start + CLIP_S) * 1000)
    ours = lambda: export_clip(src, start_ms, end_ms, out / "clip.mp4")  # noqa: E731
    copy = lambda: _ffmpeg("-ss", f"{start:.3f}", "-i", str(src), "-t", str(CLIP_S),  # noqa: E731
                           "-c", "copy", str(out / "copy.mp4"))
    timing = paired_seconds(ours, copy, runs)
    veryfast = paired_seconds(ours, lambda: _ffmpeg(
        "-ss", f"{start:.3f}", "-i", str(src), "-t", str(CLIP_S), "-c:v", "libx264",
        "-preset", "veryfast", "-c:a", "aac", str(out / "veryfast.mp4")), 1)
    speedup = veryfast.reference / timing.ours
    against_veryfast = veryfast.row(f"{CLIP_S} s frame-accurate clip vs veryfast re-encode, "
                                    f"{kind}", 0.2, "(>= 5x faster than `-preset veryfast`)")
    against_veryfast.update(value=round(timing.ours, 3), ratio=round(1 / speedup, 3),
                            met=speedup >= 5.0)
    return [timing.row(f"{CLIP_S} s frame-accurate clip vs stream copy, {kind}", 2.0,
                       "`ffmpeg -c copy`"), against_veryfast]


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


def sources(workdir: Path, seconds: int) -> list[tuple[Path, str]]:
    """The recordings the media rows run on: the ultrafast one and the camera-like one."""
    return [(media.recording(workdir, seconds), "ultrafast H.264"),
            (media.camera_recording(workdir, seconds), "camera-like H.264 (High, B, CABAC)")]


def media_rows(quick: bool, workdir: Path) -> list[Row]:
    """All media and export rows; `quick` uses 2-minute media and smaller summaries (a smoke
    run); the ratio rows run three rounds and report medians either way."""
    return _some_rows(["stills", "envelope", "clip", "summary"], quick, workdir)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2-minute media")
    parser.add_argument("--workdir", type=Path, default=media.DEFAULT_WORKDIR)
    parser.add_argument("--only", default="stills,envelope,clip,summary",
                        help="comma list: stills,envelope,clip,summary")
    args = parser.parse_args()
    from bench.__main__ import table

    print(table(_some_rows(args.only.split(","), args.quick, args.workdir)))


def _some_rows(only: list[str], quick: bool, workdir: Path) -> list[Row]:
    seconds = QUICK_S if quick else HOUR_S
    runs = 3
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="vsr-bench-", dir=_made(workdir)) as tmp:
        out = Path(tmp)
        for src, kind in sources(workdir, seconds):
            if "stills" in only:
                rows.append(stills_row(src, kind, seconds, runs, out))
            if "clip" in only:
                rows += clip_rows(src, kind, seconds, runs, out)
        phone = media.phone_hevc(workdir, seconds) if "stills" in only else None
        if phone is not None:  # a phone's HEVC, turned a quarter: stills only (no smart cut)
            rows.append(stills_row(phone, "phone HEVC, rotated", seconds, runs, out,
                                   rotation=90))
        if "envelope" in only:
            rows.append(envelope_row(media.recording(workdir, seconds), "mp4", seconds, runs))
            rows.append(envelope_row(media.audio_only(workdir, seconds), "m4a", seconds, runs))
        if "summary" in only:
            rows += [with_load(r) for r in
                     summary_rows((30, 300) if quick else (30, 300, 1000), out, runs)]
    return rows


def _made(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


if __name__ == "__main__":
    main()
