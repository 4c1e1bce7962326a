"""Parsing LRC lyrics: header tags, line timestamps and enhanced word timestamps, apart from the text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from lyricpad.core.text import normalise_text, strip_controls

KNOWN_TAGS = frozenset({"ti", "ar", "al", "au", "length", "by", "offset", "re", "ve"})
"""Header tags of the LRC format: title, artist, album, lyricist, length, file author, offset, tool, version."""

SECTION_WORDS = frozenset(
    {
        "verse", "chorus", "pre-chorus", "post-chorus", "prechorus", "bridge", "intro", "outro",
        "hook", "refrain", "interlude", "instrumental", "solo", "break", "breakdown", "part",
        "coda", "tag", "spoken", "skit",
    }
)  # fmt: skip
"""Lower-case words that start a section header such as "[chorus: Wren]": never taken for an unknown tag."""

# [mm:ss], [mm:ss.x], [mm:ss.xx], [mm:ss.xxx] and [mm:ss:xx]; minutes may run past 99.
_TIME = r"(\d{1,5}):([0-5]?\d)(?:[.:](\d{1,3}))?"
_LINE_STAMP = re.compile(r"\[" + _TIME + r"\]")
_LEADING_STAMPS = re.compile(r"(?:[ \t]*\[" + _TIME + r"\])+")
_WORD_STAMP = re.compile(r"<" + _TIME + r">")
_KNOWN_TAG = re.compile(r"^[ \t]*\[([A-Za-z]+)[ \t]*:(.*)\][ \t]*$")
_UNKNOWN_TAG = re.compile(r"^[ \t]*\[([a-z#][a-z0-9_#-]{0,23}):(.*)\][ \t]*$")
_BOM = "\ufeff"
_OFFSET = re.compile(r"^[+-]?\d{1,9}$")


@dataclass(frozen=True)
class LrcLyrics:
    """The lyrics of an LRC file: timestamps taken out of the text and kept per line.

    *text* has one line per lyric line (no trailing newline); *line_times* and *word_times* have
    one entry per line of *text*. Times are milliseconds with the file's offset applied, never
    negative. A word time is ``[ms, code-point offset within its line]``.
    """

    text: str
    line_times: list = field(default_factory=list)
    word_times: list = field(default_factory=list)
    tags: dict = field(default_factory=dict)
    offset_ms: int = 0


def _ms(minutes: str, seconds: str, fraction: str | None) -> int:
    value = (int(minutes) * 60 + int(seconds)) * 1000
    if fraction:
        value += int(fraction) * 10 ** (3 - len(fraction))  # .5 = 500 ms, .05 = 50 ms, .005 = 5 ms
    return value


def _tag(line: str, in_header: bool) -> tuple[str, str] | None:
    """(key, value) when *line* is a header tag; section headers like "[Chorus: Wren]" are not."""
    match = _KNOWN_TAG.match(line)
    if match and match.group(1).lower() in KNOWN_TAGS:
        # A tag's value is one line, often printed as a title: no control characters in it.
        return match.group(1).lower(), strip_controls(match.group(2)).strip()
    if not in_header:
        return None
    match = _UNKNOWN_TAG.match(line)
    if match and match.group(1) not in SECTION_WORDS and not _LINE_STAMP.match(line.strip()):
        return match.group(1), strip_controls(match.group(2)).strip()
    return None


def _strip_word_stamps(line: str) -> tuple[str, list[list[int]]]:
    """The line without <mm:ss.xx> stamps, and [ms, offset] for each stamp (offset before the offset fix)."""
    parts: list[str] = []
    length = 0
    words: list[list[int]] = []
    pos = 0
    for match in _WORD_STAMP.finditer(line):
        piece = line[pos : match.start()]
        if parts and parts[-1][-1:].isspace() and piece[:1].isspace():
            piece = piece.lstrip()  # "word <t> next" would leave two spaces
        if piece:
            parts.append(piece)
            length += len(piece)
        words.append([_ms(*match.groups()), length])
        pos = match.end()
    piece = line[pos:]
    if parts and parts[-1][-1:].isspace() and piece[:1].isspace():
        piece = piece.lstrip()
    if piece:
        parts.append(piece)
    text = "".join(parts)
    stripped = text.lstrip().lstrip(_BOM).lstrip()
    cut = len(text) - len(stripped)
    text = stripped.rstrip()
    for word in words:
        word[1] = min(max(word[1] - cut, 0), len(text))
    if not unicodedata.is_normalized("NFC", text):
        # Taking a stamp out can join a letter and a combining mark: keep offsets on the NFC form.
        for word in words:
            word[1] = len(unicodedata.normalize("NFC", text[: word[1]]))
        text = unicodedata.normalize("NFC", text)
    return text, words


def parse_lrc(text: str) -> LrcLyrics:
    """Split LRC *text* into lyric lines, per-line times, per-line word times and header tags.

    Header tags (ti, ar, al, au, length, by, offset, re, ve, and unknown ones before the first
    timed line) leave the text; lines without a timestamp stay as text; an empty timed line stays
    as an empty line. ``[offset:+N]`` makes every time N ms earlier (as the format says), never
    below 0. Never raises.
    """
    tags: dict[str, str] = {}
    rows: list[tuple[str, list[int] | None, list[list[int]] | None]] = []
    in_header = True
    for line in normalise_text(text).split("\n"):
        # A BOM (U+FEFF) inside a line is invisible; left there it would hide the stamps after it.
        if _BOM in line:
            line = unicodedata.normalize("NFC", line.replace(_BOM, ""))  # what it stood between may combine
        tag = _tag(line, in_header)
        if tag is not None:
            tags[tag[0]] = tag[1]
            continue
        stamps = _LEADING_STAMPS.match(line)
        times = None
        if stamps:
            times = sorted(_ms(*m.groups()) for m in _LINE_STAMP.finditer(stamps.group(0)))
            line = line[stamps.end() :]
            in_header = False
        elif line.strip():
            in_header = False
        words: list[list[int]] | None = None
        if _WORD_STAMP.search(line):
            line, words = _strip_word_stamps(line)
        elif times is not None:
            line = line.strip()
        rows.append((line, times, words))

    # Blank lines left where the header was, and at the end, are not lyrics.
    while rows and not rows[0][0].strip() and rows[0][1] is None:
        rows.pop(0)
    while rows and not rows[-1][0].strip() and rows[-1][1] is None:
        rows.pop()

    offset = 0
    raw_offset = tags.get("offset", "").replace(" ", "")
    if _OFFSET.match(raw_offset):
        offset = int(raw_offset)

    def shifted(ms: int) -> int:
        return max(ms - offset, 0)

    line_times = [None if times is None else [shifted(ms) for ms in times] for _, times, _ in rows]
    word_times = [None if words is None else [[shifted(ms), at] for ms, at in words] for _, _, words in rows]
    if not rows:
        line_times, word_times = [None], [None]
    return LrcLyrics(
        text="\n".join(line for line, _, _ in rows),
        line_times=line_times,
        word_times=word_times,
        tags=tags,
        offset_ms=offset,
    )
