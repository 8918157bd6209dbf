"""Keep the CLI's help catalogue in step with the parser (vsr.cli.help_text).

Builds the whole `vsr` parser in English, collects every help text and description and the
argparse texts a user can meet, writes the template resources/locale/vsr_cli.pot and updates
resources/locale/nl/LC_MESSAGES/vsr_cli.po: new texts get an empty translation (the test
tests/vsr/test_cli_language.py fails until the Dutch is filled in), texts no longer used are
dropped. Then run scripts/build_translations.py.

How to add a command's help: write `help="…"` in English in vsr/cli/, run this script, fill in
the Dutch msgstr in resources/locale/nl/LC_MESSAGES/vsr_cli.po."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "resources" / "locale"
TRANSLATED = ("nl",)


def source_texts() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from vsr.cli import help_text
    from vsr.cli.main import _parser
    from vsr.i18n import set_language

    set_language(help_text.SOURCE_LANGUAGE)
    texts = [*help_text.help_texts(_parser(None)), *help_text.ARGPARSE_TEXTS]
    return list(dict.fromkeys(texts))


def _write(path: Path, catalog: Catalog) -> None:
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, ignore_obsolete=True, sort_output=True)


def main() -> int:
    from vsr.cli.help_text import ARGPARSE_PLURALS, DOMAIN

    texts = source_texts()
    pot = Catalog(project="vsr", domain=DOMAIN, fuzzy=False)
    for text in texts:
        pot.add(text, "")
    for singular, plural in ARGPARSE_PLURALS:
        pot.add((singular, plural), ("", ""))
    _write(LOCALE / f"{DOMAIN}.pot", pot)
    for lang in TRANSLATED:
        po = LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        old = Catalog(locale=lang, domain=DOMAIN, fuzzy=False)
        if po.exists():
            with po.open("rb") as handle:
                old = read_po(handle, locale=lang, domain=DOMAIN, abort_invalid=True)
        new = Catalog(locale=lang, domain=DOMAIN, project="vsr", fuzzy=False)
        for message in pot:
            if not message.id:
                continue
            kept = old.get(message.id)
            new.add(message.id, kept.string if kept is not None else
                    (("", "") if message.pluralizable else ""))
        _write(po, new)
        missing = [m.id for m in new if m.id and not (m.string if not m.pluralizable
                                                        else all(m.string))]
        if missing:
            print(f"{po.relative_to(ROOT)}: {len(missing)} text(s) without a translation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
