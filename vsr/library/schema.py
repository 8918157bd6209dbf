"""Versioned schema migrations. MIGRATIONS[n] brings a library from version n to n + 1.
Never edit a released migration: add a new one."""

from __future__ import annotations

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

MIGRATIONS: list[list[str]] = [_V1]
