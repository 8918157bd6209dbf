"""One write path per table: rows of markers, sheets and reflections are inserted only by the
library's own row writers (`vsr.library.markers`, `vsr.library.sheets`), which clean text at
that boundary, so an import or a package can no longer store what an edit would not. A BORIS
comment with Word's line break (U+000B) is stored cleaned, and `vsr export eaf` then writes
XML that vsr's own ELAN import accepts. Also: every column of a table that travels in a
review package is either checked by `vsr.review_package.validate` or decided to stay home."""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.vsr.fakes import add_fake_recording
from vsr.cli.main import main
from vsr.interop.boris import import_boris
from vsr.interop.eaf_import import import_eaf
from vsr.library import Library, open_library
from vsr.library import markers as mk
from vsr.library import sheets as sh
from vsr.review_package import rows, validate

ROOT = Path(__file__).resolve().parents[2]
WRITE_PATH = {"markers": "vsr/library/markers.py", "sheets": "vsr/library/sheets.py",
              "reflections": "vsr/library/sheets.py"}
# INSERT / REPLACE INTO markers, "markers", [markers]; also through an f-string's table name.
_INSERT = re.compile(r"(?:INSERT|REPLACE)\s+(?:OR\s+\w+\s+)?INTO\s+[\"'\[`]?(\w+)",
                     re.IGNORECASE)


def _sources() -> list[Path]:
    return sorted(p for folder in ("vsr", "ui", "scripts", "bench")
                  for p in (ROOT / folder).rglob("*.py"))


def test_rows_of_markers_and_sheets_are_inserted_only_by_their_writers() -> None:
    found = []
    for path in _sources():
        source = path.read_text("utf-8")
        for match in _INSERT.finditer(source):
            table = match.group(1).lower()
            if table in WRITE_PATH and path.relative_to(ROOT).as_posix() != WRITE_PATH[table]:
                line = source.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(ROOT)}:{line} writes {table}")
    assert found == [], "use insert_marker_row / write_sheet_row / write_reflection_row"


def test_the_guard_sees_a_raw_insert() -> None:
    # The pattern above must match the forms a raw write takes, or the guard guards nothing.
    for sql in ('INSERT INTO markers (x) VALUES (?)', 'insert or replace into "sheets"',
                "REPLACE INTO [reflections]", 'INSERT INTO `markers`'):
        assert _INSERT.search(sql).group(1).lower() in WRITE_PATH, sql  # type: ignore[union-attr]


def test_every_column_that_travels_is_checked(library: Library) -> None:
    home = {"reviews": {"id", "recording_id", "extra_names"},
            "recordings": {"id", "path", "keep_until"},
            "consents": {"recording_id"}}
    checked = {"reviews": set(validate.REVIEW), "recordings": set(validate.RECORDING),
               "consents": set(validate.CONSENT)}
    for table, (fields, _key) in validate.TABLES.items():
        checked[table] = set(fields)
        home[table] = {"review_id"}
    assert set(validate.TABLES) == {t for t, _ in rows.TABLES}
    for table, fields in checked.items():
        columns = {str(r[1]) for r in library.conn.execute(f'PRAGMA table_info("{table}")')}
        undecided = columns - fields - home[table]
        assert undecided == set(), f"{table}: decide whether {undecided} travels in a package"
        assert fields - columns <= {"file_name"}, table


BORIS = {
    "behaviors_conf": {"0": {"code": "p", "type": "Point event", "description": ""},
                       "1": {"code": "s", "type": "State event", "description": "praat"}},
    "observations": {"obs": {"events": [
        [1.5, "subject1", "p", "", "eerste regel\x0btweede regel\x07"],
        [3.0, "subject1", "s", "", "begin\x1b[0m"],
        [6.0, "subject1", "s", "", "eind\ufffe"],
    ]}},
}


def test_boris_comment_with_word_line_break_round_trips_through_elan(
        library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "observatie.boris"
    source.write_text(json.dumps(BORIS), "utf-8")
    rec = add_fake_recording(library, tmp_path)
    result = import_boris(library, source, recording_id=rec.id,
                          mapping={"subject1": "Cliënt"})
    texts = [sh.get_sheet(library, m.id).what_happened
             for m in mk.list_markers(library, result.review_id)]
    assert texts == ["p\neerste regel\ntweede regel", "s (praat)\nbegin[0m\neind"]
    library.close()
    monkeypatch.setattr(sys.modules["vsr.cli.main"], "setup_logging", lambda: None)
    eaf = tmp_path / "uit.eaf"
    assert main(["--library", str(library.path), "export", "eaf", str(result.review_id),
                 "-o", str(eaf)]) == 0
    ET.parse(eaf)  # well-formed XML
    back = open_library(library.path)
    try:
        again = import_eaf(back, eaf, recording_id=rec.id)
        returned = [sh.get_sheet(back, m.id).what_happened
                    for m in mk.list_markers(back, again.review_id)]
        assert returned == texts
    finally:
        back.close()
