"""Search never cuts off in silence: over the limit it says how many moments there are in all,
and `vsr search word1 word2` takes several words without quotes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.vsr.fakes import add_fake_recording
from vsr.cli.main import main
from vsr.library import reviews as rv
from vsr.library.search import count_moments, search_moments

MOMENTS = 230


@pytest.fixture
def many(library, tmp_path: Path):  # type: ignore[no-untyped-def]
    rec = add_fake_recording(library, tmp_path)
    review = rv.create_review(library, rec.id, title="Veel momenten")
    party = rv.list_parties(library, review.id)[1]
    with library.write():
        for n in range(MOMENTS):
            cur = library.conn.execute(
                "INSERT INTO markers (review_id, party_id, start_ms, created_at)"
                " VALUES (?, ?, ?, '2026-01-01')", (review.id, party.id, n * 1000))
            text = "boos gesprek" if n % 2 else "rustig gesprek over geld"
            library.conn.execute("INSERT INTO sheets (marker_id, what_happened) VALUES (?, ?)",
                                 (cur.lastrowid, f"{text} ı ł ø {n}"))
    return library


def test_the_total_is_counted_beyond_the_limit(many) -> None:  # type: ignore[no-untyped-def]
    assert len(search_moments(many, "gesprek")) == 200
    assert count_moments(many, "gesprek") == MOMENTS
    assert count_moments(many, "boos gesprek") == MOMENTS // 2
    assert count_moments(many, "gesprek", party="client") == MOMENTS
    assert count_moments(many, "gesprek", party="professional") == 0
    assert count_moments(many, "") == MOMENTS


def _search(many, capsys, *words: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(["--library", str(many.path), "--lang", "en", "search", *words])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_cli_says_how_many_it_did_not_show(many, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _search(many, capsys, "gesprek", "--json")
    assert code == 0 and len(json.loads(out)) == 200
    assert "Showing 200 of the 230 moments found" in err
    code, out, err = _search(many, capsys, "gesprek", "--limit", "500", "--json")
    assert len(json.loads(out)) == MOMENTS and err == ""
    code, out, err = _search(many, capsys, "geld", "--json")  # 115: all shown, nothing said
    assert len(json.loads(out)) == MOMENTS // 2 and err == ""


def test_several_words_need_no_quotes(many, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _search(many, capsys, "rustig", "geld", "--json")
    unquoted = json.loads(out)
    assert code == 0 and len(unquoted) == MOMENTS // 2
    assert all("rustig" in h["snippet"] and "geld" in h["snippet"] for h in unquoted)
    code, out, err = _search(many, capsys, "rustig geld", "--json")
    assert json.loads(out) == unquoted
