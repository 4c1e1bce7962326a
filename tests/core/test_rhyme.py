"""Rhyme schemes (lyricpad.core.rhyme): how two words rhyme, the letters of a section, the labelled verses."""

import pytest
from helpers.verse_set import load_verses, score

from lyricpad.core.rhyme import rhyme_quality, rhyme_scheme, rhyming_word, spelling_key


@pytest.mark.parametrize(
    ("first", "second", "quality"),
    [
        ("night", "light", "perfect"),
        ("fire", "wire", "perfect"),
        ("cigarette", "yet", "perfect"),  # from the last stressed vowel
        ("can", "can", "perfect"),  # the same word
        ("time", "mine", "near"),  # nasals are one family
        ("home", "alone", "near"),
        ("mind", "time", "near"),  # a family and a dropped consonant
        ("slower", "closer", "near"),
        ("forgot", "brought", "near"),  # the same consonant after close vowels
        ("radio", "ohio", "near"),  # the same last vowel, one unstressed
        ("up", "enough", "near"),
        ("basement", "statement", "near"),  # two syllables, one consonant swapped
        ("precision", "mission", "near"),
        ("magic", "panic", "near"),
        ("mother", "number", None),  # not with a bare reduced "-er" after
        ("water", "longer", None),
        ("sister", "winter", None),
        ("evening", "feeling", None),  # nor with different numbers of consonants between
        ("1980s", "eighties", "perfect"),  # a number rhymes by its last spoken word
        ("'68", "plate", "perfect"),
        ("21st", "burst", "perfect"),
        ("zorblax", "wax", "spelling"),  # an unknown word rhymes by spelling
        ("lie", "life", None),  # an open and a closed syllable
        ("wire", "after", None),  # a shared reduced last vowel is no rhyme
        ("room", "drum", None),
        ("flame", "grace", None),
    ],
)
def test_english_pairs(first, second, quality):
    assert rhyme_quality(first, second, "en") == quality
    assert rhyme_quality(second, first, "en") == quality


@pytest.mark.parametrize(
    ("language", "first", "second", "rhymes"),
    [
        ("de", "stadt", "satt", True),
        ("de", "sonne", "wonne", True),  # from the vowel before a reduced syllable
        ("de", "sonne", "ohne", False),
        ("de", "gleis", "weiß", True),
        ("de", "kahl", "pokal", True),
        ("de", "zehn", "wiedersehn", True),  # a lengthening h: the last vowel is stressed, not reduced
        ("de", "mehr", "verkehr", True),
        ("de", "wasser", "verkehr", False),
        ("es", "puente", "repente", True),  # the glide is no part of the rhyme
        ("es", "corazón", "canción", True),
        ("es", "noche", "coche", True),
        ("es", "noche", "canción", False),
    ],
)
def test_spelling_keys(language, first, second, rhymes):
    assert (spelling_key(first, language) == spelling_key(second, language)) is rhymes
    assert rhyme_quality(first, second, language) == ("spelling" if rhymes else None)


@pytest.mark.parametrize(
    ("language", "number", "word", "quality"),
    [
        ("de", "17", "zehn", "spelling"),  # siebzehn
        ("de", "17", "Liebe", None),
        ("es", "2", "adiós", "spelling"),  # dos
        ("fr", "12", "douze", None),  # no number words: no rhyme
    ],
)
def test_numbers_rhyme_by_their_last_spoken_word(language, number, word, quality):
    assert rhyme_quality(number, word.lower(), language) == quality


def test_letters_in_order_of_first_appearance_with_gaps_kept():
    lines = ["Out in the rain", None, "Under the sun", "Calling your name again", "The day is done", "Alone"]
    marks = rhyme_scheme(lines, "en")
    assert [m.letter if m else None for m in marks] == ["A", None, "B", "A", "B", "C"]
    assert [m.quality if m else None for m in marks] == [
        "perfect",
        None,
        "perfect",
        "perfect",
        "perfect",
        None,
    ]


def test_a_line_joins_the_earliest_group_and_prefers_a_perfect_rhyme():
    marks = rhyme_scheme(["all of the time", "out of my mind", "yours and mine"], "en")
    assert [m.letter for m in marks] == ["A", "A", "A"]
    assert [m.quality for m in marks] == ["near", "near", "near"]
    marks = rhyme_scheme(["the sign", "of the time", "the line"], "en")
    assert [(m.letter, m.quality) for m in marks] == [("A", "perfect"), ("A", "near"), ("A", "perfect")]


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("Gears in the attic (gears, gears)", "attic"),
        ("And a trucker singing 'Goodnight, Goodnight'...", "Goodnight"),
        ("Heart-to-heart!", "heart"),
        ("(ooh, ooh)", "ooh"),
    ],
)
def test_the_rhyming_word_and_its_span(line, word):
    folded, (start, end) = rhyming_word(line)
    assert line[start:end] == word and folded == word.lower()


def _score(language):
    return score(
        [verse for verse in load_verses() if verse.language == language],
        lambda text, lang: None,
        lambda lines, lang: [m.letter if m else None for m in rhyme_scheme(lines, lang)],
    )


@pytest.mark.parametrize("language", ["en", "de", "es"])
def test_rhyme_letters_on_the_labelled_set(language):
    result = _score(language)
    assert result.rate("rhyme_right") >= 0.9, [m for m in result.misses if str(m[2]).startswith("rhyme")]


@pytest.mark.parametrize(
    ("first", "second"),
    [("leer", "mehr"), ("Meer", "sehr"), ("Boot", "rot"), ("See", "geh"), ("Staat", "Rat")],
)
def test_german_long_vowels_rhyme_however_they_are_spelt(first, second):
    # a doubled vowel and a vowel with a lengthening h are the same long vowel (the new-user trial's leer/mehr)
    assert rhyme_quality(first, second, "de") == "spelling"
