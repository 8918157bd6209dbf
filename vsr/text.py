"""Cleaning the text users type or paste before it is stored.

Word puts U+000B (vertical tab) for a line break when text is pasted; a broken clipboard or file
name can bring U+0000, U+FFFE or lone surrogates. SQLite stores them, but XML (DOCX) refuses
them, PDF fonts have no glyph for them and UTF-8 cannot encode a lone surrogate. So every text
setter in the core stores `clean_text(...)`: tabs and line breaks stay, the rest is dropped.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TypeVar, cast

T = TypeVar("T")

# Characters in one text field (a gespreksblad's, a summary): a summary is a few thousand. What
# comes from outside (a package, an ELAN or BORIS file) is refused above it, so the library
# never holds a review its own package could not carry.
MAX_TEXT = 1_000_000

# Line breaks other programs use, as the newline we store.
_LINE_BREAKS = str.maketrans({"\v": "\n", "\f": "\n", "\x85": "\n", "\u2028": "\n",
                              "\u2029": "\n"})
# C0 controls except tab and newline, DEL and C1 controls, lone surrogates, and the
# non-characters U+FFFE/U+FFFF and U+FDD0..U+FDEF (never valid in interchanged text).
_DROP = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def clean_text(text: str) -> str:
    """`text` without control characters and non-characters; tab and newline kept, Windows and
    old Mac line ends and Word's vertical tab become newlines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_BREAKS)
    return _DROP.sub("", text)


def clean_optional(text: str | None) -> str | None:
    return None if text is None else clean_text(text)


def clean_strings(value: T) -> T:
    """`value` with `clean_text` applied to every string in it (through dataclasses, tuples,
    lists and dicts; fields named "...path" are left alone): exports of a library written
    before text was cleaned on storing."""
    return cast(T, _clean_any(value))


def _clean_any(value: object) -> object:
    if isinstance(value, str):
        return clean_text(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # File paths are names on disk, not text: cleaning them would lose the file.
        changes = {f.name: _clean_any(getattr(value, f.name)) for f in dataclasses.fields(value)
                   if f.init and not f.name.endswith("path")}
        return dataclasses.replace(value, **changes)
    if isinstance(value, tuple):
        return tuple(_clean_any(v) for v in value)
    if isinstance(value, list):
        return [_clean_any(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean_any(v) for k, v in value.items()}
    return value
