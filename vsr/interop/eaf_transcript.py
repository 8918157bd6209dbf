"""The transcript in an ELAN file, only when chosen (`vsr export eaf --with-transcript`): one
time-aligned tier per voice ("Stem 1 - gezegd"), an annotation per segment, of its own
linguistic type so vsr's import of the file leaves these tiers out of the moments."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

from vsr.i18n import translate
from vsr.transcript.store import Transcript
from vsr.transcript.talk import speaker_label

LT_SPOKEN = "vsr-gezegd"
Slot = Callable[[int], str]
NewId = Callable[[], str]


def transcript_tiers(root: ET.Element, transcript: Transcript, lang_id: str, slot: Slot,
                     new_id: NewId, rewrite: Callable[[str], str] = lambda t: t, *,
                     names: dict[int, str] | None = None) -> None:
    """Append a tier per voice (and one for segments whose voice is not known), named by
    `names` (the parties, once the users said who is who) or numbered."""
    voices = sorted({s.speaker for s in transcript.segments},
                    key=lambda v: (v is None, v if v is not None else 0))
    for voice in voices:
        who = ((names or {}).get(voice, "") if voice is not None else "") or speaker_label(
            voice) or translate("transcript.speaker_unknown")
        tier_id = f"{who} - {translate('transcript.tier')}"
        tier = ET.SubElement(root, "TIER", {"LANG_REF": lang_id, "LINGUISTIC_TYPE_REF": LT_SPOKEN,
                                            "PARTICIPANT": who, "TIER_ID": tier_id})
        for seg in transcript.segments:
            if seg.speaker != voice:
                continue
            ann = ET.SubElement(ET.SubElement(tier, "ANNOTATION"), "ALIGNABLE_ANNOTATION", {
                "ANNOTATION_ID": new_id(), "TIME_SLOT_REF1": slot(seg.start_ms),
                "TIME_SLOT_REF2": slot(max(seg.end_ms, seg.start_ms + 1))})
            ET.SubElement(ann, "ANNOTATION_VALUE").text = rewrite(seg.text)


def declare_spoken_type(root: ET.Element) -> None:
    """The tiers' linguistic type, placed with the others (the schema wants them together)."""
    element = ET.Element("LINGUISTIC_TYPE", {"GRAPHIC_REFERENCES": "false",
                                             "LINGUISTIC_TYPE_ID": LT_SPOKEN,
                                             "TIME_ALIGNABLE": "true"})
    first = next((i for i, e in enumerate(root) if e.tag == "LINGUISTIC_TYPE"), len(root))
    root.insert(first, element)
