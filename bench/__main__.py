"""The benchmark suite: what users wait for, measured on media and libraries it makes itself.

    python -m bench [--quick] [--json FILE] [--workdir DIR] [--skip GROUP ...]

Each row runs several times and reports the median, and where there is a reference (the ffmpeg
tools, an empty Qt window, a bare Python) the ratio to it, measured in the same run on the same
file. Groups: open (adding a recording), ui (timeline, placing a marker, opening a review, SQL
of one edit; offscreen Qt), player (start-up, opening a review until the first picture against a
bare python-vlc player, seeking with the real VLC, memory; under Xvfb when
there is no display), media (bench/media_rows.py: stills, envelope, clip export, summaries, on
the ultrafast and on a camera-like recording), cli (bench/cli_rows.py: `vsr export clips` and
`vsr export summary` end to end, `vsr list` at 1 and 200 reviews), anonymise
(bench/bench_anonymise.py), the last three when their modules are present, and package
(bench/package_rows.py: a passphrase package of a 4 GiB recording, its time and memory), and
stall (bench/stall_rows.py: the longest event-loop stall of the window during each long action,
the idle window as reference; on an X display, Xvfb when there is none, where users see it).
--quick uses 2-minute media and fewer runs: a smoke run for CI that keeps the suite from rotting.
Every row records the load average it was measured under ("load").
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench import media
from bench.rows import Row, parse_emitted, with_load

GROUPS = ("open", "ui", "player", "media", "cli", "anonymise", "package", "transcript", "team",
          "stall")


def _subprocess_rows(module: str, args: list[str], *, display: bool) -> list[Row]:
    command = [sys.executable, "-m", module, *args]
    env = dict(os.environ)
    if display and not os.environ.get("DISPLAY") and shutil.which("xvfb-run"):
        command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", *command]
        env["QT_QPA_PLATFORM"] = "xcb"
    elif not display:
        env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    rows = [with_load(r) for r in parse_emitted(done.stdout)]  # rows that did not say
    if not rows:
        sys.stderr.write(f"{module} gave no rows (exit {done.returncode}):\n{done.stderr[-3000:]}\n")
    return rows


def _optional_rows(module: str, function: str, quick: bool, workdir: Path) -> list[Row]:
    """Rows of a module other work adds (None of it yet: no rows, and say so)."""
    try:
        found = importlib.import_module(module)
    except ImportError as exc:
        if exc.name != module:
            raise
        print(f"({module} not present: its rows are left out)", file=sys.stderr)
        return []
    rows: list[Row] = [with_load(r) for r in getattr(found, function)(quick, workdir)]
    for r in rows:
        if "ratio" not in r:
            ref = r.get("reference_value")
            r["ratio"] = round(r["value"] / ref, 3) if ref and r.get("value") is not None else None
    return rows


def run(quick: bool, workdir: Path, skip: set[str]) -> list[Row]:
    seconds = media.QUICK_S if quick else media.HOUR_S
    label = "2-minute" if quick else "1-hour"
    recording = media.recording(workdir, seconds)
    media.audio_only(workdir, seconds)
    rows: list[Row] = []
    flag = ["--quick"] if quick else []
    if "open" not in skip:
        from bench.open_rows import open_rows

        rows += [with_load(r) for r in open_rows(recording, label, 3 if quick else 7)]
    if "ui" not in skip:
        rows += _subprocess_rows("bench.ui_rows", [*flag, str(recording)], display=False)
    if "player" not in skip:
        rows += _subprocess_rows("bench.player_rows", [*flag, str(recording)], display=True)
    if "media" not in skip:
        rows += _optional_rows("bench.media_rows", "media_rows", quick, workdir)
    if "cli" not in skip:
        rows += _optional_rows("bench.cli_rows", "cli_rows", quick, workdir)
    if "anonymise" not in skip:
        rows += _optional_rows("bench.bench_anonymise", "anonymise_rows", quick, workdir)
    if "package" not in skip:
        rows += _optional_rows("bench.package_rows", "package_rows", quick, workdir)
    if "transcript" not in skip:
        rows += _optional_rows("bench.bench_transcript", "transcript_rows", quick, workdir)
    if "team" not in skip:  # a PostgreSQL cluster of its own, in a temporary folder
        rows += _optional_rows("bench.team_rows", "team_rows", quick, workdir)
    if "stall" not in skip:  # a window of its own on an X display (Xvfb), where users see it
        rows += _subprocess_rows("bench.stall_rows", [*flag, str(workdir)], display=True)
    return rows


def _met(r: Row) -> str:
    """yes / NO, or "–" for a row that measures without a target (a stress figure)."""
    if r.get("target") is None and r.get("met") is None:
        return "–"
    return "yes" if r.get("met") else "NO"


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table (the README's performance section is one)."""
    def number(value: object) -> str:
        if value is None:
            return "–"
        if not isinstance(value, int | float):  # a target in words ("<= 2x `-c copy`")
            return str(value)
        return f"{value:,.3g}" if isinstance(value, float) and abs(value) < 100 else f"{value:,}"

    lines = ["| what | value | CPU | reference | ratio | target | met | load |",
             "| --- | ---: | ---: | ---: | ---: | ---: | :---: | ---: |"]
    for r in rows:
        unit = r.get("unit", "")
        ref = r.get("reference_value")
        lines.append(
            f"| {r['name']} | {number(r.get('value'))} {unit} | "
            f"{number(r['cpu_value']) + ' ' + unit if r.get('cpu_value') is not None else '–'} | "
            f"{number(ref) + ' ' + unit if ref is not None else '–'} | "
            f"{number(r.get('ratio')) + 'x' if r.get('ratio') is not None else '–'} | "
            f"{number(r.get('target'))} | {_met(r)} | "
            f"{number(r.get('load'))} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2-minute media, fewer runs (CI)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the rows as JSON")
    parser.add_argument("--workdir", type=Path, default=media.DEFAULT_WORKDIR,
                        help=f"where generated media are kept (default {media.DEFAULT_WORKDIR})")
    parser.add_argument("--skip", nargs="*", default=[], choices=GROUPS, metavar="GROUP",
                        help=f"leave out groups of rows: {', '.join(GROUPS)}")
    args = parser.parse_args()
    started = time.perf_counter()
    rows = run(args.quick, args.workdir, set(args.skip))
    print(table(rows))
    judged = [r for r in rows if _met(r) != "–"]
    print(f"\n{len(rows)} rows, {len(judged)} with a target, "
          f"{sum(1 for r in judged if r.get('met'))} meet it; "
          f"{time.perf_counter() - started:.0f} s")
    if args.json is not None:
        args.json.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
