"""The study view's limits and shared rules (issue 19 review): letters past ZZ, big songs, value guards,
translation line counts, one study language, the lyrics' line convention, chord lines in translations."""

import pytest

from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.check import check_library
from lyricpad.core.errors import InvalidValue
from lyricpad.core.export import export_json
from lyricpad.core.export.handout import handout_html
from lyricpad.core.export.study_marks import song_study
from lyricpad.core.merge import MergeRefused, merge_json
from lyricpad.core.rhyme import MAX_LETTERS, rhyme_scheme
from lyricpad.core.song_form import line_kind, repeats
from lyricpad.core.store import Library
from lyricpad.core.store.corrections import clean_value
from lyricpad.core.study import (
    Correction,
    corrected_view,
    song_study_language,
    study,
    study_json,
)
from lyricpad.core.study_annotating import repeated_line_anchors, section_anchor
from lyricpad.core.translation import parse_translation

LYRICS = "[Verse]\nThe lantern\non the water\n\n[Chorus]\nHold on"
GERMAN = ["[Strophe]", "Die Laterne", "auf dem Wasser", "", "[Refrain]", "Halt fest"]


def _distinct_words(count: int) -> list[str]:
    """Words that rhyme with none of the others (German spelling: one vowel, then three consonants)."""
    consonants, vowels = "bfgklmnprstvz", "aiou"
    words = []
    for i in range(count):
        a, b, c, v = i % 13, i // 13 % 13, i // 169 % 13, i // 2197 % 4
        words.append(f"t{vowels[v]}{consonants[a]}{consonants[b]}{consonants[c]}")
    return words


def test_groups_past_zz_get_no_letter_rather_than_a_crash():
    lines = [f"sing {word}" for word in _distinct_words(MAX_LETTERS + 5)]
    marks = rhyme_scheme(lines, "de")
    letters = [m.letter for m in marks]
    assert letters[:27] == [*"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "AA"] and letters[MAX_LETTERS - 1] == "ZZ"
    assert letters[MAX_LETTERS:] == [None] * 5 and {m.quality for m in marks[MAX_LETTERS:]} == {None}
    view = study("\n".join(lines), language="de")
    assert view.lines[-1].rhyme is None and view.lines[MAX_LETTERS - 1].rhyme == "ZZ"


def test_a_line_sung_thousands_of_times_shares_one_list_of_its_places():
    lines = ["la la la"] * 8000
    found = repeats(lines, [line_kind(line) for line in lines])
    assert found[0] == tuple(range(2, 8001)) and len(found[4999]) == 7999 and 5000 not in found[4999]
    shared = {id(getattr(places, "_group", None)) for places in found}
    assert len(shared) == 1  # one tuple for the group, not 8,000 copies
    view = study("\n".join(["la la la"] * 3000))
    assert {line.rhyme for line in view.lines} == {"A"} and view.lines[-1].repeats[-1] == 2999


@pytest.mark.parametrize("value", ["9" * 5000, "²", "1000", "٣"])
def test_a_syllable_value_that_is_no_small_count_is_refused_or_left_unapplied(value):
    with pytest.raises(InvalidValue, match="whole number"):
        clean_value("syllables", value)
    view = study("I walk alone", corrections=[Correction(1, "syllables", value)])
    assert view.lines[0] == study("I walk alone").lines[0]  # left unapplied


def test_a_huge_syllable_value_in_a_json_file_is_refused_as_a_merge_problem():
    lib = Library.open(None, seed_demo=False)
    song = lib.songs.add("Lantern", lyrics=LYRICS)
    lib.corrections.set(song.id, 2, "syllables", 3)
    data = export_json(lib, exported="2024-05-01T12:00:00.000+00:00")
    data["study_corrections"][0]["value"] = "9" * 5000
    with pytest.raises(MergeRefused, match="syllable count"):
        merge_json(Library.open(None, seed_demo=False), data)


@pytest.mark.parametrize("brk", ["\u2028", "\x0b", "\x0c", "\x85", "\r"])
def test_a_translation_line_with_a_hidden_line_break_is_refused(brk):
    lib = Library.open(None, seed_demo=False)
    song = lib.songs.add("Lantern", lyrics=LYRICS)
    with pytest.raises(InvalidValue, match="line break"):
        lib.translations.set(song.id, [*GERMAN[:-1], f"Halt{brk}fest"])
    lib.translations.set(song.id, GERMAN)
    data = export_json(lib, exported="2024-05-01T12:00:00.000+00:00")
    data["translations"][0]["text"] = "\n".join(GERMAN[:-1]) + f"\nHalt{brk}fest"
    fresh = Library.open(None, seed_demo=False)
    with pytest.raises(MergeRefused, match="has 7 lines, its lyrics 6"):
        merge_json(fresh, data)


def test_check_reports_a_translation_longer_than_its_lyrics(tmp_path):
    with Library.open(tmp_path / "lib.sqlite", seed_demo=False) as lib:
        song = lib.songs.add("Lantern", lyrics=LYRICS)
        lib.translations.set(song.id, GERMAN)
        assert not [p for p in check_library(lib).problems if p.kind == "translations"]
        with lib.write():  # as an older lyricpad could have stored it
            lib.db.execute("UPDATE translations SET text = text || '\nextra' WHERE song_id = ?", [song.id])
        found = [p for p in check_library(lib).problems if p.kind == "translations"]
        assert len(found) == 1 and "7 lines, the lyrics 6" in found[0].what and not found[0].repairable


@pytest.mark.parametrize(
    ("typed", "code"), [("German", "de"), ("Deutsch", "de"), ("de-AT", "de"), ("", "en")]
)
def test_one_study_language_for_window_cli_and_export(typed, code):
    assert song_study_language(typed) == code
    text = "Die Laterne auf dem Wasser\nIch sehe dich im Abendlicht"
    assert study(text, language=typed) == study(text, language=code)


def test_a_language_without_rules_shows_form_and_repeats_and_says_so():
    view = study("[Verse]\n夜空の星\n夜空の星\nkimi no na wa", language=song_study_language("Japanese"))
    assert view.language == "ja" and "no syllable rules for Japanese" in view.note
    assert [s.name for s in view.sections] == ["Verse"] and view.lines[1].repeats == (3,)
    assert view.lines[1].syllables is None and view.lines[3].syllables == 5  # generic vowels where there are
    assert "note" in study_json(view) and "note" not in study_json(study("I walk"))


def test_a_final_newline_ends_the_last_line_as_corrections_count_it():
    view = study("I walk alone\nand talk alone\n")
    assert len(view.lines) == 2 and [line.kind for line in view.lines] == ["lyric", "lyric"]


def test_corrections_applied_to_a_computed_view_match_study():
    text = "[Verse]\nI walk alone\nand talk alone\n\n[Chorus]\nI walk alone"
    fixes = [Correction(2, "syllables", "7"), Correction(3, "rhyme", "B"), Correction(6, "stress", "x /")]
    assert corrected_view(study(text), fixes) == study(text, corrections=fixes)
    assert corrected_view(study(text), [Correction(3, "section", "Pre")]) is None


def test_annotating_from_the_study_view_counts_lines_as_the_lyrics_do():
    lyrics = "[Verse]\nI walk alone\n\nI walk alone\n"
    view = study(lyrics)
    quotes = [a.quote for a in repeated_line_anchors(lyrics, view, 2)]
    assert quotes == ["I walk alone", "I walk alone"]
    assert section_anchor(lyrics, view, 1).quote == "I walk alone\n\nI walk alone"


def test_a_translations_chord_lines_are_not_its_words():
    lyrics = "[Verse]\nAm   G\nThe lantern\non the water"
    parsed = parse_translation(lyrics, "[Strophe]\nC   F\nDie Laterne\nC   F\nauf dem Wasser", kind="plain")
    assert parsed.lines == ("[Strophe]", "", "Die Laterne", "auf dem Wasser")


def test_the_handout_shows_a_notes_time_as_the_digest_does():
    lib = Library.open(None, seed_demo=False)
    song = lib.songs.add("Lantern", lyrics=LYRICS)
    lib.annotations.add(song.id, [anchor_for_lines(LYRICS, 2, 2)], note="breathe here", time_ms=83_000)
    lib.annotations.add(song.id, [anchor_for_lines(LYRICS, 3, 3)], note="no time")
    page = handout_html(lib, song.id)
    assert page.count("at 1:23") == 1
    assert song_study(lib, song).language == "en"
