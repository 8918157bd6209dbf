"""Names that got out of anonymised exports by ways the main name test
(test_names_leave_nothing) did not take: each test here failed before its fix."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from tests.vsr.collection_fixtures import make_source, make_world, marker_with_sheet
from vsr.anonymise.known import review_names
from vsr.anonymise.names import fold
from vsr.interop.eaf_import import import_eaf
from vsr.interop.exports import export_review_file
from vsr.library import Library
from vsr.library import markers as mk
from vsr.review_package import pack_review


def test_a_theme_text_from_an_imported_elan_file_is_anonymised_in_a_package(
        library: Library, tmp_path: Path) -> None:
    """An ELAN file may give a moment a theme by its vocabulary reference ("vsr-theme-..."),
    which is kept as written, also when it is no theme card of ours: "Ruzie met Anouk". That
    text went into an anonymised review package unchanged (ELAN and CSV already replaced it)."""
    world = make_world(library, make_source(tmp_path / "media"))
    marker_with_sheet(world, 200, 1200)
    eaf = export_review_file(library, world.review.id, "eaf", tmp_path / "in.eaf")
    text = eaf.read_text("utf-8")
    assert 'CVE_REF="vsr-theme-samenwerking"' in text
    eaf.write_text(text.replace('CVE_REF="vsr-theme-samenwerking"',
                                'CVE_REF="vsr-theme-Ruzie met Anouk"'), "utf-8")
    imported = import_eaf(library, eaf, recording_id=world.rec.id)
    assert [m.theme for m in mk.list_markers(library, imported.review_id)] == [
        "Ruzie met Anouk"]
    out = pack_review(library, imported.review_id, tmp_path / "pakket.vsrpack",
                      names=review_names(library, imported.review_id))
    with zipfile.ZipFile(out) as package:
        rows = json.loads(package.read("review.json"))
    themes = [m["theme"] for m in rows["tables"]["markers"]]
    assert themes == ["Ruzie met Cliënt"], themes
    assert "anouk" not in fold(json.dumps(rows, ensure_ascii=False))


def test_a_two_letter_name_only_in_the_recording_file_name_is_replaced(
        library: Library, tmp_path: Path) -> None:
    """"Intake Bo.mp4": Bo is named nowhere else (the parties have other names here; often
    they are just "Cliënt"). A title word of two letters was never taken for a name, so "Bo"
    went out in the ELAN file's media reference, the package's recording name and the notes.
    A capitalised two-letter word that is no ordinary word ("De", "En", "Op") is one now."""
    world = make_world(library, make_source(tmp_path / "media", "Intake Bo.mp4"))
    marker_with_sheet(world, 200, 1200)
    from vsr.library import sheets as sh

    marker = mk.list_markers(library, world.review.id)[0]
    sh.set_field(library, marker.id, sh.SheetField.KEEP_OR_CHANGE, "Bo wil eerst praten.")
    eaf = export_review_file(library, world.review.id, "eaf", tmp_path / "uit.eaf",
                             anonymize_names=True).read_text("utf-8")
    assert 'MEDIA_URL="./naam.mp4"' in eaf, eaf[:600]
    assert "[naam] wil eerst praten." in eaf
    out = pack_review(library, world.review.id, tmp_path / "pakket.vsrpack",
                      names=review_names(library, world.review.id))
    with zipfile.ZipFile(out) as package:
        rows = json.loads(package.read("review.json"))
    assert rows["recording"]["file_name"] == "naam.mp4"


def _tagged(source: Path, target: Path, tags: dict[str, str]) -> Path:
    """`source` remuxed with container and stream tags, as a phone or editor writes them."""
    import av

    with av.open(str(source)) as inp, av.open(str(target), "w", format="mp4") as out:
        out.metadata.update(tags)
        streams = {}
        for stream in inp.streams:
            streams[stream.index] = out.add_stream_from_template(stream)
            streams[stream.index].metadata["handler_name"] = tags["title"]
        for packet in inp.demux():
            if packet.dts is not None:
                packet.stream = streams[packet.stream.index]
                out.mux(packet)
    return target


def _frames_and_tags(data: bytes) -> tuple[int, str]:
    import io

    import av

    with av.open(io.BytesIO(data)) as container:
        tags = dict(container.metadata)
        for stream in container.streams:
            tags.update({f"{stream.index}:{k}": v for k, v in stream.metadata.items()})
        return sum(1 for _ in container.decode(video=0)), repr(tags)


def test_the_recording_in_a_package_with_names_replaced_has_no_tags(
        library: Library, tmp_path: Path) -> None:
    """The recording went into an anonymised package byte for byte, with its own MP4 tags:
    title "Intake Anouk de Vries", artist, comment, GPS position and the tracks' handler
    names. Now they are blanked in the package's copy (same size, pictures and sound as they
    were) and the package still unpacks; without the choice the recording goes as it is."""
    from vsr.library import consent as cs
    from vsr.review_package import OnExisting, unpack_review

    plain = make_source(tmp_path / "media", "plain.mp4")
    source = _tagged(plain, tmp_path / "media" / "opname.mp4", {
        "title": "Intake Anouk de Vries", "artist": "Piet Jansen",
        "comment": "Anouk thuis", "location": "+52.0907+005.1214/"})
    world = make_world(library, source)
    cs.grant_consent(library, world.rec.id, "intervisie", given_by="Anouk de Vries")
    original = source.read_bytes()
    frames, tags = _frames_and_tags(original)
    assert "Anouk" in tags and "52.0907" in tags  # the tags are there to begin with
    out = pack_review(library, world.review.id, tmp_path / "pakket.vsrpack",
                      with_recording=True, names=review_names(library, world.review.id))
    with zipfile.ZipFile(out) as package:
        [member] = [n for n in package.namelist() if n.startswith("recording/")]
        copy = package.read(member)
    assert len(copy) == len(original)
    for leak in (b"Anouk", b"Vries", b"Piet", b"Jansen", b"52.0907"):
        assert leak not in copy, leak
    assert _frames_and_tags(copy) == (frames, _frames_and_tags(copy)[1])
    assert "anouk" not in fold(_frames_and_tags(copy)[1])
    done = unpack_review(library, out, on_existing=OnExisting.KEEP_BOTH)
    assert done.recording_file is not None and done.recording_file.read_bytes() == copy
    # Without the choice the package is the parties' own: the recording as it is (control).
    own = pack_review(library, world.review.id, tmp_path / "eigen.vsrpack", with_recording=True)
    with zipfile.ZipFile(own) as package:
        assert package.read(member.replace("naam", "opname")) == original


def test_sharing_with_a_team_replaces_names_in_a_moments_own_sub_topic(
        library: Library, tmp_path: Path) -> None:
    """Sharing with a team sends the parties by role and the texts with names replaced, but a
    moment's theme line went as written: a sub-topic the parties added themselves ("Ruzie met
    Anouk") or a theme text from an imported ELAN file reached the team library with the name."""
    from vsr.library.themes import add_custom_subtopic
    from vsr.team.sharing import preview_share

    world = make_world(library, make_source(tmp_path / "media"))
    marker_id = marker_with_sheet(world, 200, 1200)
    sub = add_custom_subtopic(library, "samenwerking", "Ruzie met Anouk")
    mk.set_marker_theme(library, marker_id, "samenwerking", sub)
    mk.add_marker(library, world.client.id, 1500, 1800, theme="Thuis bij De Vries")
    preview = preview_share(library, world.review.id)
    themes = [m["theme"] for m in preview.moments]
    assert len(themes) == 2 and themes[0].endswith("Ruzie met Cliënt"), themes
    assert themes[1] == "Thuis bij Cliënt", themes
    assert "anouk" not in fold(json.dumps(preview.moments, ensure_ascii=False))


def test_a_name_in_the_collection_name_is_replaced_in_the_pack(
        library: Library, tmp_path: Path) -> None:
    """A collection is often named after its case ("Intervisie casus Fatma"), as a review is
    after its client; a review's title counts as a source of names, a collection's name did
    not: with nobody else called Fatma, the pack's handout said "Intervisie casus Fatma"."""
    from pypdf import PdfReader

    from vsr.clip_packs import export_collection
    from vsr.library import collections as co
    from vsr.library import consent as cs

    world = make_world(library, make_source(tmp_path / "media"))
    cs.grant_consent(library, world.rec.id, "intervisie", given_by="Anouk de Vries")
    col = co.create_collection(library, "Intervisie casus Fatma", "intervisie")
    co.add_clip(library, col.id, world.rec.id, 0, 800, title="Begin",
                questions=["Wat wilde Fatma hier?"])
    out = tmp_path / "pack"
    export_collection(library, col.id, out, anonymize_faces=False, anonymize_names=True,
                      pack="intervisie")
    reader = PdfReader(out / "handout.pdf")
    text = " ".join(str(v) for v in (reader.metadata or {}).values())
    text += "\n".join(page.extract_text() for page in reader.pages)
    assert "Wat wilde [naam] hier?" in " ".join(text.split())
    assert "fatma" not in fold(text), text


class _Calls:
    """A team connection that answers every call with no rows and keeps what it was given."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[object, ...]]] = []

    def execute(self, sql: str, params: tuple[object, ...] = ()) -> _Calls:
        self.calls.append((sql, params))
        return self

    def fetchall(self) -> list[tuple[object, ...]]:
        return []


def test_a_recording_shared_with_a_team_goes_without_its_tags(
        library: Library, tmp_path: Path) -> None:
    """Sharing with a team promises a neutral label and the parties by role, but the recording
    was encrypted byte for byte, with its MP4 title "Intake Anouk de Vries", artist, comment
    and GPS position for everyone in the team who plays it."""
    import io

    from vsr.library import consent as cs
    from vsr.team.media_crypto import decrypt_stream
    from vsr.team.sharing import upload_recording

    plain = make_source(tmp_path / "media", "plain.mp4")
    source = _tagged(plain, tmp_path / "media" / "opname.mp4", {
        "title": "Intake Anouk de Vries", "artist": "Piet Jansen",
        "comment": "Anouk thuis", "location": "+52.0907+005.1214/"})
    world = make_world(library, source)
    consent = cs.grant_consent(library, world.rec.id, "intervisie", given_by="Anouk de Vries")
    media = tmp_path / "team-media"
    media.mkdir()
    conn = _Calls()
    _rec_id, target = upload_recording(library, conn, media, world.rec.id,  # type: ignore[arg-type]
                                       "intervisie", consent, "-")
    key = next(params[7] for sql, params in conn.calls if "put_recording" in sql)
    out = io.BytesIO()
    with target.open("rb") as sealed:
        decrypt_stream(sealed, out, key)  # type: ignore[arg-type]
    shared, original = out.getvalue(), source.read_bytes()
    assert len(shared) == len(original)
    for leak in (b"Anouk", b"Vries", b"Piet", b"Jansen", b"52.0907"):
        assert leak not in shared, leak
    assert _frames_and_tags(shared)[0] == _frames_and_tags(original)[0]


def test_a_party_of_another_review_in_the_library_is_a_name_too(
        library: Library, tmp_path: Path) -> None:
    """A client's partner, a sibling or a group member is often a party of another review in the
    same library. Only the names around this review's recording were replaced, so "Fatma"
    (the client of another recording) stayed in this review's anonymised export."""
    from vsr.library import recordings as rc
    from vsr.library import reviews as rv
    from vsr.library import sheets as sh

    world = make_world(library, make_source(tmp_path / "media"))
    marker_id = marker_with_sheet(world, 200, 1200)
    sh.set_field(library, marker_id, sh.SheetField.KEEP_OR_CHANGE,
                 "Haar zus Fatma komt volgende keer mee.")
    other, _ = rc.add_recording(library, make_source(tmp_path / "media2", "andere.mp4", 2.0))
    assert other.id != world.rec.id
    rv.create_review(library, other.id, title="Gesprek", party_names=("Piet Jansen",
                                                                      "Fatma Yıldız", "Tolk"))
    rv.create_review(library, other.id, title="Vervolg", party_names=("Ahmed Aziz (tolk)",))
    sh.set_field(library, marker_id, sh.SheetField.WHAT_HAPPENED, "De tolk vertaalde het.")
    csv = export_review_file(library, world.review.id, "csv", tmp_path / "uit.csv",
                             anonymize_names=True).read_text("utf-8-sig")
    assert "Haar zus [naam] komt volgende keer mee." in csv
    assert "fatma" not in fold(csv)
    # A one-word party elsewhere is as often a function: not hidden in every export.
    assert "De tolk vertaalde het." in csv  # also from "Ahmed Aziz (tolk)": only Ahmed Aziz


HOSTILE = ("Łu\u00adkasz belde, No\u200bwak ook. Zie insta.com/lukasznowak en @ŁukaszNowak, "
           "#TeamLukasz, Nowak88 en lukasz2024. Getekend Ł.N en Ł. N.; Łukaszje en Łu-\nkasz. "
           "mevrouw van den berg-łaski zei: nog jong, in mei, de muur is wit. "
           "Ayşe\u0308 en AYŞE VAN DEN BERG-ŁASKI.")


def test_every_export_replaces_the_names_however_they_are_written(
        library: Library, tmp_path: Path) -> None:
    """The ways of writing a name found above, through the real exports: the summary in four
    formats, ELAN, WebVTT, SRT, CSV, a review package and the transcript, as written to disk."""
    from tests.vsr.test_names_leave_nothing import _docx_text, _package_texts, _pdf_text
    from vsr.export import FORMATS, export_summary
    from vsr.interop.exports import EXPORT_FORMATS
    from vsr.library import recordings as rc
    from vsr.library import reviews as rv
    from vsr.library import sheets as sh
    from vsr.samenleergesprek import actions, state
    from vsr.transcript.export import export_transcript
    from vsr.transcript.store import Segment, save_transcript

    rec, _ = rc.add_recording(library, make_source(tmp_path / "media", "opname.mp4"))
    review = rv.create_review(library, rec.id, title="Gesprek",
                              party_names=("Ayşe van den Berg-Łaski", "Łukasz Nowak"))
    pro, client = rv.list_parties(library, review.id)
    marker = mk.add_marker(library, client.id, 200, 1200, theme="samenwerking")
    for field, party in ((sh.SheetField.WHAT_HAPPENED, None), (sh.SheetField.TO_ME, pro.id),
                         (sh.SheetField.KEEP_OR_CHANGE, None)):
        sh.set_field(library, marker.id, field, HOSTILE, party)
    state.set_summary(library, review.id, HOSTILE)
    actions.add_action(library, review.id, HOSTILE, client.id)
    save_transcript(library, rec.id, [Segment(0, 1500, HOSTILE)], model="test")
    out = tmp_path / "uit"
    texts: dict[str, str] = {}
    readers = {"pdf": _pdf_text, "docx": _docx_text}
    for fmt in FORMATS:
        path = export_summary(library, review.id, fmt, out / f"verslag.{fmt}",
                              party_naming="initials")
        texts[path.name] = readers.get(fmt, lambda p: p.read_text("utf-8"))(path)
    for fmt in EXPORT_FORMATS:
        path = export_review_file(library, review.id, fmt, out / f"momenten.{fmt}",
                                  anonymize_names=True)
        texts[path.name] = path.read_text("utf-8-sig")
    package = pack_review(library, review.id, out / "pakket.vsrpack",
                          names=review_names(library, review.id))
    texts[package.name] = " ".join(_package_texts(package))
    path = export_transcript(library, rec.id, "txt", out / "transcript.txt", replace_names=True)
    texts[path.name] = path.read_text("utf-8")
    assert len(texts) == len(FORMATS) + len(EXPORT_FORMATS) + 2
    for name, text in texts.items():
        folded = " ".join(fold(text).split())
        leaks = [n for n in ("lukasz", "nowak", "ayse", "laski") if n in folded]
        assert leaks == [], (name, leaks)
        if not name.endswith((".vtt", ".srt")):  # cues are cut short
            assert "nog jong, in mei, de muur is wit" in folded, name
            # The initials too (a summary shows the parties' initials as their labels).
            assert "getekend client en client;" in folded, name
