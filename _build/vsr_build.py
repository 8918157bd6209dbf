"""The build backend: setuptools', after compiling the Qt translations (.ts -> .qm) and the
core's gettext catalogues (.po -> .mo) and drawing the pictograms to PNG (vsr_assets.py, QtSvg),
so that a wheel or sdist built from a clean clone carries the Dutch interface and messages and
the summaries' pictures (all build products, never committed). Everything else is
setuptools.build_meta unchanged."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403 - the backend's full interface

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"


def _lrelease() -> str:
    found = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    found = found or shutil.which("pyside6-lrelease")
    if found is None:
        raise RuntimeError("pyside6-lrelease not found: the build needs PySide6-Essentials")
    return found


def compile_catalogues() -> None:
    """The core's gettext catalogues (.po -> .mo), like the .qm: built here, never committed."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in sorted((ROOT / "resources" / "locale").glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as source:
            catalog = read_po(source, abort_invalid=True)
        with po.with_suffix(".mo").open("wb") as target:
            write_mo(target, catalog)


def compile_translations() -> None:
    compile_catalogues()
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        subprocess.run([_lrelease(), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True)


def render_pictograms() -> None:
    # In a process of its own: Qt (an application object, the offscreen platform) stays out
    # of the backend, which the build front end may call several times.
    subprocess.run([sys.executable, str(Path(__file__).with_name("vsr_assets.py")), str(ROOT)],
                   check=True)


def build_assets() -> None:
    compile_translations()
    render_pictograms()


def build_wheel(wheel_directory: str, config_settings: dict[str, Any] | None = None,
                metadata_directory: str | None = None) -> str:
    build_assets()
    return _setuptools.build_wheel(wheel_directory, config_settings, metadata_directory)


def build_sdist(sdist_directory: str, config_settings: dict[str, Any] | None = None) -> str:
    build_assets()
    return _setuptools.build_sdist(sdist_directory, config_settings)


def build_editable(wheel_directory: str, config_settings: dict[str, Any] | None = None,
                   metadata_directory: str | None = None) -> str:
    build_assets()
    return _setuptools.build_editable(wheel_directory, config_settings, metadata_directory)
