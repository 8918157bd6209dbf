"""Moments from ELAN or BORIS beyond the recording's end: before, they were accepted without a
word (a marker at 1:45:00 on a 2-minute recording). A moment that starts after the end refuses
the import (the file belongs to another recording); one that runs past the end is cut there,
and the import says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.lang import worded
from tests.vsr.fakes import add_fake_recording
from tests.vsr.interop_fixtures import table_dump
from vsr.cli import main
from vsr.errors import ImportFileError
from vsr.interop.boris import import_boris
from vsr.interop.eaf_import import import_eaf
from vsr.library import markers as mk
from vsr.library import open_library

SLOTS = '<TIME_SLOT TIME_SLOT_ID="t{n}" TIME_VALUE="{ms}"/>'
ANNOTATION = ('<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a{n}" TIME_SLOT_REF1="t{a}" '
              'TIME_SLOT_REF2="t{b}"><ANNOTATION_VALUE>Moment ı ł ø {n}</ANNOTATION_VALUE>'
              '</ALIGNABLE_ANNOTATION></ANNOTATION>')


def _eaf(tmp_path: Path, spans: list[tuple[int, int]]) -> Path:
    slots = "".join(SLOTS.format(n=2 * i + k, ms=ms) for i, span in enumerate(spans)
                    for k, ms in enumerate(span))
    anns = "".join(ANNOTATION.format(n=i, a=2 * i, b=2 * i + 1) for i in range(len(spans)))
    path = tmp_path / "momenten.eaf"
    path.write_text(f'<ANNOTATION_DOCUMENT VERSION="3.0"><HEADER TIME_UNITS="milliseconds"/>'
                    f'<TIME_ORDER>{slots}</TIME_ORDER><TIER TIER_ID="Jo" PARTICIPANT="Jo">'
                    f'{anns}</TIER></ANNOTATION_DOCUMENT>', encoding="utf-8")
    return path


def _boris(tmp_path: Path, seconds: list[float]) -> Path:
    events = [[s, "", "praten", "", ""] for s in seconds]
    path = tmp_path / "project.boris"
    path.write_text(json.dumps({"observations": {"o": {"events": events}},
                                "behaviors_conf": {"0": {"code": "praten", "type": "Point event"}}}),
                    encoding="utf-8")
    return path


def test_a_moment_after_the_end_refuses_the_import(library, tmp_path: Path) -> None:
    rec = add_fake_recording(library, tmp_path)  # 2:00; the error says times exactly (to the tenth)
    before = table_dump(library)
    cases = ((import_eaf, _eaf(tmp_path, [(1_000, 2_000), (6_300_000, 6_301_000)]), "1:45:00.0 (1"),
             (import_boris, _boris(tmp_path, [1.0, 200.0, 125.5]), "2:05.5 (2"))
    for importer, file, first in cases:
        with pytest.raises(ImportFileError) as err:
            importer(library, file, recording_id=rec.id)  # type: ignore[operator]
        message = worded("en", err.value.message)
        assert str(file) in message and "the recording lasts 2:00.0" in message
        assert f"the first moment after it starts at {first} in all)" in message
        assert "Nothing was imported" in message
        assert "het eerste moment erna begint op" in worded("nl", err.value.message)
    assert table_dump(library) == before


def test_a_moment_running_past_the_end_is_cut_there_and_said(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    lib_path = tmp_path / "lib.sqlite"
    lib = open_library(lib_path)
    rec = add_fake_recording(lib, tmp_path)
    lib.close()
    file = _eaf(tmp_path, [(1_000, 2_000), (110_000, 130_000), (119_999, 500_000)])
    code = main(["--library", str(lib_path), "--lang", "en", "import-eaf", str(file),
                 "--recording", str(rec.id)])
    out, err = capsys.readouterr()
    assert code == 0
    assert err.strip() == ("Note: 2 moments ran past the end of the recording; they now end "
                           "where the recording ends.")
    lib = open_library(lib_path)
    try:
        markers = sorted(mk.list_markers(lib, 1), key=lambda m: m.start_ms)
    finally:
        lib.close()
    assert [(m.start_ms, m.end_ms) for m in markers] == [(1_000, 2_000), (110_000, 120_000),
                                                         (119_999, 120_000)]


def test_on_a_recording_of_unknown_length_no_moment_lies_beyond_the_longest_recording(
        library, tmp_path: Path) -> None:
    """A recording of unknown length (0) checks no end. ELAN allowed 115 days and BORIS 100:
    a moment at 49 hours was stored, and the review's package was then refused by every vsr
    (a moment's time is at most 48 hours). Now the file is refused, and 47 hours still come in
    and travel in a package."""
    from vsr.model import MAX_RECORDING_MS
    from vsr.review_package import pack_review, unpack_review

    rec = add_fake_recording(library, tmp_path, duration_ms=0)
    before = table_dump(library)
    hours49 = MAX_RECORDING_MS + 3_600_000
    for importer, file in ((import_eaf, _eaf(tmp_path, [(1_000, hours49)])),
                           (import_boris, _boris(tmp_path, [hours49 / 1000]))):
        with pytest.raises(ImportFileError) as err:
            importer(library, file, recording_id=rec.id)  # type: ignore[operator]
        assert str(file) in worded("en", err.value.message)
        assert "do not add up" in worded("en", err.value.message)
    assert table_dump(library) == before
    hours47 = MAX_RECORDING_MS - 3_600_000
    done = import_eaf(library, _eaf(tmp_path, [(1_000, hours47)]), recording_id=rec.id)
    import_boris(library, _boris(tmp_path, [hours47 / 1000]), recording_id=rec.id,
                 review_id=done.review_id)
    package = pack_review(library, done.review_id, tmp_path / "p.vsrpack")
    other = open_library(tmp_path / "other" / "library.sqlite")
    try:
        received = unpack_review(other, package)
        assert sorted(m.end_ms or m.start_ms for m in mk.list_markers(other, received.review_id)) \
            == [hours47, hours47]
    finally:
        other.close()
