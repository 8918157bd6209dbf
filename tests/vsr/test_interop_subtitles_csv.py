"""`vsr export vtt|srt|csv`: a WebVTT parser reads our cues, a plain SRT parser reads the SRT,
and the csv module reads the CSV as Excel with Dutch settings would (utf-8-sig, ';'), with no
cell that a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import webvtt

from tests.lang import worded
from tests.vsr.interop_fixtures import A_POINT, A_RANGE, B_CLIENT_OTHER, B_PRO, C_TEXT, interop_review
from vsr.cli import main
from vsr.interop.csv_export import neutralise
from vsr.interop.exports import export_review_file
from vsr.interop.subtitles import vtt_escape
from vsr.library import open_library


def test_webvtt_parser_reads_our_cues(library, tmp_path: Path) -> None:
    data = interop_review(library, tmp_path)
    out = export_review_file(library, data.review.id, "vtt", tmp_path / "r.vtt")
    cues = webvtt.read(str(out))
    assert [(c.start, c.end) for c in cues] == [
        ("00:00:12.000", "00:00:24.500"), ("00:00:31.250", "00:00:31.750"),
        ("00:01:02.000", "00:01:15.000"), ("00:01:38.000", "00:01:38.500")]
    first = cues[0].text
    assert first.startswith("Anouk de Vries · Wat bereiken we met elkaar?: Ik vroeg naar je doel")
    raw = out.read_text(encoding="utf-8")
    assert "--&gt;" in raw and "&lt;pauze&gt;" in raw and "&amp; zuchten" in raw
    assert raw.count("-->") == 4  # only the timing lines
    assert cues[3].text == "Zoë Çelik"  # a point with an empty sheet: who marked it


def test_vtt_escape_rules() -> None:
    assert vtt_escape("a --> b <i> & c") == "a --&gt; b &lt;i&gt; &amp; c"
    assert vtt_escape("one\n\ntwo") == "one\ntwo"  # a blank line would end the cue


def _parse_srt(text: str) -> list[tuple[int, str, str, str]]:
    blocks = [b for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    cues = []
    for block in blocks:
        number, timing, *lines = block.split("\n")
        m = re.fullmatch(r"(\d\d:\d\d:\d\d,\d\d\d) --> (\d\d:\d\d:\d\d,\d\d\d)", timing)
        assert m, timing
        cues.append((int(number), m.group(1), m.group(2), "\n".join(lines)))
    return cues


def test_srt_reads_back(library, tmp_path: Path) -> None:
    data = interop_review(library, tmp_path)
    out = export_review_file(library, data.review.id, "srt", tmp_path / "r.srt")
    cues = _parse_srt(out.read_bytes().decode("utf-8-sig"))
    assert [c[:3] for c in cues] == [(1, "00:00:12,000", "00:00:24,500"), (2, "00:00:31,250", "00:00:31,750"),
                                     (3, "00:01:02,000", "00:01:15,000"), (4, "00:01:38,000", "00:01:38,500")]
    assert "-->" not in cues[0][3] and "Ik vroeg naar je doel" in cues[0][3]
    assert cues[1][3].startswith("Zoë Çelik · Hoe gaat onze samenwerking?: =HYPERLINK")


def _excel_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def test_csv_as_excel_reads_it(library, tmp_path: Path) -> None:
    data = interop_review(library, tmp_path)
    out = export_review_file(library, data.review.id, "csv", tmp_path / "r.csv")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    header, *rows = _excel_rows(out)
    assert header == ["begin", "einde", "begin (ms)", "einde (ms)", "deelnemer", "themakaart", "onderwerp",
                      "A wat gebeurde er", "B Anouk de Vries over zichzelf", "B Anouk de Vries over de ander",
                      "Gevoelens Anouk de Vries", "B Zoë Çelik over zichzelf", "B Zoë Çelik over de ander",
                      "Gevoelens Zoë Çelik", "B Tolk over zichzelf", "B Tolk over de ander",
                      "Gevoelens Tolk", "C behouden of veranderen"]
    assert len(rows) == 4 and all(len(r) == len(header) for r in rows)
    first, point = rows[0], rows[1]
    assert first[:7] == ["00:00:12.000", "00:00:24.500", "12000", "24500", "Anouk de Vries",
                         "Wat bereiken we met elkaar?", "Doel"]
    assert first[7] == A_RANGE and first[8] == "'" + B_PRO and first[12] == "'" + B_CLIENT_OTHER
    assert first[17] == "'" + C_TEXT
    assert point[1] == "" and point[3] == "" and point[7] == "'" + A_POINT  # new line kept in the cell
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


def test_neutralise() -> None:
    for dangerous in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(dangerous) == "'" + dangerous
    assert neutralise("gewoon") == "gewoon" and neutralise("") == ""


def test_csv_english_and_comma(library, tmp_path: Path) -> None:
    data = interop_review(library, tmp_path)
    out = worded("en", export_review_file, library, data.review.id, "csv", tmp_path / "r.csv", separator=",")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle, delimiter=","))
    assert header[:3] == ["start", "end", "start (ms)"]


@pytest.mark.parametrize("fmt", ["vtt", "srt", "csv", "eaf"])
def test_cli_export(tmp_path: Path, fmt: str, capsys) -> None:
    lib_path = tmp_path / "lib.sqlite"
    lib = open_library(lib_path)
    data = interop_review(lib, tmp_path)
    lib.close()
    out = tmp_path / f"uit.{fmt}"
    assert main(["--library", str(lib_path), "export", fmt, str(data.review.id), "-o", str(out)]) == 0
    assert out.exists() and str(out) in capsys.readouterr().out
    assert not list(tmp_path.glob(".*.partial"))
