"""Hostile, oversized and broken files for the ELAN and BORIS importers: one clear line naming
the file (in the user's language), exit code 2, and not one row of the library changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.lang import worded
from tests.vsr.fakes import add_fake_recording
from tests.vsr.interop_fixtures import table_dump
from vsr.cli import main
from vsr.errors import ImportFileError
from vsr.interop import safe_read
from vsr.interop.boris import import_boris
from vsr.interop.eaf_import import import_eaf
from vsr.library import open_library

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<ANNOTATION_DOCUMENT><HEADER/><TIME_ORDER/><TIER TIER_ID="x"><ANNOTATION>
<ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="t" TIME_SLOT_REF2="t">
<ANNOTATION_VALUE>&lol3;</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER>
</ANNOTATION_DOCUMENT>"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<ANNOTATION_DOCUMENT><HEADER/><TIME_ORDER><TIME_SLOT TIME_SLOT_ID="t1" TIME_VALUE="0"/>
<TIME_SLOT TIME_SLOT_ID="t2" TIME_VALUE="5"/></TIME_ORDER><TIER TIER_ID="x"><ANNOTATION>
<ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="t1" TIME_SLOT_REF2="t2">
<ANNOTATION_VALUE>&secret;</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER>
</ANNOTATION_DOCUMENT>"""
PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
<ANNOTATION_DOCUMENT/>"""

HOSTILE_EAF = {
    "billion_laughs.eaf": (BILLION_LAUGHS, "reason.xml_hostile"),
    "xxe.eaf": (XXE, "reason.xml_hostile"),
    "parameter_entity.eaf": (PARAMETER_ENTITY, "reason.xml_hostile"),
    "truncated.eaf": (b"<ANNOTATION_DOCUMENT><HEADER>", "reason.xml_malformed"),
    "not_xml.eaf": (b"\x00\x01PK binary", "reason.xml_malformed"),
    "empty.eaf": (b"  \n", "reason.empty_file"),
    "other_root.eaf": (b"<html><body/></html>", "reason.not_eaf.at"),
    "dangling_slot.eaf": (b'<ANNOTATION_DOCUMENT><TIME_ORDER/><TIER TIER_ID="x"><ANNOTATION>'
                          b'<ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="t1" TIME_SLOT_REF2="t2">'
                          b'<ANNOTATION_VALUE>x</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER>'
                          b'</ANNOTATION_DOCUMENT>', "reason.not_eaf.at"),
    "ref_loop.eaf": (b'<ANNOTATION_DOCUMENT><TIER TIER_ID="x"><ANNOTATION>'
                     b'<REF_ANNOTATION ANNOTATION_ID="a1" ANNOTATION_REF="a2"/></ANNOTATION><ANNOTATION>'
                     b'<REF_ANNOTATION ANNOTATION_ID="a2" ANNOTATION_REF="a1"/></ANNOTATION></TIER>'
                     b'</ANNOTATION_DOCUMENT>', "reason.not_eaf.at"),
    "huge_time.eaf": (b'<ANNOTATION_DOCUMENT><TIME_ORDER><TIME_SLOT TIME_SLOT_ID="t1" TIME_VALUE="1e30"/>'
                      b'</TIME_ORDER></ANNOTATION_DOCUMENT>', "reason.not_eaf.at"),
    "inf_time.eaf": (b'<ANNOTATION_DOCUMENT><TIME_ORDER><TIME_SLOT TIME_SLOT_ID="t1" TIME_VALUE="inf"/>'
                     b'</TIME_ORDER></ANNOTATION_DOCUMENT>', "reason.not_eaf.at"),
    "same_tier_twice.eaf": (b'<ANNOTATION_DOCUMENT><TIER TIER_ID="x"/><TIER TIER_ID="x"/>'
                            b'</ANNOTATION_DOCUMENT>', "reason.not_eaf.at"),
    "unknown_encoding.eaf": (b'<?xml version="1.0" encoding="U-F-8"?><ANNOTATION_DOCUMENT/>',
                             "reason.xml_malformed"),  # found by the fuzz test
    "frames.eaf": (b'<ANNOTATION_DOCUMENT><HEADER TIME_UNITS="PAL-frames"/></ANNOTATION_DOCUMENT>',
                   "reason.time_units"),
}
HOSTILE_BORIS = {
    "list.boris": (b"[1, 2, 3]", "reason.not_boris.at"),
    "deep.boris": (b"[" * 100_000 + b"]" * 100_000, "reason.json_malformed"),
    "pickle.boris": (b"\x80\x04\x95\x10\x00\x00\x00\x00\x00\x00\x00\x8c\x05posix", "reason.json_malformed"),
    "bad_time.boris": (b'{"observations": {"o": {"events": [["soon", "", "p", "", ""]]}},'
                       b' "behaviors_conf": {}}',
                       "reason.not_boris.at"),
    "nan_time.boris": (b'{"observations": {"o": {"events": [[NaN, "", "p", "", ""]]}}, "behaviors_conf": {}}',
                       "reason.not_boris.at"),
    "bad_event.boris": (b'{"observations": {"o": {"events": [5]}}, "behaviors_conf": {}}',
                        "reason.not_boris.at"),
    "behaviour_not_a_dict.boris": (b'{"observations": {}, "behaviors_conf": {"0": 5}}',
                                   "reason.not_boris"),
}
# What each .at reason names (an element, attribute or field of the format: no language of its own)
DETAIL = {"other_root.eaf": "<html>", "dangling_slot.eaf": "TIME_SLOT_REF a1",
          "ref_loop.eaf": "ANNOTATION_REF a1", "huge_time.eaf": "TIME_VALUE 1e30",
          "inf_time.eaf": "TIME_VALUE inf", "same_tier_twice.eaf": "TIER_ID",
          "list.boris": "observations", "bad_time.boris": "time", "nan_time.boris": "time",
          "bad_event.boris": "events"}


@pytest.fixture
def setup(library, tmp_path: Path):
    rec = add_fake_recording(library, tmp_path)
    return library, rec.id


@pytest.mark.parametrize("name", sorted(HOSTILE_EAF))
def test_hostile_or_broken_eaf_changes_nothing(setup, tmp_path: Path, name: str) -> None:
    lib, rec_id = setup
    content, reason = HOSTILE_EAF[name]
    file = tmp_path / name
    file.write_bytes(content)
    before = table_dump(lib)
    with pytest.raises(ImportFileError) as err:
        import_eaf(lib, file, recording_id=rec_id)
    assert err.value.params.get("reason") == reason
    message = err.value.message()
    assert name in message and "\n" not in message
    assert table_dump(lib) == before


@pytest.mark.parametrize("name", sorted(HOSTILE_BORIS))
def test_hostile_or_broken_boris_changes_nothing(setup, tmp_path: Path, name: str) -> None:
    lib, rec_id = setup
    content, reason = HOSTILE_BORIS[name]
    file = tmp_path / name
    file.write_bytes(content)
    before = table_dump(lib)
    with pytest.raises(ImportFileError) as err:
        import_boris(lib, file, recording_id=rec_id)
    assert err.value.params.get("reason") == reason
    assert name in worded("en", err.value.message) and "\n" not in worded("en", err.value.message)
    assert table_dump(lib) == before


def test_oversized_file_is_refused_before_reading(setup, tmp_path: Path) -> None:
    lib, rec_id = setup
    big = tmp_path / "groot.eaf"
    with big.open("wb") as handle:  # sparse: 60 MB on paper, nothing on disk
        handle.truncate(60 * 1024 * 1024)
    before = table_dump(lib)
    for importer in (import_eaf, import_boris):
        with pytest.raises(ImportFileError) as err:
            importer(lib, big, recording_id=rec_id)
        assert err.value.key == "error.import.too_big"
        assert "groot.eaf" in err.value.message() and "50 MB" in err.value.message()
    assert table_dump(lib) == before


def test_missing_file_and_folder(setup, tmp_path: Path) -> None:
    lib, rec_id = setup
    for target, reason in ((tmp_path / "weg.eaf", "reason.not_found"), (tmp_path, "reason.folder")):
        with pytest.raises(ImportFileError) as err:
            import_eaf(lib, target, recording_id=rec_id)
        assert err.value.params["reason"] == reason


def test_the_limit_is_what_read_limited_uses() -> None:
    assert safe_read.MAX_IMPORT_BYTES == 50 * 1024 * 1024


@pytest.mark.parametrize("lang, word", [("nl", "niet veilig"), ("en", "not safe")])
def test_cli_says_it_in_one_line_with_exit_code_2(tmp_path: Path, capsys, lang: str, word: str) -> None:
    lib_path = tmp_path / "lib.sqlite"
    lib = open_library(lib_path)
    rec = add_fake_recording(lib, tmp_path)
    before = table_dump(lib)
    lib.close()
    file = tmp_path / "lach.eaf"
    file.write_bytes(BILLION_LAUGHS)
    code = main(["--library", str(lib_path), "--lang", lang, "import-eaf", str(file),
                 "--recording", str(rec.id)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "lach.eaf" in err and word in err
    lib = open_library(lib_path)
    assert table_dump(lib) == before
    lib.close()


@pytest.mark.parametrize("name", sorted(HOSTILE_EAF) + sorted(HOSTILE_BORIS))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_reason_is_worded_not_a_placeholder(setup, tmp_path: Path, name: str, lang: str) -> None:
    """Before: every file whose contents did not add up showed a literal '({detail})'."""
    lib, rec_id = setup
    content, _reason = {**HOSTILE_EAF, **HOSTILE_BORIS}[name]
    file = tmp_path / name
    file.write_bytes(content)
    importer = import_eaf if name.endswith(".eaf") else import_boris
    with pytest.raises(ImportFileError) as err:
        importer(lib, file, recording_id=rec_id)
    message = worded(lang, err.value.message)
    assert "{" not in message and "}" not in message, message
    assert name in message
    if name in DETAIL:
        assert f"({'bij' if lang == 'nl' else 'at'} {DETAIL[name]})" in message, message


def test_a_text_longer_than_a_package_carries_is_refused(setup, tmp_path: Path) -> None:
    """An ELAN annotation (or a BORIS comment) of 10 MB was stored as the moment's text; the
    review's package then held a field no vsr receives (and grew past the zip-bomb ratio).
    Now the file is refused, in words, and nothing changes."""
    from vsr.text import MAX_TEXT

    lib, rec_id = setup
    long = "woord " * (MAX_TEXT // 6 + 10)
    eaf = tmp_path / "lang.eaf"
    eaf.write_text(
        '<ANNOTATION_DOCUMENT><TIME_ORDER><TIME_SLOT TIME_SLOT_ID="t1" TIME_VALUE="1000"/>'
        '<TIME_SLOT TIME_SLOT_ID="t2" TIME_VALUE="2000"/></TIME_ORDER><TIER TIER_ID="Jo">'
        '<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="t1" '
        f'TIME_SLOT_REF2="t2"><ANNOTATION_VALUE>{long}</ANNOTATION_VALUE>'
        '</ALIGNABLE_ANNOTATION></ANNOTATION></TIER></ANNOTATION_DOCUMENT>', encoding="utf-8")
    boris = tmp_path / "lang.boris"
    boris.write_text(json.dumps({"observations": {"o": {"events": [[1.0, "", "p", "", long]]}},
                                 "behaviors_conf": {}}), encoding="utf-8")
    before = table_dump(lib)
    for importer, file in ((import_eaf, eaf), (import_boris, boris)):
        with pytest.raises(ImportFileError) as err:
            importer(lib, file, recording_id=rec_id)  # type: ignore[operator]
        assert err.value.params.get("reason") == "reason.text_too_long"
        assert worded("en", err.value.message).endswith(
            f"the moment at 0:01.0 is longer than {MAX_TEXT} characters.")
        assert f"langer dan {MAX_TEXT} tekens" in worded("nl", err.value.message)
    assert table_dump(lib) == before
    # a text just within the limit comes in
    eaf.write_text(eaf.read_text(encoding="utf-8").replace(long, "w" * MAX_TEXT),
                   encoding="utf-8")
    assert import_eaf(lib, eaf, recording_id=rec_id).moments == 1
