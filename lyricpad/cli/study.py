"""The `study` command: a song's form, syllables, stress and rhyme scheme, as a table or JSON."""

from __future__ import annotations

import sys

from lyricpad.cli.output import print_json, say
from lyricpad.core.errors import InvalidValue
from lyricpad.core.languages import is_language, not_a_language
from lyricpad.core.store import Library
from lyricpad.core.study import StudyLine, StudyView, song_study_language, study, study_json
from lyricpad.core.text import lines_label


def cmd_study(library: Library, args) -> int:
    song = library.songs.resolve(args.song_ref)
    # The song's own language unless given; one without syllable rules still has its form and repeats.
    if args.language and not is_language(args.language):  # "" is the song's own language
        raise InvalidValue(not_a_language("--language", args.language))
    language = song_study_language(args.language if args.language is not None else song.language)
    view = study(song.lyrics, language=language, corrections=library.corrections.for_song(song.id))
    if view.note:
        say(f"lyricpad study: {view.note}", file=sys.stderr)
    if args.json:
        print_json(study_json(view))
        return 0
    say(f"{song.display_name} (language: {view.language})")
    _print_table(view)
    return 0


def _print_table(view: StudyView) -> None:
    width = len(str(len(view.lines)))
    stress_width = max(
        (len(line.stress or "") + ("stress" in line.corrected) for line in view.lines), default=0
    )  # a corrected pattern is marked with a "*"
    starts = {section.start_line: section for section in view.sections}
    say()
    say(f"{'line':>{max(width, 4)}}  syl  {'stress':<{stress_width}}  rhyme  text".rstrip())
    for line in view.lines:
        section = starts.get(line.line)
        if section is not None:
            again = f", repeats line {section.repeat_of}" if section.repeat_of else ""
            say(
                f"\n== {section.name or '(untitled)'} ({lines_label(section.start_line, section.end_line)}{again})"
            )
        say(_row(line, max(width, 4), stress_width))
    key = [
        mark
        for mark, used in (
            ("* corrected", any(line.corrected - {"section"} for line in view.lines)),
            ("~ near rhyme", any(line.rhyme_quality == "near" for line in view.lines)),
            ("? rhymes by spelling", any(line.rhyme_quality == "spelling" for line in view.lines)),
        )
        if used
    ]
    if key:
        say("\n" + ";  ".join(key))


def _row(line: StudyLine, width: int, stress_width: int) -> str:
    def value(name: str, shown) -> str:
        return "" if shown is None else f"{shown}*" if name in line.corrected else str(shown)

    rhyme = value("rhyme", line.rhyme)
    if line.rhyme_quality == "near":
        rhyme += "~"  # a near (slant) rhyme
    elif line.rhyme_quality == "spelling":
        rhyme += "?"  # rhymes by spelling only: the word is not in the dictionary
    again = f"  (again: {', '.join(map(str, line.repeats))})" if line.repeats else ""
    return (
        f"{line.line:>{width}}  {value('syllables', line.syllables):>3}  "
        f"{value('stress', line.stress):<{stress_width}}  {rhyme:<5}  {line.text}{again}"
    ).rstrip()
