"""Withdrawing consent removes what was made under it, and only that: the recording's clips in
collections of that purpose, and the files the app exported from them (with the pack
documents that list them); other purposes, other recordings and user files stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.vsr.collection_fixtures import CLIENT, World, make_source, make_world
from vsr.clip_packs import export_collection
from vsr.errors import ConsentError, VsrError
from vsr.library import Library
from vsr.library import collections as co
from vsr.library import consent as cs
from vsr.library.audit import list_audit
from vsr.library.exported import list_exported
from vsr.library.withdrawal import describe_withdrawal, plan_withdrawal, withdraw_consent


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("src")
    return make_source(folder, "a.mp4", 2.0), make_source(folder, "b.mp4", 2.4)


@pytest.fixture
def two(library: Library, sources: tuple[Path, Path]) -> tuple[World, World]:
    a, b = make_world(library, sources[0]), make_world(library, sources[1])
    for w in (a, b):
        cs.grant_consent(library, w.rec.id, "intervisie", given_by=CLIENT)
        cs.grant_consent(library, w.rec.id, "training", given_by=CLIENT, recognisable=True)
    return a, b


def test_withdrawal_cascade(two: tuple[World, World], tmp_path: Path) -> None:
    a, b = two
    lib = a.lib
    inter = co.create_collection(lib, "Intervisie", "intervisie")
    train = co.create_collection(lib, "Cursus", "training")
    a1 = co.add_clip(lib, inter.id, a.rec.id, 0, 600, title="Van A")
    b1 = co.add_clip(lib, inter.id, b.rec.id, 0, 600, title="Van B")
    a2 = co.add_clip(lib, train.id, a.rec.id, 600, 1200)
    out_inter, out_train = tmp_path / "intervisie", tmp_path / "training"
    export_collection(lib, inter.id, out_inter, anonymize_faces=False, pack="intervisie")
    export_collection(lib, train.id, out_train, anonymize_faces=False, pack="exercise")
    mine = out_inter / "mijn-aantekeningen.txt"  # a user's own file beside the export
    mine.write_text("blijft staan")

    plan = plan_withdrawal(lib, a.rec.id, "intervisie")
    assert [c.id for c in plan.clips] == [a1.id]
    planned = sorted(Path(f.path).name for f in plan.files)
    assert planned == ["clip-01.mp4", "handout.pdf"]  # A's clip and the handout listing it
    lines = describe_withdrawal(lib, plan)
    assert any("Van A" in line and "Intervisie" in line for line in lines)
    assert any(str(out_inter / "clip-01.mp4") in line for line in lines)
    assert (out_inter / "clip-01.mp4").exists()  # planning deletes nothing

    report = withdraw_consent(lib, a.rec.id, "intervisie")
    assert report.removed_clip_ids == (a1.id,)
    assert sorted(Path(p).name for p in report.files.deleted) == planned
    assert not (out_inter / "clip-01.mp4").exists() and not (out_inter / "handout.pdf").exists()
    assert (out_inter / "clip-02.mp4").exists()  # B's clip stays
    assert mine.read_text() == "blijft staan"
    assert sorted(p.name for p in out_train.iterdir()) == ["clip-01.mp4", "index.html",
                                                           "werkblad.pdf"]
    assert [c.id for c in co.list_clips(lib, inter.id)] == [b1.id]
    assert [c.id for c in co.list_clips(lib, train.id)] == [a2.id]  # training untouched
    assert cs.get_consent(lib, a.rec.id, "intervisie") is None
    assert cs.get_consent(lib, a.rec.id, "training") is not None
    with pytest.raises(ConsentError):
        co.add_clip(lib, inter.id, a.rec.id, 0, 500)
    assert {f.path for f in list_exported(lib)}.isdisjoint(report.files.deleted)

    actions = [e.action for e in list_audit(lib, subject=f"recording:{a.rec.id}",
                                            newest_first=False)]
    assert actions[-3:] == ["files.deleted", "clips.removed", "consent.withdrawn"]
    withdrawn = list_audit(lib, action="consent.withdrawn")[0].details
    assert withdrawn["purpose"] == "intervisie" and withdrawn["clips_removed"] == 1
    assert withdrawn["files_deleted"] == 2


def test_withdrawal_copes_with_files_already_gone(two: tuple[World, World],
                                                  tmp_path: Path) -> None:
    a, _ = two
    inter = co.create_collection(a.lib, "Intervisie", "intervisie")
    co.add_clip(a.lib, inter.id, a.rec.id, 0, 500)
    report = export_collection(a.lib, inter.id, tmp_path / "out", anonymize_faces=False)
    report.files[0].unlink()  # the user deleted it already
    result = withdraw_consent(a.lib, a.rec.id, "intervisie")
    assert result.files.missing == [str(report.files[0])] and result.files.deleted == []
    assert list_exported(a.lib) == []


def test_withdrawing_without_consent_or_for_own_review(two: tuple[World, World]) -> None:
    a, _ = two
    withdraw_consent(a.lib, a.rec.id, "intervisie")
    plan = plan_withdrawal(a.lib, a.rec.id, "intervisie")
    assert plan.consent is None and plan.empty
    assert any("geen toestemming" in line for line in describe_withdrawal(a.lib, plan))
    with pytest.raises(VsrError) as err:
        plan_withdrawal(a.lib, a.rec.id, "own_review")
    assert err.value.key == "error.consent.own_review"
