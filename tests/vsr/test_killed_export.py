"""A killed export leaves no client video outside the app's own folder: `vsr export clips`
stages in the app's private folder, recorded before it writes; SIGKILLed halfway, the target
folder holds nothing and the next start removes the staging; SIGTERMed, it cleans up itself
like Ctrl+C. A summary is recorded before its file appears and never staged in the user's
folder."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.vsr import session_fixtures as fx
from tests.vsr.collection_fixtures import CLIENT, make_source, make_world
from vsr.app_dirs import staging_root
from vsr.export import export_summary, summary_md
from vsr.library import Library, open_library
from vsr.library import collections as co
from vsr.library import consent as cs
from vsr.library.exported import known_paths, list_exported

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def long_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_source(tmp_path_factory.mktemp("src"), "gesprek-anouk.mp4", 12.0)


def _start_export(lib: Library, source: Path, out: Path) -> subprocess.Popen[str]:
    world = make_world(lib, source)
    cs.grant_consent(lib, world.rec.id, "intervisie", given_by=CLIENT)
    col = co.create_collection(lib, "Intervisie", "intervisie")
    for start in (0, 4000, 8000):
        co.add_clip(lib, col.id, world.rec.id, start, start + 4000)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "vsr", "--library", str(lib.path), "export", "clips", str(col.id),
         "-o", str(out), "--pack", "intervisie"],
        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_staged_file(root: Path, proc: subprocess.Popen[str]) -> Path:
    """Wait (for a state, not a time) until the child has begun writing a clip in staging."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        if root.is_dir():
            for record in root.iterdir():
                if any(p.name != ".owner" for p in record.iterdir()):
                    return record
        time.sleep(0.002)
    raise AssertionError("the export never began writing")


def test_a_sigkilled_export_leaves_nothing_outside_the_app(
        library: Library, long_source: Path, tmp_path: Path) -> None:
    out = tmp_path / "Jan de Vries"
    proc = _start_export(library, long_source, out)
    root = staging_root(library.path)
    record = _wait_for_staged_file(root, proc)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    assert not out.exists() or list(out.iterdir()) == []  # no half video in the user's folder
    assert record.is_dir() and stat.S_IMODE(record.stat().st_mode) == 0o700
    assert list_exported(library) == []  # nothing was moved, so nothing is half known

    open_library(library.path).close()  # the next start
    assert list(root.iterdir()) == []


def test_a_sigterm_ends_an_export_cleanly(library: Library, long_source: Path,
                                         tmp_path: Path) -> None:
    out = tmp_path / "Jan de Vries"
    proc = _start_export(library, long_source, out)
    root = staging_root(library.path)
    _wait_for_staged_file(root, proc)
    proc.send_signal(signal.SIGTERM)
    _stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM, stderr
    assert "Traceback" not in stderr
    assert not out.exists()  # the folder it made is gone too
    assert list(root.iterdir()) == []  # cleaned on the way out, not only at the next start


def test_a_summary_is_recorded_before_its_file_appears(
        library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    walked = fx.walked_review(library, tmp_path)
    out = tmp_path / "Jan de Vries" / "verslag.md"
    out.parent.mkdir()
    seen: list[tuple[bool, Path]] = []
    real = summary_md.write_markdown

    def spy(doc, path: Path) -> None:  # type: ignore[no-untyped-def]
        seen.append((str(out) in known_paths(library), path))
        real(doc, path)

    monkeypatch.setattr(summary_md, "write_markdown", spy)
    export_summary(library, walked.review.id, "md", out)
    [(known, tmp)] = seen
    assert known  # a kill while writing leaves a row that purge and withdrawal find
    assert tmp.is_relative_to(staging_root(library.path))  # no .partial in the user's folder
    assert sorted(p.name for p in out.parent.iterdir()) == ["verslag.md"]
    assert [f.path for f in list_exported(library)] == [str(out)]


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(done.stdout)


def test_staging_on_another_file_system_is_recorded_first_and_cleaned_at_start(
        library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from vsr import staging as sg

    monkeypatch.setattr(sg, "_same_device", lambda _a, _b: False)  # a rename cannot cross
    out = tmp_path / "usb"
    out.mkdir()
    area = sg.open_staging(staging_root(library.path), out)
    assert area.external and area.folder.parent == out
    assert area.folder.name.startswith(sg.STAGING_PREFIX)  # hidden, and named by the record
    assert (area.record / sg.EXTERNAL_FILE).read_text() == str(area.folder)
    (area.folder / "clip-01.mp4").write_bytes(b"half a clip")
    # the process that made it dies
    (area.record / sg.OWNER_FILE).write_text(f"{_dead_pid()} {socket.gethostname()}")
    open_library(library.path).close()  # the next start
    assert list(out.iterdir()) == [] and not area.record.exists()
