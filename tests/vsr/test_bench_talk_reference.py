"""The talk-time benchmark's reference and measure: speech is what can be heard (espeak's
silence after a line is not speech), and talk time is the app's own reckoning."""

from __future__ import annotations

import math

import numpy as np

from bench.bench_transcript import audible_ms, talk_error
from vsr.transcript.voices import BANDS

RATE = 16000


def test_audible_part_leaves_out_digital_silence_before_and_after() -> None:
    t = np.arange(RATE) / RATE
    tone = 0.5 * np.sin(2 * np.pi * 200 * t)
    clip = np.concatenate([np.zeros(RATE // 10), tone, np.zeros(RATE * 4 // 10)])
    first, last = audible_ms(clip)
    assert abs(first - 100) <= 1 and abs(last - 1100) <= 1
    # a quiet tail below -40 dB of the peak is not counted; one above it is
    tail = np.concatenate([tone, 0.004 * np.sin(2 * np.pi * 200 * t[: RATE // 2])])
    assert abs(audible_ms(tail)[1] - 1000) <= 1
    louder = np.concatenate([tone, 0.02 * np.sin(2 * np.pi * 200 * t[: RATE // 2])])
    assert abs(audible_ms(louder)[1] - 1500) <= 1
    assert audible_ms(np.zeros(100)) == (0, 0) and audible_ms(np.zeros(0)) == (0, 0)


def _item(start: int, end: int, pitch: float) -> dict[str, object]:
    shape = [math.sin(pitch + k) for k in range(BANDS)]  # a different shape per voice
    return {"start_ms": start, "end_ms": end, "text": "", "features": [0.1, *shape, pitch]}


def test_talk_error_is_the_larger_difference_in_percent_of_the_length() -> None:
    result = [_item(0, 2000, 0.0), _item(3000, 4000, 12.0), _item(5000, 6000, 0.0),
              _item(7000, 9000, 12.0)]
    # voice 0 (heard first) spoke 3 s, voice 1 3 s
    assert talk_error(result, (3000, 3000), 10_000) == 0.0
    assert talk_error(result, (3500, 3000), 10_000) == 5.0
    assert talk_error(result, (3000, 2000), 20_000) == 5.0
    # overlapping segments of one voice count once, as in the app's talk time
    overlapping = [*result, _item(500, 1500, 0.0)]
    assert talk_error(overlapping, (3000, 3000), 10_000) == 0.0


def test_lines_cut_to_what_can_be_heard_are_apart_by_the_pause_as_heard(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The quick-turns row: each real line cut to its audible part, so the pause between two
    lines is the pause a listener hears (without the cut, 0.3 s of silence between the files
    is 0.5-1.8 s as heard)."""
    import wave

    from bench.bench_transcript import dutch_speech

    media, spans = dutch_speech(tmp_path / "heard.wav", 4, 200, trimmed=True)
    with wave.open(str(media), "rb") as wav:
        sound = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2").astype(np.float32)
    for a, b, _speaker, _text in spans:
        first, last = audible_ms(sound[a * RATE // 1000:b * RATE // 1000])
        assert first <= 5 and last >= b - a - 5, (a, b, first, last)
    assert all(190 <= nxt[0] - cur[1] <= 210 for cur, nxt in zip(spans[:-1], spans[1:], strict=True))
    _media, untrimmed = dutch_speech(tmp_path / "as-recorded.wav", 4, 200)
    assert untrimmed[-1][1] - untrimmed[0][0] > spans[-1][1] - spans[0][0] + 1000
