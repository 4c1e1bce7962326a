"""Anchors: range, quote, context, lines and occurrence, built from ranges, lines or quotes."""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from lyricpad.core.anchoring import (
    CONTEXT_CHARS,
    anchor_for_lines,
    anchor_for_range,
    anchors_for_quote,
    find_occurrences,
    follow_edit,
)
from lyricpad.core.edit_map import EditMap
from lyricpad.core.errors import InvalidAnchor

LYRICS = "[Chorus]\nla la land\nwe sing\n\n[Chorus]\nla la land\nwe sing"


def test_find_occurrences_includes_overlaps():
    assert find_occurrences("aaaa", "aa") == [0, 1, 2]
    assert find_occurrences("abc", "") == []
    assert find_occurrences("abc", "x") == []


def test_anchor_for_range_fields():
    start = LYRICS.index("land")
    anchor = anchor_for_range(LYRICS, start, start + 4)
    assert anchor.quote == "land"
    assert anchor.prefix == LYRICS[max(0, start - CONTEXT_CHARS) : start]
    assert anchor.suffix == LYRICS[start + 4 : start + 4 + CONTEXT_CHARS]
    assert (anchor.line_start, anchor.line_end) == (2, 2)
    assert anchor.occurrence == 1
    second = LYRICS.rindex("land")
    assert anchor_for_range(LYRICS, second, second + 4).occurrence == 2


def test_context_is_clipped_at_the_ends_of_the_text():
    anchor = anchor_for_range("short text", 0, 5)
    assert anchor.prefix == "" and anchor.suffix == " text"


def test_context_counts_code_points_not_bytes():
    text = "🎵" * 40 + "X" + "é" * 40
    anchor = anchor_for_range(text, 40, 41)
    assert anchor.prefix == "🎵" * CONTEXT_CHARS and anchor.suffix == "é" * CONTEXT_CHARS


@pytest.mark.parametrize("start,end", [(-1, 2), (3, 3), (5, 2), (0, len(LYRICS) + 1)])
def test_anchor_for_range_refuses_impossible_ranges(start, end):
    with pytest.raises(InvalidAnchor):
        anchor_for_range(LYRICS, start, end)


def test_anchor_for_range_refuses_blank_text():
    with pytest.raises(InvalidAnchor, match="blank"):
        anchor_for_range(LYRICS, LYRICS.index("\n\n"), LYRICS.index("\n\n") + 2)


def test_anchor_for_lines_covers_whole_lines():
    anchor = anchor_for_lines(LYRICS, 2, 3)
    assert anchor.quote == "la la land\nwe sing"
    assert (anchor.line_start, anchor.line_end) == (2, 3)
    assert anchor_for_lines(LYRICS, 7, 7).quote == "we sing"
    assert anchor_for_lines(LYRICS, 7, 7).occurrence == 2


@pytest.mark.parametrize(
    "first,last,message",
    [(0, 1, "do not exist"), (3, 2, "do not exist"), (7, 8, "1-7"), (4, 4, "line 4 is blank")],
)
def test_anchor_for_lines_refuses(first, last, message):
    with pytest.raises(InvalidAnchor, match=message):
        anchor_for_lines(LYRICS, first, last)


@pytest.mark.parametrize("text", ["", "\n\n", "  \n"])
def test_anchor_for_lines_in_empty_text(text):
    with pytest.raises(InvalidAnchor, match="the text is empty"):
        anchor_for_lines(text, 1, 1)


@pytest.mark.parametrize(
    "first,last,quote,lines",
    [
        (3, 4, "we sing", (3, 3)),  # a blank line at the end is left out
        (4, 5, "[Chorus]", (5, 5)),  # ...and at the start
        (3, 5, "we sing\n\n[Chorus]", (3, 5)),  # inside, it stays
    ],
)
def test_anchor_for_lines_leaves_out_blank_edge_lines(first, last, quote, lines):
    anchor = anchor_for_lines(LYRICS, first, last)
    assert anchor.quote == quote
    assert (anchor.line_start, anchor.line_end) == lines


def test_anchors_for_quote_occurrence_and_all():
    assert [a.line_start for a in anchors_for_quote(LYRICS, "la la land", None)] == [2, 6]
    (second,) = anchors_for_quote(LYRICS, "la la land", 2)
    assert second.line_start == 6 and second.occurrence == 2
    with pytest.raises(InvalidAnchor, match="occurs twice"):
        anchors_for_quote(LYRICS, "la la land", 3)
    with pytest.raises(InvalidAnchor, match="does not occur"):
        anchors_for_quote(LYRICS, "missing", 1)
    with pytest.raises(InvalidAnchor, match="empty"):
        anchors_for_quote(LYRICS, "  ", 1)


def test_anchors_for_quote_normalises_the_quote():
    text = "caf\u00e9 society"
    (anchor,) = anchors_for_quote(text, "cafe\u0301", 1)  # typed in decomposed form
    assert anchor.quote == "caf\u00e9"


@given(st.text(alphabet="ab \n", min_size=1, max_size=80), st.data())
def test_anchor_round_trip(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    assume(text[start:end].strip())
    anchor = anchor_for_range(text, start, end)
    assert text[anchor.start : anchor.end] == anchor.quote
    assert text[: anchor.start].endswith(anchor.prefix)
    assert text[anchor.end :].startswith(anchor.suffix)
    assert anchor.line_start == text.count("\n", 0, start) + 1
    assert anchor.line_end == text.count("\n", 0, end - 1) + 1
    # The occurrence index finds this very place again.
    assert find_occurrences(text, anchor.quote)[anchor.occurrence - 1] == start


@pytest.mark.parametrize(
    "old,new,position,expected",
    [
        ("abcdef", "abcdef", 3, 3),
        ("abcdef", "XXabcdef", 0, 2),  # inserted before
        ("abcdef", "abXXcdef", 4, 6),  # after the insertion
        ("abcdef", "abcdef", 6, 6),
        ("abcdef", "abef", 5, 3),  # after a deletion
    ],
)
def test_edit_map_moves_positions(old, new, position, expected):
    assert EditMap(old, new).map(position) == expected


def test_edit_map_end_offsets_follow_the_character_before():
    edit = EditMap("abcdef", "abcdefXX")
    assert edit.map(6, end=True) == 6 and edit.map(6) == 8
    assert EditMap("abcdef", "XXabcdef").map(0, end=True) == 0


def test_edit_map_inside_a_change_goes_to_its_edges():
    edit = EditMap("one two three", "one 2 three")
    assert edit.map(5) == 4 and edit.map(6, end=True) == 5


@given(st.text(alphabet="ab c\n", max_size=40), st.data())
def test_follow_edit_keeps_untouched_quotes(text, data):
    # Insert or delete somewhere: an anchor that moves always holds its quote, and every
    # anchor clear of the changed span (repeated letters make where an edit is ambiguous)
    # follows to the same words.
    cut = data.draw(st.integers(0, len(text)))
    removed = data.draw(st.integers(0, len(text) - cut))
    inserted = data.draw(st.text(alphabet="xyz\n", max_size=5))
    new = text[:cut] + inserted + text[cut + removed :]
    edit = EditMap(text, new)
    changed_start, changed_end = edit.changed_span
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 6) + 1):
            if not text[start:end].strip():
                continue
            anchor = anchor_for_range(text, start, end)
            moved = follow_edit(anchor, edit, new)
            if end <= changed_start or start >= changed_end:
                assert moved is not None and moved.quote == anchor.quote
            if moved is not None:
                assert new[moved.start : moved.end] == anchor.quote
