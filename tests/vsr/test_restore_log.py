"""Putting a backup back takes back the work, not the record of what happened: the log rows
written after the backup are carried into the restored library (chain intact) and the restore
is logged; files exported after the backup stay known (withdrawal still finds them); a consent
withdrawn after the backup stays withdrawn (its clips in the backup go again), one given after
it stays given; and all of this is listed before anything happens (CLI and window)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.vsr.collection_fixtures import CLIENT, World, make_source, make_world
from vsr.cli.main import main as cli_main
from vsr.clip_packs import export_collection
from vsr.library import backups as bk
from vsr.library import collections as co
from vsr.library import consent as cs
from vsr.library import open_library
from vsr.library.audit import AuditAction, audit, check_audit_log, list_audit
from vsr.library.exported import list_exported
from vsr.library.restore import describe_restore, plan_restore
from vsr.library.withdrawal import withdraw_consent


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_source(tmp_path_factory.mktemp("src"), "gesprek.mp4", 1.0)


def _world_with_backup(tmp_path: Path, source: Path) -> tuple[World, bk.Backup, int]:
    """A recording with intervisie consent and a clip in a collection, backed up; then, after
    the backup: an export, intervisie withdrawn, training given."""
    lib = open_library(tmp_path / "library.sqlite")
    world = make_world(lib, source)
    cs.grant_consent(lib, world.rec.id, "intervisie", given_by=CLIENT)
    col = co.create_collection(lib, "Intervisie", "intervisie")
    co.add_clip(lib, col.id, world.rec.id, 0, 500)
    backup = bk.create_backup(lib.path, "manual")
    export_collection(lib, col.id, tmp_path / "uit", anonymize_faces=False, pack="intervisie")
    second = co.create_collection(lib, "Training", "training")
    cs.grant_consent(lib, world.rec.id, "training", given_by=CLIENT, recognisable=True)
    co.add_clip(lib, second.id, world.rec.id, 0, 400)
    export_collection(lib, second.id, tmp_path / "oefen", anonymize_faces=False, pack="exercise")
    withdraw_consent(lib, world.rec.id, "intervisie")
    return world, backup, col.id


def test_restore_carries_the_log_and_keeps_consent(tmp_path: Path, source: Path) -> None:
    world, backup, col_id = _world_with_backup(tmp_path, source)
    lib = world.lib
    before = [(e.id, e.action) for e in list_audit(lib, newest_first=False)]
    ledger = sorted(f.path for f in list_exported(lib))
    assert any(Path(p).parent.name == "oefen" for p in ledger)
    plan = plan_restore(lib.path, backup.path)
    assert [e.action for e in plan.exports] == ["export", "export"]
    assert sorted((c.purpose, c.now is None) for c in plan.consents) == [
        ("intervisie", True), ("training", False)]
    lib.close()

    kept = bk.restore_backup(world.lib.path, backup.path)
    lib = open_library(world.lib.path, backup=False)
    try:
        after = list_audit(lib, newest_first=False)
        # every row from before the restore, with its id, then the restore itself
        assert [(e.id, e.action) for e in after][:len(before)] == before
        restored = after[len(before)]
        assert restored.action == AuditAction.BACKUP_RESTORED
        assert restored.details["backup"] == backup.path.name
        assert kept is not None and restored.details["before_restore"] == kept.path.name
        assert restored.details["rows_carried"] == len(before) - _rows_in(backup.path)
        assert restored.details["consents_withdrawn"] == [f"recording:{world.rec.id}:intervisie"]
        assert check_audit_log(lib).ok, check_audit_log(lib).problems  # chain and backups
        # the withdrawn consent did not come back, and its clip (in the backup) went again
        assert cs.get_consent(lib, world.rec.id, "intervisie") is None
        assert co.get_collection(lib, col_id) is not None
        assert co.list_clips(lib, col_id) == []
        training = cs.get_consent(lib, world.rec.id, "training")
        assert training is not None and training.given_by == CLIENT  # given after: kept
        # the files exported after the backup are still known, so withdrawal finds them
        assert sorted(f.path for f in list_exported(lib)) == ledger
        report = withdraw_consent(lib, world.rec.id, "training")
        assert any(Path(p).parent.name == "oefen" for p in report.files.deleted)
    finally:
        lib.close()


def _rows_in(path: Path) -> int:
    lib = open_library(path, backup=False)
    try:
        return len(list_audit(lib))
    finally:
        lib.close()


def test_the_plan_is_said_before_asking(tmp_path: Path, source: Path,
                                        capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    world, backup, _ = _world_with_backup(tmp_path, source)
    lines = describe_restore(plan_restore(world.lib.path, backup.path))
    world.lib.close()
    text = "\n".join(lines)
    assert "2 exports van na de reservekopie" in text and "uit" not in text.split("\n")[0]
    assert f"Opname {world.rec.id}: toestemming voor" in text and "blijft ingetrokken" in text
    args = ["--library", str(world.lib.path), "--lang", "en", "backup", "restore",
            str(backup.path)]
    monkeypatch.setattr("builtins.input", lambda _prompt="": "nee")
    assert cli_main(args) == 1  # not confirmed: nothing changed
    out = capsys.readouterr().out
    assert "This is what putting the backup back does:" in out
    assert "2 exports made after the backup" in out and "stays withdrawn" in out
    lib = open_library(world.lib.path, backup=False)
    assert list_audit(lib, action="backup.restored") == []
    lib.close()
    assert cli_main([*args, "--yes"]) == 0
    lib = open_library(world.lib.path, backup=False)
    try:
        assert len(list_audit(lib, action="backup.restored")) == 1
        assert check_audit_log(lib).ok
    finally:
        lib.close()


def test_a_backup_of_another_log_is_restored_without_breaking_the_chain(tmp_path: Path) -> None:
    other = open_library(tmp_path / "ander" / "library.sqlite")
    audit(other, "retention.set", "recording:1", keep_until="2026-01-01")
    foreign = bk.create_backup(other.path, "manual")
    other.close()
    lib = open_library(tmp_path / "library.sqlite")
    for n in range(3):
        audit(lib, "retention.set", f"recording:{n}", keep_until="2026-02-01")
    lib.close()
    plan = plan_restore(lib.path, foreign.path)
    assert plan.log_diverges and plan.carried == ()
    assert any("does not match" in line or "past niet" in line
               for line in describe_restore(plan))
    kept = bk.restore_backup(lib.path, foreign.path)
    lib = open_library(lib.path, backup=False)
    try:
        rows = list_audit(lib, newest_first=False)
        assert [e.action for e in rows] == ["retention.set", "backup.restored"]
        assert rows[-1].details["log_carried"] is False
        # the chain of the restored log holds; the lost rows are in the kept copy, and the
        # check says so (it is true: the log went back)
        assert kept is not None and _rows_in(kept.path) == 3
        assert [k for k, _ in check_audit_log(lib).problems] == ["backup_ahead"]
    finally:
        lib.close()


def test_a_backup_from_before_the_log_existed(tmp_path: Path) -> None:
    """A backup of schema version 1 has no audit log at all: the restored library is migrated
    and gets the whole current log, chain intact."""
    import sqlite3

    from vsr.library import schema

    old = tmp_path / "oud.sqlite"
    conn = sqlite3.connect(old, isolation_level=None)
    for statement in schema.MIGRATIONS[0]:
        assert isinstance(statement, str)
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    lib = open_library(tmp_path / "library.sqlite")
    for n in range(4):
        audit(lib, "retention.set", f"recording:{n}", keep_until="2026-03-01")
    lib.close()
    plan = plan_restore(lib.path, old)
    assert not plan.log_diverges and len(plan.carried) == 4
    bk.restore_backup(lib.path, old)
    lib = open_library(lib.path, backup=False)
    try:
        assert [e.id for e in list_audit(lib, newest_first=False)] == [1, 2, 3, 4, 5]
        assert list_audit(lib)[0].details["log_carried"] is True
        assert check_audit_log(lib).ok
    finally:
        lib.close()
