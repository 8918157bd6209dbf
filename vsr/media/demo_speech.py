"""Spoken Dutch for the demo conversation, so the demo recording gets a transcript (issue 22).

espeak-ng (Debian package espeak-ng, installed by scripts/setup.sh) speaks one line of the
script per turn: the professional with a low male voice, the client with a higher female one.
Without espeak-ng the demo keeps its humming tones (vsr.media.demo_script), so it is still made.
espeak's Dutch is robotic: good enough to show the transcript, not a measure of its quality."""

from __future__ import annotations

import io
import shutil
import subprocess
import wave

import numpy as np
import numpy.typing as npt

from vsr.media.demo_script import CLIENT, PROFESSIONAL, Turn

# The conversation, a line per turn, professional and client alternating (cycled when the
# demo has more turns). Short lines for short turns are picked by length.
LINES: dict[str, tuple[str, ...]] = {
    PROFESSIONAL: (
        "Goedemorgen, fijn dat je er bent.",
        "Vorige keer hebben we een afspraak gemaakt over je sollicitaties.",
        "Hoe is dat gegaan?",
        "Wat vond je daar lastig aan?",
        "Zullen we samen kijken wat je nodig hebt?",
        "Ik hoor dat je het druk hebt met de schulden.",
        "Wat wil je dat ik anders doe?",
        "Dank je wel dat je dat zegt.",
    ),
    CLIENT: (
        "Goedemorgen.",
        "Ik heb drie brieven gestuurd.",
        "Niet zo goed, ik kreeg geen antwoord.",
        "Ik weet niet goed wat ze willen.",
        "Ja, dat lijkt me goed.",
        "De schuldhulpverlening kost veel tijd.",
        "Ik wil dat je beter luistert.",
        "Graag gedaan, tot volgende week.",
    ),
}
_VOICE = {PROFESSIONAL: ("nl", "35"), CLIENT: ("nl+f3", "70")}  # (voice, pitch 0-99)
_WORDS_PER_SECOND = 2.2  # espeak at -s 140


def espeak_available() -> bool:
    return shutil.which("espeak-ng") is not None


def _fitting_line(role: str, index: int, length_ms: int) -> str:
    """The script's next line for `role`, or a shorter one when it would not fit the turn."""
    lines = LINES[role]
    line = lines[index % len(lines)]
    budget = max(1, int(length_ms / 1000 * _WORDS_PER_SECOND))
    if len(line.split()) <= budget:
        return line
    fitting = [x for x in lines if len(x.split()) <= budget]
    return min(fitting or lines, key=lambda x: len(x.split()))


def _speak(text: str, role: str, rate: int) -> npt.NDArray[np.float32]:
    voice, pitch = _VOICE[role]
    done = subprocess.run(["espeak-ng", "-v", voice, "-p", pitch, "-s", "140", "--stdout", text],
                          capture_output=True, check=True, timeout=60)
    with wave.open(io.BytesIO(done.stdout)) as wav:
        source_rate = wav.getframerate()
        samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
    audio = samples.astype(np.float64) / 32768.0
    # Resampled by linear interpolation: speech is band-limited well below espeak's Nyquist.
    n_out = int(len(audio) * rate / source_rate)
    positions = np.arange(n_out) * source_rate / rate
    resampled = np.interp(positions, np.arange(len(audio)), audio)
    peak = float(np.max(np.abs(resampled))) if resampled.size else 0.0
    scaled: npt.NDArray[np.float32] = (resampled * (0.5 / peak if peak > 0 else 1.0)).astype(
        np.float32)
    return scaled


def demo_speech(turns: list[Turn], rate: int) -> dict[int, npt.NDArray[np.float32]] | None:
    """Speech per turn (keyed by the turn's start in ms), or None without espeak-ng or when it
    fails (the demo then hums)."""
    if not espeak_available():
        return None
    spoken: dict[int, npt.NDArray[np.float32]] = {}
    counts = {PROFESSIONAL: 0, CLIENT: 0}
    try:
        for start_ms, end_ms, role in turns:
            line = _fitting_line(role, counts[role], end_ms - start_ms)
            counts[role] += 1
            spoken[start_ms] = _speak(line, role, rate)
    except (OSError, subprocess.SubprocessError, wave.Error, EOFError):
        return None
    return spoken
