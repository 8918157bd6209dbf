"""Loading the UI language: Qt translators for our strings (resources/translations/vsr_XX.qm)
and Qt's own (dialog buttons). English is the source language; Dutch is the default."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from vsr.i18n import DEFAULT_LANGUAGE, LANGUAGES, set_language
from vsr.method import resource_path

_installed: list[QTranslator] = []


def saved_language() -> str:
    value = QSettings().value("language", DEFAULT_LANGUAGE)
    lang = str(value) if value else DEFAULT_LANGUAGE
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def save_language(lang: str) -> None:
    settings = QSettings()
    settings.setValue("language", lang)
    settings.sync()


def install_language(lang: str) -> bool:
    """Install translators for lang; returns False if our catalogue is missing (then English).
    The core's own messages (errors, exports) follow the same language from here on."""
    set_language(lang)
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(lang))
    if lang == "en":
        return True
    ours = QTranslator(app)
    ok = ours.load(str(resource_path("translations", f"vsr_{lang}.qm")))
    if ok:
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return ok
