"""Search across the library: moments found by words in their gespreksblad (A, B per party,
C) or theme, filtered by theme card, party and date. Backed by `moment_text` and its FTS5
index made by sqlite-utils' `enable_fts` (schema version 9); triggers keep both in step with
every edit.

Words are matched accent-insensitively and as prefixes ("clien" finds "cliënt" and
"cliënten"); every word must occur. Moments hidden by independent marking (not yet revealed,
`vsr.samenleergesprek.blind`) never appear: a search would otherwise show what the shared screen must
not."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from vsr.errors import VsrError
from vsr.library.collections import CollectionClip, add_clip_from_marker
from vsr.library.consent import parse_date
from vsr.library.db import Library
from vsr.library.dutch_words import stemmed_fts_query

# Snippet highlight marks: control characters that never occur in typed text, so a view can
# turn them into bold (window) or brackets (CLI) without escaping problems.
MATCH_START = "\x02"
MATCH_END = "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)
_LIMIT = 200  # shown at once; the rest is counted (count_moments), never hidden
DEFAULT_LIMIT = _LIMIT


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One moment found: where it is and the text around the match."""

    marker_id: int
    review_id: int
    review_title: str
    review_date: str  # "YYYY-MM-DD", the day the review was created
    recording_id: int
    start_ms: int
    end_ms: int | None
    party_id: int
    party_name: str
    party_role: str
    theme: str
    subtopic: str
    snippet: str  # matches between MATCH_START and MATCH_END
    share_reflections: bool  # whether its gespreksblad may go into clip material


def fts_query(text: str) -> str:
    """The words of `text` as an FTS5 query: each quoted (so no FTS syntax gets through from
    what the user typed: only letters and digits are kept) and a prefix ("word"*), all
    required."""
    return " ".join(f'"{word}"*' for word in _WORD.findall(text))


_SELECT = """SELECT m.id AS marker_id, m.review_id, r.title AS review_title,
    substr(r.created_at, 1, 10) AS review_date, r.recording_id, m.start_ms, m.end_ms,
    p.id AS party_id, p.name AS party_name, p.role AS party_role, m.theme, m.subtopic,
    r.share_reflections, {snippet} AS snippet
FROM markers m
JOIN reviews r ON r.id = m.review_id
JOIN parties p ON p.id = m.party_id
LEFT JOIN session_state st ON st.review_id = m.review_id
{join}
WHERE NOT (COALESCE(st.blind_marking, 0) = 1 AND st.markers_revealed_at IS NULL)"""

_SNIPPET = (f"snippet(moment_text_fts, -1, '{MATCH_START}', '{MATCH_END}', '…', 12)")
_PLAIN = ("substr(COALESCE((SELECT s.what_happened FROM sheets s WHERE s.marker_id = m.id),"
          " ''), 1, 80)")


def search_moments(
    lib: Library,
    text: str = "",
    *,
    theme: str | None = None,
    party: str | None = None,
    date_from: date | str | None = None,
    date_to: date | str | None = None,
    limit: int = _LIMIT,
) -> list[SearchHit]:
    """Moments matching every word of `text` (all moments when it has none) and the filters.
    `party` is a party's name or role (professional, client, other), case-insensitive; dates
    are inclusive and compare with the day the review was created. Best matches first, at most
    `limit` of them: `count_moments` says how many there are in all."""
    sql, params, query = _matching(lib, text, theme, party, date_from, date_to)
    order = "moment_text_fts.rank, " if query else ""
    sql += f" ORDER BY {order}r.created_at DESC, m.start_ms LIMIT ?"
    return [_hit(row) for row in lib.query(sql, (*params, max(1, limit)))]


def count_moments(
    lib: Library,
    text: str = "",
    *,
    theme: str | None = None,
    party: str | None = None,
    date_from: date | str | None = None,
    date_to: date | str | None = None,
) -> int:
    """How many moments `search_moments` would find without a limit."""
    sql, params, _query = _matching(lib, text, theme, party, date_from, date_to)
    rows = lib.query(f"SELECT count(*) AS n FROM ({sql})", tuple(params))
    return int(str(rows[0]["n"]))


def _matching(lib: Library, text: str, theme: str | None, party: str | None,
              date_from: date | str | None, date_to: date | str | None,
              ) -> tuple[str, list[object], str]:
    """The SELECT of every moment that matches, its parameters and the FTS query."""
    query = stemmed_fts_query(text)  # Dutch as Dutch: "afspraak" finds "afspraken" (issue 22)
    params: list[object] = []
    if query:
        sql = _SELECT.format(snippet=_SNIPPET,
                             join="JOIN moment_text_fts ON moment_text_fts.rowid = m.id")
        sql += " AND moment_text_fts MATCH ?"
        params.append(query)
    else:
        sql = _SELECT.format(snippet=_PLAIN, join="")
    if theme:
        sql += " AND m.theme = ?"
        params.append(theme)
    if party:
        ids = _party_ids(lib, party)
        sql += f" AND p.id IN ({', '.join('?' * len(ids))})"
        params += ids
    if date_from is not None:
        sql += " AND substr(r.created_at, 1, 10) >= ?"
        params.append(parse_date(date_from).isoformat())
    if date_to is not None:
        sql += " AND substr(r.created_at, 1, 10) <= ?"
        params.append(parse_date(date_to).isoformat())
    return sql, params, query


def _party_ids(lib: Library, party: str) -> list[int]:
    """Parties whose name or role is `party`, compared as Python casefolds (SQLite's lower()
    leaves "Ë" as it is)."""
    wanted = party.strip().casefold()
    return [int(str(r["id"])) for r in lib.query("SELECT id, name, role FROM parties")
            if wanted in (str(r["name"]).strip().casefold(), str(r["role"]))]


def _hit(r: dict[str, object]) -> SearchHit:
    end = r["end_ms"]
    return SearchHit(
        marker_id=int(str(r["marker_id"])), review_id=int(str(r["review_id"])),
        review_title=str(r["review_title"]), review_date=str(r["review_date"]),
        recording_id=int(str(r["recording_id"])), start_ms=int(str(r["start_ms"])),
        end_ms=None if end is None else int(str(end)), party_id=int(str(r["party_id"])),
        party_name=str(r["party_name"]), party_role=str(r["party_role"]),
        theme=str(r["theme"]), subtopic=str(r["subtopic"]),
        snippet=str(r["snippet"] or ""), share_reflections=bool(r["share_reflections"]),
    )


def is_findable(lib: Library, marker_id: int) -> bool:
    """Whether a marker may be shown by search (exists and is not hidden)."""
    sql = _SELECT.format(snippet="''", join="") + " AND m.id = ?"
    return bool(lib.query(sql, (marker_id,)))


def rebuild_index(lib: Library) -> None:
    """Rebuild the index from the tables (a repair; the triggers keep it right otherwise)."""
    from vsr.library.schema import fill_moment_text  # what the migration runs

    with lib.write():
        fill_moment_text(lib.conn)


def add_hit_to_collection(lib: Library, collection_id: int, marker_id: int, *,
                          initiator: object | None = None) -> CollectionClip:
    """Add a found moment to a collection as a clip. Refused (ConsentError, worded with the
    reason) when its recording has no valid consent for the collection's purpose; its
    gespreksblad goes along only when its review agreed to share reflections."""
    if not is_findable(lib, marker_id):
        raise VsrError("error.search.hidden")
    shares = bool(lib.query("SELECT r.share_reflections AS s FROM markers m JOIN reviews r"
                            " ON r.id = m.review_id WHERE m.id = ?", (marker_id,))[0]["s"])
    return add_clip_from_marker(lib, collection_id, marker_id, include_reflections=shares,
                                initiator=initiator)
