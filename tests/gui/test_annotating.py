"""Annotating in the real window: highlight in both panes, write notes, undo and redo, reopen and find it all."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from lyricpad.app.session import Session
from lyricpad.app.settings import Settings
from lyricpad.core.demo import DEMO_TITLE
from lyricpad.core.markdown import rendered_text
from lyricpad.core.store import Library
from lyricpad.gui.main_window import MainWindow


def stored(path):
    """Every live annotation in the library file, read by a separate connection, by id."""
    with Library.open(path) as library:
        (song,) = [s for s in library.songs.all() if s.title == DEMO_TITLE]
        return {a.id: a for a in library.annotations.for_song(song.id)}


def select_in_article(window, quote: str) -> None:
    """Select *quote* in the article as rendered, as a user dragging over it would."""
    browser = window.article_pane.browser
    cursor = browser.document().find(quote)
    assert not cursor.isNull(), quote
    browser.setTextCursor(cursor)
    browser.setFocus(Qt.FocusReason.MouseFocusReason)


def test_highlight_lines_in_the_lyrics_with_a_number_key(window, demo_path, qtbot):
    before = stored(demo_path)
    window.lyrics_pane.setFocus(Qt.FocusReason.MouseFocusReason)
    window.lyrics_pane.select_lines(4, 5)
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_2)  # the second lens: Imagery
    after = stored(demo_path)
    (new_id,) = set(after) - set(before)
    made = after[new_id]
    assert made.lens.name == "Imagery" and made.target == "lyrics"
    assert (made.first.line_start, made.first.line_end) == (4, 5)
    assert (
        made.quote
        == "I keep your letter where the kettle sings,\nand read it twice for every word it quotes."
    )
    assert window.selected_annotation_id == new_id
    assert window.note_editor.current_annotation_id == new_id
    assert any(h.annotation.id == new_id for h in window.lyrics_pane.highlights)


def test_highlight_a_passage_in_the_article_with_the_last_lens(window, demo_path, qtbot):
    window.lyrics_pane.setFocus(Qt.FocusReason.MouseFocusReason)
    window.lyrics_pane.select_lines(3, 3)
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_6)  # Question: now the last lens used
    before = stored(demo_path)
    select_in_article(window, "small light")
    qtbot.keyClick(window.article_pane.browser, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    after = stored(demo_path)
    (new_id,) = set(after) - set(before)
    made = after[new_id]
    assert (made.target, made.lens.name, made.quote) == ("article", "Question", "small light")
    body = window.session.articles(made.song_id)[0].body
    assert rendered_text(body)[made.first.start : made.first.end] == "small light"


def test_nothing_selected_says_what_to_do(window, demo_path, qtbot):
    before = stored(demo_path)
    window.lyrics_pane.setFocus(Qt.FocusReason.MouseFocusReason)
    window.lyrics_pane.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_1)
    assert stored(demo_path) == before
    assert "Select some text" in window.statusBar().currentMessage()


def test_a_note_typed_is_saved_and_survives_switching_songs_and_reopening(open_window, demo_path, qtbot):
    with Library.open(demo_path) as library:
        library.songs.add("Paper Boats", artist="Wren Alder", lyrics="fold it\nfloat it")
    window = open_window(demo_path, DEMO_TITLE)
    window.lyrics_pane.setFocus(Qt.FocusReason.MouseFocusReason)
    window.lyrics_pane.select_lines(16, 16)
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_1)
    new_id = window.selected_annotation_id
    editor = window.note_editor
    editor.focus_note()
    qtbot.keyClicks(editor.note_edit, "The pier *waits*.")
    # Switch songs at once, before the debounce: the note must not be lost.
    other = next(s for s in window.session.songs() if s.title == "Paper Boats")
    window.sidebar.song_requested.emit(other.id)
    assert stored(demo_path)[new_id].note == "The pier *waits*."
    window.sidebar.song_requested.emit(next(s.id for s in window.session.songs() if s.title == DEMO_TITLE))
    assert any(h.annotation.id == new_id for h in window.lyrics_pane.highlights)

    window.close()
    again = open_window(demo_path, DEMO_TITLE)
    assert new_id in {a.id for a in again.session.annotations(again.session.current_song_id)}
    again.annotations_panel.reveal_requested.emit(new_id)
    assert again.note_editor.note_text() == "The pier *waits*."


def test_note_typing_is_one_undo_step_and_undo_redo_match_the_database(window, demo_path, qtbot):
    window.lyrics_pane.setFocus(Qt.FocusReason.MouseFocusReason)
    window.lyrics_pane.select_lines(17, 17)
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_3)
    new_id = window.selected_annotation_id
    window.note_editor.focus_note()
    qtbot.keyClicks(window.note_editor.note_edit, "salt")
    window.note_editor.flush()
    qtbot.keyClicks(window.note_editor.note_edit, " and time")
    window.note_editor.flush()
    window.session.end_note_burst()
    stack = window.session.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == ["Highlight", "Edit Note"]
    assert stored(demo_path)[new_id].note == "salt and time"

    window.menus.undo_action.trigger()
    assert stored(demo_path)[new_id].note == ""
    assert window.note_editor.note_text() == ""
    window.menus.undo_action.trigger()
    assert new_id not in stored(demo_path)
    assert all(h.annotation.id != new_id for h in window.lyrics_pane.highlights)
    window.menus.redo_action.trigger()
    window.menus.redo_action.trigger()
    assert stored(demo_path)[new_id].note == "salt and time"
    assert any(h.annotation.id == new_id for h in window.lyrics_pane.highlights)


def test_delete_and_restore_a_highlight(window, demo_path, qtbot):
    target = next(iter(stored(demo_path).values()))
    window.annotations_panel.reveal_requested.emit(target.id)
    window.lyrics_pane.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_Delete)
    assert target.id not in stored(demo_path)
    assert all(h.annotation.id != target.id for h in window.lyrics_pane.highlights)
    window.menus.undo_action.trigger()
    assert target.id in stored(demo_path)
    window.menus.redo_action.trigger()
    window.annotations_panel.restore_requested.emit(target.id)
    assert target.id in stored(demo_path)


def test_change_lens_and_tags_from_the_note_editor(window, demo_path):
    target = next(iter(stored(demo_path).values()))
    window.select_annotation(target.id)
    story = next(lens for lens in window.session.lenses() if lens.name == "Story")
    window.note_editor.lens_change_requested.emit(target.id, story.id)
    window.note_editor.tags_change_requested.emit(target.id, ["night", "harbour"])
    changed = stored(demo_path)[target.id]
    assert changed.lens.name == "Story" and changed.tags == ("harbour", "night")
    window.menus.undo_action.trigger()
    window.menus.undo_action.trigger()
    assert stored(demo_path)[target.id].lens == target.lens
    assert stored(demo_path)[target.id].tags == target.tags


def test_editing_the_lyrics_saves_them_and_highlights_follow(window, demo_path, qtbot):
    first = min(stored(demo_path).values(), key=lambda a: (a.target != "lyrics", a.first.start))
    window.edit_lyrics_action.trigger()
    assert window.lyrics_pane.is_editing()
    cursor = window.lyrics_pane.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    window.lyrics_pane.setTextCursor(cursor)
    qtbot.keyClicks(window.lyrics_pane, "[Intro]")
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_Return)
    window.edit_lyrics_action.trigger()  # leaving edit mode saves at once
    assert not window.lyrics_pane.is_editing()
    with Library.open(demo_path) as library:
        song = library.songs.resolve(DEMO_TITLE)
        assert song.lyrics.startswith("[Intro]\n[Verse 1]")
        moved = library.annotations.get(first.id)
    assert moved.status == "anchored" and moved.first.line_start == first.first.line_start + 1
    assert song.lyrics[moved.first.start : moved.first.end] == first.quote


def test_lens_dialog_adds_a_lens_that_gets_a_key(window, monkeypatch):
    dialog = window.open_lens_dialog()
    monkeypatch.setattr(dialog, "ask_name", lambda *args: "Mood")
    dialog.add_lens()
    assert [action.text() for action in window.menus.lens_actions][-1] == "Mood"
    assert window.menus.lens_actions[2].text() == "Rhyme && sound"  # shown as "Rhyme & sound", not a mnemonic
    assert window.menus.lens_actions[-1].shortcut().toString() == "8"
    window.menus.undo_action.trigger()
    assert "Mood" not in [action.text() for action in window.menus.lens_actions]
    dialog.close()


def test_every_action_has_a_shortcut_and_a_name(window):
    for action in (
        window.menus.undo_action,
        window.menus.redo_action,
        window.menus.last_lens_action,
        window.menus.edit_note_action,
        window.menus.delete_highlight_action,
        window.edit_lyrics_action,
        window.menus.lenses_action,
        *window.menus.lens_actions[:9],
    ):
        assert action.text() and not action.shortcut().isEmpty(), action.text()


@pytest.fixture
def fresh(tmp_path):
    path = tmp_path / "lib.sqlite"
    Library.open(path).close()
    return path


def test_a_window_built_twice_on_one_session_agrees_with_the_database(fresh, qtbot):
    session = Session.open(fresh)
    try:
        window = MainWindow(session, Settings())
        qtbot.addWidget(window)
        session.select_song(session.songs()[0].id)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        before = set(stored(fresh))
        window.lyrics_pane.setFocus(Qt.FocusReason.MouseFocusReason)
        for line in (2, 3, 4):
            window.lyrics_pane.select_lines(line, line)
            qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_1)
        for _ in range(2):
            window.menus.undo_action.trigger()
        window.menus.redo_action.trigger()
        on_screen = {h.annotation.id for h in window.lyrics_pane.highlights}
        in_file = {a.id for a in stored(fresh).values() if a.target == "lyrics"}
        assert on_screen == in_file and len(set(stored(fresh)) - before) == 2
    finally:
        session.close()


def test_text_size_and_sort_order_come_back_at_the_next_start(open_window, demo_path):
    window = open_window(demo_path)
    size = window.lyrics_pane.font().pointSizeF()
    window.menus.bigger_action.trigger()
    window.menus.bigger_action.trigger()
    window.sidebar.set_sort_order("artist")
    window.close()
    again = open_window(demo_path)
    assert again.lyrics_pane.font().pointSizeF() == size + 2
    assert again.sidebar.sort_order() == "artist"


def test_undo_saves_pending_lyrics_first_so_screen_and_file_agree(window, demo_path, qtbot):
    window.edit_lyrics_action.trigger()
    cursor = window.lyrics_pane.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    window.lyrics_pane.setTextCursor(cursor)
    qtbot.keyClicks(window.lyrics_pane, " hum")
    window.lyrics_pane.flush()  # saved: one undo step
    qtbot.keyClicks(window.lyrics_pane, " drum")  # not yet saved: the debounce has not run
    window.menus.undo_action.trigger()  # from the Edit menu: saves " drum" as a step, then undoes it

    def lyrics():
        with Library.open(demo_path) as library:
            return library.songs.resolve(DEMO_TITLE).lyrics

    shown = window.lyrics_pane.document().toRawText().replace("\u2029", "\n")
    assert shown == lyrics() and lyrics().endswith(" hum")
    window.menus.redo_action.trigger()
    assert lyrics().endswith(" hum drum")


def test_a_key_never_highlights_the_other_panes_old_selection(window, demo_path, qtbot):
    before = stored(demo_path)
    select_in_article(window, "small light")
    window.lyrics_pane.setFocus(Qt.FocusReason.MouseFocusReason)
    window.lyrics_pane.moveCursor(QTextCursor.MoveOperation.Start)  # nothing selected here
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_2)
    assert stored(demo_path) == before


def test_undoing_a_highlight_does_not_select_another(window, demo_path, qtbot):
    window.lyrics_pane.setFocus(Qt.FocusReason.MouseFocusReason)
    window.lyrics_pane.select_lines(3, 3)
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_1)
    window.menus.undo_action.trigger()
    assert window.selected_annotation_id == ""
    assert window.note_editor.current_annotation_id == ""


def test_undo_reaches_an_article_being_edited(window, demo_path, qtbot):
    window.edit_article_action.trigger()
    editor = window.article_pane.source_edit
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " More.")
    window.article_pane.flush()
    window.menus.undo_action.trigger()
    with Library.open(demo_path) as library:
        (article,) = library.articles.for_song(library.songs.resolve(DEMO_TITLE).id)
    assert editor.toPlainText() == article.body and not article.body.endswith(" More.")


def test_the_lens_dialog_is_one_window_with_undo(window):
    first = window.open_lens_dialog()
    assert window.open_lens_dialog() is first
    assert window.menus.undo_action in first.actions()
    first.close()


def test_the_file_menu_has_the_library_actions(window):
    (file_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&File"]
    texts = [a.text().replace("&", "") for a in file_menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["New Song…", "Import…"] and "Quit" in texts
