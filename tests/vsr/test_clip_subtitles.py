"""Clip subtitles from the transcript (issue 22), only when chosen: a WebVTT file beside each
clip, times shifted to the clip and cut to what was said in it, the parties' names once the
users said who is who, names replaced when anonymising, recorded in the export ledger with the
clip's recording (so a withdrawal deletes them), refused in words when no clip has a
transcript."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.vsr.collection_fixtures import CLIENT, PRO, World, make_source, make_world
from vsr.cli.main import main
from vsr.clip_packs import export_collection
from vsr.clip_packs.subtitles import SUBTITLES
from vsr.errors import VsrError
from vsr.library import collections as co
from vsr.library import consent as cs
from vsr.library.exported import files_from_recording, list_exported
from vsr.library.withdrawal import withdraw_consent
from vsr.model import PartyRole
from vsr.transcript.parties import set_voice_role
from vsr.transcript.store import Segment, Word, save_transcript


def _seg(words: str, start_ms: int, speaker: int, step_ms: int = 200) -> Segment:
    ws = tuple(Word(start_ms + i * step_ms, start_ms + (i + 1) * step_ms - 20, w)
               for i, w in enumerate(words.split()))
    return Segment(start_ms, ws[-1].end_ms, words, ws, speaker)


SAID = [
    _seg(f"Dag {CLIENT}, hoe gaat het", 100, 0),  # 7 words: 100 .. 1480
    _seg("Goed hoor, dank je wel", 1200, 1),  # 1200 .. 2180
    _seg("Fijn om te horen", 2300, 0),  # 2300 .. 3080
]


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_source(tmp_path_factory.mktemp("src"), "gesprek.mp4", 3.0)


@pytest.fixture
def world(library, source: Path) -> World:  # type: ignore[no-untyped-def]
    w = make_world(library, source)
    cs.grant_consent(library, w.rec.id, "intervisie", given_by=CLIENT)
    save_transcript(library, w.rec.id, SAID, model="whisper-base")
    return w


def _collection(world: World) -> int:
    col = co.create_collection(world.lib, "Intervisie", "intervisie")
    co.add_clip(world.lib, col.id, world.rec.id, 1000, 2500, title="Het antwoord")
    return col.id


def test_subtitles_are_shifted_to_the_clip_and_named(world: World, tmp_path: Path) -> None:
    set_voice_role(world.lib, world.rec.id, 0, PartyRole.PROFESSIONAL)
    col = _collection(world)
    report = export_collection(world.lib, col, tmp_path / "out", anonymize_faces=False,
                               anonymize_names=False, subtitles=True)
    vtt = tmp_path / "out" / "clip-01.vtt"
    assert vtt in report.files
    text = vtt.read_text("utf-8")
    assert text.startswith("WEBVTT")
    # the clip is 1000 .. 2500 ms: of the first sentence only the words said in it ("hoe"
    # ends at 1080 but its middle is before 1000), times from the clip's start
    assert f"00:00:00.100 --> 00:00:00.480\n{PRO}: gaat het\n" in text
    assert f"00:00:00.200 --> 00:00:01.180\n{CLIENT}: Goed hoor, dank je wel\n" in text
    assert f"00:00:01.300 --> 00:00:01.480\n{PRO}: Fijn\n" in text  # "om" is past the end
    assert "hoe" not in text and "Dag" not in text and "horen" not in text
    rows = [f for f in list_exported(world.lib) if f.kind == SUBTITLES]
    assert [(Path(f.path).name, f.recording_id) for f in rows] == [("clip-01.vtt",
                                                                    world.rec.id)]
    assert any(Path(f.path) == vtt for f in files_from_recording(world.lib, world.rec.id))
    withdraw_consent(world.lib, world.rec.id, "intervisie")
    assert not vtt.exists() and not (tmp_path / "out" / "clip-01.mp4").exists()


def test_names_are_replaced_in_the_subtitles(world: World, tmp_path: Path) -> None:
    set_voice_role(world.lib, world.rec.id, 1, PartyRole.CLIENT)
    col = _collection(world)
    export_collection(world.lib, col, tmp_path / "out", anonymize_faces=False,
                      anonymize_names=True, subtitles=True)
    text = (tmp_path / "out" / "clip-01.vtt").read_text("utf-8")
    assert "Goed hoor" in text
    for name in (*PRO.split(), *CLIENT.split()):
        if len(name) > 3:
            assert name not in text


def test_only_when_chosen_and_said_without_a_transcript(world: World, tmp_path: Path,
                                                        source: Path) -> None:
    col = _collection(world)
    export_collection(world.lib, col, tmp_path / "plain", anonymize_faces=False)
    assert not list((tmp_path / "plain").glob("*.vtt"))
    from vsr.transcript.store import delete_transcript

    delete_transcript(world.lib, world.rec.id)
    with pytest.raises(VsrError) as err:
        export_collection(world.lib, col, tmp_path / "none", anonymize_faces=False,
                          subtitles=True)
    assert err.value.key == "error.clips.no_transcript" and "uitgeschreven" in err.value.message()


def test_cli_writes_them(world: World, tmp_path: Path) -> None:
    col = _collection(world)
    path = str(world.lib.path)
    world.lib.close()
    assert main(["--library", path, "export", "clips", str(col), "-o", str(tmp_path / "cli"),
                 "--subtitles"]) == 0
    assert (tmp_path / "cli" / "clip-01.vtt").read_text("utf-8").startswith("WEBVTT")
