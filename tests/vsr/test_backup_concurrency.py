"""Ten programs open the library at the moment a backup is due: one daily and one weekly backup
are made, and rotation deletes only the oldest of each kind. Before, each program made its own
(seven at once), and rotation then deleted the real older daily and weekly backups."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from tests.vsr.fakes import add_fake_recording
from vsr.library import backups as bk
from vsr.library import open_library

PROGRAMS = 10
# Each child is ready (imports done), then waits for the start file, so all open at once.
CHILD = """
import sys, time
from pathlib import Path
from vsr.library import open_library
library, ready, go = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
ready.touch()
while not go.exists():
    time.sleep(0.002)
open_library(library).close()
"""


def _older_backups(path: Path) -> dict[str, list[Path]]:
    """Seven daily backups of the last week and four weekly ones of the last month."""
    now = bk._now()
    made: dict[str, list[Path]] = {"daily": [], "weekly": []}
    for kind, count, step in (("daily", 7, timedelta(days=1)), ("weekly", 4, timedelta(days=7))):
        for n in range(1, count + 1):
            dest = bk._new_name(path, kind, now - n * step - timedelta(hours=1))
            bk.copy_database(path, dest)
            made[kind].append(dest)
    return made


def test_ten_programs_make_one_backup_and_keep_the_older_ones(tmp_path: Path) -> None:
    path = tmp_path / "bibliotheek.sqlite"
    lib = open_library(path, backup=False)
    add_fake_recording(lib, tmp_path)
    lib.close()
    bk.backup_folder(path).mkdir(mode=0o700)
    older = _older_backups(path)
    go = tmp_path / "go"
    children = []
    for n in range(PROGRAMS):
        ready = tmp_path / f"ready-{n}"
        children.append((ready, subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), str(ready), str(go)],
            stderr=subprocess.PIPE, text=True)))
    for ready, child in children:
        while not ready.exists():  # its imports are done
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            time.sleep(0.01)
    go.touch()
    for _ready, child in children:
        _out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
    found = bk.list_backups(path)
    for kind, keep in (("daily", 7), ("weekly", 4)):
        of_kind = [b.path for b in found if b.kind == kind]
        new = [p for p in of_kind if p not in older[kind]]
        assert len(new) == 1, (kind, new)
        # the new one and the newest older ones; only the oldest went
        assert of_kind == new + older[kind][:keep - 1], kind
