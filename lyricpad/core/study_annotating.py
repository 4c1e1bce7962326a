"""One click from the study view to an annotation: a rhyme group, a repeated line's every place, a section."""

from __future__ import annotations

from lyricpad.core.anchoring import Anchor, anchor_for_range
from lyricpad.core.models import Lens
from lyricpad.core.study import StudyView
from lyricpad.core.text import LineIndex, fold

RHYME_LENS_WORDS = ("rhyme", "sound")
STRUCTURE_LENS_WORDS = ("structure", "form", "repeat")
"""A lens whose name holds one of these words is taken for that kind of annotation (the first that matches)."""


def rhyme_group_lines(view: StudyView, line: int) -> list[int]:
    """The lines of *line*'s section with its rhyme letter (*line* included), in order."""
    here = view.lines[line - 1]
    section = view.section_of(line)
    first, last = (section.start_line, section.end_line) if section else (1, len(view.lines))
    return [
        other.line
        for other in view.lines[first - 1 : last]
        if other.rhyme == here.rhyme and other.kind == "lyric" and here.rhyme
    ]


def rhyme_group_anchors(lyrics: str, view: StudyView, line: int) -> list[Anchor]:
    """One fragment per rhyming word of *line*'s group (a line without a known word: its whole text)."""
    index = LineIndex(lyrics)
    anchors = []
    for number in rhyme_group_lines(view, line):
        study_line = view.lines[number - 1]
        start, _ = index.line_span(number)
        if study_line.rhyme_span is not None:
            first, last = study_line.rhyme_span
        else:
            text = study_line.text
            first, last = len(text) - len(text.lstrip()), len(text.rstrip())
        if last > first:
            anchors.append(anchor_for_range(lyrics, start + first, start + last, index))
    return anchors


def _trimmed_anchor(lyrics: str, start: int, end: int, index: LineIndex) -> Anchor | None:
    """The anchor of lyrics[start:end] without the blanks around it (None when it is all blank)."""
    text = lyrics[start:end]
    first, last = len(text) - len(text.lstrip()), len(text.rstrip())
    if last <= first:
        return None
    return anchor_for_range(lyrics, start + first, start + last, index)


def whole_line_anchor(lyrics: str, number: int, index: LineIndex) -> Anchor | None:
    """The anchor of 1-based line *number*'s words, without the blanks around them (None for a blank line)."""
    return _trimmed_anchor(lyrics, *index.line_span(number), index)


def repeated_line_anchors(lyrics: str, view: StudyView, line: int) -> list[Anchor]:
    """Every place *line* is sung: one fragment per occurrence, in order."""
    index = LineIndex(lyrics)
    numbers = sorted({line, *view.lines[line - 1].repeats})
    return [a for n in numbers if (a := whole_line_anchor(lyrics, n, index)) is not None]


def section_anchor(lyrics: str, view: StudyView, start_line: int) -> Anchor | None:
    """The section starting at *start_line* as one fragment: its lines after the header, blank ends left out."""
    section = next((s for s in view.sections if s.start_line == start_line), None)
    if section is None:
        return None
    numbers = [
        n
        for n in range(section.start_line, section.end_line + 1)
        if n != section.header_line and view.lines[n - 1].kind != "blank"
    ]
    if not numbers:
        return None
    index = LineIndex(lyrics)
    start, _ = index.line_span(numbers[0])
    _, end = index.line_span(numbers[-1])
    return _trimmed_anchor(lyrics, start, end, index)


def lens_for(lenses: list[Lens], words: tuple[str, ...]) -> str | None:
    """The id of the first lens whose name holds one of *words* (None: no such lens)."""
    for word in words:
        for lens in lenses:
            if word in fold(lens.name):
                return lens.id
    return None
