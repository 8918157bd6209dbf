"""File names that are not valid text.

A name written by another system (Latin-1 on an old USB stick, a Windows share) can hold bytes
that are not UTF-8; Python keeps them as lone surrogates in its str. SQLite cannot store such a
str and the screen cannot show it, so the library refuses those names with a sentence (rename
the file, or choose another name), showing the bad bytes as U+FFFD."""

from __future__ import annotations

import os
from pathlib import Path


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
