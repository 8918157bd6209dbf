"""Words shown about a marker: the tooltip (who, when, which theme)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from vsr.dates import HOUR_MS, seconds, span
from vsr.model import Marker, Party


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimelineView", text)


def marker_time_text(marker: Marker, with_hours: bool) -> str:
    """'1:23' for a point, '1:23 – 1:40 (17 s)' for a range: the moments list's text."""
    when = span(marker.start_ms, marker.end_ms, HOUR_MS if with_hours else 0)
    if marker.end_ms is None:
        return when
    return f"{when} ({seconds(max(0, marker.end_ms - marker.start_ms))} s)"


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
