"""User-added sub-topics on the theme cards (the "....." lines of the paper cards)."""

from __future__ import annotations

from vsr.library.changes import Action, Change, Entity
from vsr.library.db import Library
from vsr.library.rows import now_iso
from vsr.text import clean_text


def custom_subtopics(lib: Library) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for row in lib.query("SELECT theme, title FROM custom_subtopics ORDER BY id"):
        result.setdefault(str(row["theme"]), []).append(str(row["title"]))
    return result


def add_custom_subtopic(lib: Library, theme: str, title: str) -> str:
    """Add a sub-topic to a card (once); returns the cleaned title, which is also its key."""
    clean = " ".join(clean_text(title).split())
    if not clean:
        raise ValueError("empty sub-topic")
    with lib.write(Change(Entity.THEME, Action.UPDATED)):
        lib.conn.execute(
            "INSERT OR IGNORE INTO custom_subtopics (theme, title, created_at) VALUES (?, ?, ?)",
            (theme, clean, now_iso()),
        )
    return clean
