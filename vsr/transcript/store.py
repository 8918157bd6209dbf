"""A recording's transcript in the library (schema version 10): segments with their words and
the party heard. Written whole in one transaction (a new run replaces the old one), so a
library never holds half a transcript. Deleted with its recording (foreign keys cascade)."""

from __future__ import annotations

from dataclasses import dataclass, field

from vsr.errors import NotFoundError, VsrError
from vsr.library.changes import Action, Change, Entity
from vsr.library.db import Library
from vsr.library.dutch_words import stems
from vsr.library.rows import as_int, now_iso, opt_int


@dataclass(frozen=True, slots=True)
class Word:
    start_ms: int
    end_ms: int
    text: str


@dataclass(frozen=True, slots=True)
class Segment:
    start_ms: int
    end_ms: int
    text: str
    words: tuple[Word, ...] = ()
    speaker: int | None = None  # 0 or 1: the first or second voice; None: not known
    id: int | None = None  # set once stored


@dataclass(frozen=True, slots=True)
class Transcript:
    recording_id: int
    model: str
    language: str
    created_at: str
    segments: tuple[Segment, ...] = field(default=())


def save_transcript(lib: Library, recording_id: int, segments: list[Segment], *, model: str,
                    language: str = "nl", initiator: object | None = None) -> None:
    """Store (or replace) the transcript of a recording, with its search index, at once."""
    if not lib.query("SELECT 1 FROM recordings WHERE id = ?", (recording_id,)):
        raise NotFoundError("error.not_found")
    with lib.write(Change(Entity.TRANSCRIPT, Action.UPDATED, (recording_id,), initiator=initiator)):
        conn = lib.conn
        conn.execute("DELETE FROM transcripts WHERE recording_id = ?", (recording_id,))
        conn.execute("INSERT INTO transcripts (recording_id, model, language, created_at)"
                     " VALUES (?, ?, ?, ?)", (recording_id, model, language, now_iso()))
        for seg in sorted(segments, key=lambda s: (s.start_ms, s.end_ms)):
            cur = conn.execute(
                "INSERT INTO transcript_segments (recording_id, start_ms, end_ms, text, speaker)"
                " VALUES (?, ?, ?, ?, ?)",
                (recording_id, seg.start_ms, max(seg.start_ms, seg.end_ms), seg.text.strip(),
                 seg.speaker))
            seg_id = cur.lastrowid
            conn.executemany(
                "INSERT INTO transcript_words (segment_id, idx, start_ms, end_ms, word)"
                " VALUES (?, ?, ?, ?, ?)",
                [(seg_id, i, w.start_ms, max(w.start_ms, w.end_ms), w.text.strip())
                 for i, w in enumerate(seg.words)])
            conn.execute("INSERT INTO transcript_fts (rowid, text, stems) VALUES (?, ?, ?)",
                         (seg_id, seg.text.strip(), stems(seg.text)))


def has_transcript(lib: Library, recording_id: int) -> bool:
    return bool(lib.query("SELECT 1 FROM transcripts WHERE recording_id = ?", (recording_id,)))


def load_transcript(lib: Library, recording_id: int) -> Transcript:
    """The stored transcript; NotFoundError (worded) when the recording has none."""
    head = lib.query("SELECT * FROM transcripts WHERE recording_id = ?", (recording_id,))
    if not head:
        raise VsrError("error.transcript.none", recording=recording_id)
    words: dict[int, list[Word]] = {}
    for r in lib.query("SELECT w.* FROM transcript_words w JOIN transcript_segments s"
                       " ON s.id = w.segment_id WHERE s.recording_id = ?"
                       " ORDER BY w.segment_id, w.idx", (recording_id,)):
        words.setdefault(as_int(r["segment_id"]), []).append(
            Word(as_int(r["start_ms"]), as_int(r["end_ms"]), str(r["word"])))
    segments = tuple(
        Segment(as_int(r["start_ms"]), as_int(r["end_ms"]), str(r["text"]),
                tuple(words.get(as_int(r["id"]), ())), opt_int(r["speaker"]), as_int(r["id"]))
        for r in lib.query("SELECT * FROM transcript_segments WHERE recording_id = ?"
                           " ORDER BY start_ms, id", (recording_id,)))
    h = head[0]
    return Transcript(recording_id, str(h["model"]), str(h["language"]), str(h["created_at"]),
                      segments)


def set_segment_speaker(lib: Library, segment_id: int, speaker: int | None, *,
                        initiator: object | None = None) -> None:
    """Correct who spoke a segment (0, 1, or None for not known)."""
    if speaker not in (0, 1, None):
        raise VsrError("error.transcript.bad_speaker")
    rows = lib.query("SELECT recording_id FROM transcript_segments WHERE id = ?", (segment_id,))
    if not rows:
        raise NotFoundError("error.not_found")
    rec = as_int(rows[0]["recording_id"])
    with lib.write(Change(Entity.TRANSCRIPT, Action.UPDATED, (rec,), initiator=initiator)):
        lib.conn.execute("UPDATE transcript_segments SET speaker = ? WHERE id = ?",
                         (speaker, segment_id))


def swap_speakers(lib: Library, recording_id: int, *, initiator: object | None = None) -> None:
    """Who is who the other way round, for every segment of the recording."""
    with lib.write(Change(Entity.TRANSCRIPT, Action.UPDATED, (recording_id,), initiator=initiator)):
        lib.conn.execute("UPDATE transcript_segments SET speaker = 1 - speaker"
                         " WHERE recording_id = ? AND speaker IS NOT NULL", (recording_id,))


def delete_transcript(lib: Library, recording_id: int, *, initiator: object | None = None) -> None:
    with lib.write(Change(Entity.TRANSCRIPT, Action.REMOVED, (recording_id,), initiator=initiator)):
        lib.conn.execute("DELETE FROM transcripts WHERE recording_id = ?", (recording_id,))
