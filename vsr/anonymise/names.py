"""One name replacement for every text that leaves the app when anonymising: summaries, pack
documents, clip titles, MP4 metadata and file names all pass through a `NameReplacer`.

It knows the parties' names (whole, and their first and last names), the initials they would
get ("J.d.V."), who gave consent, the name parts in the recording's title and file name, and
extra names the user gives. Matching ignores case and diacritics ("jose" finds "José"), takes
whole words only (letters and digits; "_" and "-" separate words, as in file names) and keeps a
possessive "s" ("Jans moeder" -> "Cliënts moeder"). Each name becomes its party's role, or
"[naam]" when no role is known."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from vsr.i18n import LANGUAGES, translate, using_language

_MIN_PART = 3  # shorter name parts ("de", "Ed") would replace ordinary words too
# Name particles and words that are common in titles and file names but are not names.
_NOT_NAMES = frozenset("""
van von der den het ter ten de la le du des da di dos del el al bin ibn op in
met voor over bij door naar uit aan and the with for from about
gesprek gesprekken opname opnames video audio film clip clips sessie terugkijksessie
terugkijkgesprek terugkijkgesprekken
begeleidingsgesprek intake interview recording recordings conversation session meeting review
samenleergesprek leerverslag intervisie training oefening oefenmateriaal cursus coach klant
afspraak deel part camera cam img vid mov dsc gopr pxl whatsapp screen scherm kopie copy
definitief final versie version nieuw new test demo voorbeeld example sample oefenen
mp4 mkv webm avi wav mp3 m4a
januari februari maart april mei juni juli augustus september oktober november december
january february march may june july august october december
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
monday tuesday wednesday thursday friday saturday sunday
""".split())
_WORD = r"[^\W_]"  # a letter or digit: "_" separates words, as in file names


def fold(text: str) -> str:
    """Lower case without diacritics: "Zoë" and "zoe" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """`fold(text)` and, per folded character, the index of the character it came from."""
    out: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        piece = fold(char)
        out.append(piece)
        where.extend([i] * len(piece))
    return "".join(out), where


def initials(name: str) -> str:
    """"Anouk de Vries" -> "A.d.V.": the first letter of every word, as Dutch initials go."""
    words = name.replace("-", " ").split()
    return "".join(w[0] + "." for w in words) or "?"


def name_parts(name: str) -> list[str]:
    """The first and last names in a full name: long enough, not a particle."""
    parts = []
    for part in re.split(r"[\s\-_.,;:()\[\]/\\]+", name):
        if len(part) >= _MIN_PART and fold(part) not in _NOT_NAMES and not part.isdigit():
            parts.append(part)
    return parts


def title_parts(title: str) -> list[str]:
    """Words in a title or file name that may be names. With capitals to go by, only
    capitalised words ("Gesprek Jan de Vries 2024"); in an all-lower-case file name
    ("gesprek_jan_de_vries") every word that is not a common title word."""
    words = [w for w in re.split(r"[\W_\d]+", title) if w]
    has_case = any(w[:1].isupper() for w in words)
    return [w for w in words
            if len(w) >= _MIN_PART and fold(w) not in _NOT_NAMES
            and (w[:1].isupper() or not has_case)]


@dataclass(slots=True)
class NameReplacer:
    """Names (folded) and what replaces each. An empty one changes nothing."""

    table: dict[str, str] = field(default_factory=dict)
    _pattern: re.Pattern[str] | None = None

    def add(self, name: str, replacement: str) -> None:
        """Add a name unless it is already known (the first role given wins)."""
        key = fold(name.strip())
        if key and key not in self.table:
            self.table[key] = replacement
            self._pattern = None

    def add_person(self, name: str, replacement: str, roles: Iterable[str] = ()) -> None:
        """A person's full name, its initials and its first and last names."""
        skip = {fold(r) for r in roles}
        name = name.strip()
        if not name or fold(name) in skip:
            return
        self.add(name, replacement)
        words = name.replace("-", " ").split()
        if len(words) > 1 and all(w[:1].isalpha() for w in words):
            self.add(initials(name), replacement)
        for part in name_parts(name):
            if fold(part) not in skip:
                self.add(part, replacement)

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
        return bool(self.table)

    def _compiled(self) -> re.Pattern[str]:
        if self._pattern is None:
            alternatives = "|".join(re.escape(n) for n in sorted(self.table, key=len,
                                                                 reverse=True))
            # An "s" may follow (a Dutch possessive: "Jans"); an initials name ends in "."
            self._pattern = re.compile(rf"(?<!{_WORD})(?:{alternatives})(s?)(?!{_WORD})")
        return self._pattern

    def __call__(self, text: str) -> str:
        """`text` with every known name replaced."""
        if not text or not self.table:
            return text
        folded, where = _folded_with_map(text)
        parts: list[str] = []
        last = 0
        for match in self._compiled().finditer(folded):
            start = where[match.start()]
            end = where[match.end() - 1] + 1
            if start < last:
                continue
            name = folded[match.start():match.end() - len(match.group(1))]
            parts.append(text[last:start])
            parts.append(self.table[name] + ("s" if match.group(1) else ""))
            last = end
        parts.append(text[last:])
        return "".join(parts)

    def file_name(self, name: str) -> str:
        """A file name with names replaced, still a safe file name."""
        replaced = self(name).replace("[", "").replace("]", "")
        safe = re.sub(r'[\\/:*?"<>|\s]+', "-", replaced)
        return re.sub(r"-+(?=\.[^.]*$)", "", safe).strip("-") or "export"


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
                  extra: Iterable[str] = ()) -> NameReplacer:
    """A replacer for people (name -> role label), recording titles and file names, and extra
    names the user gave (those become "[naam]", as do names found only in titles)."""
    roles = role_words()
    replacer = NameReplacer()
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
