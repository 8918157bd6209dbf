"""The one file-name builder (`vsr.file_names.safe_file_name`): names valid on Windows, macOS
and Linux, capped in bytes; and a scan that no other builder grows in vsr/ or ui/."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from vsr.file_names import MAX_NAME_BYTES, safe_file_name

ROOT = Path(__file__).resolve().parents[2]


def test_refused_characters_and_white_space_become_one_dash() -> None:
    assert safe_file_name('Gesprek: "Zoë" 12/1', "md") == "Gesprek-Zoë-12-1.md"
    assert safe_file_name("a\\b/c*d?e<f>g|h\ti\nj\x00k", ".srt") == "a-b-c-d-e-f-g-h-i-j-k.srt"
    assert safe_file_name("  intake   mei  ", "pdf") == "intake-mei.pdf"


@pytest.mark.parametrize("stem", ["", "  ", ".", "..", "...", "-", "///", "\x00"])
def test_nothing_left_is_the_fallback(stem: str) -> None:
    assert safe_file_name(stem, "pdf", fallback="leerverslag") == "leerverslag.pdf"
    assert safe_file_name(stem) == "export"
    assert safe_file_name(stem, fallback="???") == "export"


def test_invisible_direction_and_zero_width_characters_go() -> None:
    """A title from a hostile package: a right-to-left override would make the exported
    "verslag\u202efdp.exe.pdf" show as "verslagfdp.exe.pdf" reversed, i.e. like an .exe."""
    assert safe_file_name("verslag\u202efdp.exe", ".pdf") == "verslagfdp.exe.pdf"
    assert safe_file_name("Zo\u200bë\u2066\u200f\ufeff", "txt") == "Zoë.txt"
    assert safe_file_name("\u202e\u200b", "pdf") == "export.pdf"


def test_no_hidden_file_and_no_trailing_dot() -> None:
    # Windows drops a trailing dot or space; a leading dot hides the file on macOS and Linux.
    assert safe_file_name(".bashrc") == "bashrc"
    assert safe_file_name("verslag. ", "pdf") == "verslag.pdf"


@pytest.mark.parametrize("stem", ["CON", "con", "Nul", "COM1", "lpt9", "aux.backup"])
def test_windows_device_names_are_not_used(stem: str) -> None:
    name = safe_file_name(stem, "txt")
    assert name.split(".")[0].upper() not in {"CON", "NUL", "COM1", "LPT9", "AUX"}
    head, dot, rest = stem.partition(".")
    assert name == f"{head}_{dot}{rest}.txt"
    assert re.match(r"^[A-Za-z0-9]", safe_file_name(stem, ascii_only=True))
    assert safe_file_name("console", "txt") == "console.txt"  # only the exact device names


def test_length_is_capped_in_bytes_between_characters() -> None:
    name = safe_file_name("ë" * 200, "pdf")
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES and name.endswith(".pdf")
    assert name == "ë" * ((MAX_NAME_BYTES - 4) // 2) + ".pdf"  # no half character
    assert len(safe_file_name("a" * 500, max_bytes=20).encode()) == 20


def test_the_suffix_is_an_extension_only() -> None:
    assert safe_file_name("x", "../../etc") == "x.etc"
    assert safe_file_name("x", ".PDF") == "x.PDF"
    assert safe_file_name("x", "") == "x"


def test_ascii_only_for_package_members() -> None:
    assert safe_file_name("Gesprek met Zoë (1).mp4", ascii_only=True) == "Gesprek-met-Zoe-1.mp4"
    assert safe_file_name("Zoë (1)", "mp4") == "Zoë-(1).mp4"  # brackets are allowed
    member = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._ -]{0,120}$")  # review_package.archive's rule
    for raw in ("_x.mp4", "ëëë", "日本語.mp4", "....", "a" * 400, "-_-.mp4"):
        name = safe_file_name(raw, fallback="recording", ascii_only=True)
        assert member.match(name), (raw, name)


def test_undecodable_bytes_are_shown_not_kept() -> None:
    name = safe_file_name("opname-\udce9.mp4")
    assert "\udce9" not in name and name.encode("utf-8")


# -- no other builder -----------------------------------------------------------------------
# A builder cleans text into a name by hand: a regex or a character filter over the
# characters file systems refuse, a path separator replaced, or a length cut on a name.
_BUILDER_SIGNS = (
    re.compile(r"""re\.sub\(\s*r?["'][^"']*\\\\/:\*\?"""),  # re.sub(r'[\\/:*?"<>|]', ...)
    re.compile(r"""\.replace\(\s*["']/["']"""),  # name.replace("/", "-")
    re.compile(r"""isalnum\(\)\s+or\s+\w+\s+in\s+["']"""),  # c.isalnum() or c in "._-"
)
_ALLOWED = {"vsr/file_names.py"}


def builder_signs(source: str) -> list[int]:
    return sorted({source.count("\n", 0, m.start()) + 1
                   for sign in _BUILDER_SIGNS for m in sign.finditer(source)})


def test_the_scan_finds_a_builder() -> None:
    assert builder_signs('x = re.sub(r\'[\\\\/:*?"<>|\\s]+\', "-", title)\n') == [1]
    assert builder_signs('y = f"{stem}.{fmt}".replace("/", "-")\n') == [1]
    assert builder_signs('z = "".join(c if c.isalnum() or c in "._ -" else "_" for c in n)\n') == [1]
    assert builder_signs("name = safe_file_name(title, 'pdf')\n") == []


def test_no_other_file_name_builder_in_vsr_or_ui() -> None:
    offenders = []
    for folder in ("vsr", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel in _ALLOWED:
                continue
            offenders += [f"{rel}:{line}" for line in builder_signs(path.read_text("utf-8"))]
    assert offenders == []


def test_the_named_builders_all_call_the_one_function() -> None:
    """The summary's, the subtitles' and the replaced names' file names come from it."""
    callers = set()
    for folder in ("vsr", "ui"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "safe_file_name":
                    callers.add(path.relative_to(ROOT).as_posix())
    assert {"vsr/export/__init__.py", "vsr/anonymise/names.py", "vsr/review_package/__init__.py",
            "ui/interop/menu.py"} <= callers
