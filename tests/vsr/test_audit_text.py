"""The audit log in words: every action has a Dutch and an English label, subjects name what
they are about (with the current title while it exists), and details read as a short
sentence. `vsr audit` shows the words; `--json` keeps the rows as stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.lang import worded
from tests.vsr.fakes import add_fake_recording
from vsr.cli.main import main as cli_main
from vsr.i18n import has_all_languages, message_keys
from vsr.library import Library
from vsr.library import collections as co
from vsr.library import consent as cs
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library.audit import AuditAction, AuditEntry, audit, list_audit
from vsr.library.audit_text import action_label, details_label, subject_label


def _entry(action: str, **details: object) -> AuditEntry:
    return AuditEntry(1, "2026-05-01T10:00:00+00:00", action, "recording:1", dict(details))


def test_every_action_has_a_label_in_both_languages() -> None:
    keys = set(message_keys())
    for action in AuditAction:
        key = f"audit.action.{action.value}"
        assert key in keys and has_all_languages(key), key
        assert action_label(action.value) != action.value
        assert worded("en", action_label, action.value) != action_label(action.value)
    assert action_label("consent.granted") == "Toestemming gegeven"
    assert worded("en", action_label, "consent.granted") == "Consent granted"
    assert action_label("something.new") == "something.new"  # unknown: as stored


def test_subjects_name_what_they_are_about(library: Library, tmp_path: Path) -> None:
    rec = add_fake_recording(library, tmp_path)
    rc.rename_recording(library, rec.id, "Gesprek mei")
    review = rv.create_review(library, rec.id, title="Terugkijken mei")
    col = co.create_collection(library, "Intervisie juni", "intervisie")
    assert subject_label(library, f"recording:{rec.id}") == f"Opname {rec.id} (Gesprek mei)"
    assert worded("en", subject_label, library, f"recording:{rec.id}") == \
        f"Recording {rec.id} (Gesprek mei)"
    assert subject_label(library, f"review:{review.id}") == \
        f"Terugkijkgesprek {review.id} (Terugkijken mei)"
    assert worded("en", subject_label, library, f"collection:{col.id}") == \
        f"Collection {col.id} (Intervisie juni)"
    assert subject_label(library, "purge") == "Opruimen"
    assert subject_label(library, "recording:999") == "Opname 999"  # gone: no title
    assert subject_label(library, "recording:abc") == "recording:abc"
    assert worded("en", subject_label, library, "thing:4") == "thing:4"
    co.delete_collection(library, col.id)
    assert subject_label(library, f"collection:{col.id}") == f"Verzameling {col.id}"


def test_details_read_as_a_sentence() -> None:
    granted = _entry("consent.granted", purpose="intervisie", given_on="2026-05-01", until=None,
                     recognisable=False, replaced=True)
    assert details_label(granted) == (
        "Doel: intervisie, gegeven op 1 mei 2026, zonder einddatum, mag herkenbaar zijn: nee, "
        "vervangt een eerdere toestemming: ja")
    assert worded("en", details_label, granted) == (
        "Purpose: peer consultation (intervisie), given on 1 May 2026, no end date, "
        "may be recognisable: no, replaces an earlier consent: yes")
    removed = _entry("clips.removed", clips=[4, 5], collections=[2],
                     reason="consent.lapsed:training")
    assert details_label(removed) == (
        "Reden: toestemming voor training (oefenmateriaal) verlopen, clips: 2, verzamelingen: 1")
    summary = _entry("export", export_id="abc123", format="pdf", file="verslag.pdf",
                     stills=False, party_naming="initials")
    text = worded("en", details_label, summary)
    assert text == "Format: pdf, file: verslag.pdf, with stills: no, names: initials"
    assert "abc123" not in text
    odd = _entry("purge", today="2026-05-01", weird=[1, 2], other="x")
    assert details_label(odd) == "Datum: 1 mei 2026, weird=1, 2, other=x"
    assert worded("en", details_label, _entry("retention.set", keep_until=None)) == "No end date"
    assert details_label(_entry("export")) == ""


def test_cli_audit_shows_words_and_json_stays_raw(library: Library, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    rec = add_fake_recording(library, tmp_path)
    cs.grant_consent(library, rec.id, "intervisie", given_by="A. de Vries", until="2099-12-31")
    audit(library, "later.action", "recording:1", note="x")
    base = ["--library", str(library.path)]
    assert cli_main([*base, "audit"]) == 0
    out = capsys.readouterr().out
    assert "Toestemming gegeven" in out and "consent.granted" not in out
    assert f"Opname {rec.id} (" in out and "geldig tot en met 31 december 2099" in out
    assert "later.action" in out and "note=x" in out
    assert "A. de Vries" not in out  # the log holds no names
    assert cli_main([*base, "--lang", "en", "audit"]) == 0
    assert "Consent granted" in capsys.readouterr().out
    assert cli_main([*base, "audit", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["action"] for r in rows] == ["later.action", "consent.granted"]
    assert rows[1]["details"]["purpose"] == "intervisie"
    assert len(list_audit(library)) == 2
