"""The study view: form, sound and rhyme put together per line, the user's corrections over them, its JSON."""

import pytest

from lyricpad.core.demo import DEMO_LYRICS
from lyricpad.core.study import (
    Correction,
    LanguageUnsupported,
    corrected_view,
    study,
    study_json,
    study_language,
)

SIMPLE = """[Verse 1]
The cat sat on the mat,
a dog lay on a log,
I wore a hat like that,
and walked into the fog.

[Chorus]
Sing it loud (sing it loud)
ring the bell
(ooh, ooh)
Sing it loud, ring the bell"""


def line(view, number):
    found = view.lines[number - 1]
    assert found.line == number
    return found


def test_every_line_is_there_once_with_its_kind():
    view = study(DEMO_LYRICS)
    assert [entry.line for entry in view.lines] == list(range(1, len(DEMO_LYRICS.split("\n")) + 1))
    assert [entry.text for entry in view.lines] == DEMO_LYRICS.split("\n")
    assert (
        line(view, 1).kind == "header" and line(view, 6).kind == "blank" and line(view, 15).kind == "chords"
    )
    assert line(view, 10).kind == "backing" and line(view, 2).kind == "lyric"
    assert view.language == "en"


def test_lyric_lines_have_sound_and_a_rhyme_others_do_not():
    view = study(SIMPLE)
    for number in (1, 6, 7):  # header, blank, header
        entry = line(view, number)
        assert (entry.syllables, entry.stress, entry.rhyme) == (None, None, None)
    cat = line(view, 2)
    assert cat.syllables == 6
    assert cat.stress is not None and len(cat.stress.split()) == 6 and set(cat.stress.split()) <= {"x", "/"}
    assert cat.rhyme == "A" and cat.rhyme_span == (19, 22)  # "mat"


def test_rhymes_are_lettered_within_each_section():
    view = study(SIMPLE)
    assert [line(view, n).rhyme for n in (2, 3, 4, 5)] == ["A", "B", "A", "B"]
    assert line(view, 8).rhyme == "A"  # a new section starts again at A


def test_backing_lines_are_counted_but_stay_out_of_the_rhyme_scheme():
    view = study(SIMPLE)
    backing = line(view, 10)
    assert backing.kind == "backing" and backing.syllables == 2 and backing.rhyme is None
    # The backing vocals of a lyric line are not counted in it.
    assert line(view, 8).syllables == line(view, 11).syllables - 3 == 3


def test_sections_and_repeats_come_from_the_form():
    view = study(DEMO_LYRICS)
    assert [s.name for s in view.sections][:3] == ["Verse 1", "Chorus", "Verse 2"]
    assert view.sections[3].repeat_of == 7
    assert line(view, 8).repeats == (22, 35)
    assert view.section_of(9).name == "Chorus" and view.section_of(6) is None


def test_corrections_override_what_was_computed_and_say_so():
    computed = study(SIMPLE)
    fixes = [
        Correction(2, "syllables", "7"),
        Correction(3, "stress", "/ x / x / x"),
        Correction(4, "rhyme", "C"),
        Correction(12, "syllables", "9"),  # a line that is not there: nothing happens
    ]
    view = study(SIMPLE, corrections=fixes)
    assert line(view, 2).syllables == 7 and line(view, 2).corrected == {"syllables"}
    assert line(view, 3).stress == "/ x / x / x" and line(view, 3).corrected == {"stress"}
    assert line(view, 4).rhyme == "C" and line(view, 4).rhyme_quality is None
    # A corrected letter re-letters nothing else.
    assert [line(view, n).rhyme for n in (2, 3, 5)] == [line(computed, n).rhyme for n in (2, 3, 5)]
    assert line(view, 5).corrected == frozenset() and line(view, 5) == line(computed, 5)


@pytest.mark.parametrize("compute", ["study", "corrected_view"])
def test_a_corrected_syllable_count_drops_a_stress_pattern_that_no_longer_fits(compute):
    fixes = [
        Correction(2, "syllables", "7"),  # computed 6: the 6-mark pattern cannot be this line's
        Correction(3, "syllables", "6"),  # computed 6 too: its pattern still fits, it stays
        Correction(4, "syllables", "5"),
        Correction(4, "stress", "x / x / x"),  # corrected too: the user's pattern is kept
    ]
    computed = study(SIMPLE)
    view = study(SIMPLE, corrections=fixes) if compute == "study" else corrected_view(computed, fixes)
    assert line(computed, 2).stress is not None and line(view, 2).stress is None
    assert line(view, 2).syllables == 7 and line(view, 2).corrected == {"syllables"}
    assert line(view, 3).stress == line(computed, 3).stress
    assert line(view, 4).stress == "x / x / x" and line(view, 4).corrected == {"syllables", "stress"}
    assert study_json(view)["lines"][1]["stress"] is None


def test_a_syllable_correction_that_is_not_a_count_is_not_applied():
    view = study(SIMPLE, corrections=[Correction(2, "syllables", "six")])
    assert line(view, 2).syllables == 6 and line(view, 2).corrected == frozenset()


def test_a_section_correction_moves_the_boundaries():
    view = study(SIMPLE, corrections=[Correction(4, "section", "Turn"), Correction(7, "section", "")])
    assert [(s.name, s.start_line, s.end_line) for s in view.sections] == [
        ("Verse 1", 1, 3),
        ("Turn", 4, 11),
    ]
    assert (
        line(view, 4).corrected == {"section"} and line(view, 4).rhyme == "A"
    )  # lettered in its new section


def test_the_json_has_the_issue_keys_and_1_based_lines():
    data = study_json(study(DEMO_LYRICS))
    assert data["sections"][3] == {
        "name": "Chorus",
        "start_line": 21,
        "end_line": 26,
        "repeat_of": 7,
        "inferred": False,
    }
    first = data["lines"][0]
    assert {"line", "text", "kind", "syllables", "stress", "rhyme", "repeats"} <= set(first)
    assert first["line"] == 1 and first["kind"] == "header" and first["repeats"] == []
    assert data["lines"][7]["repeats"] == [22, 35]


def test_empty_lyrics_make_an_empty_view():
    view = study("")
    assert view.lines == () and view.sections == ()


def test_another_language_counts_through_hyphenation():
    view = study("[Strophe]\nDie Sonne scheint so hell", language="de")
    assert view.language == "de" and line(view, 2).syllables == 6  # Die Son-ne scheint so hell


@pytest.mark.parametrize(
    "value,code",
    [
        ("", "en"),
        ("en", "en"),
        ("EN-gb", "en"),
        ("en_US", "en"),
        ("de", "de"),
        ("fr", "fr"),
        ("pt-BR", "pt"),
        ("English", "en"),
        ("Deutsch", "de"),
    ],
)
def test_study_languages(value, code):
    assert study_language(value) == code


@pytest.mark.parametrize("value", ["ja", "xx", "xx-YY", "klingon", "Japanese"])
def test_languages_without_syllable_rules_are_refused_clearly(value):
    with pytest.raises(LanguageUnsupported, match=f"no syllable rules for the language '{value}'"):
        study_language(value)
