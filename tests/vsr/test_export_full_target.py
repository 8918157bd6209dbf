"""An export into a folder on a disk that is full (found on a 3 MB tmpfs filled to the last
block, the library elsewhere): the hidden staging folder made in the target folder stayed
there until the next start, and the message said "Het leerverslag kon niet worden opgeslagen
als …v.eaf (No space left on device)": the wrong thing named and English in the Dutch
sentence. Now nothing stays and the message names the file and the full disk in words."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from tests.vsr.fakes import add_fake_recording
from vsr import staging
from vsr.errors import VsrError
from vsr.i18n import using_language
from vsr.interop.exports import export_review_file
from vsr.library import Library
from vsr.library import markers as mk
from vsr.library import reviews as rv
from vsr.library.db import library_staging
from vsr.library.exported import list_exported


@pytest.fixture
def review_id(library: Library, tmp_path: Path) -> int:
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id, title="Gesprek")
    mk.add_marker(library, rv.list_parties(library, review.id)[0].id, 1000)
    return review.id


def test_a_full_target_folder_keeps_no_hidden_staging_folder(
        library: Library, review_id: int, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "stick"
    out.mkdir()
    monkeypatch.setattr(staging, "_same_device", lambda a, b: False)  # another disk
    real = staging.claim

    def full(folder: Path) -> None:
        if folder.name.startswith(staging.STAGING_PREFIX):
            raise OSError(errno.ENOSPC, "No space left on device")
        real(folder)

    monkeypatch.setattr(staging, "claim", full)
    with using_language("nl"), pytest.raises(VsrError) as caught:
        export_review_file(library, review_id, "eaf", out / "v.eaf")
    monkeypatch.undo()
    assert list(out.iterdir()) == []
    assert not library_staging(library).exists() or list(library_staging(library).iterdir()) == []
    assert list_exported(library) == []
    with using_language("nl"):
        said = caught.value.message()
    assert str(out / "v.eaf") in said and "de schijf is vol" in said
    assert "leerverslag" not in said and "No space left" not in said


def test_a_full_disk_while_writing_is_said_in_dutch(
        library: Library, review_id: int, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("vsr.interop.exports.write_csv", full)
    with pytest.raises(VsrError) as caught:
        export_review_file(library, review_id, "csv", tmp_path / "uit" / "v.csv")
    assert caught.value.key == "error.export.write_failed"
    with using_language("nl"):
        said = caught.value.message()
    assert said.startswith(f"Het bestand {tmp_path / 'uit' / 'v.csv'} kon niet")
    assert "de schijf is vol" in said and "No space left" not in said
    assert list((tmp_path / "uit").iterdir()) == []


def test_clips_that_cannot_be_moved_into_a_full_folder_are_said_in_dutch(
        library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The clip pack said "(…/uit: No space left on device)" inside the Dutch sentence."""
    from tests.vsr.collection_fixtures import CLIENT, make_source, make_world
    from vsr.clip_packs import export_collection
    from vsr.errors import StorageError
    from vsr.library import collections as co
    from vsr.library import consent as cs

    world = make_world(library, make_source(tmp_path / "src", "gesprek.mp4", 1.0))
    cs.grant_consent(library, world.rec.id, "intervisie", given_by=CLIENT)
    col = co.create_collection(library, "Intervisie", "intervisie")
    co.add_clip(library, col.id, world.rec.id, 0, 500)
    out = tmp_path / "uit"
    real = Path.replace

    def full(self: Path, target: Path) -> Path:
        if Path(target).parent == out:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, target)

    monkeypatch.setattr(Path, "replace", full)
    with pytest.raises(StorageError) as caught:
        export_collection(library, col.id, out, anonymize_faces=False, pack="intervisie")
    monkeypatch.undo()
    with using_language("nl"):
        said = caught.value.message()
    assert f"{out}: de schijf is vol" in said and "No space left" not in said
    with using_language("en"):
        assert f"{out}: No space left on device" in caught.value.message()
    assert not out.exists() or list(out.iterdir()) == []
