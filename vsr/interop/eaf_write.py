"""Writing a review as an ELAN 3.0 annotation file, laid out as ELAN 6 writes it: HEADER with
the recording as MEDIA_DESCRIPTOR, an ordered TIME_ORDER, per party a tier of moments with
dependent tiers for A, B (per party), C, theme card and sub-topic, then the linguistic types,
languages, constraints and the theme cards as a multilingual controlled vocabulary."""

from __future__ import annotations

import mimetypes
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

import vsr
from vsr.i18n import current_language, translate, using_language
from vsr.interop import eaf_names as names
from vsr.interop.moments import ExportMoment, ExportReview, feeling_words
from vsr.library.sheets import first_words
from vsr.method import theme_cards
from vsr.model import Party

SCHEMA = "http://www.mpi.nl/tools/elan/EAFv3.0.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
LANG_IDS = {"nl": ("nld", "Dutch (nld)"), "en": ("eng", "English (eng)")}
CONSTRAINTS = (
    ("Time_Subdivision", "Time subdivision of parent annotation's time interval, no time gaps "
     "allowed within this interval"),
    ("Symbolic_Subdivision", "Symbolic subdivision of a parent annotation. Annotations refering "
     "to the same parent are ordered"),
    ("Symbolic_Association", "1-1 association with a parent annotation"),
    ("Included_In", "Time alignable annotations within the parent annotation's time interval, "
     "gaps are allowed"),
)

_CARD_KEYS = frozenset(c.key for c in theme_cards("nl"))


@dataclass
class _Ids:
    """Annotation and time slot ids, numbered as ELAN numbers them (a1.., ts1..)."""

    annotations: int = 0
    slots: list[tuple[int, int, str]] = field(default_factory=list)  # (ms, seq, id placeholder)

    def annotation(self) -> str:
        self.annotations += 1
        return f"a{self.annotations}"

    def slot(self, ms: int) -> str:
        key = f"@{len(self.slots)}"
        self.slots.append((ms, len(self.slots), key))
        return key


def eaf_tree(data: ExportReview, out: Path) -> ET.Element:
    """The ELAN document for `data` (`out` is where it will be written)."""
    ids = _Ids()
    root = ET.Element("ANNOTATION_DOCUMENT", {
        "AUTHOR": "vsr", "DATE": datetime.now().astimezone().isoformat(timespec="seconds"),
        "FORMAT": "3.0", "VERSION": "3.0", "xmlns:xsi": XSI, "xsi:noNamespaceSchemaLocation": SCHEMA})
    header = ET.SubElement(root, "HEADER", {"MEDIA_FILE": "", "TIME_UNITS": "milliseconds"})
    ET.SubElement(header, "MEDIA_DESCRIPTOR", _media(data))
    time_order = ET.SubElement(root, "TIME_ORDER")
    tier_ids = _tier_names(data.parties)
    points: list[str] = []
    for party in data.parties:
        mine = [m for m in data.moments if m.party.id == party.id]
        _party_tiers(root, ids, party, tier_ids, data, mine, points)
    lang_id = LANG_IDS.get(current_language(), LANG_IDS["nl"])[0]
    if data.transcript is not None:  # only when chosen (issue 22)
        from vsr.interop.eaf_transcript import transcript_tiers

        transcript_tiers(root, data.transcript, lang_id, ids.slot, ids.annotation,
                         names=data.voice_names)
    _number_slots(root, time_order, ids)
    for prop, value in (("URN", f"urn:nl-mpi-tools-elan-eaf:{uuid.uuid4()}"),
                        (names.EXPORT_PROPERTY, vsr.__version__),
                        (names.POINTS_PROPERTY, " ".join(points)),
                        ("lastUsedAnnotationId", str(ids.annotations))):
        ET.SubElement(header, "PROPERTY", {"NAME": prop}).text = value
    _declarations(root, lang_id)
    if data.transcript is not None:
        from vsr.interop.eaf_transcript import declare_spoken_type

        declare_spoken_type(root)
    ET.indent(root, space="    ")
    return root


def _media(data: ExportReview) -> dict[str, str]:
    """The recording by its file name only: a folder's name often holds the client's name, and
    a colleague who gets the file keeps the recording beside it. ELAN looks for the media
    beside the .eaf when the URL is not found, so both URLs are relative ("./name")."""
    name = Path(data.recording.path).name
    mime = mimetypes.guess_type(name)[0] or ("video/*" if data.recording.has_video else "audio/*")
    relative = "./" + quote(name)
    return {"MEDIA_URL": relative, "MIME_TYPE": mime, "RELATIVE_MEDIA_URL": relative}


def _tier_names(parties: tuple[Party, ...]) -> dict[int, str]:
    """A unique tier id per party: its name, numbered when two parties share a name."""
    used: set[str] = set()
    result = {}
    for p in parties:
        name = " ".join(p.name.split()) or f"{p.role.value} {p.position + 1}"
        candidate, n = name, 2
        while candidate.casefold() in used:
            candidate, n = f"{name} ({n})", n + 1
        used.add(candidate.casefold())
        result[p.id] = candidate
    return result


def _party_tiers(root: ET.Element, ids: _Ids, party: Party, tier_ids: dict[int, str], data: ExportReview,
                 moments: list[ExportMoment], points: list[str]) -> None:
    name = tier_ids[party.id]
    lang_id = LANG_IDS.get(current_language(), LANG_IDS["nl"])[0]
    tier = ET.SubElement(root, "TIER", {"LANG_REF": lang_id, "LINGUISTIC_TYPE_REF": names.LT_MOMENT,
                                        "PARTICIPANT": name, "TIER_ID": name})
    anchors = []
    for m in moments:
        aid = ids.annotation()
        if not m.marker.is_range:
            points.append(aid)
        ann = ET.SubElement(ET.SubElement(tier, "ANNOTATION"), "ALIGNABLE_ANNOTATION", {
            "ANNOTATION_ID": aid, "TIME_SLOT_REF1": ids.slot(m.marker.start_ms),
            "TIME_SLOT_REF2": ids.slot(m.end_ms)})
        ET.SubElement(ann, "ANNOTATION_VALUE").text = first_words(m.sheet.what_happened)
        anchors.append((aid, m))
    children: list[tuple[str, str, str, object]] = [
        (names.LT_A, translate("eaf.tier.a"), name, lambda m: m.sheet.what_happened)]
    for other in data.parties:
        oname = tier_ids[other.id]
        children.append((names.LT_B_ME, translate("eaf.tier.b_me", party=oname), oname,
                         lambda m, o=other.id: m.sheet.reflection(o).to_me))
        children.append((names.LT_B_OTHER, translate("eaf.tier.b_other", party=oname), oname,
                         lambda m, o=other.id: m.sheet.reflection(o).to_other))
        children.append((names.LT_FEELINGS, translate("eaf.tier.feelings", party=oname), oname,
                         lambda m, o=other.id: feeling_words(m, o)))
    children += [
        (names.LT_C, translate("eaf.tier.c"), name, lambda m: m.sheet.keep_or_change),
        (names.LT_THEME, translate("eaf.tier.theme"), name, lambda m: m.theme_title),
        (names.LT_SUBTOPIC, translate("eaf.tier.subtopic"), name, lambda m: m.subtopic_title),
    ]
    for kind, label, participant, value_of in children:
        child = ET.SubElement(root, "TIER", {
            "LANG_REF": lang_id, "LINGUISTIC_TYPE_REF": kind, "PARENT_REF": name,
            "PARTICIPANT": participant, "TIER_ID": f"{name} - {label}"})
        for parent_id, m in anchors:
            text = value_of(m)  # type: ignore[operator]
            if not text:
                continue
            attrs = {"ANNOTATION_ID": ids.annotation(), "ANNOTATION_REF": parent_id}
            if kind == names.LT_THEME and m.marker.theme in _CARD_KEYS:
                attrs["CVE_REF"] = names.CVE_PREFIX + m.marker.theme
            ref = ET.SubElement(ET.SubElement(child, "ANNOTATION"), "REF_ANNOTATION", attrs)
            ET.SubElement(ref, "ANNOTATION_VALUE").text = str(text)


def _number_slots(root: ET.Element, time_order: ET.Element, ids: _Ids) -> None:
    """Time slots in time order (ELAN requires it), numbered ts1.. in that order."""
    final = {}
    for n, (ms, _seq, key) in enumerate(sorted(ids.slots), start=1):
        final[key] = f"ts{n}"
        ET.SubElement(time_order, "TIME_SLOT", {"TIME_SLOT_ID": f"ts{n}", "TIME_VALUE": str(ms)})
    for ann in root.iter("ALIGNABLE_ANNOTATION"):
        for ref in ("TIME_SLOT_REF1", "TIME_SLOT_REF2"):
            ann.set(ref, final[ann.get(ref, "")])


def _declarations(root: ET.Element, lang_id: str) -> None:
    ET.SubElement(root, "LINGUISTIC_TYPE", {"GRAPHIC_REFERENCES": "false",
                                            "LINGUISTIC_TYPE_ID": names.LT_MOMENT, "TIME_ALIGNABLE": "true"})
    for kind in (names.LT_A, names.LT_B_ME, names.LT_B_OTHER, names.LT_FEELINGS, names.LT_C,
                 names.LT_THEME, names.LT_SUBTOPIC):
        attrs = {"CONSTRAINTS": "Symbolic_Association", "GRAPHIC_REFERENCES": "false",
                 "LINGUISTIC_TYPE_ID": kind, "TIME_ALIGNABLE": "false"}
        if kind == names.LT_THEME:
            attrs["CONTROLLED_VOCABULARY_REF"] = names.THEME_CV
        ET.SubElement(root, "LINGUISTIC_TYPE", attrs)
    for code, label in LANG_IDS.values():
        ET.SubElement(root, "LANGUAGE", {"LANG_ID": code, "LANG_LABEL": label})
    for stereotype, description in CONSTRAINTS:
        ET.SubElement(root, "CONSTRAINT", {"DESCRIPTION": description, "STEREOTYPE": stereotype})
    cv = ET.SubElement(root, "CONTROLLED_VOCABULARY", {"CV_ID": names.THEME_CV})
    by_lang = {}
    for lang, (code, _label) in LANG_IDS.items():  # the vocabulary in every language at once
        with using_language(lang):
            ET.SubElement(cv, "DESCRIPTION", {"LANG_REF": code}).text = translate("eaf.cv.description")
            by_lang[lang] = theme_cards()
    for i, card in enumerate(by_lang["nl"]):
        entry = ET.SubElement(cv, "CV_ENTRY_ML", {"CVE_ID": names.CVE_PREFIX + card.key})
        for lang, (code, _label) in LANG_IDS.items():
            local = by_lang[lang][i]
            ET.SubElement(entry, "CVE_VALUE", {"DESCRIPTION": local.description,
                                               "LANG_REF": code}).text = local.title


def write_eaf(data: ExportReview, out: Path, tmp: Path | None = None) -> None:
    """Write the file for its final place `out` into `tmp` (default `out`)."""
    body = ET.tostring(eaf_tree(data, out), encoding="unicode")
    (tmp or out).write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n', encoding="utf-8")
