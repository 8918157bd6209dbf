"""The causes of slow media work and exports stay fixed (issue 12), checked by structure and
counts, not by time: stills open the recording once and convert only the frames they keep;
a clip copies AAC packets bit for bit and reads the recording once; the envelope still gives
the loudness of the straightforward algorithm; the DOCX adds each pictogram once and never
searches the whole document for ids; the PDF breaks lines as fpdf2 does and embeds each
pictogram once."""

from __future__ import annotations

import math
import re
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest
from pypdf import PdfReader

from tests.vsr.clip_media import make_recording
from vsr import method
from vsr.clips import audio as clip_audio
from vsr.clips import cut as clip_cut
from vsr.clips import export_clip
from vsr.export import stills as still_module
from vsr.export.pdf_layout import SummaryPdf
from vsr.export.summary_content import (
    Feeling,
    MomentBlock,
    PartyColumn,
    Reflection,
    SummaryDoc,
    add_stills,
)
from vsr.export.summary_docx import write_docx
from vsr.export.summary_pdf import write_pdf
from vsr.media.envelope import REFERENCE_PERCENTILE, compute_envelope
from vsr.media.testclip import generate_test_clip


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """6 s, 25 fps, keyframes every 2 s, AAC sound with beeps."""
    return make_recording(tmp_path_factory.mktemp("speed") / "rec.mp4")


def _summary(moments: int, recording: Path | None = None) -> SummaryDoc:
    pictograms = method.resource_path("pictograms")
    feelings = [Feeling(f.title, pictograms / f.pictogram) for f in method.feelings("nl")]
    faces = [pictograms / f"rating-{v}.svg" for v in range(1, 6)]
    text = "We praatten over het doel van het gesprek. Daarna bleef het even stil."
    blocks = tuple(MomentBlock(
        number=n, at_ms=n * 400, time_text=f"0:0{n % 10}", theme_title="Thema",
        subtopic_title="", pictogram=faces[n % 5], marked_by="Anouk", what_happened=text,
        keep_or_change=text,
        reflections=tuple(Reflection(text, text, (feelings[(n + p) % len(feelings)],))
                          for p in range(2)),
    ) for n in range(1, moments + 1))
    return SummaryDoc(
        lang="nl", review_title="Gesprek", date_text="3 maart 2026",
        parties=(PartyColumn(1, "Anouk", "#1f77b4", "professional"),
                 PartyColumn(2, "Zoë", "#ff7f0e", "client")),
        recording_text="rec.mp4", rules_confirmed_text="", moments_note="", moments=blocks,
        summary=text, learnings=(text, text), actions=(), ratings=(), ratings_note="verborgen",
        prompts=method.sheet_prompts("nl"), recording_path=str(recording or ""),
        recording_rotation=0)


# -- stills ---------------------------------------------------------------------------------

def test_stills_open_the_recording_once_and_convert_only_kept_frames(
        recording: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    real_open = av.open

    def counting_open(*args: Any, **kwargs: Any) -> Any:
        opened.append(str(args[0]))
        return real_open(*args, **kwargs)

    converted: list[int] = []
    real_jpeg = still_module.StillReader._jpeg

    def counting_jpeg(self: still_module.StillReader, frame: av.VideoFrame) -> bytes | None:
        converted.append(frame.pts or 0)
        return real_jpeg(self, frame)

    monkeypatch.setattr(still_module.av, "open", counting_open)
    monkeypatch.setattr(still_module.StillReader, "_jpeg", counting_jpeg)
    doc = add_stills(_summary(12, recording))  # moments at 0.4 s .. 4.8 s, mostly mid-GOP
    assert all(m.still is not None and m.still[:2] == b"\xff\xd8" for m in doc.moments)
    assert opened == [str(recording)]  # one open (and one index read) for all twelve stills
    assert len(converted) == 12  # decoded up to each still, but only the still converted


def test_a_still_is_the_frame_at_its_moment(recording: Path) -> None:
    """Seeking and decoding only up to the wanted frame still lands on the right frame."""
    from tests.vsr.clip_media import read_index

    with still_module.StillReader(recording, width=320) as reader:
        for ms in (0, 1240, 2000, 3960, 5000, 1240):  # backwards too: the reader seeks again
            jpeg = reader.grab(ms)
            assert jpeg is not None
            image = np.asarray(cv2_decode(jpeg))
            assert read_index(image) == ms * 25 // 1000


def test_preview_frame_opens_the_recording_once(
        recording: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.vsr.clip_media import read_index
    from vsr.clips import frames

    opened: list[Path] = []
    real_open = frames.open_media

    def counting_open(path: Path) -> Any:
        opened.append(path)
        return real_open(path)

    monkeypatch.setattr(frames, "open_media", counting_open)
    assert read_index(frames.frame_at(recording, 3960)) == 99  # 3.96 s at 25 fps
    assert opened == [recording]


def cv2_decode(data: bytes) -> np.ndarray:  # type: ignore[type-arg]
    import cv2

    return cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)


# -- clips ----------------------------------------------------------------------------------

def _audio_packets(path: Path) -> list[bytes]:
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        return [bytes(p) for p in container.demux(stream) if p.size]


def test_clip_copies_aac_packets_bit_exactly_and_reads_the_file_once(
        recording: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[Path] = []
    real_open = clip_cut.open_media

    def counting_open(path: Path) -> Any:
        opened.append(path)
        return real_open(path)

    def no_audio_encoding(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("AAC sound must be copied, not decoded and encoded again")

    monkeypatch.setattr(clip_cut, "open_media", counting_open)
    # cut.py imports the sound re-encoder (and numpy) only when it is used: patch its home.
    monkeypatch.setattr(clip_audio, "AudioCut", no_audio_encoding)
    out = tmp_path / "clip.mp4"
    result = export_clip(recording, 520, 5130, out)
    assert result.mode == "smart" and result.has_audio
    assert opened == [recording]
    source, clip = _audio_packets(recording), _audio_packets(out)
    inner = clip[1:-1]  # the edges hold the packets that straddle the cut
    assert len(clip) >= 200 and inner
    start = next(i for i in range(len(source)) if source[i:i + len(inner)] == inner)
    assert source[start:start + len(inner)] == inner


def test_clip_sound_starts_with_the_first_picture(recording: Path, tmp_path: Path) -> None:
    """The copied first packet starts before the cut; the edit list hides the difference."""
    out = tmp_path / "clip.mp4"
    export_clip(recording, 520, 5130, out)
    with av.open(str(out)) as container:
        audio = container.streams.audio[0]
        first = next(f for f in container.decode(audio))
        assert first.time is not None and abs(first.time) < 0.001


# -- envelope -------------------------------------------------------------------------------

def _reference_envelope(path: Path, bucket_ms: int) -> np.ndarray:  # type: ignore[type-arg]
    """The loudness the straightforward way: all samples decoded into one array, the power
    averaged over the channels, RMS per bucket, normalised to the 99.5th percentile."""
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        frames = [f.to_ndarray().astype(np.float64) for f in container.decode(stream)]
        rate = stream.rate
    samples = np.concatenate(frames, axis=1)
    power = (samples ** 2).mean(axis=0)
    size = rate * bucket_ms / 1000
    count = math.ceil(len(power) / size)
    bounds = [math.floor(k * size + 0.5) for k in range(count + 1)]
    rms = np.array([math.sqrt(power[a:min(b, len(power))].mean())
                    for a, b in zip(bounds, bounds[1:], strict=False) if a < len(power)])
    return np.clip(rms / np.percentile(rms, REFERENCE_PERCENTILE), 0, 1)


@pytest.mark.parametrize("container", ["m4a", "wav"])
def test_envelope_matches_the_straightforward_algorithm(tmp_path: Path, container: str) -> None:
    clip = generate_test_clip(tmp_path / f"tone.{container}", 3.0, with_video=False,
                              container=container)
    ours = compute_envelope(clip, bucket_ms=50).peaks
    reference = _reference_envelope(clip, 50)
    assert len(ours) == len(reference)
    assert np.allclose(ours, reference, atol=1e-4)


def test_envelope_of_a_recording_with_pictures(recording: Path) -> None:
    ours = compute_envelope(recording, bucket_ms=20).peaks
    reference = _reference_envelope(recording, 20)
    assert len(ours) == len(reference)
    assert np.allclose(ours, reference, atol=1e-4)


# -- summaries ------------------------------------------------------------------------------

def test_docx_adds_each_pictogram_once_and_counts_ids(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from docx.parts.story import StoryPart

    searches = Counter[str]()
    real_next_id = StoryPart.next_id

    def counted(self: StoryPart) -> int:
        searches["next_id"] += 1
        return real_next_id.fget(self)  # type: ignore[attr-defined, no-any-return]

    monkeypatch.setattr(StoryPart, "next_id", property(counted))
    out = tmp_path / "s.docx"
    doc = _summary(40)
    write_docx(doc, out)
    assert searches["next_id"] <= 1  # not once per picture: that was quadratic
    distinct = {m.pictogram for m in doc.moments} | {
        f.pictogram for m in doc.moments for r in m.reflections for f in r.feelings}
    with zipfile.ZipFile(out) as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
        xml = archive.read("word/document.xml").decode()
    assert len(media) == len(distinct)
    ids = [int(i) for i in re.findall(r'<wp:docPr id="(\d+)"', xml)]
    assert len(ids) == 40 * 3 and len(set(ids)) == len(ids)  # every picture its own id


def test_pdf_breaks_lines_as_fpdf_does() -> None:
    pdf = SummaryPdf("x")
    pdf.add_page()
    texts = ["", "kort", "We praatten over het doel van het gesprek en hoe we naar elkaar "
             "luisteren. " * 6, "Sollicitatieverplichtingenoverzichtsformulierbijlage" * 3,
             "regel een\nregel twee\n\nna een lege regel", "twee  spaties  tussen"]
    for size, bold in ((9.5, False), (9.5, True), (10, False)):
        pdf.use(size, bold=bold)
        for text in texts:
            for width in (40.0, 62.5, 174.0):
                theirs = pdf.multi_cell(width, 5, text or " ", dry_run=True, output="LINES")
                ours = pdf.breaker.lines(text or " ", width)
                assert [line.rstrip() for line in ours] == [str(t).rstrip() for t in theirs], (
                    text, width)


def test_pdf_embeds_each_pictogram_once(tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    doc = _summary(40)
    write_pdf(doc, out)
    distinct = {m.pictogram for m in doc.moments} | {
        f.pictogram for m in doc.moments for r in m.reflections for f in r.feelings}
    images: set[int] = set()
    for page in PdfReader(str(out)).pages:
        for xobject in page["/Resources"].get("/XObject", {}).values():
            if xobject.get_object()["/Subtype"] == "/Image":
                images.add(xobject.idnum)
    assert len(images) == len(distinct)
