"""Kill the app (KILLS times) while someone types without pausing: what was typed up to about a
second before the kill is in the library, nothing that was not typed, and the library is whole.
(Saving only after 400 ms of silence lost everything here.)"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.vsr.fakes import add_fake_recording
from vsr.library import markers as mk
from vsr.library import open_library
from vsr.library import reviews as rv
from vsr.library import sheets as sh

ROOT = Path(__file__).resolve().parents[2]
MAY_LOSE_S = 1.2  # saving at least every 0.8 s, plus room for a loaded machine


def _line(process: subprocess.Popen[str], timeout_s: float) -> str | None:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], timeout_s)
    return process.stdout.readline() if ready else None


KILLS = 10


def _type_and_kill(path: Path, review_id: int, marker_id: int, type_for_s: float,
                   platform: str = "offscreen") -> tuple[list[tuple[float, str]], float]:
    """One child typing into part A of marker_id, killed after type_for_s of typing.
    Returns what it had typed by when, and when it was killed."""
    env = dict(os.environ, QT_QPA_PLATFORM=platform, PYTHONUNBUFFERED="1")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.typing_child", str(path), str(review_id),
         str(marker_id)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True, bufsize=1)
    lines: list[str] = []
    try:
        first = _line(child, 60)  # the window is up and the first key was typed
        assert first, "the typing child printed nothing"
        lines.append(first)
        stop_at = time.monotonic() + type_for_s
        while time.monotonic() < stop_at:
            line = _line(child, max(0.0, stop_at - time.monotonic()))
            if line:
                lines.append(line)
        killed_at = time.monotonic()
        os.kill(child.pid, signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        rest, _ = child.communicate(timeout=30)
    lines += rest.splitlines()
    typed = [(float(stamp), text) for stamp, text in
             (line.strip().split(" ", 1) for line in lines if line.strip())]
    return typed, killed_at


@pytest.mark.slow
def test_kill_during_continuous_typing_keeps_all_but_the_last_second(tmp_path: Path) -> None:
    """KILLS times, each into a fresh moment, after a random 1.6-2.6 s of typing."""
    kill_while_typing(tmp_path, KILLS, "offscreen")


def kill_while_typing(tmp_path: Path, kills: int, platform: str) -> None:
    """`kills` times, each into a fresh moment: the window on `platform` ("xcb" is a real X
    window, for the end-to-end variant under Xvfb)."""
    path = tmp_path / "library.sqlite"
    lib = open_library(path)
    rec = add_fake_recording(lib, tmp_path)
    review = rv.create_review(lib, rec.id)
    pro, _ = rv.list_parties(lib, review.id)
    markers = [mk.add_marker(lib, pro.id, 10_000 + 5_000 * i).id for i in range(kills)]
    lib.close()
    rng = random.Random(10)
    keys = saved_total = 0
    for marker_id in markers:
        typed, killed_at = _type_and_kill(path, review.id, marker_id, rng.uniform(1.6, 2.6),
                                          platform)
        lib = open_library(path)
        try:
            saved = sh.get_sheet(lib, marker_id).what_happened
            assert lib.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            lib.close()
        final = typed[-1][1]
        must_have = [text for stamp, text in typed if stamp <= killed_at - MAY_LOSE_S]
        assert len(final) >= 20, f"typing was too slow to test anything: {final!r}"
        assert must_have, "no key was typed long enough before the kill"
        assert final.startswith(saved), (saved, final)  # nothing that was not typed
        assert saved.startswith(must_have[-1]), (saved, must_have[-1], killed_at - typed[0][0])
        keys += len(final)
        saved_total += len(saved)
    print(f"\nwindow ({platform}): {kills} kills while typing, {keys} keys typed, {saved_total} saved, "
          f"nothing typed more than {MAY_LOSE_S} s before a kill lost")
