"""Search in what was said: the hit is a time in a recording. Words are matched as written
(prefix, accent-insensitive) or by their Dutch stem, so "afspraak" finds "afspraken" and
"hulpverlening" finds "hulpverleningstraject"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from vsr.library.db import Library
from vsr.library.dutch_words import fts_words, stem
from vsr.library.rows import as_int
from vsr.library.search import MATCH_END, MATCH_START

_WORD = re.compile(r"\w+", re.UNICODE)
_LIMIT = 200


@dataclass(frozen=True, slots=True)
class SpokenHit:
    recording_id: int
    recording_title: str
    segment_id: int
    start_ms: int
    end_ms: int
    speaker: int | None
    snippet: str  # matches between MATCH_START and MATCH_END


def spoken_query(text: str) -> str:
    """Every word required, as written or as its stem (only letters and digits get through)."""
    groups = []
    for word in _WORD.findall(text):
        written = " OR ".join(f'"{w}"*' for w in fts_words(word))  # so the snippet marks it
        groups.append(f'(text : ({written}) OR stems : "{stem(word)}"*)')
    return " AND ".join(groups)


def search_spoken(lib: Library, text: str, *, recording_id: int | None = None,
                  limit: int = _LIMIT) -> list[SpokenHit]:
    """Segments whose words match every word of `text`, best first."""
    query = spoken_query(text)
    if not query:
        return []
    sql = ("SELECT s.id, s.recording_id, r.title, s.start_ms, s.end_ms, s.speaker,"
           f" snippet(transcript_fts, 0, '{MATCH_START}', '{MATCH_END}', '…', 12) AS snippet"
           " FROM transcript_fts JOIN transcript_segments s ON s.id = transcript_fts.rowid"
           " JOIN recordings r ON r.id = s.recording_id WHERE transcript_fts MATCH ?")
    params: list[object] = [query]
    if recording_id is not None:
        sql += " AND s.recording_id = ?"
        params.append(recording_id)
    sql += " ORDER BY transcript_fts.rank, s.recording_id, s.start_ms LIMIT ?"
    params.append(max(1, limit))
    return [SpokenHit(as_int(r["recording_id"]), str(r["title"]), as_int(r["id"]),
                      as_int(r["start_ms"]), as_int(r["end_ms"]),
                      None if r["speaker"] is None else as_int(r["speaker"]),
                      str(r["snippet"] or ""))
            for r in lib.query(sql, tuple(params))]
