"""The form of a song's lyrics: what each line is, the sections it falls into, and which lines repeat.

Line kinds come from `LyricsLexer`, the lexer that colours the lyrics pane, so the study view and
the highlighting never disagree about what is a header, a chord line or a backing vocal. Lines
are 1-based.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from lyricpad.core.lexers import BACKING_VOCALS, CHORD, MARK, SECTION, SECTION_NAME, LyricsLexer, lex_line
from lyricpad.core.study import Section
from lyricpad.core.text import APOSTROPHES, fold

KINDS = ("lyric", "header", "blank", "chords", "backing")
"""Every kind of line: sung words, a section header, an empty line, chords only, backing vocals only."""
WORDY_KINDS = frozenset({"lyric", "backing"})
"""Kinds of line that hold words to count, compare and repeat."""
CHORUS = "Chorus"
VERSE = "Verse"

_HEADER_TOKENS = frozenset({SECTION, SECTION_NAME})
_CHORD_TOKENS = frozenset({CHORD, MARK})
_BACKING_TOKENS = frozenset({BACKING_VOCALS, MARK})
_WORD = re.compile(r"\w+")
_APOSTROPHES = re.compile(f"[{re.escape(APOSTROPHES)}]")


class LineParts(NamedTuple):
    """One line as the study view reads it."""

    kind: str  # one of KINDS
    header: str | None  # the section header's name ("Verse 1", "Bridge: Both"), when the line has one
    sound: str  # the words to count and rhyme, at their offsets in the line; the rest blanked with spaces


@functools.cache
def _lexer() -> LyricsLexer:
    return LyricsLexer()


@functools.lru_cache(maxsize=1 << 13)  # songs repeat their lines: a chorus is read once
def line_parts(text: str) -> LineParts:
    """The kind of *text* (one line), its header name and the words to count.

    A line holding a header and then words ("[Chorus] so light a lantern") starts a section
    and is a lyric line; the words of a lyric line leave out its backing vocals and repeat
    marks; a backing line's words are those inside its parentheses.
    """
    if not text.strip():
        return LineParts("blank", None, " " * len(text))
    tokens, _ = lex_line(_lexer(), text)
    last_header = max((i for i, (_, token, _) in enumerate(tokens) if token in _HEADER_TOKENS), default=-1)
    header = None
    if last_header >= 0:
        inside = "".join(value for _, token, value in tokens[: last_header + 1] if token in _HEADER_TOKENS)
        header = " ".join(inside.strip().strip("[]").rstrip(": \t").split()) or None
    rest = [(pos, token, value) for pos, token, value in tokens[last_header + 1 :] if value.strip()]
    sound = [" "] * len(text)
    if not rest:
        return LineParts("header" if header else "blank", header, "".join(sound))
    kinds = {token for _, token, _ in rest}
    if kinds == {MARK}:  # "[Chorus] (x2)", "(x2)", "| / / |": no words
        return LineParts("header" if header else "chords", header, "".join(sound))
    if header is None and kinds <= _CHORD_TOKENS:
        return LineParts("chords", None, "".join(sound))
    if kinds <= _BACKING_TOKENS and BACKING_VOCALS in kinds:
        kind, wanted = "backing", BACKING_VOCALS
    else:
        kind, wanted = "lyric", None
    for pos, token, value in rest:
        if token == wanted:
            value = value.replace("(", " ").replace(")", " ")
        elif wanted is not None or token in (BACKING_VOCALS, MARK):
            continue
        sound[pos : pos + len(value)] = value
    return LineParts(kind, header, "".join(sound))


def line_kind(text: str) -> str:
    """What the line *text* is: "lyric", "header", "blank", "chords" or "backing" (see KINDS)."""
    return line_parts(text).kind


def words_key(text: str) -> str:
    """The words of *text* with case, accents' composition, punctuation and spacing folded away."""
    return " ".join(_WORD.findall(fold(_APOSTROPHES.sub("", text))))


def _line_key(text: str, kind: str) -> str:
    return words_key(line_parts(text).sound) if kind in WORDY_KINDS else ""


def _line_keys(lines: Sequence[str], kinds: Sequence[str], parts: Sequence[LineParts] | None) -> list[str]:
    if parts is None:
        return [_line_key(text, kind) for text, kind in zip(lines, kinds, strict=True)]
    return [
        words_key(part.sound) if kind in WORDY_KINDS else "" for part, kind in zip(parts, kinds, strict=True)
    ]


class OtherLines(Sequence[int]):
    """The other lines (1-based) with the same words as one line: a view of the lines of its group.

    Every line of a group shares one tuple of the group's lines, its own left out when read, so
    a line sung 8,000 times costs one tuple, not 8,000 of 8,000. Compares equal to the tuple of
    its lines.
    """

    __slots__ = ("_group", "_line")

    def __init__(self, group: tuple[int, ...], line: int):
        self._group = group
        self._line = line

    def __len__(self) -> int:
        return len(self._group) - 1

    def __iter__(self):
        return (n for n in self._group if n != self._line)

    def __getitem__(self, index):
        return tuple(self)[index]

    def __eq__(self, other) -> bool:
        if isinstance(other, OtherLines):
            return len(self) == len(other) and tuple(self) == tuple(other)
        return isinstance(other, tuple) and len(other) == len(self) and tuple(self) == other

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))


def repeats(
    lines: Sequence[str], kinds: Sequence[str], parts: Sequence[LineParts] | None = None
) -> list[Sequence[int]]:
    """Per line, the other lines (1-based) with the same words (an `OtherLines`); () for lines without words.

    A lyric line's backing vocals are left out of its words, so "I walk alone (alone)" repeats
    "I walk alone"; a backing line's words are those inside its parentheses. *parts*: the lines'
    `line_parts`, when the caller has them.
    """
    keys = _line_keys(lines, kinds, parts)
    where: dict[str, list[int]] = {}
    for number, key in enumerate(keys, 1):
        if key:
            where.setdefault(key, []).append(number)
    groups = {key: tuple(numbers) for key, numbers in where.items() if len(numbers) > 1}
    return [OtherLines(groups[key], number) if key in groups else () for number, key in enumerate(keys, 1)]


class _Start(NamedTuple):
    name: str
    header_line: int | None
    inferred: bool


def analyse_form(
    lines: Sequence[str],
    kinds: Sequence[str],
    boundaries: Mapping[int, str] | None = None,
    parts: Sequence[LineParts] | None = None,
) -> tuple[Section, ...]:
    """The sections of the lyrics *lines* (their *kinds* from `line_kind`), in order.

    Header lines start sections. Without any header, every block of lines between blank lines
    that holds words is a section: the block whose words recur most often (at least twice) is
    the Chorus, every time it comes; the others are Verse 1, Verse 2...; a block that repeats an
    earlier verse takes that verse's name. Lines before the first header make an untitled
    section ("") only when they hold words. *boundaries* are the user's corrections,
    {line: name}: a name starts a section at that line (or renames the one starting there), ""
    removes the section starting there (its lines join the section before). A section ends at
    its last non-blank line before the next; `repeat_of` is the first line of the first earlier
    section with the same lyric lines (a header with nothing under it repeats the earlier
    section of that name). *parts*: the lines' `line_parts`, when the caller has them.
    """
    count = len(lines)
    wordy = [kind in WORDY_KINDS for kind in kinds]
    if parts is None:
        parts = [line_parts(text) for text in lines]
    headers = {n: parts[n - 1].header for n in range(1, count + 1) if kinds[n - 1] != "blank"}
    headers = {n: name for n, name in headers.items() if name}
    keys = _line_keys(lines, kinds, parts)
    starts = _header_starts(headers, wordy) if headers else _inferred_starts(keys, kinds, wordy)
    for line, name in sorted((boundaries or {}).items()):
        if not 1 <= line <= count:
            continue  # the line is gone: the correction waits, unapplied
        if name:
            starts[line] = _Start(name, line if line in headers else None, False)
        else:
            starts.pop(line, None)
    return _sections(keys, kinds, dict(sorted(starts.items())))


def _header_starts(headers: dict[int, str], wordy: list[bool]) -> dict[int, _Start]:
    starts = {line: _Start(name, line, False) for line, name in headers.items()}
    first = min(headers)
    lead_in = next((n for n in range(1, first) if wordy[n - 1]), None)
    if lead_in is not None:
        starts[lead_in] = _Start("", None, False)
    return starts


def _blocks(kinds: Sequence[str]) -> list[tuple[int, int]]:
    """(first, last) line of every run of non-blank lines."""
    blocks = []
    first = None
    for number, kind in enumerate(kinds, 1):
        if kind == "blank":
            if first is not None:
                blocks.append((first, number - 1))
            first = None
        elif first is None:
            first = number
    if first is not None:
        blocks.append((first, len(kinds)))
    return blocks


def _inferred_starts(line_keys: Sequence[str], kinds: Sequence[str], wordy: list[bool]) -> dict[int, _Start]:
    blocks = [(a, b) for a, b in _blocks(kinds) if any(wordy[a - 1 : b])]
    keys = [_lyrics_key(line_keys, kinds, a, b) for a, b in blocks]
    counts: dict[tuple[str, ...], int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    # The chorus: the words that come back most often; on a tie, the ones heard first.
    chorus = max((key for key in keys if key and counts[key] > 1), key=lambda k: counts[k], default=None)
    starts: dict[int, _Start] = {}
    verse_names: dict[tuple[str, ...], str] = {}
    for (first, _), key in zip(blocks, keys, strict=True):
        if key == chorus:
            name = CHORUS
        elif key in verse_names:
            name = verse_names[key]
        else:
            name = verse_names.setdefault(key, f"{VERSE} {len(verse_names) + 1}")
        starts[first] = _Start(name, None, True)
    return starts


def _lyrics_key(line_keys: Sequence[str], kinds: Sequence[str], first: int, last: int) -> tuple[str, ...]:
    """A section's lyric lines, folded, to tell when two sections are the same (backing vocals aside)."""
    keys = (line_keys[n - 1] for n in range(first, last + 1) if kinds[n - 1] == "lyric")
    return tuple(key for key in keys if key)


def _sections(
    line_keys: Sequence[str], kinds: Sequence[str], starts: dict[int, _Start]
) -> tuple[Section, ...]:
    sections: list[Section] = []
    seen_lyrics: dict[tuple[str, ...], int] = {}
    seen_names: dict[str, int] = {}
    ordered = list(starts.items())
    for index, (start, info) in enumerate(ordered):
        stop = ordered[index + 1][0] - 1 if index + 1 < len(ordered) else len(line_keys)
        end = next((n for n in range(stop, start, -1) if kinds[n - 1] != "blank"), start)
        body_start = start + 1 if info.header_line == start and kinds[start - 1] == "header" else start
        key = _lyrics_key(line_keys, kinds, body_start, end) if body_start <= end else ()
        name_key = words_key(info.name)
        if key:
            repeat_of = seen_lyrics.setdefault(key, start)
            if repeat_of == start:
                repeat_of = None
        else:  # "[Chorus]" alone: the chorus again
            repeat_of = seen_names.get(name_key) if info.header_line is not None else None
        if key and name_key:
            seen_names.setdefault(name_key, start)
        sections.append(Section(info.name, start, end, info.header_line, info.inferred, repeat_of))
    return tuple(sections)
