"""LRC parsing: header tags, every timestamp form, word times, offsets; fuzzed for exceptions."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lyricpad.core.lrc import parse_lrc
from lyricpad.core.text import normalise_text


@pytest.mark.parametrize(
    "stamp, ms",
    [
        ("[00:12.34]", 12340),
        ("[00:12.345]", 12345),
        ("[00:12:34]", 12340),
        ("[00:12]", 12000),
        ("[01:02.5]", 62500),
        ("[1:02.05]", 62050),
        ("[100:00.00]", 6_000_000),
        ("[123:45.67]", 7_425_670),
    ],
)
def test_line_timestamp_forms(stamp, ms):
    lrc = parse_lrc(f"{stamp}Words here")
    assert lrc.text == "Words here"
    assert lrc.line_times == [[ms]]


def test_header_tags_become_tags_and_leave_the_text():
    lrc = parse_lrc(
        "[ti:Title]\n[ar:Artist]\n[al:Album]\n[au:Writer]\n[length:03:41]\n[by:Me]\n"
        "[offset:0]\n[re:Tool]\n[ve:2.1]\n[xtra:kept]\n[#:a comment]\n\n[00:01.00]Line"
    )
    assert lrc.tags == {
        "ti": "Title", "ar": "Artist", "al": "Album", "au": "Writer", "length": "03:41", "by": "Me",
        "offset": "0", "re": "Tool", "ve": "2.1", "xtra": "kept", "#": "a comment",
    }  # fmt: skip
    assert lrc.text == "Line"
    assert lrc.line_times == [[1000]]


@pytest.mark.parametrize(
    "line",
    [
        "[Verse 1]",
        "[Chorus: Wren Alder]",
        "[chorus: wren]",
        "[Bridge]",
        "(backing vocals)",
        "Am  F  C  G",
        "[Intro:]",
    ],
)
def test_section_headers_and_untimed_lines_stay_text(line):
    lrc = parse_lrc(f"[ti:T]\n{line}\n[00:01.00]Sung")
    assert lrc.text == f"{line}\nSung"
    assert lrc.line_times == [None, [1000]]
    assert set(lrc.tags) == {"ti"}


def test_several_timestamps_on_one_line_are_sorted():
    lrc = parse_lrc("[01:30.00][00:10.00] [00:50.00]Chorus line")
    assert lrc.text == "Chorus line"
    assert lrc.line_times == [[10000, 50000, 90000]]


def test_empty_timed_lines_stay_as_empty_lines():
    lrc = parse_lrc("[00:01.00]One\n[00:05.00]\n[00:09.00]Two")
    assert lrc.text == "One\n\nTwo"
    assert lrc.line_times == [[1000], [5000], [9000]]


@pytest.mark.parametrize(
    "offset, times",
    [
        ("+500", [500, 0]),
        ("-250", [1250, 450]),
        ("0", [1000, 200]),
        ("abc", [1000, 200]),
        (" +1000 ", [0, 0]),
    ],
)
def test_offset_makes_times_earlier_never_negative(offset, times):
    lrc = parse_lrc(f"[offset:{offset}]\n[00:01.00]a\n[00:00.20]b")
    assert [t[0] for t in lrc.line_times] == times
    assert lrc.tags["offset"] == offset.strip()


def test_word_timestamps_are_hidden_and_kept_with_offsets():
    lrc = parse_lrc("[offset:100]\n[00:01.00]<00:01.00>Harbour <00:01.50>lights <00:02.25>low<00:03.00>")
    assert lrc.text == "Harbour lights low"
    assert lrc.line_times == [[900]]
    assert lrc.word_times == [[[900, 0], [1400, 8], [2150, 15], [2900, 18]]]
    line = lrc.text
    assert [line[at:].split(" ")[0] for _, at in lrc.word_times[0][:3]] == ["Harbour", "lights", "low"]


def test_word_timestamps_between_spaces_leave_one_space():
    lrc = parse_lrc("[00:03.00] <00:03.00> Spaced <00:03.40> words <00:04.00>")
    assert lrc.text == "Spaced words"
    assert lrc.word_times == [[[3000, 0], [3400, 7], [4000, 12]]]


def test_no_timestamp_lines_keep_their_brackets_and_order():
    lrc = parse_lrc("[00:02.00]second in time\n[00:01.00]first in time\nno stamp [00:03.00] inside")
    assert lrc.text.split("\n") == ["second in time", "first in time", "no stamp [00:03.00] inside"]
    assert lrc.line_times == [[2000], [1000], None]


def test_tags_only_gives_empty_text_with_one_line():
    lrc = parse_lrc("[ti:Only tags]\n[ar:Nobody]\n")
    assert (lrc.text, lrc.line_times) == ("", [None])


_STAMP = re.compile(r"^\s*\[\d+:\d+(?:[.:]\d+)?\]")
_pieces = st.sampled_from(
    ["[00:01.00]", "[1:2]", "[100:00.999]", "<00:01.50>", "[ti:", "[offset:-300]", "]", "[", ":", "<", ">",
     "\n", "\r\n", "\u2028", " ", "e", "\u0301", "word", "[Chorus: X]", "\ufeff", "\x00", "[ar:A]"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_pieces, st.text(max_size=8)), max_size=40).map("".join))
def test_parse_lrc_fuzz(text):
    lrc = parse_lrc(text)
    lines = lrc.text.split("\n")
    assert len(lrc.line_times) == len(lines) == len(lrc.word_times)
    assert normalise_text(lrc.text) == lrc.text
    for times, words, line in zip(lrc.line_times, lrc.word_times, lines, strict=True):
        assert times is None or all(type(ms) is int and ms >= 0 for ms in times)
        assert words is None or all(ms >= 0 and 0 <= at <= len(line) for ms, at in words)
        if times is not None and words is None:
            assert not _STAMP.match(line)


def test_a_bom_between_stamps_hides_none_of_them():
    # Found by the fuzz test: a stray U+FEFF after the first stamp left the second one in the text.
    parsed = parse_lrc("[00:01.00]\ufeff[00:02.00]sung twice")
    assert parsed.text == "sung twice"
    assert parsed.line_times == [[1000, 2000]]
    assert parse_lrc("e\ufeff\u0301").text == "\u00e9"  # what the BOM stood between combines


def test_tag_values_lose_their_control_characters():
    from lyricpad.core.lrc import parse_lrc

    lrc = parse_lrc("[ti:Song\x1b]0;PWNED\x07\x1b[2J]\n[xx:a\x9bb]\n[00:01.00]line\n")
    assert lrc.tags == {"ti": "Song]0;PWNED[2J", "xx": "ab"}
