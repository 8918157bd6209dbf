"""The transcript without the speech model: stored and replaced whole, searched as Dutch
(stems), the words of a moment for A, talk time, correcting who is who, purge and deletion,
and the export through the ledger with names replaced."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.vsr.fakes import add_fake_recording
from vsr.errors import VsrError
from vsr.library import markers as mk
from vsr.library import reviews as rv
from vsr.library.db import Library
from vsr.library.exported import files_from_recording
from vsr.library.retention import purge, set_recording_retention
from vsr.library.search import search_moments
from vsr.library.sheets import SheetField, get_sheet, set_field
from vsr.samenleergesprek.blind import reveal_markers, set_blind_marking
from vsr.transcript.export import export_transcript
from vsr.transcript.moment_words import fill_what_happened, moment_words
from vsr.transcript.spoken_search import search_spoken
from vsr.transcript.store import (
    Segment,
    Word,
    has_transcript,
    load_transcript,
    save_transcript,
    set_segment_speaker,
    swap_speakers,
)
from vsr.transcript.talk import talk_sentences, talk_time


def _words(text: str, start_ms: int, step_ms: int = 400) -> tuple[Word, ...]:
    return tuple(Word(start_ms + i * step_ms, start_ms + (i + 1) * step_ms - 50, w)
                 for i, w in enumerate(text.split()))


def _seg(text: str, start_ms: int, speaker: int | None) -> Segment:
    words = _words(text, start_ms)
    return Segment(start_ms, words[-1].end_ms, text, words, speaker)


CONVERSATION = [
    _seg("Goedemorgen Jan, fijn dat je er bent.", 0, 0),
    _seg("We hadden afspraken gemaakt over je sollicitaties.", 3000, 0),
    _seg("Ja, maar de schuldhulpverlening kost veel tijd.", 7000, 1),
    _seg("Mijn e-mail is jan@voorbeeld.nl en ik woon in Łódź.", 11000, 1),
    _seg("Zullen we dat samen bekijken?", 16000, 0),
]


def _recording(lib: Library, tmp_path: Path, name: str = "gesprek.mp4"):  # type: ignore[no-untyped-def]
    return add_fake_recording(lib, tmp_path, name, name.encode())


def test_saved_whole_and_replaced_whole(library, tmp_path: Path) -> None:
    rec = _recording(library, tmp_path)
    save_transcript(library, rec.id, CONVERSATION, model="whisper-base")
    t = load_transcript(library, rec.id)
    assert [s.text for s in t.segments] == [s.text for s in CONVERSATION]
    assert t.segments[1].words[2].text == "afspraken" and t.model == "whisper-base"
    save_transcript(library, rec.id, CONVERSATION[:1], model="whisper-small")
    again = load_transcript(library, rec.id)
    assert len(again.segments) == 1 and again.model == "whisper-small"
    assert library.query("SELECT count(*) AS n FROM transcript_fts")[0]["n"] == 1
    with pytest.raises(VsrError) as err:
        load_transcript(library, rec.id + 99)
    assert "vsr transcribe" in err.value.message()


def test_spoken_words_found_as_dutch(library, tmp_path: Path) -> None:
    rec = _recording(library, tmp_path)
    save_transcript(library, rec.id, CONVERSATION, model="whisper-base")
    hits = search_spoken(library, "afspraak")  # singular finds the plural
    assert [(h.recording_id, h.start_ms) for h in hits] == [(rec.id, 3000)]
    assert "\x02afspraken\x03" in hits[0].snippet
    assert [h.start_ms for h in search_spoken(library, "hulpverlening")] == []  # compound tail
    assert [h.start_ms for h in search_spoken(library, "schuldhulp")] == [7000]  # prefix
    # ó and ź fold to o and z; ł is a letter of its own for SQLite (no decomposition)
    assert [h.start_ms for h in search_spoken(library, "ŁODZ")] == [11000]
    assert search_spoken(library, "afspraak samen") == []  # every word required
    assert search_spoken(library, '" OR * NEAR(') == []  # typed syntax is only words


def test_gespreksblad_text_found_as_dutch(library, tmp_path: Path) -> None:
    rec = _recording(library, tmp_path)
    review = rv.create_review(library, rec.id, title="Gesprek")
    pro = rv.list_parties(library, review.id)[0]
    m = mk.add_marker(library, pro.id, 1000).id
    set_field(library, m, SheetField.WHAT_HAPPENED, "We maakten een afspraak over werk")
    n = mk.add_marker(library, pro.id, 2000).id
    set_field(library, n, SheetField.WHAT_HAPPENED, "De afspraken waren niet duidelijk")
    assert sorted(h.marker_id for h in search_moments(library, "afspraken")) == [m, n]
    assert sorted(h.marker_id for h in search_moments(library, "afspraak")) == [m, n]


def test_the_words_of_a_moment_for_a(library, tmp_path: Path) -> None:
    rec = _recording(library, tmp_path)
    save_transcript(library, rec.id, CONVERSATION, model="whisper-base")
    review = rv.create_review(library, rec.id, title="Gesprek")
    pro = rv.list_parties(library, review.id)[0]
    ranged = mk.add_marker(library, pro.id, 8000, 9000).id
    point = mk.add_marker(library, pro.id, 17000).id
    text = moment_words(library, ranged, margin_ms=1000)
    # 7000..10000 with the margin: the client's sentence, not the professional's before it
    assert text.startswith("Ja, maar de schuldhulpverlening") and "afspraken" not in text
    assert moment_words(library, point) == "Zullen we dat samen bekijken?"
    set_field(library, ranged, SheetField.WHAT_HAPPENED, "Wat ik typte")
    filled = fill_what_happened(library, ranged)
    assert filled.startswith("Wat ik typte\n“") and "schuldhulpverlening" in filled
    assert get_sheet(library, ranged).what_happened == filled


def test_a_hidden_moment_gives_no_words(library, tmp_path: Path) -> None:
    rec = _recording(library, tmp_path)
    save_transcript(library, rec.id, CONVERSATION, model="whisper-base")
    review = rv.create_review(library, rec.id, title="Gesprek")
    pro = rv.list_parties(library, review.id)[0]
    m = mk.add_marker(library, pro.id, 3500).id
    set_blind_marking(library, review.id, True)
    with pytest.raises(VsrError) as err:
        moment_words(library, m)
    assert err.value.key == "error.search.hidden"
    reveal_markers(library, review.id)
    assert "afspraken" in moment_words(library, m)


def test_talk_time_and_who_is_who(library, tmp_path: Path) -> None:
    rec = _recording(library, tmp_path)
    save_transcript(library, rec.id, CONVERSATION, model="whisper-base")
    talk = talk_time(load_transcript(library, rec.id))
    spans = [s.end_ms - s.start_ms for s in CONVERSATION]
    assert talk.spoken_ms == (spans[0] + spans[1] + spans[4], spans[2] + spans[3])
    assert talk.turn_counts == (2, 1)  # 0-1 is one turn (gap < 1.5 s), 2-3 one, 4 one
    assert talk.longest_turns[0].speaker in (0, 1)
    assert talk.share_percent(0) + talk.share_percent(1) == 100
    lines = talk_sentences(talk)
    assert lines[0].startswith(f"Stem 1 sprak {talk.share_percent(0)} % van de tijd")
    swap_speakers(library, rec.id)
    swapped = talk_time(load_transcript(library, rec.id))
    assert swapped.spoken_ms == talk.spoken_ms[::-1]
    seg = load_transcript(library, rec.id).segments[0]
    set_segment_speaker(library, seg.id or 0, None)
    assert load_transcript(library, rec.id).segments[0].speaker is None
    with pytest.raises(VsrError):
        set_segment_speaker(library, seg.id or 0, 2)


def test_talk_time_counts_overlap_once() -> None:
    from vsr.transcript.store import Transcript

    segs = (Segment(0, 4000, "a", (), 0), Segment(2000, 6000, "b", (), 0),
            Segment(6000, 7000, "c", (), 1))
    talk = talk_time(Transcript(1, "m", "nl", "", segs))
    assert talk.spoken_ms == (6000, 1000) and talk.share_percent(0) == 86


def test_transcript_goes_with_its_recording(library, tmp_path: Path) -> None:
    keep = _recording(library, tmp_path, "blijft.mp4")
    gone = _recording(library, tmp_path, "weg.mp4")
    for rec in (keep, gone):
        save_transcript(library, rec.id, CONVERSATION, model="whisper-base")
    out = tmp_path / "export" / "weg.txt"
    export_transcript(library, gone.id, "txt", out)
    set_recording_retention(library, gone.id, date.today() - timedelta(days=1))
    report = purge(library, media_folder=tmp_path / "none")
    assert gone.id in [e.recording.id for e in report.plan.recordings]
    assert not out.exists()  # the exported transcript went too
    assert not has_transcript(library, gone.id) and has_transcript(library, keep.id)
    left = library.query("SELECT DISTINCT recording_id FROM transcript_segments")
    assert [r["recording_id"] for r in left] == [keep.id]
    assert library.query("SELECT count(*) AS n FROM transcript_words w JOIN transcript_segments"
                         " s ON s.id = w.segment_id WHERE s.recording_id = ?", (gone.id,)
                         )[0]["n"] == 0
    assert [h.recording_id for h in search_spoken(library, "afspraken")] == [keep.id]
    assert library.query("SELECT count(*) AS n FROM transcript_fts")[0]["n"] == len(CONVERSATION)


@pytest.mark.parametrize("fmt", ["vtt", "srt", "txt"])
def test_export_with_names_replaced_goes_through_the_ledger(library, tmp_path: Path,
                                                            fmt: str) -> None:
    rec = _recording(library, tmp_path)
    review = rv.create_review(library, rec.id, title="Gesprek")
    client = rv.list_parties(library, review.id)[1]
    rv.rename_party(library, client.id, "Jan Øster")
    save_transcript(library, rec.id, CONVERSATION, model="whisper-base")
    out = tmp_path / f"t.{fmt}"
    export_transcript(library, rec.id, fmt, out, replace_names=True, extra_names=["Łódź"])
    text = out.read_bytes().decode("utf-8-sig")
    assert "Jan" not in text and "Łódź" not in text and "schuldhulpverlening" in text
    assert "Stem 2:" in text
    if fmt == "vtt":
        assert text.startswith("WEBVTT") and "00:00:07.000 --> " in text
    if fmt == "srt":
        assert "\r\n3\r\n00:00:07,000 --> " in text
    ledger = files_from_recording(library, rec.id)
    assert [(Path(f.path), f.kind, f.names_replaced) for f in ledger] == [
        (out.absolute(), "transcript", True)]
    plain = tmp_path / "plain.txt"
    export_transcript(library, rec.id, "txt", plain)
    assert "Goedemorgen Jan," in plain.read_text(encoding="utf-8")


def test_export_refuses_an_unknown_format_and_a_missing_transcript(library,
                                                                    tmp_path: Path) -> None:
    rec = _recording(library, tmp_path)
    with pytest.raises(VsrError):
        export_transcript(library, rec.id, "txt", tmp_path / "x.txt")
    save_transcript(library, rec.id, CONVERSATION, model="whisper-base")
    with pytest.raises(VsrError):
        export_transcript(library, rec.id, "docx", tmp_path / "x.docx")
    assert not (tmp_path / "x.txt").exists() and files_from_recording(library, rec.id) == []


def test_export_with_names_replaced_replaces_them_in_its_file_name(library,
                                                                   tmp_path: Path) -> None:
    """As every other export: a name the user typed in the file name does not leave with it."""
    rec = _recording(library, tmp_path)
    review = rv.create_review(library, rec.id, title="Gesprek")
    rv.rename_party(library, rv.list_parties(library, review.id)[1].id, "Jan Øster")
    save_transcript(library, rec.id, CONVERSATION, model="whisper-base")
    for fmt in ("vtt", "srt", "txt"):
        asked = tmp_path / "out" / f"transcript Jan Øster Łódź.{fmt}"
        path = export_transcript(library, rec.id, fmt, asked, replace_names=True,
                                 extra_names=["Łódź"])
        assert path.parent == asked.parent and path.exists() and not asked.exists()
        assert path.name == f"transcript-Cliënt-naam.{fmt}", path.name
        assert (tmp_path / "out" / path.name) in [
            Path(f.path) for f in files_from_recording(library, rec.id)]
    plain = export_transcript(library, rec.id, "txt", tmp_path / "out" / "Jan.txt")
    assert plain.name == "Jan.txt"  # without the choice the file is named as asked
