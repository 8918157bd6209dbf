"""`vsr export transcript`: a recording's transcript as WebVTT, SRT or plain text. Only when
asked for (a transcript is personal data), through the export ledger (recorded before the file
exists, so a purge of the recording finds and deletes it) and the one name replacement of
vsr.anonymise when names are to be replaced."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from pathlib import Path

from vsr.anonymise.known import known_names
from vsr.errors import VsrError
from vsr.export import place_or_forget
from vsr.export.atomic import StagedFile, drop_staged, stage_file, write_staged
from vsr.interop.subtitles import clock, srt_text, vtt_escape
from vsr.library.audit import AuditAction, audit, subject_of
from vsr.library.consent import Purpose
from vsr.library.db import Library, library_staging
from vsr.library.exported import NewExportedFile, forget_export, record_exported
from vsr.transcript.parties import voice_labels
from vsr.transcript.store import Transcript, load_transcript
from vsr.transcript.talk import speaker_label

TRANSCRIPT = "transcript"  # the ledger's kind for these files
FORMATS = ("vtt", "srt", "txt")
Rewrite = Callable[[str], str]


def _cue(text: str, speaker: int | None, names: dict[int, str] | None = None) -> str:
    label = (names or {}).get(speaker, "") if speaker is not None else ""
    label = label or speaker_label(speaker)
    return f"{label}: {text}" if label else text


def transcript_vtt(t: Transcript, rewrite: Rewrite, names: dict[int, str] | None = None) -> str:
    lines = ["WEBVTT", ""]
    for s in t.segments:
        lines += [f"{clock(s.start_ms, '.')} --> {clock(s.end_ms, '.')}",
                  vtt_escape(rewrite(_cue(s.text, s.speaker, names))), ""]
    return "\n".join(lines)


def transcript_srt(t: Transcript, rewrite: Rewrite, names: dict[int, str] | None = None) -> str:
    lines: list[str] = []
    for n, s in enumerate(t.segments, start=1):
        lines += [str(n), f"{clock(s.start_ms, ',')} --> {clock(s.end_ms, ',')}",
                  srt_text(rewrite(_cue(s.text, s.speaker, names))), ""]
    return "\r\n".join(lines)


def transcript_txt(t: Transcript, rewrite: Rewrite, names: dict[int, str] | None = None) -> str:
    return "\n".join(f"[{clock(s.start_ms, '.')[:8]}] {rewrite(_cue(s.text, s.speaker, names))}"
                      for s in t.segments) + "\n"


def _as_written(text: str) -> str:
    return text


_RENDER = {"vtt": transcript_vtt, "srt": transcript_srt, "txt": transcript_txt}


def export_transcript(lib: Library, recording_id: int, fmt: str, out: Path | str, *,
                      replace_names: bool = False, extra_names: Iterable[str] = ()) -> Path:
    """Write the transcript to `out` (atomically), recorded in the ledger and audited, and
    return its path. With `replace_names` the names are replaced in the file's name as well."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise VsrError("error.export.format", fmt=fmt)
    transcript = load_transcript(lib, recording_id)
    target = Path(out).expanduser().absolute()
    rewrite: Rewrite = _as_written
    if replace_names:  # the names go from the file's own name too, as in every export
        names = known_names(lib, [recording_id], extra_names)
        rewrite, target = names, target.with_name(names.file_name(target.name))
    body = _RENDER[fmt](transcript, rewrite, voice_labels(lib, recording_id))
    data = body.encode("utf-8-sig" if fmt == "srt" else "utf-8")
    export_id = uuid.uuid4().hex
    record_exported(lib, export_id, Purpose.OWN_REVIEW.value, None,
                    [NewExportedFile(target, TRANSCRIPT, recording_id=recording_id,
                                     names_replaced=replace_names)], replace=False)
    staged: StagedFile | None = None
    try:
        staged = stage_file(target, library_staging(lib))

        def write(tmp: Path) -> None:
            tmp.write_bytes(data)

        write_staged(staged, write)
    except BaseException:
        if staged is not None:
            drop_staged(staged)
        forget_export(lib, export_id)
        raise

    def record() -> None:  # audited before the file is moved into place
        with lib.write():
            audit(lib, AuditAction.EXPORT, subject_of("recording", recording_id),
                  export_id=export_id, format=fmt, file=target.name, kind=TRANSCRIPT,
                  names_replaced=replace_names)

    return place_or_forget(lib, staged, export_id, record)
