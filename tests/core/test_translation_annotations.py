"""Annotations on a song's translation: stored, re-anchored when the translation or the lyrics change,
checked, searched, exported and merged like those on the lyrics."""

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from library_testing import GERMAN_TRANSLATION as GERMAN
from library_testing import TRANSLATED_LYRICS as LYRICS
from library_testing import add_translated_song

from lyricpad.core.anchoring import anchor_for_range
from lyricpad.core.check import check_library
from lyricpad.core.errors import InvalidValue
from lyricpad.core.export import export_json
from lyricpad.core.merge import merge_json
from lyricpad.core.merge_plan import MergeRefused
from lyricpad.core.store import Library
from lyricpad.core.store.search import SearchFilters

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture
def lib(empty_library):
    return empty_library


@pytest.fixture
def song(lib):
    return add_translated_song(lib)


def _note_on(lib, song, words: str, note: str = "Wasser: water"):
    text = lib.translations.get(song.id).text
    start = text.index(words)
    anchor = anchor_for_range(text, start, start + len(words))
    return lib.annotations.add(song.id, [anchor], target="translation", note=note)


def test_a_note_on_the_translation_is_stored_with_its_lines(lib, song):
    made = _note_on(lib, song, "Wasser")
    assert (made.target, made.article_id, made.quote) == ("translation", None, "Wasser")
    assert (made.first.line_start, made.first.line_end) == (3, 3)
    # Text order: lyrics first, then the translation.
    lyric = lib.annotations.add(song.id, [anchor_for_range(LYRICS, 8, 19)], note="lyric")
    assert [a.id for a in lib.annotations.for_song(song.id)] == [lyric.id, made.id]


@pytest.mark.parametrize(
    ("target", "article"), [("translation", "an article id"), ("lyrics", "an article id"), ("gloss", None)]
)
def test_a_translation_note_with_an_article_or_an_unknown_target_is_refused(lib, song, target, article):
    anchor = anchor_for_range("\n".join(GERMAN), 10, 17)
    with pytest.raises(InvalidValue):
        lib.annotations.add(song.id, [anchor], target=target, article_id=article)


def test_the_database_itself_refuses_a_translation_note_with_an_article(lib, song):
    made = _note_on(lib, song, "Wasser")
    article = lib.articles.add(song.id, "About", "Some words")
    with pytest.raises(sqlite3.IntegrityError):
        lib.db.execute("UPDATE annotations SET article_id = ? WHERE id = ?", [article.id, made.id])
    with pytest.raises(sqlite3.IntegrityError):
        lib.db.execute("UPDATE annotations SET target = 'glosses' WHERE id = ?", [made.id])


def test_a_song_without_a_translation_takes_no_note_on_it(lib):
    bare = lib.songs.add("Bare", lyrics="One line")
    with pytest.raises(InvalidValue, match="no translation"):
        lib.annotations.add(bare.id, [anchor_for_range("One line", 0, 3)], target="translation")


def test_notes_follow_their_words_when_the_translation_is_replaced(lib, song):
    made = _note_on(lib, song, "Wasser")
    lines = [*GERMAN]
    lines[2] = "auf dem stillen Wasser"
    lib.translations.set(song.id, lines, language="de")
    moved = lib.annotations.get(made.id)
    text = lib.translations.get(song.id).text
    assert moved.status == "anchored"
    assert text[moved.first.start : moved.first.end] == "Wasser"


def test_notes_follow_the_translation_lines_when_the_lyrics_change(lib, song):
    made = _note_on(lib, song, "Halt fest")
    lib.songs.update(song.id, lyrics="Intro\n" + LYRICS)
    moved = lib.annotations.get(made.id)
    text = lib.translations.get(song.id).text
    assert (moved.status, moved.first.line_start) == ("anchored", 7)
    assert text[moved.first.start : moved.first.end] == "Halt fest"
    # A lyric line deleted takes its translation line along: its note is orphaned, quote kept.
    lib.songs.update(song.id, lyrics=LYRICS.replace("\nHold on", ""))
    gone = lib.annotations.get(made.id)
    assert (gone.status, gone.quote) == ("orphaned", "Halt fest")


def test_removing_the_translation_orphans_its_notes_and_storing_it_again_finds_them(lib, song):
    made = _note_on(lib, song, "Wasser")
    lib.translations.remove(song.id)
    assert lib.annotations.get(made.id).status == "orphaned"
    assert not [p for p in check_library(lib).problems if p.annotation_id == made.id]
    lib.translations.set(song.id, GERMAN)
    assert lib.annotations.get(made.id).status == "anchored"


def test_the_check_reads_translation_notes_against_the_translation(lib, song):
    made = _note_on(lib, song, "Wasser")
    assert not check_library(lib).problems
    # Offsets that no longer hold the quote in the translation (written behind the store's back).
    lib.db.execute("UPDATE fragments SET char_start = 0, char_end = 6 WHERE annotation_id = ?", [made.id])
    problems = [p for p in check_library(lib).problems if p.annotation_id == made.id]
    assert problems and "translation" in problems[0].where


def test_search_finds_translation_notes_and_the_pane_filter_keeps_them_apart(lib, song):
    _note_on(lib, song, "Wasser", note="a river crossing")
    _note_on(lib, song, "Laterne", note="lamp")
    hits = lib.search.find("river")
    assert [(h["kind"], h["annotation_id"] is not None) for h in hits] == [("note", True)]
    quote, text = sorted(lib.search.find("Laterne"), key=lambda h: h["kind"])
    assert (quote["kind"], quote["where"], quote["line"]) == ("quote", "translation", 2)
    assert (text["kind"], text["where"], text["line"]) == ("translation", "translation", 2)
    assert lib.search.find("river", filters=SearchFilters(pane="translation"))
    assert not lib.search.find("river", filters=SearchFilters(pane="lyrics"))


def test_json_export_and_merge_carry_translation_notes(lib, song, tmp_path):
    made = _note_on(lib, song, "Wasser")
    data = export_json(lib)
    (exported,) = [a for a in data["annotations"] if a["id"] == made.id]
    assert exported["target"] == "translation"
    with Library.open(tmp_path / "other.sqlite", seed_demo=False) as other:
        merge_json(other, json.loads(json.dumps(data)))
        copied = other.annotations.get(made.id)
        assert (copied.target, copied.quote, copied.status) == ("translation", "Wasser", "anchored")


def test_a_merged_translation_note_with_an_article_is_refused(lib, song, tmp_path):
    made = _note_on(lib, song, "Wasser")
    data = export_json(lib)
    (exported,) = [a for a in data["annotations"] if a["id"] == made.id]
    exported["article_id"] = "0" * 32
    with Library.open(tmp_path / "other.sqlite", seed_demo=False) as other:
        with pytest.raises(MergeRefused, match="must name its article"):
            merge_json(other, data)


@pytest.mark.parametrize("version", [1, 2, 3, 4])
def test_a_saved_library_upgrades_to_take_translation_notes(version, tmp_path):
    path = tmp_path / f"v{version}.sqlite"
    shutil.copyfile(DATA / "libraries" / f"v{version}.sqlite", path)
    with Library.open(path) as lib:
        (song,) = lib.songs.all()
        before = {a.id: a for a in lib.annotations.for_song(song.id, include_deleted=True)}
        if lib.translations.get(song.id) is None:
            lines = [
                f"Zeile {i}" if line.strip() else "" for i, line in enumerate(song.lyrics.split("\n"), 1)
            ]
            lib.translations.set(song.id, lines, language="de")
        made = _note_on(lib, song, lib.translations.get(song.id).lines[1], note="upgraded")
        assert lib.annotations.get(made.id).target == "translation"
        after = {a.id: a for a in lib.annotations.for_song(song.id, include_deleted=True)}
        assert {k: v for k, v in after.items() if k != made.id} == before
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert lib.db.execute("PRAGMA foreign_key_check").fetchall() == []
        lib.db.execute("INSERT INTO annotations_fts(annotations_fts) VALUES ('integrity-check')")
        assert lib.search.find("upgraded")
        with pytest.raises(sqlite3.IntegrityError):
            lib.db.execute(
                "UPDATE annotations SET target = 'lyrics', article_id = 'x' WHERE id = ?", [made.id]
            )
    with Library.open(path) as again:  # another connection reads the new schema
        assert again.annotations.get(made.id).note == "upgraded"


def test_the_markdown_digest_groups_translation_notes_after_the_lyrics(lib, song):
    from lyricpad.core.export import export_markdown

    article = lib.articles.add(song.id, "About", "The lantern is a sign")
    lib.annotations.add(song.id, [anchor_for_range(LYRICS, 8, 19)], note="lyric note")
    _note_on(lib, song, "Wasser", note="translation note")
    text = lib.annotations.target_text(song.id, "article", article.id)
    lib.annotations.add(song.id, [anchor_for_range(text, 4, 11)], target="article", article_id=article.id)
    digest = export_markdown(lib, song.id)
    headings = [line for line in digest.split("\n") if line.startswith("## ")]
    assert headings == ["## Lyrics", "## Translation (German)", "## Article: About"]
    assert "translation note" in digest and "in the translation" in digest


def test_undo_of_a_lyrics_edit_brings_translation_notes_back_exactly(lib, song):
    made = _note_on(lib, song, "Halt fest")
    before, notes, state = (
        lib.songs.get(song.id),
        lib.annotations.for_song(song.id),
        lib.snapshots.study_data(song.id),
    )
    lib.songs.update(song.id, lyrics=LYRICS.replace("\nHold on", ""))
    assert lib.annotations.get(made.id).status == "orphaned"
    lib.snapshots.restore_song(before, notes, study=state)
    assert lib.annotations.get(made.id) == made
    assert lib.translations.get(song.id).lines == GERMAN
