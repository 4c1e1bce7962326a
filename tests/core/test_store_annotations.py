"""Annotations, their tags, and lenses in the library."""

import pytest

from lyricpad.core.anchoring import anchor_for_lines, anchors_for_quote
from lyricpad.core.errors import InvalidValue
from lyricpad.core.schema import DEFAULT_LENSES, default_lens_id
from lyricpad.core.store import Library

# -------------------------------------------------------------- annotations


def test_annotation_round_trip(empty_library):
    lib = empty_library
    song = lib.songs.add("S", lyrics="a line\nthe chorus\nb line\nthe chorus")
    lens = lib.lenses.resolve("imagery")
    made = lib.annotations.add(
        song.id,
        anchors_for_quote(song.lyrics, "the chorus", None),
        lens_id=lens.id,
        note="*n*",
        tags=["#Echo", "echo", "two words"],
    )
    again = lib.annotations.get(made.id)
    assert again == made
    assert [f.line_start for f in again.fragments] == [2, 4]
    assert again.tags == ("Echo", "two-words")  # one tag, whatever its case; spaces become '-'
    assert again.lens == lens and again.status == "anchored" and again.note == "*n*"


def test_annotations_come_in_text_order(empty_library):
    lib = empty_library
    song = lib.songs.add("S", lyrics="one\ntwo\nthree")
    article = lib.articles.add(song.id, "A", "alpha beta")
    late = lib.annotations.add(song.id, [anchor_for_lines(song.lyrics, 3, 3)])
    in_article = lib.annotations.add(
        song.id, anchors_for_quote(article.body, "alpha", 1), target="article", article_id=article.id
    )
    early = lib.annotations.add(song.id, [anchor_for_lines(song.lyrics, 1, 1)])
    assert [a.id for a in lib.annotations.for_song(song.id)] == [early.id, late.id, in_article.id]


def test_annotation_must_match_its_text(empty_library):
    lib = empty_library
    song = lib.songs.add("S", lyrics="one\ntwo")
    other = lib.songs.add("T", lyrics="xxx\nyyy")
    with pytest.raises(InvalidValue, match="is not at"):
        lib.annotations.add(song.id, [anchor_for_lines(other.lyrics, 1, 1)])
    with pytest.raises(InvalidValue, match="article"):
        lib.annotations.add(song.id, [anchor_for_lines(song.lyrics, 1, 1)], target="article")
    assert lib.annotations.for_song(song.id) == []


def test_note_lens_tags_and_trash(empty_library):
    lib = empty_library
    song = lib.songs.add("S", lyrics="one\ntwo")
    note = lib.annotations.add(song.id, [anchor_for_lines(song.lyrics, 1, 1)])
    lib.annotations.set_note(note.id, "changed\r\n")
    lib.annotations.set_lens(note.id, lib.lenses.resolve("Question").id)
    lib.annotations.set_tags(note.id, ["b", "a"])
    changed = lib.annotations.get(note.id)
    assert (changed.note, changed.lens.name, changed.tags) == ("changed\n", "Question", ("a", "b"))
    lib.annotations.set_deleted(note.id)
    assert lib.annotations.for_song(song.id) == []
    assert lib.annotations.for_song(song.id, include_deleted=True)[0].deleted
    lib.annotations.set_deleted(note.id, False)
    assert lib.annotations.for_song(song.id)[0].id == note.id


def test_deleting_a_song_cascades(empty_library):
    lib = empty_library
    song = lib.songs.add("S", lyrics="one\ntwo")
    article = lib.articles.add(song.id, "A", "body text")
    lib.annotations.add(song.id, [anchor_for_lines(song.lyrics, 1, 1)], tags=["t"])
    lib.annotations.add(
        song.id, anchors_for_quote(article.body, "body", 1), target="article", article_id=article.id
    )
    with lib.write():
        lib.db.execute("DELETE FROM songs WHERE id = ?", [song.id])
    for table in ("articles", "annotations", "fragments", "annotation_tags"):
        assert lib.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


# ------------------------------------------------------------------- lenses


def test_default_lenses_have_the_same_ids_in_every_library(tmp_path):
    with (
        Library.open(tmp_path / "a.sqlite", seed_demo=False) as a,
        Library.open(tmp_path / "b.sqlite", seed_demo=False) as b,
    ):
        assert [lens.id for lens in a.lenses.all()] == [lens.id for lens in b.lenses.all()]
        assert a.lenses.all()[0].id == default_lens_id("theme")


def test_lenses_are_user_editable(empty_library):
    lib = empty_library
    song = lib.songs.add("S", lyrics="one\ntwo")
    mood = lib.lenses.add("Mood", "#A1B2C3")
    assert (mood.colour, mood.position) == ("#a1b2c3", len(DEFAULT_LENSES))
    note = lib.annotations.add(song.id, [anchor_for_lines(song.lyrics, 1, 1)], lens_id=mood.id)

    lib.lenses.update(mood.id, name="Feeling", colour="#000000")
    assert lib.annotations.get(note.id).lens.name == "Feeling"
    assert lib.annotations.get(note.id).lens.colour == "#000000"

    order = lib.lenses.move(mood.id, 0)
    assert order[0].id == mood.id and [lens.position for lens in order] == list(range(len(order)))

    lib.lenses.delete(mood.id)
    assert lib.annotations.get(note.id).lens is None  # the annotation stays, without a lens


@pytest.mark.parametrize(
    "action,message",
    [
        (lambda lib: lib.lenses.add("Mood", "red"), "#rrggbb"),
        (lambda lib: lib.lenses.add("theme", "#ffffff"), "already a lens named 'theme'"),
        (lambda lib: lib.lenses.add("  ", "#ffffff"), "needs a name"),
        (lambda lib: lib.lenses.update(lib.lenses.all()[0].id, name="Imagery"), "already a lens named"),
        (lambda lib: lib.lenses.move(lib.lenses.all()[0].id, 99), "outside"),
    ],
)
def test_bad_lens_changes_are_refused(empty_library, action, message):
    before = empty_library.lenses.all()
    with pytest.raises(InvalidValue, match=message):
        action(empty_library)
    assert empty_library.lenses.all() == before


def test_a_bulk_read_gives_what_reading_each_annotation_with_its_row_gives(empty_library):
    """`for_song` reads rows as tuples (`Entity.reader`): the same annotations as `from_row` on dict rows."""
    from lyricpad.core.models import Annotation
    from lyricpad.core.store.fields import ANNOTATION

    lib = empty_library
    song = lib.songs.add("S", lyrics="one\ntwo\nthree\nfour")
    article = lib.articles.add(song.id, "A", "alpha beta gamma")
    lens = lib.lenses.resolve("imagery")
    made = [
        lib.annotations.add(
            song.id, [anchor_for_lines(song.lyrics, 2, 3)], lens_id=lens.id, note="n", tags=["b", "A"]
        ),
        lib.annotations.add(song.id, [anchor_for_lines(song.lyrics, 1, 1)]),
        lib.annotations.add(
            song.id, anchors_for_quote(article.body, "beta", 1), target="article", article_id=article.id
        ),
    ]
    lib.annotations.set_deleted(made[1].id)
    read = lib.annotations.for_song(song.id, include_deleted=True)
    for annotation in read:
        row = lib.row("SELECT * FROM annotations WHERE id = ?", [annotation.id])
        assert annotation == ANNOTATION.from_row(
            row, lens=annotation.lens, fragments=annotation.fragments, tags=annotation.tags
        )
        assert type(annotation) is Annotation and type(annotation.deleted) is bool
    by_id = {a.id: a for a in read}
    assert by_id[made[0].id].tags == ("A", "b") and by_id[made[0].id].lens == lens
    assert by_id[made[1].id].deleted and by_id[made[1].id].lens is None
    assert [a.id for a in read] == [made[1].id, made[0].id, made[2].id]  # text order, the trash too
