"""A share's values come from the team library, where any member can put any JSON: each is
checked the way a package's is before the review goes into the library (no server needed: what
the server returned is given as it is)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.lang import worded
from tests.vsr.interop_fixtures import table_dump
from vsr.library import Library, open_library
from vsr.library import markers as mk
from vsr.library.sheets import get_sheet
from vsr.model import MAX_RECORDING_MS
from vsr.team.connection import TeamError
from vsr.team.received import Incoming, put_incoming


def _item(**moment: Any) -> dict[str, Any]:
    row = {"start_ms": 1_000, "end_ms": 2_000, "party": "client", "theme": "",
           "what_happened": "Ik luisterde", "reflections": "", "keep_or_change": ""}
    row.update(moment)
    return {"team": "Team Noord", "title": "Gesprek", "purpose": "intervisie",
            "duration_ms": 120_000, "moments": [row]}


def _incoming(tmp_path: Path, item: dict[str, Any]) -> Incoming:
    return Incoming("0b6a7f55-3c55-4d4c-9a7e-0d3f1c1d2e3f", item, tmp_path / "media",
                    tmp_path / "cache" / "share.mp4", "test:abc", 1234)


@pytest.fixture
def lib(tmp_path: Path):  # type: ignore[no-untyped-def]
    library = open_library(tmp_path / "library.sqlite", backup=False)
    yield library
    library.close()


HOSTILE = {
    "a start that is text": (_item(start_ms="abc"), "start_ms"),
    "a start of 2**63": (_item(start_ms=2**63, end_ms=None), "start_ms"),
    "a start of -1": (_item(start_ms=-1), "start_ms"),
    "an end before the start": (_item(end_ms=10), "end_ms"),
    "a moment after the recording's end": (_item(start_ms=300_000, end_ms=None), "start_ms"),
    "a moment at 49 hours": (_item(start_ms=MAX_RECORDING_MS + 3_600_000, end_ms=None),
                             "start_ms"),
    "a text of 2 million characters": (_item(what_happened="x" * 2_000_000), "what_happened"),
    "a moment that is a list": ({**_item(), "moments": [[1, 2]]}, "moments"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_share_is_refused_in_words_and_adds_nothing(
        case: str, lib: Library, tmp_path: Path) -> None:
    item, field = HOSTILE[case]
    before = table_dump(lib)
    with pytest.raises(TeamError) as refused:
        put_incoming(lib, _incoming(tmp_path, item))
    assert refused.value.key == "error.team.share_invalid"
    english = worded("en", refused.value.message)
    assert f"'{field}'" in english and "Nothing was added" in english
    assert "niets toegevoegd" in worded("nl", refused.value.message)
    assert table_dump(lib) == before


def test_a_title_of_10_mb_is_refused(lib: Library, tmp_path: Path) -> None:
    with pytest.raises(TeamError) as refused:
        put_incoming(lib, _incoming(tmp_path, {**_item(), "title": "t" * 10_000_000}))
    assert "'title'" in worded("en", refused.value.message)


def test_an_ordinary_share_comes_in_with_its_text_cleaned(lib: Library, tmp_path: Path) -> None:
    arriving = put_incoming(lib, _incoming(tmp_path, _item(what_happened="Ik\x00 luisterde\ud800")))
    markers = mk.list_markers(lib, arriving.review_id)
    assert [(m.start_ms, m.end_ms) for m in markers] == [(1_000, 2_000)]
    assert get_sheet(lib, markers[0].id).what_happened == "Ik luisterde"
