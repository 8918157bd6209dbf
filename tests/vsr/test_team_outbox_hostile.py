"""The team outbox (queued withdrawals and narrowings beside the library) when it is damaged
in a way that is still JSON: a row with a field this program never writes ended in a
TypeError traceback, an array nested 100,000 deep in a RecursionError, and a row with a purpose
`null` and withdrawn "ja" was sent to the team as it was. Each is now the outbox's own
sentence, and a new withdrawal is queued all the same (the damaged file is kept aside)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.vsr.test_team import _grant, media, source, world  # noqa: F401
from vsr.errors import VsrError
from vsr.library.audit import audit, subject_of
from vsr.library.withdrawal import withdraw_consent
from vsr.team.outbox import outbox_path, pending, queue_change

GOOD = ('{"recording_id": "abc", "purpose": "training", "withdrawn": false,'
        ' "given_on": "2026-01-01", "until": "2026-05-01", "recognisable": true}')


@pytest.mark.parametrize("content", [
    '[{"foo": 1}]',
    "[" * 100_000 + "]" * 100_000,
    '[{"recording_id": 5, "purpose": null, "withdrawn": "ja"}]',
    '[{"recording_id": "abc", "purpose": "vakantie", "withdrawn": true}]',
    '[{"recording_id": "abc", "purpose": "training", "withdrawn": false, "given_on": "ooit"}]',
    '{"recording_id": "abc"}',
    f"[{GOOD}, 7]",
])
def test_a_damaged_outbox_is_said_not_sent(tmp_path: Path, content: str) -> None:
    path = tmp_path / "library.sqlite.team-outbox.json"
    path.write_text(content, "utf-8")
    with pytest.raises(VsrError) as err:
        pending(path)
    assert err.value.key == "error.team.outbox_damaged"


def test_what_this_program_writes_is_read_back(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite.team-outbox.json"
    path.write_text(f"[{GOOD}]", "utf-8")
    [change] = pending(path)
    assert (change.recording_id, change.purpose, change.withdrawn, change.until) == (
        "abc", "training", False, "2026-05-01")


def test_a_withdrawal_is_queued_beside_a_damaged_outbox(world) -> None:  # noqa: F811
    _grant(world, "intervisie")
    audit(world.lib, "team.shared", subject_of("review", world.review.id), team="Team Noord",
          purpose="intervisie", share="x", moments=2)  # as if shared from here
    outbox = outbox_path(world.lib)
    outbox.write_text('[{"foo": 1}]', "utf-8")
    withdraw_consent(world.lib, world.rec.id, "intervisie")
    with pytest.raises(VsrError) as err:
        queue_change(world.lib, world.rec.id, "intervisie")
    assert err.value.key == "error.team.outbox_damaged"
    assert [(c.purpose, c.withdrawn) for c in pending(outbox)] == [("intervisie", True)]
    assert outbox.with_name(outbox.name + ".damaged").read_text("utf-8") == '[{"foo": 1}]'


def test_a_full_disk_while_queueing_is_a_sentence(world, monkeypatch) -> None:  # noqa: F811
    """`vsr consent --withdraw` ended in a traceback (OSError) when the outbox could not be
    written, after the withdrawal was made here; and a half-written .part stayed."""
    import errno
    import json as json_module

    _grant(world, "intervisie")
    audit(world.lib, "team.shared", subject_of("review", world.review.id), team="Team Noord",
          purpose="intervisie", share="x", moments=2)
    withdraw_consent(world.lib, world.rec.id, "intervisie")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(json_module, "dump", full)
    with pytest.raises(VsrError) as err:
        queue_change(world.lib, world.rec.id, "intervisie")
    monkeypatch.undo()
    assert err.value.key == "error.team.outbox_not_saved"
    from vsr.i18n import using_language

    with using_language("nl"):
        assert "de schijf is vol" in err.value.message()
    outbox = outbox_path(world.lib)
    assert not outbox.exists() and not outbox.with_name(outbox.name + ".part").exists()
