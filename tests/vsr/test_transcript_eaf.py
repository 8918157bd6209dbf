"""The transcript in `vsr export eaf`: only when chosen, a tier per voice that keeps the EAF 3.0
rules, reads back in pympi with the segments' times, and that vsr's own import leaves out."""

from __future__ import annotations

from pathlib import Path

import pympi
import pytest

from tests.vsr.eaf_rules import check_eaf30
from tests.vsr.interop_fixtures import interop_review
from tests.vsr.test_transcript_store import CONVERSATION
from vsr.errors import VsrError
from vsr.interop.eaf_import import import_eaf
from vsr.interop.exports import export_review_file
from vsr.library import markers as mk
from vsr.transcript.store import save_transcript


def test_only_when_chosen_and_one_tier_per_voice(library, tmp_path: Path) -> None:
    data = interop_review(library, tmp_path)
    plain = export_review_file(library, data.review.id, "eaf", tmp_path / "plain.eaf")
    with pytest.raises(VsrError) as err:  # chosen, but there is none yet: said, not skipped
        export_review_file(library, data.review.id, "eaf", tmp_path / "x.eaf",
                           with_transcript=True)
    assert err.value.key == "error.transcript.none"
    save_transcript(library, data.review.recording_id, CONVERSATION, model="whisper-base")
    assert "gezegd" not in plain.read_text(encoding="utf-8")
    again = export_review_file(library, data.review.id, "eaf", tmp_path / "plain2.eaf")
    assert "schuldhulpverlening" not in again.read_text(encoding="utf-8")
    out = export_review_file(library, data.review.id, "eaf", tmp_path / "met.eaf",
                             with_transcript=True)
    assert check_eaf30(out) == []
    eaf = pympi.Elan.Eaf(str(out))
    voice1 = eaf.get_annotation_data_for_tier("Stem 1 - gezegd")
    voice2 = eaf.get_annotation_data_for_tier("Stem 2 - gezegd")
    assert [(a[0], a[2]) for a in voice1] == [(s.start_ms, s.text) for s in CONVERSATION
                                             if s.speaker == 0]
    assert [a[2] for a in voice2] == [s.text for s in CONVERSATION if s.speaker == 1]


def test_import_of_the_file_leaves_the_spoken_tiers_out(library, tmp_path: Path) -> None:
    data = interop_review(library, tmp_path)
    save_transcript(library, data.review.recording_id, CONVERSATION, model="whisper-base")
    out = export_review_file(library, data.review.id, "eaf", tmp_path / "met.eaf",
                             with_transcript=True)
    before = len(mk.list_markers(library, data.review.id))
    result = import_eaf(library, out, recording_id=data.review.recording_id)
    after = mk.list_markers(library, result.review_id)
    assert len(after) == before


def test_with_names_replaced_the_spoken_tiers_carry_no_name_or_address(library, tmp_path: Path
                                                                      ) -> None:
    from vsr.transcript.store import Segment

    data = interop_review(library, tmp_path)
    spoken = [*CONVERSATION, Segment(20000, 23000, "Anouk de Vries belt je morgen, 06-12345678.",
                                     speaker=0)]
    save_transcript(library, data.review.recording_id, spoken, model="whisper-base")
    out = export_review_file(library, data.review.id, "eaf", tmp_path / "anoniem.eaf",
                             with_transcript=True, anonymize_names=True, extra_names=["Jan"])
    text = out.read_text(encoding="utf-8")
    for leak in ("Anouk", "Vries", "Jan", "jan@voorbeeld.nl", "06-12345678"):
        assert leak not in text, leak
    assert "schuldhulpverlening" in text  # the words themselves stay
