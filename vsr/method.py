"""The Samenleerwijzer method content (ground rules, steps, gespreksblad prompts, theme cards,
feelings), read from resources/method/samenleerwijzer.json in the requested language."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from vsr.i18n import DEFAULT_LANGUAGE, current_language
from vsr.model import SubTopic, ThemeCard


@dataclass(frozen=True, slots=True)
class Step:
    key: str
    number: int
    title: str
    text: str


@dataclass(frozen=True, slots=True)
class Feeling:
    key: str
    title: str
    pictogram: str


@dataclass(frozen=True, slots=True)
class SheetPrompts:
    a_title: str
    a_prompt: str
    b_title: str
    b_prompt: str
    b_to_me: str
    b_to_other: str
    b_difference: str
    c_title: str
    c_prompt: str


@cache
def _content() -> dict[str, Any]:
    text = resources.files("vsr.resources").joinpath("method/samenleerwijzer.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def resource_path(*parts: str) -> Path:
    """A file in the resources package (pictograms, icons, templates)."""
    return Path(str(resources.files("vsr.resources").joinpath(*parts)))


def _pick(texts: dict[str, str], lang: str | None) -> str:
    lang = lang or current_language()
    return texts.get(lang) or texts[DEFAULT_LANGUAGE]


def ground_rules(lang: str | None = None) -> list[str]:
    rules: dict[str, list[str]] = _content()["ground_rules"]
    return list(rules.get(lang or current_language()) or rules[DEFAULT_LANGUAGE])


def steps(lang: str | None = None) -> list[Step]:
    return [
        Step(s["key"], int(s["number"]), _pick(s["title"], lang), _pick(s["text"], lang))
        for s in _content()["steps"]
    ]


def sheet_prompts(lang: str | None = None) -> SheetPrompts:
    s = _content()["sheet"]
    return SheetPrompts(
        a_title=_pick(s["A"]["title"], lang),
        a_prompt=_pick(s["A"]["prompt"], lang),
        b_title=_pick(s["B"]["title"], lang),
        b_prompt=_pick(s["B"]["prompt"], lang),
        b_to_me=_pick(s["B"]["to_me"], lang),
        b_to_other=_pick(s["B"]["to_other"], lang),
        b_difference=_pick(s["B"]["difference"], lang),
        c_title=_pick(s["C"]["title"], lang),
        c_prompt=_pick(s["C"]["prompt"], lang),
    )


def theme_cards(lang: str | None = None, custom: dict[str, list[str]] | None = None) -> list[ThemeCard]:
    """The four theme cards; `custom` adds user-made sub-topics per card key."""
    if not custom:
        return list(_cards(lang or current_language()))
    return _build_cards(lang, custom)


@cache
def _cards(lang: str) -> tuple[ThemeCard, ...]:
    """The cards per language, built once: views ask for them on every paint of a row."""
    return tuple(_build_cards(lang, None))


@cache
def _cards_by_key(lang: str) -> dict[str, ThemeCard]:
    return {c.key: c for c in _cards(lang)}


def _build_cards(lang: str | None, custom: dict[str, list[str]] | None) -> list[ThemeCard]:
    cards = []
    for c in _content()["theme_cards"]:
        subs = [
            SubTopic(s["key"], _pick(s["title"], lang), _pick(s["question"], lang))
            for s in c["subtopics"]
        ]
        subs += [SubTopic(t, t, "", custom=True) for t in (custom or {}).get(c["key"], [])]
        cards.append(
            ThemeCard(
                key=c["key"],
                number=int(c["number"]),
                title=_pick(c["title"], lang),
                description=_pick(c["description"], lang),
                pictogram=c["pictogram"],
                subtopics=tuple(subs),
            )
        )
    return cards


def theme_card(key: str, lang: str | None = None) -> ThemeCard | None:
    return _cards_by_key(lang or current_language()).get(key)


def subtopic_title(theme_key: str, subtopic: str, lang: str | None = None) -> str:
    """The title of a sub-topic key; a user-made sub-topic is its own title."""
    card = theme_card(theme_key, lang)
    if card is not None:
        for s in card.subtopics:
            if s.key == subtopic:
                return s.title
    return subtopic


def feelings(lang: str | None = None) -> list[Feeling]:
    return [
        Feeling(f["key"], _pick(f["title"], lang), f["pictogram"]) for f in _content()["feelings"]
    ]
