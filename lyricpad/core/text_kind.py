"""Telling lyrics from an article in a plain-text file, when its lines leave no doubt (else the user is asked)."""

from __future__ import annotations

import re

from lyricpad.core.lrc import parse_lrc

MIN_SECTION_HEADERS = 2
"""Section headers ("[Chorus]") that make a text lyrics on their own."""
MIN_CHORD_LINES = 3
"""Lines of chords only that make a text lyrics on their own (two, with a section header)."""
MIN_TIMED_LINES = 3
"""LRC time stamps ("[00:12.30]") starting lines that make a text timed lyrics."""
MAX_LONG_LINES = 2
"""Lines longer than `LONG_LINE_CHARS` a text of lyrics may hold; more are prose: ask."""
LONG_LINE_CHARS = 120

_SECTION = re.compile(
    r"^\s*\[\s*(?:verse|chorus|pre-chorus|post-chorus|bridge|intro|outro|hook|refrain|interlude"
    r"|instrumental|solo|coda|tag|breakdown|middle 8)\b[^\]\n]{0,40}\]\s*$",
    re.IGNORECASE,
)
_CHORD = re.compile(
    r"^[A-G][#b♯♭]?(?:m|maj|min|sus|dim|aug|add|M)?\d{0,2}(?:sus\d|add\d)?(?:/[A-G][#b♯♭]?)?$"
)
_CHORD_MARKS = frozenset({"|", "||", "/", "-", "N.C.", "x2", "x3", "x4", "(x2)", "(x3)", "(x4)"})


def is_chord_line(line: str) -> bool:
    """A line of chord symbols only ("G   D/F#  Em  C", "| Am | F |"), with at least two chords."""
    words = line.split()
    chords = [word for word in words if _CHORD.match(word)]
    return len(chords) >= 2 and all(word in _CHORD_MARKS or _CHORD.match(word) for word in words)


def surely_lyrics(text: str) -> str | None:
    """Why *text* is surely lyrics ("chord lines", "section headers", "LRC time stamps"), or None when unsure.

    Conservative: an article quoting a verse or naming a chord stays None, and so does a text of
    long prose lines, whatever else it holds.
    """
    lines = [line for line in text.split("\n") if line.strip()]
    if sum(len(line) > LONG_LINE_CHARS for line in lines) > MAX_LONG_LINES:
        return None
    if any(line.lstrip().startswith("[") for line in lines[:50]):
        timed = parse_lrc(text).line_times
        if sum(1 for time in timed if time) >= max(MIN_TIMED_LINES, len(lines) // 2):
            return "LRC time stamps"
    sections = sum(1 for line in lines if _SECTION.match(line))
    chords = sum(1 for line in lines if is_chord_line(line))
    if chords >= MIN_CHORD_LINES or (chords >= MIN_CHORD_LINES - 1 and sections):
        return "chord lines"
    if sections >= MIN_SECTION_HEADERS:
        return "section headers"
    return None
