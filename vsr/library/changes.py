"""The change events views subscribe to: what entity, what happened, which ids.

Entity and action are enums, never free strings: a view that compared `entity == "sheet "`
(a typo) would silently never refresh. `Change` refuses a plain string, and
`tests/vsr/test_typed_changes.py` keeps string comparisons out of `vsr/` and `ui/`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class Entity(StrEnum):
    """What a change is about (one per table group a view can show)."""

    RECORDING = "recording"
    REVIEW = "review"
    PARTY = "party"
    MARKER = "marker"
    SHEET = "sheet"
    THEME = "theme"
    SESSION = "session"
    PAUSE = "pause"
    TRANSCRIPT = "transcript"
    COLLECTION = "collection"
    CLIP = "clip"
    CONSENT = "consent"
    FACE_BOX = "face_box"
    EXPORTED_FILE = "exported_file"
    AUDIT = "audit"
    SETTING = "setting"


class Action(StrEnum):
    """What happened to it."""

    ADDED = "added"
    UPDATED = "updated"
    REMOVED = "removed"
    OPENED = "opened"


@dataclass(frozen=True, slots=True)
class Change:
    """What an operation changed, so views refresh only that, and can skip their own edits."""

    entity: Entity
    action: Action
    ids: tuple[int, ...] = ()
    review_id: int | None = None
    initiator: object | None = None

    def __post_init__(self) -> None:
        # A plain string (even one spelled right) is refused: emitters use the enums.
        if type(self.entity) is not Entity:
            raise TypeError(f"Change.entity must be an Entity, not {self.entity!r}")
        if type(self.action) is not Action:
            raise TypeError(f"Change.action must be an Action, not {self.action!r}")


Listener = Callable[[Change], None]
