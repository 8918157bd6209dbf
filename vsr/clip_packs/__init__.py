"""Exports of a collection of clips: the clips, and an intervisie pack (handout PDF) or an
exercise pack (offline index.html and worksheet PDF) around them."""

from vsr.clip_packs.export import (
    PACKS,
    ExportJob,
    ExportReport,
    PackKind,
    StagedExport,
    commit_export,
    discard_export,
    export_collection,
    prepare_export,
    run_export,
)

__all__ = [
    "PACKS",
    "ExportJob",
    "ExportReport",
    "PackKind",
    "StagedExport",
    "commit_export",
    "discard_export",
    "export_collection",
    "prepare_export",
    "run_export",
]
