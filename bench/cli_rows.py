"""Rows through the command line, as a coach's script or a user waits for them: `vsr export
clips` end to end (a new process, the library read, the clip written) against `ffmpeg -c copy`
of the same 30 s, `vsr export summary --stills` of 300 moments (the stills and the PDF made in
a child process), and `vsr list` on a library of 1 and of 200 reviews (start-up flat in the
library's size). Every row pairs its runs with its reference in the same run (interleaved)
and reports medians and the load average.

    python -m bench.cli_rows [--quick] [--workdir DIR] [--only clips,open]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import media
from bench.rows import Row, paired_seconds, with_load

CLIP_S = 30


class Cli:
    """`python -m vsr` with its own library and recordings folder under `home`."""

    def __init__(self, home: Path) -> None:
        # As installed: compiled modules are kept (a checkout run with PYTHONDONTWRITEBYTECODE
        # would compile every module at every start, which no user waits for).
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        self.env = {**env, "VSR_LIBRARY": str(home / "library.sqlite"),
                    "VSR_RECORDINGS": str(home / "recordings"), "VSR_LANG": "en"}

    def __call__(self, *args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "vsr", *args], capture_output=True,
                              text=True, env=self.env, stdin=subprocess.DEVNULL, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"vsr {' '.join(args)}: {done.stderr.strip()[-2000:]}")
        return done.stdout


def _collection_with_clip(cli: Cli, src: Path, start_ms: int) -> str:
    recording = json.loads(cli("import", str(src)).splitlines()[-1])["id"]
    cli("consent", str(recording), "--grant", "intervisie", "--until", "2099-12-31",
        "--by", "Bench")
    collection = cli("collection", "new", "Bench", "--purpose", "intervisie").strip()
    cli("collection", "add", collection, "--recording", str(recording),
        "--from", f"{start_ms / 1000:.3f}", "--to", f"{start_ms / 1000 + CLIP_S:.3f}")
    return collection


def clip_cli_row(src: Path, kind: str, seconds: int, runs: int, workdir: Path) -> Row:
    """`vsr export clips` of one 30 s clip starting mid-GOP, against `ffmpeg -ss -t -c copy`."""
    start_ms = round((seconds / 2 + 0.52) * 1000)
    with tempfile.TemporaryDirectory(prefix="vsr-bench-cli-", dir=workdir) as tmp:
        home = Path(tmp)
        cli = Cli(home)
        collection = _collection_with_clip(cli, src, start_ms)
        counter = iter(range(10_000))

        def ours() -> None:
            cli("export", "clips", collection, "-o", str(home / f"out{next(counter)}"))

        def copy() -> None:
            subprocess.run(["ffmpeg", "-v", "error", "-nostdin", "-y", "-ss",
                            f"{start_ms / 1000:.3f}", "-i", str(src), "-t", str(CLIP_S),
                            "-c", "copy", str(home / "copy.mp4")], check=True)

        timing = paired_seconds(ours, copy, runs)
    return with_load(timing.row(f"{CLIP_S} s clip via the CLI (`vsr export clips`), {kind}",
                                2.0, "`ffmpeg -c copy`"))


def open_flat_row(reviews: int, runs: int, workdir: Path, src: Path) -> Row:
    """`vsr list` on a library of `reviews` reviews against the same on a library of one
    (opened once before, closed cleanly: the daily check is done)."""
    from bench.libraries import make_reviews

    with tempfile.TemporaryDirectory(prefix="vsr-bench-open-", dir=workdir) as tmp:
        small, large = Path(tmp) / "small", Path(tmp) / "large"
        clis = []
        for home, count in ((small, 1), (large, reviews)):
            home.mkdir()
            make_reviews(home / "library.sqlite", src, count)
            clis.append(Cli(home))
            clis[-1]("list")  # the first open after making it checks it, as a user's would
        timing = paired_seconds(lambda: clis[1]("list"), lambda: clis[0]("list"), runs)
    return with_load(timing.row(f"`vsr list` on a library of {reviews} reviews", 1.25,
                                "the same on a library of 1 review"))


def summary_cli_row(src: Path, kind: str, moments: int, runs: int, workdir: Path) -> Row:
    """`vsr export summary --stills` (PDF) of a review with `moments` marked moments: the
    library read, a still per moment made in the child, the file written; the target is
    absolute (5 s at 300), the reference the same command without stills."""
    from bench.libraries import make_library

    with tempfile.TemporaryDirectory(prefix="vsr-bench-summary-", dir=workdir) as tmp:
        home = Path(tmp)
        # Every moment with words in A: a summary lists those, so it has `moments` stills
        # (with every second one, as the other rows' libraries have, it had half).
        lib, review = make_library(home / "library.sqlite", src, moments, words_every=1)
        lib.close()
        cli = Cli(home)
        cli("list")  # the first open checks the new library, as a user's first would

        def export(name: str, *extra: str) -> None:
            cli("export", "summary", str(review), "-o", str(home / name), *extra)

        timing = paired_seconds(lambda: export("met-stills.pdf", "--stills"),
                                lambda: export("verslag.pdf"), runs)
        stills = (home / "met-stills.pdf").read_bytes().count(b"/Subtype /Image")
    if stills != moments:  # the row measures what its name says, or it says nothing
        raise RuntimeError(f"the summary has {stills} stills, not {moments}")
    goal = 5.0 * moments / 300
    r = timing.row(f"summary PDF with {moments} stills via the CLI, {kind}", goal,
                   "the same without stills")
    r.update(target=f"<= {goal:g} s ({r['ratio']}x the summary without stills)",
             met=timing.ours <= goal)
    return r


def cli_rows(quick: bool, workdir: Path,
             only: tuple[str, ...] = ("clips", "summary", "open")) -> list[Row]:
    seconds = media.QUICK_S if quick else media.HOUR_S
    runs = 3 if quick else 5
    workdir.mkdir(parents=True, exist_ok=True)
    plain = media.recording(workdir, seconds)
    rows: list[Row] = []
    if "clips" in only:
        for src, kind in ((plain, "ultrafast H.264"),
                          (media.camera_recording(workdir, seconds), "camera-like H.264")):
            rows.append(clip_cli_row(src, kind, seconds, runs, workdir))
    if "summary" in only:
        camera = media.camera_recording(workdir, seconds)
        rows.append(summary_cli_row(camera, "camera-like H.264", 300, runs, workdir))
    if "open" in only:
        rows.append(open_flat_row(200, runs, workdir, plain))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--workdir", type=Path, default=media.DEFAULT_WORKDIR)
    parser.add_argument("--only", default="clips,summary,open")
    args = parser.parse_args()
    from bench.__main__ import table

    print(table(cli_rows(args.quick, args.workdir, tuple(args.only.split(",")))))


if __name__ == "__main__":
    main()
