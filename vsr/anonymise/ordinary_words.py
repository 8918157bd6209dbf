"""Ordinary Dutch words that are also names ("Jong", "Wit", "Mei", "April", "Bos"): the common
and stop words that the de-identification library deduce ships, read as plain lists from its
data folder (without importing it: that is slow and sets up logging), plus the month and day
names. A name that is one of these is replaced only where it is written as a name: with a
capital letter (see `vsr.anonymise.names`)."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from vsr.anonymise.folding import fold

_LISTS = ("lst_common_word", "lst_stop_word")
_CALENDAR = frozenset("""
januari februari maart april mei juni juli augustus september oktober november december
january february march may june july august october
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
monday tuesday wednesday thursday friday saturday sunday
""".split())
# Words that deduce's lists lack but that are common in notes and are also Dutch surnames.
_MORE = frozenset("""
groen zwart rood blauw grijs bruin wit jong oud klein lang kort snel vos bos berg dijk
visser bakker smit koning mulder boer kok schouten post hoek
""".split())


def _deduce_whitelist() -> Path | None:
    spec = importlib.util.find_spec("deduce")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "lookup" / "src" / "whitelist"


@cache
def ordinary_words() -> frozenset[str]:
    """Folded ordinary words (deduce's common and stop words, calendar words, a few more)."""
    words = set(_CALENDAR) | set(_MORE)
    folder = _deduce_whitelist()
    for name in _LISTS if folder is not None else ():
        try:
            lines = (folder / name / "items.txt").read_text("utf-8").splitlines()  # type: ignore[operator]
        except OSError:
            continue  # a missing list only makes the capital rule apply to fewer names
        words.update(fold(line.strip()) for line in lines if line.strip())
    return frozenset(words)


def is_ordinary_word(word: str) -> bool:
    """A word that is (also) an ordinary word, or too short to tell (one or two letters)."""
    folded = fold(word)
    return len(folded) <= 2 or folded in ordinary_words()
