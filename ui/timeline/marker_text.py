"""Words shown about a marker: the tooltip (who, when, which theme)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from vsr.model import Marker, Party

from .geometry import format_ms


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimelineView", text)


def marker_time_text(marker: Marker, with_hours: bool) -> str:
    """'01:23' for a point, '01:23 – 01:40 (17 s)' for a range."""
    start = format_ms(marker.start_ms, with_hours)
    if marker.end_ms is None:
        return start
    seconds = max(0, marker.end_ms - marker.start_ms) / 1000
    length = f"{seconds:.1f}".rstrip("0").rstrip(".")
    return f"{start} – {format_ms(marker.end_ms, with_hours)} ({length} s)"


def marker_tooltip(
    marker: Marker,
    party: Party | None,
    with_hours: bool,
    theme_titles: Mapping[str, str],
    label: str | None = None,
) -> str:
    """Three short lines: who marked it, when, and the theme (or that there is none yet)."""
    who = party.name if party is not None else _tr("Unknown")
    theme = theme_titles.get(marker.theme, marker.theme) if marker.theme else _tr("No theme yet")
    if marker.subtopic:
        theme = f"{theme} · {theme_titles.get(marker.subtopic, marker.subtopic)}"
    lines = [who, marker_time_text(marker, with_hours), theme]
    if label:
        lines.append(label)
    return "\n".join(lines)
