"""File names: the one builder for names the app makes, and names that are not valid text.

`safe_file_name` is the only place a file name is built from text (a title, a replaced name,
a recording's name in a package): valid on Windows, macOS and Linux, no folder separators,
no reserved device names, capped in bytes. `tests/vsr/test_file_names.py` keeps other
builders out of vsr/ and ui/. Names are replaced (anonymising) before, in `vsr/anonymise`.

File names that are not valid text:

A name written by another system (Latin-1 on an old USB stick, a Windows share) can hold bytes
that are not UTF-8; Python keeps them as lone surrogates in its str. SQLite cannot store such a
str and the screen cannot show it, so the library refuses those names with a sentence (rename
the file, or choose another name), showing the bad bytes as U+FFFD."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

# Far below every file system's limit (255 bytes on ext4 and APFS, 255 UTF-16 units on NTFS),
# leaving room for the folder, a " (2)" and a staging suffix.
MAX_NAME_BYTES = 120
# What Windows, macOS or Linux refuse in a name (or makes it awkward: control characters,
# white space), replaced by one "-" a run.
_REFUSED = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f\s]+')
_DASH_BEFORE_DOT = re.compile(r"-+(?=\.)")
_NOT_ASCII_SAFE = re.compile(r"[^A-Za-z0-9._-]+")
# Windows device names, refused with any extension ("CON.txt", "com1.srt").
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}
_STRIP = "-. "


def printable_name(text: str) -> str:
    """`text` with every byte that was not UTF-8 shown as U+FFFD."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate that did not come from a byte
        return text.encode("utf-8", "replace").decode("utf-8")


def is_text(path: str | Path) -> bool:
    """Whether the name can be stored and shown as it is."""
    text = os.fspath(path)
    return printable_name(text) == text


def safe_file_name(stem: str, suffix: str = "", *, fallback: str = "export",
                   ascii_only: bool = False, max_bytes: int = MAX_NAME_BYTES) -> str:
    """`stem` made a file name, with `suffix` ("pdf" or ".pdf") after it.

    Characters file systems refuse and white space become "-", invisible format characters
    (direction overrides, zero-width) go, leading and trailing dots and dashes go (no hidden
    files, no "." or ".."), a Windows device name gets a "_" after it,
    and the UTF-8 bytes are capped at `max_bytes` (cut between characters). An empty result
    is `fallback`. `ascii_only` (names inside a review package) also writes letters without
    their accents and drops what is left outside A-Z, 0-9, "._-"."""
    ext = _clean(suffix.lstrip("."), ascii_only=True)
    ext = f".{ext[:16]}" if ext else ""
    name = _clean(stem, ascii_only=ascii_only)
    head, dot, rest = name.partition(".")
    if head.upper() in _RESERVED:
        name = f"{head}_{dot}{rest}"
    limit = max(1, max_bytes - len(ext))
    if len(name.encode("utf-8")) > limit:
        name = name.encode("utf-8")[:limit].decode("utf-8", "ignore").strip(_STRIP)
    return (name or _clean(fallback, ascii_only=ascii_only) or "export") + ext


def _clean(text: str, *, ascii_only: bool) -> str:
    text = unicodedata.normalize("NFC", printable_name(text))
    # Invisible format characters go: a right-to-left override makes "verslag\u202Efdp.exe"
    # show as "verslagexe.pdf" in a file manager, and zero-width ones hide in a name.
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    if ascii_only:
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
        text = _NOT_ASCII_SAFE.sub("-", text)
    text = _DASH_BEFORE_DOT.sub("", _REFUSED.sub("-", text))  # "Zoë (1).mp4": no "-.mp4"
    return text.strip(_STRIP + "_") if ascii_only else text.strip(_STRIP)  # a member: A-Z, 0-9 first
