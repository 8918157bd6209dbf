"""Subtitles for exported clips, from the recording's transcript (issue 22), only when chosen:
a WebVTT file beside each clip ("clip-01.vtt"), with the times shifted to the clip (0:00 is its
first frame), who speaks by the parties' names (once the users said who is who), and every
text through the one name replacement of `vsr.anonymise` when names are replaced. Read on the
library thread (`clip_subtitles`), written by the export's worker, recorded in the ledger with
the clip's recording so a withdrawal or purge finds them."""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vsr.anonymise.names import NameReplacer
    from vsr.clip_packs.content import PackClip
    from vsr.library.db import Library
    from vsr.transcript.store import Segment, Transcript

# The transcript and WebVTT code load only when subtitles are made: every clip export names
# the subtitle files it could make (`subtitle_name`, `SUBTITLES`), few make them.

SUBTITLES = "clip_subtitles"  # the ledger's kind for these files


def subtitle_name(clip_file: str) -> str:
    """clip-01.mp4 -> clip-01.vtt (the player finds it by the same name)."""
    return str(PurePath(clip_file).with_suffix(".vtt"))


def _cue_text(seg: Segment, start_ms: int, end_ms: int) -> tuple[int, int, str] | None:
    """The part of a segment said within [start_ms, end_ms): by its words when they have
    times (a word counts when its middle is inside), else the whole sentence."""
    if seg.end_ms <= start_ms or seg.start_ms >= end_ms:
        return None
    if seg.words:
        inside = [w for w in seg.words if start_ms <= (w.start_ms + w.end_ms) // 2 < end_ms]
        if not inside:
            return None
        return (max(inside[0].start_ms, start_ms), min(inside[-1].end_ms, end_ms),
                " ".join(w.text for w in inside))
    return max(seg.start_ms, start_ms), min(seg.end_ms, end_ms), seg.text


def clip_vtt(transcript: Transcript, start_ms: int, end_ms: int, names: dict[int, str],
             rewrite: NameReplacer) -> str:
    """WebVTT of what was said in the clip, times relative to the clip's start."""
    from vsr.interop.subtitles import clock, vtt_escape

    lines = ["WEBVTT", ""]
    for seg in transcript.segments:
        cue = _cue_text(seg, start_ms, end_ms)
        if cue is None:
            continue
        a, b, text = cue
        who = names.get(seg.speaker, "") if seg.speaker is not None else ""
        said = f"{who}: {text}" if who else text
        lines += [f"{clock(a - start_ms, '.')} --> {clock(max(b, a + 1) - start_ms, '.')}",
                  vtt_escape(rewrite(said)), ""]
    return "\n".join(lines)


def clip_subtitles(lib: Library, clips: tuple[PackClip, ...],
                   names: NameReplacer) -> dict[int, str]:
    """Clip id -> its WebVTT text, for the clips whose recording has a transcript."""
    from vsr.transcript.parties import voice_labels
    from vsr.transcript.store import has_transcript, load_transcript

    out: dict[int, str] = {}
    cache: dict[int, tuple[Transcript, dict[int, str]] | None] = {}
    for clip in clips:
        rec = clip.recording_id
        if rec not in cache:
            cache[rec] = ((load_transcript(lib, rec), voice_labels(lib, rec))
                          if has_transcript(lib, rec) else None)
        found = cache[rec]
        if found is not None:
            out[clip.clip_id] = clip_vtt(found[0], clip.start_ms, clip.end_ms, found[1], names)
    return out
