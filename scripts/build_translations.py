"""Compile the translations: the UI's (.ts sources in resources/translations) into .qm files, the
core's (.po in resources/locale/<lang>/LC_MESSAGES) into .mo files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LOCALE = ROOT / "resources" / "locale"


def lrelease() -> str:
    found = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    return found or "pyside6-lrelease"


def compile_catalogues(locale: Path = LOCALE) -> list[Path]:
    """Every .po beside its .mo (Babel reads and writes them; gettext reads the .mo at run time).
    A .po with an error stops the build rather than ship a half-translated catalogue."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(locale.glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as source:
            catalog = read_po(source, abort_invalid=True)
        with po.with_suffix(".mo").open("wb") as target:
            write_mo(target, catalog)
        written.append(po.with_suffix(".mo"))
    return written


def main() -> int:
    compile_catalogues()
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
