"""An edit that sends annotations to Needs review says so in the status bar and scrolls the panel to the (open) group."""

import pytest
from gui_testing import backspace_inside
from PySide6.QtGui import QTextCursor

from lyricpad.app.annotation_model import REVIEW_GROUP
from lyricpad.core.store import Library


def review_statuses(path) -> dict[str, str]:
    """The quote and status of each annotation that is not anchored any more, from the library file."""
    with Library.open(path) as library:
        (song,) = library.songs.all()
        return {a.quote: a.status for a in library.annotations.for_song(song.id) if a.status != "anchored"}


def scroll_list_to_bottom(window) -> None:
    bar = window.annotations_panel.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0, "the list must be long enough to scroll for this test"


def heading_in_sight(window) -> bool:
    panel = window.annotations_panel
    heading = panel.proxy.mapFromSource(panel.model.group_index(REVIEW_GROUP))
    view = panel.view
    return (
        heading.isValid()
        and view.isExpanded(heading)
        and view.viewport().rect().contains(view.title_rect(heading))
        and view.visualRect(panel.proxy.index(0, 0, heading)).isValid()
    )


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)])
def test_two_lyrics_edits_say_two_annotations_need_review_and_show_the_group(
    window, demo_path, qtbot, shots, size
):
    window.resize(*size)
    scroll_list_to_bottom(window)
    window.edit_lyrics_action.trigger()
    pane = window.lyrics_pane
    backspace_inside(qtbot, pane, "harbour lights", 6)  # "harbor"
    backspace_inside(qtbot, pane, "names of stars", 14)  # "star"
    window.edit_lyrics_action.trigger()  # leaving Edit mode saves
    assert len(review_statuses(demo_path)) == 2
    assert window.statusBar().currentMessage().startswith("2 annotations need review")
    assert heading_in_sight(window)
    shots(window, f"17-H3-needs-review-{size[0]}x{size[1]}")


def test_an_article_edit_says_one_annotation_needs_review_and_opens_the_closed_group(
    window, demo_path, qtbot
):
    window.resize(1024, 700)
    panel = window.annotations_panel
    # One already needs review, in a group the user closed.
    window.edit_lyrics_action.trigger()
    backspace_inside(qtbot, window.lyrics_pane, "harbour lights", 6)
    window.edit_lyrics_action.trigger()
    heading = panel.proxy.mapFromSource(panel.model.group_index(REVIEW_GROUP))
    panel.view.collapse(heading)
    scroll_list_to_bottom(window)
    window.statusBar().clearMessage()
    window.edit_article_action.trigger()
    editor = window.article_pane.source_edit
    backspace_inside(qtbot, editor, "slant rhyme that makes", 5)  # "slan rhyme"
    window.edit_article_action.trigger()
    assert len(review_statuses(demo_path)) == 2
    assert window.statusBar().currentMessage().startswith("2 annotations need review")
    assert heading_in_sight(window)


def test_one_says_one_and_undo_says_nothing_more(window, demo_path, qtbot):
    window.edit_lyrics_action.trigger()
    backspace_inside(qtbot, window.lyrics_pane, "harbour lights", 6)
    window.edit_lyrics_action.trigger()
    assert window.statusBar().currentMessage().startswith("1 annotation needs review")
    window.statusBar().clearMessage()
    window.undo_action.trigger()  # the words are back: nothing more needs review
    assert review_statuses(demo_path) == {}
    assert window.statusBar().currentMessage() == ""


def test_an_edit_that_keeps_every_highlight_on_its_words_says_nothing(window, demo_path, qtbot):
    window.edit_lyrics_action.trigger()
    pane = window.lyrics_pane
    pane.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(pane, " more")
    window.edit_lyrics_action.trigger()
    assert review_statuses(demo_path) == {}
    assert "review" not in window.statusBar().currentMessage()
