"""Moments as a spreadsheet: one row per moment with times, party, theme, A, B per party (with
the feelings chosen as pictograms, in words) and C.
UTF-8 with a byte-order mark and ";" between cells, which is what Excel with Dutch (and most
European) settings opens correctly on a double click; "," can be chosen. A cell that starts with
= + - @ (or tab/CR) is prefixed with ' so no spreadsheet runs it as a formula."""

from __future__ import annotations

import csv
from pathlib import Path

from vsr.i18n import translate
from vsr.interop.moments import ExportReview, feeling_words
from vsr.interop.subtitles import clock

DEFAULT_SEPARATOR = ";"
SEPARATORS = (";", ",", "\t")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def csv_rows(data: ExportReview) -> list[list[str]]:
    header = [translate(k) for k in ("csv.start", "csv.end", "csv.start_ms", "csv.end_ms",
                                           "csv.party", "csv.theme", "csv.subtopic", "csv.a")]
    for p in data.parties:
        header += [translate("csv.b_me", party=p.name), translate("csv.b_other", party=p.name),
                   translate("csv.feelings", party=p.name)]
    header.append(translate("csv.c"))
    rows = [header]
    for m in data.moments:
        end = m.marker.end_ms
        row = [clock(m.marker.start_ms, "."), "" if end is None else clock(end, "."),
               str(m.marker.start_ms), "" if end is None else str(end), m.party.name, m.theme_title,
               m.subtopic_title, m.sheet.what_happened]
        for p in data.parties:
            b = m.sheet.reflection(p.id)
            row += [b.to_me, b.to_other, feeling_words(m, p.id)]
        row.append(m.sheet.keep_or_change)
        rows.append(row)
    return [[neutralise(cell) for cell in row] for row in rows]


def write_csv(data: ExportReview, out: Path, separator: str = DEFAULT_SEPARATOR) -> None:
    with out.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=separator, quoting=csv.QUOTE_MINIMAL,
                   lineterminator="\r\n").writerows(csv_rows(data))
