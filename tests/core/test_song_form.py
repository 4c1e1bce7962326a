"""A song's form: line kinds from the lyrics lexer, sections from headers or blank-line blocks, repeats."""

import json
from pathlib import Path

import pytest

from lyricpad.core.demo import DEMO_LYRICS
from lyricpad.core.song_form import analyse_form, line_kind, line_parts, repeats, words_key

FORM_DATA = Path(__file__).parent.parent / "data" / "study" / "form"
EXPECTED = json.loads((FORM_DATA / "expected.json").read_text(encoding="utf-8"))


def form(text: str, boundaries=None) -> list[tuple]:
    lines = text.split("\n")
    kinds = [line_kind(line) for line in lines]
    sections = analyse_form(lines, kinds, boundaries or {})
    return [(s.name, s.start_line, s.end_line, s.repeat_of) for s in sections]


@pytest.mark.parametrize(
    "line,kind",
    [
        ("[Verse 1]", "header"),
        ("[Chorus]", "header"),
        ("[Pre-Chorus]", "header"),
        ("[Bridge: Both]", "header"),
        ("  🎵 [Outro]  ", "header"),
        ("[Chorus] (x2)", "header"),
        ("", "blank"),
        ("  \t", "blank"),
        ("G   D/F#  Em  C", "chords"),
        ("| Am | F |", "chords"),
        ("Am", "chords"),
        ("(x2)", "chords"),
        ("(ooh, ooh)", "backing"),
        ("(carry what (we) never said) (x2)", "backing"),
        ("So light a lantern, set it on the water,", "lyric"),
        ("I walk alone (alone)", "lyric"),
        ("A", "lyric"),  # the word, as the lexer reads it
        ("[Refrain] hold on", "lyric"),  # a header, then words: it starts a section and is sung
        ("she said [laughs]", "lyric"),
    ],
)
def test_line_kinds_follow_the_lexer(line, kind):
    assert line_kind(line) == kind


@pytest.mark.parametrize(
    "line,header",
    [
        ("[Verse 1]", "Verse 1"),
        ("[Bridge: Both]", "Bridge: Both"),
        ("[Bridge:]", "Bridge"),
        ("[ Pre-Chorus   2 ]", "Pre-Chorus 2"),
        ("🎵 [Chorus]", "Chorus"),
        ("[Refrain] hold on", "Refrain"),
        ("hold on", None),
    ],
)
def test_header_names(line, header):
    assert line_parts(line).header == header


def test_the_words_to_count_keep_their_offsets():
    line = "[Refrain] hold on (hold on) (x2)"
    sound = line_parts(line).sound
    assert len(sound) == len(line)
    assert sound.split() == ["hold", "on"] and sound.index("hold") == line.index("hold")
    backing = line_parts("(carry what we never said)").sound
    assert backing.split() == ["carry", "what", "we", "never", "said"] and backing.index("carry") == 1


def test_words_are_folded():
    assert words_key("Oh, RIVER   river — take me home...") == words_key("oh river river take me home")
    assert words_key("I've walked") == words_key("Ive walked")
    assert words_key("Ça va") == words_key("ça VA")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sections_of_songs_without_headers(name):
    text = (FORM_DATA / name).read_text(encoding="utf-8")
    assert form(text) == [tuple(section) for section in EXPECTED[name]]


def test_inferred_sections_are_marked_inferred():
    lines = (FORM_DATA / "verse_chorus.txt").read_text(encoding="utf-8").split("\n")
    sections = analyse_form(lines, [line_kind(line) for line in lines], {})
    assert all(s.inferred and s.header_line is None for s in sections)


def test_sections_of_the_demo_song_follow_its_headers():
    assert form(DEMO_LYRICS) == [
        ("Verse 1", 1, 5, None),
        ("Chorus", 7, 12, None),
        ("Verse 2", 14, 19, None),
        ("Chorus", 21, 26, 7),
        ("Bridge: Both", 28, 32, None),
        ("Chorus", 34, 36, None),  # two lines of the chorus only: not the same lyrics
        ("Outro", 38, 39, None),
    ]


def test_a_header_with_nothing_under_it_repeats_the_section_of_that_name():
    text = "[Chorus]\nla la la\nla la lo\n\n[Verse 1]\nwords here\n\n[Chorus]\n\n[Outro]\n(fade)"
    assert form(text) == [
        ("Chorus", 1, 3, None),
        ("Verse 1", 5, 6, None),
        ("Chorus", 8, 8, 1),
        ("Outro", 10, 11, None),
    ]


def test_a_second_chorus_with_the_same_words_repeats_the_first_whatever_its_case():
    text = "[Chorus]\nHold on, hold on\n\n[Verse]\nfar away\n\n[Chorus 2]\nhold on hold on!"
    assert form(text)[-1] == ("Chorus 2", 7, 8, 1)


def test_lines_before_the_first_header_make_a_section_only_with_words():
    assert form("G C D\n\n[Verse 1]\nwords") == [("Verse 1", 3, 4, None)]
    assert form("\nfirst words\n\n[Verse 1]\nwords") == [("", 2, 2, None), ("Verse 1", 4, 5, None)]


def test_user_boundaries_add_rename_and_remove_sections():
    text = (FORM_DATA / "verse_chorus.txt").read_text(encoding="utf-8")
    assert form(text, {3: "Pre-Chorus"})[:2] == [("Verse 1", 1, 2, None), ("Pre-Chorus", 3, 4, None)]
    assert form(text, {11: "Middle eight"})[2] == ("Middle eight", 11, 14, None)
    merged = form(text, {6: ""})
    assert merged[0] == ("Verse 1", 1, 9, None) and len(merged) == 3
    assert form(text, {99: "Gone", 0: "Nothing"}) == form(text)  # lines that are not there are ignored


def test_a_removed_header_boundary_joins_the_section_before():
    text = "[Verse 1]\na b\n\n[Chorus]\nc d\n\n[Verse 2]\ne f"
    assert form(text, {4: ""}) == [("Verse 1", 1, 5, None), ("Verse 2", 7, 8, None)]


def test_repeats_list_the_other_lines_with_the_same_words():
    lines = DEMO_LYRICS.split("\n")
    found = repeats(lines, [line_kind(line) for line in lines])
    assert found[7] == (22, 35)  # line 8, the chorus's first line
    assert found[21] == (8, 35)
    assert found[9] == (24,)  # the backing line, repeated in the second chorus
    assert found[0] == () and found[5] == () and found[14] == ()  # header, blank, chords
    assert found[1] == ()  # a verse line heard once


def test_repeats_leave_backing_vocals_and_repeat_marks_out_of_a_lyric_line():
    lines = ["I walk alone (alone)", "I WALK ALONE", "(I walk alone)", "i walk alone (x2)", "[Chorus]"]
    assert repeats(lines, [line_kind(line) for line in lines]) == [
        (2, 3, 4),
        (1, 3, 4),
        (1, 2, 4),
        (1, 2, 3),
        (),
    ]
