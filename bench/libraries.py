"""Libraries with many marked moments for the benchmark: one review of a recording with
`count` markers spread over it (every third a range), each second one with words in A."""

from __future__ import annotations

from pathlib import Path

from vsr.library import Library, open_library
from vsr.library import markers as mk
from vsr.library import recordings as rc
from vsr.library import reviews as rv
from vsr.library import sheets as sh


def make_library(path: Path, media: Path, count: int, *, words_every: int = 2
                 ) -> tuple[Library, int]:
    """A new library at `path` (one transaction for all markers); returns it and the review id.
    Every `words_every`-th marker has words in A (a summary lists those: 1 puts all in it)."""
    lib = open_library(path)
    recording, _ = rc.add_recording(lib, media)
    review = rv.create_review(lib, recording.id)
    parties = rv.list_parties(lib, review.id)
    step = max(1, (recording.duration_ms - 20_000) // (count + 1))
    with lib.write():  # nested writes join this one transaction
        for i in range(count):
            start = (i + 1) * step
            end = start + min(10_000, step * 3) if i % 3 == 0 else None
            marker = mk.add_marker(lib, parties[i % len(parties)].id, start, end)
            if i % words_every == 0:
                sh.set_field(lib, marker.id, sh.SheetField.WHAT_HAPPENED,
                             f"Moment {i}: de cliënt vertelt over thuis en de afspraak van vorige week.")
    return lib, review.id


def make_reviews(path: Path, media: Path, count: int) -> None:
    """A new library at `path` with `count` reviews of one recording, ten marked moments each
    with words in A; closed cleanly (as a user's library is between sessions)."""
    lib = open_library(path)
    recording, _ = rc.add_recording(lib, media)
    with lib.write():
        for n in range(count):
            review = rv.create_review(lib, recording.id)
            parties = rv.list_parties(lib, review.id)
            for i in range(10):
                marker = mk.add_marker(lib, parties[i % 2].id, 5000 + i * 9000 + n)
                sh.set_field(lib, marker.id, sh.SheetField.WHAT_HAPPENED,
                             f"Gesprek {n}, moment {i}: de cliënt vertelt over thuis en werk.")
    lib.close()
