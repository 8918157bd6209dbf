"""The words of a moment, for gespreksblad A ("Wat werd er gezegd?") with one action: for a
range the words spoken in it plus a few seconds either side, for a point moment the sentence
(segment) around it. In "Apart markeren" a hidden moment's words are not given."""

from __future__ import annotations

from vsr.errors import VsrError
from vsr.library.db import Library
from vsr.library.rows import as_int, opt_int
from vsr.transcript.store import Segment, load_transcript

MARGIN_MS = 3000


def words_between(segments: tuple[Segment, ...], start_ms: int, end_ms: int) -> str:
    """The words whose middle falls in [start_ms, end_ms], in order; segments without word
    times count by their own time."""
    picked: list[str] = []
    for seg in segments:
        if seg.words:
            picked += [w.text for w in seg.words
                       if start_ms <= (w.start_ms + w.end_ms) // 2 <= end_ms]
        elif seg.start_ms < end_ms and seg.end_ms > start_ms:
            picked.append(seg.text)
    return " ".join(picked).strip()


def sentence_at(segments: tuple[Segment, ...], at_ms: int) -> str:
    """The segment being spoken at `at_ms`, or else the one nearest to it."""
    if not segments:
        return ""
    inside = [s for s in segments if s.start_ms <= at_ms <= s.end_ms]
    if inside:
        return inside[0].text
    nearest = min(segments, key=lambda s: min(abs(s.start_ms - at_ms), abs(s.end_ms - at_ms)))
    return nearest.text


def moment_words(lib: Library, marker_id: int, *, margin_ms: int = MARGIN_MS) -> str:
    """The text to place in A for a marker; VsrError when the marker is hidden, unknown, or
    its recording has no transcript."""
    rows = lib.query(
        "SELECT m.start_ms, m.end_ms, r.recording_id,"
        " COALESCE(st.blind_marking, 0) AS blind, st.markers_revealed_at AS revealed"
        " FROM markers m JOIN reviews r ON r.id = m.review_id"
        " LEFT JOIN session_state st ON st.review_id = m.review_id WHERE m.id = ?",
        (marker_id,))
    if not rows:
        raise VsrError("error.not_found")
    row = rows[0]
    if as_int(row["blind"]) and row["revealed"] is None:
        raise VsrError("error.search.hidden")
    transcript = load_transcript(lib, as_int(row["recording_id"]))
    start, end = as_int(row["start_ms"]), opt_int(row["end_ms"])
    if end is None or end <= start:
        return sentence_at(transcript.segments, start)
    return words_between(transcript.segments, max(0, start - margin_ms), end + margin_ms)


def fill_what_happened(lib: Library, marker_id: int, *, initiator: object | None = None) -> str:
    """Place the moment's words in A ("Wat werd er gezegd?"), after what is already there
    (nothing typed is lost); returns the new text of A."""
    from vsr.library.sheets import SheetField, get_sheet, set_field

    words = moment_words(lib, marker_id)
    if not words:
        raise VsrError("error.transcript.no_words")
    text = with_moment_words(get_sheet(lib, marker_id).what_happened, words)
    set_field(lib, marker_id, SheetField.WHAT_HAPPENED, text, initiator=initiator)
    return text


def with_moment_words(current: str, words: str) -> str:
    """A's text with the moment's words added after what is there, quoted."""
    quoted = f"“{words}”"
    return f"{current.strip()}\n{quoted}" if current.strip() else quoted
