"""Practising along LRC times: which line is sung at a time, loops over a section, and tag-and-next timing.

Pure logic over a song's `line_times` (per 1-based line: None, or the milliseconds it is sung at;
a line sung twice has two times). The window's clock asks a `Timeline` which line is current;
the tag-and-next editor keeps its stamps in a `Tagging` and turns them into new line times.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from lyricpad.core.errors import LyricpadError

LOOP_TAIL_MS = 4000
"""How long a loop that ends with the song's last timed line lets that line sound before wrapping."""


class TimesGoBackwards(LyricpadError):
    """A time stamped (or stored) before the time of a line that comes before it."""

    def __init__(self, line: int, ms: int, previous_line: int, previous_ms: int):
        super().__init__(
            f"line {line} would start at {clock_text(ms)}, before line {previous_line} "
            f"({clock_text(previous_ms)})"
        )
        self.line = line
        self.ms = ms
        self.previous_line = previous_line
        self.previous_ms = previous_ms


def clock_text(ms: int) -> str:
    """*ms* as a clock shows it: m:ss (minutes not wrapped into hours); negative times as 0:00."""
    minutes, seconds = divmod(max(ms, 0) // 1000, 60)
    return f"{minutes}:{seconds:02d}"


@dataclass(frozen=True, order=True)
class Cue:
    """A line sung at a time: *ms*, then the 1-based *line* (cues sort by time, then line)."""

    ms: int
    line: int


@dataclass(frozen=True)
class LoopRange:
    """Play from *start_ms* up to (not including) *end_ms*, then again from *start_ms*."""

    start_ms: int
    end_ms: int
    first_line: int
    last_line: int

    def wrap(self, ms: int) -> int:
        """Where a clock at *ms* should be: back at the start once it reaches the end."""
        return self.start_ms if ms >= self.end_ms else ms


def _times_of(entry) -> list[int]:
    return [ms for ms in entry if type(ms) is int and ms >= 0] if isinstance(entry, list | tuple) else []


class Timeline:
    """The cues of a song's *line_times*, in time order, and what is sung when."""

    def __init__(self, line_times: Sequence | None):
        entries = list(line_times or ())
        self.line_count = len(entries)
        self._times = [sorted(_times_of(entry)) for entry in entries]
        self.cues: tuple[Cue, ...] = tuple(
            sorted(Cue(ms, line) for line, times in enumerate(self._times, 1) for ms in times)
        )
        self._starts = [cue.ms for cue in self.cues]

    def __bool__(self) -> bool:
        return bool(self.cues)

    @property
    def end_ms(self) -> int:
        """The time of the last cue (0 when none)."""
        return self.cues[-1].ms if self.cues else 0

    def times(self, line: int) -> list[int]:
        """The times 1-based *line* is sung at ([] for none, or past the lines)."""
        return list(self._times[line - 1]) if 1 <= line <= len(self._times) else []

    def cue_at(self, ms: int) -> Cue | None:
        """The cue sounding at *ms*: the last one at or before it (None before the first)."""
        index = bisect.bisect_right(self._starts, ms) - 1
        return self.cues[index] if index >= 0 else None

    def line_at(self, ms: int) -> int:
        """The 1-based line sung at *ms*; 0 before the first cue."""
        cue = self.cue_at(ms)
        return cue.line if cue else 0

    def next_cue(self, ms: int) -> Cue | None:
        """The first cue after *ms* (None after the last)."""
        index = bisect.bisect_right(self._starts, ms)
        return self.cues[index] if index < len(self.cues) else None

    def previous_cue(self, ms: int) -> Cue | None:
        """The cue before the one sounding at *ms* (the first cue when none is before it)."""
        index = bisect.bisect_right(self._starts, ms) - 2
        if not self.cues:
            return None
        return self.cues[max(index, 0)]

    def seek_time(self, line: int, near_ms: int | None = None) -> int | None:
        """Where to seek to hear 1-based *line*: its time nearest at or before *near_ms* (its first time
        without one, or when all its times come later); None when the line has no time."""
        times = self.times(line)
        if not times:
            return None
        if near_ms is None:
            return times[0]
        before = [ms for ms in times if ms <= near_ms]
        return before[-1] if before else times[0]

    def loop_range(self, first_line: int, last_line: int, at_ms: int | None = None) -> LoopRange | None:
        """The loop over 1-based lines *first_line*..*last_line*: from the run of their cues that holds
        *at_ms* (else the first run) to the next cue outside them; None when none of them has a time.

        A chorus sung three times is three runs: the loop is the one the student is in.
        """
        inside = [i for i, cue in enumerate(self.cues) if first_line <= cue.line <= last_line]
        if not inside:
            return None
        runs: list[tuple[int, int]] = []  # (first, last) cue indexes of each unbroken run
        for index in inside:
            if runs and runs[-1][1] == index - 1:
                runs[-1] = (runs[-1][0], index)
            else:
                runs.append((index, index))
        chosen = runs[0]
        if at_ms is not None:
            for run in runs:
                if self.cues[run[0]].ms <= at_ms:
                    chosen = run
        first, last = chosen
        start = self.cues[first].ms
        end = self.cues[last + 1].ms if last + 1 < len(self.cues) else self.cues[last].ms + LOOP_TAIL_MS
        if end <= start:  # cues at the same instant: still a loop a person can hear
            end = start + LOOP_TAIL_MS
        return LoopRange(start, end, first_line, last_line)


def section_around(sections: Sequence, line: int) -> tuple[int, int] | None:
    """(start_line, end_line) of the section in *sections* (objects with start_line, end_line) holding
    1-based *line*; None when no section holds it."""
    for section in sections:
        if section.start_line <= line <= section.end_line:
            return section.start_line, section.end_line
    return None


def backwards_lines(line_times: Sequence | None) -> list[int]:
    """The 1-based lines whose first time comes before the first time of an earlier timed line.

    A line sung again later keeps its later times: only each line's first time is compared.
    """
    found: list[int] = []
    latest = -1
    for line, entry in enumerate(line_times or (), 1):
        times = sorted(_times_of(entry))
        if not times:
            continue
        if times[0] < latest:
            found.append(line)
        latest = max(latest, times[0])
    return found


def stampable_lines(kinds: Sequence[str]) -> list[int]:
    """The 1-based lines tag-and-next stamps, from each line's kind: words and backing vocals;
    blank lines, headers and chord lines are passed over."""
    return [line for line, kind in enumerate(kinds, 1) if kind in ("lyric", "backing")]


class Tagging:
    """Tag and next: a time stamped per line, in order; undo takes back the last stamp.

    *order* are the 1-based lines to stamp, in the order they are sung; *line_count* the lines of
    the lyrics (the new line times have one entry per line).
    """

    def __init__(self, order: Sequence[int], line_count: int):
        self.order = [line for line in order if 1 <= line <= line_count]
        self.line_count = line_count
        self.stamps: list[Cue] = []

    @property
    def current_line(self) -> int:
        """The line the next stamp is for; 0 once every line is stamped."""
        return self.order[len(self.stamps)] if len(self.stamps) < len(self.order) else 0

    @property
    def done(self) -> bool:
        return len(self.stamps) >= len(self.order)

    def stamp(self, ms: int, *, allow_backwards: bool = False) -> int:
        """Stamp the current line at *ms* and move to the next; returns the line stamped.

        Raises TimesGoBackwards when *ms* comes before the last stamp (the clock was sought back),
        unless *allow_backwards*; ValueError when every line is stamped already.
        """
        line = self.current_line
        if not line:
            raise ValueError("every line is stamped already")
        ms = max(int(ms), 0)
        if self.stamps and ms < self.stamps[-1].ms and not allow_backwards:
            last = self.stamps[-1]
            raise TimesGoBackwards(line, ms, last.line, last.ms)
        self.stamps.append(Cue(ms, line))
        return line

    def undo(self) -> Cue | None:
        """Take back the last stamp (None when there is none); its line is the current one again."""
        return self.stamps.pop() if self.stamps else None

    def line_times(self, old: Sequence | None) -> list:
        """The new line times: each stamped line at its stamp; lines not stamped keep their *old*
        times (a line passed over, or not reached before saving)."""
        result = [list(entry) if isinstance(entry, list | tuple) else None for entry in (old or ())]
        result = (result + [None] * self.line_count)[: self.line_count]
        for cue in self.stamps:
            result[cue.line - 1] = [cue.ms]
        return result

    def word_times(self, old: Sequence | None) -> list | None:
        """The word times that still hold: none on a restamped line (its words moved with it)."""
        if old is None:
            return None
        result = list(old)[: self.line_count]
        result += [None] * (self.line_count - len(result))
        for cue in self.stamps:
            result[cue.line - 1] = None
        return result if any(entry for entry in result) else None
