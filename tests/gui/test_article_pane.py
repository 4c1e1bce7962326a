"""The article pane: selections over the rendered text, highlight clicks and menus, edit mode, new articles, tabs."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QFont, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

from lyricpad.app.positions import utf16_position
from lyricpad.core.anchoring import anchors_for_quote
from lyricpad.core.lexers import MarkdownSourceLexer
from lyricpad.gui.article_pane import ARTICLE_SAVE_DEBOUNCE_MS, EMPTY_PROMPT, ArticlePane
from lyricpad.gui.highlights import SELECTED_LIGHT_ALPHA, outline_colour, range_rects
from lyricpad.gui.pygments_highlighter import PygmentsHighlighter


@pytest.fixture
def pane(qtbot):
    widget = ArticlePane()
    qtbot.addWidget(widget)
    widget.resize(520, 640)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitActive(widget)
    return widget


def add_article(library, body, quotes=(), *, title="Article", song=None):
    """An article of *body* (on a new song unless given), annotated at the first occurrence of each quote."""
    song = song or library.songs.add("Song", lyrics="la")
    article = library.articles.add(song.id, title, body)
    text = library.annotations.target_text(song.id, "article", article.id)
    for quote in quotes:
        library.annotations.add(
            song.id, anchors_for_quote(text, quote, 1), target="article", article_id=article.id
        )
    return song, article


def show(pane, library, song):
    pane.show_articles(library.articles.for_song(song.id), library.annotations.for_song(song.id))


def select(pane, start, end):
    """Select code points *start*..*end* of the rendered text in the browser."""
    text = pane.rendered.text
    cursor = QTextCursor(pane.browser.document())
    cursor.setPosition(utf16_position(text, start))
    cursor.setPosition(utf16_position(text, end), QTextCursor.MoveMode.KeepAnchor)
    pane.browser.setTextCursor(cursor)


def point_at(pane, offset):
    """The viewport point over the middle of the character at code point *offset* of the rendered text."""
    text = pane.rendered.text
    cursor = QTextCursor(pane.browser.document())
    cursor.setPosition(utf16_position(text, offset))
    left = pane.browser.cursorRect(cursor)
    cursor.setPosition(utf16_position(text, offset + 1))
    right = pane.browser.cursorRect(cursor)
    return QPoint((left.x() + right.x()) // 2, left.center().y())


def menu_texts(menu):
    return [action.text() for action in menu.actions()]


# ------------------------------------------------------------------- selection


@pytest.mark.parametrize(
    "body, words",
    [
        ("😀 *emoji* then 𝄞 **clef** text", "clef"),
        ("# 👩‍👩‍👧 Heading\n\nIntro 🎵 with *its words* here", "its words"),
        ("> If the dark 🌊,\\\n> then the **road**", "dark 🌊,\nthen"),
        ("- one 🎵\n- two *three*", "🎵\ntwo"),
    ],
)
def test_selected_range_counts_code_points_over_the_rendered_text(pane, empty_library, body, words):
    song, article = add_article(empty_library, body)
    show(pane, empty_library, song)
    text = pane.rendered.text
    start = text.index(words)
    select(pane, start, start + len(words))
    article_id, first, last = pane.selected_range()
    assert article_id == article.id
    assert text[first:last] == words
    selected = pane.browser.textCursor().selectedText().replace("\u2029", "\n").replace("\u2028", "\n")
    assert text[first:last] == selected
    # The offsets are what the store anchors over: a highlight made from them quotes the words.
    fragment = empty_library.annotations.target_text(song.id, "article", article.id)[first:last]
    assert fragment == words


def test_keyboard_selection_after_an_emoji_maps_to_its_words(qtbot, pane, empty_library):
    song, article = add_article(empty_library, "😀 *emoji* then 𝄞 **clef** text")
    show(pane, empty_library, song)
    text = pane.rendered.text
    select(pane, text.index("clef"), text.index("clef"))
    pane.browser.setFocus()
    for _ in range(4):
        qtbot.keyClick(pane.browser, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    article_id, start, end = pane.selected_range()
    assert (article_id, text[start:end]) == (article.id, "clef")


def test_no_range_without_a_selection_for_blank_space_or_in_edit_mode(pane, empty_library):
    song, _article = add_article(empty_library, "One paragraph.\n\nAnother one.")
    show(pane, empty_library, song)
    assert pane.selected_range() is None
    text = pane.rendered.text
    select(pane, text.index("\n"), text.index("\n") + 1)
    assert pane.selected_range() is None
    select(pane, 0, 3)
    assert pane.selected_range() is not None
    pane.set_editing(True)
    assert pane.selected_range() is None
    pane.set_editing(False)
    pane.show_articles([], [])
    assert pane.selected_range() is None


# ---------------------------------------------------------- highlight clicks


def test_click_and_double_click_on_a_highlight_emit_its_id(qtbot, pane, empty_library):
    song, _article = add_article(
        empty_library, "Plain words, then *marked words* and more plain.", ["marked words"]
    )
    show(pane, empty_library, song)
    annotation = empty_library.annotations.for_song(song.id)[0]
    text = pane.rendered.text
    inside = point_at(pane, text.index("marked") + 2)
    outside = point_at(pane, text.index("Plain") + 2)
    with qtbot.waitSignal(pane.annotation_clicked) as clicked:
        qtbot.mouseClick(pane.browser.viewport(), Qt.MouseButton.LeftButton, pos=inside)
    assert clicked.args == [annotation.id]
    with qtbot.assertNotEmitted(pane.annotation_clicked), qtbot.assertNotEmitted(pane.annotation_activated):
        qtbot.mouseClick(pane.browser.viewport(), Qt.MouseButton.LeftButton, pos=outside)
        qtbot.mouseDClick(pane.browser.viewport(), Qt.MouseButton.LeftButton, pos=outside)
    with qtbot.waitSignal(pane.annotation_activated) as activated:
        qtbot.mouseDClick(pane.browser.viewport(), Qt.MouseButton.LeftButton, pos=inside)
    assert activated.args == [annotation.id]


def test_overlapping_highlights_click_the_inner_one(qtbot, pane, empty_library):
    song, _article = add_article(
        empty_library, "one two three four five", ["one two three four", "two three"]
    )
    show(pane, empty_library, song)
    outer, inner = sorted(empty_library.annotations.for_song(song.id), key=lambda a: a.first.start)
    text = pane.rendered.text
    with qtbot.waitSignal(pane.annotation_clicked) as clicked:
        qtbot.mouseClick(
            pane.browser.viewport(), Qt.MouseButton.LeftButton, pos=point_at(pane, text.index("three"))
        )
    assert clicked.args == [inner.id]
    with qtbot.waitSignal(pane.annotation_clicked) as clicked:
        qtbot.mouseClick(
            pane.browser.viewport(), Qt.MouseButton.LeftButton, pos=point_at(pane, text.index("four"))
        )
    assert clicked.args == [outer.id]


def test_enter_in_a_highlight_opens_its_note(qtbot, pane, empty_library):
    song, _article = add_article(empty_library, "Before *marked words* after", ["marked words"])
    show(pane, empty_library, song)
    annotation = empty_library.annotations.for_song(song.id)[0]
    text = pane.rendered.text
    select(pane, text.index("marked") + 1, text.index("marked") + 1)
    pane.browser.setFocus()
    with qtbot.waitSignal(pane.annotation_activated) as activated:
        qtbot.keyClick(pane.browser, Qt.Key.Key_Return)
    assert activated.args == [annotation.id]


def test_context_menu_offers_the_windows_actions_then_the_highlights_then_copy(qtbot, pane, empty_library):
    song, _article = add_article(empty_library, "Plain words, then marked words.", ["marked words"])
    show(pane, empty_library, song)
    annotation = empty_library.annotations.for_song(song.id)[0]
    lens_actions = [QAction("Highlight with Theme", pane), QAction("Highlight with Imagery", pane)]
    pane.set_context_actions(lens_actions)
    text = pane.rendered.text
    menu = pane.context_menu_at(point_at(pane, text.index("marked") + 1))
    actions = menu.actions()
    assert actions[:2] == lens_actions
    assert menu_texts(menu) == [
        "Highlight with Theme",
        "Highlight with Imagery",
        "",
        "Edit Note",
        "Delete Highlight",
        "",
        "Copy",
        "Select All",
    ]
    by_text = {a.text(): a for a in actions}
    assert not by_text["Copy"].isEnabled()  # nothing selected
    with qtbot.waitSignal(pane.delete_requested) as deleted:
        by_text["Delete Highlight"].trigger()
    assert deleted.args == [annotation.id]
    with qtbot.waitSignal(pane.annotation_activated) as activated:
        by_text["Edit Note"].trigger()
    assert activated.args == [annotation.id]

    select(pane, 0, 5)
    plain = pane.context_menu_at(point_at(pane, text.index("Plain") + 1))
    assert menu_texts(plain) == ["Highlight with Theme", "Highlight with Imagery", "", "Copy", "Select All"]
    copy = next(a for a in plain.actions() if a.text() == "Copy")
    assert copy.isEnabled()
    copy.trigger()
    assert QApplication.clipboard().text() == "Plain"


def test_context_menu_from_the_keyboard_is_about_the_text_cursor(qtbot, pane, empty_library):
    song, _article = add_article(empty_library, "Plain words, then marked words.", ["marked words"])
    show(pane, empty_library, song)
    text = pane.rendered.text
    select(pane, text.index("marked") + 2, text.index("marked") + 2)
    pane.browser.setFocus()
    # What the Menu key (or Shift+F10) sends; the mouse is somewhere else entirely.
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(1, 1), pane.mapToGlobal(QPoint(1, 1)))
    QApplication.sendEvent(pane.browser, event)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert menu_texts(menu) == ["Edit Note", "Delete Highlight", "", "Copy", "Select All"]
    menu.close()


# ------------------------------------------------------- highlights redrawn


def long_body():
    return "\n\n".join(f"Paragraph {n} has some words to read, and then a few more." for n in range(80))


def test_update_annotations_keeps_the_document_scroll_and_selection(qtbot, pane, empty_library):
    song, article = add_article(empty_library, long_body(), ["Paragraph 40 has"])
    show(pane, empty_library, song)
    browser = pane.browser
    document = browser.document()
    text = pane.rendered.text
    start = text.index("Paragraph 45")
    select(pane, start, start + 9)
    bar = browser.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    scroll, cursor = bar.value(), browser.textCursor()
    assert scroll > 0
    empty_library.annotations.add(
        song.id, anchors_for_quote(text, "Paragraph 41 has", 1), target="article", article_id=article.id
    )
    pane.update_annotations(empty_library.annotations.for_song(song.id))
    assert browser.document() is document
    assert bar.value() == scroll
    assert (browser.textCursor().anchor(), browser.textCursor().position()) == (
        cursor.anchor(),
        cursor.position(),
    )
    assert len(browser.highlights) == 2
    # The window's refresh after any annotation change: the same body is not typeset again.
    revision = document.revision()
    show(pane, empty_library, song)
    assert document.revision() == revision
    assert bar.value() == scroll
    assert browser.textCursor().position() == cursor.position()


def near(colour, other, tolerance=40):
    return all(abs(a - b) <= tolerance for a, b in zip(colour.getRgb()[:3], other.getRgb()[:3], strict=True))


def test_the_selected_annotation_is_drawn_stronger_and_outlined(qtbot, pane, empty_library):
    song, _article = add_article(empty_library, "alpha beta gamma delta", ["alpha beta", "gamma delta"])
    show(pane, empty_library, song)
    first, second = sorted(empty_library.annotations.for_song(song.id), key=lambda a: a.first.start)
    before = pane.browser.viewport().grab().toImage()
    pane.set_selected_annotation(second.id)
    assert pane.selected_annotation_id == second.id
    selections = pane.browser.extraSelections()
    strongest = selections[-1]
    assert strongest.cursor.selectedText() == "gamma delta"
    assert strongest.format.background().color().alpha() == SELECTED_LIGHT_ALPHA
    assert selections[0].format.background().color().alpha() < SELECTED_LIGHT_ALPHA
    # An outline in the lens colour, made darker, runs down the left edge of the words.
    after = pane.browser.viewport().grab().toImage()
    highlight = next(h for h in pane.browser.highlights if h.annotation.id == second.id)
    rect = range_rects(pane.browser, highlight.start, highlight.end)[0]
    colour = outline_colour(second, pane.palette())
    y = round(rect.center().y())
    edge = [
        x
        for x in range(round(rect.left()) - 2, round(rect.left()) + 2)
        if near(after.pixelColor(x, y), colour)
    ]
    assert edge and not near(before.pixelColor(edge[0], y), colour)
    pane.set_selected_annotation("")
    assert all(
        s.format.background().color().alpha() < SELECTED_LIGHT_ALPHA for s in pane.browser.extraSelections()
    )
    assert pane.browser.viewport().grab().toImage() == before


def test_reveal_scrolls_to_and_flashes_the_passage_without_selecting_it(qtbot, pane, empty_library):
    song, _article = add_article(empty_library, long_body(), ["Paragraph 70 has"])
    show(pane, empty_library, song)
    annotation = empty_library.annotations.for_song(song.id)[0]
    assert pane.browser.verticalScrollBar().value() == 0
    pane.reveal(annotation)
    cursor = pane.browser.textCursor()
    assert (
        not cursor.hasSelection()
        and pane.browser.document().find("Paragraph 70 has").selectionStart() == cursor.position()
    )
    assert pane.browser.verticalScrollBar().value() > 0
    assert pane.is_flashing()
    qtbot.waitUntil(lambda: not pane.is_flashing(), timeout=5000)


# ------------------------------------------------------------------ edit mode


def test_edit_mode_shows_the_markdown_source_highlighted(qtbot, pane, library):
    song = library.songs.all()[0]
    show(pane, library, song)
    article = library.articles.for_song(song.id)[0]
    assert pane.browser.isVisible() and pane.browser.highlights
    with qtbot.waitSignal(pane.editing_changed) as changed:
        pane.set_editing(True)
    assert changed.args == [True]
    assert pane.is_editing() and pane.edit_action.isChecked()
    assert pane.source_edit.isVisible() and not pane.browser.isVisible()
    assert pane.title_edit.isVisible() and pane.title_edit.text() == article.title
    source = pane.source_edit.toPlainText()
    assert source == article.body and "## " in source
    highlighter = pane.source_edit.highlighter
    assert isinstance(highlighter, PygmentsHighlighter)
    assert isinstance(highlighter.lexer, MarkdownSourceLexer)
    assert highlighter.document() is pane.source_edit.document()
    heading = pane.source_edit.document().findBlock(source.index("## "))
    assert heading.layout().formats()  # the heading line is coloured
    with qtbot.assertNotEmitted(pane.article_edited):
        with qtbot.waitSignal(pane.editing_changed) as changed:
            pane.set_editing(False)  # nothing typed: nothing to save
    assert changed.args == [False]
    assert pane.browser.isVisible() and pane.browser.highlights


def test_typing_emits_the_whole_source_once_after_a_pause(qtbot, pane, empty_library):
    song, article = add_article(empty_library, "# Title\n\nFirst words.")
    show(pane, empty_library, song)
    pane.open_article(article.id, editing=True)
    edits = []
    pane.article_edited.connect(lambda *args: edits.append(args))
    qtbot.keyClicks(pane.source_edit, " More")
    assert edits == []  # not on every key
    with qtbot.waitSignal(pane.article_edited, timeout=ARTICLE_SAVE_DEBOUNCE_MS * 5):
        pass
    qtbot.wait(ARTICLE_SAVE_DEBOUNCE_MS + 200)
    assert edits == [(article.id, "# Title\n\nFirst words. More")]


def test_flush_emits_a_pending_edit_at_once(qtbot, pane, empty_library):
    song, article = add_article(empty_library, "Words.")
    show(pane, empty_library, song)
    pane.open_article(article.id, editing=True)
    edits = []
    pane.article_edited.connect(lambda *args: edits.append(args))
    qtbot.keyClicks(pane.source_edit, " Typed")
    pane.flush()
    assert edits == [(article.id, "Words. Typed")]
    pane.flush()  # nothing new
    qtbot.wait(ARTICLE_SAVE_DEBOUNCE_MS + 200)
    assert len(edits) == 1


def test_leaving_edit_mode_flushes_and_the_saved_article_is_rendered(qtbot, pane, empty_library):
    song, article = add_article(empty_library, "Say *hello* to the water.", ["hello"])

    def save(article_id, body):  # what the window does through the session
        empty_library.articles.update(article_id, body=body)
        show(pane, empty_library, song)

    pane.article_edited.connect(save)
    show(pane, empty_library, song)
    pane.open_article(article.id, editing=True)
    source = pane.source_edit
    source.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClicks(source, "# Greeting")
    qtbot.keyClick(source, Qt.Key.Key_Return)
    qtbot.keyClick(source, Qt.Key.Key_Return)
    with qtbot.waitSignal(pane.article_edited), qtbot.waitSignal(pane.editing_changed) as changed:
        pane.edit_action.trigger()  # the Edit toggle, as the user presses it
    assert changed.args == [False]
    assert not pane.is_editing()
    assert empty_library.articles.get(article.id).body == "# Greeting\n\nSay *hello* to the water."
    assert pane.rendered.text == "Greeting\nSay hello to the water."
    assert pane.browser.toPlainText() == pane.rendered.text
    # The annotation was re-anchored by the store and is drawn at its word again.
    assert [s.cursor.selectedText() for s in pane.browser.extraSelections()] == ["hello"]


def test_saves_arriving_while_typing_keep_the_typed_words(qtbot, pane, empty_library):
    song, article = add_article(empty_library, "Start.")
    show(pane, empty_library, song)
    pane.open_article(article.id, editing=True)
    pane.article_edited.connect(lambda article_id, body: empty_library.articles.update(article_id, body=body))
    qtbot.keyClicks(pane.source_edit, " One.")
    pane.flush()
    stale = empty_library.articles.for_song(song.id)
    qtbot.keyClicks(pane.source_edit, " Two.")
    pane.show_articles(stale, [])  # an older copy arrives while the user types on
    assert pane.source_edit.toPlainText() == "Start. One. Two."
    pane.flush()
    assert empty_library.articles.get(article.id).body == "Start. One. Two."
    # Changed elsewhere (an undo from the Edit menu) while nobody types: the editor follows.
    empty_library.articles.update(article.id, body="Start.")
    show(pane, empty_library, song)
    assert pane.source_edit.toPlainText() == "Start."
    assert pane.is_editing()


def test_title_edits_are_emitted_when_left_and_changed(qtbot, pane, empty_library):
    song, article = add_article(empty_library, "Body.", title="Draft")
    show(pane, empty_library, song)
    pane.open_article(article.id, editing=True)
    title = pane.title_edit
    title.setFocus()
    with qtbot.assertNotEmitted(pane.article_title_edited):
        qtbot.keyClick(title, Qt.Key.Key_Return)  # unchanged
    title.selectAll()
    with qtbot.waitSignal(pane.article_title_edited) as edited:
        qtbot.keyClicks(title, "Reading the harbour")
        qtbot.keyClick(title, Qt.Key.Key_Return)
    assert edited.args == [article.id, "Reading the harbour"]
    with qtbot.assertNotEmitted(pane.article_title_edited):
        pane.source_edit.setFocus()  # leaving it again, unchanged since
        pane.flush()


def test_switching_articles_while_editing_saves_the_edit_and_opens_the_other_to_read(
    qtbot, pane, empty_library
):
    song, first = add_article(empty_library, "First body.", title="First")
    _song, second = add_article(empty_library, "Second body.", title="Second", song=song)
    show(pane, empty_library, song)
    pane.open_article(first.id, editing=True)
    edits = []
    pane.article_edited.connect(lambda *args: edits.append(args))
    qtbot.keyClicks(pane.source_edit, " Typed")
    with qtbot.waitSignal(pane.article_changed) as changed, qtbot.waitSignal(pane.editing_changed) as editing:
        pane.tab_bar.setCurrentIndex(1)
    assert changed.args == [second.id] and editing.args == [False]
    assert edits == [(first.id, "First body. Typed")]
    assert not pane.is_editing()
    assert pane.rendered.text == "Second body."
    pane.set_editing(True)
    assert pane.source_edit.toPlainText() == "Second body." and pane.title_edit.text() == "Second"


def test_the_article_being_edited_going_away_ends_edit_mode(qtbot, pane, empty_library):
    song, first = add_article(empty_library, "First body.", title="First")
    _song, second = add_article(empty_library, "Second body.", title="Second", song=song)
    show(pane, empty_library, song)
    pane.open_article(second.id, editing=True)
    empty_library.articles.set_deleted(second.id, True)
    with qtbot.waitSignal(pane.editing_changed) as editing:
        show(pane, empty_library, song)
    assert editing.args == [False]
    assert pane.current_article_id == first.id and pane.rendered.text == "First body."
    pane.open_article(first.id, editing=True)
    with qtbot.waitSignal(pane.editing_changed):
        pane.show_articles([], [])  # another song, with no article
    assert pane.stack.currentWidget() is pane.empty_page


# ---------------------------------------------------------------- new article


def test_an_empty_song_offers_to_start_an_article(qtbot, pane):
    pane.show_articles([], [])
    assert pane.stack.currentWidget() is pane.empty_page
    assert pane.empty_label.text() == EMPTY_PROMPT
    assert pane.new_article_button.isVisible()
    assert not pane.edit_action.isEnabled()
    assert pane.current_article_id == ""
    with qtbot.waitSignal(pane.new_article_requested):
        qtbot.mouseClick(pane.new_article_button, Qt.MouseButton.LeftButton)
    pane.new_article_button.setFocus()
    with qtbot.waitSignal(pane.new_article_requested):
        qtbot.keyClick(pane.new_article_button, Qt.Key.Key_Space)
    with qtbot.waitSignal(pane.new_article_requested):
        pane.new_button.click()  # the header's New, there whether or not the song has articles
    pane.set_editing(True)  # nothing to edit
    assert not pane.is_editing()
    pane.new_article_action.setEnabled(False)  # no song open
    assert not pane.new_article_button.isVisible()


def test_a_new_article_opens_for_editing_with_the_cursor_in_its_source(qtbot, pane, empty_library):
    song = empty_library.songs.add("Song", lyrics="la")
    show(pane, empty_library, song)

    def create():  # what the window does
        made = empty_library.articles.add(song.id)
        show(pane, empty_library, song)
        pane.open_article(made.id, editing=True)

    pane.new_article_requested.connect(create)
    with qtbot.waitSignal(pane.editing_changed):
        pane.new_article_button.click()
    made = empty_library.articles.for_song(song.id)[0]
    assert pane.current_article_id == made.id
    assert pane.is_editing()
    assert pane.focusWidget() is pane.source_edit
    assert pane.source_edit.hasFocus()
    with qtbot.waitSignal(pane.article_edited) as edited:
        qtbot.keyClicks(pane.source_edit, "## My reading")
        pane.flush()
    assert edited.args == [made.id, "## My reading"]


def test_an_empty_article_in_read_mode_says_how_to_write_it(qtbot, pane, empty_library):
    song, _article = add_article(empty_library, "")
    show(pane, empty_library, song)
    assert pane.stack.currentWidget() is pane.browser
    assert "Edit" in pane.browser.placeholderText()


# ----------------------------------------------------------------------- tabs


def test_tabs_switch_with_ctrl_page_keys_and_say_so(qtbot, pane, empty_library):
    song, first = add_article(empty_library, "alpha", title="First")
    _song, second = add_article(empty_library, "beta", title="Second", song=song)
    show(pane, empty_library, song)
    assert pane.tab_bar.isVisible()
    assert pane.tab_bar.accessibleTabName(1) == "Second, article 2 of 2"
    assert pane.current_article_id == first.id
    pane.browser.setFocus()
    with qtbot.waitSignal(pane.article_changed) as changed:
        qtbot.keyClick(pane.browser, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert changed.args == [second.id]
    assert pane.current_article_id == second.id and pane.rendered.text == "beta"
    with qtbot.waitSignal(pane.article_changed) as changed:
        qtbot.keyClick(pane.browser, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert changed.args == [first.id]
    with qtbot.waitSignal(pane.article_changed) as changed:
        qtbot.keyClick(pane.browser, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert changed.args == [second.id]  # round again
    pane.open_article(first.id, editing=True)
    with qtbot.waitSignal(pane.article_changed) as changed:
        qtbot.keyClick(pane.source_edit, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert changed.args == [second.id]  # from the source editor too
    assert not pane.is_editing()


def test_show_articles_keeps_the_open_article_while_it_is_listed(qtbot, pane, empty_library):
    song, first = add_article(empty_library, "alpha", title="First")
    _song, second = add_article(empty_library, "beta", title="Second", song=song)
    show(pane, empty_library, song)
    pane.tab_bar.setCurrentIndex(1)
    with qtbot.assertNotEmitted(pane.article_changed):
        empty_library.articles.update(second.id, title="Second, renamed")
        show(pane, empty_library, song)
    assert pane.current_article_id == second.id
    assert pane.tab_bar.tabText(1) == "Second, renamed"
    assert pane.header.title() == "Second, renamed"
    empty_library.articles.set_deleted(second.id, True)
    show(pane, empty_library, song)
    assert pane.current_article_id == first.id
    assert not pane.tab_bar.isVisible()


def test_the_source_editor_is_monospace_and_follows_the_panes_text_size(qtbot, pane, empty_library):
    song, article = add_article(empty_library, "Words.")
    show(pane, empty_library, song)
    pane.open_article(article.id, editing=True)
    assert pane.source_edit.fontInfo().fixedPitch()
    bigger = QFont(pane.font())
    bigger.setPointSizeF(pane.font().pointSizeF() + 4)
    pane.setFont(bigger)  # what the window's Bigger Text does
    assert pane.source_edit.font().pointSizeF() == bigger.pointSizeF()
    assert pane.source_edit.fontInfo().fixedPitch()
    assert pane.browser.document().defaultFont().pointSizeF() == bigger.pointSizeF()


def test_new_while_editing_saves_and_leaves_edit_mode_before_asking(qtbot, pane, empty_library):
    song, article = add_article(empty_library, "Words.")
    show(pane, empty_library, song)
    pane.open_article(article.id, editing=True)
    qtbot.keyClicks(pane.source_edit, " More")
    events = []
    pane.article_edited.connect(lambda *args: events.append("edited"))
    pane.editing_changed.connect(lambda editing: events.append(f"editing {editing}"))
    pane.new_article_requested.connect(lambda: events.append("new"))
    pane.new_button.click()
    assert events == ["edited", "editing False", "new"]


def test_many_articles_keep_readable_tabs(qtbot):
    from lyricpad.core.models import Article
    from lyricpad.gui.article_pane import TAB_TITLE_CHARS, ArticlePane

    pane = ArticlePane()
    qtbot.addWidget(pane)
    pane.resize(320, 400)
    titles = [f"Reading number {n}: a very long title about the chorus and the tide" for n in range(7)]
    articles = [
        Article(f"id{n}", "song", title, "", "", "body text", n, "t", "t") for n, title in enumerate(titles)
    ]
    pane.show_articles(articles, [])
    pane.show()
    shown = [pane.tab_bar.tabText(i) for i in range(pane.tab_bar.count())]
    assert all(text.startswith(f"Reading number {n}") for n, text in enumerate(shown))
    assert all(len(text) <= TAB_TITLE_CHARS for text in shown)
    assert pane.tab_bar.tabToolTip(3) == titles[3]
    assert pane.tab_bar.usesScrollButtons()
