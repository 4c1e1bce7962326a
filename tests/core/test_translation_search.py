"""A song's translation is searched like its lyrics: its own index, kept by triggers, checked and rebuilt."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlite_utils

from lyricpad.core.check import check_library
from lyricpad.core.repair import repair_library
from lyricpad.core.schema import FTS_COLUMNS
from lyricpad.core.search_index_check import search_index_damage
from lyricpad.core.store import Library
from lyricpad.core.store.search import SearchFilters

DATA = Path(__file__).parent.parent / "data"
LYRICS = "[Verse]\nThe lantern\non the water\n\n[Chorus]\nHold on"
GERMAN = ["[Strophe]", "Die Laterne", "auf dem Wasser", "", "[Refrain]", "Halt fest, Flüsterwind"]


@pytest.fixture
def lib(empty_library):
    song = empty_library.songs.add("Lantern", artist="Wren", lyrics=LYRICS)
    empty_library.translations.set(song.id, GERMAN, language="de")
    empty_library.song_id = song.id
    return empty_library


def found(lib, words: str, **filters) -> list[tuple]:
    return [
        (h["kind"], h["where"], h["line"], h["offset"])
        for h in lib.search.find(words, filters=SearchFilters(**filters))
    ]


def test_a_word_of_the_translation_is_found_with_its_line_and_offset(lib):
    (hit,) = lib.search.find("wasser")
    assert (hit["kind"], hit["where"], hit["line"]) == ("translation", "translation", 3)
    assert (hit["id"], hit["song_id"], hit["song_title"], hit["artist"]) == (
        lib.song_id,
        lib.song_id,
        "Lantern",
        "Wren",
    )
    assert (
        hit["title"] == "Translation (German)" and hit["annotation_id"] is None and hit["article_id"] is None
    )
    text = lib.translations.get(lib.song_id).text
    assert text[hit["offset"] :].startswith("Wasser")
    assert "[Wasser]" in hit["snippet"]


def test_accents_fold_as_in_the_lyrics(lib):
    assert found(lib, "flusterwind") == [("translation", "translation", 6, len("\n".join(GERMAN[:5])) + 12)]


@pytest.mark.parametrize(
    ("filters", "kinds"),
    [
        ({"pane": "translation"}, ["translation"]),
        ({"pane": "lyrics"}, []),
        ({"pane": "article"}, []),
        ({"has_note": True}, []),  # annotations only
        ({"artist": "wren"}, ["translation"]),
        ({"artist": "someone else"}, []),
    ],
)
def test_filters_keep_or_leave_out_the_translation(lib, filters, kinds):
    assert [kind for kind, *_ in found(lib, "laterne", **filters)] == kinds


def test_the_song_filter_keeps_its_own_translation_only(lib):
    other = lib.songs.add("Other", lyrics="one\ntwo")
    lib.translations.set(other.id, ["eins Laterne", "zwei"], language="de")
    assert {h["song_id"] for h in lib.search.find("laterne")} == {lib.song_id, other.id}
    hits = lib.search.find("laterne", filters=SearchFilters(song_id=other.id))
    assert [(h["song_id"], h["line"]) for h in hits] == [(other.id, 1)]


def test_the_index_follows_the_translation_through_edits_and_the_trash(lib):
    lib.translations.set(lib.song_id, [*GERMAN[:2], "auf dem Meer", *GERMAN[3:]], language="de")
    assert found(lib, "wasser") == [] and [k for k, *_ in found(lib, "meer")] == ["translation"]
    lib.songs.update(
        lib.song_id, lyrics="A first line\n" + LYRICS
    )  # the translation's lines move with the lyrics
    assert found(lib, "meer")[0][2] == 4
    lib.songs.set_deleted(lib.song_id)
    assert found(lib, "meer") == []
    lib.songs.set_deleted(lib.song_id, False)
    lib.translations.remove(lib.song_id)
    assert found(lib, "meer") == [] and lib.search.problems() == {}


def test_the_translations_index_is_checked_and_rebuilt_like_the_others(lib):
    assert list(FTS_COLUMNS)[-1] == "translations" and search_index_damage(lib) == {}
    sql = lib.db.execute("SELECT sql FROM sqlite_master WHERE name = 'translations_au'").fetchone()[0]
    lib.db.execute("DROP TRIGGER translations_au")
    lib.db.execute(
        "UPDATE translations SET text = replace(text, 'Wasser', 'Zebra') WHERE song_id = ?", [lib.song_id]
    )
    lib.db.execute(sql)
    assert list(search_index_damage(lib)) == ["translations"]
    report = check_library(lib)
    (problem,) = report.problems
    assert (problem.kind, problem.table) == ("search_index", "translations")
    assert "search index of translations" in problem.where
    repair_library(lib, report)
    assert [k for k, *_ in found(lib, "zebra")] == ["translation"] and found(lib, "wasser") == []


def test_the_index_is_made_as_sqlite_utils_makes_the_others(lib):
    """Written statement by statement (a script would commit the migration's transaction), it must be
    what `enable_fts` makes, so that the rebuild and sqlite-utils' tools treat it as the others."""
    db = sqlite_utils.Database(memory=True)
    db.execute("CREATE TABLE translations (n INTEGER PRIMARY KEY, text TEXT)")
    db["translations"].enable_fts(
        ("text",), fts_version="FTS5", create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )
    query = "SELECT name, sql FROM sqlite_master WHERE name LIKE 'translations_%' ORDER BY name"
    assert lib.db.execute(query).fetchall() == db.execute(query).fetchall()


@pytest.mark.parametrize("version", ["v3", "v4"])
def test_saved_libraries_search_their_translations(tmp_path, version):
    path = tmp_path / "library.sqlite"
    shutil.copyfile(DATA / "libraries" / f"{version}.sqlite", path)
    with Library.open(path) as lib:
        (song,) = lib.songs.all()
        if version == "v3":  # upgraded by step 0004: an empty index, filled as translations come
            lib.translations.set(song.id, [f"Zeile {i}" for i in range(1, len(song.lyrics.split("\n")) + 1)])
        hits = lib.search.find("zeile", filters=SearchFilters(pane="translation"))
        assert {h["kind"] for h in hits} == {"translation"} and hits[0]["line"] == (
            1 if version == "v3" else 2
        )
        assert lib.search.problems() == {}
