"""Search across the library: words in A/B/C and theme, accents, prefixes, filters, hidden
moments, triggers that follow edits, and the migration of an existing library."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from tests.vsr.fakes import add_fake_recording
from vsr.errors import ConsentError, VsrError
from vsr.library import collections as col
from vsr.library import markers as mk
from vsr.library import open_library, schema
from vsr.library import reviews as rv
from vsr.library.consent import grant_consent
from vsr.library.db import Library, _run_migration
from vsr.library.search import (
    MATCH_END,
    MATCH_START,
    add_hit_to_collection,
    fts_query,
    search_moments,
)
from vsr.library.sheets import SheetField, set_field
from vsr.samenleergesprek.blind import reveal_markers, set_blind_marking


def _review(lib: Library, tmp_path: Path, name: str = "a.mp4"):  # type: ignore[no-untyped-def]
    rec = add_fake_recording(lib, tmp_path, name, name.encode())
    review = rv.create_review(lib, rec.id, title=f"Gesprek {name}")
    return review, rv.list_parties(lib, review.id)


def _ids(hits) -> list[int]:  # type: ignore[no-untyped-def]
    return sorted(h.marker_id for h in hits)


def test_words_in_a_b_c_and_theme_are_found(library, tmp_path: Path) -> None:
    review, (pro, client) = _review(library, tmp_path)
    a = mk.add_marker(library, pro.id, 1000).id
    b = mk.add_marker(library, client.id, 2000).id
    c = mk.add_marker(library, client.id, 3000).id
    t = mk.add_marker(library, pro.id, 4000, theme="bereiken").id
    set_field(library, a, SheetField.WHAT_HAPPENED, "Ik vroeg naar het vertrouwen")
    set_field(library, b, SheetField.TO_ME, "Ik voelde me niet gehoord", client.id)
    set_field(library, c, SheetField.KEEP_OR_CHANGE, "Volgende keer eerst luisteren")
    assert _ids(search_moments(library, "vertrouwen")) == [a]
    assert _ids(search_moments(library, "gehoord")) == [b]
    assert _ids(search_moments(library, "luisteren")) == [c]
    assert _ids(search_moments(library, "bereiken")) == [t]
    assert search_moments(library, "fietsen") == []
    hit = search_moments(library, "vertrouwen")[0]
    assert hit.review_title == review.title and hit.party_name == pro.name
    assert f"{MATCH_START}vertrouwen{MATCH_END}" in hit.snippet


def test_accents_and_prefixes(library, tmp_path: Path) -> None:
    _, (pro, _c) = _review(library, tmp_path)
    m = mk.add_marker(library, pro.id, 1000).id
    set_field(library, m, SheetField.WHAT_HAPPENED, "De cliënt zei dat het financiële plan klopte")
    assert _ids(search_moments(library, "client")) == [m]  # no accent typed
    assert _ids(search_moments(library, "clien")) == [m]  # prefix
    assert _ids(search_moments(library, "FINANCIELE plan")) == [m]  # every word, any case
    assert search_moments(library, "cliënt fiets") == []  # every word must occur


def test_typed_fts_syntax_is_only_words() -> None:
    assert fts_query('vertrouwen" OR *') == '"vertrouwen"* "OR"*'
    assert fts_query("  ") == ""


def test_theme_party_and_date_filters(library, tmp_path: Path) -> None:
    review1, (pro1, client1) = _review(library, tmp_path, "a.mp4")
    review2, (pro2, _c2) = _review(library, tmp_path, "b.mp4")
    library.conn.execute("UPDATE reviews SET created_at = '2025-03-01T10:00:00+00:00'"
                         " WHERE id = ?", (review2.id,))
    m1 = mk.add_marker(library, pro1.id, 1000, theme="samenwerking").id
    m2 = mk.add_marker(library, client1.id, 2000, theme="bereiken").id
    m3 = mk.add_marker(library, pro2.id, 3000, theme="samenwerking").id
    for m in (m1, m2, m3):
        set_field(library, m, SheetField.WHAT_HAPPENED, "over vertrouwen")
    assert _ids(search_moments(library, "vertrouwen", theme="samenwerking")) == [m1, m3]
    assert _ids(search_moments(library, "vertrouwen", party="client")) == [m2]
    assert _ids(search_moments(library, "vertrouwen", party=client1.name.upper())) == [m2]
    assert _ids(search_moments(library, "vertrouwen", date_to="2025-12-31")) == [m3]
    assert _ids(search_moments(library, "vertrouwen", date_from="2025-03-02")) == [m1, m2]
    assert _ids(search_moments(library, "vertrouwen", date_from="2025-03-01",
                               date_to="2025-03-01")) == [m3]
    assert _ids(search_moments(library, "", theme="bereiken")) == [m2]  # filters alone


def test_hidden_moments_never_appear(library, tmp_path: Path) -> None:
    review, (pro, _c) = _review(library, tmp_path)
    m = mk.add_marker(library, pro.id, 1000).id
    set_field(library, m, SheetField.WHAT_HAPPENED, "vertrouwen")
    set_blind_marking(library, review.id, True)
    assert search_moments(library, "vertrouwen") == []
    assert search_moments(library, "") == []
    collection = col.create_collection(library, "Intervisie", "intervisie")
    with pytest.raises(VsrError):
        add_hit_to_collection(library, collection.id, m)
    reveal_markers(library, review.id)
    assert _ids(search_moments(library, "vertrouwen")) == [m]


def test_triggers_follow_edits_and_deletes(library, tmp_path: Path) -> None:
    review, (pro, client) = _review(library, tmp_path)
    m = mk.add_marker(library, pro.id, 1000).id
    set_field(library, m, SheetField.WHAT_HAPPENED, "eerst dit")
    set_field(library, m, SheetField.WHAT_HAPPENED, "nu iets anders")
    assert search_moments(library, "eerst") == []
    assert _ids(search_moments(library, "anders")) == [m]
    set_field(library, m, SheetField.TO_OTHER, "spannend", client.id)
    assert _ids(search_moments(library, "spannend")) == [m]
    mk.set_marker_theme(library, m, "passend")
    assert _ids(search_moments(library, "passend")) == [m]
    mk.delete_marker(library, m)
    assert search_moments(library, "anders") == []
    assert library.query("SELECT COUNT(*) AS n FROM moment_text")[0]["n"] == 0
    m2 = mk.add_marker(library, pro.id, 2000).id
    set_field(library, m2, SheetField.WHAT_HAPPENED, "blijft niet")
    rv.delete_review(library, review.id)
    assert search_moments(library, "blijft") == []
    assert library.query("SELECT COUNT(*) AS n FROM moment_text")[0]["n"] == 0


def test_add_to_collection_keeps_consent_and_sharing(library, tmp_path: Path) -> None:
    review, (pro, _c) = _review(library, tmp_path)
    m = mk.add_marker(library, pro.id, 10_000).id
    set_field(library, m, SheetField.WHAT_HAPPENED, "vertrouwen")
    collection = col.create_collection(library, "Intervisie", "intervisie")
    with pytest.raises(ConsentError) as refused:
        add_hit_to_collection(library, collection.id, m)
    assert "intervisie" in refused.value.message()
    assert col.list_clips(library, collection.id) == []
    grant_consent(library, review.recording_id, "intervisie", given_by="J.")
    clip = add_hit_to_collection(library, collection.id, m)
    assert clip.marker_id == m and clip.include_reflections is False  # not agreed to share
    rv.set_share_reflections(library, review.id, True)
    assert add_hit_to_collection(library, collection.id, m).include_reflections is True


def test_migration_of_an_existing_library_builds_the_index(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    before = len(schema.MIGRATIONS) - 1
    conn.execute("BEGIN")
    for migration in schema.MIGRATIONS[:before]:
        _run_migration(conn, migration)
    conn.execute(f"PRAGMA user_version = {before}")
    now = "2026-01-01T10:00:00+00:00"
    conn.execute("INSERT INTO recordings (id, fingerprint, path, title, duration_ms, has_video,"
                 " has_audio, added_at) VALUES (1, 'fp', '/x.mp4', 'Opname', 60000, 1, 1, ?)",
                 (now,))
    conn.execute("INSERT INTO reviews (id, recording_id, title, created_at, updated_at)"
                 " VALUES (7, 1, 'Oud gesprek', ?, ?)", (now, now))
    conn.execute("INSERT INTO parties (id, review_id, role, name, color, shape, position)"
                 " VALUES (5, 7, 'client', 'Jan', '#000', 'circle', 0)")
    conn.execute("INSERT INTO markers (id, review_id, party_id, start_ms, created_at)"
                 " VALUES (9, 7, 5, 1000, ?)", (now,))
    conn.execute("INSERT INTO sheets (marker_id, what_happened) VALUES (9, 'Over de cliënt')")
    conn.execute("COMMIT")
    conn.close()
    lib = open_library(path)
    try:
        assert lib.schema_version == len(schema.MIGRATIONS)
        assert _ids(search_moments(lib, "client")) == [9]
        # The index is sqlite-utils' own full-text search over `moment_text`, with its triggers.
        assert lib.db.table("moment_text").detect_fts() == "moment_text_fts"
        triggers = {str(r["name"]) for r in lib.query(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'moment_text'")}
        assert {"moment_text_ai", "moment_text_ad", "moment_text_au"} <= triggers
        uuid = lib.query("SELECT uuid FROM reviews WHERE id = 7")[0]["uuid"]
        assert isinstance(uuid, str) and len(uuid) == 32
    finally:
        lib.close()


def test_new_reviews_get_a_unique_uuid(library, tmp_path: Path) -> None:
    r1, _ = _review(library, tmp_path, "a.mp4")
    r2, _ = _review(library, tmp_path, "b.mp4")
    uuids = {row["uuid"] for row in library.query("SELECT uuid FROM reviews")}
    assert len(uuids) == 2 and None not in uuids


def test_search_over_200_reviews_is_fast(library, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    rec = add_fake_recording(library, tmp_path)
    words = ["vertrouwen", "afspraak", "doel", "luisteren", "cliënt", "werk", "geld"]
    with library.write():
        for n in range(200):
            review = rv.create_review(library, rec.id, title=f"Gesprek {n}")
            party = rv.list_parties(library, review.id)[0]
            for k in range(5):
                cur = library.conn.execute(
                    "INSERT INTO markers (review_id, party_id, start_ms, created_at)"
                    " VALUES (?, ?, ?, '2026-01-01')", (review.id, party.id, k * 1000))
                text = " ".join(words[(n + k + i) % len(words)] for i in range(30))
                library.conn.execute("INSERT INTO sheets (marker_id, what_happened) VALUES (?, ?)",
                                     (cur.lastrowid, text))
    start = time.perf_counter()
    hits = search_moments(library, "vertrou clien")
    took_ms = (time.perf_counter() - start) * 1000
    with capsys.disabled():
        print(f"\nsearch over 200 reviews / 1000 moments: {len(hits)} hits in {took_ms:.1f} ms")
    assert len(hits) == 200  # the default limit
    assert took_ms < 1000  # generous for a loaded 2-core machine; typically a few ms
