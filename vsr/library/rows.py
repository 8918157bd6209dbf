"""Turning library rows into domain objects, and the clock used for timestamps."""

from __future__ import annotations

from datetime import UTC, datetime

from vsr.model import Marker, MarkerShape, Party, PartyRole, Recording, Review

Row = dict[str, object]


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def as_int(value: object) -> int:
    return int(value) if value is not None else 0  # type: ignore[call-overload]


def as_str(value: object) -> str:
    return "" if value is None else str(value)


def opt_int(value: object) -> int | None:
    """An integer column that may be NULL."""
    return None if value is None else as_int(value)


def recording_from_row(row: Row) -> Recording:
    return Recording(
        id=as_int(row["id"]),
        fingerprint=as_str(row["fingerprint"]),
        path=as_str(row["path"]),
        title=as_str(row["title"]),
        duration_ms=as_int(row["duration_ms"]),
        has_video=bool(row["has_video"]),
        has_audio=bool(row["has_audio"]),
        width=as_int(row["width"]),
        height=as_int(row["height"]),
        fps=float(row["fps"] or 0.0),  # type: ignore[arg-type]
        rotation=as_int(row["rotation"]),
        size_bytes=as_int(row["size_bytes"]),
        added_at=as_str(row["added_at"]),
    )


def review_from_row(row: Row) -> Review:
    return Review(
        id=as_int(row["id"]),
        recording_id=as_int(row["recording_id"]),
        title=as_str(row["title"]),
        created_at=as_str(row["created_at"]),
        updated_at=as_str(row["updated_at"]),
        pause_on_mark=bool(row["pause_on_mark"]),
        share_reflections=bool(row["share_reflections"]),
    )


def party_from_row(row: Row) -> Party:
    return Party(
        id=as_int(row["id"]),
        review_id=as_int(row["review_id"]),
        role=PartyRole(as_str(row["role"])),
        name=as_str(row["name"]),
        color=as_str(row["color"]),
        shape=MarkerShape(as_str(row["shape"])),
        position=as_int(row["position"]),
    )


def marker_from_row(row: Row) -> Marker:
    end = row["end_ms"]
    return Marker(
        id=as_int(row["id"]),
        review_id=as_int(row["review_id"]),
        party_id=as_int(row["party_id"]),
        start_ms=as_int(row["start_ms"]),
        end_ms=None if end is None else as_int(end),
        theme=as_str(row["theme"]),
        subtopic=as_str(row["subtopic"]),
        created_at=as_str(row["created_at"]),
    )
