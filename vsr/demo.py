"""The demo: a generated recording of a made-up begeleidingsgesprek plus a review with markers."""

from __future__ import annotations

import os
from pathlib import Path

from vsr.app_dirs import make_private, private_dir
from vsr.i18n import current_language
from vsr.library import Library
from vsr.library import markers as mk
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.model import Recording, Review

DEMO_FILE = "demo-begeleidingsgesprek.mp4"
DEMO_TITLE = {"nl": "Demo: terugkijken op een begeleidingsgesprek",
              "en": "Demo: looking back at a guidance conversation"}

# (party index, start s, end s or None, theme, subtopic, A, B professional, B client, C)
_DEMO_MOMENTS: dict[str, list[tuple[int, float, float | None, str, str, str, str, str, str]]] = {
    "nl": [
        (0, 12.0, 24.0, "bereiken", "doel",
         "Ik vroeg wat je doel is voor de komende maand.",
         "Ik wilde snel een afspraak maken.", "Ik wist niet goed wat ik moest zeggen.",
         "Eerst samen het doel in eigen woorden opschrijven."),
        (1, 31.0, None, "samenwerking", "luisteren",
         "Je zei dat je je zorgen maakt over het geld.", "", "Ik voelde me gehoord.",
         "Dit willen we houden: even stilstaan bij zorgen."),
        (1, 62.0, 75.0, "begeleiding", "vertrouwen",
         "Het ging over de sollicitatieplicht.", "Ik legde de regels uit.",
         "Het voelde als een straf.", ""),
        (0, 98.0, None, "samenwerking", "openheid", "", "", "", ""),
    ],
    "en": [
        (0, 12.0, 24.0, "bereiken", "doel",
         "I asked what your goal is for the coming month.",
         "I wanted to make an agreement quickly.", "I did not know what to say.",
         "First write the goal down together in your own words."),
        (1, 31.0, None, "samenwerking", "luisteren",
         "You said you are worried about money.", "", "I felt heard.",
         "We keep this: taking time for worries."),
        (1, 62.0, 75.0, "begeleiding", "vertrouwen",
         "We talked about the duty to apply for jobs.", "I explained the rules.",
         "It felt like a punishment.", ""),
        (0, 98.0, None, "samenwerking", "openheid", "", "", "", ""),
    ],
}


def recordings_dir() -> Path:
    """Where recordings are kept: VSR_RECORDINGS, the checkout's recordings/, or the data dir."""
    env = os.environ.get("VSR_RECORDINGS")
    if env:
        return Path(env).expanduser()
    checkout = Path(__file__).resolve().parent.parent / "recordings"
    if checkout.is_dir():
        return checkout
    import platformdirs

    return Path(platformdirs.user_data_dir("vsr", appauthor=False)) / "recordings"


def ensure_demo_recording(folder: Path | None = None) -> Path:
    """The demo recording, generated once (it is deterministic, so it is reused)."""
    from vsr.media.demo import generate_demo_recording

    target = (folder or recordings_dir()) / DEMO_FILE
    private_dir(target.parent)  # the recordings folder is the user's only
    if not target.exists():
        generate_demo_recording(target)
    make_private(target)
    return target


def create_demo_review(lib: Library, rec: Recording) -> Review:
    """The demo review with a few markers from both parties, some with their gespreksblad."""
    title = DEMO_TITLE.get(current_language(), DEMO_TITLE["nl"])
    for review in rv.list_reviews(lib, rec.id):
        if review.title == title:
            return review
    review = rv.create_review(lib, rec.id, title=title)
    parties = rv.list_parties(lib, review.id)
    moments = _DEMO_MOMENTS.get(current_language(), _DEMO_MOMENTS["nl"])
    for who, start, end, theme, sub, a, b_pro, b_client, c in moments:
        marker = mk.add_marker(
            lib, parties[who].id, int(start * 1000), None if end is None else int(end * 1000),
            theme=theme, subtopic=sub,
        )
        for field, text, party in (
            (sh.SheetField.WHAT_HAPPENED, a, None),
            (sh.SheetField.TO_ME, b_pro, parties[0].id),
            (sh.SheetField.TO_ME, b_client, parties[1].id),
            (sh.SheetField.KEEP_OR_CHANGE, c, None),
        ):
            if text:
                sh.set_field(lib, marker.id, field, text, party)
    return review


def make_demo(lib: Library, folder: Path | None = None) -> tuple[Recording, Review]:
    path = ensure_demo_recording(folder)
    rec, _ = rc.add_recording(lib, path)
    return rec, create_demo_review(lib, rec)
