"""libVLC's messages reach Python logging ("vsr.vlc") and nothing of VLC's is written to stderr.

Each case runs the real VLC in a child process, because what is tested is the process's own
file descriptor 2 (VLC and ALSA write there from C, below anything pytest can capture)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.test_vlc_player import make_numbered_clip

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]

CHILD = r'''
import json, logging, sys, time
from PySide6.QtWidgets import QApplication

app = QApplication([])
records = []


class Keep(logging.Handler):
    def emit(self, record):
        records.append((record.levelno, record.getMessage()))


logging.basicConfig(level=logging.WARNING)  # as the app does (ui/app.py main)
# Collect every record, while the terminal handler still shows WARNING and up, as in the app.
logging.getLogger().handlers[0].setLevel(logging.WARNING)
vlc_log = logging.getLogger("vsr.vlc")
vlc_log.addHandler(Keep(level=logging.DEBUG))
vlc_log.setLevel(logging.DEBUG)

from vsr.ui.player.vlc_player import VlcPlayer


def wait_for(condition, timeout=20.0):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.01)


player = VlcPlayer()
player.set_muted(True)  # the ALSA case must not beep on a machine that has a sound card
surface = player.video_widget()
surface.resize(320, 240)
surface.show()
player.load(sys.argv[1])
wait_for(lambda: not player.is_opening() and player.state() == "paused")
player.play()
wait_for(lambda: player.position() > 500)
player.load(sys.argv[2])  # damaged: VLC complains
wait_for(lambda: player.state() == "error")
player.shutdown()  # unsets the log callback before the instance goes
app.processEvents()
print(json.dumps(records))
'''

# What VLC's console logger, FFmpeg and ALSA print: "[00007f...] module type error: ...",
# "[h264 @ 0x...] ...", "ALSA lib pcm.c:...".
VLC_STDERR = re.compile(r"^\[[0-9a-f]{8,}\]|^\[\w+ @ 0x[0-9a-f]+\]|ALSA lib|libvlc", re.I)


def run_child(tmp_path: Path, **env: str) -> tuple[list[tuple[int, str]], str]:
    clip = make_numbered_clip(tmp_path / "clip.mp4")
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"\0" * 4096 + b"not a movie" * 500)
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    child_env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "xcb", **env}
    if "VSR_VLC_VERBOSE" not in env:
        child_env.pop("VSR_VLC_VERBOSE", None)
    done = subprocess.run([sys.executable, str(script), str(clip), str(broken)], cwd=ROOT,
                          env=child_env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr  # no crash at exit either
    records = [(int(level), str(text)) for level, text in json.loads(done.stdout.splitlines()[-1])]
    return records, done.stderr


def test_vlc_messages_go_to_the_log_and_not_to_stderr(tmp_path: Path) -> None:
    records, stderr = run_child(tmp_path)
    assert len(records) > 20  # VLC talks: module probing, the damaged file
    assert any(level == 20 and "avformat" in text for level, text in records), records[-20:]
    assert max(level for level, _ in records) <= 20  # VLC's errors are INFO: the terminal is quiet
    noisy = [line for line in stderr.splitlines() if VLC_STDERR.search(line) or "vsr.vlc" in line]
    assert noisy == []


def test_vsr_vlc_verbose_shows_vlcs_own_levels(tmp_path: Path) -> None:
    records, stderr = run_child(tmp_path, VSR_VLC_VERBOSE="1")
    assert any(level == 40 for level, _ in records)  # VLC's errors are errors again
    assert re.search(r"^(ERROR|WARNING):vsr\.vlc:", stderr, re.M), stderr[-2000:]


def test_alsa_complaints_go_to_the_log_too(tmp_path: Path) -> None:
    """Without a sound card (CI, Xvfb) ALSA prints a dozen lines per attempt to open it."""
    records, stderr = run_child(tmp_path, VSR_VLC_ARGS="--aout=alsa")
    assert [line for line in stderr.splitlines() if "ALSA lib" in line] == []
    assert any(text.startswith("alsa") for _, text in records)
