"""Songs and articles: text normalised, fields validated, edits under annotations re-anchoring them."""

from dataclasses import replace

import pytest

from lyricpad.core.anchoring import anchors_for_quote
from lyricpad.core.errors import AmbiguousReference, InvalidValue, SongNotFound

# ------------------------------------------------------------ songs & text


def test_text_is_normalised_on_the_way_in(empty_library):
    song = empty_library.songs.add(
        "  Cafe\u0301  ", artist="A\tB", lyrics="\ufeffone\r\ntwo\rthree\u2028four"
    )
    assert song.title == "Caf\u00e9"
    assert song.artist == "A B"
    assert song.lyrics == "one\ntwo\nthree\nfour"


@pytest.mark.parametrize(
    "fields", [{"title": "   "}, {"title": "x", "year": "1999"}, {"title": "x", "colour": 1}]
)
def test_bad_song_fields_are_refused(empty_library, fields):
    with pytest.raises(InvalidValue):
        empty_library.songs.add(**fields)
    assert empty_library.songs.all() == []


def test_resolve_song(empty_library):
    one = empty_library.songs.add("Same", artist="A")
    two = empty_library.songs.add("Same", artist="B")
    other = empty_library.songs.add("Other Song")
    assert empty_library.songs.resolve(one.id) == one
    assert empty_library.songs.resolve(other.id[:8]) == other
    assert empty_library.songs.resolve("other song") == other
    with pytest.raises(AmbiguousReference, match="matches 2 songs"):
        empty_library.songs.resolve("Same")
    with pytest.raises(SongNotFound):
        empty_library.songs.resolve(two.id[:2])  # too short to be a prefix
    with pytest.raises(SongNotFound):
        empty_library.songs.resolve("nothing like it")


def test_resolve_prefix_is_not_a_like_pattern(empty_library):
    empty_library.songs.add("Song")
    with pytest.raises(SongNotFound):
        empty_library.songs.resolve("%%%%")
    with pytest.raises(SongNotFound):
        empty_library.songs.resolve("____")


# -------------------------------------------------------------- validation


@pytest.mark.parametrize(
    "fields",
    [
        {"year": True},
        {"year": 0},
        {"line_times": {1}},
        {"line_times": [[-5]]},
        {"line_times": [["1"]]},
        {"lyrics_format": "midi"},
    ],
)
def test_bad_song_values_are_refused(empty_library, fields):
    with pytest.raises(InvalidValue):
        empty_library.songs.add("S", **fields)
    assert empty_library.songs.all() == []


def test_line_times_round_trip(empty_library):
    song = empty_library.songs.add(
        "S", lyrics="a\nb\nc", lyrics_format="lrc", line_times=[[1000, 61000], None, [125500]]
    )
    assert empty_library.songs.get(song.id).line_times == [[1000, 61000], None, [125500]]


def test_changes_to_a_missing_annotation_name_it(empty_library):
    from lyricpad.core.errors import AnnotationNotFound

    for action in (
        lambda: empty_library.annotations.set_tags("missing", ["x"]),
        lambda: empty_library.annotations.set_note("missing", "x"),
        lambda: empty_library.annotations.set_lens("missing", None),
        lambda: empty_library.annotations.set_deleted("missing"),
    ):
        with pytest.raises(AnnotationNotFound, match="missing"):
            action()


# --------------------------------------------- editing text under annotations


def test_editing_lyrics_moves_annotations_with_their_words(empty_library):
    lib = empty_library
    song = lib.songs.add("S", lyrics="first line\nsecond line\nthird line")
    before = lib.annotations.add(song.id, anchors_for_quote(song.lyrics, "first", 1))
    after = lib.annotations.add(song.id, anchors_for_quote(song.lyrics, "third", 1), note="kept")
    lib.songs.update(song.id, lyrics="first line\nsecond, longer line\nthird line")
    unmoved = lib.annotations.get(before.id)
    assert (unmoved.first.start, unmoved.status) == (before.first.start, "anchored")
    assert unmoved.first.suffix != before.first.suffix  # its context is kept current
    moved = lib.annotations.get(after.id)
    new_lyrics = lib.songs.get(song.id).lyrics
    assert moved.status == "anchored" and moved.note == "kept"
    assert new_lyrics[moved.first.start : moved.first.end] == "third"
    assert moved.first.start == after.first.start + len(", longer")
    assert moved.first.prefix.endswith("longer line\n")


def test_editing_the_words_of_an_annotation_marks_it_for_review(empty_library):
    lib = empty_library
    song = lib.songs.add("S", lyrics="the harbour lights\nthe silent boats")
    lights = lib.annotations.add(song.id, anchors_for_quote(song.lyrics, "harbour lights", 1), note="n")
    boats = lib.annotations.add(song.id, anchors_for_quote(song.lyrics, "silent boats", 1))
    lib.songs.update(song.id, lyrics="the harbor lights\nthe silent boats")
    review = lib.annotations.get(lights.id)
    assert review.status == "needs_review"  # never silently pointing at other words
    assert (review.quote, review.note) == ("harbour lights", "n")
    proposal = review.first.proposal
    assert lib.songs.get(song.id).lyrics[proposal.start : proposal.end] == "harbor lights"
    assert review.fragments == (replace(lights.first, proposal=proposal),)  # the rest as it was
    assert lib.annotations.get(boats.id).status == "anchored"
    assert lib.annotations.get(boats.id).first.start == boats.first.start - 1


def test_every_fragment_must_survive_for_an_annotation_to_follow(empty_library):
    lib = empty_library
    song = lib.songs.add("S", lyrics="la la\nchorus\nla la\nchorus")
    both = lib.annotations.add(song.id, anchors_for_quote(song.lyrics, "chorus", None))
    lib.songs.update(song.id, lyrics="la la\nchorus\nla la\nchoruses gone")
    assert lib.annotations.get(both.id).status == "anchored"  # "chorus" still stands at the second place
    lib.songs.update(song.id, lyrics="la la\nchorus\nla la\nrefrain")
    assert lib.annotations.get(both.id).status == "needs_review"


def test_editing_an_article_moves_its_annotations(empty_library):
    lib = empty_library
    song = lib.songs.add("S", lyrics="x")
    article = lib.articles.add(song.id, "A", "alpha beta gamma")
    note = lib.annotations.add(
        song.id, anchors_for_quote(article.body, "gamma", 1), target="article", article_id=article.id
    )
    lib.articles.update(article.id, title="New title")
    assert lib.annotations.get(note.id) == note
    lib.articles.update(article.id, body="# Heading\n\nalpha *beta* gamma")
    moved = lib.annotations.get(note.id)
    assert moved.status == "anchored" and moved.first.line_start == 2  # over the rendered text
    lib.articles.update(article.id, body="delta comes first now")
    assert lib.annotations.get(note.id).status == "orphaned"  # "gamma" is gone; the note is kept
