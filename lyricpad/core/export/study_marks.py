"""Scheme letters and syllable counts in exports: the study view's marks after each lyric line.

A lyric line of the digest or the handout ends with its mark, ``⟨8 · A⟩`` (8 syllables, rhyme
letter A within its section); a line with only one of them shows that one (``⟨4⟩`` for backing
vocals, which stay out of the rhyme scheme). The values are those of the window's study view,
the user's corrections applied. In the digest, each section of the study view opens with a
heading naming it (its header line, when it has one, becomes that heading; a bold label would
read as a highlighted line), so the letters read per section, as they were lettered.

A chord line and the line sung under it are written as code spans of the same monospaced font,
their runs of spaces non-breaking (a browser collapses spaces even in code): each chord stays
over its word's column, which the proportional font of a rendered paragraph cannot keep.
"""

from __future__ import annotations

from collections.abc import Container

from lyricpad.core.export.commonmark import code_span, escape_text, spaced_line
from lyricpad.core.models import Song
from lyricpad.core.study import Section, StudyLine, StudyView, song_study_language, study

OPEN, SEPARATOR, CLOSE = "⟨", " · ", "⟩"
"""How a mark is written: angle brackets no lyric line uses, and no Markdown reader acts on."""


def song_study(library, song: Song) -> StudyView:
    """The study view of *song* as the window shows it: in the song's language, its corrections applied."""
    language = song_study_language(song.language)  # never refused: an export never fails on a language
    return study(song.lyrics, language=language, corrections=library.corrections.for_song(song.id))


def line_mark(line: StudyLine) -> str:
    """The mark written after *line*: "⟨8 · A⟩", "⟨4⟩", "⟨A⟩", or "" (a line with neither)."""
    parts = [str(line.syllables)] if line.syllables is not None else []
    parts += [line.rhyme] if line.rhyme else []
    return f"{OPEN}{SEPARATOR.join(parts)}{CLOSE}" if parts else ""


def section_label(section: Section) -> str:
    """A section's name as a reader sees it ("Chorus: All"); an unnamed one is "Section"."""
    return " ".join(section.name.split()) or "Section"


def section_starts(view: StudyView) -> dict[int, Section]:
    """The sections by their first line."""
    return {section.start_line: section for section in view.sections}


def _under_chords(view: StudyView, line: StudyLine) -> bool:
    """Whether *line* is sung under a chord line (the line just above it holds the chords)."""
    return line.kind in ("lyric", "backing") and line.line > 1 and view.lines[line.line - 2].kind == "chords"


def _monospaced_line(text: str, *, mark: str = "") -> str:
    """*text* as a code span keeping its columns: every space non-breaking, so that no reader collapses
    a run of them; *mark* (``**``) around it for a highlighted line."""
    span = code_span(text.expandtabs().rstrip().replace(" ", "\u00a0"))
    return f"{mark}{span}{mark}"


def markdown_lyrics(
    view: StudyView, heading: str, *, obsidian: bool, hard_break: str, marked: Container[int], mark: str
) -> list[str]:
    """The full lyrics of the digest with the marks: a *heading* ("###") per section, then its stanzas.

    Stanzas are paragraphs, their lines joined by *hard_break*; the lines in *marked* are wrapped
    in *mark* (the highlighted ones); a chord line and the line under it are monospaced (`_monospaced_line`).
    """
    starts = section_starts(view)
    out: list[str] = []
    stanza: list[str] = []

    def flush() -> None:
        if stanza:
            out.extend([""] if out else [])
            out.extend([text + hard_break for text in stanza[:-1]] + stanza[-1:])
            stanza.clear()

    for line in view.lines:
        section = starts.get(line.line)
        if section is not None:
            flush()
            out.extend([""] if out else [])
            out.append(f"{heading} {escape_text(section_label(section), obsidian=obsidian)}")
            if section.header_line == line.line and line.kind == "header":
                continue  # the header line is the heading (one with words after it is printed too)
        if not line.text.strip():
            flush()
            continue
        highlight = mark if line.line in marked else ""
        if line.kind == "chords" or _under_chords(view, line):
            text = _monospaced_line(line.text, mark=highlight)
        else:
            text = spaced_line(line.text, obsidian=obsidian, mark=highlight)
        shown = line_mark(line)
        stanza.append(f"{text} {escape_text(shown, obsidian=obsidian)}" if shown else text)
    flush()
    return out
