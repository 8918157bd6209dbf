"""Independent marking hides everything of a marker from the shared screen until the reveal, and
a moment both parties marked stays both parties' moment (Stap 2, the summary, the exports)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.lang import worded
from tests.vsr.fakes import add_fake_recording
from vsr import samenleergesprek as ss
from vsr.errors import VsrError
from vsr.export import summary_md
from vsr.export.summary_content import build_summary
from vsr.library import markers as mk
from vsr.library import open_library
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.library.schema import MIGRATIONS
from vsr.model import Marker, Party, Review
from vsr.samenleergesprek.model import SessionStep
from vsr.samenleergesprek.moment_sheet import merged_sheet

PRO_A = "PRO-A: ik stelde een vraag en wachtte niet"
CLIENT_A = "CLIENT-A: ik kreeg geen tijd om te antwoorden"
PRO_B = "PRO-B: ik had haast"
CLIENT_B = "CLIENT-B: ik voelde me opgejaagd"
CLIENT_C = "CLIENT-C: graag meer stilte laten vallen"


@pytest.fixture
def review(library, tmp_path: Path) -> Review:  # type: ignore[no-untyped-def]
    rec = add_fake_recording(library, tmp_path)
    return rv.create_review(library, rec.id, party_names=("Anouk de Vries", "Sem Öztürk"))


def _both_marked(library, review: Review) -> tuple[Party, Party, Marker, Marker]:  # type: ignore[no-untyped-def]
    """Blind marking; both mark about 0:10 and write on their own marker's sheet; revealed."""
    pro, client = rv.list_parties(library, review.id)
    for p in (pro, client):
        ss.confirm_rules(library, review.id, p.id)
    ss.set_blind_marking(library, review.id, True)
    mp = mk.add_marker(library, pro.id, 10_000)
    mc = mk.add_marker(library, client.id, 12_000, 15_000)
    sh.set_field(library, mp.id, sh.SheetField.WHAT_HAPPENED, PRO_A)
    sh.set_field(library, mp.id, sh.SheetField.TO_ME, PRO_B, pro.id)
    sh.set_feelings(library, mp.id, pro.id, ("rustig",))
    sh.set_field(library, mc.id, sh.SheetField.WHAT_HAPPENED, CLIENT_A)
    sh.set_field(library, mc.id, sh.SheetField.TO_ME, CLIENT_B, client.id)
    sh.set_field(library, mc.id, sh.SheetField.KEEP_OR_CHANGE, CLIENT_C)
    sh.set_feelings(library, mc.id, client.id, ("onzeker",))
    ss.reveal_markers(library, review.id)
    return pro, client, mp, mc


# -- what the shared screen may show ----------------------------------------------------------

def test_shared_screen_shows_no_marker_while_hidden_but_counts(library, review) -> None:
    pro, client = rv.list_parties(library, review.id)
    ss.set_blind_marking(library, review.id, True)
    mp = mk.add_marker(library, pro.id, 10_000)
    mk.add_marker(library, pro.id, 20_000)
    mc = mk.add_marker(library, client.id, 30_000)
    screen = ss.shared_screen(library, review.id)
    assert screen.hidden and screen.markers == ()
    assert not screen.shows(mp.id) and not screen.shows(mc.id) and not screen.shows(None)
    assert screen.counts == {pro.id: 2, client.id: 1}
    ss.reveal_markers(library, review.id)
    screen = ss.shared_screen(library, review.id)
    assert not screen.hidden and screen.shows(mp.id) and screen.shows(mc.id)
    assert len(screen.markers) == 3


def test_nothing_is_chosen_added_or_discussed_while_hidden(library, review) -> None:
    pro, client = rv.list_parties(library, review.id)
    for p in (pro, client):
        ss.confirm_rules(library, review.id, p.id)
    m = mk.add_marker(library, pro.id, 10_000)
    ss.choose_moment(library, review.id, m.id)
    ss.set_blind_marking(library, review.id, True)  # a new round hides the chosen one too
    hidden = mk.add_marker(library, client.id, 40_000)
    with pytest.raises(VsrError) as err:
        ss.choose_moment(library, review.id, hidden.id)
    assert err.value.key == "error.session.markers_hidden"
    before = len(mk.list_markers(library, review.id))
    with pytest.raises(VsrError):
        ss.add_moment_at(library, review.id, client.id, 50_000)
    assert len(mk.list_markers(library, review.id)) == before  # no stray marker
    assert ss.step_blocker(library, review.id, SessionStep.DISCUSS) is not None
    with pytest.raises(VsrError):
        ss.go_to_step(library, review.id, SessionStep.DISCUSS)
    doc = build_summary(library, review.id)
    assert doc.moments == () and "apart gemarkeerd" in doc.moments_note
    ss.reveal_markers(library, review.id)
    assert ss.step_blocker(library, review.id, SessionStep.DISCUSS) is None


# -- a moment both marked ------------------------------------------------------------------------

def test_choosing_a_both_marked_candidate_makes_a_moment_of_both(library, review) -> None:
    pro, client, mp, mc = _both_marked(library, review)
    candidate = ss.candidate_moments(library, review.id)[0]
    assert candidate.shared and {m.id for m in candidate.markers} == {mp.id, mc.id}
    moment = ss.choose_candidate(library, review.id, candidate)
    assert moment.marker_id == mp.id and moment.all_marker_ids == (mp.id, mc.id)
    assert ss.moment_party_ids(library, moment) == (pro.id, client.id)
    assert moment.lag_ms == 5_000 + 5_000  # the loop reaches the end of the client's range
    sheet = sh.get_sheet(library, mp.id)
    # A: both texts kept, each after its author's name
    assert sheet.what_happened == (f"Anouk de Vries: {PRO_A}\n\nSem Öztürk: {CLIENT_A}")
    assert sheet.keep_or_change == CLIENT_C  # empty field takes the other's text as it is
    assert sheet.reflection(pro.id).to_me == PRO_B
    assert sheet.reflection(client.id).to_me == CLIENT_B
    assert sheet.reflection(client.id).feelings == ("onzeker",)
    assert sheet.reflection(pro.id).feelings == ("rustig",)
    # the client's own marker and sheet are left as they were
    assert sh.get_sheet(library, mc.id).what_happened == CLIENT_A
    # choosing again changes nothing
    again = ss.choose_candidate(library, review.id, candidate)
    assert again == moment and sh.get_sheet(library, mp.id) == sheet


def test_summary_and_markdown_name_both_and_keep_both_texts(library, review) -> None:
    pro, client, mp, mc = _both_marked(library, review)
    ss.choose_candidate(library, review.id, ss.candidate_moments(library, review.id)[0])
    doc = build_summary(library, review.id)
    (block,) = doc.moments
    assert block.marked_by == "jullie allebei (Anouk de Vries en Sem Öztürk)"
    assert PRO_A in block.what_happened and CLIENT_A in block.what_happened
    assert [r.to_me for r in block.reflections] == [PRO_B, CLIENT_B]
    md = summary_md.render_markdown(doc)
    assert "Gemarkeerd door: jullie allebei (Anouk de Vries en Sem Öztürk)" in md
    for text in (PRO_A, CLIENT_A, PRO_B, CLIENT_B, CLIENT_C):
        assert text in md
    en = worded("en", build_summary, library, review.id, party_naming="initials")
    assert en.moments[0].marked_by == "both of you (A.d.V. and S.Ö.)"


def test_a_single_marked_moment_is_one_partys(library, review) -> None:
    pro, client = rv.list_parties(library, review.id)
    m = mk.add_marker(library, client.id, 10_000)
    moment = ss.choose_moment(library, review.id, m.id)
    assert moment.all_marker_ids == (m.id,)
    assert ss.moment_party_ids(library, moment) == (client.id,)
    assert build_summary(library, review.id).moments[0].marked_by == "Sem Öztürk"


def test_deleting_the_other_marker_keeps_the_moment_and_the_texts(library, review) -> None:
    _pro, _client, mp, mc = _both_marked(library, review)
    ss.choose_candidate(library, review.id, ss.candidate_moments(library, review.id)[0])
    mk.delete_marker(library, mc.id)
    (moment,) = ss.get_session(library, review.id).moments
    assert moment.all_marker_ids == (mp.id,)
    assert CLIENT_A in sh.get_sheet(library, mp.id).what_happened


def test_merged_sheet_is_pure_and_keeps_equal_text_once() -> None:
    from vsr.model import Sheet

    a = Sheet(1, what_happened="zelfde", keep_or_change="")
    b = Sheet(2, what_happened="zelfde", keep_or_change="C")
    merged = merged_sheet(a, "P", [(b, "C")])
    assert merged.what_happened == "zelfde" and merged.keep_or_change == "C"
    assert merged.marker_id == 1


def test_migration_to_v5_keeps_old_moments_as_their_own_markers(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    lib = open_library(path)
    rec = add_fake_recording(lib, tmp_path)
    review = rv.create_review(lib, rec.id, party_names=("A", "B"))
    pro, _ = rv.list_parties(lib, review.id)
    m = mk.add_marker(lib, pro.id, 1_000)
    ss.choose_moment(lib, review.id, m.id)
    lib.close()
    conn = sqlite3.connect(path)  # back to version 4: as a library from before issue 9
    conn.execute("DROP TABLE session_moment_markers")
    # Undo the later migrations too (issue 11's columns), so they can run again.
    for table, column in (("exported_files", "faces_blurred"), ("exported_files", "names_replaced"),
                          ("reviews", "extra_names"), ("collections", "extra_names")):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    lib = open_library(path)
    try:
        assert lib.schema_version == len(MIGRATIONS) >= 5
        (moment,) = ss.get_session(lib, review.id).moments
        assert moment.marker_ids == (m.id,)
    finally:
        lib.close()
