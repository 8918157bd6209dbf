"""The demo: a generated recording of a made-up begeleidingsgesprek plus a review with markers."""

from __future__ import annotations

import os
from pathlib import Path

from vsr.app_dirs import make_private, private_dir
from vsr.i18n import translate
from vsr.library import Library
from vsr.library import markers as mk
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library import sheets as sh
from vsr.model import Recording, Review

DEMO_FILE = "demo-begeleidingsgesprek.mp4"
# The demo's words are core messages like every other text (resources/locale, keys "demo.…"), so
# they are in the language the app speaks and translated in one place.
DEMO_TITLE_KEY = "demo.title"

# (party index, start s, end s or None, theme, subtopic, message key of A, B professional,
# B client, C; None where the demo leaves that field empty)
_DEMO_MOMENTS: list[tuple[int, float, float | None, str, str,
                          str | None, str | None, str | None, str | None]] = [
    (0, 12.0, 24.0, "bereiken", "doel", "demo.moment1.a", "demo.moment1.b_professional",
     "demo.moment1.b_client", "demo.moment1.c"),
    (1, 31.0, None, "samenwerking", "luisteren", "demo.moment2.a", None,
     "demo.moment2.b_client", "demo.moment2.c"),
    (1, 62.0, 75.0, "begeleiding", "vertrouwen", "demo.moment3.a", "demo.moment3.b_professional",
     "demo.moment3.b_client", None),
    (0, 98.0, None, "samenwerking", "openheid", None, None, None, None),
]


def demo_title() -> str:
    """The demo review's title in the current language."""
    return translate(DEMO_TITLE_KEY)


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
    from vsr.media.demo_recording import generate_demo_recording

    target = (folder or recordings_dir()) / DEMO_FILE
    private_dir(target.parent)  # the recordings folder is the user's only
    if not target.exists():
        generate_demo_recording(target)
    make_private(target)
    return target


def create_demo_review(lib: Library, rec: Recording) -> Review:
    """The demo review with a few markers from both parties, some with their gespreksblad."""
    title = demo_title()
    for review in rv.list_reviews(lib, rec.id):
        if review.title == title:
            return review
    review = rv.create_review(lib, rec.id, title=title)
    parties = rv.list_parties(lib, review.id)
    for who, start, end, theme, sub, a, b_pro, b_client, c in _DEMO_MOMENTS:
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
                sh.set_field(lib, marker.id, field, translate(text), party)
    return review


def make_demo(lib: Library, folder: Path | None = None) -> tuple[Recording, Review]:
    path = ensure_demo_recording(folder)
    rec, _ = rc.add_recording(lib, path)
    return rec, create_demo_review(lib, rec)
