"""Sound converted to one rate, layout and sample format, whatever the file changes to on the
way. PyAV's `AudioResampler` is set up by the first frame it gets: a later frame of another
rate or layout is refused ("Frame does not match AudioResampler setup") or, when the first
frame needed no conversion, handed on unconverted (mono among stereo). Files do change on
the way: pieces of a recording joined end to end, a broadcast that goes from 5.1 to stereo,
or a file made so on purpose. `Resampler` starts a new PyAV resampler at each change, after
taking what the old one still holds."""

from __future__ import annotations

import av
from av.audio.frame import AudioFrame


class Resampler:
    """`resample(frame)` gives `frame` as `format` with `layout` at `rate` (None: as the
    frame has it) as a list of frames, as `av.AudioResampler` does; `resample(None)` gives
    what is still held. Frames of another kind than the one before are taken too."""

    def __init__(self, format: str, layout: str | None = None, rate: int | None = None) -> None:
        self._format, self._layout, self._rate = format, layout, rate
        self._inner: av.AudioResampler | None = None
        self._kind: tuple[int, int, str] | None = None  # rate, channels and format it was made for

    def resample(self, frame: AudioFrame | None) -> list[AudioFrame]:
        if frame is None:
            return self._inner.resample(None) if self._inner is not None else []
        kind = (frame.sample_rate, frame.layout.nb_channels, frame.format.name)
        held: list[AudioFrame] = []
        if kind != self._kind:
            if self._inner is not None:
                held = self._inner.resample(None)
            self._inner = av.AudioResampler(format=self._format, layout=self._layout,
                                            rate=self._rate)
            self._kind = kind
        assert self._inner is not None
        return held + self._inner.resample(frame)
