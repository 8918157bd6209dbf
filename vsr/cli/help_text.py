"""`vsr --help` and argparse's own words in the user's language (issue 20).

The command modules write their help in English (`help="list recordings and reviews"`), as the
window writes its texts in English for Qt. The Dutch lives in the gettext catalogue
resources/locale/nl/LC_MESSAGES/vsr_cli.po, whose msgids are those English texts; English needs
no catalogue. Nothing is translated where the parser is built: `HelpFormatter` words each help
text and description when help is shown, and argparse's own words ("usage:", "options", "invalid
choice: …") go through the same catalogue because `install` points argparse's gettext at it.

The language must be known before parsing (`vsr --lang en --help`): `language_in` reads it from
the arguments. `scripts/update_cli_help.py` writes the template from the parser and keeps the
Dutch catalogue in step; a test fails while a help text has no Dutch."""

from __future__ import annotations

import argparse
import gettext
from collections.abc import Iterator, Sequence
from functools import cache
from importlib import resources
from typing import Any

from vsr.i18n import current_language

DOMAIN = "vsr_cli"
SOURCE_LANGUAGE = "en"
# argparse's own texts a user of vsr can meet (Python 3.11: argparse.py's `_('…')`); the ones
# only a programmer's mistake shows are left in English. The version option's help is not
# wrapped in `_` by argparse; HelpFormatter words it like every help text.
ARGPARSE_TEXTS = (
    "usage: ", "positional arguments", "options", "show this help message and exit",
    "show program's version number and exit", "%(prog)s: error: %(message)s\n",
    "unrecognized arguments: %s", "the following arguments are required: %s",
    "invalid choice: %(value)r (choose from %(choices)s)",
    "argument %(argument_name)s: %(message)s", "expected one argument",
    "expected at most one argument", "expected at least one argument",
    "invalid %(type)s value: %(value)r", "not allowed with argument %s",
    "one of the arguments %s is required", "ambiguous option: %(option)s could match %(matches)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)", "ignored explicit argument %r",
)
# ngettext's (singular, plural) pairs of argparse.
ARGPARSE_PLURALS = (("expected %s argument", "expected %s arguments"),)


@cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    mo = resources.files("vsr.resources").joinpath("locale", lang, "LC_MESSAGES", f"{DOMAIN}.mo")
    if not mo.is_file():
        raise FileNotFoundError(
            f"{mo}: the CLI's help is not compiled; run scripts/build_translations.py")
    with mo.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def words(text: str) -> str:
    """`text` (English) in the current language."""
    return _catalogue(current_language()).gettext(text) if text else text


def words_plural(singular: str, plural: str, n: int) -> str:
    return _catalogue(current_language()).ngettext(singular, plural, n)


class HelpFormatter(argparse.HelpFormatter):
    """Words every help text and description in the current language when help is shown."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return words(action.help) if action.help else action.help

    def _format_text(self, text: str) -> str:
        return super()._format_text(words(text))


class ArgumentParser(argparse.ArgumentParser):
    """argparse's parser with `HelpFormatter`; sub-commands are made of the same class."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)


def install() -> None:
    """argparse's own texts ("usage: ", "options", its error messages) through the catalogue.
    argparse calls the module-level `_`/`ngettext` it imported from gettext; they now follow
    the current language (English: unchanged)."""
    argparse._ = words  # type: ignore[attr-defined]
    argparse.ngettext = words_plural  # type: ignore[attr-defined]


def language_in(argv: Sequence[str]) -> str | None:
    """The value of --lang in `argv` ("--lang en" or "--lang=en"), read before parsing."""
    for index, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if word.startswith("--lang="):
            return word.split("=", 1)[1]
    return None


def help_texts(parser: argparse.ArgumentParser) -> Iterator[str]:
    """Every help text and description of `parser` and its sub-commands (for the template and
    the test that holds the Dutch complete)."""
    for text in (parser.description, parser.epilog):
        if text:
            yield text
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            yield action.help
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if choice.help:
                    yield choice.help
            for sub in action.choices.values():
                yield from help_texts(sub)
