"""Which voice is which party: said once, stored by role, and from then on the parties' names in
talk time, the summary, transcript files and the CLI; forgotten with a new transcript run;
talk time kept out of the summary while "Apart markeren" hides the moments."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.vsr import session_fixtures as fx
from tests.vsr.test_export_summary import flat
from tests.vsr.test_transcript_store import CONVERSATION
from vsr.cli.main import main
from vsr.errors import VsrError
from vsr.export import export_summary
from vsr.library import reviews as rv
from vsr.model import PartyRole
from vsr.samenleergesprek.blind import reveal_markers, set_blind_marking
from vsr.transcript.export import export_transcript
from vsr.transcript.parties import set_voice_role, voice_labels, voice_roles
from vsr.transcript.store import save_transcript
from vsr.transcript.talk import review_talk_sentences


@pytest.fixture
def walked(library, tmp_path: Path):  # type: ignore[no-untyped-def]
    walked = fx.walked_review(library, tmp_path)
    save_transcript(library, walked.review.recording_id, CONVERSATION, model="whisper-base")
    return walked


def test_naming_one_voice_names_the_other(library, walked) -> None:
    rec = walked.review.recording_id
    assert voice_roles(library, rec) == {}
    assert voice_labels(library, rec) == {0: "Stem 1", 1: "Stem 2"}
    roles = set_voice_role(library, rec, 1, PartyRole.PROFESSIONAL)
    assert roles == {1: PartyRole.PROFESSIONAL, 0: PartyRole.CLIENT}
    assert voice_labels(library, rec, walked.review.id) == {0: fx.CLIENT, 1: fx.PRO}
    set_voice_role(library, rec, 0, None)  # taken back: the other answer stays
    assert voice_roles(library, rec) == {1: PartyRole.PROFESSIONAL}
    assert voice_labels(library, rec, walked.review.id) == {0: "Stem 1", 1: fx.PRO}
    # by role: another review of the same recording names its own professional
    other = rv.list_reviews(library, rec)[-1]
    assert other.id != walked.review.id
    other_pro = rv.list_parties(library, other.id)[0].name
    assert voice_labels(library, rec)[1] == voice_labels(library, rec, other.id)[1] == other_pro
    set_voice_role(library, rec, 0, PartyRole.OTHER)  # an interpreter: the other stays
    assert voice_roles(library, rec) == {0: PartyRole.OTHER, 1: PartyRole.PROFESSIONAL}
    assert voice_labels(library, rec)[0] == "iemand anders"
    with pytest.raises(VsrError):
        set_voice_role(library, rec, 2, PartyRole.CLIENT)


def test_a_new_run_forgets_who_is_who(library, walked) -> None:
    rec = walked.review.recording_id
    set_voice_role(library, rec, 0, PartyRole.PROFESSIONAL)
    save_transcript(library, rec, CONVERSATION, model="whisper-base")
    assert voice_roles(library, rec) == {}


def test_no_transcript_is_said(library, walked) -> None:
    from vsr.transcript.store import delete_transcript

    rec = walked.review.recording_id
    delete_transcript(library, rec)
    with pytest.raises(VsrError) as err:
        set_voice_role(library, rec, 0, PartyRole.CLIENT)
    assert err.value.key == "error.transcript.none"


def test_talk_time_names_the_parties(library, walked) -> None:
    before = review_talk_sentences(library, walked.review.id)
    assert before[0].startswith("Stem 1 sprak 54 %") and before[-1].startswith("Stem 1 is wie")
    set_voice_role(library, walked.review.recording_id, 0, PartyRole.PROFESSIONAL)
    lines = review_talk_sentences(library, walked.review.id)
    assert lines[0] == f"{fx.PRO} sprak 54 % van de tijd (0:07; aantal beurten: 2)."
    assert lines[1] == f"{fx.CLIENT} sprak 46 % van de tijd (0:06; aantal beurten: 1)."
    assert not any("Stem" in line for line in lines)
    assert any(line.startswith("Lange beurt: ") and fx.CLIENT in line for line in lines)


def test_the_summary_uses_names_or_initials(library, walked, tmp_path: Path) -> None:
    set_voice_role(library, walked.review.recording_id, 1, PartyRole.CLIENT)
    named = export_summary(library, walked.review.id, "md", tmp_path / "a.md",
                           include_talk_time=True).read_text(encoding="utf-8")
    assert flat(f"{fx.PRO} sprak 54 % van de tijd") in flat(named)
    anonymous = export_summary(library, walked.review.id, "md", tmp_path / "b.md",
                               party_naming="initials",
                               include_talk_time=True).read_text(encoding="utf-8")
    assert flat("A.d.V. sprak 54 % van de tijd") in flat(anonymous)
    assert fx.PRO not in anonymous and "Zoë" not in anonymous


def test_not_while_apart_markeren_hides_the_moments(library, walked, tmp_path: Path) -> None:
    set_blind_marking(library, walked.review.id, True)
    with pytest.raises(VsrError) as err:
        export_summary(library, walked.review.id, "md", tmp_path / "a.md",
                       include_talk_time=True)
    assert err.value.key == "error.transcript.talk_hidden"
    assert not (tmp_path / "a.md").exists()
    reveal_markers(library, walked.review.id)
    assert export_summary(library, walked.review.id, "md", tmp_path / "a.md",
                          include_talk_time=True).exists()


def test_transcript_files_and_cli_use_the_names(library, walked, tmp_path: Path,
                                                 capsys) -> None:  # type: ignore[no-untyped-def]
    rec = walked.review.recording_id
    set_voice_role(library, rec, 0, PartyRole.PROFESSIONAL)
    # the files have no review: the recording's latest names the parties
    latest = rv.list_parties(library, rv.list_reviews(library, rec)[-1].id)
    pro, client = latest[0].name, latest[1].name
    text = export_transcript(library, rec, "txt", tmp_path / "t.txt").read_text("utf-8")
    assert f"{pro}: Goedemorgen" in text and f"{client}: Ja, maar" in text
    hidden = export_transcript(library, rec, "vtt", tmp_path / "t.vtt",
                               replace_names=True).read_text("utf-8")
    assert pro not in hidden and client not in hidden and "Goedemorgen" in hidden
    path = str(library.path)
    library.close()
    assert main(["--library", path, "transcript", "voice", str(rec), "1", "client"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"Stem 1: {client}", f"Stem 2: {pro}"]
    assert main(["--library", path, "transcript", "talk", str(rec)]) == 0
    assert capsys.readouterr().out.startswith(f"{client} sprak 54 %")
    assert main(["--library", path, "search", "schuldhulp"]) == 0
    spoken = [line for line in capsys.readouterr().out.splitlines() if "0:07" in line]
    assert spoken and f"  {pro}  " in spoken[0] and "«schuldhulpverlening»" in spoken[0]


def test_elan_tiers_carry_the_names_or_roles(library, tmp_path: Path) -> None:
    import pympi

    from tests.vsr.interop_fixtures import interop_review
    from vsr.interop.exports import export_review_file

    data = interop_review(library, tmp_path)
    rec = data.review.recording_id
    save_transcript(library, rec, CONVERSATION, model="whisper-base")
    set_voice_role(library, rec, 0, PartyRole.PROFESSIONAL)
    pro, client = rv.list_parties(library, data.review.id)[:2]
    out = export_review_file(library, data.review.id, "eaf", tmp_path / "met.eaf",
                             with_transcript=True)
    tiers = pympi.Elan.Eaf(str(out)).get_tier_names()
    assert f"{pro.name} - gezegd" in tiers and f"{client.name} - gezegd" in tiers
    hidden = export_review_file(library, data.review.id, "eaf", tmp_path / "anon.eaf",
                                with_transcript=True, anonymize_names=True)
    text = hidden.read_text(encoding="utf-8")
    assert "gezegd" in text
    for name in (pro.name, client.name):
        assert name not in text
