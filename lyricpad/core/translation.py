"""Reading a translation of a song's lyrics from a file, aligned line by line with the lyrics.

Two kinds of file are read:

Plain text, with the lyrics' line structure. Line i translates lyric line i when the two have
as many lines and their blank lines fall in the same places. A translation may also leave out
the headers ("[Chorus]") and blank lines: when it has as many lines of words as the lyrics
(headers, blank lines and chord lines aside), those are aligned, and the lyrics' headers get
the translation's own headers when it has as many of them (else an empty line).

LRC, matched by time with the song's LRC times (`songs.line_times`), in any of these forms:
  * a second LRC with the same timestamps: ``[00:12.30]Die Laterne``;
  * the original LRC with a translation line after each lyric line carrying the same
    timestamp (as music players show two languages): ``[00:12.30]The lantern`` then
    ``[00:12.30]Die Laterne``; of two lines at one time, the one that is not the lyric line
    (else the later) is the translation;
  * a translation line tagged ``[tr:de]Die Laterne`` (or ``[tr]``), with or without its own
    timestamp, translating the timed line before it (tagged lines win over untagged ones).
Times match within `TIME_TOLERANCE_MS` (files round to hundredths or thousandths); untimed
lyric lines (headers, blank lines) get an empty line. The language comes from ``[tr:xx]`` or
an ``[la:xx]``/``[lang:xx]`` header tag when the file says.

A file that cannot be aligned is refused (`TranslationRefused`) with where it parts from the lyrics.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lyricpad.core.errors import ImportRefused
from lyricpad.core.line_map import lyric_lines
from lyricpad.core.lrc import parse_lrc
from lyricpad.core.song_form import line_kind
from lyricpad.core.text import lines_label, normalise_text

KINDS = ("auto", "plain", "lrc")
TIME_TOLERANCE_MS = 10
"""Two LRC times this close (or closer) are the same time."""
_TR = re.compile(r"^\s*\[tr(?::([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*))?\]\s*(.*)$", re.IGNORECASE)
_STAMP = re.compile(r"^\s*\[\d{1,5}:[0-5]?\d(?:[.:]\d{1,3})?\]")
_QUOTED = 40
"""Characters of a line quoted in a refusal."""


class TranslationRefused(ImportRefused):
    """A translation cannot be aligned with the song's lyrics; nothing was stored."""


@dataclass(frozen=True)
class ParsedTranslation:
    """A translation aligned with the lyrics: exactly one line per lyric line."""

    lines: tuple[str, ...]
    language: str  # what the file says ("de"), or ""
    kind: str  # "plain" or "lrc"
    aligned_by: str  # "lines", "lines of words" or "times"

    @property
    def translated(self) -> int:
        """How many lines hold a translation (not empty)."""
        return sum(1 for line in self.lines if line.strip())


def parse_translation(
    lyrics: str, text: str, *, kind: str = "auto", line_times: Sequence | None = None
) -> ParsedTranslation:
    """The translation in *text* aligned with *lyrics* (and, for LRC, the song's *line_times*).

    *kind* "auto" reads LRC when most lines of *text* start with a timestamp or a ``[tr:]`` tag.
    Raises `TranslationRefused` naming the problem when it cannot be aligned.
    """
    if kind not in KINDS:
        raise TranslationRefused(f"“{kind}” is not a kind of translation file: say plain or lrc")
    lyric = lyric_lines(lyrics)
    if not lyric:
        raise TranslationRefused("the song has no lyrics to translate")
    text = normalise_text(text)
    if kind == "auto":
        kind = "lrc" if looks_like_lrc(text) else "plain"
    if kind == "lrc":
        parsed = _from_lrc(lyric, text, line_times)
    else:
        parsed = _from_plain(lyric, text)
    if all(t == lyr for t, lyr in zip(parsed.lines, lyric, strict=True)):
        raise TranslationRefused("the file holds the lyrics themselves, not a translation of them")
    return parsed


def looks_like_lrc(text: str) -> bool:
    """Whether most lines of words in *text* start with an LRC timestamp or a ``[tr:]`` tag."""
    lines = [line for line in text.split("\n") if line.strip()]
    timed = sum(1 for line in lines if _STAMP.match(line) or _TR.match(line))
    return bool(lines) and timed * 2 > len(lines)


# ------------------------------------------------------------------ plain text


def _shape(line: str) -> str:
    """ "blank", "header", "chords" or "words": what must fall in the same places in lyrics and
    translation (chord lines are not translated: left out of the lines of words on both sides)."""
    kind = line_kind(line)
    return kind if kind in ("blank", "header", "chords") else "words"


def _from_plain(lyric: list[str], text: str) -> ParsedTranslation:
    given = lyric_lines(text)
    while len(given) > len(lyric) and given and not given[-1].strip():
        given.pop()  # blank lines at the end say nothing
    while given and not given[0].strip() and (len(given) > len(lyric) or lyric[0].strip()):
        given.pop(0)
    if not any(line.strip() for line in given):
        raise TranslationRefused("the file holds no translation (no line of words)")
    if len(given) == len(lyric) and all(
        (not a.strip()) == (not b.strip()) for a, b in zip(lyric, given, strict=True)
    ):
        return ParsedTranslation(
            tuple(b if a.strip() else "" for a, b in zip(lyric, given, strict=True)), "", "plain", "lines"
        )
    lyric_shapes = [_shape(line) for line in lyric]
    words_at = [i for i, k in enumerate(lyric_shapes) if k == "words"]
    headers_at = [i for i, k in enumerate(lyric_shapes) if k == "header"]
    given_shapes = [_shape(line) for line in given]
    given_words = [line for line, k in zip(given, given_shapes, strict=True) if k == "words"]
    given_headers = [line for line, k in zip(given, given_shapes, strict=True) if k == "header"]
    if len(given_words) == len(words_at):
        lines = [""] * len(lyric)
        for i, line in zip(words_at, given_words, strict=True):
            lines[i] = line
        if len(given_headers) == len(headers_at):
            for i, line in zip(headers_at, given_headers, strict=True):
                lines[i] = line
        return ParsedTranslation(tuple(lines), "", "plain", "lines of words")
    raise TranslationRefused(_plain_mismatch(lyric, given, len(words_at), len(given_words)))


def _quoted(line: str) -> str:
    line = line.strip()
    return f"“{line[:_QUOTED]}…”" if len(line) > _QUOTED else f"“{line}”"


def _described(line: str, shape: str) -> str:
    if shape == "blank":
        return "a blank line"
    if shape == "header":
        return f"the header {_quoted(line)}"
    if shape == "chords":
        return f"the chord line {_quoted(line)}"
    return _quoted(line)


def _plain_mismatch(lyric: list[str], given: list[str], lyric_words: int, given_words: int) -> str:
    """Why a plain translation cannot be aligned: both counts, and the first place they part."""
    counts = (
        f"the translation has {len(given)} lines ({given_words} of words), "
        f"the lyrics {len(lyric)} ({lyric_words} of words)"
    )
    for i, (a, b) in enumerate(zip(lyric, given, strict=False)):
        sa, sb = _shape(a), _shape(b)
        if sa != sb:
            return (
                f"the translation does not follow the lines of the lyrics: {counts}; they part at line "
                f"{i + 1}, where the lyrics have {_described(a, sa)} and the translation {_described(b, sb)}"
            )
    shorter = "translation" if len(given) < len(lyric) else "lyrics"
    return (
        f"the translation does not follow the lines of the lyrics: {counts}; "
        f"the {shorter} end at line {min(len(given), len(lyric))}"
    )


# ------------------------------------------------------------------ LRC


@dataclass
class _Timed:
    """The lines of a translation LRC at each time."""

    plain: dict[int, list[str]]
    tagged: dict[int, list[str]]
    language: str


def _timed_lines(text: str) -> _Timed:
    """The file's lines by time, and its language: a [tr:xx] line's code; else the file's [la:] tag,
    unless the file holds the original too (two lines at one time), whose language that tag names."""
    lrc = parse_lrc(text)
    found = _Timed({}, {}, "")
    previous: int | None = None
    for line, times in zip(lrc.text.split("\n"), lrc.line_times, strict=True):
        tag = _TR.match(line)
        if tag:
            found.language = found.language or (tag.group(1) or "")
            at = times[0] if times else previous
            if at is not None:
                found.tagged.setdefault(at, []).append(tag.group(2).strip())
            continue
        if times:
            for at in times:
                found.plain.setdefault(at, []).append(line.strip())
            previous = times[0]
    interleaved = found.tagged or any(len(rows) > 1 for rows in found.plain.values())
    if not found.language and not interleaved:
        found.language = lrc.tags.get("la", "") or lrc.tags.get("lang", "")
    return found


def _at(table: dict[int, list[str]], ms: int) -> list[str]:
    if ms in table:
        return table[ms]
    near = [t for t in table if abs(t - ms) <= TIME_TOLERANCE_MS]
    return table[min(near, key=lambda t: abs(t - ms))] if near else []


def _clock(ms: int) -> str:
    return f"{ms // 60000:02d}:{ms // 1000 % 60:02d}.{ms % 1000 // 10:02d}"


def _from_lrc(lyric: list[str], text: str, line_times: Sequence | None) -> ParsedTranslation:
    times = list(line_times or [])
    if not any(times):
        raise TranslationRefused(
            "the song has no LRC times to match the translation's with: give the translation as "
            "plain text with the lines of the lyrics"
        )
    timed = _timed_lines(text)
    if not timed.plain and not timed.tagged:
        raise TranslationRefused("the file holds no timed lines (LRC timestamps or [tr:] lines)")
    lines: list[str] = []
    missing: list[tuple[int, int]] = []
    for i, line in enumerate(lyric):
        stamps = times[i] if i < len(times) else None
        if not stamps or not line.strip():
            lines.append("")
            continue
        tagged = _at(timed.tagged, stamps[0])
        rows = _at(timed.plain, stamps[0])
        others = [row for row in rows if row != line.strip()]
        if tagged:
            lines.append(tagged[0])
        elif others or rows:
            lines.append((others or rows)[-1])
        else:
            lines.append("")
            missing.append((i + 1, stamps[0]))
    if missing:
        line, ms = missing[0]
        total = sum(1 for i, line_ in enumerate(lyric) if line_.strip() and i < len(times) and times[i])
        raise TranslationRefused(
            f"the translation's times do not match the song's: it has no line for {len(missing)} of the "
            f"song's {total} timed lines, the first at [{_clock(ms)}] ({lines_label(line, line)}: "
            f"{_quoted(lyric[line - 1])})"
        )
    return ParsedTranslation(tuple(lines), timed.language, "lrc", "times")
