"""Dutch as Dutch in search: Snowball's Dutch stemmer, so "afspraak" finds "afspraken".

Snowball undoubles a vowel before the last consonant ("afspraak" and "afspraken" both become
"afsprak"), so the stem is not always a prefix of the word as written. `stems` gives the stems
of a text (stored beside spoken text in its index); `fts_words` gives, for one query word, the
prefixes to look for in an index of written words (the word, its stem, and its stem with the
vowel doubled again)."""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"\w+", re.UNICODE)
_VOWELS = "aeiou"


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import snowballstemmer

    return snowballstemmer.stemmer("dutch")


def stem(word: str) -> str:
    return str(_stemmer().stemWord(word.casefold()))


def stems(text: str) -> str:
    """The stems of the words of `text`, space-separated, in order."""
    return " ".join(stem(w) for w in _WORD.findall(text))


def fts_words(word: str) -> list[str]:
    """Prefixes that find `word` and its Dutch inflections in an index of written words."""
    word = word.casefold()
    found = [word]
    root = stem(word)
    if root and root not in found:
        found.append(root)
    redoubled = _redouble(root)
    if redoubled and redoubled not in found:
        found.append(redoubled)
    return found


def _redouble(root: str) -> str | None:
    """"afsprak" -> "afspraak": the long vowel Snowball undoubled before the last consonant."""
    if len(root) < 3:
        return None
    a, b, c = root[-3], root[-2], root[-1]
    if b in _VOWELS and a not in _VOWELS and c not in _VOWELS:
        return root[:-1] + b + c
    return None


def stemmed_fts_query(text: str) -> str:
    """An FTS5 query for written text: every word required, each as any of its prefixes."""
    groups = []
    for word in _WORD.findall(text):
        options = " OR ".join(f'"{w}"*' for w in fts_words(word))
        groups.append(f"({options})")
    return " AND ".join(groups)


def stems_fts_query(text: str) -> str:
    """An FTS5 query for a `stems` column: every word's stem required, as a prefix (so a
    compound's tail is not found, but "hulpverlening" finds "hulpverleningstraject")."""
    return " AND ".join(f'"{stem(w)}"*' for w in _WORD.findall(text))
