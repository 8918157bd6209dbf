"""A written learning summary is recorded as an exported file of the review's recording and
audited (file name only, never the folder). A purge of the recording deletes it; withdrawing
intervisie or training consent does not, as it was not made under that consent."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.vsr.collection_fixtures import CLIENT, World, make_source, make_world
from vsr.clip_packs import export_collection
from vsr.export import export_summary
from vsr.library import Library
from vsr.library import collections as co
from vsr.library import consent as cs
from vsr.library import retention as rt
from vsr.library.audit import list_audit
from vsr.library.exported import SUMMARY, list_exported
from vsr.library.withdrawal import withdraw_consent


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_source(tmp_path_factory.mktemp("src"), "gesprek.mp4", 2.0)


@pytest.fixture
def world(library: Library, source: Path) -> World:
    return make_world(library, source)


def test_summary_is_recorded_and_audited_without_its_folder(world: World,
                                                            tmp_path: Path) -> None:
    folder = tmp_path / "Anouk de Vries"  # folder names often carry the client's name
    out = export_summary(world.lib, world.review.id, "md", folder / "verslag.md",
                         party_naming="initials")
    assert out.is_file()
    [row] = list_exported(world.lib)
    assert (row.path, row.kind, row.purpose) == (str(out), SUMMARY, "own_review")
    assert (row.recording_id, row.collection_id, row.clip_id) == (world.rec.id, None, None)
    entry = list_audit(world.lib, action="export")[0]
    assert entry.subject == f"review:{world.review.id}"
    assert {k: entry.details[k] for k in ("format", "file", "stills", "party_naming")} == {
        "format": "md", "file": "verslag.md", "stills": False, "party_naming": "initials"}
    assert "Anouk" not in json.dumps(entry.details) and str(tmp_path) not in json.dumps(
        entry.details)

    again = export_summary(world.lib, world.review.id, "html", out.with_suffix(".html"))
    export_summary(world.lib, world.review.id, "md", out)  # the same file again: one row
    assert sorted(Path(f.path).name for f in list_exported(world.lib)) == ["verslag.html",
                                                                           "verslag.md"]
    assert again.is_file() and len(list_audit(world.lib, action="export")) == 3


def test_withdrawal_keeps_the_summary_and_a_purge_deletes_it(world: World,
                                                             tmp_path: Path) -> None:
    cs.grant_consent(world.lib, world.rec.id, "intervisie", given_by=CLIENT)
    col = co.create_collection(world.lib, "Intervisie", "intervisie")
    co.add_clip(world.lib, col.id, world.rec.id, 0, 500)
    export_collection(world.lib, col.id, tmp_path / "pakket", anonymize_faces=False)
    summary = export_summary(world.lib, world.review.id, "md", tmp_path / "verslag.md")

    report = withdraw_consent(world.lib, world.rec.id, "intervisie")
    assert [Path(p).name for p in report.files.deleted] == ["clip-01.mp4"]
    assert summary.is_file()
    assert [f.kind for f in list_exported(world.lib)] == [SUMMARY]

    rt.set_recording_retention(world.lib, world.rec.id, "2026-04-30")
    plan = rt.plan_purge(world.lib, date(2026, 5, 1), media_folder=tmp_path / "app")
    assert [f.path for f in plan.files] == [str(summary)]
    purged = rt.purge(world.lib, date(2026, 5, 1), media_folder=tmp_path / "app")
    assert purged.files.deleted == [str(summary)] and not summary.exists()
    assert list_exported(world.lib) == []


def test_a_summary_that_cannot_be_recorded_is_not_left_behind(
        world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("library gone")

    monkeypatch.setattr("vsr.export.record_exported", fail)
    with pytest.raises(RuntimeError):
        export_summary(world.lib, world.review.id, "md", tmp_path / "verslag.md")
    assert not (tmp_path / "verslag.md").exists()
    assert list_audit(world.lib, action="export") == []
