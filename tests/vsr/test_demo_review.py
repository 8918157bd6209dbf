"""The demo review speaks the app's language: its title and gespreksblad texts are core messages
(resources/locale, keys "demo.…"), worded in the language that is set when it is made."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.vsr.fakes import add_fake_recording
from vsr.demo import create_demo_review
from vsr.i18n import using_language
from vsr.library import markers as mk
from vsr.library import sheets as sh


@pytest.mark.parametrize("lang, title, first_a", [
    ("nl", "Demo: terugkijken op een begeleidingsgesprek",
     "Ik vroeg wat je doel is voor de komende maand."),
    ("en", "Demo: looking back at a guidance conversation",
     "I asked what your goal is for the coming month."),
])
def test_the_demo_review_is_in_the_language_set(library, tmp_path: Path, lang: str, title: str,  # type: ignore[no-untyped-def]
                                                first_a: str) -> None:
    rec = add_fake_recording(library, tmp_path, duration_ms=150_000)
    with using_language(lang):
        review = create_demo_review(library, rec)
        again = create_demo_review(library, rec)
    assert review.title == title and again.id == review.id  # made once per language
    markers = sorted(mk.list_markers(library, review.id), key=lambda m: m.start_ms)
    assert len(markers) == 4
    texts = [sh.get_sheet(library, m.id) for m in markers]
    words = " ".join(str(t) for t in texts)
    assert "demo." not in words  # no message key left unworded
    assert first_a in words
