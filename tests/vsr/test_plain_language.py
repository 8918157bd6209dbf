"""What the client reads speaks one register: informal je/jij, never the formal u/uw. These tests
read every Dutch text the app shows (Qt translations, the method content, the core's messages), so
a formal word cannot creep back in. Jargon the client sees comes with its meaning."""

from __future__ import annotations

import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.lang import worded
from vsr.i18n import message_keys, translate
from vsr.library.consent import Purpose

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "vsr_nl.ts"
METHOD_FILE = ROOT / "resources" / "method" / "samenleerwijzer.json"
PO_FILE = ROOT / "resources" / "locale" / "nl" / "LC_MESSAGES" / "vsr.po"

# "u", "uw", "U", "Uw" as whole words. Placeholders ({n}), markup (<b>) and entities are taken out
# first; an apostrophe or letter next to it means another word ("'u" never occurs in Dutch UI).
_FORMAL = re.compile(r"(?<![\w'’-])(?:u|uw|U|Uw|UW)(?![\w'’-])")
_NOT_WORDS = re.compile(r"\{[^}]*\}|<[^>]*>|&[a-z]+;")


def formal_words(text: str) -> list[str]:
    return _FORMAL.findall(_NOT_WORDS.sub(" ", text))


def _ts_translations() -> list[tuple[str, str]]:
    root = ET.parse(TS_FILE).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((f"{name}: {message.findtext('source')}", message.findtext("translation") or ""))
    return found


def _dutch_in(node: object, where: str) -> list[tuple[str, str]]:
    """Every Dutch string in the method JSON: values under an "nl" key, at any depth."""
    if isinstance(node, dict):
        found = []
        for key, value in node.items():
            if key == "nl":
                texts = value if isinstance(value, list) else [value]
                found += [(f"{where}.nl", t) for t in texts if isinstance(t, str)]
            else:
                found += _dutch_in(value, f"{where}.{key}")
        return found
    if isinstance(node, list):
        return [hit for i, item in enumerate(node) for hit in _dutch_in(item, f"{where}[{i}]")]
    return []


@pytest.mark.parametrize("text, expected", [
    ("Kunt u dit lezen?", ["u"]), ("Uw antwoord", ["Uw"]), ("U ziet alleen beeld.", ["U"]),
    ("Je antwoord", []), ("nieuw uur duurt", []), ("{u} en <u>x</u> &uuml;", []),
    ("5 u", ["u"]), ("Zoë's u-bocht", []),
])
def test_the_formal_register_is_recognised(text: str, expected: list[str]) -> None:
    assert formal_words(text) == expected


def test_dutch_ui_translations_never_say_u_or_uw() -> None:
    translations = _ts_translations()
    assert len(translations) > 300  # the whole catalogue was read
    formal = [(where, text) for where, text in translations if formal_words(text)]
    assert formal == []


def test_dutch_method_texts_never_say_u_or_uw() -> None:
    texts = _dutch_in(json.loads(METHOD_FILE.read_text(encoding="utf-8")), "method")
    assert len(texts) > 40
    assert [(where, text) for where, text in texts if formal_words(text)] == []


def _po_texts(path: Path) -> list[tuple[str, str]]:
    """Every msgstr of a gettext catalogue (each plural form too), placeholders and all."""
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle)
    found = []
    for message in catalog:
        if message.id:
            key = message.id[0] if isinstance(message.id, tuple) else message.id
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            found += [(key, text) for text in forms]
    return found


def test_dutch_core_messages_never_say_u_or_uw() -> None:
    texts = _po_texts(PO_FILE)
    assert len(texts) > 200 and len({key for key, _ in texts}) == len(message_keys())
    formal = [(key, text) for key, text in texts if formal_words(text)]
    assert formal == []


def test_the_client_sees_intervisie_with_its_meaning() -> None:
    assert translate(Purpose.INTERVISIE.plain_label_key) == "intervisie (bespreken met collega's)"
    assert "colleagues" in worded("en", translate, Purpose.INTERVISIE.plain_label_key)
    for purpose in Purpose:  # every purpose has a plain name in both languages
        assert translate(purpose.plain_label_key) != purpose.plain_label_key
        assert worded("en", translate, purpose.plain_label_key) != purpose.plain_label_key


# Words a B1 reader stumbles on, each with the plain words used instead (issue 19). One name for
# one thing: "terugkijkgesprek", never "terugkijksessie" beside it.
BANNED = {
    "bibliotheek": "gegevensbestand",
    "bewaartermijn": "hoe lang bewaren / langer bewaard dan afgesproken",
    "exporte": "opslaan als bestand",
    "persoonsgegevens": "aan een gezicht herken je iemand",
    "afspeelpositie": "waar de opname nu is",
    "terugzet": "teruggaan naar een reservekopie",
    "webvtt": "ondertitels voor een videospeler",
    "intervisiepakket": "pakket voor intervisie met collega's",
    "terugkijksessie": "terugkijkgesprek",
}


def banned_words(text: str) -> list[str]:
    """Case and diacritics folded ("Geëxporteerd" holds "exporte" too)."""
    low = "".join(c for c in unicodedata.normalize("NFKD", text.lower())
                  if not unicodedata.combining(c))
    return [word for word in BANNED if word in low]


@pytest.mark.parametrize("text, expected", [
    ("Leerverslag &exporteren…", ["exporte"]), ("De Bibliotheek is bezet", ["bibliotheek"]),
    ("Recente terugkijksessies", ["terugkijksessie"]), ("Opslaan als bestand", []),
    ("Het terugkijkgesprek", []), ("Geëxporteerd", ["exporte"]), ("BIBLIOTHÉÉK", ["bibliotheek"]),
])
def test_banned_words_are_recognised(text: str, expected: list[str]) -> None:
    assert banned_words(text) == expected


def test_dutch_texts_use_plain_words() -> None:
    """Every Dutch text the app shows (window, core messages, method content)."""
    texts = [*_ts_translations(), *_po_texts(PO_FILE),
             *_dutch_in(json.loads(METHOD_FILE.read_text(encoding="utf-8")), "method")]
    assert len(texts) > 600
    assert [(where, text) for where, text in texts if banned_words(text)] == []


def test_the_theme_card_is_explained_where_it_is_first_seen() -> None:
    explained = [text for _where, text in _ts_translations()
                 if text.startswith("Een themakaart is een onderwerp om over te praten")]
    assert len(explained) == 2  # Stap 1, and beside the card on every gespreksblad
    assert all("onderwerpen, elk met een vraag" in text for text in explained)
