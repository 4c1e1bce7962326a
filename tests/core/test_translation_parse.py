"""Reading a translation from plain text or LRC, aligned line by line with the lyrics, or refused saying where."""

import pytest

from lyricpad.core.languages import language_code, language_name
from lyricpad.core.translation import TranslationRefused, looks_like_lrc, parse_translation

LYRICS = "[Verse]\nThe lantern\non the water\n\n[Chorus]\nHold on"
TIMED = "The lantern\non the water\n\nHold on"
TIMES = [[1000], [2500], None, [4000]]


def test_plain_text_with_the_same_lines():
    parsed = parse_translation(LYRICS, "[Strophe]\nDie Laterne\nauf dem Wasser\n\n[Refrain]\nHalt fest\n\n")
    assert parsed.lines == ("[Strophe]", "Die Laterne", "auf dem Wasser", "", "[Refrain]", "Halt fest")
    assert (parsed.kind, parsed.aligned_by, parsed.translated) == ("plain", "lines", 5)


def test_plain_text_without_headers_or_blank_lines_is_aligned_by_its_lines_of_words():
    parsed = parse_translation(LYRICS, "Die Laterne\nauf dem Wasser\nHalt fest")
    assert parsed.lines == ("", "Die Laterne", "auf dem Wasser", "", "", "Halt fest")
    assert parsed.aligned_by == "lines of words"


def test_plain_text_of_other_lines_is_refused_with_both_counts_and_where_they_part():
    with pytest.raises(TranslationRefused) as refused:
        parse_translation(LYRICS, "[Strophe]\nDie Laterne\n\nauf dem Wasser\n[Refrain]\nHalt fest\nnoch mehr")
    message = str(refused.value)
    assert "the translation has 7 lines (4 of words), the lyrics 6 (3 of words)" in message
    assert "line 3, where the lyrics have “on the water” and the translation a blank line" in message


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("", "no translation"),
        ("\n\n", "no translation"),
        (LYRICS, "the lyrics themselves"),
    ],
)
def test_plain_text_that_is_no_translation_is_refused(text, said):
    with pytest.raises(TranslationRefused, match=said):
        parse_translation(LYRICS, text)


@pytest.mark.parametrize(
    "text",
    [
        # A second LRC with the same timestamps (one rounded to thousandths).
        "[00:01.00]Die Laterne\n[00:02.50]auf dem Wasser\n[00:04.004]Halt fest",
        # The original with a translation line at the same time after each line.
        "[ti:Lantern]\n[00:01.00]The lantern\n[00:01.00]Die Laterne\n[00:02.50]on the water\n"
        "[00:02.50]auf dem Wasser\n[00:04.00]Hold on\n[00:04.00]Halt fest",
        # [tr:xx] lines after the lines they translate, with or without a timestamp.
        "[00:01.00]The lantern\n[tr:de]Die Laterne\n[00:02.50]on the water\n[00:02.50][tr:de]auf dem Wasser\n"
        "[00:04.00]Hold on\n[tr:de] Halt fest",
    ],
    ids=["second-lrc", "same-timestamps", "tr-tags"],
)
def test_lrc_translations_are_matched_by_time(text):
    parsed = parse_translation(TIMED, text, line_times=TIMES)
    assert parsed.lines == ("Die Laterne", "auf dem Wasser", "", "Halt fest")
    assert (parsed.kind, parsed.aligned_by) == ("lrc", "times")
    assert parsed.language == ("de" if "[tr:" in text else "")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A second LRC of the translation alone: its [la:] tag is the translation's language.
        ("[la:de]\n[00:01.00]Die Laterne\n[00:02.50]auf dem Wasser\n[00:04.00]Halt fest", "de"),
        # The original with its translation interleaved: [la:] names the original's language.
        (
            "[la:en]\n[00:01.00]The lantern\n[00:01.00]Die Laterne\n[00:02.50]on the water\n"
            "[00:02.50]auf dem Wasser\n[00:04.00]Hold on\n[00:04.00]Halt fest",
            "",
        ),
        # [tr:xx] names the translation, whatever [la:] says.
        (
            "[la:en]\n[00:01.00]The lantern\n[tr:fr]La lanterne\n[00:02.50]on the water\n[tr:fr]sur l'eau\n"
            "[00:04.00]Hold on\n[tr:fr]Tiens bon",
            "fr",
        ),
    ],
    ids=["second-lrc", "interleaved", "tr-tags"],
)
def test_the_translations_language_is_never_the_originals(text, language):
    assert parse_translation(TIMED, text, line_times=TIMES).language == language


def test_an_untranslated_line_at_its_time_is_kept_as_it_is():
    text = "[00:01.00]Die Laterne\n[00:02.50]on the water\n[00:04.00]Halt fest"
    assert parse_translation(TIMED, text, line_times=TIMES).lines[1] == "on the water"


def test_lrc_with_other_times_is_refused_naming_the_first_line_it_misses():
    with pytest.raises(TranslationRefused) as refused:
        parse_translation(
            TIMED, "[00:01.00]Die Laterne\n[00:03.00]auf dem Wasser\n[00:04.00]Halt", line_times=TIMES
        )
    assert (
        "no line for 1 of the song's 3 timed lines, the first at [00:02.50] (line 2: “on the water”)"
        in str(refused.value)
    )


def test_lrc_for_a_song_without_times_is_refused():
    with pytest.raises(TranslationRefused, match="no LRC times"):
        parse_translation(LYRICS, "[00:01.00]Die Laterne\n[00:02.00]x", kind="lrc")


def test_auto_tells_lrc_from_plain():
    assert looks_like_lrc("[00:01.00]a\n[00:02.00]b\nc")
    assert not looks_like_lrc("[Chorus]\na\nb")


@pytest.mark.parametrize(
    ("value", "code", "name"),
    [
        ("", "en", "English"),
        ("German", "de", "German"),
        ("Deutsch", "de", "German"),
        ("pt-BR", "pt", "Portuguese"),
        ("gd", "gd", "gd"),
        ("Klingon", "klingon", "Klingon"),
    ],
)
def test_language_codes_and_names(value, code, name):
    assert (language_code(value), language_name(value)) == (code, name)
