"""The crash harness: a child process edits a review through the core and prints every edit
the core acknowledged; the parent SIGKILLs it at random moments (after a random number of
acknowledged edits plus a random short delay, so kills land inside commits too), reopens the
library and checks that every acknowledged edit is there, nothing else but the one edit that was
in flight, and that PRAGMA integrity_check is ok. The library carries over from run to run."""

from __future__ import annotations

import json
import os
import random
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.vsr.fakes import add_fake_recording
from tests.vsr.library_model import Edit, Model, apply_edit, normalised, read_model
from vsr.library import open_library
from vsr.library import reviews as rv
from vsr.samenleergesprek import state as st

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Tally:
    runs: int = 0
    kills: int = 0
    acknowledged: int = 0
    lost: int = 0  # runs whose library did not hold every acknowledged edit


def _library(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "library.sqlite"
    lib = open_library(path)
    rec = add_fake_recording(lib, tmp_path)
    review = rv.create_review(lib, rec.id)
    st.start_session(lib, review.id)
    lib.close()
    return path, review.id


def _acks(data: bytes) -> int:
    """Complete "ack" lines so far (a line without its newline yet does not count)."""
    return sum(line.startswith(b"ack ") for line in data.split(b"\n")[:-1])


def _run_child(path: Path, seed: int, rng: random.Random) -> tuple[list[Edit], Edit | None, bool]:
    """Start the child, wait for a random number of acknowledged edits and a random short
    delay, kill it. Returns (acknowledged edits, the edit in flight, whether it was killed)."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    errors = path.with_name("child-stderr.txt")
    with errors.open("wb") as err:
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.vsr.crash_child", str(path), str(seed)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=err)
    assert child.stdout is not None
    fd = child.stdout.fileno()  # read the pipe raw: a buffered reader would hide lines
    want = rng.randrange(1, 40)
    data = b""
    deadline = time.monotonic() + 60
    while _acks(data) < want and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1.0)
        chunk = os.read(fd, 65536) if ready else b""
        if ready and not chunk:
            break  # the child ended by itself
        data += chunk
    time.sleep(rng.uniform(0, 0.015))
    killed = child.poll() is None
    if killed:
        os.kill(child.pid, signal.SIGKILL)
    while chunk := os.read(fd, 65536):
        data += chunk
    child.wait(timeout=30)
    child.stdout.close()
    acknowledged: list[Edit] = []
    pending: Edit | None = None
    for line in data.decode().splitlines(keepends=True):
        if not line.endswith("\n"):
            break  # cut off by the kill mid-line: neither acknowledged nor a known intent
        kind, _, payload = line.partition(" ")
        if kind == "ack":
            acknowledged.append(json.loads(payload))
            pending = None
        elif kind == "pending":
            pending = json.loads(payload)
    assert len(acknowledged) >= want, f"the child stopped early: {errors.read_text()}"
    return acknowledged, pending, killed


def _possible(base: Model, acknowledged: list[Edit], pending: Edit | None,
              found: Model) -> list[Model]:
    """The states the library may be in: all acknowledged edits, or those plus the one in
    flight (committed just before the kill, not yet printed)."""
    expected = Model(markers={k: v for k, v in base.markers.items()}, summary=base.summary,
                     learnings=dict(base.learnings))
    expected = normalised(expected)
    for edit in acknowledged:
        apply_edit(expected, edit)
    states = [normalised(expected)]
    if pending is not None:
        extra = normalised(expected)
        if pending["op"] == "add":
            new_ids = set(found.markers) - set(extra.markers)
            if len(new_ids) != 1:
                return states
            pending = {**pending, "id": new_ids.pop()}
        apply_edit(extra, pending)
        states.append(normalised(extra))
    return states


def harness(tmp_path: Path, runs: int, seed: int) -> Tally:
    path, review_id = _library(tmp_path)
    rng = random.Random(seed)
    tally = Tally()
    base = Model()  # what the library held after the previous kill (checked then)
    for run in range(runs):
        acknowledged, pending, killed = _run_child(path, seed * 1000 + run, rng)
        lib = open_library(path)
        try:
            assert lib.damage is None
            assert lib.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            found = normalised(read_model(lib, review_id))
        finally:
            lib.close()
        possible = _possible(base, acknowledged, pending, found)
        base = found
        tally.runs += 1
        tally.kills += killed
        tally.acknowledged += len(acknowledged)
        if found not in possible:
            tally.lost += 1
    return tally


def _report(name: str, tally: Tally, seconds: float) -> None:
    print(f"\n{name}: {tally.runs} runs, {tally.kills} kills, {tally.acknowledged} edits "
          f"acknowledged, {tally.lost} runs lost an acknowledged edit ({seconds:.1f} s)")


def test_crash_harness_quick(tmp_path: Path) -> None:
    started = time.monotonic()
    tally = harness(tmp_path, runs=5, seed=1)
    _report("quick", tally, time.monotonic() - started)
    assert tally.kills == 5 and tally.acknowledged >= 5
    assert tally.lost == 0


@pytest.mark.slow
def test_crash_harness_100_kills(tmp_path: Path) -> None:
    started = time.monotonic()
    tally = harness(tmp_path, runs=100, seed=2)
    _report("full", tally, time.monotonic() - started)
    assert tally.kills == 100 and tally.acknowledged >= 100
    assert tally.lost == 0
