"""Identifiers other than names in text that leaves the app: e-mail addresses, Dutch phone
numbers, BSN (only when the elfproef holds), street + house number, postcodes, PO boxes and
dates of birth. The patterns are those of deduce, the maintained Dutch de-identification
library, run as a slim pipeline: only its pattern annotators, not its name lookups (those take
16 s and 1.1 GB to load and `NameReplacer` already knows the names that matter). Two gaps of
deduce are filled here: e-mail addresses at any domain, and "+31 6 1234 5678" with spaces; two of
its patterns are narrowed: street abbreviations and units that looked like postcodes.

Loading takes about 0.3 s the first time (importing deduce and docdeid), so it is done lazily,
once per process, and `preload()` lets a worker do it before an export. Start-up never loads it."""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from vsr.errors import VsrError
from vsr.i18n import translate

# deduce's annotators we use, and which identifier each tag is.
_ANNOTATORS = ("street_pattern", "housenumber", "postal_code", "postbus", "date_dmy_1",
               "date_dmy_2", "date_ymd_1", "date_ymd_2", "bsn", "phone", "email")
_KINDS = {"locatie": "address", "datum": "date", "bsn": "bsn", "telefoonnummer": "phone",
          "emailadres": "email"}
# A BSN as people write it: 9 digits, or in groups ("1112.22.333", "111 222 333").
_BSN = r"(?<![\d.])(\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3})(?![\d])"
# A street: a capitalised word ending in a street word. deduce also takes abbreviations ("st",
# "str", "gr", "ln"), which made "Eerst 3 dingen" and "Lijst 5" into addresses: left out here.
_STREET = (r"[A-Z][a-z]{2,}(baan|bolwerk|dam|dijk|dreef|gracht|hof|kade|laan|markt|pad|park|"
           r"plantsoen|plein|singel|steeg|straat|weg|wal|erf|haven|kwartier|zijde)$")
# A postcode: deduce's pattern, starting at a digit 1-9 after no other digit, and without units
# ("1500ml", "2000km" are no postcodes).
_POSTCODE = (r"(?<!\d)([1-9]\d{3}(?:[A-Za-z]{2}| [A-Z]{2}))"
             r"(?<!mg|MG|gr|ie|km|KM|ml|cm|mm|kg|KG|kb|KB|mb|MB|gb|GB|pm|am)(\W|$)")
_EMAIL = re.compile(r"[\w.+%~'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_PHONE_INTL = re.compile(r"(?<![\w+])(?:\+|00)31[\s.-]?(?:\(0\)[\s.-]?)?[1-9](?:[\s.-]?\d){8}(?!\d)")
_BIRTH_WORDS = re.compile(r"(?i)\b(?:geb(?:oren)?\.?|geboortedatum|geboortedag|born|birth|dob|"
                          r"d\.o\.b\.?)\W{0,3}(?:\w+\W+){0,2}$")
ADULT_YEARS = 12  # a full date at least this long ago is taken for a date of birth

log = logging.getLogger(__name__)
_lock = threading.Lock()
_pipeline: Any = None


@dataclass(frozen=True, slots=True)
class Identifier:
    start: int
    end: int
    kind: str  # email, phone, bsn, address, birth_date


def preload() -> None:
    """Load deduce now (call it on a worker thread before an anonymised export)."""
    _deduce()


def loaded() -> bool:
    """Whether the patterns are loaded (replacing then costs milliseconds, no load)."""
    return _pipeline is not None


def _deduce() -> Any:
    global _pipeline
    with _lock:
        if _pipeline is None:
            _pipeline = _build_pipeline()
        return _pipeline


def _build_pipeline() -> Any:
    """deduce's pattern annotators as one pipeline. When deduce cannot be loaded, anonymising
    stops with a message: going on without it would let phone numbers and BSNs out."""
    try:
        return _slim_pipeline()
    except (ImportError, OSError, KeyError, TypeError, ValueError, AttributeError) as exc:
        log.warning("deduce could not be loaded: %r", exc)
        raise VsrError("error.anonymise.identifiers_unavailable", reason=str(exc)) from exc


def _slim_pipeline() -> Any:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        from deduce import deduce as deduce_module  # its import calls logging.basicConfig
        from docdeid.deidentifier import DocDeid
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)
        root.setLevel(level)
    config = json.loads(deduce_module._BASE_CONFIG_FILE.read_text("utf-8"))
    annotators = {k: v for k, v in config["annotators"].items() if k in _ANNOTATORS}
    annotators["bsn"]["args"]["bsn_regexp"] = _BSN
    annotators["street_pattern"]["args"]["pattern"] = [{"re_match": _STREET}]
    annotators["postal_code"]["args"]["regexp_pattern"] = _POSTCODE
    tokenizer = deduce_module.Deduce._initialize_tokenizer(deduce_module._LOOKUP_LIST_PATH)
    loader = deduce_module._DeduceProcessorLoader()
    processors = loader._load_annotators(config=annotators, extras={"tokenizer": tokenizer})
    loader._load_location_processors(location_group=processors["locations"])
    pipeline = DocDeid()
    pipeline.tokenizers["default"] = tokenizer
    pipeline.processors = processors
    return pipeline


def find_identifiers(text: str, today: date | None = None) -> list[Identifier]:
    """The identifiers in `text`, in order, not overlapping (the longest wins)."""
    if not text or not any(c.isdigit() or c == "@" for c in text):
        return []  # every identifier here holds a digit or an @: most notes need no deduce
    found = [Identifier(m.start(), m.end(), "email") for m in _EMAIL.finditer(text)]
    found += [Identifier(m.start(), m.end(), "phone") for m in _PHONE_INTL.finditer(text)]
    for annotation in _deduce().deidentify(text).annotations:
        kind = _KINDS.get(str(annotation.tag).split("+")[0], "")
        if kind == "date":
            if not _is_birth_date(text, annotation.start_char, annotation.text, today):
                continue
            kind = "birth_date"
        if kind:
            found.append(Identifier(annotation.start_char, annotation.end_char, kind))
    return _without_overlaps(found)


def _is_birth_date(text: str, start: int, value: str, today: date | None) -> bool:
    """A full date is taken for a date of birth when a birth word stands before it, or when it
    lies at least ADULT_YEARS back (notes rarely date other things that long ago; when unsure,
    a date too many is hidden rather than one too few)."""
    if _BIRTH_WORDS.search(text[max(0, start - 40):start]):
        return True
    years = re.findall(r"(?<!\d)(\d{4}|\d{2})(?!\d)", value)
    if not years:
        return False
    year_text = max(years, key=len)
    this_year = (today or date.today()).year
    year = int(year_text)
    if len(year_text) == 2:
        year += 2000 if year <= this_year % 100 else 1900
    return year <= this_year - ADULT_YEARS


def _without_overlaps(found: list[Identifier]) -> list[Identifier]:
    kept: list[Identifier] = []
    for item in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if kept and item.start < kept[-1].end:
            if item.end > kept[-1].end and item.kind == kept[-1].kind:
                kept[-1] = Identifier(kept[-1].start, item.end, item.kind)
            continue
        kept.append(item)
    return kept


def identifier_label(kind: str) -> str:
    """What replaces an identifier: "[e-mailadres]", "[telefoonnummer]", "[BSN]", ..."""
    return translate(f"identifier.{kind}")


def replace_identifiers(text: str, label: Callable[[str], str] = identifier_label,
                        today: date | None = None) -> str:
    """`text` with every identifier replaced by its label."""
    parts: list[str] = []
    last = 0
    for item in find_identifiers(text, today):
        parts += [text[last:item.start], label(item.kind)]
        last = item.end
    parts.append(text[last:])
    return "".join(parts)
