"""Issue 19 in the window's shared parts: the lyrics' own right-click menu offers the study view's line items
(a "Study" submenu, the margin's menu itself), and the note editor has a row under the quote for the
practice mode's note time."""

from __future__ import annotations

from gui_testing import study_computed
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel

from lyricpad.core.store import Library
from lyricpad.gui.note_editor import NoteEditor
from lyricpad.gui.study_margin import partners

LINE_ITEMS = ["Correct Syllables…", "Correct Stress…", "Correct Rhyme Letter…", "Start Section Here…"]


def point_of(pane, line: int) -> QPoint:
    block = pane.document().findBlockByNumber(line - 1)
    return pane.blockBoundingGeometry(block).translated(pane.contentOffset()).center().toPoint()


def study_menu(menu):
    """The "Study" submenu of *menu* (None when there is none)."""
    for action in menu.actions():
        if action.menu() is not None and action.text().replace("&", "") == "Study":
            return action.menu()
    return None


def texts(menu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def test_the_lyrics_menu_offers_the_study_items_of_the_line_clicked(qtbot, window, monkeypatch):
    pane, controller = window.lyrics_pane, window.study_view
    menu = pane.build_context_menu(point_of(pane, 8))
    assert study_menu(menu) is None  # the study view is off
    menu.deleteLater()

    controller.set_shown(True)
    view = study_computed(qtbot, window)
    line = next(
        item
        for item in view.lines
        if item.kind == "lyric" and item.repeats and partners(view, item) and item.line > 1
    )
    menu = pane.build_context_menu(point_of(pane, line.line))
    submenu = study_menu(menu)
    assert submenu is not None and submenu.parent() is menu  # it goes with the menu
    items = texts(submenu)
    assert items[:4] == LINE_ITEMS
    assert f"Annotate Rhyme Group {line.rhyme}" in items
    assert f"Annotate Repeated Line (×{len(line.repeats) + 1})" in items
    assert texts(submenu) == texts(controller.build_line_menu(line.line))  # the margin's own menu
    # The pane's own items are still there, the study items after them.
    assert "Copy" in " ".join(texts(menu))

    monkeypatch.setattr(controller, "ask_value", lambda title, label, text: "12")
    next(a for a in submenu.actions() if a.text() == "Correct Syllables…").trigger()
    with Library.open(window.session.library_path) as library:
        stored = library.corrections.for_song(window.current_song.song_id)
    assert [(c.line, c.field, c.value) for c in stored] == [(line.line, "syllables", "12")]
    qtbot.waitUntil(lambda: controller.state.view.lines[line.line - 1].syllables == 12)
    menu.deleteLater()

    window.edit_lyrics_action.trigger()  # Edit mode: the study view is hidden, its items too
    menu = pane.build_context_menu(point_of(pane, line.line))
    assert study_menu(menu) is None
    menu.deleteLater()


def test_rows_added_under_the_quote_stand_between_it_and_the_lens(qtbot):
    editor = NoteEditor()
    qtbot.addWidget(editor)
    editor.resize(320, 400)
    editor._stack.setCurrentWidget(editor.form)
    editor.show()
    qtbot.waitExposed(editor)
    lens_top = editor.lens_combo.mapTo(editor.form, QPoint(0, 0)).y()

    row = QLabel("♪ at 1:23")
    row.hide()
    editor.add_under_quote(row)
    qtbot.wait(20)
    assert row.parentWidget() is editor.form
    assert editor.lens_combo.mapTo(editor.form, QPoint(0, 0)).y() == lens_top  # hidden: no room taken

    row.show()
    qtbot.waitUntil(lambda: editor.lens_combo.mapTo(editor.form, QPoint(0, 0)).y() > lens_top)
    assert editor.place_label.geometry().bottom() < row.geometry().top()
    assert row.geometry().bottom() < editor.lens_combo.geometry().top()


def test_the_practice_mode_s_note_time_is_under_the_quote(window):
    row = window.practice.note_time
    editor = window.note_editor
    assert row.parentWidget() is editor.form
    assert editor.form.layout().indexOf(row) == -1  # in the editor's own slot, not pushed into its form
    assert editor._under_quote.indexOf(row) == 0
