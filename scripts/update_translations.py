"""Refresh resources/translations/vsr_nl.ts from the UI sources (pyside6-lupdate). New strings
arrive unfinished; translate them (Qt Linguist or by editing the .ts) before committing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_FILES = [ROOT / "resources" / "translations" / "vsr_nl.ts"]


def ui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def lupdate(ts: Path, extra: list[str] | None = None) -> None:
    tool = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or "pyside6-lupdate"
    subprocess.run([tool, *ui_sources(), "-no-obsolete", *(extra or []), "-ts", str(ts)],
                   cwd=ROOT, check=True, capture_output=True)


def main() -> int:
    for ts in TS_FILES:
        lupdate(ts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
