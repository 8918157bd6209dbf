"""Purge never deletes through a symlink: a recording's media file goes only when it is a
regular file whose real place is inside the app's recordings folder, and an exported file only
when a regular file still stands at the recorded place. A link is left alone, and so is what
it points to."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.vsr.collection_fixtures import CLIENT, make_source, make_world
from vsr.clip_packs import export_collection
from vsr.library import Library
from vsr.library import collections as co
from vsr.library import consent as cs
from vsr.library import retention as rt
from vsr.library.exported import list_exported

TODAY = date(2026, 5, 1)


def _expire_with_path(lib: Library, source: Path, path: Path) -> int:
    world = make_world(lib, source)
    lib.conn.execute("UPDATE recordings SET path = ? WHERE id = ?", (str(path), world.rec.id))
    rt.set_recording_retention(lib, world.rec.id, "2026-04-30")
    return world.rec.id


def test_a_link_in_the_app_folder_to_a_file_elsewhere(library: Library, tmp_path: Path) -> None:
    app_folder = tmp_path / "recordings"
    app_folder.mkdir()
    theirs = make_source(tmp_path / "eigen", "enige-kopie.mp4", 1.0)
    link = app_folder / "gesprek.mp4"
    link.symlink_to(theirs)
    _expire_with_path(library, theirs, link)
    plan = rt.plan_purge(library, TODAY, media_folder=app_folder)
    assert [e.delete_media for e in plan.recordings] == [False]
    report = rt.purge(library, TODAY, media_folder=app_folder)
    assert report.media_deleted == ()
    assert theirs.is_file() and link.is_symlink()  # neither the target nor the link


def test_a_link_elsewhere_into_the_app_folder(library: Library, tmp_path: Path) -> None:
    app_folder = tmp_path / "recordings"
    ours = make_source(app_folder, "gesprek.mp4", 1.0)
    link = tmp_path / "bureaublad" / "snelkoppeling.mp4"
    link.parent.mkdir()
    link.symlink_to(ours)
    _expire_with_path(library, ours, link)
    rt.purge(library, TODAY, media_folder=app_folder)
    assert link.is_symlink() and ours.is_file()  # the user's link is not ours to delete


def test_a_file_swapped_for_a_link_after_planning(library: Library, tmp_path: Path) -> None:
    app_folder = tmp_path / "recordings"
    ours = make_source(app_folder, "gesprek.mp4", 1.0)
    theirs = make_source(tmp_path / "eigen", "belangrijk.mp4", 1.0)
    _expire_with_path(library, ours, ours)
    plan = rt.plan_purge(library, TODAY, media_folder=app_folder)
    assert [e.delete_media for e in plan.recordings] == [True]
    ours.unlink()
    ours.symlink_to(theirs)  # between the plan and the purge
    report = rt.purge(library, TODAY, media_folder=app_folder)  # it plans again, and keeps it
    assert report.media_deleted == ()
    assert theirs.is_file() and ours.is_symlink()
    # and the last check right before unlinking refuses a link as well
    with pytest.raises(OSError):
        rt._delete_media(str(ours), app_folder)
    assert theirs.is_file() and ours.is_symlink()


def test_a_regular_file_inside_the_app_folder_still_goes(library: Library,
                                                         tmp_path: Path) -> None:
    app_folder = tmp_path / "recordings"
    ours = make_source(app_folder, "gesprek.mp4", 1.0)
    _expire_with_path(library, ours, ours)
    report = rt.purge(library, TODAY, media_folder=app_folder)
    assert report.media_deleted == (str(ours),) and not ours.exists()


def test_an_exported_file_replaced_by_a_link(library: Library, tmp_path: Path) -> None:
    world = make_world(library, make_source(tmp_path / "src", "gesprek.mp4", 1.0))
    cs.grant_consent(library, world.rec.id, "intervisie", given_by=CLIENT)
    col = co.create_collection(library, "Intervisie", "intervisie", keep_until="2026-04-30")
    co.add_clip(library, col.id, world.rec.id, 0, 500)
    out = tmp_path / "uit"
    export_collection(library, col.id, out, anonymize_faces=False, today=TODAY)
    theirs = tmp_path / "eigen" / "belangrijk.mp4"
    theirs.parent.mkdir()
    theirs.write_bytes(b"niet van vsr")
    clip = out / "clip-01.mp4"
    clip.unlink()
    clip.symlink_to(theirs)
    report = rt.purge(library, TODAY, media_folder=tmp_path / "recordings")
    assert report.files.deleted == [] and report.files.missing == [str(clip)]
    assert clip.is_symlink() and theirs.read_bytes() == b"niet van vsr"
    assert list_exported(library) == []


def _expired_export(library: Library, tmp_path: Path) -> Path:
    world = make_world(library, make_source(tmp_path / "src", "gesprek.mp4", 1.0))
    cs.grant_consent(library, world.rec.id, "intervisie", given_by=CLIENT)
    col = co.create_collection(library, "Intervisie", "intervisie", keep_until="2026-04-30")
    co.add_clip(library, col.id, world.rec.id, 0, 500)
    out = tmp_path / "uit"
    export_collection(library, col.id, out, anonymize_faces=False, today=TODAY,
                      pack="intervisie")
    assert sorted(p.name for p in out.iterdir()) == ["clip-01.mp4", "handout.pdf"]
    return out


def test_an_export_folder_swapped_for_a_link_to_a_folder_of_other_files(
        library: Library, tmp_path: Path) -> None:
    """The export folder now links to the user's own folder, which holds files with the very
    names the app wrote (clip-01.mp4, handout.pdf) and others: purge touches none of them."""
    out = _expired_export(library, tmp_path)
    names = sorted(p.name for p in out.iterdir())
    theirs = tmp_path / "eigen map"
    theirs.mkdir()
    for name in [*names, "dagboek.txt"]:
        (theirs / name).write_bytes(f"van de gebruiker: {name}".encode())
    for file in out.iterdir():
        file.unlink()
    out.rmdir()
    out.symlink_to(theirs, target_is_directory=True)
    report = rt.purge(library, TODAY, media_folder=tmp_path / "recordings")
    assert report.files.deleted == []
    assert sorted(Path(p).name for p in report.files.missing) == names
    assert sorted(p.name for p in theirs.iterdir()) == sorted([*names, "dagboek.txt"])
    assert all((theirs / n).read_bytes() == f"van de gebruiker: {n}".encode() for n in names)
    assert out.is_symlink() and list_exported(library) == []  # the app's files are gone


def test_a_linked_file_inside_the_real_export_folder(library: Library, tmp_path: Path) -> None:
    """One file in the real folder is now a link: it and its target stay, the others go."""
    out = _expired_export(library, tmp_path)
    theirs = tmp_path / "eigen" / "belangrijk.pdf"
    theirs.parent.mkdir()
    theirs.write_bytes(b"niet van vsr")
    linked = out / "clip-01.mp4"
    linked.unlink()
    linked.symlink_to(theirs)
    report = rt.purge(library, TODAY, media_folder=tmp_path / "recordings")
    assert report.files.missing == [str(linked)]
    assert report.files.deleted == [str(out / "handout.pdf")]
    assert not (out / "handout.pdf").exists()
    assert linked.is_symlink() and theirs.read_bytes() == b"niet van vsr"


def test_a_folder_swapped_after_the_check_is_not_followed(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The removal goes through the folder opened without following links: a link put in the
    folder's place between the check and the unlink makes the unlink fail, not follow."""
    from vsr.app_dirs import unlink_own_file

    theirs = tmp_path / "eigen"
    theirs.mkdir()
    (theirs / "clip-01.mp4").write_bytes(b"van de gebruiker")
    out = tmp_path / "uit"
    out.symlink_to(theirs, target_is_directory=True)
    with pytest.raises(FileNotFoundError):
        unlink_own_file(str(out / "clip-01.mp4"))
    assert (theirs / "clip-01.mp4").read_bytes() == b"van de gebruiker"
