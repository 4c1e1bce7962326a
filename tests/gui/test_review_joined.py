"""The annotations panel says which edits sent annotations to Needs review (`review_joined`), once per edit."""

from gui_testing import backspace_inside

from lyricpad.core.store import Library


def needing_review(path) -> list[str]:
    """The ids of the annotations needing review, in the library file."""
    with Library.open(path) as library:
        (song,) = library.songs.all()
        return sorted(a.id for a in library.annotations.for_song(song.id) if a.status == "needs_review")


def test_review_joined_carries_the_whole_group_when_an_edit_adds_to_it_and_not_on_undo(
    window, demo_path, qtbot
):
    window.resize(1024, 700)
    heard: list[list] = []
    window.annotations_panel.review_joined.connect(heard.append)
    window.edit_lyrics_action.trigger()
    backspace_inside(qtbot, window.lyrics_pane, "harbour lights", 6)
    window.edit_lyrics_action.trigger()  # leaving Edit mode saves
    first = needing_review(demo_path)
    assert len(first) == 1
    assert [sorted(ids) for ids in heard] == [first]
    window.edit_lyrics_action.trigger()
    backspace_inside(qtbot, window.lyrics_pane, "names of stars", 14)
    window.edit_lyrics_action.trigger()
    both = needing_review(demo_path)
    assert len(both) == 2
    assert [sorted(ids) for ids in heard] == [first, both]  # the whole group, the first one included
    window.session.undo_stack.undo()  # one leaves the group: nothing joined
    assert needing_review(demo_path) == first
    assert len(heard) == 2
