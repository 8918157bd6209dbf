"""Where the shared third-party test files are (../shared/corpus, see its MANIFEST.md): beside
this checkout, or VSR_CORPUS, or the machine's /work/shared/corpus for a clone elsewhere."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_dir() -> Path:
    chosen = os.environ.get("VSR_CORPUS")
    if chosen:
        return Path(chosen)
    beside = ROOT.parent / "shared" / "corpus"
    return beside if beside.exists() else Path("/work/shared/corpus")


CORPUS = corpus_dir()
