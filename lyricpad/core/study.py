"""The study view of a song's lyrics: its form, the sound of each line and the rhyme scheme.

One pure function, `study`, computes a `StudyView` from the lyrics, the song's language and the
user's corrections. The parts live in their own rooms: `song_form` (line kinds, sections,
repeats), `prosody` (syllables and stress) and `rhyme` (rhyme scheme). Lines are 1-based.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields

from lyricpad.core.errors import InvalidValue
from lyricpad.core.languages import language_code, language_name
from lyricpad.core.line_map import lyric_lines

CORRECTABLE = ("syllables", "stress", "rhyme", "section")
"""What a user can correct: a line's syllable count, its stress pattern, its rhyme letter, and a
section boundary (`section` on a line starts a section there under that name; an empty value
removes a boundary the view had found there)."""


@dataclass(frozen=True)
class Correction:
    """A user's correction of one computed value, on one line (1-based) of the lyrics as they are now."""

    line: int
    field: str  # one of CORRECTABLE
    value: str  # syllables: digits; stress: "x / x /"; rhyme: a letter; section: a name or ""


@dataclass(frozen=True)
class Section:
    """A section of the song: from *start_line* (its header line, when it has one) to *end_line*, inclusive."""

    name: str
    start_line: int
    end_line: int
    header_line: int | None = None
    inferred: bool = False  # found from blank-line blocks (no header), or named by the view
    repeat_of: int | None = None  # start_line of the first section with the same lyrics


@dataclass(frozen=True)
class StudyLine:
    """What the study view shows beside one line of the lyrics."""

    line: int
    text: str
    kind: str  # "lyric" | "header" | "blank" | "chords" | "backing"
    syllables: int | None = None
    stress: str | None = None  # "x / x /": one mark per syllable, "/" stressed, "x" not; None when the
    # syllables were corrected to a count the computed pattern does not fit (and stress was not corrected)
    rhyme: str | None = None  # the line's letter within its section
    rhyme_quality: str | None = None  # "perfect" | "near" | "spelling" | None (no partner)
    rhyme_span: tuple[int, int] | None = None  # code-point span of the rhyming word within the line
    repeats: Sequence[
        int
    ] = ()  # the other lines with the same words (song_form.OtherLines: reads as a tuple)
    corrected: frozenset[str] = field(default_factory=frozenset)  # fields the user corrected


@dataclass(frozen=True)
class StudyView:
    """The whole study view of one text."""

    language: str
    sections: tuple[Section, ...]
    lines: tuple[StudyLine, ...]
    note: str = (
        ""  # what the view could not do ("" when it did everything): a language without syllable rules
    )

    def section_of(self, line: int) -> Section | None:
        """The section holding *line*, or None (a line before the first section or between them)."""
        for section in self.sections:
            if section.start_line <= line <= section.end_line:
                return section
        return None


def corrections_by_line(corrections: Iterable[Correction]) -> dict[int, dict[str, str]]:
    """The corrections as {line: {field: value}} (a later correction of the same field wins)."""
    table: dict[int, dict[str, str]] = {}
    for correction in corrections:
        table.setdefault(correction.line, {})[correction.field] = correction.value
    return table


class LanguageUnsupported(InvalidValue):
    """A language the study view has no syllable rules for (neither English nor a hyphenation dictionary)."""


def has_syllable_rules(code: str) -> bool:
    """Whether the study view can count syllables in the language *code*: English (the pronunciation
    dictionary) or a language with a hyphenation dictionary (pyphen's)."""
    if code == "en":
        return True
    import pyphen  # only for a language other than English

    return pyphen.language_fallback(code) is not None


def study_language(value: str) -> str:
    """The language code the study view uses for *value* ("en", "de", "pt"...): "" is English, and
    names count too ("German", "Deutsch").

    English is read with the pronunciation dictionary; any other language needs a hyphenation
    dictionary (pyphen's), else LanguageUnsupported says so.
    """
    code = language_code(value)
    if not has_syllable_rules(code):
        raise LanguageUnsupported(
            f"no syllable rules for the language {value.strip()!r}: give English (en) or a language with "
            "a hyphenation dictionary, such as de, es, fr, it, nl, pt, sv"
        )
    return code


def song_study_language(value: str | None) -> str:
    """The language a song's study view is computed in, from the song's language as typed: the one
    place the window, the CLI and the exports resolve it ("German" -> "de", "" -> "en").

    A language without syllable rules ("ja") is kept as its code, never refused: `study` then shows
    the form and repeats, counts syllables by a generic vowel rule where it can, and says so in its note.
    """
    try:
        return study_language(value or "")
    except LanguageUnsupported:
        return language_code(value)


def unsupported_note(code: str) -> str:
    """What a study view in the language *code* cannot do ("" when it has syllable rules)."""
    if has_syllable_rules(code):
        return ""
    name = language_name(code)
    named = name if name == code else f"{name} ({code})"  # a code without a name is said once
    return (
        f"no syllable rules for {named}: the form and repeats are shown; syllables "
        "and rhymes are guessed from Latin vowels and spelling where there are any, else left empty"
    )


def study(lyrics: str, *, language: str = "en", corrections: Iterable[Correction] = ()) -> StudyView:
    """The study view of *lyrics* in *language*, with the user's *corrections* applied over what was computed.

    Lyric lines get syllables, stress and a rhyme letter (lettered per section); backing lines
    get syllables and stress but stay out of the rhyme scheme; headers, chord lines and blank
    lines get none. Loads the pronunciation dictionary on first use (call it off the GUI thread).
    """
    # Imported here: song_form builds on this module's dataclasses, and the sound modules load dictionaries.
    from lyricpad.core import prosody, rhyme
    from lyricpad.core.song_form import analyse_form, line_parts, repeats

    language = language_code(language)
    lines = lyric_lines(lyrics)  # numbered as the corrections and the translation number them
    parts = [line_parts(text) for text in lines]
    kinds = [part.kind for part in parts]
    fixes = corrections_by_line(corrections)
    boundaries = {line: fields["section"] for line, fields in fixes.items() if "section" in fields}
    sections = analyse_form(lines, kinds, boundaries, parts)

    marks: list = [None] * len(lines)
    for first, last in _rhyme_groups(sections, len(lines)):
        numbers = range(first, last + 1)
        entries = [parts[n - 1].sound if kinds[n - 1] == "lyric" else None for n in numbers]
        if any(entry is not None for entry in entries):
            for number, mark in zip(numbers, rhyme.rhyme_scheme(entries, language), strict=True):
                marks[number - 1] = mark

    sounds: dict[str, object] = {}  # a chorus is sounded once
    same = repeats(lines, kinds, parts)
    study_lines = []
    for number, (text, part, mark, others) in enumerate(zip(lines, parts, marks, same, strict=True), 1):
        values: dict = {"line": number, "text": text, "kind": part.kind, "repeats": others}
        if part.kind in ("lyric", "backing"):
            sound = sounds.get(part.sound)
            if sound is None:
                sound = sounds[part.sound] = prosody.line_sound(part.sound, language)
            values.update(syllables=sound.syllables, stress=sound.stress)
        if mark is not None and mark.letter is not None:
            values.update(rhyme=mark.letter, rhyme_quality=mark.quality, rhyme_span=tuple(mark.span))
        values["corrected"] = _apply(values, fixes.get(number, {}))
        study_lines.append(StudyLine(**values))
    return StudyView(language, sections, tuple(study_lines), unsupported_note(language))


def corrected_view(computed: StudyView, corrections: Iterable[Correction]) -> StudyView | None:
    """*computed* (a view without corrections) with *corrections* applied, as `study` would give it, when
    none of them moves a section boundary (None: those change the sections, compute with `study`)."""
    fixes = corrections_by_line(corrections)
    if any("section" in fixed for fixed in fixes.values()):
        return None
    lines = list(computed.lines)
    for number, fixed in fixes.items():
        if 1 <= number <= len(lines):
            values = {f.name: getattr(lines[number - 1], f.name) for f in fields(StudyLine)}
            values["corrected"] = _apply(values, fixed)
            lines[number - 1] = StudyLine(**values)
    return StudyView(computed.language, computed.sections, tuple(lines), computed.note)


def _rhyme_groups(sections: tuple[Section, ...], count: int) -> list[tuple[int, int]]:
    """(first, last) line of every section, and of every run of lines outside the sections."""
    groups = []
    line = 1
    for section in sections:
        if section.start_line > line:
            groups.append((line, section.start_line - 1))
        groups.append((section.start_line, section.end_line))
        line = section.end_line + 1
    if line <= count:
        groups.append((line, count))
    return groups


def _apply(values: dict, fixes: dict[str, str]) -> frozenset[str]:
    """Put the user's corrections of one line into *values*; the fields corrected."""
    corrected = set()
    for name, value in fixes.items():
        if name == "syllables":
            count = value.strip()
            if not (count.isascii() and count.isdigit() and len(count) <= 3):
                continue  # not a count ("²", thousands of digits): left unapplied, never guessed
            values["syllables"] = int(count)
        elif name == "stress":
            values["stress"] = value
        elif name == "rhyme":
            values.update(rhyme=value, rhyme_quality=None)  # its partners are the user's to say
        elif name != "section":
            continue
        corrected.add(name)
    if (
        "syllables" in corrected
        and "stress" not in corrected
        and not _fits(values.get("stress"), values["syllables"])
    ):
        values["stress"] = None  # the computed pattern counts other syllables: none rather than a wrong one
    return frozenset(corrected)


def _fits(stress: str | None, syllables: int) -> bool:
    """Whether the stress pattern *stress* ("x / x /") has one mark per syllable (no pattern fits any count)."""
    return stress is None or len(stress.replace(" ", "")) == syllables


def study_json(view: StudyView) -> dict:
    """The study view as `lyricpad study --json` prints it (lines 1-based)."""
    return {
        "language": view.language,
        **({"note": view.note} if view.note else {}),
        "sections": [
            {
                "name": s.name,
                "start_line": s.start_line,
                "end_line": s.end_line,
                "repeat_of": s.repeat_of,
                "inferred": s.inferred,
            }
            for s in view.sections
        ],
        "lines": [
            {
                "line": line.line,
                "text": line.text,
                "kind": line.kind,
                "syllables": line.syllables,
                "stress": line.stress,
                "rhyme": line.rhyme,
                "rhyme_quality": line.rhyme_quality,
                "repeats": list(line.repeats),
                "corrected": sorted(line.corrected),
            }
            for line in view.lines
        ],
    }
