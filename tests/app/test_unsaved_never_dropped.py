"""A damaged search index never blocks saving notes, and nothing typed is ever dropped (issue 12)."""

from __future__ import annotations

import pytest
from library_testing import damage_search_index
from markdown_it import MarkdownIt

from lyricpad.app.edits.annotations import one_line_quote
from lyricpad.app.library_care import LibraryCare
from lyricpad.app.session import Session
from lyricpad.core.backup import list_backups
from lyricpad.core.errors import SearchIndexDamaged
from lyricpad.core.store import Library
from lyricpad.core.store.search import Search


@pytest.fixture
def session(library_path, qapp):
    session = Session(Library.open(library_path))
    yield session
    session.close()


def test_a_write_over_a_damaged_index_says_so_and_writes_nothing(library):
    annotation = library.annotations.for_song(library.songs.all()[0].id)[0]
    damage_search_index(library)
    with pytest.raises(SearchIndexDamaged) as raised:
        library.annotations.set_note(annotation.id, "a new note")
    assert raised.value.tables == ["annotations"]
    assert library.annotations.get(annotation.id).note == annotation.note
    assert set(library.search.problems()) == {"annotations"}
    library.search.rebuild(raised.value.tables)
    assert library.search.problems() == {}
    assert library.annotations.set_note(annotation.id, "a new note").note == "a new note"


def test_a_note_typed_over_a_damaged_index_is_saved_after_a_rebuild_and_told_once(
    session, library_path, qapp
):
    told, failed = [], []
    session.library_repaired.connect(told.append)
    session.write_failed.connect(failed.append)
    session.change_kept.connect(failed.append)
    song = session.songs()[0]
    first, second = session.annotations(song.id)[:2]
    damage_search_index(session.library)
    session.annotation_edits.edit_note(first.id, "the kettle sings of home")
    assert told == []  # said from the event loop, once the change is made: never in the middle of it
    qapp.processEvents()
    assert session.safekeeping.unsaved_count == 0 and failed == []
    assert session.annotation(first.id).note == "the kettle sings of home"
    assert [a["id"] for a in session.library.search.find("kettle sings home")] == [first.id]
    (backup,) = list_backups(library_path)
    assert backup.reason == "repair"
    with Library.open(backup.path) as before:  # the library as it was, damage and all
        assert before.annotations.get(first.id).note == first.note
    damage_search_index(session.library)  # damaged again: mended again, told only once
    session.annotation_edits.edit_note(second.id, "a second note")
    qapp.processEvents()
    assert session.annotation(second.id).note == "a second note"
    assert [b.reason for b in list_backups(library_path)] == ["repair"]  # one backup per session
    assert len(told) == 1 and "search index" in told[0] and str(backup.path) in told[0]
    session.undo_stack.undo()  # an ordinary undo step
    assert session.annotation(second.id).note == second.note


def test_a_failed_rebuild_keeps_the_note_for_another_try(session, monkeypatch):
    song = session.songs()[0]
    annotation = session.annotations(song.id)[0]
    damage_search_index(session.library)
    from lyricpad.core.errors import LibraryUnavailable

    def broken(*args, **kwargs):
        raise LibraryUnavailable("the disk holding the library is full")

    monkeypatch.setattr(Search, "rebuild", broken)
    session.annotation_edits.edit_note(annotation.id, "kept while the index cannot be rebuilt")
    assert session.safekeeping.retryable_count == 1
    monkeypatch.undo()
    assert session.safekeeping.retry_unsaved()
    assert session.annotation(annotation.id).note == "kept while the index cannot be rebuilt"


def test_a_note_refused_for_good_is_kept_for_a_copy_and_never_blocks_later_changes(
    session, library_path, tmp_path
):
    failed, modal = [], []
    session.change_kept.connect(failed.append)
    session.write_failed.connect(modal.append)
    song = session.songs()[0]
    gone, other = session.annotations(song.id)[:2]
    with Library.open(library_path) as cli:  # another program erases the highlight being written
        cli.snapshots.purge_annotation(gone.id)
    session.annotation_edits.edit_note(gone.id, "words typed *before* the highlight vanished")
    assert (
        session.safekeeping.unsaved_count == 1
        and session.safekeeping.lost_count == 1
        and session.safekeeping.retryable_count == 0
    )
    assert "kept" in failed[-1] and "copy" in failed[-1] and modal == []  # told without a modal question
    session.annotation_edits.edit_note(other.id, "a later note is saved as usual")
    assert session.annotation(other.id).note == "a later note is saved as usual"
    assert session.safekeeping.retry_unsaved() is True  # nothing waits for another try...
    assert session.safekeeping.unsaved_count == 1  # ...but the lost words are still counted, for the copy
    backup = session.library_care.backup("manual")
    assert session.library_care.restore_backup(backup) is not None  # and they block nothing
    copy = session.safekeeping.save_unsaved_copy(tmp_path / "copy.md")
    text = copy.read_text(encoding="utf-8")
    tokens = MarkdownIt().parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0] == "lyricpad: changes not saved"
    assert headings[1].startswith("Note of the highlight")  # its quote is gone with it
    fences = [(t.info, t.content) for t in tokens if t.type == "fence"]
    assert fences == [("markdown", "words typed *before* the highlight vanished\n")]  # exactly as typed


def test_the_copy_holds_the_newest_words_of_each_change_and_names_the_others(session, tmp_path):
    song = session.songs()[0]
    annotation = session.annotations(song.id)[0]
    session.library.db.execute("PRAGMA query_only = 1")  # every write refused for now
    session.annotation_edits.edit_note(annotation.id, "first draft")
    session.annotation_edits.edit_note(annotation.id, "second draft, the one to keep")
    session.song_edits.update(song.id, lyrics="```\nnew lyrics with a fence\n")
    session.song_edits.update(song.id, title="Renamed")
    assert (
        session.safekeeping.retryable_count == 3
    )  # the two drafts of one note wait as one change, the newest
    text = session.safekeeping.unsaved_markdown()
    session.library.db.execute("PRAGMA query_only = 0")
    tokens = MarkdownIt().parse(text)
    fences = [(t.info, t.content) for t in tokens if t.type == "fence"]
    assert fences == [
        ("markdown", "second draft, the one to keep\n"),  # the newest words of the note only
        ("text", "```\nnew lyrics with a fence\n"),  # lyrics kept exactly, fence and all
    ]
    items = [tokens[i + 2].content for i, t in enumerate(tokens) if t.type == "list_item_open"]
    assert items == ["Rename Song"]
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[1] == f"Note on “{one_line_quote(annotation.quote)}” ({song.display_name})"
    assert headings[2] == f"Lyrics of {song.display_name}"
    assert session.safekeeping.retry_unsaved()
    assert session.song(song.id).title == "Renamed"


def test_a_damaged_index_is_mended_when_the_window_opens_before_any_save_fails(library_path, qapp):
    with Library.open(library_path) as lib:
        damage_search_index(lib, "fragments")
    session = Session(Library.open(library_path))
    told = []
    session.library_repaired.connect(told.append)
    try:
        assert session.library_care.mend_search_index() is True
        qapp.processEvents()
        assert session.library.search.problems() == {}
        assert len(told) == 1 and "would have stopped" in told[0]
        assert [b.reason for b in list_backups(library_path)] == ["repair"]
        assert session.library_care.mend_search_index() is False  # nothing left to mend, nothing said
        assert len(told) == 1
    finally:
        session.close()


def test_words_refused_once_are_forgotten_when_a_later_edit_of_the_same_note_is_saved(session, qapp):
    song = session.songs()[0]
    annotation = session.annotations(song.id)[0]
    db = session.library.db
    db.execute(
        "CREATE TEMP TRIGGER refuse BEFORE UPDATE OF note ON annotations "
        "BEGIN SELECT RAISE(ABORT, 'constraint failed'); END"
    )
    session.annotation_edits.edit_note(annotation.id, "refused words")
    assert session.safekeeping.lost_count == 1
    db.execute("DROP TRIGGER refuse")
    session.annotation_edits.edit_note(annotation.id, "refused words, and more, saved")
    assert (
        session.safekeeping.lost_count == 0 and session.safekeeping.unsaved_count == 0
    )  # the copy would be out of date
    assert session.annotation(annotation.id).note == "refused words, and more, saved"


def test_a_change_asked_for_while_another_is_being_made_waits_its_turn(session, library_path, qapp):
    """A message box shown in the middle of a change runs an event loop: a note saved from it (or
    a retry) must come after the change, so an older text never overwrites a newer one."""
    song = session.songs()[0]
    annotation = session.annotations(song.id)[0]
    damage_search_index(session.library)
    real = LibraryCare.repair_search_index

    def repair_with_an_event_loop(self, exc, **kwargs):
        real(self, exc, **kwargs)
        session.annotation_edits.edit_note(annotation.id, "typed while the message was shown: the newest")
        assert session.safekeeping.retry_unsaved() is False  # no second retry inside the first

    LibraryCare.repair_search_index = repair_with_an_event_loop
    try:
        session.annotation_edits.edit_note(annotation.id, "typed first")
    finally:
        LibraryCare.repair_search_index = real
    qapp.processEvents()
    assert session.annotation(annotation.id).note == "typed while the message was shown: the newest"
    assert session.safekeeping.unsaved_count == 0


def test_newer_words_never_jump_ahead_of_a_highlight_made_on_the_older_ones(session, qapp):
    from lyricpad.core.anchoring import anchor_for_lines

    song = session.songs()[0]
    session.library.db.execute("PRAGMA query_only = 1")
    first = "A new first line\n" + song.lyrics
    session.song_edits.update(song.id, lyrics=first)  # kept
    session.annotation_edits.create(song.id, [anchor_for_lines(first, 1, 1)], note="on the new first line")
    session.song_edits.update(song.id, lyrics="An edited first line\n" + song.lyrics)  # after the highlight
    assert session.safekeeping.retryable_count == 3
    session.library.db.execute("PRAGMA query_only = 0")
    assert session.safekeeping.retry_unsaved()
    notes = {a.note: a for a in session.annotations(song.id)}
    assert "on the new first line" in notes  # saved on the text it was made on, then followed the edit
    assert session.song(song.id).lyrics.startswith("An edited first line\n")


def test_a_failing_automatic_backup_is_told_quietly_and_not_at_every_pause(library_path, qapp):
    from lyricpad.core.backup import BACKUP_INTERVAL_SECONDS, backups_folder

    class Clock:
        now = 1000.0

        def __call__(self):
            return self.now

    clock = Clock()
    session = Session(Library.open(library_path), clock=clock)
    told, modal = [], []
    session.notice.connect(told.append)
    session.write_failed.connect(modal.append)
    backups_folder(library_path).write_text("a file where the backups folder should be")
    try:
        annotation = session.annotations(session.songs()[0].id)[0]
        clock.now += BACKUP_INTERVAL_SECONDS
        session.annotation_edits.edit_note(annotation.id, "typed: the backup is due and fails")
        clock.now += 5
        session.annotation_edits.edit_note(annotation.id, "typed on, five seconds later")
        assert len(told) == 1 and "automatic backup failed" in told[0] and modal == []
        assert session.annotation(annotation.id).note == "typed on, five seconds later"  # saves go on
        clock.now += BACKUP_INTERVAL_SECONDS
        session.annotation_edits.edit_note(annotation.id, "ten minutes on")
        assert len(told) == 2  # tried again after the usual interval
    finally:
        session.safekeeping.discard_unsaved()
        session.close()
