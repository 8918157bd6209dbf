"""What the app keeps on disk is the user's only: the library, its WAL and SHM, its backups,
the envelope cache and export staging are 0600 files in 0700 folders, whatever the umask;
files the user exports follow the user's umask."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.vsr.collection_fixtures import CLIENT, make_source, make_world
from vsr.app_dirs import staging_root
from vsr.clip_packs import export_collection
from vsr.library import collections as co
from vsr.library import consent as cs
from vsr.library import open_library, schema
from vsr.media.envelope import cache_file, load_or_compute_envelope
from vsr.staging import close_staging, open_staging


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The loosest usual umask: without the app's own care, everything would be 0644/0755."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_the_library_and_its_companions_are_private(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "nieuw" / "library.sqlite"
    lib = open_library(path)
    lib.set_setting("x", "y")  # something in the WAL
    for file in (path, path.with_name("library.sqlite-wal"), path.with_name("library.sqlite-shm")):
        assert file.exists() and _mode(file) == 0o600, file
    assert _mode(path.parent) == 0o700  # a folder the app made for it
    lib.close()


def test_an_existing_library_is_made_private(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "library.sqlite"
    sqlite3.connect(path).close()
    os.chmod(path, 0o644)
    os.chmod(tmp_path, 0o755)
    open_library(path).close()
    assert _mode(path) == 0o600
    assert _mode(tmp_path) == 0o755  # a folder the user chose for it is left as it is


def test_a_backup_before_migration_is_private(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "library.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for statement in schema.MIGRATIONS[0]:
        assert isinstance(statement, str)
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("COMMIT")
    conn.close()
    open_library(path).close()
    backup = tmp_path / "library.sqlite.v1.bak"
    assert backup.is_file() and _mode(backup) == 0o600


def test_the_envelope_cache_is_private(tmp_path: Path, open_umask: None) -> None:
    source = make_source(tmp_path / "src", "gesprek.mp4", 1.0)
    cache = tmp_path / "cache" / "envelopes"
    load_or_compute_envelope(source, "v1:abc", cache)
    [file] = list(cache.iterdir())
    assert file.parent == cache_file(cache, "v1:abc", 50).parent
    assert _mode(cache) == 0o700 and _mode(file) == 0o600


def test_staging_is_private_and_exports_follow_the_umask(tmp_path: Path, open_umask: None) -> None:
    lib = open_library(tmp_path / "library.sqlite")
    area = open_staging(staging_root(lib.path), tmp_path)
    assert _mode(staging_root(lib.path)) == 0o700 and _mode(area.folder) == 0o700
    close_staging(area)

    world = make_world(lib, make_source(tmp_path / "src", "gesprek.mp4", 1.0))
    cs.grant_consent(lib, world.rec.id, "intervisie", given_by=CLIENT)
    col = co.create_collection(lib, "Intervisie", "intervisie")
    co.add_clip(lib, col.id, world.rec.id, 0, 500)
    report = export_collection(lib, col.id, tmp_path / "uit", anonymize_faces=False,
                               pack="intervisie")
    for file in report.files:  # what the user asked for is theirs to share: their umask
        assert _mode(file) == 0o644, file
    lib.close()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home of its own: the XDG folders the app's cache, state, log and data go into."""
    root = tmp_path / "thuis"
    for name, sub in (("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state"),
                      ("XDG_DATA_HOME", ".local/share")):
        monkeypatch.setenv(name, str(root / sub))
    monkeypatch.delenv("VSR_LOG_DIR", raising=False)
    monkeypatch.delenv("VSR_RECORDINGS", raising=False)
    return root


def test_the_cache_folder_in_home_is_private(home: Path, tmp_path: Path, open_umask: None) -> None:
    """~/.cache/vsr itself, not only the envelopes folder inside it (mkdir gives a missing
    parent the umask's 0755)."""
    import platformdirs

    cache = Path(platformdirs.user_cache_dir("vsr", appauthor=False)) / "envelopes"
    source = make_source(tmp_path / "src", "gesprek.mp4", 1.0)
    load_or_compute_envelope(source, "v1:abc", cache)
    assert cache.parent == home / ".cache" / "vsr"
    assert _mode(home / ".cache" / "vsr") == 0o700 and _mode(cache) == 0o700
    assert all(_mode(f) == (0o700 if f.is_dir() else 0o600) for f in cache.rglob("*"))
    assert _mode(home / ".cache") == 0o755  # the user's own folder is left as it is


def test_the_state_folder_in_home_is_private(home: Path, open_umask: None) -> None:
    """~/.local/state/vsr (the log's folder is inside it) is private, made by the log set-up."""
    import logging

    from vsr.app_log import _PrivateRotatingFile, setup_logging

    root = logging.getLogger()
    before = list(root.handlers)
    root.handlers = [h for h in before if not isinstance(h, _PrivateRotatingFile)]
    try:
        path = setup_logging()
        assert path is not None and home / ".local" / "state" / "vsr" in path.parents
    finally:
        for handler in root.handlers:
            if handler not in before:
                handler.close()
        root.handlers = before
    assert _mode(home / ".local" / "state" / "vsr") == 0o700
    assert _mode(path.parent) == 0o700 and _mode(path) == 0o600


def test_the_recordings_folder_and_the_demo_are_private(
        home: Path, tmp_path: Path, open_umask: None, monkeypatch: pytest.MonkeyPatch) -> None:
    import vsr.media.demo_recording as media_demo
    from vsr.demo import ensure_demo_recording

    def fake_demo(out: Path, *args: object, **kwargs: object) -> None:
        out.write_bytes(b"demo")  # under the open umask: 0644 unless the app sees to it

    monkeypatch.setattr(media_demo, "generate_demo_recording", fake_demo)
    folder = tmp_path / "opnamen"
    made = ensure_demo_recording(folder)
    assert _mode(folder) == 0o700 and _mode(made) == 0o600
    os.chmod(made, 0o644)
    os.chmod(folder, 0o755)
    ensure_demo_recording(folder)  # an existing one (made by an older version) is fixed too
    assert _mode(folder) == 0o700 and _mode(made) == 0o600


def test_a_received_recording_is_private(tmp_path: Path, open_umask: None) -> None:
    from vsr.library import reviews as rv
    from vsr.review_package import pack_review, received_folder, unpack_review

    lib = open_library(tmp_path / "a" / "library.sqlite")
    other = open_library(tmp_path / "b" / "library.sqlite")
    try:
        world = make_world(lib, make_source(tmp_path / "src", "gesprek.mp4", 1.0))
        cs.grant_consent(lib, world.rec.id, "intervisie", given_by=CLIENT)
        review = rv.list_reviews(lib, world.rec.id)[0]
        package = pack_review(lib, review.id, tmp_path / "p.vsrpack", with_recording=True)
        done = unpack_review(other, package, fingerprinter=lambda p: world.rec.fingerprint)
        assert done.recording_file is not None
        assert _mode(received_folder(other)) == 0o700 and _mode(done.recording_file) == 0o600
    finally:
        lib.close()
        other.close()
