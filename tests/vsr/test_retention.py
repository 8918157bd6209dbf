"""Retention: what expired is listed, then deleted with everything hanging on it. Media files
go only when they lie inside the app's own recordings folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.lang import worded
from tests.vsr.collection_fixtures import CLIENT, make_source, make_world
from vsr.clip_packs import export_collection
from vsr.library import Library
from vsr.library import collections as co
from vsr.library import consent as cs
from vsr.library import retention as rt
from vsr.library.audit import list_audit
from vsr.library.exported import list_exported

TODAY = date(2026, 5, 1)


def _count(lib: Library, table: str) -> int:
    return int(str(lib.query(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"]))


def test_plan_and_purge(library: Library, tmp_path: Path) -> None:
    app_folder = tmp_path / "recordings"
    inside = make_source(app_folder, "in-app.mp4", 2.0)
    outside = make_source(tmp_path / "eigen", "eigen.mp4", 2.2)
    keep = make_source(tmp_path / "eigen", "blijft.mp4", 2.4)
    w_in, w_out, w_keep = (make_world(library, p) for p in (inside, outside, keep))
    for w in (w_in, w_out, w_keep):
        cs.grant_consent(library, w.rec.id, "intervisie", given_by=CLIENT)
    shared = co.create_collection(library, "Gedeeld", "intervisie")
    for w in (w_in, w_keep):
        co.add_clip(library, shared.id, w.rec.id, 0, 500)
    export_collection(library, shared.id, tmp_path / "export", anonymize_faces=False,
                      pack="intervisie", today=TODAY)
    old = co.create_collection(library, "Oud", "intervisie", keep_until="2026-04-30")
    co.add_clip(library, old.id, w_keep.rec.id, 500, 1000)
    export_collection(library, old.id, tmp_path / "oud", anonymize_faces=False, today=TODAY)

    rt.set_recording_retention(library, w_in.rec.id, "2026-04-30")
    rt.set_recording_retention(library, w_out.rec.id, date(2026, 1, 1))
    rt.set_recording_retention(library, w_keep.rec.id, "2026-05-01")  # today is its last day
    assert rt.recording_keep_until(library, w_keep.rec.id) == TODAY

    plan = rt.plan_purge(library, TODAY, media_folder=app_folder)
    assert [(e.recording.id, e.delete_media) for e in plan.recordings] == [
        (w_in.rec.id, True), (w_out.rec.id, False)]
    assert [c.id for c in plan.collections] == [old.id]
    assert plan.kept_media == (str(outside.absolute()),)
    assert sorted(Path(f.path).relative_to(tmp_path).as_posix() for f in plan.files) == [
        "export/clip-01.mp4", "export/handout.pdf", "oud/clip-01.mp4"]
    assert inside.exists()  # planning deletes nothing
    lines = worded("en", rt.describe_purge, library, plan)
    assert lines[0] == "The retention period is over. This will be deleted:"
    assert any("'Oud'" in line and "30 April 2026" in line for line in lines)
    assert any(str(outside.absolute()) in line and "outside" in line for line in lines)
    assert any(str(inside.absolute()) in line and "recordings folder" in line for line in lines)
    assert f"  file {tmp_path / 'oud' / 'clip-01.mp4'}" in lines

    report = rt.purge(library, TODAY, media_folder=app_folder)
    assert not inside.exists() and outside.exists() and keep.exists()
    assert report.media_deleted == (str(inside.absolute()),)
    assert not (tmp_path / "export/clip-01.mp4").exists()
    assert not (tmp_path / "oud/clip-01.mp4").exists()
    assert (tmp_path / "export/clip-02.mp4").exists()  # the kept recording's clip
    remaining = library.query("SELECT id FROM recordings ORDER BY id")
    assert [r["id"] for r in remaining] == [w_keep.rec.id]
    assert _count(library, "reviews") == 1 and _count(library, "consents") == 1
    assert [c.id for c in co.list_collections(library)] == [shared.id]
    assert [c.recording_id for c in co.list_clips(library, shared.id)] == [w_keep.rec.id]
    assert [Path(f.path).name for f in list_exported(library)] == ["clip-02.mp4"]

    purge_row = list_audit(library, action="purge")[0].details
    assert purge_row["recordings"] == [w_in.rec.id, w_out.rec.id]
    assert purge_row["collections"] == [old.id]
    deleted = {e.subject for e in list_audit(library, action="recording.deleted")}
    assert deleted == {f"recording:{w_in.rec.id}", f"recording:{w_out.rec.id}"}
    assert rt.plan_purge(library, TODAY, media_folder=app_folder).empty
    assert rt.purge(library, TODAY, media_folder=app_folder).plan.empty


def test_retention_can_be_cleared_and_is_audited(library: Library, tmp_path: Path) -> None:
    w = make_world(library, make_source(tmp_path, "x.mp4", 1.0))
    col = co.create_collection(library, "C", "training")
    rt.set_recording_retention(library, w.rec.id, "2020-01-01")
    rt.set_collection_retention(library, col.id, "2020-01-01")
    rt.set_recording_retention(library, w.rec.id, None)
    rt.set_collection_retention(library, col.id, None)
    assert rt.plan_purge(library, TODAY, media_folder=tmp_path).empty
    values = [e.details["keep_until"] for e in list_audit(library, action="retention.set",
                                                          newest_first=False)]
    assert values == ["2020-01-01", "2020-01-01", None, None]


def test_recordings_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    monkeypatch.setenv("VSR_RECORDINGS", str(tmp_path / "rec"))
    assert rt.recordings_folder() == tmp_path / "rec"
