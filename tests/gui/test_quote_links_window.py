"""Quote links in the window: from a quotation in the article to the lyric lines it quotes, and back."""

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from lyricpad.core.markdown import render_article
from lyricpad.core.store import Library
from lyricpad.gui.lyric_drag import LYRIC_LINES_MIME, dragged_lines, lyric_blockquote
from lyricpad.gui.quote_links_view import lines_reference

# Words written for these tests. Lines 44-45 come back as 58-59 (a chorus).
_VERSE = [
    "Morning comes in on a borrowed bicycle",
    "the kettle hums a tune it never learned",
    "somebody's radio across the yard",
    "plays the weather to an empty chair",
]
LYRICS_LINES = [f"{line} number {n}" for n in range(1, 12) for line in _VERSE][:43] + [
    "So light a lantern in the window",  # 44
    "and leave the latch undone",  # 45
    "the moths will find the way home",  # 46
    "before the morning finds us",  # 47
    *[f"gravel on the cellar step {n}" for n in range(48, 58)],  # 48-57
    "So light a lantern in the window",  # 58
    "and leave the latch undone",  # 59
    "the last bus sighs at the corner",  # 60
]
LYRICS = "\n".join(LYRICS_LINES)

PERSON = "We cut the whole record in a barn with the doors open, and the rain got on every take"
ARTICLE = f"""# Lanterns and Latches

The record opens quietly, and nothing prepares you for the chorus.

> So light a lantern in the window\\
> and leave the latch undone

Producer Mara Quill remembers it plainly: “{PERSON}.” She laughs about it now.

By the end the singer insists “the moths will find the way home” and we believe it.
"""


@pytest.fixture
def quote_path(tmp_path):
    path = tmp_path / "quotes.sqlite"
    lib = Library.open(path, seed_demo=False)
    song = lib.songs.add("Lantern Song", artist="Wren Alder", lyrics=LYRICS)
    lib.articles.add(song.id, "Review of the lantern song", ARTICLE)
    lib.close()
    return path


@pytest.fixture
def qwindow(open_window, quote_path):
    window = open_window(quote_path)
    window.resize(1100, 700)
    QApplication.processEvents()
    return window


def _place(window, words):
    """The underlined quotation holding *words*."""
    places = window.article_pane.browser.quote_places
    return next(p for p in places if words in p.link.quote)


def _point_of(browser, position):
    cursor = QTextCursor(browser.document())
    cursor.setPosition(position + 2)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    rect = browser.cursorRect(cursor)
    browser.setTextCursor(QTextCursor(browser.document()))  # no selection, nothing else moved
    return rect.center()


def _visible_lines(pane):
    block = pane.firstVisibleBlock()
    shown = []
    while block.isValid():
        top = pane.blockBoundingGeometry(block).translated(pane.contentOffset()).top()
        if top > pane.viewport().height():
            break
        shown.append(block.blockNumber() + 1)
        block = block.next()
    return shown


def test_quotations_of_the_lyrics_are_underlined_and_a_person_is_not(qwindow):
    quotes = {p.link.quote for p in qwindow.article_pane.browser.quote_places}
    assert any("So light a lantern in the window" in q for q in quotes)
    assert any("the moths will find the way home" in q for q in quotes)
    assert not any("barn" in q for q in quotes), quotes
    rendered = qwindow.article_pane.rendered.text
    for place in qwindow.article_pane.browser.quote_places:
        assert rendered[place.link.start : place.link.end] == place.link.quote


def test_hovering_a_quotation_shows_its_lines(qwindow):
    browser = qwindow.article_pane.browser
    place = _place(qwindow, "moths")
    point = _point_of(browser, place.start)
    event = QHelpEvent(QEvent.Type.ToolTip, point, browser.viewport().mapToGlobal(point))
    QApplication.sendEvent(browser.viewport(), event)
    text = QToolTip.text()
    assert "line 46" in text
    assert "the moths will find the way home" in text
    # Over the person's words: no quotation, no lyric lines.
    person = qwindow.article_pane.rendered.text.index("barn")
    point = _point_of(browser, person)
    QToolTip.showText(browser.viewport().mapToGlobal(point), "nothing yet", browser.viewport())
    QApplication.sendEvent(browser.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, point))
    assert "Quotes" not in QToolTip.text()


def test_clicking_a_quotation_scrolls_the_lyrics_to_its_lines_and_flashes_them(qwindow, qtbot):
    lyrics = qwindow.lyrics_pane
    lyrics.verticalScrollBar().setValue(0)
    assert 46 not in _visible_lines(lyrics)
    browser = qwindow.article_pane.browser
    place = _place(qwindow, "moths")
    point = _point_of(browser, place.start)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert 46 in _visible_lines(lyrics)
    assert lyrics.flashing_lines() == [(46, 46)]
    assert not lyrics.textCursor().hasSelection()  # nothing set but the scroll and the flash
    assert qwindow.current_song.current_id == ""
    qtbot.waitUntil(lambda: not lyrics.flashing_lines(), timeout=3000)


def test_a_drag_over_a_quotation_selects_text_and_jumps_nowhere(qwindow, qtbot):
    lyrics = qwindow.lyrics_pane
    lyrics.verticalScrollBar().setValue(0)
    browser = qwindow.article_pane.browser
    place = _place(qwindow, "moths")
    start = _point_of(browser, place.start)
    qtbot.mousePress(browser.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(browser.viewport(), start + QPoint(60, 0))
    qtbot.mouseRelease(browser.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(60, 0))
    assert browser.textCursor().hasSelection()
    assert lyrics.flashing_lines() == []


def test_the_gutter_marks_quoted_lines_and_its_mark_goes_to_each_quotation_in_turn(qwindow, qtbot):
    lyrics, article = qwindow.lyrics_pane, qwindow.article_pane
    gutter = lyrics.gutter
    assert {43, 44, 45, 57, 58}.issubset(gutter.quote_marks)  # blocks of lines 44-46, 58-59
    assert 0 not in gutter.quote_marks
    assert "Review of the lantern song" in gutter.quote_marks[43]
    lyrics.select_lines(44, 44)
    article.browser.verticalScrollBar().setValue(article.browser.verticalScrollBar().maximum())
    block = lyrics.document().findBlockByNumber(43)
    y = round(lyrics.blockBoundingGeometry(block).translated(lyrics.contentOffset()).center().y())
    qtbot.mouseClick(gutter, Qt.MouseButton.LeftButton, pos=QPoint(3, y))
    assert article.is_flashing()
    place = _place(qwindow, "So light a lantern")
    assert article.browser.flash_span == (place.start, place.end)
    rect = article.browser.cursorRect(_cursor_at(article.browser, place.start))
    assert 0 <= rect.top() < article.browser.viewport().height()
    assert lyrics.selected_lines() == (44, 44)  # the click on the mark selected nothing
    qtbot.waitUntil(lambda: not article.is_flashing(), timeout=3000)


def test_no_quote_marks_while_the_lyrics_are_edited(qwindow):
    lyrics = qwindow.lyrics_pane
    assert lyrics.gutter.quote_marks
    lyrics.set_editing(True)
    assert lyrics.gutter.quote_marks == {}  # they count lines of the stored lyrics
    lyrics.set_editing(False)
    assert 45 in lyrics.gutter.quote_marks


def _cursor_at(browser, position):
    cursor = QTextCursor(browser.document())
    cursor.setPosition(position)
    return cursor


def test_a_line_quoted_twice_goes_to_the_next_quotation_at_each_click(open_window, tmp_path, qtbot):
    path = tmp_path / "twice.sqlite"
    lib = Library.open(path, seed_demo=False)
    song = lib.songs.add("Lantern Song", lyrics=LYRICS)
    first = lib.articles.add(song.id, "First", "Early on: “the moths will find the way home”.")
    second = lib.articles.add(song.id, "Second", "Later: “the moths will find the way home”, she sings.")
    lib.close()
    window = open_window(path)
    lyrics, article = window.lyrics_pane, window.article_pane
    block = lyrics.document().findBlockByNumber(45)
    lyrics.show_lines([(46, 46)])
    y = round(lyrics.blockBoundingGeometry(block).translated(lyrics.contentOffset()).center().y())
    shown = []
    for _ in range(3):
        qtbot.mouseClick(lyrics.gutter, Qt.MouseButton.LeftButton, pos=QPoint(3, y))
        shown.append(article.current_article_id)
    assert shown == [first.id, second.id, first.id]  # switching the article shown each time


def test_the_quotes_filter_lists_the_links_and_enter_goes_there(qwindow, qtbot):
    panel = qwindow.annotations_panel
    panel.quotes_button.click()
    rows = [
        panel.quotes_list.item(i).data(Qt.ItemDataRole.AccessibleTextRole)
        for i in range(panel.quotes_list.count())
    ]
    assert len(rows) == len(qwindow.current_song.links())
    assert any("lines 44, 58" in row and "Review of the lantern song" in row for row in rows), rows
    assert not any("barn" in row for row in rows)
    assert panel.count_label.text() == f"{len(rows)} of {len(rows)}"
    panel.text_filter.setText("moths")
    assert panel.quotes_list.count() == 1
    panel.quotes_list.setCurrentRow(0)
    qwindow.lyrics_pane.verticalScrollBar().setValue(0)
    panel.quotes_list.setFocus()
    qtbot.keyClick(panel.quotes_list, Qt.Key.Key_Return)
    assert qwindow.lyrics_pane.flashing_lines() == [(46, 46)]
    assert qwindow.article_pane.browser.flash_span == (
        _place(qwindow, "moths").start,
        _place(qwindow, "moths").end,
    )
    panel.quotes_button.click()  # back to the annotations
    assert panel._stack.currentWidget() is not panel.quotes_list


def test_unlink_from_the_context_menu_then_undo(qwindow):
    article = qwindow.article_pane
    place = _place(qwindow, "moths")
    point = _point_of(article.browser, place.start)
    menu = article.context_menu_at(point)
    unlink = next(
        a for a in menu.actions() if a.text() == "Unlink “the moths will find the way home” from Lyrics"
    )
    unlink.trigger()
    assert not any("moths" in p.link.quote for p in article.browser.quote_places)
    assert not any(
        "moths" in link.quote for link in qwindow.session.library.links.for_song(qwindow.current_song.song_id)
    )
    assert 45 not in qwindow.lyrics_pane.gutter.quote_marks
    qwindow.undo_action.trigger()
    assert _place(qwindow, "moths").link.id == place.link.id
    assert 45 in qwindow.lyrics_pane.gutter.quote_marks


def test_link_to_the_lines_selected_in_the_lyrics_then_undo(qwindow):
    article, lyrics = qwindow.article_pane, qwindow.lyrics_pane
    action = qwindow.links.link_action
    rendered = article.rendered.text
    start = rendered.index("nothing prepares you")
    cursor = QTextCursor(article.browser.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len("nothing prepares you"), QTextCursor.MoveMode.KeepAnchor)
    article.browser.setTextCursor(cursor)
    lyrics.select_lines(2, 3)
    assert action.isEnabled()
    assert action.text().replace("&", "") == "Link to Lyrics Lines 2–3"
    menu = article.context_menu_at(QPoint(-5, -5))
    assert action in menu.actions()
    action.trigger()
    made = _place(qwindow, "nothing prepares you").link
    assert made.origin == "user" and made.lines == (2, 3)
    assert {1, 2}.issubset(lyrics.gutter.quote_marks)
    qwindow.undo_action.trigger()
    assert not any("nothing prepares" in p.link.quote for p in article.browser.quote_places)


def test_link_without_lines_chosen_says_what_to_do_and_changes_nothing(qwindow):
    article = qwindow.article_pane
    before = len(qwindow.current_song.links())
    cursor = QTextCursor(article.browser.document())
    cursor.setPosition(5)
    cursor.setPosition(12, QTextCursor.MoveMode.KeepAnchor)
    article.browser.setTextCursor(cursor)
    qwindow.lyrics_pane.setTextCursor(QTextCursor(qwindow.lyrics_pane.document()))
    assert qwindow.links.link_selection() is None
    assert "Select the lines it quotes" in qwindow.statusBar().currentMessage()
    assert len(qwindow.current_song.links()) == before


def test_going_to_a_missing_link_or_an_unquoted_line_says_so(qwindow):
    qwindow.links.go_to_link("no-such-link")
    assert "not linked" in qwindow.statusBar().currentMessage()
    qwindow.links.show_quotation_of_line(3)
    assert qwindow.statusBar().currentMessage() == "No article quotes line 3."
    assert not qwindow.article_pane.is_flashing()


def test_lyric_lines_dropped_into_the_editor_become_a_linked_blockquote(qwindow, qtbot):
    lyrics, article = qwindow.lyrics_pane, qwindow.article_pane
    article.set_editing(True)
    editor = article.source_edit
    editor.moveCursor(QTextCursor.MoveOperation.End)
    before = editor.toPlainText()
    mime = lyrics.lines.mime(47, 48)
    editor.insertFromMimeData(mime)
    inserted = editor.toPlainText()
    expected = "> before the morning finds us\\\n> gravel on the cellar step 48\\\n> — lines 47–48"
    assert expected in inserted
    editor.undo()  # one step takes it all out
    assert editor.toPlainText() == before
    editor.redo()
    article.set_editing(False)  # saved as typed
    body = qwindow.session.library.articles.get(article.current_article_id).body
    assert expected in body
    rendered = render_article(body).text
    assert "before the morning finds us\ngravel on the cellar step 48\n— lines 47–48" in rendered
    linked = [p.link for p in article.browser.quote_places if "before the morning" in p.link.quote]
    assert linked and 47 in linked[0].lines


def test_a_drop_on_the_editor_inserts_at_the_drop_point(qwindow):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    article = qwindow.article_pane
    article.set_editing(True)
    editor = article.source_edit
    mime = qwindow.lyrics_pane.lines.mime(60, 60)
    point = editor.cursorRect(_plain_cursor_at(editor, 0)).center()
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(point, *args)
    QApplication.sendEvent(editor.viewport(), enter)
    assert enter.isAccepted()
    QApplication.sendEvent(editor.viewport(), QDragMoveEvent(point, *args))
    QApplication.sendEvent(editor.viewport(), QDropEvent(QPointF(point), *args))
    assert editor.toPlainText().startswith("> the last bus sighs at the corner\\\n> — line 60\n\n# Lanterns")


def _plain_cursor_at(editor, position):
    cursor = editor.textCursor()
    cursor.setPosition(position)
    return cursor


def test_a_drag_of_the_selection_carries_its_whole_lines(qwindow):
    lyrics = qwindow.lyrics_pane
    cursor = QTextCursor(lyrics.document())
    block = lyrics.document().findBlockByNumber(43)
    cursor.setPosition(block.position() + 3)
    cursor.setPosition(block.next().position() + 4, QTextCursor.MoveMode.KeepAnchor)
    lyrics.setTextCursor(cursor)
    mime = lyrics.createMimeDataFromSelection()
    assert mime.hasFormat(LYRIC_LINES_MIME)
    assert dragged_lines(mime) == (44, 45, ["So light a lantern in the window", "and leave the latch undone"])
    assert mime.text() == cursor.selectedText().replace("\u2029", "\n")  # plain text stays the selection


def test_a_drag_from_selected_line_numbers_starts_and_a_click_still_selects(qwindow, qtbot):
    lyrics = qwindow.lyrics_pane
    gutter = lyrics.gutter
    lyrics.select_lines(2, 4)
    block = lyrics.document().findBlockByNumber(2)
    y = round(lyrics.blockBoundingGeometry(block).translated(lyrics.contentOffset()).center().y())
    x = gutter.width() - 12
    # The drag itself is the platform's (QDrag.exec); the test stops at the gutter asking for it.
    gutter.lines_drag_requested.disconnect(lyrics.lines.drag_selection)
    with qtbot.waitSignal(gutter.lines_drag_requested, timeout=1000):
        qtbot.mousePress(gutter, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
        qtbot.mouseMove(gutter, QPoint(x + 30, y + 30))
    qtbot.mouseRelease(gutter, Qt.MouseButton.LeftButton, pos=QPoint(x + 30, y + 30))
    assert lyrics.selected_lines() == (2, 4)
    qtbot.mouseClick(gutter, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    assert lyrics.selected_lines() == (3, 3)


@pytest.mark.parametrize(
    ("first", "last", "lines", "expected"),
    [
        (14, 14, ["So light a lantern"], "> So light a lantern\\\n> — line 14"),
        (
            3,
            4,
            ["# not a heading", "1. not a list"],
            "> \\# not a heading\\\n> 1\\. not a list\\\n> — lines 3–4",
        ),
        (5, 7, ["one", "", "three"], "> one\\\n> three\\\n> — lines 5–7"),
    ],
)
def test_lyric_blockquote(first, last, lines, expected):
    assert lyric_blockquote(first, last, lines) == expected
    rendered = render_article(expected).text
    assert rendered.splitlines()[:-1] == [line for line in lines if line.strip()]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ((14,), "line 14"),
        ((14, 15), "lines 14–15"),
        ((14, 30), "lines 14, 30"),
        ((3, 4, 10), "lines 3–4, 10"),
    ],
)
def test_lines_reference(lines, expected):
    assert lines_reference(lines) == expected
