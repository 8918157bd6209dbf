"""`vsr import-boris`: the real BORIS projects of the corpus; state events as ranges, point
events as points, behaviour, modifiers and comment in A, subjects as parties."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.vsr.fakes import add_fake_recording
from tests.vsr.interop_fixtures import table_dump
from vsr.cli import main
from vsr.errors import ImportFileError
from vsr.interop.boris import import_boris, read_boris
from vsr.library import markers as mk
from vsr.library import open_library
from vsr.library import reviews as rv
from vsr.library import sheets as sh


def test_all_observations_of_the_corpus_read(corpus: Path) -> None:
    counts = {}
    for name in ("test.boris", "test_without_media_files_paths.boris",
                 "test_with_leading_trailing_spaces_in_modifiers.boris"):
        project = read_boris(corpus / "boris" / name)
        counts[name] = (len(project.observations), sum(len(e) for e in project.observations.values()))
    assert counts == {"test.boris": (12, 133), "test_without_media_files_paths.boris": (9, 73),
                      "test_with_leading_trailing_spaces_in_modifiers.boris": (1, 4)}


def test_state_events_become_ranges(library, tmp_path: Path, corpus: Path) -> None:
    rec = add_fake_recording(library, tmp_path)
    result = import_boris(library, corpus / "boris" / "test.boris", recording_id=rec.id,
                          observation="observation #1", mapping={"subject1": "Cliënt"})
    assert list(result.parties) == ["Cliënt", "subject2"]
    markers = mk.list_markers(library, result.review_id)
    # 6 state events of subject1 and 2 of subject2, behaviour s: four start/stop pairs
    assert [(m.start_ms, m.end_ms) for m in markers] == [
        (3300, 7750), (9900, 16200), (18350, 24475), (38425, 46100)]
    names = {p.id: p.name for p in rv.list_parties(library, result.review_id)}
    assert [names[m.party_id] for m in markers] == ["Cliënt"] * 3 + ["subject2"]
    first = sh.get_sheet(library, markers[0].id).what_happened
    assert first.startswith("s (Test state event)")


def test_points_modifiers_and_spaces(library, tmp_path: Path, corpus: Path) -> None:
    rec = add_fake_recording(library, tmp_path)
    result = import_boris(library, corpus / "boris" / "test_with_leading_trailing_spaces_in_modifiers.boris",
                          recording_id=rec.id)
    markers = mk.list_markers(library, result.review_id)
    assert [(m.start_ms, m.end_ms) for m in markers] == [
        (4151, None), (12663, None), (20135, None), (26007, None)]
    texts = [sh.get_sheet(library, m.id).what_happened for m in markers]
    assert texts == ["p\na, c", "p\na", "p\n111", "p\nc"]
    assert [p.name for p in rv.list_parties(library, result.review_id)] == ["Zonder subject"]


def test_modifier_events(library, tmp_path: Path, corpus: Path) -> None:
    rec = add_fake_recording(library, tmp_path)
    result = import_boris(library, corpus / "boris" / "test.boris", recording_id=rec.id,
                          observation="modifiers")
    texts = [sh.get_sheet(library, m.id).what_happened for m in mk.list_markers(library, result.review_id)]
    assert texts[0] == "q (point event with 1 set of modifiers)\nm1"


def test_several_observations_need_a_choice(library, tmp_path: Path, corpus: Path) -> None:
    rec = add_fake_recording(library, tmp_path)
    before = table_dump(library)
    with pytest.raises(ImportFileError) as err:
        import_boris(library, corpus / "boris" / "test.boris", recording_id=rec.id)
    assert err.value.key == "error.import.choose_observation"
    assert "observation #1" in err.value.message()
    with pytest.raises(ImportFileError) as err:
        import_boris(library, corpus / "boris" / "test.boris", recording_id=rec.id, observation="nope")
    assert err.value.key == "error.import.unknown_observation"
    with pytest.raises(ImportFileError) as err:
        import_boris(library, corpus / "boris" / "test.boris", recording_id=rec.id,
                     observation="observation without events")
    assert err.value.key == "error.import.nothing"
    assert table_dump(library) == before


def test_every_observation_with_events_imports(library, tmp_path: Path, corpus: Path) -> None:
    rec = add_fake_recording(library, tmp_path, duration_ms=3_600_000)  # as long as the longest
    for name in ("test.boris", "test_without_media_files_paths.boris"):
        project = read_boris(corpus / "boris" / name)
        for obs, events in project.observations.items():
            if events:
                result = import_boris(library, corpus / "boris" / name, recording_id=rec.id, observation=obs)
                assert 0 < result.moments <= len(events)


def test_cli(tmp_path: Path, corpus: Path, capsys) -> None:
    lib_path = tmp_path / "lib.sqlite"
    lib = open_library(lib_path)
    rec = add_fake_recording(lib, tmp_path)
    lib.close()
    file = corpus / "boris" / "test.boris"
    assert main(["--library", str(lib_path), "import-boris", str(file), "--recording", str(rec.id),
                 "--observation", "live", "--map", "=x"]) == 2
    assert main(["--library", str(lib_path), "import-boris", str(file), "--recording", str(rec.id),
                 "--observation", "live"]) == 0
    assert "momenten" in capsys.readouterr().out
