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
    assert not list(dest.rglob("pictograms/png/*"))  # nor the pictograms drawn to PNG
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
    assert "vsr/resources/translations/vsr_nl.qm" in names
    # The core's gettext catalogues, compiled by the build backend from the committed .po
    assert {f"vsr/resources/locale/{lang}/LC_MESSAGES/vsr.mo" for lang in ("nl", "en")} <= names
    assert {"vsr/resources/fonts/DejaVuSans.ttf", "vsr/resources/fonts/DejaVuSans-Bold.ttf"} <= names
    assert f"vsr-{__version__}.dist-info/licenses/LICENSE" in names
    assert "vsr/resources/desktop/nl.samenleerwijzer.vsr.desktop" in names
    # Everything under the project's own name: no top-level `ui` or `resources` package.
    assert {n.split("/")[0] for n in names} == {"vsr", f"vsr-{__version__}.dist-info"}
    ui_files = {str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py")}
    assert {"vsr/" + name for name in ui_files} <= names
    svgs = [n for n in names if n.startswith("vsr/resources/pictograms/") and n.endswith(".svg")]
    assert len(svgs) >= 21  # every pictogram also drawn to PNG at build time, for PDF and DOCX
    assert {f"vsr/resources/pictograms/png/{Path(n).stem}.png" for n in svgs} <= names
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
        "import vsr, vsr.ui, vsr.resources\n"
        "from vsr.method import resource_path\n"
        "from vsr.export.fonts import find_unicode_font\n"
        "from vsr.export.pictograms import rendered_png\n"
        "assert rendered_png(resource_path('pictograms', 'feeling-blij.svg'))[:4] == b'\\x89PNG'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from vsr.ui.i18n import install_language\n"
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
    assert [p.name for p in written] == ["nl.samenleerwijzer.vsr.desktop", "vsr.svg",
                                         "nl.samenleerwijzer.vsr.metainfo.xml"]
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(written[0], encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Icon"] == "vsr"
    assert section["Exec"].endswith(" --open %f") or section["Exec"].endswith("-m vsr.ui.app --open %f")
    assert "video/mp4" in section["MimeType"]
    import xml.etree.ElementTree as ET

    component = ET.parse(written[2]).getroot()
    assert component.findtext("id") == "nl.samenleerwijzer.vsr"
    launchable = component.find("launchable")
    assert launchable is not None and launchable.text == written[0].name
    assert [r.get("version") for r in component.iter("release")][0] == __version__
    assert desktop.uninstall(tmp_path) == written
    assert not any(p.exists() for p in written)


@pytest.mark.skipif(not (shutil.which("desktop-file-validate") and shutil.which("appstreamcli")),
                    reason="desktop-file-utils and appstream are not installed")
def test_the_installed_entry_and_metainfo_pass_the_freedesktop_validators(tmp_path: Path) -> None:
    """Before: Version=1.5 (unknown to desktop-file-validate) and the component id 'vsr' (not
    reverse-DNS: appstreamcli's cid-desktopapp-is-not-rdns)."""
    from vsr import desktop

    (tmp_path / "applications").mkdir()
    (tmp_path / "applications" / "vsr.desktop").write_text("old", encoding="utf-8")
    entry, _icon, metainfo = desktop.install(tmp_path)
    assert not (tmp_path / "applications" / "vsr.desktop").exists()  # an earlier install's
    checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert checked.returncode == 0 and "error" not in checked.stdout, checked.stdout
    checked = subprocess.run(["appstreamcli", "validate", "--no-net", "--pedantic", str(metainfo)],
                             capture_output=True, text=True)
    problems = [line for line in checked.stdout.splitlines() if line[:2] in ("E:", "W:")]
    assert checked.returncode == 0 and problems == [], checked.stdout


NON_LATIN_EAF = """<?xml version="1.0" encoding="UTF-8"?>
<ANNOTATION_DOCUMENT AUTHOR="" DATE="2026-11-30T10:00:00+01:00" FORMAT="3.0" VERSION="3.0">
  <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>
  <TIME_ORDER>
    <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="12000"/>
    <TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="15000"/>
    <TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="40000"/>
    <TIME_SLOT TIME_SLOT_ID="ts4" TIME_VALUE="43000"/>
  </TIME_ORDER>
  <TIER LINGUISTIC_TYPE_REF="default-lt" TIER_ID="Zoë">
    <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">
      <ANNOTATION_VALUE>Ağa vroeg naar de brief van Łukasz</ANNOTATION_VALUE>
    </ALIGNABLE_ANNOTATION></ANNOTATION>
  </TIER>
  <TIER LINGUISTIC_TYPE_REF="default-lt" TIER_ID="Łukasz">
    <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="ts3" TIME_SLOT_REF2="ts4">
      <ANNOTATION_VALUE>Zoë luisterde — 好</ANNOTATION_VALUE>
    </ALIGNABLE_ANNOTATION></ANNOTATION>
  </TIER>
  <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="default-lt" TIME_ALIGNABLE="true"/>
</ANNOTATION_DOCUMENT>
"""

CHECK_INSTALLED = """
import importlib, pkgutil, sys
from pathlib import Path
import vsr, vsr.ui
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
app = QApplication([])
names = [m.name for m in pkgutil.walk_packages(vsr.ui.__path__, 'vsr.ui.')
         if not m.name.endswith('__main__')]
for name in names:
    importlib.import_module(name)
from vsr.ui.i18n import install_language
assert install_language('nl')
for top in ('ui', 'resources'):
    try:
        importlib.import_module(top)
    except ImportError:
        pass
    else:
        sys.exit(top + ' is importable')
print(len(names))
print(vsr.__file__)
print(QCoreApplication.translate('StartPage', 'Look back together'))
"""


@pytest.mark.slow
def test_wheel_in_a_fresh_venv_exports_a_summary_with_non_latin_names(
        wheel: Path, tmp_path: Path) -> None:
    """What a user does after `pip install vsr`: a new virtual environment with the wheel and its
    dependencies only, no checkout, a home of its own."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run([str(bindir / "python"), "-m", "pip", "install", "-q", str(wheel)],
                   check=True, capture_output=True, timeout=900)
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("VSR_", "PYTHON", "XDG_", "VIRTUAL_ENV"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", VSR_LANG="nl",
               PATH=f"{bindir}{os.pathsep}{env.get('PATH', '')}")

    def run(*args: str) -> str:
        proc = subprocess.run(list(args), cwd=home, env=env, capture_output=True, text=True,
                              timeout=300)
        assert proc.returncode == 0, f"{args}: {proc.stdout}\n{proc.stderr}"
        return proc.stdout

    assert run(str(bindir / "vsr"), "--version").strip() == f"vsr {__version__}"
    assert "Demo-opname gemaakt" in run(str(bindir / "vsr"), "demo", "--no-gui")
    eaf = home / "gesprek.eaf"
    eaf.write_text(NON_LATIN_EAF, encoding="utf-8")
    run(str(bindir / "vsr"), "import-eaf", "--recording", "1", "--review", "1", str(eaf))
    pdf = home / "samenvatting.pdf"
    run(str(bindir / "vsr"), "export", "summary", "1", "-o", str(pdf))
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    for word in ("Zoë", "Ağa", "Łukasz"):
        assert word in text, word
    # A character no shipped font has is written as its name, never as "?" or a blank box.
    assert "zoë luisterde — [cjk unified ideograph-597d]" in text.lower()
    # The library and the demo recording live in the user's folders, never beside the code.
    assert list(home.rglob("*.mp4")) and not list(venv.rglob("*.mp4"))
    count, module, dutch = run(str(bindir / "python"), "-c", CHECK_INSTALLED).splitlines()
    assert int(count) > 50  # every module of the interface imports from the installed package
    assert Path(module).is_relative_to(venv)
    assert dutch == "Samen terugkijken"  # the Dutch interface from the installed .qm


@pytest.mark.slow
def test_a_wheel_builds_from_the_source_distribution(tmp_path: Path) -> None:
    """`pip install vsr-X.tar.gz`: the sdist carries the build backend and the sources of what
    it compiles (.ts, .po, SVG), not the compiled files, and a wheel built from it has them."""
    import tarfile

    source = _clean_copy(tmp_path / "clone")
    script = ("import sys; sys.path.insert(0, '_build'); import vsr_build; "
              f"print(vsr_build.build_sdist({str(tmp_path / 'sdist')!r}))")
    made = subprocess.run([sys.executable, "-c", script], cwd=source, capture_output=True,
                          text=True, timeout=600)
    assert made.returncode == 0, made.stderr[-2000:]
    archive = tmp_path / "sdist" / made.stdout.strip().splitlines()[-1]
    with tarfile.open(archive) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
        tar.extractall(tmp_path / "unpacked", filter="data")
    assert {"_build/vsr_build.py", "_build/vsr_assets.py", "setup.py", "CHANGELOG.md",
            "resources/translations/vsr_nl.ts", "resources/locale/nl/LC_MESSAGES/vsr.po"} <= names
    assert not [n for n in names if n.endswith((".qm", ".mo")) or "pictograms/png" in n]
    (unpacked,) = (tmp_path / "unpacked").iterdir()
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "--no-build-isolation", "-w", str(tmp_path / "dist"), str(unpacked)],
                   check=True, capture_output=True, timeout=600)
    (wheel,) = (tmp_path / "dist").glob("vsr-*.whl")
    built = set(zipfile.ZipFile(wheel).namelist())
    assert {"vsr/resources/translations/vsr_nl.qm", "vsr/resources/locale/nl/LC_MESSAGES/vsr.mo",
            "vsr/resources/pictograms/png/feeling-blij.png"} <= built


def test_every_resource_folder_is_a_package_so_the_build_is_quiet() -> None:
    """Before: setuptools warned once per resource folder that it was absent from `packages`
    (ten warnings in every build); the wheel's contents stay the same."""
    import runpy

    packages = runpy.run_path(str(ROOT / "setup.py"), run_name="setup_test")["_packages"]()
    folders = {path.parent for path in (ROOT / "resources").rglob("*")
               if path.is_file() and "__pycache__" not in path.parts}
    for folder in folders:
        name = ".".join(["vsr", *folder.relative_to(ROOT).parts])
        assert name in packages, name
