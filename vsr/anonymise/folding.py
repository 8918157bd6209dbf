"""Folding text for name matching: lower case, no diacritics, and the letters Unicode does not
decompose spelled the way people type them without a special keyboard ("Yıldız" -> "yildiz",
"Łukasz" -> "lukasz", "Søren" -> "soren", "Æsa" -> "aesa", "Straße" -> "strasse", "ĳ" -> "ij"),
every apostrophe the straight one ("D’Souza" -> "d'souza"), and characters that show nothing
left out: a soft hyphen, zero-width space or joiner, direction mark or grapheme joiner inside a
name ("Łu\u00adkasz") hides nothing."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Letters that NFKD leaves whole (they are letters of their own, not a letter with a mark):
# what a writer without that letter on the keyboard types instead.
_LETTERS = {
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe",
    "ß": "ss", "ŋ": "n", "ħ": "h", "ŧ": "t", "ƒ": "f", "ɨ": "i", "ʉ": "u", "ə": "e",
    "ɛ": "e", "ɔ": "o", "ĸ": "k", "ſ": "s", "ŀ": "l",
}


# Apostrophes as word processors and phone keyboards type them ("D’Souza" for "D'Souza");
# taken before the decomposition, which would make "´" a space and a mark.
_APOSTROPHES = frozenset("’‘ʼʻ`´′")


def _invisible(char: str) -> bool:
    """A mark on a letter, or a format character that is not shown (soft hyphen U+00AD,
    zero-width space and joiners, direction marks, BOM); also marks of combining class 0
    such as the grapheme joiner U+034F and variation selectors."""
    return bool(unicodedata.combining(char)) or unicodedata.category(char) in ("Mn", "Me", "Cf")


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character folded; may be empty (a lone combining mark) or longer ("æ" -> "ae")."""
    if char in _APOSTROPHES:
        return "'"
    lowered = char.casefold()  # first: "İ".casefold() is "i" plus a combining dot
    decomposed = unicodedata.normalize("NFKD", lowered)
    plain = "".join(c for c in decomposed if not _invisible(c))
    return "".join(_LETTERS.get(c, c) for c in plain)


def fold(text: str) -> str:
    """Lower case without diacritics: "Zoë", "ZOE" and "zoe" compare equal, as do "Yıldız"
    and "YILDIZ"."""
    return "".join(fold_char(c) for c in text)


def folded_with_map(text: str) -> tuple[str, list[int]]:
    """`fold(text)` and, per folded character, the index of the character it came from."""
    out: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        piece = fold_char(char)
        out.append(piece)
        where.extend([i] * len(piece))
    return "".join(out), where
