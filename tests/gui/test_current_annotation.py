"""One current annotation at all times: the list's row, the note editor and the outlined highlight agree after Delete, Undo, Redo and filters."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from lyricpad.app.annotation_model import TRASH_GROUP, AnnotationRole
from lyricpad.core.store import Library

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def agreed(window) -> str:
    """The current annotation, after checking every view shows that same one ("" for none)."""
    current = window.current_song.current_id
    view = window.annotations_panel.view
    row = view.currentIndex()
    selected = view.selectionModel().selectedIndexes()
    listed = (row.data(AnnotationRole.ID) or "") if row.isValid() and selected else ""
    shown = {
        "list": listed,
        "panel": window.annotations_panel.current_annotation_id(),
        "note editor": window.note_editor.current_annotation_id,
        "lyrics outline": window.lyrics_pane._marks.selected,
        "article outline": window.article_pane.selected_annotation_id,
    }
    assert shown == dict.fromkeys(shown, current), f"current {current!r}, shown {shown}"
    if not current:
        assert window.note_editor.placeholder.isVisible()  # the note panel's empty hint
    return current


def trashed_ids(path) -> set[str]:
    with Library.open(path) as library:
        (song,) = library.songs.all()
        return {a.id for a in library.annotations.for_song(song.id, include_deleted=True) if a.deleted}


def click_row(window, annotation_id: str) -> None:
    view = window.annotations_panel.view
    index = window.annotations_panel.index_of(annotation_id)
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), LEFT, NONE, view.visualRect(index).center())


def first_lyrics_id(window) -> str:
    return window.current_song.lyrics_annotations()[0].id


def test_delete_in_the_list_makes_the_next_row_current_everywhere(window, demo_path, qtbot, shots):
    window.resize(1024, 700)
    doomed = first_lyrics_id(window)
    click_row(window, doomed)
    assert agreed(window) == doomed
    qtbot.keyClick(window.annotations_panel.view, Qt.Key.Key_Delete)
    assert doomed in trashed_ids(demo_path)
    now = agreed(window)
    assert now and now != doomed
    assert window.note_editor.current_annotation_id == now
    shots(window, "17-H3-after-delete-1024x700")
    window.undo_action.trigger()
    assert doomed not in trashed_ids(demo_path)
    assert agreed(window) == now  # the restored one is back in the list; the choice stays
    window.menus.redo_action.trigger()
    assert doomed in trashed_ids(demo_path)
    assert agreed(window) == now


def test_delete_in_the_lyrics_pane_agrees_too(window, demo_path, qtbot, shots):
    window.resize(1280, 800)
    pane = window.lyrics_pane
    doomed = first_lyrics_id(window)
    cursor = pane.document().find("harbour")
    rect = pane.cursorRect(cursor)
    QTest.mouseClick(pane.viewport(), LEFT, NONE, QPoint(rect.left() - 4, rect.center().y()))
    assert agreed(window) == doomed  # a click on the highlight made it current
    qtbot.keyClick(pane, Qt.Key.Key_Delete)
    assert doomed in trashed_ids(demo_path)
    now = agreed(window)
    assert now != doomed
    shots(window, "17-H3-after-delete-1280x800")


def test_deleting_the_last_annotation_leaves_none_current_and_the_empty_hint(window, demo_path, qtbot):
    panel = window.annotations_panel
    while window.current_song.annotations():
        click_row(window, window.current_song.annotations()[0].id)
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
        agreed(window)
    assert agreed(window) == ""


def test_undoing_a_new_highlight_selects_no_other_row(window, qtbot):
    pane = window.lyrics_pane
    pane.setFocus(Qt.FocusReason.MouseFocusReason)
    pane.select_lines(3, 3)
    qtbot.keyClick(pane, Qt.Key.Key_2)
    made = agreed(window)
    assert made
    window.undo_action.trigger()
    assert agreed(window) == ""
    window.menus.redo_action.trigger()
    agreed(window)


@pytest.mark.parametrize("text", ["lantern", "no such words"])
def test_a_filter_hiding_the_current_annotation_keeps_it_current(window, qtbot, text):
    panel = window.annotations_panel
    chosen = first_lyrics_id(window)  # "The harbour lights…"
    click_row(window, chosen)
    qtbot.keyClicks(panel.text_filter, text)
    assert window.current_song.current_id == chosen == panel.current_annotation_id()
    assert window.note_editor.current_annotation_id == chosen
    assert not panel.index_of(chosen).isValid()  # hidden, still current
    panel.text_filter.clear()
    assert agreed(window) == chosen


def test_delete_makes_the_next_row_current_and_the_previous_after_the_last(window, demo_path, qtbot):
    panel, view = window.annotations_panel, window.annotations_panel.view
    listed = view.listed_ids(TRASH_GROUP)
    lyrics = [i for i in listed if panel.index_of(i).parent() == panel.index_of(listed[0]).parent()]
    assert 3 <= len(lyrics) < len(listed)  # the Lyrics group, then the article's
    click_row(window, listed[1])
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert listed[1] in trashed_ids(demo_path)
    assert agreed(window) == listed[2]  # the next one, as the README says
    # The last of its group: the next one is the first of the next group, not the one above.
    click_row(window, lyrics[-1])
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert agreed(window) == listed[len(lyrics)]
    click_row(window, listed[-1])
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert agreed(window) == listed[-2]  # the last one gone: the one before it
