"""The child of the crash harness (tests/vsr/test_crash_harness.py): edits the first review of
LIBRARY through the core without end (markers added, moved, deleted, themed; gespreksblad fields
typed a character at a time; feelings; the closing summary and learnings), seeded by SEED.
Before each edit it prints "pending <json>", after the core call returned "ack <json>".
It never stops by itself: the parent kills it.

    python -m tests.vsr.crash_child LIBRARY SEED"""

from __future__ import annotations

import json
import random
import string
import sys
from pathlib import Path

from tests.vsr.library_model import Edit, Model, apply_edit, perform_edit
from vsr.library import open_library
from vsr.library import reviews as rv

FEELINGS = ("blij", "boos", "bang", "verdrietig", "verrast", "rustig")
TEXT = string.ascii_letters + " éëü.,"


def next_edit(rng: random.Random, model: Model, parties: list[int]) -> Edit:
    ids = sorted(model.markers)
    roll = rng.random()
    if not ids or roll < 0.12:
        start = rng.randrange(0, 600_000)
        end = start + rng.randrange(1, 30_000) if rng.random() < 0.4 else None
        return {"op": "add", "party": rng.choice(parties), "start": start, "end": end}
    marker = rng.choice(ids)
    if roll < 0.18:
        return {"op": "delete", "id": marker}
    if roll < 0.25:
        start = rng.randrange(0, 600_000)
        return {"op": "move", "id": marker, "start": start, "end": None}
    if roll < 0.3:
        return {"op": "theme", "id": marker, "theme": rng.choice(["samenwerking", "bereiken"]),
                "subtopic": rng.choice(["", "klik", "doel"])}
    if roll < 0.35:
        return {"op": "feelings", "id": marker, "party": rng.choice(parties),
                "feelings": rng.sample(FEELINGS, rng.randrange(0, 3))}
    if roll < 0.42:
        key = ("summary", None) if rng.random() < 0.5 else ("learning", rng.choice(parties))
        old = model.summary if key[1] is None else model.learnings.get(key[1], "")
        edit: Edit = {"op": key[0], "text": old + rng.choice(TEXT)}
        if key[1] is not None:
            edit["party"] = key[1]
        return edit
    # Typing: the field grows one character per save, like the window's saves while typing.
    name, party = rng.choice([("what_happened", None), ("keep_or_change", None),
                              ("to_me", rng.choice(parties)), ("to_other", rng.choice(parties))])
    m = model.markers[marker]
    old = m.fields.get(name, "") if party is None else m.party_fields.get((party, name), "")
    return {"op": "field", "id": marker, "field": name, "party": party,
            "text": old + rng.choice(TEXT)}


def _say(line: str) -> None:
    # One write per line (print writes the newline separately), so a kill never cuts an
    # acknowledgement between its text and its newline.
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(library: Path, seed: int) -> None:
    rng = random.Random(seed)
    lib = open_library(library)
    review = rv.list_reviews(lib)[0]
    parties = [p.id for p in rv.list_parties(lib, review.id)]
    from tests.vsr.library_model import read_model  # the child continues from what is there

    model = read_model(lib, review.id)
    while True:
        edit = next_edit(rng, model, parties)
        _say("pending " + json.dumps(edit))
        done = perform_edit(lib, review.id, edit)
        _say("ack " + json.dumps(done))
        apply_edit(model, done)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
