"""Places in a song written for readers: "chorus, line 12", not "Line 12 · Question"."""

from __future__ import annotations

import re
from collections.abc import Iterable

_HEADER = re.compile(r"^\s*(?:[^\w\s\[\]()]\s*)*\[([^\[\]:\n]+)(?::[^\[\]\n]*)?\]")
"""A section header such as ``[Chorus]``, ``[Verse 2]`` or ``[Bridge: Both]`` starting a line (text
after it on the same line is lyrics of that section, as the lyrics' highlighting has it)."""


def is_header_line(line: str) -> bool:
    """Whether *line* is a section header and nothing else ("[Chorus]", "🎵 [Bridge: Both]")."""
    found = _HEADER.match(line)
    return found is not None and not line[found.end() :].strip()


def sections(lyrics: str) -> list[str]:
    """The section each 1-based line is in (index 0 is line 1): "verse 2", "chorus"; "" before any header."""
    current = ""
    found: list[str] = []
    for line in lyrics.split("\n"):
        header = _HEADER.match(line)
        if header:
            current = " ".join(header.group(1).split()).casefold()
        found.append(current)
    return found


def _span(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}–{last}"


def place(lyrics_sections: list[str], first: int, last: int) -> str:
    """One place for readers: "chorus, line 12", "verse 1, lines 3–4", or "line 7" outside any section."""
    section = lyrics_sections[first - 1] if 0 < first <= len(lyrics_sections) else ""
    return f"{section}, {_span(first, last)}" if section else _span(first, last)


def places(lyrics_sections: list[str], spans: Iterable[tuple[int, int]]) -> str:
    """Several places, lines of one section together: "chorus, lines 8 and 22; bridge, line 29"."""
    by_section: dict[str, list[str]] = {}
    for first, last in spans:
        section = lyrics_sections[first - 1] if 0 < first <= len(lyrics_sections) else ""
        by_section.setdefault(section, []).append(str(first) if first == last else f"{first}–{last}")
    parts = []
    for section, numbers in by_section.items():
        many = len(numbers) > 1 or "–" in numbers[0]
        listed = numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + " and " + numbers[-1]
        lines = f"{'lines' if many else 'line'} {listed}"
        parts.append(f"{section}, {lines}" if section else lines)
    return "; ".join(parts)
