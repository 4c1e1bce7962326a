"""Mouse selections snap to whole words in both reading panes; Alt keeps the exact characters, keys are never snapped."""

import pytest
from gui_testing import settle
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from lyricpad.core.store import Library
from lyricpad.gui.word_snap import snap_editor_selection, snap_to_words

ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton

INVENTED = "🎸 the dock lights are foldin' down,\ndon't wake the well-worn boats... \"Sleep,\" she said."
"""Invented lines: an emoji first (two UTF-16 units), a dropped g, inner apostrophe, a hyphen, quotes."""


def words(text: str, selected: str, start_in: int = 0) -> str:
    """What *selected* (found in *text* from *start_in*) snaps to."""
    start = text.index(selected, start_in)
    a, b = snap_to_words(text, start, start + len(selected))
    return text[a:b]


@pytest.mark.parametrize(
    ("selected", "snapped"),
    [
        ("ights are foldin", "lights are foldin'"),  # both ends grow, the dropped g's apostrophe too
        ("ock", "dock"),  # inside one word: that word
        ("on't wa", "don't wake"),
        ("ell-wo", "well-worn"),
        ("worn", "well-worn"),
        ("boats... ", "boats"),  # punctuation and space at the end are left out
        (' "Sleep', "Sleep"),  # and at the start
        ("down,\ndo", "down,\ndon't"),  # inner punctuation and line breaks stay
        ("...", "..."),  # no letter at all: the user meant those very characters
        ("lights", "lights"),  # whole words stay as they are
    ],
)
def test_snap_to_words(selected, snapped):
    assert words(INVENTED, selected) == snapped


def test_the_articles_sentence_end_keeps_its_full_stop_out():
    text = "The bridge is the only place the song argues instead of describing. It sounds like comfort"
    assert words(text, "nstead of describing. ") == "instead of describing"
    assert words(text, "nstead of describing. I") == "instead of describing. It"


# ------------------------------------------------------------------ real drags


def point_at(editor, position: int) -> QPoint:
    """The viewport point of the gap before document *position* (a press there puts the cursor there)."""
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    rect = editor.cursorRect(cursor)
    return QPoint(rect.left() + 1, rect.center().y())


def drag(editor, start: int, end: int, modifiers=NONE) -> None:
    """Press at document *start*, move and release at *end*, on the editor's viewport as a mouse does."""
    viewport = editor.viewport()
    cursor = QTextCursor(editor.document())
    for position in (end, start):  # both ends scrolled into sight, as the user would before dragging
        cursor.setPosition(position)
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()
    first, last = point_at(editor, start), point_at(editor, end)
    assert viewport.rect().contains(first) and viewport.rect().contains(last)
    QTest.mousePress(viewport, LEFT, modifiers, first)
    QTest.mouseMove(viewport, (first + last) / 2)
    QTest.mouseMove(viewport, last)
    QTest.mouseRelease(viewport, LEFT, modifiers, last)


def position_of(editor, words: str, inside: int = 0) -> int:
    cursor = editor.document().find(words)
    assert not cursor.isNull(), words
    return cursor.selectionStart() + inside


def saved_quote(path, window) -> str:
    """The quote of the annotation just made (the current one), as the library file has it."""
    assert window.selected_annotation_id
    with Library.open(path) as library:
        return library.annotations.get(window.selected_annotation_id).quote


def test_a_short_drag_in_the_lyrics_takes_whole_words_and_the_lens_key_saves_them(window, demo_path, qtbot):
    pane = window.lyrics_pane
    window.resize(1024, 700)
    start = position_of(pane, "harbour lights", 2)  # inside "harbour"
    end = position_of(pane, "folding up", 4)  # inside "folding"
    drag(pane, start, end)
    assert pane.textCursor().selectedText() == "harbour lights are folding"
    assert pane.hasFocus()
    qtbot.keyClick(pane, Qt.Key.Key_2)
    assert saved_quote(demo_path, window) == "harbour lights are folding"


def test_alt_keeps_the_exact_characters_dragged(window, demo_path, qtbot):
    pane = window.lyrics_pane
    start = position_of(pane, "harbour lights", 2)
    end = position_of(pane, "folding up", 4)
    drag(pane, start, end, ALT)
    assert pane.textCursor().selectedText() == "rbour lights are fold"
    qtbot.keyClick(pane, Qt.Key.Key_2)
    assert saved_quote(demo_path, window) == "rbour lights are fold"


def test_a_long_drag_in_the_article_leaves_the_next_sentence_and_the_full_stop_out(window, demo_path, qtbot):
    window.resize(1024, 700)
    browser = window.article_pane.browser
    start = position_of(browser, "instead of describing", 3)
    end = position_of(browser, "describing. It") + len("describing. ")  # over the full stop and space
    drag(browser, start, end)
    assert browser.textCursor().selectedText() == "instead of describing"
    qtbot.keyClick(browser, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert saved_quote(demo_path, window) == "instead of describing"


def test_a_drag_backwards_snaps_too_and_keeps_the_cursor_at_its_start(window, qtbot):
    settle(qtbot, window, 1280, 800)  # the demo is a chord sheet (never wrapped): its lines whole in view
    pane = window.lyrics_pane
    end = position_of(pane, "kettle sings", 3)
    start = position_of(pane, "letter where", 2)
    drag(pane, end, start)
    cursor = pane.textCursor()
    assert cursor.selectedText() == "letter where the kettle"
    assert cursor.position() == cursor.selectionStart()  # the cursor is where the drag ended


def test_words_after_an_emoji_are_found_in_the_right_place(window, qtbot):
    # An emoji counts two positions in the document and one character in the text: no shift.
    window.session.song_edits.update(window.current_song.song_id, lyrics=INVENTED)
    pane = window.lyrics_pane
    drag(pane, position_of(pane, "lights are", 2), position_of(pane, "foldin'", 3))
    assert pane.textCursor().selectedText() == "lights are foldin'"


def test_keyboard_selections_and_clicks_are_never_snapped(window, qtbot):
    pane = window.lyrics_pane
    pane.setFocus(Qt.FocusReason.MouseFocusReason)
    cursor = pane.textCursor()
    cursor.setPosition(position_of(pane, "harbour", 2))
    pane.setTextCursor(cursor)
    for _ in range(3):
        qtbot.keyClick(pane, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert pane.textCursor().selectedText() == "rbo"
    QTest.mouseClick(pane.viewport(), LEFT, NONE, point_at(pane, position_of(pane, "gulls", 2)))
    assert not pane.textCursor().hasSelection()


def test_a_drag_while_the_lyrics_are_edited_selects_exactly(window):
    window.edit_lyrics_action.trigger()
    pane = window.lyrics_pane
    drag(pane, position_of(pane, "harbour", 2), position_of(pane, "lights", 2))
    assert pane.textCursor().selectedText() == "rbour li"


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)])
def test_screenshot_of_a_snapped_selection(window, shots, size):
    window.resize(*size)
    browser = window.article_pane.browser
    browser.setFocus(Qt.FocusReason.MouseFocusReason)
    drag(
        browser, position_of(browser, "instead of describing", 3), position_of(browser, "describing. It") + 12
    )
    assert browser.textCursor().selectedText() == "instead of describing"
    shots(window, f"17-H3-word-snap-{size[0]}x{size[1]}")


# ------------------------------------------------------------------ scripts, emoji and quotation marks

WORLD = "שָׁלוֹם לַיָּם\nनमस्ते हिंदी गीत\n灯笼的光很暖，我们回家\nlight the fire 🔥 tonight\n🎸🎸 rock 'n' roll"
"""Invented lines in Hebrew (with points), Devanagari, Chinese, and emoji before and inside the words."""


@pytest.mark.parametrize(
    ("start_in", "inside_start", "end_in", "inside_end", "expected"),
    [
        ("שָׁלוֹם", 0, "שָׁלוֹם", 4, "שָׁלוֹם"),  # right to left, pointed: the word whole, its points kept
        ("हिंदी", 0, "हिंदी", 1, "हिंदी"),
        ("光很暖", 0, "光很暖", 2, "光很"),  # the characters dragged over, not the clause
        ("fire 🔥", 1, "🔥 tonight", 2, "fire 🔥"),  # the emoji (2 UTF-16 units) kept at the end
        ("rock 'n'", 1, "'n' roll", 2, "rock 'n'"),
    ],
)
def test_drags_over_other_scripts_and_emoji_keep_whole_characters(
    window, demo_path, qtbot, start_in, inside_start, end_in, inside_end, expected
):
    window.session.song_edits.update(window.current_song.song_id, lyrics=WORLD)
    window.resize(1024, 700)
    pane = window.lyrics_pane
    drag(pane, position_of(pane, start_in, inside_start), position_of(pane, end_in, inside_end))
    assert pane.textCursor().selectedText() == expected
    qtbot.keyClick(pane, Qt.Key.Key_2)
    assert saved_quote(demo_path, window) == expected


def test_a_selection_ending_inside_a_surrogate_pair_takes_the_whole_emoji(window):
    window.session.song_edits.update(window.current_song.song_id, lyrics=WORLD)
    pane = window.lyrics_pane
    start = position_of(pane, "fire 🔥", 1)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(start)
    cursor.setPosition(position_of(pane, "🔥 tonight", 1), QTextCursor.MoveMode.KeepAnchor)  # half the emoji
    pane.setTextCursor(cursor)
    assert snap_editor_selection(pane)
    assert pane.textCursor().selectedText() == "fire 🔥"


def test_a_drag_inside_curly_quotation_marks_leaves_the_closing_one_out(window, demo_path, qtbot):
    window.resize(1024, 700)
    session = window.session
    article = session.articles(window.current_song.song_id)[0]
    body = "The chorus asks us twice: \u2018So light a lantern\u2019, and then the singers' voices drop."
    session.article_edits.update(article.id, body=body)
    browser = window.article_pane.browser
    browser.setFocus(Qt.FocusReason.MouseFocusReason)
    start = position_of(browser, "So light")
    drag(browser, start, position_of(browser, "lantern\u2019") + len("lantern"))  # exactly over the words
    assert browser.textCursor().selectedText() == "So light a lantern"
    qtbot.keyClick(browser, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert saved_quote(demo_path, window) == "So light a lantern"
    # A plural's apostrophe, with no quotation opened before it, is part of the word.
    drag(browser, position_of(browser, "the singers", 1), position_of(browser, "singers'", 4))
    assert browser.textCursor().selectedText() == "the singers'"
