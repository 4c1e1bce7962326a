"""The current song's view state: it follows the session's facts and keeps one current annotation at most."""

import pytest

from lyricpad.app.current_song import CurrentSong
from lyricpad.app.session import Session
from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.demo import DEMO_TITLE
from lyricpad.core.store import Library


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as library:
        library.songs.add("Paper Boats", artist="Wren Alder", lyrics="Fold the paper\nset it sailing\n")
    return path


@pytest.fixture
def session(path):
    session = Session.open(path)
    yield session
    session.close()


@pytest.fixture
def current(session):
    current = CurrentSong(session)
    session.select_song(session.resolve_song(DEMO_TITLE).id)
    return current


def record(current: CurrentSong) -> list[tuple[str, object]]:
    """Every fact *current* says, in order, as (signal name, argument)."""
    seen: list[tuple[str, object]] = []
    for name in (
        "switched",
        "song_changed",
        "articles_changed",
        "annotations_changed",
        "current_changed",
        "review_group_changed",
    ):
        getattr(current, name).connect(lambda value, name=name: seen.append((name, value)))
    return seen


def highlight(session, song_id: str, first: int, last: int) -> str:
    lyrics = session.song(song_id).lyrics
    return session.annotation_edits.create(song_id, [anchor_for_lines(lyrics, first, last)])


def test_it_reads_the_song_shown_and_reads_again_on_a_switch(session, current):
    demo = session.resolve_song(DEMO_TITLE)
    assert current.song_id == demo.id
    assert [a.id for a in current.annotations()] == [a.id for a in session.annotations(demo.id)]
    assert [a.title for a in current.articles()] == [a.title for a in session.articles(demo.id)]
    seen = record(current)
    boats = session.resolve_song("Paper Boats")
    session.select_song(boats.id)
    assert seen == [("switched", boats.id), ("current_changed", "")]
    assert current.song.title == "Paper Boats" and current.annotations() == [] and current.articles() == []


def test_annotations_are_in_text_order_lyrics_first(session, current):
    annotations = current.annotations()
    assert len(annotations) == 6
    targets = [a.target for a in annotations]
    assert targets == sorted(targets, key=lambda t: t != "lyrics")
    lyrics_starts = [a.first.start for a in current.lyrics_annotations()]
    assert lyrics_starts == sorted(lyrics_starts) and len(lyrics_starts) == targets.count("lyrics")


def test_a_new_highlight_is_read_in_and_can_be_made_current(session, current):
    seen = record(current)
    new_id = highlight(session, current.song_id, 3, 3)
    assert ("annotations_changed", current.song_id) in seen
    assert current.annotation(new_id) is not None and len(current.annotations()) == 7
    current.set_current(new_id)
    assert current.current_id == new_id and current.current().id == new_id
    assert seen[-1] == ("current_changed", new_id)
    current.set_current(new_id)  # the same again: no fact
    assert seen[-1] == ("current_changed", new_id) and seen.count(("current_changed", new_id)) == 1


def test_an_unknown_id_makes_nothing_current(current):
    first = current.annotations()[0].id
    current.set_current(first)
    current.set_current("no-such-annotation")
    assert current.current_id == "" and current.current() is None


def test_a_deleted_current_annotation_stays_current_in_the_trash_and_comes_back_on_undo(session, current):
    chosen = current.annotations()[0].id
    current.set_current(chosen)
    session.annotation_edits.delete(chosen)
    assert current.annotation(chosen) is None  # not among the live ones
    assert [a.id for a in current.trashed()] == [chosen]
    assert current.current_id == chosen and current.current().deleted
    session.undo_stack.undo()
    assert current.annotation(chosen) is not None and current.trashed() == []
    assert current.current_id == chosen and not current.current().deleted


def test_an_undone_highlight_that_was_current_leaves_nothing_current(session, current):
    new_id = highlight(session, current.song_id, 3, 3)
    current.set_current(new_id)
    seen = record(current)
    session.undo_stack.undo()  # the highlight is erased
    assert current.annotation(new_id) is None and current.current_id == ""
    # The views redraw first, then hear that nothing is current.
    assert [name for name, _ in seen if name in ("annotations_changed", "current_changed")] == [
        "annotations_changed",
        "current_changed",
    ]
    session.undo_stack.redo()
    assert current.annotation(new_id) is not None and current.current_id == ""


def test_switching_songs_drops_the_current_annotation(session, current):
    current.set_current(current.annotations()[0].id)
    session.select_song(session.resolve_song("Paper Boats").id)
    assert current.current_id == "" and current.current() is None


def test_facts_of_another_song_change_nothing(session, current):
    boats = session.resolve_song("Paper Boats")
    before = current.annotations()
    seen = record(current)
    highlight(session, boats.id, 1, 1)
    session.song_edits.update(boats.id, title="Paper Ships")
    assert seen == [] and current.annotations() == before


def test_the_song_is_read_again_when_it_changes(session, current):
    seen = record(current)
    session.song_edits.update(current.song_id, title="Lanterns, Renamed")
    assert current.song.title == "Lanterns, Renamed"
    assert ("song_changed", current.song_id) in seen


def test_the_review_group_follows_the_lyrics(session, current):
    assert current.needing_review() == []
    lyrics = current.song.lyrics
    doomed = highlight(session, current.song_id, 3, 3)
    seen = record(current)
    line = lyrics.splitlines()[2]
    session.song_edits.update(current.song_id, lyrics=lyrics.replace(line, "words nobody wrote before"))
    review = current.needing_review()
    assert doomed in [a.id for a in review]
    assert all(a.status in ("needs_review", "orphaned") for a in review)
    assert ("review_group_changed", [a.id for a in review]) in seen
    session.undo_stack.undo()
    assert current.needing_review() == []
    assert seen[-1] == ("review_group_changed", [])


def test_changes_by_another_process_leave_nothing_stale(path, session, current):
    song_id = current.song_id
    chosen = current.annotations()[0].id
    current.set_current(chosen)
    lyrics = current.song.lyrics
    with Library.open(path) as other:
        added = other.annotations.add(song_id, [anchor_for_lines(lyrics, 3, 3)], note="from the CLI")
        other.annotations.set_note(chosen, "changed elsewhere")
    assert session.library_care.check_outside_changes()
    assert current.annotation(added.id).note == "from the CLI"
    assert current.current_id == chosen and current.current().note == "changed elsewhere"
    assert [a.id for a in current.annotations()] == [a.id for a in session.annotations(song_id)]


def test_a_song_erased_by_another_process_is_no_longer_shown(path, session):
    boats = session.resolve_song("Paper Boats")
    current = CurrentSong(session)
    session.select_song(boats.id)
    with Library.open(path) as other:
        other.db.execute("DELETE FROM songs WHERE id = ?", [boats.id])
    session.library_care.check_outside_changes()
    assert current.song is None and current.song_id == "" and current.annotations() == []


def test_a_renamed_lens_is_read_into_every_annotation(session, current):
    lensed = next(a for a in current.annotations() if a.lens is not None)
    current.set_current(lensed.id)
    seen = record(current)
    session.lens_edits.update(lensed.lens.id, name="Renamed Lens")
    assert current.annotation(lensed.id).lens.name == "Renamed Lens"
    assert current.current().lens.name == "Renamed Lens"
    assert ("annotations_changed", current.song_id) in seen
