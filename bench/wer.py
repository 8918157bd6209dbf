"""Word error rate the way the field computes it for languages other than English.

The text is normalised as Whisper's `BasicTextNormalizer` does (the normaliser the Whisper
paper and the Open ASR leaderboard use for every language but English): lower case, words in
[brackets], <angle brackets> or (parentheses) dropped, every mark, symbol and punctuation
character (Unicode categories M, S and P, after NFKC) turned into a space, spaces collapsed.
Diacritics are kept ("één" is not "een"); a hyphen or an apostrophe separates words ("afval-achtig"
is two words, "z'n" is "z n"); numbers stay as they are written (Whisper's number spelling is for
English only, so "10" and "tien" differ, as in the published Dutch figures).

The error is the word-level Levenshtein distance (substitutions, deletions, insertions, each
costing one) over the whole text, as a percentage of the reference's words."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


def normalise(text: str) -> str:
    """Whisper's BasicTextNormalizer (remove_diacritics=False, split_letters=False)."""
    text = text.lower()
    text = re.sub(r"[<\[][^>\]]*[>\]]", "", text)  # [music], <noise>
    text = re.sub(r"\(([^)]+?)\)", "", text)  # (laughs)
    text = "".join(" " if unicodedata.category(c)[0] in "MSP" else c
                   for c in unicodedata.normalize("NFKC", text))
    return re.sub(r"\s+", " ", text.lower()).strip()


def words(text: str) -> list[str]:
    """The normalised text's words."""
    return normalise(text).split()


@dataclass(frozen=True, slots=True)
class Alignment:
    """The counts of one alignment of hypothesis against reference."""

    substitutions: int
    deletions: int
    insertions: int
    reference_words: int
    pairs: tuple[tuple[str, str], ...]  # (reference word or "", hypothesis word or "")

    @property
    def errors(self) -> int:
        return self.substitutions + self.deletions + self.insertions

    @property
    def wer(self) -> float:
        """Percent of the reference's words (100 per error when the reference is empty)."""
        return 100 * self.errors / max(1, self.reference_words)


def align(reference: list[str], hypothesis: list[str]) -> Alignment:
    """A minimal-cost word alignment (Levenshtein, unit costs) and its counts."""
    n, m = len(reference), len(hypothesis)
    cost = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        cost[i][0] = i
    for j in range(m + 1):
        cost[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            cost[i][j] = min(cost[i - 1][j] + 1, cost[i][j - 1] + 1,
                             cost[i - 1][j - 1] + (reference[i - 1] != hypothesis[j - 1]))
    subs = dels = ins = 0
    pairs: list[tuple[str, str]] = []
    i, j = n, m
    while i or j:
        if i and j and cost[i][j] == cost[i - 1][j - 1] + (reference[i - 1] != hypothesis[j - 1]):
            subs += reference[i - 1] != hypothesis[j - 1]
            pairs.append((reference[i - 1], hypothesis[j - 1]))
            i, j = i - 1, j - 1
        elif i and cost[i][j] == cost[i - 1][j] + 1:
            dels += 1
            pairs.append((reference[i - 1], ""))
            i -= 1
        else:
            ins += 1
            pairs.append(("", hypothesis[j - 1]))
            j -= 1
    return Alignment(subs, dels, ins, n, tuple(reversed(pairs)))


def word_error_rate(reference: list[str], hypothesis: list[str]) -> float:
    """Levenshtein distance over words, as a percentage of the reference's words."""
    return align(reference, hypothesis).wer
