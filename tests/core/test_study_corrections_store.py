"""The study view's corrections in the library: set, taken back, following their lines through edits, undone."""

import pytest

from lyricpad.core.errors import InvalidValue
from lyricpad.core.line_map import map_lines
from lyricpad.core.store import Library
from lyricpad.core.study import Correction

LYRICS = "[Verse]\nThe lantern on the water\nthe current carries on\n\n[Chorus]\nHold the line\nlet it go"


@pytest.fixture
def lib(empty_library):
    return empty_library


@pytest.fixture
def song(lib):
    return lib.songs.add("Lantern", lyrics=LYRICS)


def test_a_correction_is_stored_and_read_as_the_study_view_applies_it(lib, song):
    stored = lib.corrections.set(song.id, 2, "syllables", 7)
    assert (stored.line, stored.line_text, stored.value, stored.status) == (
        2,
        "The lantern on the water",
        "7",
        "anchored",
    )
    assert (stored.before_text, stored.after_text) == ("[Verse]", "the current carries on")
    assert lib.corrections.for_song(song.id) == [Correction(2, "syllables", "7")]


def test_setting_again_replaces_and_remove_takes_it_back(lib, song):
    first = lib.corrections.set(song.id, 3, "rhyme", "a")
    second = lib.corrections.set(song.id, 3, "rhyme", "b")
    assert second.id == first.id and second.created == first.created and second.value == "B"
    lib.corrections.set(song.id, 3, "stress", "x/x/")
    assert lib.corrections.for_song(song.id) == [
        Correction(3, "rhyme", "B"),
        Correction(3, "stress", "x / x /"),
    ]
    assert lib.corrections.remove(song.id, 3, "rhyme") is True
    assert lib.corrections.remove(song.id, 3, "rhyme") is False
    assert lib.corrections.for_song(song.id) == [Correction(3, "stress", "x / x /")]


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        (2, "syllables", "seven"),
        (2, "syllables", -1),
        (2, "syllables", 1000),
        (2, "stress", "x - x"),
        (2, "stress", ""),
        (2, "rhyme", "A1"),
        (2, "rhyme", "ABC"),
        (2, "colour", "red"),
        (0, "syllables", 3),
        (8, "syllables", 3),
    ],
)
def test_a_wrong_correction_is_refused_and_nothing_is_stored(lib, song, line, field, value):
    with pytest.raises(InvalidValue):
        lib.corrections.set(song.id, line, field, value)
    assert lib.corrections.stored(song.id) == []


def test_an_empty_section_name_says_no_boundary_here(lib, song):
    lib.corrections.set(song.id, 6, "section", "")
    assert lib.corrections.for_song(song.id) == [Correction(6, "section", "")]


def test_corrections_follow_their_lines_when_lines_are_inserted_above(lib, song):
    lib.corrections.set(song.id, 2, "syllables", 7)
    lib.corrections.set(song.id, 6, "rhyme", "A")
    lib.songs.update(song.id, lyrics="Intro words\n\n" + LYRICS)
    assert lib.corrections.for_song(song.id) == [Correction(4, "syllables", "7"), Correction(8, "rhyme", "A")]
    (moved, _) = lib.corrections.stored(song.id)
    assert (moved.before_text, moved.line_text) == ("[Verse]", "The lantern on the water")


def test_editing_the_line_itself_orphans_its_correction_and_editing_it_back_anchors_it(lib, song):
    lib.corrections.set(song.id, 2, "syllables", 7)
    edited = LYRICS.replace("The lantern on the water", "A lantern on the river")
    lib.songs.update(song.id, lyrics=edited)
    assert lib.corrections.for_song(song.id) == []
    (orphan,) = lib.corrections.orphaned(song.id)
    assert (orphan.line_text, orphan.value) == ("The lantern on the water", "7")
    lib.songs.update(song.id, lyrics="New first line\n" + LYRICS)  # the line's text is back, once
    assert lib.corrections.for_song(song.id) == [Correction(3, "syllables", "7")]
    assert lib.corrections.orphaned(song.id) == []


def test_a_deleted_line_orphans_its_correction(lib, song):
    lib.corrections.set(song.id, 3, "syllables", 6)
    lib.songs.update(song.id, lyrics=LYRICS.replace("the current carries on\n", ""))
    assert [c.status for c in lib.corrections.stored(song.id)] == ["orphaned"]


def test_a_repeated_line_is_found_again_by_its_neighbours_or_not_at_all(lib):
    lyrics = "one\nHold on\ntwo\n\nthree\nHold on\nfour"
    song = lib.songs.add("Repeats", lyrics=lyrics)
    lib.corrections.set(song.id, 6, "syllables", 2)
    edited = lyrics.replace("three\nHold on", "three\nHold off")
    lib.songs.update(song.id, lyrics=edited)
    assert lib.corrections.orphaned(song.id)  # not taken to line 2, which was there all along
    # Its line is back, with its neighbours: anchored again there.
    lib.songs.update(song.id, lyrics="zero\n" + lyrics)
    assert lib.corrections.for_song(song.id) == [Correction(7, "syllables", "2")]
    lib.songs.update(song.id, lyrics="zero\n" + edited)
    # Back in two new places at once (a third was there), neither with its neighbours: nothing says which.
    lib.songs.update(song.id, lyrics="a\nHold on\nb\nHold on\nc\nHold on")
    assert lib.corrections.for_song(song.id) == []
    assert [c.line_text for c in lib.corrections.orphaned(song.id)] == ["Hold on"]


def test_a_moved_line_takes_its_correction_along(lib, song):
    lib.corrections.set(song.id, 2, "syllables", 7)
    lines = LYRICS.split("\n")
    moved = [*lines[:1], *lines[2:], lines[1]]  # cut and pasted at the end
    lib.songs.update(song.id, lyrics="\n".join(moved))
    assert lib.corrections.for_song(song.id) == [Correction(7, "syllables", "7")]


def test_corrections_moving_past_each_other_never_clash_on_one_line(lib):
    lyrics = "a\nb\nc\nd"
    song = lib.songs.add("Shift", lyrics=lyrics)
    for line in (1, 2, 3):
        lib.corrections.set(song.id, line, "syllables", line)
    lib.songs.update(song.id, lyrics="new\n" + lyrics)  # each moves onto the line of the next
    assert lib.corrections.for_song(song.id) == [Correction(n + 1, "syllables", str(n)) for n in (1, 2, 3)]


def test_undo_of_a_lyrics_edit_restores_the_corrections_exactly(lib, song):
    lib.corrections.set(song.id, 2, "syllables", 7)
    lib.corrections.set(song.id, 6, "rhyme", "A")
    before, state = lib.songs.get(song.id), lib.snapshots.study_data(song.id)
    lib.songs.update(
        song.id, lyrics=LYRICS.replace("Hold the line", "Hold the lines").replace("[Verse]", "Hi\n[Verse]")
    )
    assert lib.corrections.for_song(song.id) == [Correction(3, "syllables", "7")]
    lib.snapshots.restore_song(before, study=state)  # as the undo of the edit writes it back
    assert lib.snapshots.study_data(song.id) == state


def test_undo_without_a_snapshot_follows_the_lyrics_back(lib, song):
    lib.corrections.set(song.id, 6, "rhyme", "A")
    before = lib.songs.get(song.id)
    lib.songs.update(song.id, lyrics=LYRICS.replace("Hold the line", "Hold the lines"))
    assert lib.corrections.for_song(song.id) == []
    lib.snapshots.restore_song(before)
    assert lib.corrections.for_song(song.id) == [Correction(6, "rhyme", "A")]


def test_a_failed_edit_moves_no_correction(lib, song):
    lib.corrections.set(song.id, 2, "syllables", 7)
    with pytest.raises(InvalidValue):
        lib.songs.update(song.id, lyrics="New\n" + LYRICS, title="")
    assert lib.corrections.for_song(song.id) == [Correction(2, "syllables", "7")]


def test_corrections_go_with_their_song(lib, song):
    lib.corrections.set(song.id, 2, "syllables", 7)
    lib.snapshots.purge_song(song.id)
    assert lib.corrections.stored(song.id) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (["a", "b", "c"], ["a", "x", "b", "c"], ((0, True), (2, True), (3, True))),
        (["a", "b", "c"], ["a", "c"], ((0, True), (None, False), (1, True))),
        (["a", "b", "c"], ["a", "B!", "c"], ((0, True), (1, False), (2, True))),
        # An edited line beside an inserted one keeps to its edited form.
        (
            ["a", "the lantern", "c"],
            ["a", "new line", "the lanterns", "c"],
            ((0, True), (2, False), (3, True)),
        ),
    ],
)
def test_line_map(old, new, expected):
    moved = map_lines(old, new)
    assert tuple(zip(moved.new_of, moved.same, strict=True)) == expected


def test_salvage_keeps_corrections_and_translations(tmp_path, lib, song):
    from lyricpad.core.salvage import salvage

    lib.corrections.set(song.id, 2, "syllables", 7)
    lib.translations.set(song.id, ["x"] * 7, language="de")
    state = lib.snapshots.study_data(song.id)
    path = lib.path
    lib.close()
    assert salvage(path, tmp_path / "salvaged.sqlite").unreadable == {}
    with Library.open(tmp_path / "salvaged.sqlite") as salvaged:
        assert salvaged.snapshots.study_data(song.id) == state
