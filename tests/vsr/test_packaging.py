"""vsr outside a development checkout: a wheel built from the files in git (no compiled
translations among them) carries the Dutch catalogue, the PDF font and the licences, installs
elsewhere and runs from there; the version is written once; the desktop entry installs."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from vsr import __version__

ROOT = Path(__file__).resolve().parents[2]


def _clean_copy(dest: Path) -> Path:
    """The files git knows, as they are in the work tree: what a clean clone has."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                            check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    assert not list(dest.rglob("*.qm"))  # compiled catalogues are never committed
    assert not list(dest.rglob("*.mo"))
    return dest


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = _clean_copy(tmp_path_factory.mktemp("clone"))
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "--no-build-isolation", "-w", str(out), str(source)],
                   check=True, capture_output=True, timeout=600)
    found = list(out.glob("vsr-*.whl"))
    assert len(found) == 1
    return found[0]


@pytest.mark.slow
def test_the_wheel_carries_translations_font_and_licences(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "resources/translations/vsr_nl.qm" in names
    # The core's gettext catalogues, compiled by the build backend from the committed .po
    assert {"resources/locale/nl/LC_MESSAGES/vsr.mo", "resources/locale/en/LC_MESSAGES/vsr.mo"} <= names
    assert {"resources/fonts/DejaVuSans.ttf", "resources/fonts/DejaVuSans-Bold.ttf"} <= names
    assert f"vsr-{__version__}.dist-info/licenses/LICENSE" in names
    assert "resources/desktop/vsr.desktop" in names
    metadata = zipfile.ZipFile(wheel).read(f"vsr-{__version__}.dist-info/METADATA").decode()
    assert "License-Expression: GPL-3.0-or-later" in metadata
    assert f"Version: {__version__}\n" in metadata
    assert not any(n.startswith(("tests/", "scripts/", "_build/")) for n in names)


@pytest.mark.slow
def test_installed_wheel_runs_without_the_checkout(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                    str(target), str(wheel)], check=True, capture_output=True, timeout=300)
    env = {k: v for k, v in os.environ.items() if not k.startswith("VSR_")}
    env.update(PYTHONPATH=str(target), QT_QPA_PLATFORM="offscreen",
               VSR_LOG_DIR=str(tmp_path / "log"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = (
        "import vsr, ui, resources\n"
        "from vsr.method import resource_path\n"
        "from vsr.export.fonts import find_unicode_font\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from ui.i18n import install_language\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "assert install_language('nl')\n"
        "print(vsr.__file__)\n"
        "print(find_unicode_font().regular)\n"
        "print(QCoreApplication.translate('StartPage', 'Look back together'))\n"
        "from vsr.i18n import translate_plural\n"
        "print(translate_plural('count.files', 2))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=elsewhere, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    module, font, dutch, files = proc.stdout.splitlines()
    assert Path(module).is_relative_to(target)
    assert Path(font).is_relative_to(target)  # the shipped font, not the system's
    assert dutch == "Samen terugkijken"
    assert files == "2 bestanden"  # the core's Dutch messages, from the wheel's .mo
    version = subprocess.run([sys.executable, "-m", "vsr", "--version"], cwd=elsewhere, env=env,
                             capture_output=True, text=True, timeout=60)
    assert version.stdout.strip() == f"vsr {__version__}"


def test_the_version_is_written_once() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject and __version__ not in pyproject
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {__version__}" in changelog


def test_desktop_entry_menu_icon_and_metainfo(tmp_path: Path) -> None:
    from vsr import desktop

    written = desktop.install(tmp_path)
    assert [p.name for p in written] == ["vsr.desktop", "vsr.svg", "vsr.metainfo.xml"]
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(written[0], encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Icon"] == "vsr"
    assert section["Exec"].endswith(" --open %f") or section["Exec"].endswith("-m ui.app --open %f")
    assert "video/mp4" in section["MimeType"]
    import xml.etree.ElementTree as ET

    component = ET.parse(written[2]).getroot()
    assert component.findtext("id") == "vsr"
    assert component.find("launchable").text == "vsr.desktop"  # type: ignore[union-attr]
    assert [r.get("version") for r in component.iter("release")][0] == __version__
    assert desktop.uninstall(tmp_path) == written
    assert not any(p.exists() for p in written)
