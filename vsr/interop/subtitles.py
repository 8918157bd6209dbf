"""Moments as subtitle cues (WebVTT and SRT), so any player shows them beside the recording:
"party · theme card: first words of A", and a line with the feelings chosen as pictograms. A
point moment gets a short cue (POINT_CUE_MS)."""

from __future__ import annotations

from pathlib import Path

from vsr.i18n import translate
from vsr.interop.moments import ExportMoment, ExportReview, feeling_words
from vsr.library.sheets import first_words
from vsr.model import Party

CUE_WORDS = 80  # characters of A in a cue: two short lines on a screen


def cue_text(m: ExportMoment, parties: tuple[Party, ...] = ()) -> str:
    """The cue's first line; a second with the feelings each party chose (pictograms, in words)."""
    head = " · ".join(t for t in (m.party.name, m.theme_title) if t)
    words = first_words(m.sheet.what_happened, CUE_WORDS)
    text = f"{head}: {words}" if words else head
    felt = "; ".join(f"{p.name}: {feeling_words(m, p.id)}" for p in parties
                     if m.sheet.reflection(p.id).feelings)
    return f"{text}\n{translate('export.feelings')}: {felt}" if felt else text


def clock(ms: int, sep: str) -> str:
    ms = max(0, int(ms))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{milli:03d}"


def vtt_escape(text: str) -> str:
    """WebVTT cue text: & and < are markup; "-->" would end the cue's timing line."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "\n".join(line for line in text.splitlines() if line.strip()) or " "


def srt_text(text: str) -> str:
    """SRT cue text: no empty lines (they end a cue) and no "-->"."""
    text = text.replace("-->", "->")
    return "\n".join(line for line in text.splitlines() if line.strip()) or " "


def write_vtt(data: ExportReview, out: Path) -> None:
    lines = ["WEBVTT", ""]
    for n, m in enumerate(data.moments, start=1):
        lines += [f"moment-{n}", f"{clock(m.marker.start_ms, '.')} --> {clock(m.end_ms, '.')}",
                  vtt_escape(cue_text(m, data.parties)), ""]
    out.write_text("\n".join(lines), encoding="utf-8")


def write_srt(data: ExportReview, out: Path) -> None:
    lines: list[str] = []
    for n, m in enumerate(data.moments, start=1):
        lines += [str(n), f"{clock(m.marker.start_ms, ',')} --> {clock(m.end_ms, ',')}",
                  srt_text(cue_text(m, data.parties)), ""]
    # CRLF as most SRT tools write it; UTF-8 with BOM so Windows players pick the right encoding
    out.write_bytes(("\r\n".join(lines)).encode("utf-8-sig"))
