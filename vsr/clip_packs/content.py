"""What goes into a pack, gathered from the library once (on the caller's thread) as plain
data: clip numbers and file names, titles and texts with names replaced when asked, the
questions or task, and optionally the parties' own A/B/C. The writers only lay this out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from vsr.anonymise.names import NameReplacer
from vsr.dates import clock, long_date, seconds
from vsr.i18n import current_language, translate, using_language
from vsr.library.collections import (
    Collection,
    CollectionClip,
    clip_may_include_reflections,
)
from vsr.library.db import Library
from vsr.library.recordings import get_recording
from vsr.library.reviews import list_parties
from vsr.library.sheets import get_sheet
from vsr.model import PartyRole
from vsr.text import clean_strings

__all__ = ["PackClip", "PackDoc", "PackReflection", "build_pack_doc", "clock", "seconds_text"]

CLIP_FILE = "clip-{n:02d}.mp4"  # neutral names: no titles (or client names) in file names


@dataclass(frozen=True, slots=True)
class PackReflection:
    """Part B of one party, labelled by role, never by name."""

    role: str
    to_me: str
    to_other: str


@dataclass(frozen=True, slots=True)
class PackClip:
    number: int
    clip_id: int
    recording_id: int
    source_path: Path
    start_ms: int
    end_ms: int
    file_name: str
    title: str
    source_title: str
    questions: tuple[str, ...]
    what_happened: str = ""  # A
    keep_or_change: str = ""  # C
    reflections: tuple[PackReflection, ...] = ()

    @property
    def has_sheet(self) -> bool:
        return bool(self.what_happened or self.keep_or_change or self.reflections)


@dataclass(frozen=True, slots=True)
class PackDoc:
    collection_id: int
    name: str
    purpose: str
    lang: str
    day: date
    names_replaced: bool
    faces_anonymised: bool
    clips: tuple[PackClip, ...]

    def t(self, key: str, **params: object) -> str:
        with using_language(self.lang):  # rendered later, maybe elsewhere: in the pack's language
            return translate(f"pack.{key}", **params)

    def day_text(self) -> str:
        """The day the pack was made, in words in the pack's language ("3 maart 2026")."""
        with using_language(self.lang):
            return long_date(self.day)


def seconds_text(ms: int) -> str:
    return seconds(ms)


def _reflections(lib: Library, clip: CollectionClip, names: NameReplacer
                 ) -> tuple[str, str, tuple[PackReflection, ...]]:
    if clip.marker_id is None or not lib.query("SELECT 1 FROM markers WHERE id = ?",
                                               (clip.marker_id,)):
        return "", "", ()
    sheet = get_sheet(lib, clip.marker_id)
    review_id = int(lib.query("SELECT review_id FROM markers WHERE id = ?",  # type: ignore[call-overload]
                              (clip.marker_id,))[0]["review_id"])
    found = []
    counts: dict[PartyRole, int] = {}
    for party in list_parties(lib, review_id):
        b = sheet.reflection(party.id)
        if not (b.to_me.strip() or b.to_other.strip()):
            continue
        counts[party.role] = counts.get(party.role, 0) + 1
        role = translate(f"party.{party.role.value}")
        if party.role is PartyRole.OTHER:
            role = f"{role} {counts[party.role]}"
        found.append(PackReflection(role, names(b.to_me), names(b.to_other)))
    return names(sheet.what_happened), names(sheet.keep_or_change), tuple(found)


def build_pack_doc(
    lib: Library, collection: Collection, clips: list[CollectionClip],
    names: NameReplacer, faces_anonymised: bool, day: date,
) -> PackDoc:
    """The pack's content. `names` replaces names (an empty one keeps them as they are);
    the parties' reflections are always labelled by role. When names are replaced, a
    recording is called "Opname 1", "Opname 2" (never its title: often the file name)."""
    items = []
    sources: dict[int, int] = {}
    for number, clip in enumerate(clips, start=1):
        rec = get_recording(lib, clip.recording_id)
        sources.setdefault(rec.id, len(sources) + 1)
        source_title = (translate("names.recording_label", n=sources[rec.id])
                        if names.active else rec.title)
        shared = clip.include_reflections and clip_may_include_reflections(lib, clip)
        a, c, b = _reflections(lib, clip, names) if shared else ("", "", ())
        title = clip.title or translate("pack.untitled", n=number)
        items.append(PackClip(
            number=number, clip_id=clip.id, recording_id=clip.recording_id,
            source_path=Path(rec.path), start_ms=clip.start_ms, end_ms=clip.end_ms,
            file_name=names.file_name(CLIP_FILE.format(n=number)), title=names(title),
            source_title=source_title, questions=tuple(names(q) for q in clip.questions),
            what_happened=a, keep_or_change=c, reflections=b))
    return clean_strings(PackDoc(collection.id, names(collection.name), collection.purpose.value,
                               current_language(), day, names.active, faces_anonymised, tuple(items)))
