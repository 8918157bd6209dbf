"""Dutch as Dutch in search: Snowball's Dutch stemmer, so "afspraak" finds "afspraken".

The stem is not always a prefix of the word as written (Snowball writes one stem for
"afspraak" and "afspraken", with the vowel single or double depending on its version). `stems` gives the stems
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
    """Prefixes that find `word` and its Dutch inflections in an index of written words: the
    word, its stem, and the stem with its last long vowel written single and double (Snowball
    2 writes "afsprak" for "afspraak" and "afspraken", Snowball 3 "afspraak"; "afsprak"* finds
    "afspraken", "afspraak"* finds "afspraak")."""
    word = word.casefold()
    found = [word]
    root = stem(word)
    for form in (root, _undouble(root), _redouble(root)):
        if form and form not in found:
            found.append(form)
    return found


def _undouble(root: str) -> str | None:
    """"afspraak" -> "afsprak": a doubled vowel before the last consonant, written single."""
    if len(root) < 4:
        return None
    a, b, c = root[-3], root[-2], root[-1]
    if a == b and a in _VOWELS and c not in _VOWELS:
        return root[:-2] + c
    return None


def _redouble(root: str) -> str | None:
    """"afsprak" -> "afspraak": a single vowel before the last consonant, written double."""
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
