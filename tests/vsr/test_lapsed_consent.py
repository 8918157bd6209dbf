"""A consent past its last day: the purge deletes what was made under it (the recording's clips
in collections of that purpose and the files exported from them), keeps the consent row as the
record that consent was given and ended, and says all of it before deleting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.lang import worded
from tests.vsr.collection_fixtures import CLIENT, World, make_source, make_world
from vsr.cli.main import main as cli_main
from vsr.clip_packs import export_collection
from vsr.library import Library
from vsr.library import collections as co
from vsr.library import consent as cs
from vsr.library import retention as rt
from vsr.library.audit import list_audit
from vsr.library.exported import list_exported

GIVEN = date(2026, 1, 1)
LAST_DAY = date(2026, 4, 30)
TODAY = date(2026, 5, 1)


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("src")
    return make_source(folder, "a.mp4", 2.0), make_source(folder, "b.mp4", 2.4)


@pytest.fixture
def two(library: Library, sources: tuple[Path, Path]) -> tuple[World, World]:
    a, b = make_world(library, sources[0], "Gesprek A"), make_world(library, sources[1])
    cs.grant_consent(library, a.rec.id, "intervisie", given_by=CLIENT, given_on=GIVEN,
                     until=LAST_DAY)
    cs.grant_consent(library, a.rec.id, "training", given_by=CLIENT, given_on=GIVEN,
                     recognisable=True)
    cs.grant_consent(library, b.rec.id, "intervisie", given_by="B", given_on=GIVEN)
    return a, b


def test_lapsed_consent_is_planned_and_purged(two: tuple[World, World], tmp_path: Path) -> None:
    a, b = two
    lib = a.lib
    inter = co.create_collection(lib, "Intervisie mei", "intervisie")
    train = co.create_collection(lib, "Cursus", "training")
    a1 = co.add_clip(lib, inter.id, a.rec.id, 0, 600, title="Van A", today=LAST_DAY)
    b1 = co.add_clip(lib, inter.id, b.rec.id, 0, 600, title="Van B")
    a2 = co.add_clip(lib, train.id, a.rec.id, 600, 1200)
    out = tmp_path / "intervisie"
    export_collection(lib, inter.id, out, anonymize_faces=False, pack="intervisie",
                      today=LAST_DAY)
    export_collection(lib, train.id, tmp_path / "training", anonymize_faces=False)

    assert rt.plan_purge(lib, LAST_DAY, media_folder=tmp_path).empty  # its last day: valid
    plan = rt.plan_purge(lib, TODAY, media_folder=tmp_path)
    assert not plan.empty and plan.recordings == () and plan.collections == ()
    assert plan.files == ()
    [lapsed] = plan.lapsed
    assert (lapsed.consent.recording_id, lapsed.consent.purpose) == (a.rec.id, cs.Purpose.INTERVISIE)
    assert [c.id for c in lapsed.clips] == [a1.id]
    assert sorted(Path(f.path).name for f in lapsed.files) == ["clip-01.mp4", "handout.pdf"]

    lines = rt.describe_purge(lib, plan)
    assert any("verlopen" in line for line in lines)
    assert not any("langer bewaard dan afgesproken" in line for line in lines)  # no retention
    assert any("intervisie" in line and "Gesprek A" in line and "30 april 2026" in line
               for line in lines)
    assert any("Van A" in line and "Intervisie mei" in line for line in lines)
    assert any(str(out / "handout.pdf") in line for line in lines)
    en = worded("en", rt.describe_purge, lib, plan)
    assert any("lapsed" in line for line in en) and any("file " in line for line in en)
    assert (out / "clip-01.mp4").exists()  # planning deletes nothing

    report = rt.purge(lib, TODAY, media_folder=tmp_path)
    assert report.removed_clip_ids == (a1.id,)
    assert sorted(Path(p).name for p in report.files.deleted) == ["clip-01.mp4", "handout.pdf"]
    assert sorted(p.name for p in out.iterdir()) == ["clip-02.mp4"]  # B's clip stays
    assert [c.id for c in co.list_clips(lib, inter.id)] == [b1.id]
    assert [c.id for c in co.list_clips(lib, train.id)] == [a2.id]  # other purpose untouched
    kept = cs.get_consent(lib, a.rec.id, "intervisie")
    assert kept is not None and kept.until == LAST_DAY and not kept.valid_on(TODAY)
    assert sorted(Path(f.path).name for f in list_exported(lib)) == ["clip-01.mp4",
                                                                     "clip-02.mp4"]

    removed = list_audit(lib, action="clips.removed")[0]
    assert removed.subject == f"recording:{a.rec.id}"
    assert removed.details["reason"] == "consent.lapsed:intervisie"
    assert removed.details["clips"] == [a1.id]
    files_row = list_audit(lib, action="files.deleted")[0]
    assert files_row.details["reason"] == "consent.lapsed:intervisie"
    purge_row = list_audit(lib, action="purge")[0].details
    assert (purge_row["lapsed_consents"], purge_row["clips_removed"]) == (1, 1)
    assert rt.plan_purge(lib, TODAY, media_folder=tmp_path).empty  # nothing left to delete


def test_only_what_would_not_go_anyway_is_listed(two: tuple[World, World],
                                                 tmp_path: Path) -> None:
    a, b = two
    lib = a.lib
    assert rt.plan_purge(lib, TODAY, media_folder=tmp_path).empty  # lapsed, but nothing made
    old = co.create_collection(lib, "Oud", "intervisie", keep_until="2026-04-01")
    co.add_clip(lib, old.id, a.rec.id, 0, 500, today=LAST_DAY)
    plan = rt.plan_purge(lib, TODAY, media_folder=tmp_path)
    assert [c.id for c in plan.collections] == [old.id] and plan.lapsed == ()  # goes with it
    rt.set_recording_retention(lib, a.rec.id, "2026-04-01")
    plan = rt.plan_purge(lib, TODAY, media_folder=tmp_path)
    assert [e.recording.id for e in plan.recordings] == [a.rec.id] and plan.lapsed == ()


def test_cli_purge_lists_and_deletes_lapsed_consent_material(
        library: Library, sources: tuple[Path, Path], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    w = make_world(library, sources[0])
    cs.grant_consent(library, w.rec.id, "intervisie", given_by=CLIENT, given_on="2000-01-01",
                     until="2000-01-31")
    col = co.create_collection(library, "Intervisie", "intervisie")
    co.add_clip(library, col.id, w.rec.id, 0, 500, title="Het moment", today=date(2000, 1, 2))
    export_collection(library, col.id, tmp_path / "uit", anonymize_faces=False,
                      today=date(2000, 1, 2))
    args = ["--library", str(library.path), "--lang", "en", "purge"]
    assert cli_main(args) == 3  # listed, not confirmed
    shown = capsys.readouterr().out
    assert "consent for peer consultation (intervisie)" in shown and "Het moment" in shown
    assert str(tmp_path / "uit" / "clip-01.mp4") in shown
    assert (tmp_path / "uit" / "clip-01.mp4").exists()
    assert cli_main([*args, "--yes"]) == 0
    done = capsys.readouterr().out
    assert "Deleted because the consent lapsed: 1 clip." in done
    assert "Deleted: 0 recordings, 0 collections and 1 file." in done
    assert list(co.list_clips(library, col.id)) == [] and not (tmp_path / "uit").joinpath(
        "clip-01.mp4").exists()
    assert cs.get_consent(library, w.rec.id, "intervisie") is not None
