"""The benchmark suite's table takes every kind of row its row modules give (numbers and
targets in words), so the CI smoke run cannot fail on printing."""

from __future__ import annotations

from bench.__main__ import table


def test_table_prints_numeric_and_worded_targets() -> None:
    rows = [
        {"name": "placing one marker", "value": 15.9, "unit": "ms", "reference_value": None,
         "ratio": None, "target": 30, "met": True, "cpu_value": 6.9},
        {"name": "30 s clip", "value": 0.83, "unit": "s", "reference_value": 0.33, "ratio": 2.5,
         "target": "<= 2x `-c copy`", "met": False},
        {"name": "peak memory", "value": 312727, "unit": "kB", "reference_value": None,
         "ratio": None, "target": 350000, "met": True},
    ]
    lines = table(rows).splitlines()
    assert len(lines) == 2 + len(rows)
    assert "<= 2x `-c copy` | NO |" in lines[3]
    assert "| 312,727 kB |" in lines[4] and "| 15.9 ms | 6.9 ms |" in lines[2]


def test_a_stress_row_without_target_is_neither_met_nor_missed() -> None:
    rows = [{"name": "search under saturation", "value": 54.3, "unit": "ms",
             "reference_value": 18.8, "ratio": 2.89, "target": None, "met": None},
            {"name": "a row that could not be measured", "value": None, "unit": "ms",
             "reference_value": None, "ratio": None, "target": 200, "met": False}]
    lines = table(rows).splitlines()
    assert lines[2].endswith("| – | – | – |")
    assert "| 200 | NO |" in lines[3]
