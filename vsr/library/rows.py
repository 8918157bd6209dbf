"""Turning library rows into domain objects, and the clock used for timestamps."""

from __future__ import annotations

from datetime import UTC, datetime

from vsr.model import Marker, MarkerShape, Party, PartyRole, Recording, Review

Row = dict[str, object]


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _int(value: object) -> int:
    return int(value) if value is not None else 0  # type: ignore[call-overload]


def _str(value: object) -> str:
    return "" if value is None else str(value)


def recording_from_row(row: Row) -> Recording:
    return Recording(
        id=_int(row["id"]),
        fingerprint=_str(row["fingerprint"]),
        path=_str(row["path"]),
        title=_str(row["title"]),
        duration_ms=_int(row["duration_ms"]),
        has_video=bool(row["has_video"]),
        has_audio=bool(row["has_audio"]),
        width=_int(row["width"]),
        height=_int(row["height"]),
        fps=float(row["fps"] or 0.0),  # type: ignore[arg-type]
        rotation=_int(row["rotation"]),
        size_bytes=_int(row["size_bytes"]),
        added_at=_str(row["added_at"]),
    )


def review_from_row(row: Row) -> Review:
    return Review(
        id=_int(row["id"]),
        recording_id=_int(row["recording_id"]),
        title=_str(row["title"]),
        created_at=_str(row["created_at"]),
        updated_at=_str(row["updated_at"]),
        pause_on_mark=bool(row["pause_on_mark"]),
    )


def party_from_row(row: Row) -> Party:
    return Party(
        id=_int(row["id"]),
        review_id=_int(row["review_id"]),
        role=PartyRole(_str(row["role"])),
        name=_str(row["name"]),
        color=_str(row["color"]),
        shape=MarkerShape(_str(row["shape"])),
        position=_int(row["position"]),
    )


def marker_from_row(row: Row) -> Marker:
    end = row["end_ms"]
    return Marker(
        id=_int(row["id"]),
        review_id=_int(row["review_id"]),
        party_id=_int(row["party_id"]),
        start_ms=_int(row["start_ms"]),
        end_ms=None if end is None else _int(end),
        theme=_str(row["theme"]),
        subtopic=_str(row["subtopic"]),
        created_at=_str(row["created_at"]),
    )
