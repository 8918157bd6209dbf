"""The word error rate of the transcript benchmark: Whisper's basic normaliser (the one used for
every language but English) and a true minimal alignment."""

from __future__ import annotations

from bench.wer import align, normalise, word_error_rate, words


def test_normaliser_case_punctuation_and_brackets() -> None:
    assert normalise("Barbaar! Kun je niet een beetje voorzichtiger zijn?!") == (
        "barbaar kun je niet een beetje voorzichtiger zijn")
    assert normalise("Geheimen van andere beschavingen, nieuwe technologie...") == (
        "geheimen van andere beschavingen nieuwe technologie")
    assert normalise("[muziek] Ja (lacht) <ruis> precies") == "ja precies"
    assert normalise("  Nee,\tdat\nnooit.  ") == "nee dat nooit"


def test_normaliser_keeps_diacritics_and_splits_at_hyphens_and_apostrophes() -> None:
    assert words("Eén cliënt, één ruïne") == ["eén", "cliënt", "één", "ruïne"]
    assert words("afval-achtig") == ["afval", "achtig"]
    assert words("z'n armen") == ["z", "n", "armen"]
    assert words("Dat is het wrak LC-10") == ["dat", "is", "het", "wrak", "lc", "10"]
    # numbers are not spelled out: for Dutch "10" and "tien" are different words
    assert words("tien") != words("10")
    # the decomposed and the composed é are one letter (NFKC), not a letter and a mark
    assert words("cafe\u0301") == words("caf\u00e9") == ["café"]


def test_alignment_counts_substitutions_deletions_and_insertions() -> None:
    ref = "kunnen we niet wat van deze schat meenemen".split()
    hyp = "kunnen we nu dat van deze schap neemen".split()
    a = align(ref, hyp)
    assert (a.substitutions, a.deletions, a.insertions) == (4, 0, 0)
    assert a.wer == 50.0
    ref, hyp = "een twee drie".split(), "een drie vier vijf".split()
    a = align(ref, hyp)
    assert a.errors == 3 and a.wer == 100.0 and a.deletions - a.insertions == len(ref) - len(hyp)
    # the pairs are the alignment: read down, they give back both texts
    assert [r for r, _h in a.pairs if r] == ref and [h for _r, h in a.pairs if h] == hyp
    assert ("een", "een") in a.pairs
    a = align("a b c d".split(), "a b c d".split())
    assert a.errors == 0 and all(r == h for r, h in a.pairs)
    a = align("a b c d".split(), [])
    assert (a.deletions, a.wer) == (4, 100.0)
    a = align([], "x y".split())
    assert (a.insertions, a.reference_words) == (2, 0)


def test_word_error_rate_is_the_minimal_edit_distance() -> None:
    # a split compound is one substitution and one insertion: two errors on one reference word
    assert word_error_rate(["controlepaneel"], ["controle", "paneel"]) == 200.0
    assert word_error_rate("dit veld is groot".split(), "dit is groot".split()) == 25.0
    # shifting words costs no more than deleting and inserting them
    assert word_error_rate("a b c".split(), "b c a".split()) == 200 / 3
