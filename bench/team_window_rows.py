"""The window playing a shared recording (issue 23), with the real VLC under a display (Xvfb):
a real PostgreSQL of its own (a temporary cluster on a Unix socket, as in the tests), the
professional shares a review of the bench recording into a media folder, and the coach's
window opens it from "Gedeeld met mij". Timed from the click on Open until the recording's
first picture is on screen (the picture compared with the decoded first frame, as
bench/player_rows.py does): the share opened and logged, its rows put into the coach's
library, the loopback server started, VLC reading the stream. The reference, in the same run
and the same way: a bare python-vlc player opening the same file on the local disk. Rounds
alternate; each round is a first open (a new library and an empty cache). Then, once, how
long the cache takes to fill while it plays. Run by bench/team_rows.py in its own process.

    python -m bench.team_window_rows [--quick] WORKDIR
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("VSR_VLC_ARGS", "--aout=dummy")

from PySide6.QtCore import QCoreApplication, QSettings, QSize, QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from vsr.ui.bridge import LibraryBridge  # noqa: E402
from vsr.ui.i18n import install_language  # noqa: E402
from vsr.ui.main_window import MainWindow  # noqa: E402
from vsr.ui.player.factory import create_player  # noqa: E402
from vsr.ui.team import menu as team_menu  # noqa: E402
from vsr.ui.team import playback  # noqa: E402
from vsr.ui.team.settings import MEDIA_KEY, URL_KEY  # noqa: E402

from bench.player_rows import bare_vlc_once, first_picture, shows_first_picture, wait_for  # noqa: E402
from bench.rows import Row, emit, load_average, row  # noqa: E402
from vsr.library import open_library  # noqa: E402


def _share(cluster: object, db: str, source: Path, root: Path) -> Path:
    """The team (alice a professional, carla a coach), alice's review of `source` shared for
    intervisie into the media folder; the folder."""
    from tests.vsr.pg_cluster import Cluster
    from vsr.library import open_library
    from vsr.library.consent import grant_consent
    from vsr.library.markers import add_marker
    from vsr.library.recordings import add_recording
    from vsr.library.reviews import create_review, list_parties
    from vsr.team.connection import connect, init_schema
    from vsr.team.sharing import add_member, add_team, share_review

    assert isinstance(cluster, Cluster)
    cluster.psql(f"CREATE DATABASE {db}", db="postgres")
    init_schema(cluster.url(db=db))
    for person in ("alice", "carla"):
        cluster.psql(f"DO $$ BEGIN CREATE ROLE {person} LOGIN; EXCEPTION WHEN duplicate_object"
                     f" THEN NULL; END $$", db=db)
    with connect(cluster.url(db=db)) as admin:
        add_team(admin, "Team Noord")
        add_member(admin, "Team Noord", "alice", "professional")
        add_member(admin, "Team Noord", "carla", "coach")
    media = root / "media"
    media.mkdir()
    pro = open_library(root / "alice" / "library.sqlite")
    rec, _ = add_recording(pro, source)
    review = create_review(pro, rec.id, title="Gesprek")
    for k, party in enumerate(list_parties(pro, review.id) * 3):
        add_marker(pro, party.id, 20_000 * (k + 1), None)
    grant_consent(pro, rec.id, "intervisie", given_by="cliënt")
    with connect(cluster.url("alice", db)) as conn:
        share_review(pro, conn, media, review.id, "Team Noord", "intervisie")
    pro.close()
    return media


def _window_once(root: Path, run: int, expected: object, size: tuple[int, int],
                 fill_too: bool) -> tuple[float | None, QSize, float | None]:
    """A new coach window (new library, empty cache); the seconds from the click on Open until
    the first picture, the video surface's size, and (fill_too) the seconds from the click
    until the cache is complete while it plays."""
    os.environ["XDG_CACHE_HOME"] = str(root / f"cache{run}")
    bridge = LibraryBridge(open_library(root / f"carla{run}" / "library.sqlite"))
    player = create_player()
    window = MainWindow(bridge, player)
    window.resize(1366, 768)
    window.show()
    wait_for(lambda: window.isVisible() and window.isActiveWindow(), 5.0)
    dialog = team_menu.received_dialog(window)
    dialog.show()
    wait_for(lambda: dialog.items.count() == 1, 30.0)
    wait_for(lambda: False, 0.3)  # the window manager and the X server settle
    surface = player.video_widget()
    started = time.perf_counter()
    dialog.open_button.click()
    took = wait_for(lambda: shows_first_picture(surface, expected, size), 15.0)  # type: ignore[arg-type]
    shown = None if took is None else time.perf_counter() - started
    filled = None
    playing = playback.current
    if fill_too and playing is not None:
        player.play()
        if wait_for(lambda: playing.complete, 600.0) is not None:
            filled = time.perf_counter() - started
    surface_size = surface.size()
    window.close()  # closes the review: the fill is cancelled, the server closed
    window.deleteLater()
    dialog.deleteLater()
    QCoreApplication.processEvents()
    QThreadPool.globalInstance().waitForDone(30_000)
    QCoreApplication.processEvents()
    bridge.close()
    bridge.lib.close()
    return shown, surface_size, filled


def team_window_rows(quick: bool, workdir: Path) -> list[Row]:
    from bench.media import recording
    from tests.vsr.pg_cluster import running_cluster

    seconds = 120 if quick else 600
    source = recording(workdir, seconds)
    size_mb = source.stat().st_size >> 20
    expected, size = first_picture(source)
    rounds = 3 if quick else 5
    root = Path(tempfile.mkdtemp(prefix="vsr-team-window-"))
    rows: list[Row] = []
    try:
        with running_cluster(port=54341) as cluster:
            db = f"play{uuid.uuid4().hex[:8]}"
            media = _share(cluster, db, source, root)
            QSettings().setValue(URL_KEY, cluster.url("carla", db))
            QSettings().setValue(MEDIA_KEY, str(media))
            windows: list[float | None] = []
            bares: list[float | None] = []
            loads: list[float] = []
            filled: float | None = None
            for run in range(rounds):  # alternating: a busy moment hits both sides alike
                loads.append(load_average())
                shown, surface_size, fill = _window_once(root, run, expected, size,
                                                         fill_too=run == rounds - 1)
                windows.append(shown)
                filled = fill if fill is not None else filled
                bares.append(bare_vlc_once(source, expected, size, surface_size))

        def median(times: list[float | None]) -> float | None:
            found = [t for t in times if t is not None]
            return statistics.median(found) if len(found) > len(times) // 2 else None

        r = row(f"window: start playing a shared recording ({size_mb} MB, folder store) until its"
                " first picture (real VLC through the loopback server; reference: bare python-vlc"
                " on the same file on local disk)", median(windows), "s", 1.0, median(bares))
        r.update(load=round(statistics.mean(loads), 2),
                 rounds={"window": [None if t is None else round(t, 3) for t in windows],
                         "bare": [None if t is None else round(t, 3) for t in bares]})
        rows.append(r)
        rows.append(row(f"window: the shared recording ({size_mb} MB) complete in the private"
                        " cache while it plays, from the click on Open (information)", filled,
                        "s", None))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("workdir", type=Path)
    args = parser.parse_args()
    QCoreApplication.setOrganizationName("vsr-bench")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_language("nl")
    with tempfile.TemporaryDirectory(prefix="vsr-bench-team-window-") as name:
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, name)
        rows = team_window_rows(args.quick, args.workdir)
    emit(rows)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
