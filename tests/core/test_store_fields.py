"""Entity fields described once (store/fields.py): rows, snapshots and read-backs derived from them."""

import dataclasses

import pytest

from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.errors import InvalidValue, LibraryUnavailable
from lyricpad.core.export import dumps_json, export_json
from lyricpad.core.models import Annotation, Article, Lens, Song
from lyricpad.core.store import Library
from lyricpad.core.store.annotations import Annotations
from lyricpad.core.store.articles import Articles
from lyricpad.core.store.fields import ANNOTATION, ARTICLE, LENS, SONG, Entity, Field
from lyricpad.core.store.lenses import Lenses
from lyricpad.core.store.songs import Songs

ENTITIES = [(SONG, Song), (ARTICLE, Article), (LENS, Lens), (ANNOTATION, Annotation)]
LYRICS = "first line\nsecond line\nthird line"


@pytest.fixture
def lib():
    with Library.open(None, seed_demo=False) as lib:
        yield lib


def filled(lib: Library) -> tuple[Song, Article, Annotation]:
    song = lib.songs.add(
        "Tide",
        artist="Wren",
        year=1999,
        lyrics=LYRICS,
        lyrics_format="lrc",
        line_times=[[1000], None, [3000, 4000]],
        lrc_tags={"ti": "Tide", "x": "kept"},
        word_times=[[[1000, 0], [1500, 6]], None, None],
    )
    article = lib.articles.add(song.id, "About it", "Some *words* here.", author="A", published="2020")
    lens = lib.lenses.add("Sound", "#AABBCC")
    annotation = lib.annotations.add(
        song.id, [anchor_for_lines(LYRICS, 2, 2)], lens_id=lens.id, note="a note", tags=["b", "a"]
    )
    return song, article, annotation


def raw(lib: Library, table: str, item_id: str) -> dict:
    """The row as SQLite holds it, every column."""
    return next(iter(lib.db.query(f"SELECT * FROM {table} WHERE id = ?", [item_id])))


@pytest.mark.parametrize(("entity", "model"), ENTITIES, ids=lambda e: getattr(e, "table", ""))
def test_every_dataclass_field_is_described_once(entity, model):
    assert sorted(entity.fields) == sorted(f.name for f in dataclasses.fields(model))


@pytest.mark.parametrize("fields", [["id"], ["id", "name", "colour", "position", "position"]])
def test_a_field_missing_or_described_twice_is_refused(fields):
    with pytest.raises(TypeError, match="described once"):
        Entity(Lens, "lenses", [Field(name) for name in fields])


def test_the_columns_are_the_tables_columns(lib):
    for entity in (SONG, ARTICLE, LENS, ANNOTATION):
        table = set(lib.db[entity.table].columns_dict)
        assert set(entity.columns) <= table
        assert table - set(entity.columns) <= {"n"}  # the rowid the search index points at


@pytest.mark.parametrize(("entity", "table"), [(SONG, "songs"), (ARTICLE, "articles"), (LENS, "lenses")])
def test_a_row_round_trips(lib, entity, table):
    song, article, annotation = filled(lib)
    item_id = {"songs": song.id, "articles": article.id, "lenses": annotation.lens.id}[table]
    row = raw(lib, table, item_id)
    item = entity.from_row(row)
    assert entity.to_row(item) == {column: row[column] for column in entity.columns}


def test_an_annotation_row_round_trips(lib):
    annotation = filled(lib)[2]
    row = raw(lib, "annotations", annotation.id)
    assert ANNOTATION.to_row(annotation) == {column: row[column] for column in ANNOTATION.columns}
    assert (
        ANNOTATION.from_row(row, lens=annotation.lens, fragments=annotation.fragments, tags=annotation.tags)
        == annotation
    )


def test_a_snapshot_restores_byte_identically(lib):
    song, article, annotation = filled(lib)
    rows = {
        t: raw(lib, t, i)
        for t, i in [("songs", song.id), ("articles", article.id), ("annotations", annotation.id)]
    }
    before = dumps_json(export_json(lib, exported="t"))
    lib.songs.update(song.id, title="Other", lyrics="new words only", line_times=None, word_times=None)
    lib.articles.update(article.id, body="all new", title="x")
    lib.annotations.set_note(annotation.id, "changed")
    lib.annotations.set_tags(annotation.id, ["a"])
    lib.snapshots.restore_song(song, [annotation])
    lib.snapshots.restore_article(article)
    assert {t: raw(lib, t, r["id"]) for t, r in rows.items()} == rows
    assert dumps_json(export_json(lib, exported="t")) == before


def test_a_snapshot_is_checked_like_a_write(lib):
    song, _, annotation = filled(lib)
    with pytest.raises(InvalidValue, match="year"):
        lib.snapshots.restore_song(dataclasses.replace(song, year=-3))
    with pytest.raises(InvalidValue, match="status"):
        lib.snapshots.restore_annotation(dataclasses.replace(annotation, status="lost"))
    assert lib.songs.get(song.id) == song and lib.annotations.get(annotation.id) == annotation


def test_the_json_of_an_entity_follows_its_description(lib):
    song, article, annotation = filled(lib)
    assert SONG.to_json(song) == dataclasses.asdict(song)
    assert ARTICLE.to_json(article) == dataclasses.asdict(article)
    assert LENS.to_json(annotation.lens) == annotation.lens.to_json()
    data = ANNOTATION.to_json(annotation)
    assert list(data)[4:8] == ["lens_id", "lens", "note", "tags"]
    assert data["lens_id"] == annotation.lens.id and data["tags"] == ["a", "b"]


def _fails_after_the_write(monkeypatch, repository, reads_before=1):
    real = repository.get
    calls = []

    def failing(self, *args, **kwargs):
        calls.append(args)
        if len(calls) > reads_before:  # the read-back, after the checks before the change
            raise LibraryUnavailable("the disk could not read the library")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(repository, "get", failing)


WRITES = {
    "update song": (Songs, 1, lambda lib, s, ar, an: lib.songs.update(s.id, title="Changed", lyrics="x")),
    "trash song": (Songs, 1, lambda lib, s, ar, an: lib.songs.set_deleted(s.id)),
    "update article": (Articles, 1, lambda lib, s, ar, an: lib.articles.update(ar.id, body="changed")),
    "trash article": (Articles, 1, lambda lib, s, ar, an: lib.articles.set_deleted(ar.id)),
    "set note": (Annotations, 1, lambda lib, s, ar, an: lib.annotations.set_note(an.id, "changed")),
    "trash annotation": (Annotations, 1, lambda lib, s, ar, an: lib.annotations.set_deleted(an.id)),
    "move annotation": (
        Annotations,
        1,
        lambda lib, s, ar, an: lib.annotations.move(an.id, [anchor_for_lines(LYRICS, 3, 3)]),
    ),
    "update lens": (
        Lenses,
        1,
        lambda lib, s, ar, an: lib.lenses.update(an.lens.id, name="Other", colour="#000000"),
    ),
    "restore lens": (
        Lenses,
        0,
        lambda lib, s, ar, an: lib.lenses.restore(dataclasses.replace(an.lens, name="Renamed")),
    ),
}


@pytest.mark.parametrize("write", WRITES)
def test_a_failing_read_back_undoes_the_write(lib, monkeypatch, write):
    song, article, annotation = filled(lib)
    before = dumps_json(export_json(lib, exported="t"))
    repository, reads_before, change = WRITES[write]
    _fails_after_the_write(monkeypatch, repository, reads_before)
    with pytest.raises(LibraryUnavailable):
        change(lib, song, article, annotation)
    monkeypatch.undo()
    assert dumps_json(export_json(lib, exported="t")) == before
