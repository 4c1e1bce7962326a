"""CurrentSong says which annotations a change was about, and in which text, so views redraw only those."""

import pytest

from lyricpad.app.current_song import CurrentSong
from lyricpad.app.session import Session
from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.demo import DEMO_TITLE
from lyricpad.core.store import Library


@pytest.fixture
def session(tmp_path):
    path = tmp_path / "lib.sqlite"
    Library.open(path).close()
    session = Session.open(path)
    yield session
    session.close()


@pytest.fixture
def current(session):
    current = CurrentSong(session)
    session.select_song(session.resolve_song(DEMO_TITLE).id)
    return current


def told(current: CurrentSong) -> list:
    """(changed ids, touched lyrics, touched an article) at each annotations_changed."""
    seen = []
    current.annotations_changed.connect(
        lambda _song_id: seen.append(
            (current.changed_ids, current.changed_in("lyrics"), current.changed_in("article"))
        )
    )
    return seen


def test_a_switch_reads_everything(session, current):
    assert current.changed_ids is None
    assert current.changed_in("lyrics") and current.changed_in("article")


def test_each_edit_names_its_annotation_and_its_text(session, current):
    seen = told(current)
    lyrics = current.song.lyrics
    new_id = session.annotation_edits.create(current.song_id, [anchor_for_lines(lyrics, 2, 2)])
    assert seen == [(frozenset({new_id}), True, False)]
    article_one = next(a for a in current.annotations() if a.target == "article")
    session.annotation_edits.delete(article_one.id)
    session.undo_stack.undo()
    assert seen[1:] == [(frozenset({article_one.id}), False, True)] * 2
    session.undo_stack.undo()  # the new highlight is erased: still known as a lyrics one
    assert seen[-1] == (frozenset({new_id}), True, False)
    assert current.annotation(new_id) is None


def test_a_lens_change_is_a_change_of_them_all(session, current):
    seen = told(current)
    lens = session.library.lenses.all()[0]
    session.lens_edits.update(lens.id, colour="#123456")
    assert seen == [(None, True, True)]


def test_the_text_order_kept_through_edits_is_the_order_read_afresh(session, current):
    lyrics = current.song.lyrics
    ids = [a.id for a in current.annotations()]
    for line in (5, 1, 3):
        session.annotation_edits.create(current.song_id, [anchor_for_lines(lyrics, line, line)])
    session.annotation_edits.delete(ids[1])
    session.undo_stack.undo()
    session.annotation_edits.delete(ids[2])
    fresh = CurrentSong(session)
    assert [a.id for a in current.annotations()] == [a.id for a in fresh.annotations()]
    assert len(current.annotations()) == len(ids) + 2
