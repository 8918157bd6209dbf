"""A review with a walked Samenleergesprek, for the export tests: non-ASCII text, empty fields
and one very long text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.vsr.fakes import add_fake_recording
from vsr import samenleergesprek as ss
from vsr.library import Library
from vsr.library import markers as mk
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.model import Party, Review

PRO = "Anouk de Vries"
CLIENT = "Zoë Çelik"
A_TEXT = "Ik vroeg naar je doel; jij zei: ‘ik weet het niet’. Daarna bleef het stil."
B_PRO = "Ik wilde snel een afspraak maken – dat voelde efficiënt."
B_CLIENT = "Ik voelde me overvallen en dacht: ‘wat moet ik zeggen?’"
C_TEXT = "Eerst samen het doel in eigen woorden opschrijven, daarna pas een afspraak."
SUMMARY = "We hebben gepraat over doelen én over hoe we naar elkaar luisteren."
LEARN_PRO = "Ik neem meer tijd voordat ik een afspraak voorstel."
ACTION = "Samen het doel opschrijven in gewone woorden"
LONG_WORD = "Sollicitatieverplichtingenoverzichtsformulierbijlage"
LONG_TEXT = " ".join(
    f"Zin {i}: de cliënt legt uit waarom het gesprek over geld zo zwaar voelde, en de coach "
    f"vraagt door naar wat er nodig is om het volgende gesprek rustiger te laten verlopen."
    for i in range(1, 90)
) + " " + LONG_WORD * 3
SECRET = "GEHEIM-ANDERE-SESSIE"


@dataclass
class WalkedReview:
    review: Review
    pro: Party
    client: Party
    marker_ids: list[int]


def walked_review(lib: Library, tmp_path: Path, *, long_text: bool = True,
                  rate: bool = True) -> WalkedReview:
    rec = add_fake_recording(lib, tmp_path, "gesprek-januari.mp4", b"recording bytes")
    review = rv.create_review(lib, rec.id, title="Terugkijken op het gesprek van 12 januari",
                              party_names=(PRO, CLIENT))
    pro, client = rv.list_parties(lib, review.id)
    for party in (pro, client):
        ss.confirm_rules(lib, review.id, party.id)
    m1 = mk.add_marker(lib, pro.id, 12_000, 24_000, theme="bereiken", subtopic="doel")
    m2 = mk.add_marker(lib, client.id, 62_000, theme="samenwerking", subtopic="luisteren")
    m_unchosen = mk.add_marker(lib, client.id, 90_000)
    sh.set_field(lib, m_unchosen.id, sh.SheetField.WHAT_HAPPENED, "NIET-GEKOZEN moment")
    sh.set_field(lib, m1.id, sh.SheetField.WHAT_HAPPENED, A_TEXT)
    sh.set_field(lib, m1.id, sh.SheetField.TO_ME, B_PRO, pro.id)
    sh.set_field(lib, m1.id, sh.SheetField.TO_ME, B_CLIENT, client.id)
    sh.set_feelings(lib, m1.id, client.id, ("onzeker", "niet-gehoord"))
    sh.set_feelings(lib, m1.id, pro.id, ("rustig",))
    sh.set_field(lib, m1.id, sh.SheetField.KEEP_OR_CHANGE, C_TEXT)
    if long_text:
        sh.set_field(lib, m2.id, sh.SheetField.TO_OTHER, LONG_TEXT, client.id)
    ss.choose_moment(lib, review.id, m1.id)
    ss.choose_moment(lib, review.id, m2.id)  # its A and C stay empty
    ss.set_summary(lib, review.id, SUMMARY)
    ss.set_learning(lib, review.id, pro.id, LEARN_PRO)  # the client's learning stays empty
    ss.add_action(lib, review.id, ACTION, ss.TOGETHER, "2026-02-01")
    ss.add_action(lib, review.id, "Bellen met de schuldhulp", client.id)
    if rate:
        for q, a, b in zip(ss.RATING_QUESTIONS, (5, 4, 4), (2, 4, 3), strict=True):
            ss.set_rating(lib, review.id, pro.id, q, a)
            ss.set_rating(lib, review.id, client.id, q, b)

    # Another review in the same library whose text must never appear in this export.
    other = rv.create_review(lib, rec.id, title=f"Andere sessie {SECRET}",
                             party_names=(f"Coach {SECRET}", CLIENT))
    o_pro, o_client = rv.list_parties(lib, other.id)
    om = mk.add_marker(lib, o_pro.id, 12_000)
    sh.set_field(lib, om.id, sh.SheetField.WHAT_HAPPENED, f"A {SECRET}")
    ss.choose_moment(lib, other.id, om.id)
    ss.set_summary(lib, other.id, f"Samenvatting {SECRET}")
    ss.add_action(lib, other.id, f"Actie {SECRET}")
    for q in ss.RATING_QUESTIONS:
        ss.set_rating(lib, other.id, o_pro.id, q, 1)
        ss.set_rating(lib, other.id, o_client.id, q, 1)
    return WalkedReview(review, pro, client, [m1.id, m2.id])
