"""A package's recording is a client's video: an unpack killed half way (power cut, SIGKILL)
must leave neither it nor a part of it beside the library. Before, the recording was written
into `received/` before the review's rows were committed: killed in between, it stayed there
for good, known to no library (so no purge or withdrawal could find it), and a kill during
the writing left its `.partial` file there too. Now it is written into a staging record of the
unpacking process and moved into `received/` in the transaction that adds its rows; the next
start removes what a killed unpack staged."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.vsr.fakes import add_fake_recording, fake_fingerprint
from vsr.library import open_library
from vsr.library import reviews as rv
from vsr.library.consent import grant_consent
from vsr.review_package import pack_review, received_folder, unpack_review

ROOT = Path(__file__).resolve().parents[2]
MEDIA = b"client video " * 50_000  # some 650 kB: written in more than one piece

# The child unpacks into `library` and is SIGKILLed at `where` (a function it replaces).
CHILD = """
import os, signal, sys
from pathlib import Path
from tests.vsr.fakes import fake_fingerprint
from vsr.library import open_library
from vsr.review_package import archive, receive, unpack_review

library, package, where = sys.argv[1:4]

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

if where == "before_commit":
    receive._insert = die
else:  # half way through writing the recording
    real = archive.read_member

    def half(path, zf, name, out=None, expected=None, **kw):
        if out is None:
            return real(path, zf, name, out=out, expected=expected, **kw)
        with zf.open(name) as member:
            out.write(member.read(%d // 2))
            out.flush()
        die()

    archive.read_member = half
    receive.archive.read_member = half
lib = open_library(Path(library))
unpack_review(lib, Path(package), fingerprinter=fake_fingerprint)
print("not killed")
"""


@pytest.fixture
def package(tmp_path: Path) -> Path:
    lib = open_library(tmp_path / "a" / "library.sqlite")
    try:
        rec = add_fake_recording(lib, tmp_path / "a", "gesprek.mp4", MEDIA)
        review = rv.create_review(lib, rec.id, title="Gesprek")
        grant_consent(lib, rec.id, "intervisie", given_by="J.")
        return pack_review(lib, review.id, tmp_path / "p.vsrpack", with_recording=True)
    finally:
        lib.close()


def _files_beside(library: Path) -> list[str]:
    """Every file in the library's folder but SQLite's and the app's own bookkeeping."""
    own = (library.name, "backups", ".library-state", "library.sqlite.audit-head")
    return sorted(str(p.relative_to(library.parent)) for p in library.parent.rglob("*")
                  if p.is_file() and not any(part.startswith(own) for part in
                                             p.relative_to(library.parent).parts))


@pytest.mark.parametrize("where", ["before_commit", "while_writing"])
def test_a_killed_unpack_leaves_no_recording_behind(tmp_path: Path, package: Path,
                                                    where: str) -> None:
    library = tmp_path / "b" / "library.sqlite"
    open_library(library).close()
    child = subprocess.run([sys.executable, "-c", CHILD % len(MEDIA), str(library),
                            str(package), where], cwd=ROOT, capture_output=True, text=True,
                           timeout=120)
    assert child.returncode == -signal.SIGKILL, child.stderr
    lib = open_library(library)  # the next start
    try:
        assert rv.list_reviews(lib) == []
    finally:
        lib.close()
    assert _files_beside(library) == []
    assert not received_folder(lib).exists() or not any(received_folder(lib).iterdir())


def test_an_unpack_that_fails_after_writing_removes_the_recording(
        tmp_path: Path, package: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not killed but failing (the library busy) as the rows are added: nothing stays."""
    import sqlite3

    from vsr.errors import VsrError
    from vsr.review_package import rows

    library = tmp_path / "b" / "library.sqlite"
    lib = open_library(library)
    try:
        def busy(*args: object, **kwargs: object) -> int:
            raise sqlite3.OperationalError("database is locked")

        monkeypatch.setattr(rows, "insert_review", busy)
        with pytest.raises(VsrError):
            unpack_review(lib, package, fingerprinter=fake_fingerprint)
        monkeypatch.undo()
        assert rv.list_reviews(lib) == []
        assert _files_beside(library) == []
        done = unpack_review(lib, package, fingerprinter=fake_fingerprint)  # and again: it works
        assert done.recording_file is not None and done.recording_file.read_bytes() == MEDIA
        assert done.recording_file.parent == received_folder(lib)
    finally:
        lib.close()
