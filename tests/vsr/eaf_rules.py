"""The rules of the EAF 3.0 format (EAFv3.0.xsd and ELAN's own constraints) as checks, for a
file we write. No XSD is shipped in a package here, so the schema's rules are written out:
element order, required attributes, unique ids, time slot references that exist and are in
order, declared linguistic types, languages, vocabularies and parents."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

SCHEMA = "http://www.mpi.nl/tools/elan/EAFv3.0.xsd"
XSI = "{http://www.w3.org/2001/XMLSchema-instance}noNamespaceSchemaLocation"
# The sequence of ANNOTATION_DOCUMENT in EAFv3.0.xsd.
ORDER = ["LICENSE", "HEADER", "TIME_ORDER", "TIER", "LINGUISTIC_TYPE", "LOCALE", "LANGUAGE",
         "CONSTRAINT", "CONTROLLED_VOCABULARY", "LEXICON_REF", "REF_LINK_SET", "EXTERNAL_REF"]
STEREOTYPES = {"Time_Subdivision", "Symbolic_Subdivision", "Symbolic_Association", "Included_In"}


def check_eaf30(path: Path) -> list[str]:
    """Every broken rule as a line; an empty list for a valid file."""
    root = ET.parse(path).getroot()
    problems: list[str] = []

    def need(ok: bool, what: str) -> None:
        if not ok:
            problems.append(what)

    need(root.tag == "ANNOTATION_DOCUMENT", "root element")
    need(root.get("VERSION") == "3.0" and root.get("FORMAT") == "3.0", "VERSION/FORMAT 3.0")
    need(root.get(XSI) == SCHEMA, "schema location")
    need(bool(root.get("DATE")) and root.get("AUTHOR") is not None, "DATE and AUTHOR")
    tags = [c.tag for c in root]
    need(all(t in ORDER for t in tags), f"unknown elements {set(tags) - set(ORDER)}")
    positions = [ORDER.index(t) for t in tags if t in ORDER]
    need(positions == sorted(positions), "element order")
    need(tags.count("HEADER") == 1 and tags.count("TIME_ORDER") == 1, "one HEADER, one TIME_ORDER")
    header = root.find("HEADER")
    assert header is not None
    need(header.get("TIME_UNITS") == "milliseconds", "TIME_UNITS")
    htags = [c.tag for c in header]
    hpos = [["MEDIA_DESCRIPTOR", "LINKED_FILE_DESCRIPTOR", "PROPERTY"].index(t) for t in htags]
    need(hpos == sorted(hpos), "header order")
    for media in header.iter("MEDIA_DESCRIPTOR"):
        need(bool(media.get("MEDIA_URL")) and bool(media.get("MIME_TYPE")), "media url and mime type")
    props = {p.get("NAME"): p.text for p in header.iter("PROPERTY")}
    need("URN" in props and "lastUsedAnnotationId" in props, "URN and lastUsedAnnotationId")

    slots = [(s.get("TIME_SLOT_ID"), s.get("TIME_VALUE")) for s in root.iter("TIME_SLOT")]
    slot_ids = [s for s, _ in slots]
    need(len(slot_ids) == len(set(slot_ids)), "unique time slot ids")
    values = [int(v) for _, v in slots if v is not None]
    need(values == sorted(values) and all(v >= 0 for v in values), "time slots in order")
    slot_value = {s: int(v) for s, v in slots if v is not None}

    types = {lt.get("LINGUISTIC_TYPE_ID"): lt for lt in root.iter("LINGUISTIC_TYPE")}
    langs = {lg.get("LANG_ID") for lg in root.iter("LANGUAGE")}
    cvs = {cv.get("CV_ID"): cv for cv in root.iter("CONTROLLED_VOCABULARY")}
    stereo = {c.get("STEREOTYPE") for c in root.iter("CONSTRAINT")}
    need(stereo <= STEREOTYPES, "constraint stereotypes")
    for lt in types.values():
        need(lt.get("TIME_ALIGNABLE") in ("true", "false"), "TIME_ALIGNABLE")
        c = lt.get("CONSTRAINTS")
        need(c is None or c in stereo, f"constraint {c} declared")
        cv = lt.get("CONTROLLED_VOCABULARY_REF")
        need(cv is None or cv in cvs, f"vocabulary {cv} declared")
    cve_ids: dict[str, set[str]] = {}
    for cv_id, cv in cvs.items():
        need(all(c.tag in ("DESCRIPTION", "CV_ENTRY_ML") for c in cv), "3.0 vocabulary elements")
        for d in cv.iter("DESCRIPTION"):
            need(d.get("LANG_REF") in langs, "vocabulary description language")
        ids = set()
        for entry in cv.iter("CV_ENTRY_ML"):
            ids.add(entry.get("CVE_ID") or "")
            values_ml = list(entry.iter("CVE_VALUE"))
            need(bool(values_ml) and all(v.get("LANG_REF") in langs for v in values_ml), "CVE_VALUE")
        cve_ids[cv_id or ""] = ids

    tiers = {t.get("TIER_ID"): t for t in root.iter("TIER")}
    need(len(tiers) == len(list(root.iter("TIER"))), "unique tier ids")
    annotations = {}
    ann_ids: list[str] = []
    for tier_id, tier in tiers.items():
        lt = types.get(tier.get("LINGUISTIC_TYPE_REF"))
        need(lt is not None, f"linguistic type of {tier_id}")
        need(tier.get("LANG_REF") is None or tier.get("LANG_REF") in langs, "tier language")
        parent = tier.get("PARENT_REF")
        need(parent is None or parent in tiers, f"parent of {tier_id}")
        need((parent is None) == (lt is None or lt.get("CONSTRAINTS") is None), f"constraint of {tier_id}")
        for ann in tier.iter("ANNOTATION"):
            (inner,) = list(ann)
            aid = inner.get("ANNOTATION_ID") or ""
            ann_ids.append(aid)
            annotations[aid] = (tier_id, inner)
            need(inner.find("ANNOTATION_VALUE") is not None, "ANNOTATION_VALUE")
            if inner.tag == "ALIGNABLE_ANNOTATION":
                r1, r2 = inner.get("TIME_SLOT_REF1"), inner.get("TIME_SLOT_REF2")
                need(r1 in slot_value and r2 in slot_value, f"time slots of {aid}")
                if r1 in slot_value and r2 in slot_value:
                    need(slot_value[r1] < slot_value[r2], f"{aid} has a length")
                need(lt is not None and lt.get("TIME_ALIGNABLE") == "true", f"{aid} alignable type")
            else:
                need(lt is not None and lt.get("TIME_ALIGNABLE") == "false", f"{aid} reference type")
            cve = inner.get("CVE_REF")
            if cve is not None:
                cv_ref = lt.get("CONTROLLED_VOCABULARY_REF") if lt is not None else None
                external = cv_ref in cvs and cvs[cv_ref].get("EXT_REF") is not None  # an .ecv file
                need(external or cve in cve_ids.get(cv_ref or "", set()), f"CVE_REF of {aid}")
    need(len(ann_ids) == len(set(ann_ids)), "unique annotation ids")
    for aid, (tier_id, inner) in annotations.items():
        if inner.tag == "REF_ANNOTATION":
            ref = inner.get("ANNOTATION_REF")
            need(ref in annotations and annotations[ref][0] == tiers[tier_id].get("PARENT_REF"),
                 f"{aid} refers to an annotation on the parent tier")
    last = int(props.get("lastUsedAnnotationId") or 0)
    need(all(int(a[1:]) <= last for a in ann_ids if a[1:].isdigit()), "lastUsedAnnotationId")
    return problems
