"""A review for the interop tests: ranges and points, three parties, B for several parties,
theme cards, and text that is hostile to each format (formulas, "-->", "<", "&", new lines)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from tests.vsr.fakes import add_fake_recording
from vsr.library import Library
from vsr.library import markers as mk
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.model import Party, Review

A_RANGE = "Ik vroeg naar je doel; jij zei: ‘ik weet het niet’ --> stilte <pauze> & zuchten."
A_POINT = "=HYPERLINK(\"http://x\")\nTweede regel"
B_PRO = "+31 6 1234 (Ik wilde snel een afspraak maken)"
B_CLIENT_OTHER = "-Hij bedoelde het goed, denk ik"
C_TEXT = "@samen: eerst het doel in eigen woorden opschrijven."


@dataclass
class InteropReview:
    review: Review
    parties: list[Party]
    recording_path: Path


def interop_review(lib: Library, tmp_path: Path) -> InteropReview:
    rec = add_fake_recording(lib, tmp_path, "gesprek-maart.mp4", b"recording bytes")
    review = rv.create_review(lib, rec.id, title="Terugkijken", party_names=("Anouk de Vries", "Zoë Çelik"))
    pro, client = rv.list_parties(lib, review.id)
    tolk = rv.add_party(lib, review.id, "Tolk")
    m1 = mk.add_marker(lib, pro.id, 12_000, 24_500, theme="bereiken", subtopic="doel")
    m2 = mk.add_marker(lib, client.id, 31_250, theme="samenwerking", subtopic="luisteren")
    m3 = mk.add_marker(lib, tolk.id, 62_000, 75_000, theme="begeleiding", subtopic="Mijn eigen onderwerp")
    mk.add_marker(lib, client.id, 98_000)  # a point with an empty gespreksblad
    sh.set_field(lib, m1.id, sh.SheetField.WHAT_HAPPENED, A_RANGE)
    sh.set_field(lib, m1.id, sh.SheetField.TO_ME, B_PRO, pro.id)
    sh.set_field(lib, m1.id, sh.SheetField.TO_OTHER, B_CLIENT_OTHER, client.id)
    sh.set_field(lib, m1.id, sh.SheetField.KEEP_OR_CHANGE, C_TEXT)
    sh.set_field(lib, m2.id, sh.SheetField.WHAT_HAPPENED, A_POINT)
    sh.set_field(lib, m3.id, sh.SheetField.TO_ME, "De tolk twijfelde.", tolk.id)
    return InteropReview(review, [pro, client, tolk], Path(rec.path))


def moment_snapshot(lib: Library, review_id: int) -> list[tuple[object, ...]]:
    """The moments of a review as comparable tuples: party name, times, theme, A, B, C."""
    names = {p.id: p.name for p in rv.list_parties(lib, review_id)}
    result = []
    for m in mk.list_markers(lib, review_id):
        sheet = sh.get_sheet(lib, m.id)
        b = tuple(sorted((names[pid], r.to_me, r.to_other) for pid, r in sheet.reflections.items()
                         if r.to_me or r.to_other))
        result.append((names[m.party_id], m.start_ms, m.end_ms, m.theme, m.subtopic,
                       sheet.what_happened, b, sheet.keep_or_change))
    return sorted(result, key=lambda t: (t[1], str(t[0])))


def table_dump(lib: Library) -> list[str]:
    """Every row of every table, to prove that a failed import changed nothing."""
    assert isinstance(lib.conn, sqlite3.Connection)
    return list(lib.conn.iterdump())
