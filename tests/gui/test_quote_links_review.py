"""Quote links in the window, as a new user found them: misquotes shown, keys that answer, marks to hit."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication

from lyricpad.core.store import Library
from lyricpad.gui.highlights import range_rects
from lyricpad.gui.quote_links_view import DETAILS_ROLE, MISQUOTE_COLOUR

# Words written for these tests.
LYRICS = "\n".join(
    [
        "Morning comes in on a borrowed bicycle",  # 1
        "the kettle hums a tune it never learned",  # 2
        "So light a lantern in the window",  # 3
        "and leave the latch undone",  # 4
        "the moths will find the way home",  # 5
        "before the morning finds us",  # 6
        "a friend of mine was up at night",  # 7
    ]
)

ARTICLE = """# Lanterns

The chorus asks you to “so light a lantern in the window” and means it.

Later she sings “the moths will find their way home”, half a word wrong on every fan site.

He calls it a song for "a friend"; nobody asks which.

Stray marks « » and ‹ › sit here.
"""


@pytest.fixture
def rwindow(open_window, tmp_path):
    path = tmp_path / "review.sqlite"
    lib = Library.open(path, seed_demo=False)
    song = lib.songs.add("Lantern Song", artist="Wren Alder", lyrics=LYRICS)
    lib.articles.add(song.id, "Night review", ARTICLE)
    lib.close()
    window = open_window(path)
    window.resize(1100, 700)
    QApplication.processEvents()
    return window


def _place(window, words):
    return next(p for p in window.article_pane.browser.quote_places if words in p.link.quote)


def _select(browser, start, end):
    cursor = QTextCursor(browser.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    browser.setTextCursor(cursor)


def _caret(browser, position):
    cursor = QTextCursor(browser.document())
    cursor.setPosition(position)
    browser.setTextCursor(cursor)


def _line_y(lyrics, line):
    block = lyrics.document().findBlockByNumber(line - 1)
    return lyrics.blockBoundingGeometry(block).translated(lyrics.contentOffset())


def _count_near(image, colour, rect, tolerance=40):
    """How many pixels of *image* inside *rect* are close to *colour*."""
    found = 0
    for x in range(max(0, rect.left()), min(image.width(), rect.right() + 1)):
        for y in range(max(0, rect.top()), min(image.height(), rect.bottom() + 1)):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - colour.red())
                + abs(pixel.green() - colour.green())
                + abs(pixel.blue() - colour.blue())
                <= tolerance
            ):
                found += 1
    return found


# ------------------------------------------------------------------ 1. misquotes


def test_a_misquotation_is_underlined_in_the_warning_colour_and_an_exact_one_is_not(rwindow):
    browser = rwindow.article_pane.browser
    wrong, right = _place(rwindow, "moths"), _place(rwindow, "lantern")
    assert wrong.link.misquoted and not right.link.misquoted
    browser.scroll_to(wrong.start)
    image = browser.viewport().grab().toImage()
    warning = QColor(MISQUOTE_COLOUR)

    def under(place):
        """The band under the quotation's words, where its underline is drawn."""
        return [
            r.toRect().adjusted(0, round(r.height()) // 2, 0, 3)
            for r in range_rects(browser, place.start, place.end)
        ]

    assert sum(_count_near(image, warning, rect) for rect in under(wrong)) >= 10
    assert sum(_count_near(image, warning, rect) for rect in under(right)) == 0


def test_the_quotes_list_says_misquoted_first_and_its_tooltip_names_the_difference(rwindow):
    panel = rwindow.annotations_panel
    panel.quotes_button.click()
    rows = [panel.quotes_list.item(i) for i in range(panel.quotes_list.count())]
    wrong = next(item for item in rows if "moths" in item.text())
    right = next(item for item in rows if "lantern" in item.text())
    assert wrong.data(DETAILS_ROLE).startswith("misquoted · line 5")  # not cut off at the end
    assert "misquoted" not in right.data(DETAILS_ROLE)
    tip = wrong.toolTip()
    assert "Misquoted" in tip and "“their” for “the”" in tip
    assert "Misquoted" not in right.toolTip()


# ---------------------------------------------------------------- 2. Ctrl+K alone


def test_ctrl_k_with_nothing_selected_says_what_to_select(rwindow, qtbot):
    action = rwindow.links.link_action
    before = len(rwindow.current_song.links())
    _caret(rwindow.article_pane.browser, 3)
    assert action.isEnabled()
    rwindow.article_pane.browser.setFocus()
    qtbot.keyClick(rwindow.article_pane.browser, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert "Select the quoted words in the article" in rwindow.statusBar().currentMessage()
    assert len(rwindow.current_song.links()) == before
    # The context menu offers it only about a selection.
    menu = rwindow.article_pane.context_menu_at(QPoint(-5, -5))
    assert action not in menu.actions()


# ---------------------------------------------------------------- 3. the gutter mark


def test_the_quote_mark_is_a_filled_badge_and_its_whole_column_takes_the_click(rwindow, qtbot):
    lyrics, article = rwindow.lyrics_pane, rwindow.article_pane
    gutter = lyrics.gutter
    height = lyrics.fontMetrics().height()
    column = gutter.quote_column()
    assert column >= height * 0.7  # big enough to see and to hit, narrow enough to spare the lyrics
    geometry = _line_y(lyrics, 5)
    image = gutter.grab().toImage()
    badge = geometry.toRect()
    badge.setLeft(0)
    badge.setRight(column - 1)
    link = QColor(lyrics.palette().color(lyrics.palette().ColorRole.Link))
    assert _count_near(image, link, badge) >= column * height // 3  # filled, not a speck
    unquoted = _line_y(lyrics, 1).toRect()
    unquoted.setLeft(0)
    unquoted.setRight(column - 1)
    assert _count_near(image, link, unquoted) == 0
    # The column's far edge, and the line's top edge, still hit the mark.
    point = QPoint(column - 1, round(geometry.top()) + 1)
    qtbot.mouseClick(gutter, Qt.MouseButton.LeftButton, pos=point)
    assert article.browser.flash_span == (_place(rwindow, "moths").start, _place(rwindow, "moths").end)
    assert not lyrics.textCursor().hasSelection()
    # Right of the column, the number still selects its line.
    qtbot.mouseClick(gutter, Qt.MouseButton.LeftButton, pos=QPoint(gutter.width() - 10, point.y()))
    assert lyrics.selected_lines() == (5, 5)


# ------------------------------------------------------------ 4. sloppy selections


def test_a_sloppy_selection_is_linked_without_its_marks_and_spaces(rwindow):
    article, lyrics = rwindow.article_pane, rwindow.lyrics_pane
    text = article.rendered.text
    start = text.index('for "a friend"') + len("for")  # ' "a friend"; '
    end = text.index("; nobody") + 2
    assert text[start:end] == ' "a friend"; '
    _select(article.browser, start, end)
    lyrics.select_lines(7, 7)
    link_id = rwindow.links.link_selection()
    assert link_id
    made = rwindow.session.library.links.get(link_id)
    assert made.quote == "a friend"
    assert text[made.start : made.end] == "a friend"


@pytest.mark.parametrize("marks", ["“", " « » ", "”, ", "‹ ›"])
def test_a_selection_of_only_marks_is_refused_with_a_hint(rwindow, marks):
    article, lyrics = rwindow.article_pane, rwindow.lyrics_pane
    start = article.rendered.text.index(marks)
    before = rwindow.current_song.links()
    _select(article.browser, start, start + len(marks))
    lyrics.select_lines(7, 7)
    assert rwindow.links.link_selection() is None
    assert "only quotation marks" in rwindow.statusBar().currentMessage()
    assert rwindow.current_song.links() == before


# ------------------------------------------------------------------ 5. messages


def test_a_click_on_the_mark_of_a_line_quoted_once_says_where(rwindow, qtbot):
    lyrics = rwindow.lyrics_pane
    rwindow.statusBar().clearMessage()
    y = round(_line_y(lyrics, 5).center().y())
    qtbot.mouseClick(lyrics.gutter, Qt.MouseButton.LeftButton, pos=QPoint(3, y))
    message = rwindow.statusBar().currentMessage()
    assert "Line 5" in message and "Night review" in message and "moths" in message


def test_undo_of_an_unlink_takes_back_its_message(rwindow):
    place = _place(rwindow, "moths")
    rwindow.links.unlink(place.link.id)
    assert "no longer linked" in rwindow.statusBar().currentMessage()
    rwindow.undo_action.trigger()
    assert _place(rwindow, "moths").link.id == place.link.id
    assert "no longer linked" not in rwindow.statusBar().currentMessage()


def test_a_jump_replaces_the_hint_before_it(rwindow):
    rwindow.article_pane.browser.setTextCursor(QTextCursor(rwindow.article_pane.browser.document()))
    rwindow.links.link_selection()
    assert "Select" in rwindow.statusBar().currentMessage()
    rwindow.links.go_to_link(_place(rwindow, "lantern").link.id)
    message = rwindow.statusBar().currentMessage()
    assert "Select" not in message and "line 3" in message


# ------------------------------------------------------------------ 6. keyboard


def test_view_quotes_opens_the_list_with_the_keyboard_in_it(rwindow, qtbot):
    action = rwindow.links.quotes_action
    view_menu = next(a.menu() for a in rwindow.menuBar().actions() if a.text() == "&View")
    assert action in view_menu.actions()
    taken = [
        a.shortcut().toString()
        for a in rwindow.findChildren(type(action))
        if a is not action and not a.shortcut().isEmpty()
    ]
    assert action.shortcut() == QKeySequence("Ctrl+Shift+Q") and "Ctrl+Shift+Q" not in taken
    rwindow.annotations_dock.hide()
    qtbot.keyClick(
        rwindow.lyrics_pane,
        Qt.Key.Key_Q,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    panel = rwindow.annotations_panel
    assert rwindow.annotations_dock.isVisible()
    assert panel.quotes_button.isChecked()
    qtbot.waitUntil(panel.quotes_list.hasFocus)


def test_the_arrow_keys_in_the_quotes_list_show_each_quotation_in_turn(rwindow, qtbot):
    rwindow.links.show_quotes_list()
    quotes = rwindow.annotations_panel.quotes_list
    qtbot.waitUntil(quotes.hasFocus)
    assert quotes.currentRow() == 0
    qtbot.keyClick(quotes, Qt.Key.Key_Down)
    shown = rwindow.session.library.links.get(quotes.current_link_id())
    assert rwindow.lyrics_pane.flashing_lines() == list(shown.places)
    place = next(p for p in rwindow.article_pane.browser.quote_places if p.link.id == shown.id)
    assert rwindow.article_pane.browser.flash_span == (place.start, place.end)
    assert quotes.hasFocus()  # the keyboard stays in the list


def test_go_to_quotation_in_the_lyrics_menu_of_a_quoted_line(rwindow):
    lyrics = rwindow.lyrics_pane
    point = _line_y(lyrics, 5).center().toPoint()
    menu = lyrics.build_context_menu(point)
    go = next(a for a in menu.actions() if a.text().replace("&", "") == "Go to Quotation")
    go.trigger()
    place = _place(rwindow, "moths")
    assert rwindow.article_pane.browser.flash_span == (place.start, place.end)
    unquoted = lyrics.build_context_menu(_line_y(lyrics, 1).center().toPoint())
    assert not any(a.text().replace("&", "") == "Go to Quotation" for a in unquoted.actions())


def test_unlink_from_lyrics_in_the_edit_menu_acts_on_the_quotation_at_the_cursor(rwindow):
    action = rwindow.links.unlink_action
    edit_menu = next(a.menu() for a in rwindow.menuBar().actions() if a.text() == "&Edit")
    assert action in edit_menu.actions()
    browser = rwindow.article_pane.browser
    _caret(browser, 2)
    assert not action.isEnabled()
    place = _place(rwindow, "moths")
    _caret(browser, place.start + 3)
    assert action.isEnabled()
    assert "moths" in action.text()
    action.trigger()
    assert not any("moths" in link.quote for link in rwindow.current_song.links())
    assert not action.isEnabled()
    rwindow.undo_action.trigger()
    assert any("moths" in link.quote for link in rwindow.current_song.links())


# ------------------------------------------------------------- 7. the menu names it


def test_the_unlink_menu_item_names_the_quotation_shortened(rwindow):
    browser = rwindow.article_pane.browser
    place = _place(rwindow, "lantern")
    menu = browser.context_menu(place.start + 2)
    texts = [a.text() for a in menu.actions()]
    assert "Unlink “so light a lantern in the window” from Lyrics" in texts, texts
    long = browser.context_menu(_place(rwindow, "moths").start + 2)
    name = next(a.text() for a in long.actions() if a.text().startswith("Unlink"))
    assert name == "Unlink “the moths will find their way…” from Lyrics"


# --------------------------------------------------------------- 8. a steady panel


def test_the_panel_keeps_its_width_when_the_count_gains_a_digit(rwindow):
    bar = rwindow.annotations_panel.filter_bar
    bar.show_count(9, 9, True, "quotations")
    QApplication.processEvents()
    narrow = (bar.minimumSizeHint().width(), bar.sizeHint().width())
    bar.show_count(10, 10, True, "quotations")
    QApplication.processEvents()
    assert (bar.minimumSizeHint().width(), bar.sizeHint().width()) == narrow
    assert bar.count_label.width() >= bar.count_label.fontMetrics().horizontalAdvance("10 of 10")


# ---------------------------------------------------------------- 9. a longer flash


def test_the_lines_flash_long_enough_to_see_fading_and_then_clear(rwindow, qtbot):
    lyrics = rwindow.lyrics_pane
    rwindow.links.show_quoted_lines(_place(rwindow, "lantern").link.id)
    assert lyrics.flashing_lines() == [(3, 3)]
    qtbot.wait(1200)
    assert lyrics.flashing_lines() == [(3, 3)]  # still there after a glance across the window
    strength = lyrics._marks.lines_strength
    assert 0 < strength < 1  # fading
    qtbot.waitUntil(lambda: not lyrics.flashing_lines(), timeout=2000)


def test_the_quotation_flashes_as_long_in_the_article(rwindow, qtbot):
    article = rwindow.article_pane
    y = round(_line_y(rwindow.lyrics_pane, 3).center().y())
    qtbot.mouseClick(rwindow.lyrics_pane.gutter, Qt.MouseButton.LeftButton, pos=QPoint(3, y))
    assert article.is_flashing()
    qtbot.wait(1400)
    assert article.is_flashing()
    qtbot.waitUntil(lambda: not article.is_flashing(), timeout=2000)
