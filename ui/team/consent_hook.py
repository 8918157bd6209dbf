"""After consent is withdrawn or narrowed in the consent dialog: a recording shared with a team
is withdrawn or narrowed there too. The change is queued at once (no network on this thread),
sent on a worker, and the user is told in words whether the team has it or it waits for the
next connection."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from vsr.errors import VsrError
from vsr.team.outbox import TeamNotice, deliver, queue_change

from .. import workers
from ..dialogs import inform, show_error
from .settings import team_media_setting, team_url_setting


def tell_team_later(parent: QWidget, lib: Any, recording_id: int, purpose: str,
                    narrowed_to: tuple[date, date | None, bool] | None = None
                    ) -> workers.Task | None:
    """Queue the change and send it on a worker; None when the recording was never shared."""
    try:
        outbox = queue_change(lib, recording_id, purpose, narrowed_to)
    except (VsrError, OSError) as exc:
        show_error(parent, exc)
        return None
    if outbox is None:
        return None
    url, media = team_url_setting() or None, team_media_setting()
    task = workers.Task(lambda _p, _c: deliver(outbox, url, media))
    task.signals.done.connect(lambda notice: _tell(parent, notice))
    task.signals.failed.connect(lambda exc: show_error(parent, exc))
    return workers.start(task)


def _tell(parent: QWidget, notice: TeamNotice) -> None:
    if notice.message():
        inform(parent, QCoreApplication.translate("Team", "Team library"), notice.message())
