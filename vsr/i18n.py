"""Messages the core words itself (errors, CLI output, exports), through gettext.

The texts live in resources/locale/<lang>/LC_MESSAGES/vsr.po (template: resources/locale/vsr.pot),
compiled to .mo at build time (scripts/build_translations.py in a checkout). The msgids are the
symbolic keys the code already used ("error.media.not_found"): call sites build keys from
enum values ("party.client", "audit.action.export"), and English is a translation like Dutch, so
a test can hold both catalogues complete. The Qt UI uses Qt's own system for its widgets and asks
this module only for core texts.

The language is set once (set_language: the CLI from --lang/VSR_LANG, the window when the user
picks one); `using_language` words one output in another language on purpose."""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

DEFAULT_LANGUAGE = "nl"
LANGUAGES = ("nl", "en")
DOMAIN = "vsr"

_chosen: str | None = None  # set_language; None: VSR_LANG, else the default
# One output in a language of its own (an export in English from a Dutch window); a ContextVar
# so that a worker thread's export does not change what the window's own thread shows.
_override: ContextVar[str | None] = ContextVar("vsr_language_override", default=None)


def _valid(code: str | None) -> str | None:
    code = (code or "")[:2].lower()
    return code if code in LANGUAGES else None


def set_language(code: str | None) -> None:
    """The language of every core message from now on (None: VSR_LANG, else Dutch)."""
    global _chosen
    _chosen = _valid(code)


def current_language() -> str:
    """The language core messages are worded in now."""
    return (_override.get() or _chosen or _valid(os.environ.get("VSR_LANG"))
            or DEFAULT_LANGUAGE)


@contextmanager
def using_language(code: str | None) -> Iterator[str]:
    """Word what happens inside in `code` (a deliberate choice for one output); None or an
    unknown code keeps the current language."""
    token = _override.set(_valid(code) or current_language())
    try:
        yield current_language()
    finally:
        _override.reset(token)


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of `lang` (.mo, package data). Without it (a checkout whose
    translations were not built) the msgids would show: say so loudly instead."""
    folder = resources.files("vsr.resources").joinpath("locale")
    mo = folder.joinpath(lang, "LC_MESSAGES", f"{DOMAIN}.mo")
    if not mo.is_file():
        raise FileNotFoundError(
            f"{mo}: the core's messages are not compiled; run scripts/build_translations.py")
    with mo.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def _word(text: str, params: dict[str, Any]) -> str:
    # A parameter may itself be a message key (e.g. a reason): word it in the same language.
    lang = current_language()
    # The nested message gets the outer parameters too: a reason may carry its own ({detail}).
    params = {name: _word(catalogue(lang).gettext(value),
                          {k: v for k, v in params.items() if k != name})
              if isinstance(value, str) and _entries(lang).get(value) is False
              else value for name, value in params.items()}
    # A date parameter is worded when the message is, so it is in the message's language.
    if any(isinstance(value, date) for value in params.values()):
        from vsr.dates import long_date

        params = {name: long_date(value) if isinstance(value, date) else value
                  for name, value in params.items()}
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text


def translate(key: str, /, **params: Any) -> str:
    """The text of `key` in the current language, {placeholders} filled in."""
    return _word(catalogue(current_language()).gettext(key), params)


def in_language(code: str, key: str, /, **params: Any) -> str:
    """The text of `key` in `code`, for the few places that need every language at once."""
    with using_language(code):
        return translate(key, **params)


def translate_plural(key: str, n: int, /, **params: Any) -> str:
    """The text of a message with plural forms for the count `n` ({n} in the text), chosen by
    the catalogue's Plural-Forms rule ("1 bestand", "2 bestanden")."""
    text = catalogue(current_language()).ngettext(key, f"{key}.plural", n)
    return _word(text, {"n": n, **params})


def message_keys() -> list[str]:
    """Every msgid of the catalogue (singular and plural messages)."""
    return sorted(_entries(DEFAULT_LANGUAGE))


def plural_keys() -> list[str]:
    return sorted(key for key, plural in _entries(DEFAULT_LANGUAGE).items() if plural)


def has_all_languages(key: str) -> bool:
    return all(_entries(lang).get(key) is not None and _translated(lang, key)
               for lang in LANGUAGES)


def _translated(lang: str, key: str) -> bool:
    words = catalogue(lang)
    if _entries(lang)[key]:
        return all(words.ngettext(key, f"{key}.plural", n) not in (key, f"{key}.plural")
                   for n in (1, 2))
    return words.gettext(key) not in ("", key)


@cache
def _entries(lang: str) -> dict[str, bool]:
    """msgid -> has plural forms, read from the compiled catalogue."""
    found: dict[str, bool] = {}
    for entry in getattr(catalogue(lang), "_catalog", {}):
        if isinstance(entry, tuple):
            found[entry[0]] = True
        elif entry:  # "" is the header
            found[entry] = False
    return found
