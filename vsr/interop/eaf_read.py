"""Reading an ELAN annotation file (EAF 2.x and 3.0) into typed records, safely (see safe_read).
Times of unaligned time slots are interpolated between their aligned neighbours in the time
order, as ELAN shows them; a symbolic (REF_) annotation takes the times of its parent."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element

from vsr.errors import ImportFileError
from vsr.interop.safe_read import MAX_IMPORT_BYTES, parse_xml, read_limited
from vsr.model import MAX_RECORDING_MS


@dataclass(frozen=True, slots=True)
class EafAnnotation:
    id: str
    start_ms: int
    end_ms: int
    value: str
    parent_id: str | None = None  # the annotation a REF_ANNOTATION refers to
    cve_ref: str = ""


@dataclass(frozen=True, slots=True)
class EafTier:
    id: str
    linguistic_type: str
    parent: str | None
    participant: str
    annotations: tuple[EafAnnotation, ...]


@dataclass(frozen=True, slots=True)
class EafDocument:
    version: str
    tiers: tuple[EafTier, ...]
    properties: dict[str, str] = field(default_factory=dict)
    media_urls: tuple[str, ...] = ()

    def tier(self, tier_id: str) -> EafTier | None:
        return next((t for t in self.tiers if t.id == tier_id), None)

    def root_of(self, tier_id: str) -> str:
        """The independent tier that `tier_id` hangs under (itself when it has no parent)."""
        seen: set[str] = set()
        tier = self.tier(tier_id)
        while tier is not None and tier.parent and tier.id not in seen:
            seen.add(tier.id)
            tier = self.tier(tier.parent) or tier
        return tier.id if tier is not None else tier_id


# No recording is longer (vsr.model). With 115 days here a file on a recording of unknown
# length brought moments that made the review's package one no vsr would receive.
MAX_MS = MAX_RECORDING_MS


class _Bad(Exception):
    """Internal: the file does not add up; becomes ImportFileError with the detail."""


def read_eaf(path: Path | str, limit: int = MAX_IMPORT_BYTES) -> EafDocument:
    data = read_limited(path, limit)
    root = parse_xml(data, path)
    try:
        return _document(root, path)
    except _Bad as exc:  # names the element or attribute: the same words in every language
        raise ImportFileError(path=str(path), reason="reason.not_eaf.at", detail=str(exc)) from exc
    except (ValueError, ArithmeticError, RecursionError) as exc:
        # Python's own text is English: not for a Dutch sentence
        raise ImportFileError(path=str(path), reason="reason.not_eaf") from exc


def _document(root: Element, path: Path | str) -> EafDocument:
    if root.tag != "ANNOTATION_DOCUMENT":
        raise _Bad(f"<{str(root.tag)[:40]}>")
    header = root.find("HEADER")
    if header is not None and header.get("TIME_UNITS", "milliseconds") != "milliseconds":
        raise ImportFileError(path=str(path), reason="reason.time_units")
    slots = _time_slots(root)
    cvs = _vocabularies(root)
    elements = list(root.iter("TIER"))
    raw = {t.get("TIER_ID", ""): t for t in elements}
    if "" in raw or len(raw) != len(elements):
        raise _Bad("TIER_ID")
    aligned: dict[str, tuple[int, int]] = {}
    refs: dict[str, str] = {}
    values: dict[str, tuple[str, str, str]] = {}  # id -> (tier, value, cve_ref)
    for tier_id, tier in raw.items():
        _collect(tier, tier_id, slots, cvs, aligned, refs, values)
    times = _resolve_times(aligned, refs)
    tiers = []
    for tier_id, tier in raw.items():
        parent = tier.get("PARENT_REF")
        if parent is not None and parent not in raw:
            raise _Bad(f"PARENT_REF {parent[:40]}")
        anns = tuple(
            EafAnnotation(aid, *times[aid], value, refs.get(aid), cve)
            for aid, (tid, value, cve) in values.items() if tid == tier_id
        )
        tiers.append(EafTier(tier_id, tier.get("LINGUISTIC_TYPE_REF", ""), parent,
                             tier.get("PARTICIPANT", ""), anns))
    head = header if header is not None else Element("HEADER")
    props = {p.get("NAME", ""): (p.text or "") for p in head.iter("PROPERTY")}
    media = tuple(m.get("MEDIA_URL", "") for m in head.iter("MEDIA_DESCRIPTOR"))
    return EafDocument(root.get("VERSION", ""), tuple(tiers), props, media)


def _time_slots(root: Element) -> dict[str, int]:
    """Slot id -> ms; unaligned slots get a time between their aligned neighbours."""
    order = root.find("TIME_ORDER")
    slots = list(order.iter("TIME_SLOT")) if order is not None else []
    ids = [s.get("TIME_SLOT_ID", "") for s in slots]
    known: list[int | None] = []
    for s in slots:
        value = s.get("TIME_VALUE")
        try:
            ms = None if value is None else int(float(value))
        except (ValueError, OverflowError) as exc:
            raise _Bad(f"TIME_VALUE {value[:20] if value else ''}") from exc
        if ms is not None and abs(ms) > MAX_MS:
            raise _Bad(f"TIME_VALUE {value[:20] if value else ''}")
        known.append(ms)
    aligned = [i for i, v in enumerate(known) if v is not None]
    result: dict[str, int] = {}
    for i, slot_id in enumerate(ids):
        result[slot_id] = max(0, _interpolated(known, aligned, i))
    return result


def _interpolated(known: list[int | None], aligned: list[int], i: int) -> int:
    value = known[i]
    if value is not None:
        return value
    if not aligned:
        return 0
    k = bisect.bisect_left(aligned, i)  # aligned[k - 1] < i < aligned[k]
    if k == 0 or k == len(aligned):
        return known[aligned[0 if k == 0 else -1]] or 0
    lo, hi = aligned[k - 1], aligned[k]
    t_lo, t_hi = known[lo] or 0, known[hi] or 0
    return int(t_lo + (t_hi - t_lo) * (i - lo) / (hi - lo))


def _vocabularies(root: Element) -> dict[str, str]:
    """CV entry id -> its (first) value, for annotations that carry only a CVE_REF."""
    entries: dict[str, str] = {}
    for cv in root.iter("CONTROLLED_VOCABULARY"):
        for entry in cv.iter("CV_ENTRY_ML"):
            first = entry.find("CVE_VALUE")
            entries[entry.get("CVE_ID", "")] = (first.text or "") if first is not None else ""
        for entry in cv.iter("CV_ENTRY"):  # EAF 2.x: the value is the element's text
            if entry.get("CVE_ID"):
                entries[entry.get("CVE_ID", "")] = entry.text or ""
    return entries


def _collect(tier: Element, tier_id: str, slots: dict[str, int], cvs: dict[str, str],
             aligned: dict[str, tuple[int, int]], refs: dict[str, str],
             values: dict[str, tuple[str, str, str]]) -> None:
    for wrapper in tier.iter("ANNOTATION"):
        for ann in wrapper:
            aid = ann.get("ANNOTATION_ID", "")
            if not aid or aid in values:
                raise _Bad(f"ANNOTATION_ID {aid[:40]}".rstrip())
            if ann.tag == "ALIGNABLE_ANNOTATION":
                r1, r2 = ann.get("TIME_SLOT_REF1", ""), ann.get("TIME_SLOT_REF2", "")
                if r1 not in slots or r2 not in slots:
                    raise _Bad(f"TIME_SLOT_REF {aid[:40]}")
                a, b = slots[r1], slots[r2]
                aligned[aid] = (min(a, b), max(a, b))
            elif ann.tag == "REF_ANNOTATION":
                refs[aid] = ann.get("ANNOTATION_REF", "")
            else:
                raise _Bad(f"<{str(ann.tag)[:40]}>")
            node = ann.find("ANNOTATION_VALUE")
            cve = ann.get("CVE_REF", "")
            text = (node.text or "") if node is not None else ""
            values[aid] = (tier_id, text.strip() or cvs.get(cve, ""), cve)


def _resolve_times(aligned: dict[str, tuple[int, int]], refs: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Follow each REF_ANNOTATION up to an aligned ancestor; a loop or a dangling ref is refused."""
    times = dict(aligned)
    for aid in refs:
        chain = []
        current = aid
        while current not in times:
            if current in chain or current not in refs:
                raise _Bad(f"ANNOTATION_REF {aid[:40]}")
            chain.append(current)
            current = refs[current]
        for link in chain:
            times[link] = times[current]
    return times
