"""`lyricpad study`: a song's sections, syllables, stress and rhyme letters, as JSON or a table."""

import pytest
from cli_testing import data_dump

from lyricpad.core.demo import DEMO_LYRICS, DEMO_TITLE
from lyricpad.core.store import Library

GERMAN = (
    "Die Sonne scheint so hell\nder Himmel ist so blau\n\nDie Sonne scheint so hell\nder Himmel ist so blau"
)


@pytest.fixture
def german_song(library_path):
    """A song in German, with no headers: the chorus is the block heard twice."""
    with Library.open(library_path) as library:
        return library.songs.add("Sonnenlied", lyrics=GERMAN, language="de").id


def test_json_has_the_sections_and_the_lines_the_issue_names(cli_json):
    data = cli_json("study", DEMO_TITLE)
    assert set(data) >= {"sections", "lines"}
    assert [set(s) >= {"name", "start_line", "end_line", "repeat_of"} for s in data["sections"]] == [True] * 7
    assert [(s["name"], s["start_line"], s["end_line"], s["repeat_of"]) for s in data["sections"][:4]] == [
        ("Verse 1", 1, 5, None),
        ("Chorus", 7, 12, None),
        ("Verse 2", 14, 19, None),
        ("Chorus", 21, 26, 7),
    ]
    lines = data["lines"]
    assert [entry["line"] for entry in lines] == list(range(1, len(DEMO_LYRICS.split("\n")) + 1))
    assert all({"line", "text", "kind", "syllables", "stress", "rhyme", "repeats"} <= set(e) for e in lines)
    assert lines[0]["kind"] == "header" and lines[0]["syllables"] is None and lines[0]["rhyme"] is None
    assert lines[14]["kind"] == "chords" and lines[9]["kind"] == "backing" and lines[9]["rhyme"] is None
    verse = lines[1:5]
    assert [e["rhyme"] for e in verse] == ["A", "B", "A", "B"]  # wings, boats, sings, quotes
    assert verse[0]["syllables"] == 10 and verse[0]["stress"].count(" ") == 9
    assert lines[7]["repeats"] == [22, 35] and lines[7]["text"] == DEMO_LYRICS.split("\n")[7]


def test_the_table_shows_sections_counts_and_letters(cli):
    code, out, err = cli("study", DEMO_TITLE)
    assert code == 0 and err == ""
    assert "== Chorus (lines 21-26, repeats line 7)" in out and "== Bridge: Both (lines 28-32)" in out
    row = next(
        row for row in out.splitlines() if row.endswith("The harbour lights are folding up their wings,")
    )
    assert row.split()[:3] == ["2", "10", "x"] and " A " in row


def test_the_song_resolves_like_other_commands(cli, cli_json):
    by_title = cli_json("study", DEMO_TITLE.upper())
    song_id = cli_json("songs")[0]["id"]
    assert cli_json("study", song_id[:6]) == by_title
    code, out, err = cli("study", "Lanterns")
    assert code == 1 and out == "" and "did you mean" in err and DEMO_TITLE in err


def test_the_songs_language_is_used_and_can_be_overridden(cli_json, german_song):
    data = cli_json("study", "Sonnenlied")
    assert data["language"] == "de"
    assert data["lines"][0]["syllables"] == 6  # Die Son-ne scheint so hell
    assert [(s["name"], s["start_line"], s["repeat_of"]) for s in data["sections"]] == [
        ("Chorus", 1, None),
        ("Chorus", 4, 1),
    ]
    assert cli_json("study", "Sonnenlied", "--language", "en")["language"] == "en"


@pytest.mark.parametrize(("language", "code"), [("ja", "ja"), ("xx-YY", "xx"), ("", "en")])
def test_a_language_without_rules_still_shows_form_and_repeats(cli, cli_json, library_path, language, code):
    cli("songs")
    before = data_dump(library_path)
    status, out, err = cli("study", DEMO_TITLE, "--language", language)
    assert status == 0 and "Traceback" not in err and "== " in out  # the sections are printed
    if code == "en":  # "" is the song's own language: English
        assert "no syllable rules" not in err
    else:
        assert f"no syllable rules for {'Japanese (ja)' if code == 'ja' else code}:" in err
        data = cli_json("study", DEMO_TITLE, "--language", language)
        assert data["language"] == code and "no syllable rules" in data["note"]
        assert data["sections"] and any(line["repeats"] for line in data["lines"])
    assert data_dump(library_path) == before


def test_study_changes_nothing(cli, library_path):
    cli("songs")
    before = data_dump(library_path)
    assert cli("study", DEMO_TITLE, "--json")[0] == 0
    assert data_dump(library_path) == before


def test_stored_corrections_are_applied_and_marked(cli, cli_json, library_path):
    with Library.open(library_path) as library:
        song_id = library.songs.resolve(DEMO_TITLE).id
        library.corrections.set(song_id, 2, "syllables", "11")
        library.corrections.set(song_id, 3, "rhyme", "C")
        library.corrections.set(song_id, 28, "section", "Middle eight")
    data = cli_json("study", DEMO_TITLE)
    assert data["lines"][1]["syllables"] == 11 and data["lines"][1]["corrected"] == ["syllables"]
    assert [e["rhyme"] for e in data["lines"][1:5]] == ["A", "C", "A", "B"]  # line 5 keeps its letter
    assert data["sections"][4]["name"] == "Middle eight" and data["sections"][4]["start_line"] == 28
    code, out, _ = cli("study", DEMO_TITLE)
    assert "== Middle eight (lines 28-32)" in out and "* corrected" in out
    row = next(
        row for row in out.splitlines() if row.endswith("The harbour lights are folding up their wings,")
    )
    assert row.split()[:2] == ["2", "11*"]


def test_a_corrected_stress_pattern_keeps_the_table_in_its_columns(cli, library_path):
    with Library.open(library_path) as library:
        song_id = library.songs.resolve(DEMO_TITLE).id
        library.corrections.set(
            song_id, 3, "stress", "x / x / x / x / x / x /"
        )  # the longest pattern, marked
    _code, out, _err = cli("study", DEMO_TITLE)
    texts = ("The harbour lights", "the gulls have gone")  # lines 2 and 3 (3 corrected)
    starts = [row.index(text) for row in out.splitlines() for text in texts if text in row]
    assert len(starts) == 2 and starts[0] == starts[1]  # the corrected row's text starts where the others' do


@pytest.mark.parametrize("language", ["Germna", "12"])
def test_a_language_that_is_no_language_is_refused(cli, language):
    status, out, err = cli("study", DEMO_TITLE, "--language", language)
    assert status == 1 and out == "" and f"--language {language!r} is not a language" in err
