"""Consent per recording and purpose: granting, lapsing after its last day, refusals, and
that the audit log records each change without the client's name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.lang import worded
from tests.vsr.collection_fixtures import CLIENT, World, make_source, make_world
from vsr.errors import ConsentError, VsrError
from vsr.library import Library
from vsr.library import collections as co
from vsr.library import consent as cs
from vsr.library.audit import list_audit


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_source(tmp_path_factory.mktemp("src"))


@pytest.fixture
def world(library: Library, source: Path) -> World:
    return make_world(library, source)


def test_own_review_needs_no_consent_and_cannot_be_granted(world: World) -> None:
    assert cs.require_consent(world.lib, world.rec.id, "own_review") is None
    assert cs.has_consent(world.lib, world.rec.id, cs.Purpose.OWN_REVIEW)
    with pytest.raises(VsrError) as err:
        cs.grant_consent(world.lib, world.rec.id, "own_review", given_by="A")
    assert err.value.key == "error.consent.own_review"


def test_without_consent_intervisie_and_training_are_refused_in_both_languages(
        world: World) -> None:
    for purpose in ("intervisie", "training"):
        with pytest.raises(ConsentError) as err:
            cs.require_consent(world.lib, world.rec.id, purpose)
        nl, en = err.value.message(), worded("en", err.value.message)
        assert "geen toestemming" in nl and str(world.rec.id) in nl
        assert "no consent" in en and str(world.rec.id) in en
    assert "intervisie" in ConsentError(purpose="purpose.intervisie", recording="1").message()


def test_grant_records_who_when_and_until(world: World) -> None:
    c = cs.grant_consent(world.lib, world.rec.id, "intervisie", given_by=f"  {CLIENT} ",
                         until="2030-06-30", given_on="2025-01-15")
    assert (c.purpose, c.given_by, c.given_on, c.until) == (
        cs.Purpose.INTERVISIE, CLIENT, date(2025, 1, 15), date(2030, 6, 30))
    assert not c.recognisable  # only training asks about recognisability
    assert cs.require_consent(world.lib, world.rec.id, "intervisie",
                              today=date(2030, 6, 30)) == c
    assert [x.purpose for x in cs.list_consents(world.lib, world.rec.id)] == ["intervisie"]
    with pytest.raises(ConsentError):  # other purposes are separate
        cs.require_consent(world.lib, world.rec.id, "training")


def test_consent_lapses_the_day_after_until(world: World) -> None:
    cs.grant_consent(world.lib, world.rec.id, "training", given_by="AdV", until="2026-03-31",
                     given_on="2026-01-01", recognisable=True)
    assert cs.has_consent(world.lib, world.rec.id, "training", today=date(2026, 3, 31))
    with pytest.raises(ConsentError) as err:
        cs.require_consent(world.lib, world.rec.id, "training", today=date(2026, 4, 1))
    assert err.value.key == "error.consent.lapsed"
    # the date in words, in the language the message is shown in (not the one it was raised in)
    assert "31 maart 2026" in err.value.message()
    assert "31 March 2026" in worded("en", err.value.message)
    # a lapsed consent also stops new clips
    training = co.create_collection(world.lib, "Cursus", "training")
    with pytest.raises(ConsentError):
        co.add_clip(world.lib, training.id, world.rec.id, 0, 1000, today=date(2026, 4, 1))
    assert co.list_clips(world.lib, training.id) == []


def test_grant_rejects_bad_input(world: World) -> None:
    with pytest.raises(VsrError) as err:
        cs.grant_consent(world.lib, world.rec.id, "intervisie", given_by="  ")
    assert err.value.key == "error.consent.no_giver"
    with pytest.raises(VsrError) as err:
        cs.grant_consent(world.lib, world.rec.id, "intervisie", given_by="A",
                         given_on="2026-02-01", until="2026-01-31")
    assert err.value.key == "error.consent.until_past"
    assert "31 januari 2026" in err.value.message() and "1 februari 2026" in err.value.message()
    assert "31 January 2026" in worded("en", err.value.message)
    with pytest.raises(VsrError) as err:
        cs.grant_consent(world.lib, world.rec.id, "reclame", given_by="A")
    assert err.value.key == "error.purpose.unknown"
    with pytest.raises(VsrError) as err:
        cs.grant_consent(world.lib, world.rec.id, "intervisie", given_by="A", until="31-12-2026")
    assert err.value.key == "error.date.bad" and "JJJJ-MM-DD" in err.value.message()
    assert cs.list_consents(world.lib, world.rec.id) == []
    with pytest.raises(VsrError) as err:
        cs.grant_consent(world.lib, 999, "intervisie", given_by="A")
    assert err.value.key == "error.not_found"


def test_regrant_replaces_and_every_change_is_audited_without_names(world: World) -> None:
    cs.grant_consent(world.lib, world.rec.id, "intervisie", given_by=CLIENT, until="2026-12-31")
    cs.grant_consent(world.lib, world.rec.id, "intervisie", given_by=CLIENT)
    c = cs.get_consent(world.lib, world.rec.id, "intervisie")
    assert c is not None and c.until is None
    entries = list_audit(world.lib, action="consent.granted", newest_first=False)
    assert [e.details["replaced"] for e in entries] == [False, True]
    assert all(e.subject == f"recording:{world.rec.id}" for e in entries)
    rows = world.lib.query("SELECT details FROM audit_log")
    assert rows and not any("Anouk" in str(r["details"]) for r in rows)


def test_training_unrecognisable_requires_face_anonymisation(world: World) -> None:
    cs.grant_consent(world.lib, world.rec.id, "training", given_by="AdV")
    with pytest.raises(ConsentError) as err:
        cs.require_recognisable_or_anonymised(world.lib, world.rec.id, anonymize_faces=False)
    assert err.value.key == "error.consent.not_recognisable"
    cs.require_recognisable_or_anonymised(world.lib, world.rec.id, anonymize_faces=True)
    cs.grant_consent(world.lib, world.rec.id, "training", given_by="AdV", recognisable=True)
    cs.require_recognisable_or_anonymised(world.lib, world.rec.id, anonymize_faces=False)


def test_adding_a_clip_needs_consent_for_the_collections_purpose(world: World) -> None:
    intervisie = co.create_collection(world.lib, "Intervisie mei", "intervisie")
    training = co.create_collection(world.lib, "Cursus MGV", "training")
    with pytest.raises(ConsentError) as err:
        co.add_clip(world.lib, intervisie.id, world.rec.id, 0, 1000)
    assert "intervisie" in err.value.message()
    cs.grant_consent(world.lib, world.rec.id, "intervisie", given_by=CLIENT)
    co.add_clip(world.lib, intervisie.id, world.rec.id, 0, 1000)
    with pytest.raises(ConsentError) as err:  # intervisie consent does not cover training
        co.add_clip(world.lib, training.id, world.rec.id, 0, 1000)
    assert "training" in err.value.message()
    assert len(co.list_clips(world.lib, intervisie.id)) == 1
    assert co.list_clips(world.lib, training.id) == []
