"""One replacement for every text that leaves the app when anonymising: summaries, pack
documents, clip titles, MP4 metadata, ELAN, subtitles, CSV, review packages and file names all
pass through a `NameReplacer`.

It knows the parties' names (whole, their first and last names, "de Jong" with its particle),
the initials they would get ("J.d.V."), who gave consent, the name parts in the recording's
title and file name, and extra names the user gives. Matching ignores case and diacritics,
folds letters such as ı ł ø æ ß ĳ ("Yildiz" finds "Yıldız", see `vsr.anonymise.folding`), takes
whole words only (letters; "_", "-" and digits separate words, as in file names and user names:
"Nowak88") and keeps a possessive "s" ("Jans moeder" -> "Cliënts moeder"); a diminutive
("Pietje") is the name too. It also finds a name written as one word ("lukasznowak"), glued to
another with a capital ("#TeamLukasz"), broken over two lines with a hyphen, with an invisible
character inside, or as initials without the last dot ("Ł.N"). Each name becomes its party's
role, or "[naam]" when no role is known. It also replaces e-mail addresses, phone numbers, BSN,
addresses, postcodes and dates of birth (`vsr.anonymise.identifiers`).

A name that is also an ordinary word ("Jong", "Wit", "Mei", "April") or has one or two letters
("Bo", "Li") is replaced only where it is written as a name, with a capital letter: "nog jong"
and "een witte jas" stay, "Fatma de Jong" and "Mei zei" are replaced. The first word of a
sentence has a capital too; there such a word is replaced, since a name left in is worse than a
word lost; after a form of address ("mevrouw de jong") it is replaced however it is written. In
file names capitals say nothing, so there every name is replaced in any case."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from vsr.anonymise.folding import fold, fold_char, folded_with_map
from vsr.anonymise.identifiers import replace_identifiers
from vsr.anonymise.ordinary_words import is_ordinary_word, ordinary_words
from vsr.file_names import safe_file_name
from vsr.i18n import LANGUAGES, translate, using_language

__all__ = ["NameReplacer", "fold", "initials", "name_parts", "names_written_in", "placeholder",
           "replacer_from", "role_words", "title_parts"]

# A short word in a title or file name ("en", "of") is rarely a name; a capitalised one of two
# letters that is no ordinary word ("Intake Bo") is taken for one.
_MIN_TITLE_PART = 3
_DUTCH_PARTICLES = frozenset("van von der den het ter ten de des op in 't".split())
PARTICLES = _DUTCH_PARTICLES | frozenset("la le du da di dos del el al bin ibn ben".split())
# Words that are common in titles and file names but are not names.
_NOT_NAMES = PARTICLES | frozenset("""
met voor over bij door naar uit aan and the with for from about
gesprek gesprekken opname opnames video audio film clip clips sessie terugkijksessie
terugkijkgesprek terugkijkgesprekken
begeleidingsgesprek intake interview recording recordings conversation session meeting review
samenleergesprek leerverslag intervisie training oefening oefenmateriaal cursus coach klant
afspraak deel part camera cam img vid mov dsc gopr pxl whatsapp screen scherm kopie copy
definitief final versie version nieuw new test demo voorbeeld example sample oefenen
mp4 mkv webm avi wav mp3 m4a
nr mw mr dr hr st pt vs ok tv cd hd dv sd nl uk
af al de en er ge ik in is ja je me na nu of om op te uw we ze zo
an as at be by do go he if it my no on or so to up us
januari februari maart april mei juni juli augustus september oktober november december
january february march may june july august october december
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
monday tuesday wednesday thursday friday saturday sunday
""".split())
# A letter: what may not stand against a name. "_", "-" and digits end a name, as in file
# names and user names ("VID_2026_sanne", "Nowak88", "lukasz2024").
_LETTER = r"[^\W\d_]"
_LETTERS = re.compile(r"[^\W\d_]+")


def initials(name: str) -> str:
    """"Anouk de Vries" -> "A.d.V.": the first letter of every word, as Dutch initials go."""
    words = name.replace("-", " ").split()
    return "".join(w[0] + "." for w in words) or "?"


def name_parts(name: str) -> list[str]:
    """The first and last names in a full name, of any length ("Bo", "Li") but not a single
    letter (an initial), a particle or a number. A capitalised first word is a first name even
    when it is a particle elsewhere ("Al Amrani", "Ben de Wit"), unless it is a Dutch one; the
    last word is the surname ("Anna de Ben")."""
    words = [p for p in re.split(r"[\s\-_.,;:()\[\]/\\]+", name) if p]
    parts = []
    for i, part in enumerate(words):
        first_name = i == 0 and part[:1].isupper() and fold(part) not in _DUTCH_PARTICLES
        surname = i == len(words) - 1 and i > 0  # "Anna de Ben": the last word is no particle
        if len(part) >= 2 and not part.isdigit() and (
                first_name or surname or fold(part) not in PARTICLES):
            parts.append(part)
    return parts


def _surname_with_particles(name: str) -> str | None:
    """"Anna de Jong" -> "de Jong", "Jan van der Berg" -> "van der Berg"; None without one."""
    words = name.split()
    for i, word in enumerate(words[1:], start=1):
        if fold(word) in PARTICLES and i < len(words) - 1:
            return " ".join(words[i:])
    return None


def title_parts(title: str) -> list[str]:
    """Words in a title or file name that may be names. With capitals to go by, only
    capitalised words ("Gesprek Jan de Vries 2024"), also those written together
    ("GesprekMetSanne": "Sanne"); in a lower-case file name ("gesprek_jan_de_vries", also
    "VID_2026_sanne": a word in capitals says nothing) every word that is not a common title
    word."""
    words = []
    for word in (w for w in re.split(r"[\W_\d]+", title) if w):
        words.append(word)
        if fold(word) not in _NOT_NAMES:  # "GesprekMetSanne", not "WhatsApp"
            words += [w for w in _camel_words(word) if w != word]
    has_case = any(w[:1].isupper() and not w.isupper() for w in words)
    return [w for w in words
            if (len(w) >= _MIN_TITLE_PART or has_case and _short_name(w))
            and fold(w) not in _NOT_NAMES and (w[:1].isupper() or not has_case)]


def names_written_in(text: str) -> list[str]:
    """The words written as names inside a free-text name such as a collection's: capitalised
    (not in capitals only), not the first word (which has a capital anyway), no ordinary or
    common title word. "Intervisie casus Fatma" -> ["Fatma"]; "Cursus <MGV> & meer" and
    "Fatma intake" -> [] (a name as the first word is not found)."""
    words = [w for w in re.split(r"[\W_\d]+", text) if w]
    return [w for w in words[1:]
            if len(w) >= 2 and w[0].isupper() and not w.isupper()
            and fold(w) not in _NOT_NAMES and fold(w) not in ordinary_words()]


def _short_name(word: str) -> bool:
    """A two-letter word written as a name ("Bo", "Ed", not "BO" or "bo") that is no ordinary
    word ("De", "En", "Op", "Al") nor an abbreviation of a title ("Nr", "Mw")."""
    return (len(word) == 2 and word[0].isupper() and word[1].islower()
            and fold(word) not in ordinary_words())


def _camel_words(word: str) -> list[str]:
    """"SanneBakker" -> ["Sanne", "Bakker"]: a word cut where a small letter meets a capital."""
    out: list[str] = []
    start = 0
    for i in range(1, len(word)):
        if word[i - 1].islower() and word[i].isupper():
            out.append(word[start:i])
            start = i
    return [*out, word[start:]]


def _has_camel(text: str) -> bool:
    return any(a.islower() and b.isupper() for a, b in zip(text, text[1:], strict=False))


def _folded_camel(text: str) -> tuple[str, list[int]]:
    """`folded_with_map(text)` with a separator where a small letter meets a capital (invisible
    characters between them ignored): "MetNowak" is matched as "met nowak"."""
    out: list[str] = []
    where: list[int] = []
    after_small = False
    for i, char in enumerate(text):
        piece = fold_char(char)
        if not piece:
            continue
        if after_small and char.isupper():
            out.append("\x00")
            where.append(i)
        out.append(piece)
        where.extend([i] * len(piece))
        after_small = char.islower()
    return "".join(out), where


# What may follow a name in the same word: a possessive "s", a diminutive (with its "s").
_ENDINGS = "s|tjes|tje|jes|je|kes|ke|ies|ie"
_LINE_BREAK_HYPHEN = re.compile(r"(?<=[^\W\d_])-[^\S\n]*\r?\n\s*(?=[^\W\d_])")


def _folded_unbroken(text: str) -> tuple[str, list[int]]:
    """`folded_with_map(text)` with a word broken at the end of a line joined again: "Łu-" and
    "kasz" on the next line are matched as "lukasz"."""
    folded, where = folded_with_map(text)
    breaks = [(m.start(), m.end()) for m in _LINE_BREAK_HYPHEN.finditer(text)]
    keep = [not any(a <= w < b for a, b in breaks) for w in where]
    return ("".join(c for c, k in zip(folded, keep, strict=True) if k),
            [w for w, k in zip(where, keep, strict=True) if k])


def _joined(name: str) -> list[str]:
    """A name written as one word, as in user names and web addresses: every run of two or
    more of its words that does not end in a particle ("lukasznowak", "vandenberg",
    "berglaski"), and the first and last name together both ways ("ayselaski", "nowaklukasz").
    Runs with an initial (one letter) are left out."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    out: list[str] = []
    for i in range(len(words)):
        for j in range(i + 2, len(words) + 1):
            run = words[i:j]
            if (all(len("".join(_LETTERS.findall(w))) >= 2 for w in run)
                    and (j == len(words) or fold(run[-1]) not in PARTICLES)):
                out.append("".join(run))
    parts = name_parts(name)
    if len(parts) >= 2:
        out += [parts[0] + parts[-1], parts[-1] + parts[0]]
    return out


_INITIALS = re.compile(r"(?:[^\W\d_]{1,2}\.){2,}")  # "j.d.v.", folded


def _alternative(key: str) -> str:
    """The pattern of a folded name: itself, and initials also with a space after each dot and
    without the last one ("Ł.N." is also written "Ł. N." and "Ł.N")."""
    if not _INITIALS.fullmatch(key):
        return re.escape(key)
    return r"\.\s?".join(re.escape(i) for i in key[:-1].split(".")) + r"\.?"


def _key(found: str) -> str:
    """The table's key of a folded match: initials as "j.d.v." again."""
    if "." not in found:
        return found
    initials = re.sub(r"\s", "", found)
    initials = initials if initials.endswith(".") else initials + "."
    return initials if _INITIALS.fullmatch(initials) else found


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_APOSTROPHE = re.compile("['’‘ʼʻ`´′]")


def spellings(name: str) -> list[str]:
    """`name` and how else it is written by someone without its letters: umlauts spelled out
    ("Müller" is also "Mueller"; folding already makes it "Muller") and the apostrophe left
    out ("D'Souza" is also "DSouza")."""
    out = [name]
    spelled = name.translate(_UMLAUTS)
    if spelled != name:
        out.append(spelled)
    out += [_APOSTROPHE.sub("", n) for n in out if _APOSTROPHE.search(n)]
    return out


def _name_words(text: str) -> list[str]:
    """The words of a name that carry it: those that are not particles (or all, if none is)."""
    words = _LETTERS.findall(text)
    return [w for w in words if fold(w) not in PARTICLES] or words


def _needs_capital(name: str) -> bool:
    """A name whose every word is an ordinary word or one or two letters long."""
    words = _name_words(name)
    return bool(words) and all(is_ordinary_word(w) for w in words)


# A form of address just before a word: "mevrouw de jong", "juf bo", "dhr. visser" is a name
# however it is written.
_HONORIFIC = re.compile(
    r"(?<![^\W\d_])(?:mevrouw|mevr|mw|meneer|mijnheer|mnr|dhr|heer|juf|juffrouw|meester|"
    r"mr|mrs|ms|miss|mister|dr|drs|ir|ing)\.?\s+$", re.IGNORECASE)


def _written_as_name(original: str) -> bool:
    """A word of the match other than a particle starts with a capital."""
    return any(w[:1].isupper() for w in _name_words(original))


@dataclass(slots=True)
class NameReplacer:
    """Names (folded) and what replaces each; with `identifiers` also e-mail addresses, phone
    numbers, BSN, addresses and dates of birth. An empty one changes nothing."""

    table: dict[str, str] = field(default_factory=dict)
    identifiers: bool = False
    capital_only: set[str] = field(default_factory=set)  # folded names that are also words
    _pattern: re.Pattern[str] | None = None

    def add(self, name: str, replacement: str) -> None:
        """Add a name, and the other ways it is spelled (`spellings`), unless already known
        (the first role given wins)."""
        for spelling in spellings(name.strip()):
            key = fold(spelling)
            if any(c.isalnum() for c in key) and key not in self.table:  # "." is no name
                self.table[key] = replacement
                if _needs_capital(spelling):
                    self.capital_only.add(key)
                self._pattern = None

    def add_person(self, name: str, replacement: str, roles: Iterable[str] = ()) -> None:
        """A person's full name, its initials, the surname with its particles and the first
        and last names."""
        skip = {fold(r) for r in roles}
        name = " ".join(name.split())
        if not name or fold(name) in skip:
            return
        self.add(name, replacement)
        words = name.replace("-", " ").split()
        if len(words) > 1 and all(w[:1].isalpha() for w in words):
            self.add(initials(name), replacement)
        surname = _surname_with_particles(name)
        if surname:
            self.add(surname, replacement)
        for joined in _joined(name):
            self.add(joined, replacement)
        for part in name_parts(name):
            if fold(part) not in skip:
                self.add(part, replacement)
            # "D'Souza", "O'Brien": the name after the apostrophe is written alone too
            after = _APOSTROPHE.split(part)[-1]
            if after != part and len(after) >= _MIN_TITLE_PART and fold(after) not in skip:
                self.add(after, replacement)

    def add_title(self, title: str, replacement: str, roles: Iterable[str] = ()) -> None:
        """A recording's title or file name: the names in it, and the whole of it when it
        holds any ("Opname van 1 mei 2024" holds none and stays an ordinary phrase)."""
        skip = {fold(r) for r in roles}
        parts = [p for p in title_parts(title) if fold(p) not in skip]
        if parts:
            self.add(title, replacement)
        for part in parts:
            self.add(part, replacement)

    @property
    def active(self) -> bool:
        """Anonymising: names known, or identifiers to replace."""
        return bool(self.table) or self.identifiers

    def _compiled(self) -> re.Pattern[str]:
        if self._pattern is None:
            alternatives = "|".join(_alternative(n) for n in sorted(self.table, key=len,
                                                                    reverse=True))
            # An "s" may follow (a Dutch possessive: "Jans"), or a diminutive ending ("Pietje",
            # "Jantjes", "Sanneke", "Annie"); an initials name ends in "."
            self._pattern = re.compile(
                rf"(?<!{_LETTER})(?:{alternatives})({_ENDINGS}|)(?!{_LETTER})")
        return self._pattern

    def __call__(self, text: str) -> str:
        """`text` with every identifier and every known name replaced."""
        return self._replace(text, any_case=False)

    def _replace(self, text: str, *, any_case: bool) -> str:
        if not text:
            return text
        if self.identifiers:
            text = replace_identifiers(text)
        if not self.table:
            return text
        text = self._names(text, folded_with_map(text), any_case)
        if _has_camel(text):  # then once more with "MetNowak" cut: "McDonald" was matched whole
            text = self._names(text, _folded_camel(text), any_case)
        if _LINE_BREAK_HYPHEN.search(text):  # and with "Łu-\nkasz" joined ("Cliënt-\nachtig"
            text = self._names(text, _folded_unbroken(text), any_case)  # was matched above)
        return text

    def _names(self, text: str, folded_map: tuple[str, list[int]], any_case: bool) -> str:
        folded, where = folded_map
        parts: list[str] = []
        last = 0
        for match in self._compiled().finditer(folded):
            start = where[match.start()]
            end = where[match.end() - 1] + 1
            while end < len(text) and not fold_char(text[end]):  # a mark on its last letter
                end += 1
            name = folded[match.start():match.end() - len(match.group(1))]
            name = name if name in self.table else _key(name)
            if start < last or (not any_case and name in self.capital_only
                                and not _written_as_name(text[start:end])
                                and not _HONORIFIC.search(text, max(0, start - 24), start)):
                continue
            parts.append(text[last:start])
            parts.append(self.table[name] + ("s" if match.group(1).endswith("s") else ""))
            last = end
        parts.append(text[last:])
        return "".join(parts)

    def file_name(self, name: str) -> str:
        """A file name with names replaced in any case ("VID_2026_sanne.mp4"), its extension
        kept, still a safe file name."""
        suffix = Path(name).suffix if re.fullmatch(r"\.[A-Za-z0-9]{1,5}", Path(name).suffix) else ""
        if fold(suffix[1:]) in self.table:
            suffix = ""  # "verslag.Sanne": no extension but a name
        stem = name[:len(name) - len(suffix)]
        replaced = self._replace(stem, any_case=True).replace("[", "").replace("]", "")
        return safe_file_name(replaced, suffix)  # never "", "." or ".."


def placeholder() -> str:
    """What replaces a name whose role is unknown: "[naam]"."""
    return translate("names.placeholder")


def role_words() -> list[str]:
    """The role labels in both languages: never treated as names themselves."""
    words = []
    for code in LANGUAGES:  # a deliberate loop over the languages: both are never names
        with using_language(code):
            words += [translate(f"party.{k}") for k in ("professional", "client", "other")]
            words.append(placeholder())
    return words


def replacer_from(people: Mapping[str, str], titles: Iterable[str] = (),
                  extra: Iterable[str] = (), *, identifiers: bool = True) -> NameReplacer:
    """A replacer for people (name -> role label), recording titles and file names, and extra
    names the user gave (those become "[naam]", as do names found only in titles);
    `identifiers`: e-mail, phone, BSN, addresses too (loads the address finder)."""
    roles = role_words()
    replacer = NameReplacer(identifiers=identifiers)
    for name, role in people.items():
        replacer.add_person(name, role, roles)
    for name in extra:
        replacer.add_person(name, placeholder(), roles)
    for title in titles:
        replacer.add_title(title, placeholder(), roles)
        stem = Path(title).stem
        if stem and stem != title:
            replacer.add_title(stem, placeholder(), roles)
    return replacer
