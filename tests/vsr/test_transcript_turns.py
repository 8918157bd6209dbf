"""Speaking turns inside Whisper's segments: a segment is split where the voice changes between
two words (never where one voice only pauses), and a segment lasts until its sound ends, not
until Whisper's last word time (which is often 0.3-1 s early)."""

from __future__ import annotations

import numpy as np

from tests.vsr.voice_sounds import RATE, synthetic_voice
from vsr.transcript.voices import (
    MIN_PIECE_MS,
    fit_voices,
    frame_peaks,
    noise_floor,
    segment_features,
    sound_end_ms,
    split_at_voice_changes,
    voice_pieces,
)


def _silence(ms: int) -> np.ndarray:
    return np.zeros(ms * RATE // 1000, dtype=np.float32)


def _segment(start: int, end: int, word_ms: int = 500, gap_at: tuple[int, int] | None = None
             ) -> dict[str, object]:
    """A segment as the child has it, with a word every `word_ms` (none inside `gap_at`)."""
    words = [{"start_ms": a, "end_ms": a + word_ms, "text": f"w{a}"}
             for a in range(start, end, word_ms)
             if gap_at is None or not (gap_at[0] <= a < gap_at[1])]
    return {"start_ms": start, "end_ms": end, "text": " ".join(str(w["text"]) for w in words),
            "words": words}


def _conversation() -> tuple[np.ndarray, list[dict[str, object]]]:
    """Four one-voice segments (low, high, low, high; 2 s each, 0.5 s apart), then one segment
    in which the low voice says 1.5 s and the high voice at once 2 s, then one of the low
    voice with a pause of 0.6 s inside."""
    sounds = [(110, 2000), None, (230, 2000), None, (110, 2000), None, (230, 2000), None,
              (110, 1500), (230, 2000), None, (110, 1500), None, (110, 1500), None]
    parts = [_silence(500) if s is None else synthetic_voice(s[0], s[1], n)
             for n, s in enumerate(sounds, start=1)]
    segments = [_segment(0, 2000), _segment(2500, 4500), _segment(5000, 7000),
                _segment(7500, 9500), _segment(10000, 13500),
                _segment(14000, 17500, gap_at=(15500, 16000))]
    return np.concatenate(parts)[np.newaxis, :], segments


def test_a_two_voice_segment_is_split_at_the_change_a_paused_one_is_not() -> None:
    channels, segments = _conversation()
    features = [segment_features(channels, RATE, int(str(s["start_ms"])), int(str(s["end_ms"])))
                for s in segments]
    model = fit_voices(features, 1)
    assert model is not None
    pieces = split_at_voice_changes(channels, RATE, segments, model)
    assert [(p["start_ms"], p["end_ms"]) for p in pieces] == [
        (0, 2000), (2500, 4500), (5000, 7000), (7500, 9500),
        (10000, 11500), (11500, 13500),  # split where the high voice starts
        (14000, 17500)]  # one voice with a pause inside: whole
    low, high = pieces[4], pieces[5]
    assert [w["text"] for w in low["words"]] == ["w10000", "w10500", "w11000"]
    assert low["text"] == "w10000 w10500 w11000"
    assert high["text"] == "w11500 w12000 w12500 w13000"
    # the pieces go with their voices: the low one with the first segment, the high one not
    piece_voices = [int(np.argmin(model.distances(np.array(
        segment_features(channels, RATE, int(p["start_ms"]), int(p["end_ms"]))[1:]))))
        for p in pieces]
    assert piece_voices[4] == piece_voices[0] != piece_voices[5] == piece_voices[1]
    assert piece_voices[6] == piece_voices[0]


def test_no_piece_shorter_than_the_minimum_and_no_split_without_two_voices() -> None:
    channels, segments = _conversation()
    features = [segment_features(channels, RATE, int(str(s["start_ms"])), int(str(s["end_ms"])))
                for s in segments]
    model = fit_voices(features, 1)
    # the high voice only 0.5 s at the end of a segment: too short to be a piece of its own
    short = _segment(10500, 12000)
    assert split_at_voice_changes(channels, RATE, [short], model) == [short]
    assert 12000 - 11500 < MIN_PIECE_MS
    # too few segments for a model of two voices: nothing is split
    one = [segments[0], segments[4], segments[5]]
    assert fit_voices(features[:1], 1) is None and fit_voices([], 1) is None
    assert split_at_voice_changes(channels, RATE, one, None) == one
    # a segment without word times stays whole
    bare = dict(segments[4], words=[])
    assert split_at_voice_changes(channels, RATE, [bare], model) == [bare]


def test_voice_pieces_split_and_give_each_piece_its_features() -> None:
    channels, segments = _conversation()
    pieces = voice_pieces(channels, RATE, segments)
    assert [(p["start_ms"], p["end_ms"]) for p in pieces][4:6] == [(10000, 11500),
                                                                   (11500, 13500)]
    assert all(len(p["features"]) == 1 + 20 + 1 for p in pieces)


def _line_with_tail(level_db: float) -> np.ndarray:
    """1 s of voice, then 1 s of it dying away from `level_db` below the voice's peak to
    silence, then 1 s of silence."""
    voice = synthetic_voice(150, 1000, 1)
    peak = float(np.max(np.abs(voice)))
    decay = np.linspace(1.0, 0.0, RATE) ** 3
    second = synthetic_voice(150, 1000, 2)
    tail = second / np.max(np.abs(second)) * peak
    tail *= 10 ** (level_db / 20) * decay
    return np.concatenate([voice, tail.astype(np.float32), _silence(1000)])


def test_a_segment_lasts_until_its_sound_ends() -> None:
    sound = _line_with_tail(-10.0)
    peaks = frame_peaks(sound, RATE)
    floor = noise_floor(peaks)
    # Whisper's end 0.4 s before the voice stops: the end moves to where the tail falls under
    # -40 dB of the segment's loudest sample
    end = sound_end_ms(peaks, floor, 0, 600, 3000)
    decay = np.linspace(1.0, 0.0, RATE) ** 3
    below = 1000 + int(np.argmax(10 ** (-10 / 20) * decay < 0.01)) * 1000 // RATE
    assert abs(end - below) <= 30, (end, below)
    # never into the next segment
    assert sound_end_ms(peaks, floor, 0, 600, 1200) == 1200
    # never earlier than Whisper said
    assert sound_end_ms(peaks, floor, 0, 2500, 3000) == 2500
    # never more than 2 s on
    long = np.concatenate([synthetic_voice(150, 5000, 3), _silence(500)])
    long_peaks = frame_peaks(long, RATE)
    assert sound_end_ms(long_peaks, noise_floor(long_peaks), 0, 1000, 6000) == 3000


def test_the_noise_of_the_room_is_not_speech() -> None:
    rng = np.random.default_rng(4)
    noise = rng.normal(0, 0.01, 6 * RATE).astype(np.float32)  # a noisy room, -30 dB or so
    sound = noise.copy()
    voice = synthetic_voice(150, 1000, 1)
    sound[RATE:2 * RATE] += voice
    peaks = frame_peaks(sound, RATE)
    floor = noise_floor(peaks)
    assert floor > 0
    # the noise after the voice stays above -40 dB of the peak, but it is the room's level
    end = sound_end_ms(peaks, floor, 1000, 1800, 6000)
    assert 1990 <= end <= 2100, end


def test_split_pieces_are_stored_named_and_corrected_like_any_segment(library, tmp_path
                                                                      ) -> None:  # type: ignore[no-untyped-def]
    """The child's result with a split segment: each piece is a segment of the transcript with
    its own voice; saying who is who names both pieces' voices, and one piece's voice can be
    corrected without the other's."""
    import json

    from tests.vsr import session_fixtures as fx
    from vsr.model import PartyRole
    from vsr.transcript import run as run_mod
    from vsr.transcript.parties import set_voice_role
    from vsr.transcript.store import (
        load_transcript,
        save_transcript,
        set_segment_speaker,
        swap_speakers,
    )
    from vsr.transcript.talk import review_talk_sentences, talk_time

    channels, segments = _conversation()
    raw = json.loads(json.dumps(voice_pieces(channels, RATE, segments)))  # as the child writes
    pieces = run_mod._segments(raw)
    assert [p.speaker for p in pieces] == [0, 1, 0, 1, 0, 1, 0]
    assert pieces[4].text == "w10000 w10500 w11000" and pieces[5].words[0].text == "w11500"
    walked = fx.walked_review(library, tmp_path)
    rec = walked.review.recording_id
    save_transcript(library, rec, pieces, model="whisper-base")
    stored = load_transcript(library, rec)
    assert [(s.start_ms, s.speaker) for s in stored.segments][4:6] == [(10000, 0), (11500, 1)]
    set_voice_role(library, rec, 0, PartyRole.CLIENT)
    lines = review_talk_sentences(library, walked.review.id)
    assert lines[0].startswith(fx.CLIENT) and lines[1].startswith(fx.PRO)
    before = talk_time(load_transcript(library, rec)).spoken_ms
    set_segment_speaker(library, stored.segments[5].id or 0, 0)  # the high piece said low
    after = talk_time(load_transcript(library, rec)).spoken_ms
    high_piece = stored.segments[5].end_ms - stored.segments[5].start_ms
    assert after == (before[0] + high_piece, before[1] - high_piece)
    assert load_transcript(library, rec).segments[4].speaker == 0  # the other piece untouched
    swap_speakers(library, rec)
    assert [s.speaker for s in load_transcript(library, rec).segments] == [1, 0, 1, 0, 1, 1, 1]
