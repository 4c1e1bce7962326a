"""lyricpad check: damage made for real in library files is found by kind, and repaired without losing a word (issue 12)."""

from __future__ import annotations

import collections
import json
import sqlite3

import pytest
from library_testing import put_an_index_out_of_step

from lyricpad.core.backup import list_backups
from lyricpad.core.check import RECOVERED_TITLE, check_library
from lyricpad.core.demo import DEMO_TITLE
from lyricpad.core.errors import LyricpadError
from lyricpad.core.markdown import rendered_text
from lyricpad.core.repair import RepairRefused, repair_library
from lyricpad.core.store import Library
from lyricpad.core.text import LineIndex

# ------------------------------------------------------------------ damage, made for real


def _annotation_ids(lib: Library, target: str = "lyrics") -> list[str]:
    return [r[0] for r in lib.db.execute("SELECT id FROM annotations WHERE target = ? ORDER BY n", [target])]


def stale_search_index(lib: Library) -> None:
    """A note changed while its trigger did not run: the index still has the old words."""
    sql = lib.db.execute("SELECT sql FROM sqlite_master WHERE name = 'annotations_au'").fetchone()[0]
    lib.db.execute("DROP TRIGGER annotations_au")
    lib.db.execute("UPDATE annotations SET note = 'zebra crossing' WHERE id = ?", [_annotation_ids(lib)[0]])
    lib.db.execute(sql)


def broken_search_index(lib: Library) -> None:
    """Rows of the index's own storage gone (as after a crash of a careless tool)."""
    lib.db.execute("DELETE FROM fragments_fts_data WHERE id > 1")


def shifted_offsets(lib: Library) -> None:
    lib.db.execute(
        "UPDATE fragments SET char_start = char_start + 3, char_end = char_end + 3 WHERE annotation_id = ?",
        [_annotation_ids(lib)[0]],
    )


def offsets_past_the_end(lib: Library) -> None:
    lib.db.execute(
        "UPDATE fragments SET char_start = 100000, char_end = 100010 WHERE annotation_id = ?",
        [_annotation_ids(lib)[0]],
    )


def changed_quote(lib: Library) -> None:
    lib.db.execute(
        "UPDATE fragments SET quote = 'words that were never in this song at all' WHERE annotation_id = ?",
        [_annotation_ids(lib)[0]],
    )


def shifted_article_offsets(lib: Library) -> None:
    lib.db.execute(
        "UPDATE fragments SET char_start = char_start + 2, char_end = char_end + 2 WHERE annotation_id = ?",
        [_annotation_ids(lib, "article")[0]],
    )


def wrong_line_numbers(lib: Library) -> None:
    lib.db.execute(
        "UPDATE fragments SET line_start = line_start + 1, line_end = line_end + 1 WHERE annotation_id = ?",
        [_annotation_ids(lib)[0]],
    )


def proposal_past_the_end(lib: Library) -> None:
    annotation_id = _annotation_ids(lib)[0]
    lib.db.execute("UPDATE annotations SET status = 'needs_review' WHERE id = ?", [annotation_id])
    lib.db.execute(
        "UPDATE fragments SET proposed_start = 90000, proposed_end = 90005, proposed_line_start = 900,"
        " proposed_line_end = 900 WHERE annotation_id = ?",
        [annotation_id],
    )


def fragment_without_annotation(lib: Library) -> None:
    lib.db.execute("PRAGMA foreign_keys = OFF")
    lib.db.execute(
        "INSERT INTO fragments (annotation_id, position, char_start, char_end, quote, line_start, line_end)"
        " VALUES ('0badf00d-0000-0000-0000-000000000000', 0, 0, 5, 'hello', 1, 1)"
    )
    lib.db.execute("PRAGMA foreign_keys = ON")


def tag_link_without_annotation(lib: Library) -> None:
    tag_id = lib.db.execute("SELECT id FROM tags LIMIT 1").fetchone()[0]
    lib.db.execute("PRAGMA foreign_keys = OFF")
    lib.db.execute(
        "INSERT INTO annotation_tags (annotation_id, tag_id) VALUES ('0badf00d-0000-0000-0000-000000000000', ?)",
        [tag_id],
    )
    lib.db.execute("PRAGMA foreign_keys = ON")


def song_deleted_under_its_notes(lib: Library) -> None:
    lib.db.execute("PRAGMA foreign_keys = OFF")
    lib.db.execute("DELETE FROM songs WHERE title = ?", [DEMO_TITLE])
    lib.db.execute("PRAGMA foreign_keys = ON")


def article_deleted_under_its_notes(lib: Library) -> None:
    lib.db.execute("PRAGMA foreign_keys = OFF")
    lib.db.execute("DELETE FROM articles")
    lib.db.execute("PRAGMA foreign_keys = ON")


def lens_deleted_under_its_notes(lib: Library) -> None:
    lens_id = lib.db.execute("SELECT lens_id FROM annotations WHERE lens_id IS NOT NULL LIMIT 1").fetchone()[
        0
    ]
    lib.db.execute("PRAGMA foreign_keys = OFF")
    lib.db.execute("DELETE FROM lenses WHERE id = ?", [lens_id])
    lib.db.execute("PRAGMA foreign_keys = ON")


DAMAGE = [
    (stale_search_index, "search_index"),
    (broken_search_index, "search_index"),
    (shifted_offsets, "anchors"),
    (offsets_past_the_end, "anchors"),
    (changed_quote, "anchors"),
    (shifted_article_offsets, "anchors"),
    (wrong_line_numbers, "line_numbers"),
    (proposal_past_the_end, "proposals"),
    (fragment_without_annotation, "links"),
    (tag_link_without_annotation, "links"),
    (song_deleted_under_its_notes, "links"),
    (article_deleted_under_its_notes, "links"),
    (lens_deleted_under_its_notes, "links"),
]


def notes(lib: Library) -> dict[str, str]:
    """Every annotation's note, by id: what a repair must never lose."""
    return dict(lib.db.execute("SELECT id, note FROM annotations").fetchall())


def quotes(lib: Library) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for annotation_id, quote in lib.db.execute(
        "SELECT annotation_id, quote FROM fragments WHERE annotation_id IN (SELECT id FROM annotations)"
        " ORDER BY annotation_id, position"
    ):
        found.setdefault(annotation_id, []).append(quote)
    return found


def anchored_fragments_hold_their_text(lib: Library) -> None:
    for song in lib.songs.all(include_deleted=True):
        for annotation in lib.annotations.for_song(song.id, include_deleted=True):
            if annotation.status != "anchored":
                continue
            text = lib.annotations.target_text(song.id, annotation.target, annotation.article_id)
            index = LineIndex(text)
            for frag in annotation.fragments:
                assert text[frag.start : frag.end] == frag.quote
                assert (frag.line_start, frag.line_end) == index.lines_of_range(frag.start, frag.end)


@pytest.fixture
def reopen(library_path):
    """Open the library again, as a later start of lyricpad would: nothing of earlier damage is cached."""
    opened: list[Library] = []

    def open_() -> Library:
        opened.append(Library.open(library_path))
        return opened[-1]

    yield open_
    for lib in opened:
        lib.close()


# -------------------------------------------------------------------------------- tests


def test_the_demo_library_is_fine(library):
    report = check_library(library)
    assert report.ok and report.problems == () and report.annotations == 6
    assert "No problems found" in report.summary()
    assert json.loads(json.dumps(report.to_json()))["ok"] is True


@pytest.mark.parametrize(("damage", "kind"), DAMAGE, ids=[d.__name__ for d, _ in DAMAGE])
def test_damage_is_found_by_kind_and_repaired_without_losing_a_word(library_path, reopen, damage, kind):
    with Library.open(library_path) as damaged:
        before_notes, before_quotes = notes(damaged), quotes(damaged)
        damage(damaged)
    library = reopen()
    report = check_library(library)
    assert not report.ok
    assert {p.kind for p in report.problems} == {kind}
    assert report.repairable == report.problems
    assert report.summary().count("\n  - ") == len(report.problems)

    repaired = repair_library(library, report)
    assert repaired.after is not None and repaired.after.ok, repaired.after.summary()
    assert repaired.actions
    (backup,) = list_backups(library.path)
    assert backup.reason == "repair" and repaired.backup == backup.path
    with Library.open(backup.path) as copy:  # the backup is of the library before the repair
        assert {p.kind for p in check_library(copy).problems} == {kind}
    anchored_fragments_hold_their_text(library)
    after_notes = notes(library)
    for annotation_id, note in before_notes.items():  # no note lost (a stale index only had old words)
        if damage is not stale_search_index:
            assert after_notes[annotation_id] == note
    assert set(after_notes) == set(before_notes)
    after_quotes = quotes(library)
    for annotation_id, quoted in before_quotes.items():
        if damage is not changed_quote:
            assert after_quotes[annotation_id] == quoted or damage in (
                shifted_offsets,
                shifted_article_offsets,
            )
    json.dumps(repaired.to_json())


def test_a_stale_search_index_is_rebuilt_and_finds_the_note_again(library):
    stale_search_index(library)
    assert library.search.find("zebra") == []
    report = check_library(library)
    (problem,) = report.problems
    assert problem.table == "annotations" and "notes" in problem.where
    repair_library(library, report)
    assert [hit["kind"] for hit in library.search.find("zebra")] == ["note"]


def test_a_broken_search_index_no_longer_blocks_saving_notes_after_a_repair(library, reopen):
    library.db.execute("DELETE FROM annotations_fts_data WHERE id > 1")  # FTS5 can no longer open it
    annotation_id = _annotation_ids(library)[0]
    library.close()
    library = reopen()
    with pytest.raises(LyricpadError):
        library.annotations.set_note(annotation_id, "refused while the index is broken")
    repair_library(library)
    library.annotations.set_note(annotation_id, "a note about xylophones")
    assert [hit["id"] for hit in library.search.find("xylophones")] == [annotation_id]


def test_highlight_moved_off_its_words_is_anchored_on_them_again(library):
    annotation_id = _annotation_ids(library)[0]
    right = library.annotations.get(annotation_id).first
    shifted_offsets(library)
    (problem,) = check_library(library).problems
    assert problem.annotation_id == annotation_id and "is not on its words" in problem.what
    assert problem.where.startswith(f"“{DEMO_TITLE}”, lyrics, annotation {annotation_id[:8]}")
    repair_library(library)
    mended = library.annotations.get(annotation_id)
    assert mended.status == "anchored" and mended.first == right


def test_a_quote_found_nowhere_leaves_the_annotation_orphaned_with_quote_and_note(library):
    annotation_id = _annotation_ids(library)[0]
    note = library.annotations.get(annotation_id).note
    changed_quote(library)
    repaired = repair_library(library)
    kept = library.annotations.get(annotation_id)
    assert kept.status == "orphaned" and kept.note == note
    assert kept.quote == "words that were never in this song at all"
    assert any("orphaned" in action for action in repaired.actions)


def test_a_proposal_outside_the_text_is_dropped_and_the_annotation_orphaned(library):
    annotation_id = _annotation_ids(library)[0]
    proposal_past_the_end(library)
    repair_library(library)
    kept = library.annotations.get(annotation_id)
    assert kept.status == "orphaned" and kept.proposal is None and kept.note


def test_items_whose_song_is_gone_go_to_recovered_notes(library):
    song = library.songs.resolve(DEMO_TITLE)
    articles = library.articles.for_song(song.id)
    annotations = library.annotations.for_song(song.id, include_deleted=True)
    quotes = [(link.quote, link.places) for link in library.links.for_song(song.id)]
    assert quotes  # the demo article quotes its song
    song_deleted_under_its_notes(library)
    report = check_library(library)
    tables = collections.Counter(problem.table for problem in report.problems)
    assert tables == {
        "articles": len(articles),
        "annotations": len(annotations),
        "quote_links": len(articles),
    }
    repaired = repair_library(library, report)
    recovered = library.songs.get(repaired.recovered_song_id)
    assert check_library(library).ok
    assert library.links.for_song(recovered.id) == []  # the recovered song has no lyrics to quote
    assert recovered.title == RECOVERED_TITLE
    assert [a.id for a in library.articles.for_song(recovered.id)] == [a.id for a in articles]
    kept = {a.id: a for a in library.annotations.for_song(recovered.id, include_deleted=True)}
    assert set(kept) == {a.id for a in annotations}
    for annotation in annotations:
        assert kept[annotation.id].note == annotation.note
        if annotation.target == "article":  # its article came along: still on its words
            assert kept[annotation.id].status == "anchored"
        else:  # the lyrics are gone: kept with quote and note, for the user to place or delete
            assert kept[annotation.id].status == "orphaned"
            assert kept[annotation.id].quote == annotation.quote


def test_annotations_of_a_missing_article_stay_with_their_song_orphaned(library):
    song = library.songs.resolve(DEMO_TITLE)
    on_article = [a for a in library.annotations.for_song(song.id) if a.target == "article"]
    article_deleted_under_its_notes(library)
    repair_library(library)
    for annotation in on_article:
        kept = library.annotations.get(annotation.id)
        assert (kept.song_id, kept.target, kept.article_id, kept.status) == (
            song.id,
            "lyrics",
            None,
            "orphaned",
        )
        assert kept.note == annotation.note and kept.quote == annotation.quote


def test_the_trash_is_checked_too(library):
    annotation_id = _annotation_ids(library)[0]
    library.annotations.set_deleted(annotation_id)
    shifted_offsets(library)
    (problem,) = check_library(library).problems
    assert problem.annotation_id == annotation_id and "(in the trash)" in problem.where


def test_annotations_an_edit_left_needing_review_or_orphaned_are_not_problems(library):
    """They keep the place they had in the old text (beyond the end of the new one, here)."""
    song = library.songs.resolve(DEMO_TITLE)
    chorus = song.lyrics.split("\n\n")[1]
    lyrics = "\n".join(song.lyrics.split("\n")[:5]) + "\n" + chorus.replace("the current", "the currents")
    library.songs.update(song.id, lyrics=lyrics)
    unsure = [a for a in library.annotations.for_song(song.id) if a.status != "anchored"]
    assert {a.status for a in unsure} == {"needs_review", "orphaned"}
    assert any(f.end > len(lyrics) for a in unsure for f in a.fragments)
    assert check_library(library).ok


def test_article_anchors_count_over_the_rendered_text(library):
    song = library.songs.resolve(DEMO_TITLE)
    article = library.articles.for_song(song.id)[0]
    annotation = next(a for a in library.annotations.for_song(song.id) if a.target == "article")
    text = rendered_text(article.body)
    assert text != article.body and text[annotation.first.start : annotation.first.end] == annotation.quote
    assert check_library(library).ok


def test_the_check_works_on_a_read_only_reader_and_changes_nothing(library):
    stale_search_index(library)
    shifted_offsets(library)
    dump = list(library.db.conn.iterdump())
    reader = library.reader()
    try:
        report = check_library(reader)
    finally:
        reader.close()
    assert [(p.kind, p.table) for p in report.problems] == [
        ("search_index", "annotations"),
        ("anchors", "fragments"),
    ]
    assert list(library.db.conn.iterdump()) == dump
    assert list_backups(library.path) == []


def test_damaged_pages_are_reported_and_never_repaired_in_place(library_path):
    with Library.open(library_path) as lib:  # damaged while it is open (opening checks it)
        put_an_index_out_of_step(library_path)  # an index no longer matching its table
        reader = lib.reader()  # a connection that reads the schema as it now is
        report = check_library(reader)
        reader.close()
        assert report.pages_damaged and {p.kind for p in report.problems} == {"pages"}
        assert report.repairable == ()
        assert "missing from index annotations_song" in report.summary()
        assert "Restore a backup" in report.summary() and "salvage" in report.summary()
        with pytest.raises(RepairRefused, match="nothing was repaired") as refused:
            repair_library(lib, report)
        assert "\n" not in str(refused.value)
        assert list_backups(lib.path) == []


def test_a_newer_library_is_checked_but_never_repaired(library_path):
    from lyricpad.core.schema import SCHEMA_VERSION

    with Library.open(library_path) as lib:
        shifted_offsets(lib)
    conn = sqlite3.connect(library_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with Library.open(library_path) as lib:
        assert lib.read_only
        report = check_library(lib)
        assert {p.kind for p in report.problems} == {"anchors"}
        with pytest.raises(RepairRefused, match="newer lyricpad"):
            repair_library(lib, report)
        assert list_backups(lib.path) == []


def test_progress_is_reported_and_may_stop_the_check(library):
    calls = []
    check_library(library, lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, 0) and calls[-1][0] == calls[-1][1] > 0

    class Stop(Exception):
        pass

    def stop(done, total):
        if done:
            raise Stop

    with pytest.raises(Stop):
        check_library(library, stop)


def test_nothing_to_repair_makes_no_backup(library):
    repaired = repair_library(library)
    assert repaired.backup is None and repaired.actions == () and repaired.ok
    assert list_backups(library.path) == []


def test_a_repair_is_one_transaction_a_failure_changes_nothing(library, monkeypatch):
    from lyricpad.core import repair
    from lyricpad.core.errors import InvalidValue

    stale_search_index(library)
    shifted_offsets(library)
    dump = list(library.db.conn.iterdump())

    def fail(library, actions):
        raise InvalidValue("a failure after the search index was rebuilt")

    monkeypatch.setattr(repair, "_repair_anchors", fail)
    with pytest.raises(repair.RepairFailed, match="nothing was repaired") as failed:
        repair_library(library)
    assert list(library.db.conn.iterdump()) == dump
    assert str(list_backups(library.path)[0].path) in str(failed.value)
    assert {p.kind for p in check_library(library).problems} == {"search_index", "anchors"}
