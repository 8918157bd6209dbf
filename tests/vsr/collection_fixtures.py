"""A small generated recording with a review whose parties have real-looking names, for the
consent, collection, retention and pack tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vsr.library import Library
from vsr.library import markers as mk
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.media.testclip import generate_test_clip
from vsr.model import Party, Recording, Review

PRO = "Piet Jansen"
CLIENT = "Anouk de Vries"
DURATION_S = 3.0


def make_source(folder: Path, name: str = "gesprek-anouk.mp4", seconds: float = DURATION_S
                ) -> Path:
    """A 160x120, 25 fps clip with a tone (each frame shows its number)."""
    folder.mkdir(parents=True, exist_ok=True)
    return generate_test_clip(folder / name, seconds)


@dataclass
class World:
    lib: Library
    rec: Recording
    review: Review
    pro: Party
    client: Party


def make_world(lib: Library, source: Path, title: str | None = None) -> World:
    rec, _ = rc.add_recording(lib, source)
    if title is not None:
        rec = rc.rename_recording(lib, rec.id, title)
    review = rv.create_review(lib, rec.id, title="Gesprek", party_names=(PRO, CLIENT))
    pro, client = rv.list_parties(lib, review.id)
    return World(lib, rec, review, pro, client)


def marker_with_sheet(world: World, start_ms: int, end_ms: int | None) -> int:
    """A marker by the client with A, both parties' B and C filled in, naming the client."""
    marker = mk.add_marker(world.lib, world.client.id, start_ms, end_ms,
                           theme="samenwerking", subtopic="luisteren")
    lib = world.lib
    sh.set_field(lib, marker.id, sh.SheetField.WHAT_HAPPENED, "Anouk zei dat ze boos was.")
    sh.set_field(lib, marker.id, sh.SheetField.TO_ME, "Ik schrok ervan.", world.pro.id)
    sh.set_field(lib, marker.id, sh.SheetField.TO_ME, "Ik voelde me niet gehoord.",
                 world.client.id)
    sh.set_field(lib, marker.id, sh.SheetField.KEEP_OR_CHANGE, "Eerst doorvragen.")
    return marker.id
