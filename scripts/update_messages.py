"""Keep the core's gettext catalogues in step (resources/locale): the Dutch catalogue is the list
of messages (Dutch is the default language); this writes the template vsr.pot from it, adds new
msgids to the other languages' .po with an empty translation (the catalogue test fails until it
is filled in) and drops the ones no longer in Dutch. It also looks for message keys written
literally in vsr/ and ui/ that no catalogue has, and exits 1 when it finds one.

How to add a core message: add `msgid "area.what"` with its Dutch `msgstr` (or `msgid_plural
"area.what.plural"` and `msgstr[0]`/`msgstr[1]` for a message with a count) to
resources/locale/nl/LC_MESSAGES/vsr.po, run this script, fill in the English in
resources/locale/en/LC_MESSAGES/vsr.po, then scripts/build_translations.py."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "resources" / "locale"
MASTER = "nl"
# translate("key"...), translate_plural("key"...), in_language(code, "key"...), SomeError("key"...)
_LITERAL = re.compile(
    r"(?:translate(?:_plural)?\(|in_language\([^,()]+,\s*|Error\()\s*\"([a-z_]+(?:\.[a-z0-9_]+)+)\"")


def _read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def _write(path: Path, catalog: Catalog) -> None:
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, ignore_obsolete=True, sort_output=True)


def template(master: Catalog) -> Catalog:
    pot = Catalog(project="vsr", header_comment=master.header_comment, fuzzy=False)
    for message in master:
        if message.id:
            pot.add(message.id, "", auto_comments=message.auto_comments, flags=message.flags)
    return pot


def unknown_keys(known: set[str]) -> list[str]:
    """Literal message keys in the sources that no catalogue has (keys built at run time, like
    f"party.{role}", are not seen here; the tests cover those)."""
    found = set()
    for source in [*(ROOT / "vsr").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]:
        found |= set(_LITERAL.findall(source.read_text(encoding="utf-8")))
    return sorted(found - known)


def main() -> int:
    master = _read(LOCALE / MASTER / "LC_MESSAGES" / "vsr.po")
    pot = template(master)
    _write(LOCALE / "vsr.pot", pot)
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/vsr.po")):
        if po.parent.parent.name == MASTER:
            continue
        catalog = _read(po)
        catalog.update(pot, no_fuzzy_matching=True)  # new ids arrive empty, never guessed
        _write(po, catalog)
    known = {m.id[0] if isinstance(m.id, tuple) else m.id for m in master if m.id}
    missing = unknown_keys(known)
    for key in missing:
        print(f"not in the catalogue: {key}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
