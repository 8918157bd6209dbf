"""A library in a folder that cannot be written in (a read-only mount, a share without write
rights): SQLite says only "unable to open database file", and that English text stood in the
Dutch sentence. The reason is now worded in the user's language."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.lang import worded
from vsr.errors import VsrError
from vsr.library import open_library


@pytest.fixture
def closed_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder with a library in it that can no longer be written in: a read-only tmpfs
    when running as root (root writes through any file mode), else the folder's mode."""
    folder = tmp_path / "map"
    folder.mkdir()
    if os.geteuid() == 0:
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)],
                          capture_output=True, check=False).returncode != 0:
            pytest.skip("root, but no tmpfs can be mounted here")
        try:
            open_library(folder / "library.sqlite", backup=False).close()
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
            yield folder
        finally:
            subprocess.run(["umount", str(folder)], check=False)
        return
    open_library(folder / "library.sqlite", backup=False).close()
    for leftover in folder.glob("library.sqlite-*"):
        leftover.unlink()
    folder.chmod(0o500)
    try:
        yield folder
    finally:
        folder.chmod(0o700)


def test_a_folder_that_cannot_be_written_in_is_said_in_the_users_language(
        closed_folder: Path) -> None:
    path = closed_folder / "library.sqlite"
    with pytest.raises(VsrError) as refused:
        open_library(path, backup=False)
    assert refused.value.key == "error.library.unreadable"
    english = worded("en", refused.value.message)
    dutch = worded("nl", refused.value.message)
    assert str(path) in english and "cannot be written to" in english
    assert "unable to open" not in dutch and "kan niet worden geschreven" in dutch
