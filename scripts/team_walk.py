"""The walk with two programs under Xvfb (issue 23): a professional shares, a coach receives.

A throw-away PostgreSQL cluster (tests/vsr/pg_cluster.py), two people with their own HOME,
library and database log-in, and the real app for each, driven in-process; screenshots of the
screen (1366x768) with ImageMagick's `import` go to OUTDIR.

    .venv/bin/python scripts/team_walk.py OUTDIR
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DISPLAY = ":77"


def _people_library(env: dict[str, str], home: Path) -> None:
    """Alice's library: a recording with two moments and the client's consent for intervisie."""
    code = f"""
import sys; sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from tests.vsr.collection_fixtures import make_source, make_world
from vsr.library import open_library, markers as mk, sheets as sh, consent as cs
lib = open_library()
w = make_world(lib, make_source(Path({str(home)!r}), seconds=20.0))
m1 = mk.add_marker(lib, w.client.id, 3000, 7000, theme='samenwerking', subtopic='luisteren')
sh.set_field(lib, m1.id, sh.SheetField.WHAT_HAPPENED,
             'Anouk zei dat de afspraken niet duidelijk waren.')
m2 = mk.add_marker(lib, w.pro.id, 12000, None)
sh.set_field(lib, m2.id, sh.SheetField.WHAT_HAPPENED, 'Schuldhulpverlening kwam ter sprake.')
cs.grant_consent(lib, w.rec.id, 'intervisie', given_by='Anouk')
lib.close()
"""
    subprocess.run([sys.executable, "-c", code], env=env, check=True, cwd=ROOT)


def walk(out: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.vsr.pg_cluster import running_cluster
    from vsr.team import sharing as ts
    from vsr.team.connection import connect, init_schema

    out.mkdir(parents=True, exist_ok=True)
    base = Path(tempfile.mkdtemp(prefix="vsr-walk-"))
    media = base / "team-media"
    media.mkdir()
    with running_cluster(port=54391) as cluster:
        url = cluster.url(db="vsr")
        init_schema(url)
        for person in ("alice", "carla"):
            cluster.psql(f"CREATE ROLE {person} LOGIN", db="vsr")
        with connect(url) as admin:
            ts.add_team(admin, "Team Noord")
            ts.add_member(admin, "Team Noord", "alice", "professional")
            ts.add_member(admin, "Team Noord", "carla", "coach")
        envs = {}
        for person in ("alice", "carla"):
            home = base / person
            home.mkdir()
            envs[person] = {**os.environ, "DISPLAY": DISPLAY, "VSR_LANG": "nl", "HOME": str(home),
                            "VSR_LIBRARY": str(home / "library.sqlite"),
                            "VSR_TEAM": cluster.url(person, "vsr"), "VSR_TEAM_MEDIA": str(media),
                            "XDG_CONFIG_HOME": str(home / ".config"),
                            "XDG_DATA_HOME": str(home / ".local/share"),
                            "XDG_CACHE_HOME": str(home / ".cache")}
        _people_library(envs["alice"], base / "alice")
        xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1366x768x24", "-nolisten", "tcp"])
        time.sleep(1.5)
        try:
            for person in ("alice", "carla"):
                done = subprocess.run([sys.executable, __file__, "--role", person, str(out)],
                                      env=envs[person], cwd=ROOT, timeout=240)
                print(person, "exit", done.returncode)
        finally:
            xvfb.terminate()
            xvfb.wait()
    shutil.rmtree(base, ignore_errors=True)


def drive(role: str, out: Path) -> None:
    """One person's program: the real window, then the team dialogs, with screenshots."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from vsr.ui.app import Application, set_identity
    from vsr.ui.bridge import LibraryBridge

    from vsr.library import open_library

    set_identity()
    app = QApplication(sys.argv[:1])
    lib = open_library(os.environ["VSR_LIBRARY"])
    window = Application(app, LibraryBridge(lib), "nl").build()
    window.resize(1366, 740)
    window.move(0, 0)
    window.show()

    def shot(name: str) -> None:
        app.processEvents()
        subprocess.run(["import", "-window", "root", str(out / f"{name}.png")], check=True)

    def wait(ready: Callable[[], bool], then: Callable[[], object], tries: int = 300) -> None:
        if ready():
            then()
        elif tries <= 0:
            shot(f"{role}-timeout")
            app.quit()
        else:
            QTimer.singleShot(100, lambda: wait(ready, then, tries - 1))

    steps = _alice_steps if role == "alice" else _carla_steps
    QTimer.singleShot(500, lambda: steps(window, lib, shot, wait, app.quit))
    app.exec()
    lib.close()


def _alice_steps(window: Any, lib: Any, shot: Any, wait: Any, quit_: Any) -> None:
    from vsr.ui.team.settings import TeamSettingsDialog
    from vsr.ui.team.share_dialog import ShareDialog

    from vsr.library import reviews as rv

    review = rv.list_reviews(lib)[0]
    window.open_review(review.id)
    settings = TeamSettingsDialog(window)
    settings.show()
    settings.move(380, 150)
    settings.test_button.click()

    def shared() -> None:
        shot("3-shared")
        quit_()

    def share(dialog: ShareDialog) -> None:
        shot("2-share-preview")
        dialog.share_button.click()
        wait(lambda: dialog.share_id is not None or "niet" in dialog.status.text(), shared)

    def checked() -> None:
        shot("1-settings-check")
        settings.close()
        dialog = ShareDialog(lib, review.id, window)
        dialog.show()
        dialog.move(380, 120)
        wait(dialog.share_button.isEnabled, lambda: share(dialog))

    wait(lambda: settings.test_button.isEnabled() and settings.results.count() > 2, checked)


def _carla_steps(window: Any, lib: Any, shot: Any, wait: Any, quit_: Any) -> None:
    from PySide6.QtCore import QTimer
    from vsr.ui.team.menu import received_dialog

    dialog = received_dialog(window)  # as the menu opens it: Open plays at once
    dialog.show()
    dialog.move(320, 140)

    def opened() -> None:
        QTimer.singleShot(1500, lambda: (shot("6-received-review"), quit_()))

    def found() -> None:
        shot("5-search")
        dialog.open_button.click()
        wait(window.showing_review, opened)

    def listed() -> None:
        shot("4-shared-with-me")
        dialog.search_field.setText("afspraak")
        dialog.search()
        wait(lambda: "gevonden" in dialog.status.text(), found)

    wait(lambda: dialog.items.count() > 0, listed)


if __name__ == "__main__":
    if sys.argv[1] == "--role":
        drive(sys.argv[2], Path(sys.argv[3]))
    else:
        walk(Path(sys.argv[1]))
