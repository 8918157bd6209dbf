"""The team library in the window, against a real PostgreSQL (tests/vsr/pg_cluster.py): the
settings page tests a connection on a worker (a wrong address is a sentence, the window does
not wait), the share dialog shows what leaves the laptop and shares, the received list finds
and opens what is shared with the coach; VSR_TEAM wins over the settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QSettings
from vsr.ui.i18n import install_language
from vsr.ui.team.received_dialog import ReceivedDialog
from vsr.ui.team.settings import MEDIA_KEY, URL_KEY, TeamSettingsDialog, team_url_setting
from vsr.ui.team.share_dialog import ShareDialog

from tests.vsr.pg_cluster import pg_cluster  # noqa: F401 (fixture)
from tests.vsr.test_team import _Db, _grant, media, source, team_db, world  # noqa: F401
from vsr.library import open_library
from vsr.library import reviews as rv
from vsr.team import sharing as ts

NOWHERE = "postgresql://alice@127.0.0.1:1/geen_team?connect_timeout=2"


@pytest.fixture(autouse=True)
def team_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The team settings start empty and are put back afterwards; VSR_TEAM is not set."""
    monkeypatch.delenv("VSR_TEAM", raising=False)
    monkeypatch.delenv("VSR_TEAM_MEDIA", raising=False)
    install_language("nl")
    settings = QSettings()
    before = {k: settings.value(k) for k in (URL_KEY, MEDIA_KEY)}
    settings.remove(URL_KEY)
    settings.remove(MEDIA_KEY)
    yield
    for key, value in before.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


def _use(url: str, folder: Path | None = None) -> None:
    QSettings().setValue(URL_KEY, url)
    QSettings().setValue(MEDIA_KEY, str(folder or ""))


def test_settings_page_tests_a_wrong_address_without_waiting(qtbot, team_db) -> None:  # noqa: F811
    dialog = TeamSettingsDialog()
    qtbot.addWidget(dialog)
    dialog.url_field.setText(NOWHERE)
    clock = QElapsedTimer()
    clock.start()
    dialog.test_button.click()
    assert clock.elapsed() < 500  # the connect runs on a worker
    assert not dialog.test_button.isEnabled()
    qtbot.waitUntil(dialog.test_button.isEnabled, timeout=15_000)
    lines = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert lines[0].startswith("✗") and "niet bereikbaar" in lines[0]
    assert "Traceback" not in " ".join(lines)
    dialog.url_field.setText(team_db.url("carla"))
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled()
                    and dialog.results.count() > 2, timeout=15_000)
    lines = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert any(line.startswith("✓") and "Team Noord" in line for line in lines), lines
    dialog.save()
    assert team_url_setting() == team_db.url("carla")


def test_environment_wins_over_the_settings(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    _use("postgresql://uit-instellingen/vsr")
    monkeypatch.setenv("VSR_TEAM", "postgresql://uit-omgeving/vsr")
    assert team_url_setting() == "postgresql://uit-omgeving/vsr"
    dialog = TeamSettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.url_field.text() == "postgresql://uit-omgeving/vsr"
    assert dialog.url_field.isReadOnly() and "VSR_TEAM" in dialog.env_note.text()


def test_share_dialog_shows_what_leaves_and_shares(qtbot, team_db, world, media) -> None:  # noqa: F811
    _use(team_db.url("alice"), media)
    dialog = ShareDialog(world.lib, world.review.id)
    qtbot.addWidget(dialog)
    preview = dialog.preview.toPlainText()
    assert "Anouk" not in preview and "Cliënt" in preview and "momenten: 2" in preview
    qtbot.waitUntil(dialog.share_button.isEnabled, timeout=15_000)
    assert dialog.team_box.currentText() == "Team Noord"
    dialog.share_button.click()  # no consent for intervisie yet: refused in words
    qtbot.waitUntil(lambda: "toestemming" in dialog.status.text().lower(), timeout=15_000)
    assert dialog.share_id is None and not list(media.iterdir())
    _grant(world, "intervisie")
    qtbot.waitUntil(dialog.share_button.isEnabled)
    dialog.share_button.click()
    qtbot.waitUntil(lambda: dialog.share_id is not None, timeout=30_000)
    assert "Team Noord" in dialog.status.text()
    with team_db.conn("carla") as carla:
        assert dialog.share_id in {i.id for i in ts.list_shared(carla)}


def test_shared_with_me_lists_searches_and_opens(qtbot, team_db, world, media, tmp_path) -> None:  # noqa: F811
    _grant(world, "intervisie")
    with team_db.conn("alice") as alice:
        share_id = ts.share_review(world.lib, alice, media, world.review.id, "Team Noord",
                                   "intervisie")
    coach_lib = open_library(tmp_path / "carla.sqlite")
    _use(team_db.url("carla"), media)
    dialog = ReceivedDialog(Path(coach_lib.path))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.items.count() == 1, timeout=15_000)
    assert "Team Noord" in dialog.items.item(0).text()
    dialog.search_field.setText("afspraak")  # Dutch stemming finds "afspraken"
    dialog.search()
    qtbot.waitUntil(lambda: "gevonden" in dialog.status.text(), timeout=15_000)
    assert dialog.items.count() == 1 and "0:00" in dialog.items.item(0).text()
    with qtbot.waitSignal(dialog.review_received, timeout=30_000) as got:
        dialog.open_button.click()
    review = rv.get_review(coach_lib, got.args[0])
    assert review.title == "Ontvangen van Team Noord: Gesprek"
    assert share_id
    coach_lib.close()


def test_unreachable_team_is_said_in_words(qtbot, tmp_path: Path) -> None:
    lib = open_library(tmp_path / "lib.sqlite")
    _use(NOWHERE)
    dialog = ReceivedDialog(Path(lib.path))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "niet bereikbaar" in dialog.status.text(), timeout=15_000)
    assert dialog.items.count() == 0 and "Traceback" not in dialog.status.text()
    lib.close()


def test_withdrawing_in_the_consent_dialog_reaches_the_team_or_waits(
        qtbot, team_db, world, media, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    from PySide6.QtWidgets import QMessageBox
    from vsr.ui.privacy.consent_dialog import ConsentDialog

    from vsr.library.consent import Purpose
    from vsr.team.outbox import pending

    _grant(world, "intervisie")
    with team_db.conn("alice") as alice:
        share_id = ts.share_review(world.lib, alice, media, world.review.id, "Team Noord",
                                   "intervisie")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    _use(NOWHERE, media)  # unreachable: the withdrawal waits, and the user is told so
    dialog = ConsentDialog(world.lib, world.rec.id)
    qtbot.addWidget(dialog)
    assert dialog.withdraw(Purpose.INTERVISIE)
    qtbot.waitUntil(lambda: bool(told), timeout=15_000)
    assert "volgende verbinding" in told[0] and len(pending(world.lib)) == 1
    with team_db.conn("carla") as carla:
        assert share_id in {i.id for i in ts.list_shared(carla)}
    _use(team_db.url("alice"), media)  # the next connect (here: the received list) sends it
    received = ReceivedDialog(Path(world.lib.path))
    qtbot.addWidget(received)
    qtbot.waitUntil(lambda: "gedeelde" in received.status.text(), timeout=15_000)
    assert pending(world.lib) == []
    with team_db.conn("carla") as carla:
        assert share_id not in {i.id for i in ts.list_shared(carla)}


def test_collection_share_dialog_offers_fitting_teams_and_shares(
        qtbot, team_db, world, media, tmp_path: Path) -> None:  # noqa: F811
    from vsr.ui.team.collection_share_dialog import CollectionShareDialog

    from vsr.library import collections as cl
    from vsr.team.collections import list_shared_collections

    _grant(world, "intervisie")
    coll = cl.create_collection(world.lib, "Doorvragen", "intervisie")
    cl.add_clip(world.lib, coll.id, world.rec.id, 200, 900)
    _use(team_db.url("alice"), media)
    dialog = CollectionShareDialog(world.lib, coll.id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.share_button.isEnabled, timeout=15_000)
    assert [dialog.team_box.itemText(i) for i in range(dialog.team_box.count())] == ["Team Noord"]
    dialog.grab().save(str(tmp_path / "collection-share.png"))
    dialog.share_button.click()
    qtbot.waitUntil(lambda: dialog.shared_id is not None, timeout=30_000)
    assert "Team Noord" in dialog.status.text()
    with team_db.conn("carla") as carla:
        assert dialog.shared_id in {c.id for c in list_shared_collections(carla)}
    _use(team_db.url("tess"), media)  # a trainer: no team fits intervisie
    other = CollectionShareDialog(world.lib, coll.id)
    qtbot.addWidget(other)
    qtbot.waitUntil(lambda: "geen team" in other.status.text(), timeout=15_000)
    assert not other.share_button.isEnabled()


def test_both_share_dialogs_speak_dutch_in_their_shared_parts(qtbot, tmp_path: Path) -> None:
    """The parts both dialogs have (`share_base.TeamShareDialog`) are translated in a context
    of their own: PySide's `self.tr` would look them up under each dialog's class name."""
    from vsr.ui.team.collection_share_dialog import CollectionShareDialog

    from tests.vsr import session_fixtures as fx
    from vsr.library import collections as cl

    install_language("nl")
    lib = open_library(tmp_path / "bib.sqlite")
    walked = fx.walked_review(lib, tmp_path, long_text=False)
    coll = cl.create_collection(lib, "Doorvragen", "intervisie")
    for dialog in (ShareDialog(lib, walked.review.id), CollectionShareDialog(lib, coll.id)):
        qtbot.addWidget(dialog)
        assert dialog.share_button.text() == "Delen"
        assert dialog.team_box.accessibleName() == "Team"
        assert "teamopslag" in dialog.status.text()  # no team library set: said in Dutch
