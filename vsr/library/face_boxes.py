"""Blur boxes a trainer draws by hand on a clip, where the face detector is wrong: a "blur"
box covers a face it missed, an "ignore" box stops it blurring something that is no face.
Each box holds for a range of the recording (ms) and is stored with the clip, so every later
export of that clip applies it."""

from __future__ import annotations

from dataclasses import dataclass

from vsr.errors import NotFoundError, VsrError
from vsr.library.changes import Action, Change, Entity
from vsr.library.collections import get_clip
from vsr.library.db import Library
from vsr.library.rows import now_iso


@dataclass(frozen=True, slots=True)
class FaceBox:
    """A hand-drawn box on clip `clip_id`: shares (0..1) of the upright picture, from start_ms
    to end_ms of the recording (inclusive). ignore: "not a face, don't blur here"."""

    id: int
    clip_id: int
    start_ms: int
    end_ms: int
    x1: float
    y1: float
    x2: float
    y2: float
    ignore: bool


def list_face_boxes(lib: Library, clip_id: int) -> list[FaceBox]:
    rows = lib.query("SELECT * FROM clip_face_boxes WHERE clip_id = ? ORDER BY start_ms, id",
                     (clip_id,))
    return [_box(r) for r in rows]


def add_face_box(lib: Library, clip_id: int, start_ms: int, end_ms: int,
                 corners: tuple[float, float, float, float], *, ignore: bool = False,
                 initiator: object | None = None) -> FaceBox:
    """Store a box for [start_ms, end_ms] (kept inside the clip); corners are x1, y1, x2, y2
    as shares of the picture, in any order."""
    clip = get_clip(lib, clip_id)
    start, end = max(clip.start_ms, min(start_ms, end_ms)), min(clip.end_ms, max(start_ms, end_ms))
    xa, ya, xb, yb = (min(1.0, max(0.0, float(v))) for v in corners)
    x1, x2, y1, y2 = min(xa, xb), max(xa, xb), min(ya, yb), max(ya, yb)
    if x2 - x1 < 0.005 or y2 - y1 < 0.005 or end < start:
        raise VsrError("error.facebox.too_small")
    with lib.write(Change(Entity.FACE_BOX, Action.ADDED, (clip_id,), initiator=initiator)):
        cursor = lib.conn.execute(
            "INSERT INTO clip_face_boxes (clip_id, start_ms, end_ms, x1, y1, x2, y2, ignore,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (clip_id, start, end, x1, y1, x2, y2, int(ignore), now_iso()))
        box_id = int(cursor.lastrowid or 0)
    return get_face_box(lib, box_id)


def get_face_box(lib: Library, box_id: int) -> FaceBox:
    rows = lib.query("SELECT * FROM clip_face_boxes WHERE id = ?", (box_id,))
    if not rows:
        raise NotFoundError(what="what.clip", ident=box_id)
    return _box(rows[0])


def remove_face_box(lib: Library, box_id: int, *, initiator: object | None = None) -> FaceBox:
    box = get_face_box(lib, box_id)
    with lib.write(Change(Entity.FACE_BOX, Action.REMOVED, (box.clip_id,), initiator=initiator)):
        lib.conn.execute("DELETE FROM clip_face_boxes WHERE id = ?", (box_id,))
    return box


def _box(r: dict[str, object]) -> FaceBox:
    def num(key: str) -> float:
        value = r[key]
        assert isinstance(value, (int, float))
        return float(value)

    return FaceBox(int(num("id")), int(num("clip_id")), int(num("start_ms")), int(num("end_ms")),
                   num("x1"), num("y1"), num("x2"), num("y2"), bool(r["ignore"]))
