"""Normalisation on the way in, and line arithmetic."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lyricpad.core.text import LineIndex, normalise_line, normalise_text


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\u2028b\u2029c", "a\nb\nc"),
        ("\ufeffhello", "hello"),
        ("\ufeff\ufeffhello", "hello"),
        ("a\ufeffb", "a\ufeffb"),  # inside the text it is a zero-width no-break space, kept
        ("e\u0301", "\u00e9"),  # NFD to NFC
        ("a\r\n\r\nb\n", "a\n\nb\n"),
        ("plain", "plain"),
        ("", ""),
    ],
)
def test_normalise_text(raw, expected):
    assert normalise_text(raw) == expected


@given(st.text())
def test_normalise_text_is_idempotent_and_complete(raw):
    once = normalise_text(raw)
    assert normalise_text(once) == once
    assert "\r" not in once and "\u2028" not in once and not once.startswith("\ufeff")
    assert unicodedata.is_normalized("NFC", once)
    # Whatever splitlines() sees as a line, we see as a line.
    assert once.split("\n") == (once + "\n").splitlines()


@pytest.mark.parametrize("raw,expected", [("  Two   words\t", "Two words"), ("a\nb", "a b"), ("", "")])
def test_normalise_line(raw, expected):
    assert normalise_line(raw) == expected


def test_line_index():
    text = "one\ntwo\n\nfour"
    index = LineIndex(text)
    assert index.line_count == 4
    assert [index.line_of(i) for i in (0, 3, 4, 8, 9, 12)] == [1, 1, 2, 3, 4, 4]
    assert index.line_span(2) == (4, 7)
    assert index.line_span(3) == (8, 8)
    assert index.line_span(4) == (9, 13)
    # A range ending right after a line break still ends on that line.
    assert index.lines_of_range(0, 4) == (1, 1)
    assert index.lines_of_range(4, 10) == (2, 4)


@given(st.text(alphabet="ab\n", max_size=60))
def test_line_index_agrees_with_counting(text):
    index = LineIndex(text)
    assert index.line_count == text.count("\n") + 1
    for offset in range(len(text)):
        assert index.line_of(offset) == text.count("\n", 0, offset) + 1
    for line in range(1, index.line_count + 1):
        start, end = index.line_span(line)
        assert text[start:end] == text.split("\n")[line - 1]


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("Song\x1b]0;PWNED\x07\x1b[2J", "Song]0;PWNED[2J"),
        ("a\x9bb\x7fc\x00d", "abcd"),
        ("two\x1fwords", "two words"),  # a separator that is whitespace still parts words
        ("\x1b \x07", ""),
    ],
)
def test_one_line_values_lose_control_characters(raw, expected):
    assert normalise_line(raw) == expected


def test_control_characters_are_shown_escaped_tab_and_newline_kept():
    from lyricpad.core.text import show_controls

    assert show_controls("a\tb\nc\x1b[2J\x07\x9b\x7f\x00") == "a\tb\nc\\x1b[2J\\x07\\x9b\\x7f\\x00"
    assert show_controls("café — ♪") == "café — ♪"
