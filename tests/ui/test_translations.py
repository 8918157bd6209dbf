"""Dutch is the default UI language and must be complete; English is the source language."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from vsr.ui.i18n import install_language

from scripts.update_translations import lupdate
from vsr.i18n import has_all_languages, message_keys

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "vsr_nl.ts"


def _unfinished(ts: Path) -> list[str]:
    tree = ET.parse(ts)
    out = []
    for msg in tree.getroot().iter("message"):
        tr = msg.find("translation")
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not (
                tr.text or "").strip():
            if tr is None or tr.get("type") not in ("vanished", "obsolete"):
                out.append(msg.findtext("source") or "")
    return out


def test_every_ui_string_has_a_dutch_translation(tmp_path: Path) -> None:
    """lupdate over the current sources must find nothing untranslated."""
    copy = tmp_path / "vsr_nl.ts"
    shutil.copy(TS, copy)
    lupdate(copy)
    assert _unfinished(copy) == []


def test_dutch_catalogue_is_used_by_default(qapp) -> None:  # type: ignore[no-untyped-def]
    if not TS.with_suffix(".qm").exists():
        pytest.fail("vsr_nl.qm is not built: run scripts/build_translations.py (setup does)")
    assert install_language("nl")
    assert QCoreApplication.translate("StartPage", "Look back together") == "Samen terugkijken"
    install_language("en")
    assert QCoreApplication.translate("StartPage", "Look back together") == "Look back together"
    install_language("nl")


def test_core_messages_exist_in_both_languages() -> None:
    missing = [key for key in message_keys() if not has_all_languages(key)]
    assert missing == []
