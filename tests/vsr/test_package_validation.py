"""Every value of an incoming package is checked before anything is written: each hostile
package below is refused with a sentence naming the part, the field and what is wrong, in
Dutch and in English, and the library is row for row as it was (audit log included). Text
with control characters, Word's line break or a lone surrogate is cleaned the way edits are,
and then the summary, CSV, ELAN export and `vsr search` work on it."""

from __future__ import annotations

import copy
import hashlib
import json
import sys
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.lang import worded
from tests.vsr.interop_fixtures import table_dump
from tests.vsr.test_review_package import _review
from vsr.cli.main import main
from vsr.export import export_summary
from vsr.interop.exports import export_review_file
from vsr.library import Library, open_library
from vsr.library import markers as mk
from vsr.library.search import search_moments
from vsr.library.sheets import get_sheet
from vsr.review_package import archive, pack_review, received_folder, unpack_review
from vsr.review_package.archive import PackageError

Change = Callable[[dict[str, Any]], object]


def _set(path: str, value: object) -> Change:
    """A change at "tables.markers.0.start_ms" (dots into dicts, numbers into lists)."""
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = data
        for step in parents:
            node = node[int(step)] if isinstance(node, list) else node[step]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return change


def _twice(table: str) -> Change:
    def change(data: dict[str, Any]) -> None:
        data["tables"][table].append(copy.deepcopy(data["tables"][table][0]))
    return change


def _two_states(data: dict[str, Any]) -> None:
    data["tables"]["session_state"].append(dict(data["tables"]["session_state"][0]))


def _without(table: str, field: str) -> Change:
    def change(data: dict[str, Any]) -> None:
        del data["tables"][table][0][field]
    return change


# case -> (change, the field the message names)
HOSTILE: dict[str, tuple[Change, str]] = {
    "feelings of the wrong shape": (_set("tables.reflections.0.feelings", '{"blij": 1}'),
                                    "feelings"),
    "feelings not JSON": (_set("tables.reflections.0.feelings", "[blij"), "feelings"),
    "an unknown feeling": (_set("tables.reflections.0.feelings", '["zzz"]'), "feelings"),
    "feelings twice": (_set("tables.reflections.0.feelings", '["blij", "blij"]'), "feelings"),
    "feelings as a list": (_set("tables.reflections.0.feelings", ["blij"]), "feelings"),
    "step zzz": (_set("tables.session_state.0.step", "zzz"), "step"),
    "step with a NUL": (_set("tables.session_state.0.step", "rules\x00"), "step"),
    "start_ms abc": (_set("tables.markers.0.start_ms", "abc"), "start_ms"),
    "start_ms negative": (_set("tables.markers.0.start_ms", -5), "start_ms"),
    "start_ms huge": (_set("tables.markers.0.start_ms", 10**18), "start_ms"),
    "start_ms a fraction": (_set("tables.markers.0.start_ms", 1.5), "start_ms"),
    "start_ms true": (_set("tables.markers.0.start_ms", True), "start_ms"),
    "end before start": (_set("tables.markers.0.end_ms", 10), "end_ms"),
    "lead_ms negative": (_set("tables.session_moments.0.lead_ms", -1), "lead_ms"),
    "moment_index past the chosen moments": (_set("tables.session_state.0.moment_index", 7),
                                             "moment_index"),
    "a lone surrogate in the uuid": (_set("review.uuid", "\ud800" * 32), "uuid"),
    "an ESC in a colour": (_set("tables.parties.0.color", "#\x1b[31m"), "color"),
    "a name that is a number": (_set("tables.parties.0.name", 5), "name"),
    "a title that is null": (_set("review.title", None), "title"),
    "a party that points nowhere": (_set("tables.markers.0.party_id", 99), "party_id"),
    "a party id as text": (_set("tables.markers.0.party_id", "1"), "party_id"),
    "an unknown role": (_set("tables.parties.0.role", "baas"), "role"),
    "an unknown shape": (_set("tables.parties.0.shape", "ster"), "shape"),
    "a purpose no consent has": (_set("consents.0.purpose", "own_review"), "purpose"),
    "an unknown rating question": (_set("tables.session_ratings.0.question", "x"), "question"),
    "a rating of 6": (_set("tables.session_ratings.0.value", 6), "value"),
    "a flag of 2": (_set("review.pause_on_mark", 2), "pause_on_mark"),
    "has_video yes": (_set("recording.has_video", "yes"), "has_video"),
    "fps not a number": (_set("recording.fps", float("nan")), "fps"),
    "duration of a year": (_set("recording.duration_ms", 365 * 24 * 3600 * 1000),
                           "duration_ms"),
    "a rotation of 45": (_set("recording.rotation", 45), "rotation"),
    "a file name with a folder": (_set("recording.file_name", "../../x.mp4"), "file_name"),
    "a time that is no time": (_set("tables.markers.0.created_at", "gisteren"), "created_at"),
    # the year 0 and 10000 in UTC: a summary ended in OverflowError turning them local
    "a time before the year 1 in UTC": (_set("review.created_at", "0001-01-01T00:00:00+14:00"),
                                        "created_at"),
    "a start after the year 9999 in UTC": (
        _set("tables.session_state.0.started_at", "9999-12-31T23:59:59-14:00"), "started_at"),
    "a date that is no date": (_set("consents.0.given_on", "2026-13-01"), "given_on"),
    "a due day that is no date": (_set("tables.session_actions.0.due", "morgen"), "due"),
    "a fingerprint with a newline": (_set("recording.fingerprint", "a\nb"), "fingerprint"),
    "two parties with one id": (_twice("parties"), "id"),
    "two markers with one id": (_twice("markers"), "id"),
    "two sheets of one marker": (_twice("sheets"), "marker_id"),
    "two reflections of one party": (_twice("reflections"), "party_id"),
    "two states": (_two_states, ""),
    "a marker without created_at": (_without("markers", "created_at"), "created_at"),
    "markers not a list": (_set("tables.markers", {"0": {}}), ""),
    "a marker that is a list": (_set("tables.markers.0", [1, 2]), ""),
    "a moment after the recording's end": (
        lambda d: (_set("tables.markers.0.start_ms", 10**7)(d),
                   _set("tables.markers.0.end_ms", None)(d)), "start_ms"),
    "a range ending after the recording's end": (_set("tables.markers.0.end_ms", 10**7),
                                                 "end_ms"),
    "a pause after the recording's end": (_set("tables.pauses.0.position_ms", 10**7),
                                          "position_ms"),
    "a name of 10,000 letters": (_set("tables.parties.0.name", "N" * 10_000), "name"),
    "a name longer than the names dialog allows": (_set("tables.parties.0.name", "N" * 61),
                                                   "name"),
    "a title of 5 MB": (_set("review.title", "x" * 5_000_000), "title"),
    "tables missing": (_set("tables", None), ""),
    "a review that is text": (_set("review", "x"), ""),
}


def _package(path: Path, review: dict[str, Any]) -> Path:
    data = json.dumps(review).encode()  # ensure_ascii: a lone surrogate travels as \\ud800
    manifest = {"format": archive.FORMAT, "format_version": archive.FORMAT_VERSION,
                "members": {"review.json": {"size": len(data),
                                            "sha256": hashlib.sha256(data).hexdigest()}}}
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("review.json", data)
        zf.writestr("manifest.json", json.dumps(manifest))
    return path


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A real package's review.json with every table filled."""
    folder = tmp_path_factory.mktemp("good")
    lib = open_library(folder / "library.sqlite")
    try:
        review_id = _review(lib, folder)
        from vsr.library import reviews as rv
        from vsr.library.sheets import set_feelings
        from vsr.samenleergesprek.ratings import set_rating

        pro, client = rv.list_parties(lib, review_id)
        marker = mk.list_markers(lib, review_id)[0]
        set_feelings(lib, marker.id, client.id, ("blij", "onzeker"))
        set_rating(lib, review_id, client.id, "samenwerking", 4)
        from vsr.samenleergesprek.pauses import record_pause

        record_pause(lib, review_id, client.id, marker.start_ms)
        package = pack_review(lib, review_id, folder / "p.vsrpack")
        with zipfile.ZipFile(package) as zf:
            data: dict[str, Any] = json.loads(zf.read("review.json"))
    finally:
        lib.close()
    for table in ("parties", "markers", "sheets", "reflections", "session_state",
                  "session_moments", "session_actions", "session_ratings", "pauses"):
        assert data["tables"][table], table
    assert data["tables"]["markers"][0]["end_ms"] is not None  # "end before start" needs one
    return data


@pytest.fixture
def other(tmp_path: Path):  # type: ignore[no-untyped-def]
    lib = open_library(tmp_path / "coach" / "library.sqlite")
    yield lib
    lib.close()


def _snapshot(lib: Library) -> tuple[list[str], list[Path]]:
    folder = received_folder(lib)
    return table_dump(lib), sorted(folder.iterdir()) if folder.exists() else []


def test_the_unchanged_package_comes_in(good: dict[str, Any], other: Library,
                                        tmp_path: Path) -> None:
    done = unpack_review(other, _package(tmp_path / "ok.vsrpack", copy.deepcopy(good)))
    marker = mk.list_markers(other, done.review_id)[0]
    reflections = get_sheet(other, marker.id).reflections.values()
    assert sorted(f for r in reflections for f in r.feelings) == ["blij", "onzeker"]


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_package_is_refused_and_changes_nothing(
        case: str, good: dict[str, Any], other: Library, tmp_path: Path) -> None:
    change, field = HOSTILE[case]
    data = copy.deepcopy(good)
    change(data)
    package = _package(tmp_path / "hostile.vsrpack", data)
    before = _snapshot(other)
    with pytest.raises(PackageError) as refused:
        unpack_review(other, package)
    assert refused.value.key == "error.package.invalid", refused.value
    assert _snapshot(other) == before
    for lang, words in (("nl", "niet geopend"), ("en", "not opened")):
        message = worded(lang, refused.value.message)
        assert str(package) in message and words in message and "\n" not in message
        assert f"'{field}'" in message or not field, message
        assert "{" not in message and "package.p" not in message, message  # all worded
        assert "\x00" not in message and "\x1b" not in message and "\ud800" not in message


def test_dutch_message_has_no_english_reason(good: dict[str, Any], other: Library,
                                             tmp_path: Path) -> None:
    data = copy.deepcopy(good)
    data["tables"]["markers"][0]["start_ms"] = "abc"
    with pytest.raises(PackageError) as refused:
        unpack_review(other, _package(tmp_path / "p.vsrpack", data))
    assert worded("nl", refused.value.message).endswith(
        "het veld 'start_ms' van moment 1 is geen heel getal.")
    assert worded("en", refused.value.message).endswith(
        "the field 'start_ms' of moment 1 is not a whole number.")


DIRTY = "Eerst\x0bdaarna\x00 \x1b[31mrood\ud800 ł ø ı"
CLEAN = "Eerst\ndaarna [31mrood ł ø ı"


def test_text_is_cleaned_like_an_edit_and_every_export_works(
        good: dict[str, Any], other: Library, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    data = copy.deepcopy(good)
    data["review"]["title"] = "  Titel\x07 met bel  "
    data["tables"]["sheets"][0]["what_happened"] = DIRTY
    data["tables"]["reflections"][0]["to_me"] = DIRTY
    data["tables"]["parties"][0]["name"] = "Bo\x1b"
    data["tables"]["markers"][0]["theme"] = "samenwerking\x00"
    data["tables"]["session_state"][0]["summary"] = DIRTY
    done = unpack_review(other, _package(tmp_path / "vies.vsrpack", data))
    dumped = "\n".join(table_dump(other))
    for bad in ("\x0b", "\x00", "\x1b", "\x07", "\ud800"):
        assert bad not in dumped
    marker = mk.list_markers(other, done.review_id)[0]
    assert marker.theme == "samenwerking"
    assert CLEAN in get_sheet(other, marker.id).what_happened
    for fmt in ("md", "docx"):
        assert export_summary(other, done.review_id, fmt, tmp_path / f"s.{fmt}").is_file()
    for fmt in ("csv", "eaf", "vtt", "srt"):
        assert export_review_file(other, done.review_id, fmt, tmp_path / f"r.{fmt}").is_file()
    ET.parse(tmp_path / "r.eaf")  # valid XML
    assert [h.review_id for h in search_moments(other, "daarna")] == [done.review_id]
    other.close()
    monkeypatch.setattr(sys.modules["vsr.cli.main"], "setup_logging", lambda: None)
    assert main(["--library", str(other.path), "search", "rood"]) == 0


def test_every_part_of_a_package_is_worded_in_both_languages() -> None:
    """A refusal names the part it is about: every table a package carries has its word (the
    pauses had none, and a hostile pause was refused with "package.part.pauses")."""
    from vsr.i18n import translate
    from vsr.review_package.validate import TABLES

    for part in (*TABLES, "review", "recording", "consents", "tables"):
        for lang in ("nl", "en"):
            text = worded(lang, translate, f"package.part.{part}")
            assert text and "package." not in text, (lang, part)


def test_a_review_whose_text_deflates_far_is_received_again(other: Library,
                                                             tmp_path: Path) -> None:
    """A gespreksblad with one line pasted over and over (within what a field may hold)
    deflated past the ratio a reader refuses as a zip bomb: vsr refused its own package
    ("grows far too large when unpacked"). Such a review.json now travels stored."""
    from vsr.library.sheets import SheetField, set_field
    from vsr.text import MAX_TEXT

    lib = open_library(tmp_path / "sender" / "library.sqlite")
    try:
        review_id = _review(lib, tmp_path)
        ordinary = pack_review(lib, review_id, tmp_path / "gewoon.vsrpack")
        marker = mk.list_markers(lib, review_id)[0]
        pasted = ("Ik luister eerst. " * (MAX_TEXT // 18))[:MAX_TEXT]
        set_field(lib, marker.id, SheetField.WHAT_HAPPENED, pasted)
        package = pack_review(lib, review_id, tmp_path / "herhaald.vsrpack")
    finally:
        lib.close()
    done = unpack_review(other, package)
    texts = [get_sheet(other, m.id).what_happened for m in mk.list_markers(other, done.review_id)]
    assert pasted in texts
    with zipfile.ZipFile(ordinary) as zf:  # an ordinary review still goes deflated
        assert zf.getinfo("review.json").compress_type == zipfile.ZIP_DEFLATED


@pytest.mark.parametrize("says", [120_000, 0])
def test_moments_past_the_end_of_the_recording_already_here_are_refused(
        says: int, good: dict[str, Any], other: Library, tmp_path: Path) -> None:
    """The package's recording is already in the library (same fingerprint), 5 seconds long;
    the package says it is 2 minutes (or of unknown length) and has a moment at 0:09. The
    moments were checked only against what the package said, and came in past the end."""
    from tests.vsr.fakes import add_fake_recording

    add_fake_recording(other, tmp_path, "gesprek.mp4", b"media bytes", duration_ms=5_000)
    data = copy.deepcopy(good)
    data["recording"]["duration_ms"] = says
    package = _package(tmp_path / "langer.vsrpack", data)
    before = _snapshot(other)
    with pytest.raises(PackageError) as refused:
        unpack_review(other, package)
    assert refused.value.key == "error.package.invalid"
    assert "after the end of the recording" in worded("en", refused.value.message)
    assert _snapshot(other) == before
