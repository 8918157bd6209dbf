"""The jobs `vsr.jobs.child` runs: each takes its payload and a progress function and returns a
result the parent can unpickle. None touches a library."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vsr.errors import VsrError

if TYPE_CHECKING:
    from vsr.anonymise.names import NameReplacer
    from vsr.clip_packs.export import ExportJob, StagedExport
    from vsr.export.summary_content import SummaryDoc

Progress = Callable[[float], None]
STILLS_SHARE = 0.8  # of the progress of a summary with stills; the rest is the file


@dataclass(frozen=True, slots=True)
class SummaryWork:
    doc: SummaryDoc
    fmt: str
    out: Path  # with a staging root: the target; without: a staged file (`PendingSummary.file`)
    staging_root: Path | None = None
    include_stills: bool = False
    names: NameReplacer | None = None  # names replaced (initials) when given
    created_at: str = ""
    shown_as: Path | None = None  # the target errors name when `out` is a staged file


def summary(work: SummaryWork, progress: Progress) -> Path:
    """A learning summary: names replaced, stills (faces blurred when anonymised), the file."""
    from vsr.export import write_summary
    from vsr.export.summary_content import anonymise_summary

    doc = work.doc
    progress(0.0)
    if work.names is not None:
        doc = anonymise_summary(doc, work.names, work.created_at)
    if work.include_stills:
        # The stills in one pass in time order (StillReader.grab_many), on a thread while the
        # file is laid out (decoding lets go of the interpreter lock; faces blurred there).
        from vsr.export.stills_ahead import StillsAhead

        total = max(1, len({block.at_ms for block in doc.moments}))
        with StillsAhead(doc, lambda count: progress(STILLS_SHARE * count / total)) as ahead:
            path = write_summary(ahead.doc, work.fmt, work.out, staging_root=work.staging_root,
                                 shown_as=work.shown_as)
    else:
        progress(0.1)
        path = write_summary(doc, work.fmt, work.out, staging_root=work.staging_root,
                             shown_as=work.shown_as)
    progress(1.0)
    return path


@dataclass(frozen=True, slots=True)
class ClipsWork:
    job: ExportJob
    mode: str = "blur"  # how faces are made unrecognisable: "blur" or "pixelate"


def clips(work: ClipsWork, progress: Progress) -> StagedExport:
    """A collection's clips (faces anonymised when the job says so) and its pack documents,
    written into staging; the parent commits or discards them."""
    from vsr.clip_packs.export import run_export
    from vsr.clips.faces import FaceAnonymizer

    mode = work.mode
    return run_export(work.job, progress=progress,
                      anonymizer_factory=lambda: FaceAnonymizer(mode))  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class SleepWork:
    steps: int = 10
    step_s: float = 0.05
    fail_key: str = ""  # a VsrError with this key after the steps
    crash: bool = False  # a plain exception after the steps


def sleep(work: SleepWork, progress: Progress) -> int:
    """For tests of the mechanism: progress in steps, then the number of steps or an error."""
    for step in range(work.steps):
        time.sleep(work.step_s)
        progress((step + 1) / work.steps)
    if work.fail_key:
        raise VsrError(work.fail_key)
    if work.crash:
        raise RuntimeError("the test asked for a crash")
    return work.steps
