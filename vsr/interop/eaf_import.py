"""ELAN tiers to vsr moments. Each independent (top) tier becomes a party, or is skipped; each of
its annotations becomes a moment (a point when it has no length) with its text in A. Dependent
tiers add to the moment of their parent: their text goes into A as a line "tier: text" (glosses,
translations and words stay readable beside the utterance), or nowhere when skipped. A file that
vsr itself exported is read back whole: its A, B, C, theme and sub-topic tiers fill those fields."""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, replace
from pathlib import Path

from vsr.errors import ImportFileError
from vsr.interop import eaf_names as names
from vsr.interop.eaf_read import EafAnnotation, EafDocument, EafTier, read_eaf
from vsr.interop.eaf_transcript import LT_SPOKEN
from vsr.interop.imported_rows import ImportedMoment, ImportResult, store_moments
from vsr.library.db import Library
from vsr.method import theme_cards

MAX_PARTY_NAME = 60


@dataclass(frozen=True, slots=True)
class TierInfo:
    """A line of the mapping preview."""

    id: str
    parent: str | None
    annotations: int
    default_party: str | None  # None for a dependent tier (its text goes to its parent's moment)


def tier_overview(doc: EafDocument) -> list[TierInfo]:
    """Every tier, each dependent tier right below its parent (as ELAN shows the hierarchy)."""
    children: dict[str | None, list[EafTier]] = {}
    known = {t.id for t in doc.tiers}
    for t in doc.tiers:
        children.setdefault(t.parent if t.parent in known else None, []).append(t)
    ordered: list[EafTier] = []
    seen: set[str] = set()
    stack = list(reversed(children.get(None, [])))
    while stack:
        tier = stack.pop()
        if tier.id in seen:
            continue  # a PARENT_REF loop: list each tier once
        seen.add(tier.id)
        ordered.append(tier)
        stack.extend(reversed(children.get(tier.id, [])))
    ordered += [t for t in doc.tiers if t.id not in seen]
    return [TierInfo(t.id, t.parent, len(t.annotations),
                     None if t.parent else t.id[:MAX_PARTY_NAME]) for t in ordered]


def plan_parties(doc: EafDocument, mapping: dict[str, str], skip: set[str], source: str) -> dict[str, str]:
    """Top tier -> party name for every top tier that is imported."""
    roots = [t for t in doc.tiers if not t.parent]
    known = {t.id for t in doc.tiers}
    root_ids = {t.id for t in roots}
    for named in list(mapping) + sorted(skip):
        if named not in known or (named in mapping and named not in root_ids):
            raise ImportFileError("error.import.unknown_tier", path=source, tier=named,
                                  tiers=", ".join(t.id for t in roots))
    plan = {}
    # vsr's own export keeps parties without moments: their B texts hang on other moments
    ours = names.EXPORT_PROPERTY in doc.properties
    for tier in roots:
        if tier.id in skip or (tier.id not in mapping and not tier.annotations and not ours):
            continue
        name = " ".join(mapping.get(tier.id, tier.id).split())[:MAX_PARTY_NAME] or tier.id
        plan[tier.id] = name
    return plan


def build_moments(doc: EafDocument, plan: dict[str, str], skip: set[str]) -> list[ImportedMoment]:
    """The moments of the planned top tiers, each with the text of its dependent tiers."""
    ours = names.EXPORT_PROPERTY in doc.properties
    points = set(doc.properties.get(names.POINTS_PROPERTY, "").split())
    children = _children_by_root(doc, plan, skip)
    moments = []
    for tier_id, party in plan.items():
        root = doc.tier(tier_id)
        assert root is not None
        extras = _attach(root, children.get(tier_id, []))
        for ann in root.annotations:
            point = ann.start_ms == ann.end_ms or ann.id in points
            moment = _moment(party, ann, point, ours, extras.get(ann.id, []))
            # B tiers name the party by its tier; follow that tier's mapping
            moment = replace(moment, reflections={plan.get(k, k): v for k, v in moment.reflections.items()})
            moments.append(moment)
    moments.sort(key=lambda m: (m.start_ms, m.party))
    return moments


def _children_by_root(doc: EafDocument, plan: dict[str, str], skip: set[str]) -> dict[str, list[EafTier]]:
    result: dict[str, list[EafTier]] = {}
    for tier in doc.tiers:
        if not tier.parent or tier.id in skip or _skipped_above(doc, tier, skip):
            continue
        root = doc.root_of(tier.id)
        if root in plan:
            result.setdefault(root, []).append(tier)
    return result


def _skipped_above(doc: EafDocument, tier: EafTier, skip: set[str]) -> bool:
    seen = set()
    parent = tier.parent
    while parent and parent not in seen:
        if parent in skip:
            return True
        seen.add(parent)
        above = doc.tier(parent)
        parent = above.parent if above else None
    return False


def _attach(root: EafTier, tiers: list[EafTier]) -> dict[str, list[tuple[EafTier, EafAnnotation]]]:
    """Root annotation id -> the dependent annotations under it (by reference, else by time)."""
    by_id = {a.id: a for t in tiers for a in t.annotations}
    root_ids = {a.id for a in root.annotations}
    ordered = sorted(root.annotations, key=lambda a: (a.start_ms, a.end_ms))
    starts = [a.start_ms for a in ordered]
    result: dict[str, list[tuple[EafTier, EafAnnotation]]] = {}
    for tier in tiers:
        for ann in tier.annotations:
            target = _ancestor(ann, by_id, root_ids)
            if target is None:
                middle = (ann.start_ms + ann.end_ms) // 2
                i = bisect.bisect_right(starts, middle) - 1
                if i >= 0 and ordered[i].start_ms <= middle <= max(ordered[i].end_ms, ordered[i].start_ms):
                    target = ordered[i].id
            if target is not None and ann.value:
                result.setdefault(target, []).append((tier, ann))
    return result


def _ancestor(ann: EafAnnotation, by_id: dict[str, EafAnnotation], root_ids: set[str]) -> str | None:
    current: EafAnnotation | None = ann
    for _ in range(len(by_id) + 1):
        if current is None or current.parent_id is None:
            return None
        if current.parent_id in root_ids:
            return current.parent_id
        current = by_id.get(current.parent_id)
    return None


def _moment(party: str, ann: EafAnnotation, point: bool, ours: bool,
            extras: list[tuple[EafTier, EafAnnotation]]) -> ImportedMoment:
    fields: dict[str, str] = {}
    reflections: dict[str, tuple[str, str]] = {}
    lines: list[tuple[str, list[str]]] = []
    for tier, child in extras:
        kind = tier.linguistic_type
        if kind == names.LT_B_ME or kind == names.LT_B_OTHER:
            me, other = reflections.get(tier.participant, ("", ""))
            if kind == names.LT_B_ME:
                me = child.value
            else:
                other = child.value
            reflections[tier.participant] = (me, other)
        elif kind == names.LT_FEELINGS:
            continue  # words in the export's language; the pictograms are not read back
        elif kind in names.FIELD_TYPES:
            fields[kind] = child.value if kind != names.LT_THEME else (child.cve_ref or child.value)
        else:
            if not lines or lines[-1][0] != tier.id:
                lines.append((tier.id, []))
            lines[-1][1].append(child.value)
    text = fields.get(names.LT_A, "") if ours else ann.value
    extra = "\n".join(f"{tier}: {' '.join(vals)}" for tier, vals in lines)
    theme = _theme_key(fields.get(names.LT_THEME, ""))
    return ImportedMoment(
        party=party, start_ms=ann.start_ms, end_ms=None if point else ann.end_ms,
        what_happened="\n".join(t for t in (text, extra) if t), keep_or_change=fields.get(names.LT_C, ""),
        theme=theme, subtopic=_subtopic_key(theme, fields.get(names.LT_SUBTOPIC, "")),
        reflections=reflections)


@functools.cache
def _card_words() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Theme card titles and sub-topic titles (both languages, and keys) -> keys."""
    cards: dict[str, str] = {}
    subs: dict[tuple[str, str], str] = {}
    for lang in ("nl", "en"):
        for card in theme_cards(lang):
            cards[card.title.casefold()] = cards[card.key] = card.key
            for sub in card.subtopics:
                subs[(card.key, sub.title.casefold())] = subs[(card.key, sub.key)] = sub.key
    return cards, subs


def _theme_key(value: str) -> str:
    if value.startswith(names.CVE_PREFIX):
        return value[len(names.CVE_PREFIX):]
    return _card_words()[0].get(value.casefold(), "") if value else ""


def _subtopic_key(theme: str, value: str) -> str:
    """A known sub-topic's key; any other text is a user-made sub-topic (its own key)."""
    return _card_words()[1].get((theme, value.casefold()), value) if value else ""


def import_eaf(lib: Library, path: Path | str, *, recording_id: int, review_id: int | None = None,
               mapping: dict[str, str] | None = None, skip: set[str] | None = None,
               initiator: object | None = None) -> ImportResult:
    """Read `path` and add its moments; nothing changes in the library when anything fails."""
    doc = read_eaf(path)
    return import_eaf_document(lib, doc, str(path), recording_id=recording_id, review_id=review_id,
                               mapping=mapping or {}, skip=skip or set(), initiator=initiator)


def import_eaf_document(lib: Library, doc: EafDocument, source: str, *, recording_id: int,
                        review_id: int | None, mapping: dict[str, str], skip: set[str],
                        initiator: object | None = None) -> ImportResult:
    # What was said (a transcript tier vsr wrote, issue 22) is no moment: left out.
    skip = skip | {t.id for t in doc.tiers if t.linguistic_type == LT_SPOKEN}
    plan = plan_parties(doc, mapping, skip, source)
    moments = build_moments(doc, plan, skip)
    parties = list(dict.fromkeys(plan.values()))
    return store_moments(lib, source=source, recording_id=recording_id, review_id=review_id,
                         party_names=parties, moments=moments, initiator=initiator)
