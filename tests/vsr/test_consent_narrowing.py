"""Consent that narrows (issue 11): training consent changed from recognisable to not
recognisable removes, after confirmation, every export made without blurred faces (with its
pack documents); a blurred export stays. An earlier last day removes what was exported after
it, and everything once it is past. The CLI lists what goes and asks (--yes)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

from tests.vsr.collection_fixtures import CLIENT, World, make_source, make_world
from tests.vsr.test_cli_clips import Vsr
from vsr.clip_packs import export_collection
from vsr.clips import Box, FaceAnonymizer
from vsr.errors import VsrError
from vsr.library import Library
from vsr.library import collections as co
from vsr.library import consent as cs
from vsr.library.audit import list_audit
from vsr.library.exported import list_exported
from vsr.library.narrowing import describe_narrowing, narrow_consent, plan_narrowing


class _OneFace:
    def detect(self, frame_bgr: NDArray[np.uint8], threshold: float) -> list[Box]:
        h, w = frame_bgr.shape[:2]
        return [Box(w * 0.3, h * 0.3, w * 0.7, h * 0.7, 0.9)]


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_source(tmp_path_factory.mktemp("src"), "a.mp4", 1.5)


@pytest.fixture
def world(library: Library, source: Path) -> World:
    w = make_world(library, source)
    cs.grant_consent(library, w.rec.id, "training", given_by=CLIENT, recognisable=True)
    cs.grant_consent(library, w.rec.id, "intervisie", given_by=CLIENT)
    return w


def _export(world: World, out: Path, *, faces: bool, purpose: str = "training") -> None:
    col = co.create_collection(world.lib, f"Cursus {out.name}", purpose)
    co.add_clip(world.lib, col.id, world.rec.id, 0, 600)
    export_collection(world.lib, col.id, out, anonymize_faces=faces,
                      pack="exercise" if purpose == "training" else "intervisie",
                      anonymizer_factory=lambda: FaceAnonymizer(detector=_OneFace()))


def test_no_longer_recognisable_removes_the_unblurred_export_only(world: World,
                                                                  tmp_path: Path) -> None:
    lib = world.lib
    plain, blurred, inter = tmp_path / "plain", tmp_path / "blurred", tmp_path / "inter"
    _export(world, plain, faces=False)
    _export(world, blurred, faces=True)
    _export(world, inter, faces=False, purpose="intervisie")
    rows = {Path(f.path).parent.name: f for f in list_exported(lib) if f.kind == "clip"}
    assert rows["plain"].faces_blurred is False and rows["blurred"].faces_blurred is True
    assert rows["blurred"].names_replaced is True

    plan = plan_narrowing(lib, world.rec.id, "training", recognisable=False, until=None)
    planned = sorted(str(Path(f.path).relative_to(tmp_path)) for f in plan.files)
    assert planned == ["plain/clip-01.mp4", "plain/index.html", "plain/werkblad.pdf"]
    assert any(str(plain / "clip-01.mp4") in line for line in describe_narrowing(plan))
    assert (plain / "clip-01.mp4").exists()  # planning deletes nothing
    # Widening, or keeping it as it is, plans nothing.
    assert plan_narrowing(lib, world.rec.id, "training", recognisable=True, until=None).empty

    report = narrow_consent(lib, world.rec.id, "training", given_by=CLIENT, recognisable=False)
    assert sorted(Path(p).name for p in report.files.deleted) == [
        "clip-01.mp4", "index.html", "werkblad.pdf"]
    assert not plain.exists() or list(plain.iterdir()) == []
    assert sorted(p.name for p in blurred.iterdir()) == ["clip-01.mp4", "index.html",
                                                         "werkblad.pdf"]
    assert (inter / "clip-01.mp4").exists()  # another purpose is not touched
    consent = cs.get_consent(lib, world.rec.id, "training")
    assert consent is not None and not consent.recognisable
    deleted = list_audit(lib, action="files.deleted")[0].details
    assert deleted["reason"] == "consent.narrowed:training" and len(deleted["deleted"]) == 3


def test_an_earlier_last_day_removes_what_no_longer_falls_within_it(world: World,
                                                                    tmp_path: Path) -> None:
    lib = world.lib
    _export(world, tmp_path / "a", faces=False, purpose="intervisie")
    today = date.today()
    later = date(today.year + 1, 1, 1)
    assert plan_narrowing(lib, world.rec.id, "intervisie", recognisable=False, until=later,
                          today=today).empty  # still within it: nothing goes
    lapsed = plan_narrowing(lib, world.rec.id, "intervisie", recognisable=False,
                            until=later, today=date(today.year + 2, 1, 1))
    assert sorted(Path(f.path).name for f in lapsed.files) == ["clip-01.mp4", "handout.pdf"]


def test_a_refused_narrowing_deletes_nothing(world: World, tmp_path: Path) -> None:
    """A last day before the day consent was given, or no giver, is refused before any file
    is deleted: the files and their records are all still there."""
    lib = world.lib
    _export(world, tmp_path / "a", faces=False, purpose="intervisie")
    before = sorted(f.path for f in list_exported(lib))
    today = date.today()
    refused = [dict(until=date(today.year - 1, 1, 1), given_on=today),
               dict(until="2026-02-01", given_on="2026-03-01"),
               dict(until=date(today.year - 1, 1, 1), given_on=None, given_by="  \u200b ")]
    assert not plan_narrowing(lib, world.rec.id, "intervisie", recognisable=False,
                              until=refused[0]["until"]).empty  # it would delete files
    for values in refused:
        given_by = str(values.pop("given_by", CLIENT))
        with pytest.raises(VsrError) as caught:
            narrow_consent(lib, world.rec.id, "intervisie", given_by=given_by, **values)
        assert caught.value.key in ("error.consent.until_past", "error.consent.no_giver")
        assert all(Path(p).exists() for p in before)
        assert sorted(f.path for f in list_exported(lib)) == before
    assert list_audit(lib, action="files.deleted") == []
    consent = cs.get_consent(lib, world.rec.id, "intervisie")
    assert consent is not None and consent.until is None  # unchanged


def test_cli_lists_what_goes_and_asks(tmp_path: Path) -> None:
    vsr = Vsr(tmp_path)
    src = make_source(tmp_path / "media", "b.mp4", 1.0)
    rec = json.loads(vsr("import", str(src)).stdout)["id"]
    assert vsr("consent", str(rec), "--grant", "training", "--recognisable").returncode == 0
    col = vsr("collection", "new", "Cursus", "--purpose", "training").stdout.strip()
    assert vsr("collection", "add", col, "--recording", str(rec), "--from", "0",
               "--to", "0.6").returncode == 0
    out = tmp_path / "out"
    assert vsr("export", "clips", col, "-o", str(out), "--pack", "exercise").returncode == 0

    asked = vsr("consent", str(rec), "--grant", "training")  # no longer recognisable
    assert asked.returncode == 3 and str(out / "clip-01.mp4") in asked.stdout
    assert (out / "clip-01.mp4").exists()
    assert "mag herkenbaar zijn" in vsr("consent", str(rec)).stdout  # unchanged

    done = vsr("consent", str(rec), "--grant", "training", "--yes")
    assert done.returncode == 0, done.stderr
    assert not (out / "clip-01.mp4").exists() and not (out / "index.html").exists()
    assert "niet herkenbaar" in vsr("consent", str(rec)).stdout


def test_an_export_from_before_this_was_recorded_counts_as_unblurred(world: World,
                                                                     tmp_path: Path) -> None:
    lib = world.lib
    _export(world, tmp_path / "old", faces=True)
    with lib.write():  # as the migration leaves rows exported before issue 11: unknown
        lib.conn.execute("UPDATE exported_files SET faces_blurred = NULL, names_replaced = NULL")
    assert list_exported(lib)[0].faces_blurred is None
    plan = plan_narrowing(lib, world.rec.id, "training", recognisable=False, until=None)
    assert len(plan.files) == 3  # unknown is not known to be blurred: it goes
