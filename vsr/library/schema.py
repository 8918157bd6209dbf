"""Versioned schema migrations. MIGRATIONS[n] brings a library from version n to n + 1.
Never edit a released migration: add a new one."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    """A migration that needs more than SQL statements: a Python step (given the connection,
    inside the migration's transaction) and/or foreign keys OFF while it runs, as SQLite's
    12-step table rebuild requires (`_migrate` turns them off before BEGIN, runs
    `foreign_key_check` before COMMIT and turns them on again after)."""

    statements: tuple[str, ...] = ()
    run: Callable[[sqlite3.Connection], None] | None = None
    foreign_keys_off: bool = False

_V1 = [
    """CREATE TABLE recordings (
        id INTEGER PRIMARY KEY,
        fingerprint TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        title TEXT NOT NULL,
        duration_ms INTEGER NOT NULL,
        has_video INTEGER NOT NULL,
        has_audio INTEGER NOT NULL,
        width INTEGER NOT NULL DEFAULT 0,
        height INTEGER NOT NULL DEFAULT 0,
        fps REAL NOT NULL DEFAULT 0,
        rotation INTEGER NOT NULL DEFAULT 0,
        size_bytes INTEGER NOT NULL DEFAULT 0,
        added_at TEXT NOT NULL
    )""",
    """CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        opened_at TEXT,
        pause_on_mark INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX idx_reviews_recording ON reviews(recording_id)",
    """CREATE TABLE parties (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        name TEXT NOT NULL,
        color TEXT NOT NULL,
        shape TEXT NOT NULL,
        position INTEGER NOT NULL
    )""",
    "CREATE INDEX idx_parties_review ON parties(review_id)",
    """CREATE TABLE markers (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER,
        theme TEXT NOT NULL DEFAULT '',
        subtopic TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        CHECK (end_ms IS NULL OR end_ms >= start_ms),
        CHECK (start_ms >= 0)
    )""",
    "CREATE INDEX idx_markers_review ON markers(review_id, start_ms)",
    """CREATE TABLE sheets (
        marker_id INTEGER PRIMARY KEY REFERENCES markers(id) ON DELETE CASCADE,
        what_happened TEXT NOT NULL DEFAULT '',
        keep_or_change TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE reflections (
        marker_id INTEGER NOT NULL REFERENCES markers(id) ON DELETE CASCADE,
        party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
        to_me TEXT NOT NULL DEFAULT '',
        to_other TEXT NOT NULL DEFAULT '',
        feelings TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (marker_id, party_id)
    )""",
    """CREATE TABLE custom_subtopics (
        id INTEGER PRIMARY KEY,
        theme TEXT NOT NULL,
        title TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (theme, title)
    )""",
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
]

# Version 2: the Samenleergesprek (issue 4). One row of state per review plus the parts that
# repeat: who confirmed the ground rules, the chosen moments, learnings, actions and the
# perception ratings. Every edit is its own committed row change, so a session resumes days later.
_V2 = [
    """CREATE TABLE session_state (
        review_id INTEGER PRIMARY KEY REFERENCES reviews(id) ON DELETE CASCADE,
        step TEXT NOT NULL DEFAULT 'rules',
        moment_index INTEGER NOT NULL DEFAULT 0,
        summary TEXT NOT NULL DEFAULT '',
        blind_marking INTEGER NOT NULL DEFAULT 0,
        markers_revealed_at TEXT,
        started_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE session_rules (
        review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
        confirmed_at TEXT NOT NULL,
        PRIMARY KEY (review_id, party_id)
    )""",
    """CREATE TABLE session_moments (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        marker_id INTEGER NOT NULL REFERENCES markers(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        lead_ms INTEGER NOT NULL DEFAULT 5000,
        lag_ms INTEGER NOT NULL DEFAULT 5000,
        UNIQUE (review_id, marker_id),
        CHECK (lead_ms >= 0 AND lag_ms >= 0)
    )""",
    "CREATE INDEX idx_session_moments_review ON session_moments(review_id, position)",
    """CREATE TABLE session_learnings (
        review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
        text TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (review_id, party_id)
    )""",
    """CREATE TABLE session_actions (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        what TEXT NOT NULL DEFAULT '',
        who_party_id INTEGER REFERENCES parties(id) ON DELETE SET NULL,
        due TEXT NOT NULL DEFAULT '',
        done INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX idx_session_actions_review ON session_actions(review_id, position)",
    """CREATE TABLE session_ratings (
        review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
        question TEXT NOT NULL,
        value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),
        rated_at TEXT NOT NULL,
        PRIMARY KEY (review_id, party_id, question)
    )""",
]

# Version 3: consent per purpose, retention, the append-only audit log, collections of clips
# and the files the app exported (issue 5). Dates are ISO "YYYY-MM-DD" strings; an end date is
# the last day something is valid or kept (inclusive).
_V3 = [
    """CREATE TABLE consents (
        recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        purpose TEXT NOT NULL CHECK (purpose IN ('intervisie', 'training')),
        given_by TEXT NOT NULL,
        given_on TEXT NOT NULL,
        until TEXT,
        recognisable INTEGER NOT NULL DEFAULT 0,
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (recording_id, purpose)
    )""",
    "ALTER TABLE recordings ADD COLUMN keep_until TEXT",
    """CREATE TABLE collections (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        purpose TEXT NOT NULL CHECK (purpose IN ('intervisie', 'training')),
        keep_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE collection_clips (
        id INTEGER PRIMARY KEY,
        collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        marker_id INTEGER REFERENCES markers(id) ON DELETE SET NULL,
        position INTEGER NOT NULL,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        questions TEXT NOT NULL DEFAULT '[]',
        include_reflections INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        CHECK (start_ms >= 0 AND end_ms > start_ms)
    )""",
    "CREATE INDEX idx_collection_clips ON collection_clips(collection_id, position)",
    "CREATE INDEX idx_collection_clips_recording ON collection_clips(recording_id)",
    # No foreign keys here on purpose: a row must outlive the recording or collection it came
    # from until its file is deleted, or the app would forget a file it still has to remove.
    """CREATE TABLE exported_files (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        kind TEXT NOT NULL,
        export_id TEXT NOT NULL,
        purpose TEXT NOT NULL,
        recording_id INTEGER,
        collection_id INTEGER,
        clip_id INTEGER,
        exported_at TEXT NOT NULL
    )""",
    "CREATE INDEX idx_exported_files_recording ON exported_files(recording_id, purpose)",
    "CREATE INDEX idx_exported_files_export ON exported_files(export_id)",
    """CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        details TEXT NOT NULL DEFAULT '{}'
    )""",
    # Append-only, enforced by the database itself, not only by the code that writes it.
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
]

# Version 4: whether a review's parties agreed that their gespreksbladen (A/B/C) may go into
# clip material (intervisie handouts, exercise pages). Off until they say so.
_V4 = [
    "ALTER TABLE reviews ADD COLUMN share_reflections INTEGER NOT NULL DEFAULT 0",
]

# Version 5: a chosen moment records every marker it covers (issue 9). A moment that several
# parties marked at about the same time is all of theirs, not only the first marker's party.
# `session_moments.marker_id` stays the moment's main marker (its gespreksblad is the one Stap 2
# fills in); this table lists it and the other markers of the same moment. Existing moments
# cover their own marker.
_V5 = [
    """CREATE TABLE session_moment_markers (
        moment_id INTEGER NOT NULL REFERENCES session_moments(id) ON DELETE CASCADE,
        marker_id INTEGER NOT NULL REFERENCES markers(id) ON DELETE CASCADE,
        PRIMARY KEY (moment_id, marker_id)
    )""",
    "CREATE INDEX idx_session_moment_markers_marker ON session_moment_markers(marker_id)",
    "INSERT INTO session_moment_markers (moment_id, marker_id)"
    " SELECT id, marker_id FROM session_moments",
]

# Version 6 (issue 11): blur boxes a trainer draws by hand on a clip, for a range of the
# recording, where the face detector misses a face; "ignore" boxes where it blurs something
# that is no face. Coordinates are shares (0..1) of the upright picture. "IF NOT EXISTS": a
# library taken back to an older version by hand (as tests do) still migrates.
_V6 = [
    """CREATE TABLE IF NOT EXISTS clip_face_boxes (
        id INTEGER PRIMARY KEY,
        clip_id INTEGER NOT NULL REFERENCES collection_clips(id) ON DELETE CASCADE,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        x1 REAL NOT NULL, y1 REAL NOT NULL, x2 REAL NOT NULL, y2 REAL NOT NULL,
        ignore INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        CHECK (end_ms >= start_ms),
        CHECK (0 <= x1 AND x1 < x2 AND x2 <= 1 AND 0 <= y1 AND y1 < y2 AND y2 <= 1)
    )""",
    "CREATE INDEX IF NOT EXISTS idx_clip_face_boxes_clip ON clip_face_boxes(clip_id)",
]

# Version 7 (issue 11): what each exported file was made under, so narrowing a consent (training
# no longer recognisable) finds the files that no longer fit: were faces blurred, were names
# replaced (NULL for files exported before: unknown, so treated as not). And the extra names
# (JSON list) a user gives a review or collection to be replaced in its exports.
_V7 = [
    "ALTER TABLE exported_files ADD COLUMN faces_blurred INTEGER",
    "ALTER TABLE exported_files ADD COLUMN names_replaced INTEGER",
    "ALTER TABLE reviews ADD COLUMN extra_names TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE collections ADD COLUMN extra_names TEXT NOT NULL DEFAULT '[]'",
]


def _v8(conn: sqlite3.Connection) -> None:
    # Imported here: these modules hold the Python half of the migration, and import nothing
    # of the library package, so schema stays importable on its own.
    from vsr.library.audit_chain import migrate_audit_log
    from vsr.library.stable_ids import make_ids_stable

    make_ids_stable(conn)
    migrate_audit_log(conn)


# Version 8 (issues 10 and 11): ids are never reused (AUTOINCREMENT on every table whose ids
# are referenced or shown, the sequences seeded above every id the library ever mentioned, so
# a purged recording's id never comes back), the audit log holds file names, never folders,
# and every audit row carries a hash chained to the previous one (tamper-evident).
_V8 = Migration(run=_v8, foreign_keys_off=True)



# Version 9 (issue 13): search across the library and review packages.
# - `moment_text`: one row per marker (marker_id = the marker's id): A and C of its
#   gespreksblad, B of every party, and the theme card and sub-topic keys. Triggers keep it in
#   step with every write to markers, sheets and reflections, so no code path can forget it;
#   a marker's refresh reads the marker row itself, so a marker that is gone (deleted, or
#   cascaded away with its review) gets no row back. (DELETE then INSERT, not INSERT OR
#   REPLACE: a REPLACE fires no delete trigger unless recursive triggers are on.)
# - Its full-text index is sqlite-utils' `enable_fts` (FTS5, `moment_text_fts`, with the
#   triggers sqlite-utils makes to follow `moment_text`), accent-insensitive ("clien" finds
#   "cliënt") through remove_diacritics 2.
# - `reviews.uuid`: a stable identity that travels in a review package, so unpacking the same
#   review twice is recognised. New reviews get one from a trigger, whichever code adds them.
SEARCH_COLUMNS = ("what_happened", "reflections", "keep_or_change", "theme")
_MOMENT_TEXT = """INSERT INTO moment_text (marker_id, what_happened, reflections,
        keep_or_change, theme)
    SELECT m.id,
        COALESCE((SELECT s.what_happened FROM sheets s WHERE s.marker_id = m.id), ''),
        COALESCE((SELECT group_concat(r.to_me || ' ' || r.to_other, ' ')
                  FROM reflections r WHERE r.marker_id = m.id), ''),
        COALESCE((SELECT s.keep_or_change FROM sheets s WHERE s.marker_id = m.id), ''),
        m.theme || ' ' || m.subtopic
    FROM markers m"""


def _refresh(marker: str) -> str:
    return (f"DELETE FROM moment_text WHERE marker_id = {marker}; "
            + _MOMENT_TEXT + f" WHERE m.id = {marker};")


def _search_trigger(name: str, event: str, table: str, marker: str) -> str:
    return (f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON {table} BEGIN "
            f"{_refresh(marker)} END")


def _search_triggers() -> list[str]:
    return [
        _search_trigger("moment_text_marker_ins", "INSERT", "markers", "new.id"),
        _search_trigger("moment_text_marker_upd", "UPDATE OF theme, subtopic", "markers",
                        "new.id"),
        "CREATE TRIGGER IF NOT EXISTS moment_text_marker_del AFTER DELETE ON markers BEGIN "
        "DELETE FROM moment_text WHERE marker_id = old.id; END",
        _search_trigger("moment_text_sheet_ins", "INSERT", "sheets", "new.marker_id"),
        _search_trigger("moment_text_sheet_upd", "UPDATE", "sheets", "new.marker_id"),
        _search_trigger("moment_text_sheet_del", "DELETE", "sheets", "old.marker_id"),
        _search_trigger("moment_text_refl_ins", "INSERT", "reflections", "new.marker_id"),
        _search_trigger("moment_text_refl_upd", "UPDATE", "reflections", "new.marker_id"),
        _search_trigger("moment_text_refl_del", "DELETE", "reflections", "old.marker_id"),
    ]


def fill_moment_text(conn: sqlite3.Connection) -> None:
    """(Re)build `moment_text` and its full-text index from the tables."""
    import sqlite_utils  # imported here: it is slow to import and only needed for this

    conn.execute("DELETE FROM moment_text")
    conn.execute(_MOMENT_TEXT)
    sqlite_utils.Database(conn).table("moment_text").rebuild_fts()


def _v9(conn: sqlite3.Connection) -> None:
    # Written to be safe to run on a library that already has some of it (IF NOT EXISTS, the
    # column added only when missing, the index rebuilt from the tables), so a renumbering of
    # migrations at merge time or a partly migrated copy cannot break it.
    import sqlite_utils

    conn.execute("""CREATE TABLE IF NOT EXISTS moment_text (
        marker_id INTEGER PRIMARY KEY REFERENCES markers(id) ON DELETE CASCADE,
        what_happened TEXT NOT NULL DEFAULT '',
        reflections TEXT NOT NULL DEFAULT '',
        keep_or_change TEXT NOT NULL DEFAULT '',
        theme TEXT NOT NULL DEFAULT ''
    )""")
    table = sqlite_utils.Database(conn).table("moment_text")
    if not table.detect_fts():
        table.enable_fts(list(SEARCH_COLUMNS), fts_version="FTS5", create_triggers=True,
                         tokenize="unicode61 remove_diacritics 2")
    for trigger in _search_triggers():
        conn.execute(trigger)
    fill_moment_text(conn)  # an existing library's moments become findable at once
    columns = {str(r[1]) for r in conn.execute("PRAGMA table_info(reviews)")}
    if "uuid" not in columns:
        conn.execute("ALTER TABLE reviews ADD COLUMN uuid TEXT")
    conn.execute("UPDATE reviews SET uuid = lower(hex(randomblob(16))) WHERE uuid IS NULL")
    conn.execute("CREATE UNIQUE INDEX IF NOT EXISTS idx_reviews_uuid ON reviews(uuid)")
    conn.execute("CREATE TRIGGER IF NOT EXISTS reviews_uuid AFTER INSERT ON reviews"
                 " WHEN new.uuid IS NULL BEGIN UPDATE reviews"
                 " SET uuid = lower(hex(randomblob(16))) WHERE id = new.id; END")


_V9 = Migration(run=_v9)

# Who paused the replay, where in the recording and when (the client's pause button), and the
# moment made of a pause. IF NOT EXISTS: safe if a merge renumbers the migrations.
_V10 = [
    """CREATE TABLE IF NOT EXISTS pauses (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
        position_ms INTEGER NOT NULL CHECK (position_ms >= 0),
        paused_at TEXT NOT NULL,
        marker_id INTEGER REFERENCES markers(id) ON DELETE SET NULL
    )""",
    "CREATE INDEX IF NOT EXISTS idx_pauses_review ON pauses(review_id, position_ms)",
    "CREATE INDEX IF NOT EXISTS idx_pauses_marker ON pauses(marker_id)",
]

# Version 11 (issue 22): a recording's transcript. Segments (with the party heard, 0 or 1, NULL
# when not known) and their words, in milliseconds; a full-text index over each segment's text
# and its Dutch stems (written by vsr.transcript.store in the same transaction; a trigger takes
# a segment's row out when the segment goes, also when it cascades away with its recording, so
# a purge or deletion leaves no spoken word behind). Self-contained: renumbering at merge time
# cannot break it (IF NOT EXISTS throughout).
_V11 = [
    """CREATE TABLE IF NOT EXISTS transcripts (
        recording_id INTEGER PRIMARY KEY REFERENCES recordings(id) ON DELETE CASCADE,
        model TEXT NOT NULL,
        language TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS transcript_segments (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        recording_id INTEGER NOT NULL REFERENCES transcripts(recording_id) ON DELETE CASCADE,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        text TEXT NOT NULL,
        speaker INTEGER,
        CHECK (end_ms >= start_ms),
        CHECK (speaker IS NULL OR speaker IN (0, 1))
    )""",
    "CREATE INDEX IF NOT EXISTS idx_transcript_segments_rec ON transcript_segments(recording_id,"
    " start_ms)",
    """CREATE TABLE IF NOT EXISTS transcript_words (
        segment_id INTEGER NOT NULL REFERENCES transcript_segments(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        word TEXT NOT NULL,
        PRIMARY KEY (segment_id, idx)
    )""",
    "CREATE VIRTUAL TABLE IF NOT EXISTS transcript_fts USING fts5(text, stems,"
    " tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS transcript_fts_del AFTER DELETE ON transcript_segments BEGIN"
    " DELETE FROM transcript_fts WHERE rowid = old.id; END",
]

# Version 12 (issue 22): which voice of a transcript is which party (the client, the
# professional), said by the users. By role, not by party id: a recording may be watched back in
# several reviews, and each names its parties. Goes with its transcript (a new run clusters the
# voices anew, so the old answer would be wrong) and with its recording.
_V12 = [
    """CREATE TABLE IF NOT EXISTS transcript_voices (
        recording_id INTEGER NOT NULL REFERENCES transcripts(recording_id) ON DELETE CASCADE,
        speaker INTEGER NOT NULL CHECK (speaker IN (0, 1)),
        role TEXT NOT NULL CHECK (role IN ('professional', 'client', 'other')),
        PRIMARY KEY (recording_id, speaker)
    )""",
]

MIGRATIONS: list[list[str] | Migration] = [_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, _V9, _V10,
                                          _V11, _V12]
