"""Exports survive a hard kill: staging lives in the app's own folder and names the process
that made it, so the next start removes one left behind by a dead process (and never one still
in use); hidden staging folders of older versions in a target folder go with the next export
there; and files are recorded before they are moved into place, so a withdrawal or purge still
finds a file that arrived just before the kill."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.vsr.collection_fixtures import CLIENT, World, make_source, make_world
from vsr.app_dirs import staging_root
from vsr.clip_packs import export as ex
from vsr.clip_packs import export_collection
from vsr.errors import StorageError
from vsr.library import Library, open_library
from vsr.library import collections as co
from vsr.library import consent as cs
from vsr.library.audit import list_audit
from vsr.library.exported import known_paths, list_exported
from vsr.library.withdrawal import withdraw_consent

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_source(tmp_path_factory.mktemp("src"), "gesprek.mp4", 2.0)


@pytest.fixture
def world(library: Library, source: Path) -> World:
    w = make_world(library, source)
    cs.grant_consent(library, w.rec.id, "intervisie", given_by=CLIENT)
    return w


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(done.stdout)


def _staging(out: Path, name: str, owner: str | None, age_s: float = 0) -> Path:
    folder = out / f"{ex.STAGING_PREFIX}{name}"
    folder.mkdir(parents=True)
    (folder / "clip-01.mp4").write_bytes(b"half a clip")
    if owner is not None:
        (folder / ex.OWNER_FILE).write_text(owner)
    if age_s:
        then = time.time() - age_s
        for path in [*folder.iterdir(), folder]:
            os.utime(path, (then, then))
    return folder


def test_stale_staging_folders_go_and_live_ones_stay(tmp_path: Path) -> None:
    import socket

    host = socket.gethostname()
    out = tmp_path / "uit"
    dead = _staging(out, "dead", f"{_dead_pid()} {host}")
    live = _staging(out, "live", f"{os.getpid()} {host}")
    old_unknown = _staging(out, "old", None, age_s=2 * 3600)
    new_unknown = _staging(out, "new", "not a pid")
    elsewhere = _staging(out, "elsewhere", f"{_dead_pid()} another-computer")
    elsewhere_old = _staging(out, "elsewhere-old", "1 another-computer", age_s=2 * 3600)
    own_file = out / ".vsr-export-notes.txt"  # not a folder: never touched
    own_file.write_text("van de gebruiker")

    removed = ex.clean_stale_staging(out)
    assert sorted(p.name for p in removed) == sorted(
        p.name for p in (dead, old_unknown, elsewhere_old))
    assert not dead.exists() and not old_unknown.exists() and not elsewhere_old.exists()
    assert live.is_dir() and new_unknown.is_dir() and elsewhere.is_dir()
    assert own_file.read_text() == "van de gebruiker"
    assert ex.clean_stale_staging(tmp_path / "bestaat-niet") == []


def test_run_export_claims_its_folder_and_clears_stale_ones(world: World, tmp_path: Path) -> None:
    import socket

    col = co.create_collection(world.lib, "Intervisie", "intervisie")
    co.add_clip(world.lib, col.id, world.rec.id, 0, 500)
    out = tmp_path / "uit"
    stale = _staging(out, "killed", f"{_dead_pid()} {socket.gethostname()}")
    staged = ex.run_export(ex.prepare_export(world.lib, col.id, out, anonymize_faces=False))
    assert not stale.exists()
    owner = (staged.staging / ex.OWNER_FILE).read_text()
    assert owner == f"{os.getpid()} {socket.gethostname()}"
    assert staged.staging.parent == staging_root(world.lib.path)  # the app's own folder
    ex.commit_export(world.lib, staged)
    assert sorted(p.name for p in out.iterdir()) == ["clip-01.mp4"]  # no staging left
    assert list(staging_root(world.lib.path).iterdir()) == []


_KILLED_WHILE_MOVING = """
import os, sys
from pathlib import Path
from vsr.library import open_library
from vsr.clip_packs import export as ex

lib = open_library(sys.argv[1])
staged = ex.run_export(ex.prepare_export(lib, int(sys.argv[2]), sys.argv[3],
                                         anonymize_faces=False, pack="intervisie"))
real = Path.replace

def replace_then_die(self, target):
    real(self, target)
    os._exit(9)  # a hard kill right after the first file is in place

Path.replace = replace_then_die
ex.commit_export(lib, staged)
"""


def test_a_kill_while_moving_leaves_nothing_unknown(world: World, tmp_path: Path) -> None:
    col = co.create_collection(world.lib, "Intervisie", "intervisie")
    co.add_clip(world.lib, col.id, world.rec.id, 0, 500)
    out = tmp_path / "uit"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", _KILLED_WHILE_MOVING, str(world.lib.path),
                           str(col.id), str(out)], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 9, proc.stderr
    assert (out / "clip-01.mp4").is_file() and not (out / "handout.pdf").exists()
    assert str(out / "clip-01.mp4") in known_paths(world.lib)  # recorded before it moved
    # staging lives in the app's own folder, never in the user's (same file system here)
    assert sorted(p.name for p in out.iterdir()) == ["clip-01.mp4"]
    root = staging_root(world.lib.path)
    [record] = list(root.iterdir())
    assert (record / "handout.pdf").is_file()  # the half-done export waits there

    report = withdraw_consent(world.lib, world.rec.id, "intervisie")
    assert report.files.deleted == [str(out / "clip-01.mp4")]
    assert report.files.missing == [str(out / "handout.pdf")]  # never arrived
    assert list_exported(world.lib) == []
    assert list(out.iterdir()) == []
    open_library(world.lib.path).close()  # the next start cleans the dead export's staging
    assert list(root.iterdir()) == []


def test_a_failed_move_forgets_the_new_rows_and_keeps_the_old_ones(
        world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    col = co.create_collection(world.lib, "Intervisie", "intervisie")
    co.add_clip(world.lib, col.id, world.rec.id, 0, 500)
    out = tmp_path / "uit"
    first = export_collection(world.lib, col.id, out, anonymize_faces=False, pack="intervisie")
    before = list_exported(world.lib)
    assert {f.export_id for f in before} == {first.export_id}

    real = Path.replace

    def fail_on_handout(self: Path, target: Path) -> Path:
        if Path(target).name == "handout.pdf":
            raise OSError(28, "No space left on device")
        return real(self, target)

    monkeypatch.setattr(Path, "replace", fail_on_handout)
    with pytest.raises(StorageError):
        export_collection(world.lib, col.id, out, anonymize_faces=False, pack="intervisie")
    monkeypatch.undo()
    # the new clip overwrote the old one and was removed again; the old handout is untouched
    assert sorted(p.name for p in out.iterdir()) == ["handout.pdf"]
    assert list_exported(world.lib) == before  # still known, so a purge can find it
    assert len(list_audit(world.lib, action="export")) == 1
