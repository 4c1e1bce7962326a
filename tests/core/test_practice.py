"""Practising along LRC times: the current line, loops, and tag-and-next stamps (no Qt)."""

from types import SimpleNamespace

import pytest

from lyricpad.core.practice import (
    LOOP_TAIL_MS,
    Cue,
    LoopRange,
    Tagging,
    Timeline,
    TimesGoBackwards,
    backwards_lines,
    clock_text,
    section_around,
    stampable_lines,
)

# Line 3 is blank, line 2 is the chorus line sung twice.
TIMES = [[1000], [3000, 9000], None, [5000], [7000]]


@pytest.mark.parametrize(
    ("ms", "line"),
    [(0, 0), (999, 0), (1000, 1), (2999, 1), (3000, 2), (5000, 4), (8999, 5), (9000, 2), (60_000, 2)],
)
def test_line_at_follows_the_times_a_line_sung_twice_included(ms, line):
    assert Timeline(TIMES).line_at(ms) == line


def test_cues_are_in_time_order_with_their_lines():
    timeline = Timeline(TIMES)
    assert [(c.ms, c.line) for c in timeline.cues] == [(1000, 1), (3000, 2), (5000, 4), (7000, 5), (9000, 2)]
    assert timeline.end_ms == 9000
    assert timeline.times(2) == [3000, 9000]
    assert timeline.times(3) == [] and timeline.times(99) == []


@pytest.mark.parametrize("line_times", [None, [], [None, None], [[], None]])
def test_a_song_without_times_has_an_empty_timeline(line_times):
    timeline = Timeline(line_times)
    assert not timeline
    assert timeline.line_at(5000) == 0
    assert timeline.next_cue(0) is None and timeline.previous_cue(0) is None
    assert timeline.loop_range(1, 2) is None


def test_next_and_previous_cue():
    timeline = Timeline(TIMES)
    assert timeline.next_cue(0) == Cue(1000, 1)
    assert timeline.next_cue(3000) == Cue(5000, 4)
    assert timeline.next_cue(9000) is None
    assert timeline.previous_cue(5500) == Cue(3000, 2)
    assert timeline.previous_cue(1500) == Cue(1000, 1)  # nothing before the first: the first again


def test_seek_time_takes_the_occurrence_being_practised():
    timeline = Timeline(TIMES)
    assert timeline.seek_time(2) == 3000
    assert timeline.seek_time(2, near_ms=9500) == 9000
    assert timeline.seek_time(2, near_ms=8000) == 3000
    assert timeline.seek_time(2, near_ms=500) == 3000
    assert timeline.seek_time(3) is None


def test_loop_runs_to_the_next_line_outside_the_section():
    timeline = Timeline(TIMES)
    assert timeline.loop_range(1, 2) == LoopRange(1000, 5000, 1, 2)
    # Lines 4-5 are followed by the repeated line 2.
    assert timeline.loop_range(4, 5) == LoopRange(5000, 9000, 4, 5)


def test_loop_over_a_repeated_section_is_the_run_the_clock_is_in():
    timeline = Timeline(TIMES)
    assert timeline.loop_range(2, 2, at_ms=2000) == LoopRange(3000, 5000, 2, 2)
    assert timeline.loop_range(2, 2, at_ms=9500) == LoopRange(9000, 9000 + LOOP_TAIL_MS, 2, 2)


def test_loop_wraps_at_its_end():
    loop = LoopRange(1000, 5000, 1, 2)
    assert loop.wrap(4999) == 4999
    assert loop.wrap(5000) == 1000


def test_section_around_a_line():
    sections = [SimpleNamespace(start_line=1, end_line=4), SimpleNamespace(start_line=6, end_line=9)]
    assert section_around(sections, 3) == (1, 4)
    assert section_around(sections, 9) == (6, 9)
    assert section_around(sections, 5) is None


@pytest.mark.parametrize(
    ("line_times", "backwards"),
    [
        (TIMES, []),
        ([[1000], [500], [2000]], [2]),
        ([[1000], None, [1000]], []),  # two lines at one instant: not backwards
        ([[5000], [6000], [4000], [7000]], [3]),
        (None, []),
    ],
)
def test_backwards_lines(line_times, backwards):
    assert backwards_lines(line_times) == backwards


def test_stampable_lines_pass_over_blanks_headers_and_chords():
    kinds = ["header", "lyric", "chords", "lyric", "blank", "backing"]
    assert stampable_lines(kinds) == [2, 4, 6]


def test_tagging_stamps_line_by_line_and_undoes():
    tagging = Tagging([1, 2, 4], line_count=4)
    assert tagging.current_line == 1
    assert tagging.stamp(1200) == 1
    assert tagging.stamp(2500) == 2
    assert tagging.current_line == 4
    assert tagging.undo() == Cue(2500, 2)
    assert tagging.current_line == 2
    tagging.stamp(2600)
    tagging.stamp(4000)
    assert tagging.done and tagging.current_line == 0
    with pytest.raises(ValueError, match="stamped already"):
        tagging.stamp(5000)
    assert tagging.line_times(None) == [[1200], [2600], None, [4000]]


def test_a_stamp_before_the_last_is_refused_unless_allowed():
    tagging = Tagging([1, 2, 3], line_count=3)
    tagging.stamp(5000)
    with pytest.raises(TimesGoBackwards, match=r"line 2 would start at 0:04, before line 1 \(0:05\)"):
        tagging.stamp(4000)
    assert tagging.current_line == 2  # nothing was stamped
    tagging.stamp(5000)  # the same instant is fine
    tagging.stamp(100, allow_backwards=True)
    assert tagging.line_times(None) == [[5000], [5000], [100]]


def test_unstamped_lines_keep_their_old_times_and_restamped_lines_lose_word_times():
    tagging = Tagging([1, 2, 3], line_count=3)
    tagging.stamp(700)
    old = [[1000], [2000, 8000], [3000]]
    assert tagging.line_times(old) == [[700], [2000, 8000], [3000]]
    words = [[[1000, 0], [1400, 4]], [[2000, 0]], None]
    assert tagging.word_times(words) == [None, [[2000, 0]], None]
    assert tagging.word_times(None) is None


def test_new_line_times_have_one_entry_per_line_whatever_the_old_ones():
    tagging = Tagging([2, 9], line_count=3)  # line 9 is past the lyrics: not stamped
    assert tagging.order == [2]
    tagging.stamp(10)
    assert tagging.line_times([[1], [2], [3], [4]]) == [[1], [10], [3]]


@pytest.mark.parametrize(("ms", "text"), [(0, "0:00"), (83_999, "1:23"), (-5, "0:00"), (6_000_000, "100:00")])
def test_clock_text(ms, text):
    assert clock_text(ms) == text
