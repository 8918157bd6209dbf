"""Who spoke how much: speaking turns per party, talk time and the longest turns. A conversation
aid ("Jij sprak 64 % van de tijd"), never a score: the numbers are given as they are, without
a norm or a judgement."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from vsr.transcript.store import Segment, Transcript

if TYPE_CHECKING:
    from vsr.library.db import Library

# Segments of one voice with a pause shorter than this between them are one turn.
TURN_GAP_MS = 1500


@dataclass(frozen=True, slots=True)
class Turn:
    speaker: int
    start_ms: int
    end_ms: int

    @property
    def length_ms(self) -> int:
        return self.end_ms - self.start_ms


@dataclass(frozen=True, slots=True)
class TalkTime:
    """Speaking time per voice (0 and 1) in ms, its share of all speech, and the longest turns
    (longest first)."""

    spoken_ms: tuple[int, int]
    longest_turns: tuple[Turn, ...]
    turn_counts: tuple[int, int]

    @property
    def total_ms(self) -> int:
        return self.spoken_ms[0] + self.spoken_ms[1]

    def share_percent(self, speaker: int) -> int:
        """Rounded percent of the speech that was `speaker`'s (0 when nobody spoke)."""
        return round(100 * self.spoken_ms[speaker] / self.total_ms) if self.total_ms else 0


def turns(segments: tuple[Segment, ...] | list[Segment]) -> list[Turn]:
    """Consecutive segments of one voice joined into turns (segments without a known voice are
    left out)."""
    out: list[Turn] = []
    for seg in sorted(segments, key=lambda s: s.start_ms):
        if seg.speaker is None:
            continue
        last = out[-1] if out else None
        if last and last.speaker == seg.speaker and seg.start_ms - last.end_ms < TURN_GAP_MS:
            out[-1] = Turn(seg.speaker, last.start_ms, max(last.end_ms, seg.end_ms))
        else:
            out.append(Turn(seg.speaker, seg.start_ms, seg.end_ms))
    return out


def talk_time(transcript: Transcript, *, longest: int = 3) -> TalkTime:
    """Talk time per voice: the union of its segments' time (overlaps counted once)."""
    spoken = [0, 0]
    for speaker in (0, 1):
        spans = sorted((s.start_ms, s.end_ms) for s in transcript.segments
                       if s.speaker == speaker)
        end = -1
        for a, b in spans:
            if b > end:
                spoken[speaker] += b - max(a, end)
                end = b
    all_turns = turns(transcript.segments)
    ranked = sorted(all_turns, key=lambda t: (-t.length_ms, t.start_ms))[:max(0, longest)]
    counts = (sum(t.speaker == 0 for t in all_turns), sum(t.speaker == 1 for t in all_turns))
    return TalkTime((spoken[0], spoken[1]), tuple(ranked), counts)


def minutes_seconds(ms: int) -> str:
    """"4:05" for 245,000 ms (a length or a time in the recording): the one clock."""
    from vsr.dates import clock

    return clock(ms)


def speaker_label(speaker: int | None) -> str:
    """"Stem 1" / "Voice 1": the voices are numbered, never ranked."""
    from vsr.i18n import translate

    return translate("transcript.speaker", number=speaker + 1) if speaker is not None else ""


def talk_sentences(talk: TalkTime, names: dict[int, str] | None = None) -> list[str]:
    """Talk time in words, for Stap 3 and the summary: share and time per voice, then the
    longest turns. Plain facts, no norm ("Anna sprak 64 % van de tijd (4:05; aantal beurten:
    12)"). `names`: what to call each voice (vsr.transcript.parties.voice_labels); without it,
    or while nobody said who is who, the voices are numbered and a last line says so."""
    from vsr.i18n import translate

    def who(n: int) -> str:
        return (names or {}).get(n) or speaker_label(n)

    lines = [translate("transcript.talk.share", who=who(n),
                       percent=talk.share_percent(n), time=minutes_seconds(talk.spoken_ms[n]),
                       turns=talk.turn_counts[n]) for n in (0, 1)]
    lines += [translate("transcript.talk.turn", who=who(t.speaker),
                        at=minutes_seconds(t.start_ms), length=minutes_seconds(t.length_ms))
              for t in talk.longest_turns]
    lines = [line[:1].upper() + line[1:] for line in lines]  # "De cliënt sprak ..."
    if any(who(n) == speaker_label(n) for n in (0, 1)):
        lines.append(translate("transcript.talk.voices_unnamed"))
    return lines


def review_talk_sentences(lib: Library, review_id: int,
                          party_labels: dict[int, str] | None = None) -> list[str]:
    """Stap 3's talk time for a review: the sentences of `talk_sentences` for its recording's
    transcript, with the voices called by the review's parties once the users said who is who
    (`party_labels`, party id to label, e.g. initials), or [] when the recording has no
    transcript (Stap 3 then shows nothing of it)."""
    from vsr.library.reviews import get_review
    from vsr.transcript.parties import voice_labels
    from vsr.transcript.store import has_transcript, load_transcript

    recording_id = get_review(lib, review_id).recording_id
    if not has_transcript(lib, recording_id):
        return []
    names = voice_labels(lib, recording_id, review_id, labels=party_labels)
    return talk_sentences(talk_time(load_transcript(lib, recording_id)), names)
