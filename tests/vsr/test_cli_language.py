"""The CLI in one language (issue 20): a failure is one sentence through `vsr.cli.output` (a
lint test keeps `sys.stderr` out of the rest of the core), `vsr --lang en list` prints English
words only, and `vsr --help` / `vsr export --help` are worded in Dutch and English, argparse's
own words ("usage:", "options", its errors) too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.vsr.fakes import add_fake_recording
from vsr.cli import help_text
from vsr.cli.main import _parser, main
from vsr.i18n import set_language
from vsr.library import Library
from vsr.library import reviews as rv

ROOT = Path(__file__).resolve().parents[2]
CLI_PO = ROOT / "resources" / "locale" / "nl" / "LC_MESSAGES" / "vsr_cli.po"
# Where the core may write to stderr itself: the CLI's one output module, the log's console
# handler, and the transcript child, whose stderr is read by its parent (not by a person).
STDERR_ALLOWED = {"vsr/cli/output.py", "vsr/app_log.py", "vsr/transcript/child.py"}
_STDERR = re.compile(r"\bsys\s*\.\s*(?:__)?stderr(?:__)?\b|\bstderr\s*\.\s*write\s*\(")


def test_stderr_is_written_only_by_the_cli_output_module() -> None:
    found = []
    for path in sorted((ROOT / "vsr").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        source = path.read_text("utf-8")
        for match in _STDERR.finditer(source):
            if name not in STDERR_ALLOWED:
                found.append(f"{name}:{source.count(chr(10), 0, match.start()) + 1}")
    assert found == [], "print errors with vsr.cli.output.print_error (notes: print_note)"


def test_the_guard_sees_a_direct_print_to_stderr() -> None:
    for code in ('print(exc.message(), file=sys.stderr)', "sys.stderr.write(text)",
                 "print(x, file = sys . stderr)", "sys.__stderr__"):
        assert _STDERR.search(code), code
    assert not _STDERR.search("subprocess.run(cmd, stderr=subprocess.PIPE)")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as stop:  # --help and argparse's errors end with SystemExit
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def listed(library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Library:
    rec = add_fake_recording(library, tmp_path)
    rv.create_review(library, rec.id, title="Gesprek")
    monkeypatch.setenv("VSR_LIBRARY", str(tmp_path / "library.sqlite"))
    return library


def test_list_in_english_prints_english_words_only(
        listed: Library, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys, "--lang", "en", "list")
    assert code == 0
    assert "Recordings:" in out and "recording 1" in out and "0 markers" in out
    assert not re.search(r"\b(opname|opnamen|momenten|terugkijkgesprek)\b", out), out
    code, out, _err = _run(capsys, "--lang", "nl", "list")
    assert code == 0 and "opname 1" in out


def test_a_failure_is_one_sentence_in_the_chosen_language(
        listed: Library, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = _run(capsys, "--lang", "en", "export", "summary", "999",
                          "-o", str(tmp_path / "verslag.pdf"))
    assert code != 0 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err and "error." not in err, err
    code, _out, err_nl = _run(capsys, "--lang", "nl", "export", "summary", "999",
                              "-o", str(tmp_path / "verslag.pdf"))
    assert code != 0 and err_nl.strip() and err_nl != err


@pytest.mark.parametrize("argv", [["--help"], ["export", "--help"]])
def test_help_is_worded_in_dutch_and_in_english(
        argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, dutch, _ = _run(capsys, "--lang", "nl", *argv)
    assert code == 0
    assert dutch.startswith("gebruik: vsr") and "\nopties:\n" in dutch
    assert "toon deze hulp en stop" in dutch and "usage:" not in dutch
    code, english, _ = _run(capsys, "--lang", "en", *argv)
    assert code == 0
    assert english.startswith("usage: vsr") and "\noptions:\n" in english
    assert "show this help message and exit" in english and "gebruik" not in english
    if argv == ["--help"]:
        assert "toon opnamen en terugkijkgesprekken" in dutch
        assert "list recordings and reviews" in english
    else:
        assert "het gezamenlijk leerverslag van een terugkijkgesprek" in dutch
        assert "WebVTT subtitles: one cue per moment" in english


def test_argparse_errors_follow_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--lang", "nl", "lijst")
    assert code == 2 and "vsr: fout: argument COMMAND: ongeldige keuze: 'lijst'" in err
    code, _, err = _run(capsys, "--lang=en", "lijst")
    assert code == 2 and "vsr: error: argument COMMAND: invalid choice: 'lijst'" in err


def test_every_help_text_has_its_dutch() -> None:
    """A new `help=` in vsr/cli fails here until scripts/update_cli_help.py added it and its
    Dutch is filled in resources/locale/nl/LC_MESSAGES/vsr_cli.po."""
    set_language("en")
    texts = {*help_text.help_texts(_parser(None)), *help_text.ARGPARSE_TEXTS}
    with CLI_PO.open("rb") as handle:
        catalogue = read_po(handle)
    translated = {m.id for m in catalogue if m.id and isinstance(m.id, str) and m.string}
    assert sorted(texts - translated) == []
    plurals = {m.id for m in catalogue if m.pluralizable and all(m.string)}
    assert set(help_text.ARGPARSE_PLURALS) <= plurals
    # and the compiled catalogue the program reads has them
    set_language("nl")
    assert help_text.words("list recordings and reviews") == "toon opnamen en terugkijkgesprekken"
    assert help_text.words_plural("expected %s argument", "expected %s arguments", 2) \
        == "hier horen %s waarden bij"


def test_the_language_is_read_before_parsing() -> None:
    assert help_text.language_in(["--lang", "en", "list"]) == "en"
    assert help_text.language_in(["--library", "x", "--lang=nl", "--help"]) == "nl"
    assert help_text.language_in(["list"]) is None
    assert help_text.language_in(["--", "--lang", "en"]) is None
