"""The session never loses a change (issue 7): failed saves kept and retried, outside changes
picked up, automatic backups, a library from a newer lyricpad open read-only."""

from __future__ import annotations

import sqlite3

from lyricpad.app.session import Session
from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.backup import BACKUP_INTERVAL_SECONDS, list_backups
from lyricpad.core.schema import SCHEMA_VERSION
from lyricpad.core.store import Library


def fill_the_disk(session: Session) -> None:
    """SQLite's own limit on the file's size: the next write that grows it fails as on a full disk."""
    db = session._library.db
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")


def free_the_disk(session: Session) -> None:
    session._library.db.execute("PRAGMA max_page_count = 1073741823")


def test_a_save_on_a_full_disk_is_kept_told_and_saved_when_space_is_back(session, library_path):
    messages, counts = [], []
    session.write_failed.connect(messages.append)
    session.change_kept.connect(messages.append)
    session.unsaved_changed.connect(counts.append)
    song = session.songs()[0]
    fill_the_disk(session)
    big = song.lyrics + "\n" + "a new verse line that makes the file grow\n" * 2000
    session.song_edits.update(song.id, lyrics=big)
    session.annotation_edits.edit_note(session.annotations(song.id)[0].id, "typed while the disk was full")
    assert session.safekeeping.unsaved_count == 2 and counts == [1, 2]
    assert "not saved yet" in messages[0] and "disk" in messages[0] and "full" in messages[0]
    with Library.open(library_path) as other:  # nothing half-written
        assert other.songs.get(song.id).lyrics == song.lyrics
        assert other.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert session.safekeeping.retry_unsaved() is False  # still full: kept
    assert session.safekeeping.unsaved_count == 2
    free_the_disk(session)
    assert session.safekeeping.retry_unsaved() is True
    assert session.safekeeping.unsaved_count == 0 and counts[-1] == 0
    with Library.open(library_path) as other:
        assert other.songs.get(song.id).lyrics == big
        assert other.annotations.for_song(song.id)[0].note == "typed while the disk was full"
    session.undo_stack.undo()  # the saved changes are ordinary undo steps
    assert session.annotations(song.id)[0].note != "typed while the disk was full"


def test_a_read_only_moment_is_retried_too(session, library_path):
    song = session.songs()[0]
    session._library.db.execute("PRAGMA query_only = 1")  # SQLite refuses every write
    session.song_edits.update(song.id, title="Retitled")
    assert session.safekeeping.unsaved_count == 1
    session._library.db.execute("PRAGMA query_only = 0")
    assert session.safekeeping.retry_unsaved()
    assert session.song(song.id).title == "Retitled"


def test_a_refused_change_is_not_kept(session):
    messages = []
    session.write_failed.connect(messages.append)
    session.change_kept.connect(messages.append)
    session.song_edits.update(session.songs()[0].id, title="   ")
    assert session.safekeeping.unsaved_count == 0 and "needs a title" in messages[0]


def test_changes_made_by_another_process_are_announced(session, library_path):
    seen = []
    session.songs_changed.connect(lambda: seen.append("songs"))
    session.annotations_changed.connect(lambda song_id, ids: seen.append(("annotations", len(ids))))
    song = session.songs()[0]
    session.select_song(song.id)
    assert session.library_care.check_outside_changes() is False
    session.song_edits.update(song.id, title="Mine")  # our own change is not "outside"
    seen.clear()
    assert session.library_care.check_outside_changes() is False and seen == []
    with Library.open(library_path) as other:
        other.songs.add("Imported by the CLI")
        other.annotations.add(song.id, [anchor_for_lines(song.lyrics, 4, 4)], note="from outside")
    assert session.library_care.check_outside_changes() is True
    assert "songs" in seen and ("annotations", 7) in seen
    assert "Imported by the CLI" in [s.title for s in session.songs()]


def test_automatic_backups_while_changes_happen_and_on_close(library_path, clock):
    session = Session(Library.open(library_path), clock=clock)
    song = session.songs()[0]
    session.song_edits.update(song.id, title="One")
    assert list_backups(library_path) == []  # too soon after the last one
    clock.now += BACKUP_INTERVAL_SECONDS
    session.song_edits.update(song.id, title="Two")
    (auto,) = list_backups(library_path)
    assert auto.reason == "auto"
    session.song_edits.update(song.id, title="Three")
    session.close()
    newest = list_backups(library_path)[0]
    assert newest.reason == "quit"
    with Library.open(newest.path) as copy:
        assert copy.songs.get(song.id).title == "Three"


def test_closing_without_changes_makes_no_backup(library_path, clock):
    Session(Library.open(library_path), clock=clock).close()
    assert list_backups(library_path) == []


def test_a_newer_library_is_read_only_in_the_session(library_path):
    Library.open(library_path).close()
    conn = sqlite3.connect(library_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = library_path.read_bytes()
    session = Session(Library.open(library_path))
    messages = []
    session.write_failed.connect(messages.append)
    session.change_kept.connect(messages.append)
    assert "newer lyricpad" in session.read_only
    song = session.songs()[0]
    session.song_edits.update(song.id, title="Changed")
    assert session.safekeeping.unsaved_count == 0  # refused, not retried: it can never succeed
    assert "newer lyricpad" in messages[0]
    session.close()
    assert library_path.read_bytes() == before


def test_a_change_by_another_program_clears_the_undo_history(session, library_path):
    song = session.songs()[0]
    session.song_edits.update(song.id, title="Renamed in the window")
    told = []
    session.changed_elsewhere.connect(lambda: told.append(True))
    with Library.open(library_path) as other:
        other.songs.update(song.id, lyrics="new lyrics from the command line")
    assert session.library_care.check_outside_changes()
    assert session.undo_stack.count() == 0 and told == [True]
    assert session.song(song.id).lyrics == "new lyrics from the command line"  # nothing undoes it


def test_a_backup_is_not_restored_while_changes_wait_to_be_saved(session, library_path, tmp_path):
    messages = []
    session.write_failed.connect(messages.append)
    session.change_kept.connect(messages.append)
    backup = session.library_care.backup("manual")
    song = session.songs()[0]
    fill_the_disk(session)
    session.song_edits.update(song.id, lyrics=song.lyrics + "\n" + "more words to keep\n" * 3000)
    assert session.safekeeping.unsaved_count == 1
    assert session.library_care.restore_backup(backup) is None
    assert "1 change still waits to be saved" in messages[-1] and session.safekeeping.unsaved_count == 1
    free_the_disk(session)


def test_a_creation_whose_read_back_fails_is_undone_so_the_retry_makes_it_once(
    session, library_path, monkeypatch
):
    from lyricpad.core.errors import LibraryUnavailable
    from lyricpad.core.store.annotations import Annotations

    song = session.songs()[0]
    before = len(session.annotations(song.id))
    real = Annotations.get
    failures = [True]

    def flaky(annotations, annotation_id):
        if failures:
            failures.pop()
            raise LibraryUnavailable("the disk could not read the library (an I/O error)")
        return real(annotations, annotation_id)

    monkeypatch.setattr(Annotations, "get", flaky)
    session.annotation_edits.create(song.id, [anchor_for_lines(song.lyrics, 4, 4)], note="once")
    assert session.safekeeping.unsaved_count == 1
    with Library.open(library_path) as other:
        assert len(other.annotations.for_song(song.id)) == before  # the failed creation left nothing
    assert session.safekeeping.retry_unsaved()
    notes = [a.note for a in session.annotations(song.id)]
    assert notes.count("once") == 1
