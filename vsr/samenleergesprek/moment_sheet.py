"""One gespreksblad for a moment that several parties marked.

Decision (issue 9): when a moment that two (or more) parties marked is chosen in Stap 1, it stays
all of theirs. The moment records every marker it covers (`Moment.marker_ids`); Stap 2 and the
learning summary say who marked it ("jullie allebei"). Stap 2 fills in ONE sheet, the one of the
moment's main marker, so what the others wrote on their own marker's sheet while marking is
brought into it when the moment is chosen, and nothing is lost or hidden:
- A and C (shared fields): an empty field takes the other text; when both hold different text,
  both are kept, each after its author's name ("Cliënt: …", "Professional: …").
- B (per party anyway): each party's "what did it do to me / to the other" is taken into that
  party's own column (joined with a blank line when both hold text); feelings are combined.
The other markers and their sheets stay as they are (they are still seen in the marker list).
This happens once, when the moment is chosen; choosing it again changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from vsr.library import sheets as sh
from vsr.library.db import Library
from vsr.model import Marker, PartyReflection, Sheet


def _join(mine: str, theirs: str, mine_by: str = "", theirs_by: str = "") -> str:
    """`mine` with `theirs` added, unless `theirs` is empty or the same text."""
    if not theirs.strip() or theirs.strip() == mine.strip():
        return mine
    if not mine.strip():
        return theirs
    if mine_by and theirs_by:
        head = mine if mine.startswith(f"{mine_by}: ") else f"{mine_by}: {mine.strip()}"
        return f"{head}\n\n{theirs_by}: {theirs.strip()}"
    return f"{mine.rstrip()}\n\n{theirs.strip()}"


def _join_reflection(mine: PartyReflection, theirs: PartyReflection) -> PartyReflection:
    feelings = mine.feelings + tuple(f for f in theirs.feelings if f not in mine.feelings)
    return replace(mine, to_me=_join(mine.to_me, theirs.to_me),
                   to_other=_join(mine.to_other, theirs.to_other), feelings=feelings)


def merged_sheet(main: Sheet, main_by: str, others: Sequence[tuple[Sheet, str]]) -> Sheet:
    """`main` with the texts of the other sheets (each with its author's name) brought in."""
    sheet = main
    for other, by in others:
        reflections = dict(sheet.reflections)
        for party_id, theirs in other.reflections.items():
            mine = reflections.get(party_id, PartyReflection(party_id))
            reflections[party_id] = _join_reflection(mine, theirs)
        sheet = replace(
            sheet,
            what_happened=_join(sheet.what_happened, other.what_happened, main_by, by),
            keep_or_change=_join(sheet.keep_or_change, other.keep_or_change, main_by, by),
            reflections=reflections,
        )
    return sheet


def bring_sheets_together(lib: Library, main: Marker, others: Sequence[Marker],
                          names: dict[int, str]) -> bool:
    """Write the merged sheet of `main` (inside the caller's transaction). True when it
    changed. `names` maps party ids to the names put before shared texts."""
    before = sh.get_sheet(lib, main.id)
    after = merged_sheet(before, names.get(main.party_id, "?"),
                         [(sh.get_sheet(lib, m.id), names.get(m.party_id, "?")) for m in others])
    if after == before:
        return False
    sh.restore_sheet(lib, after)
    return True
