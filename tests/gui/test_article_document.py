"""The typeset article: its Qt document holds exactly the rendered text, and the pane highlights by offsets."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QPalette, QTextCursor, QTextFormat, QTextListFormat
from PySide6.QtWidgets import QToolTip

from lyricpad.app.positions import utf16_position
from lyricpad.core.anchoring import anchors_for_quote
from lyricpad.core.demo import DEMO_ARTICLE
from lyricpad.core.markdown import render_article
from lyricpad.gui.article_document import (
    HREF_PROPERTY,
    IMAGE_SOURCE_PROPERTY,
    QUOTE_LEVEL_PROPERTY,
    build_document,
    utf16_positions,
)
from lyricpad.gui.article_pane import ArticlePane

CORPUS = [
    DEMO_ARTICLE,
    "",
    "# Title\n\nOne\ntwo\\\nthree  \nfour",
    "- a\n- b\n  - b1\n    - b2\n- c\n\n  continued\n\n3. three\n4. four\n   1) inner",
    "- \n- - nested at once\n- last",
    "> quoted *text*\n> > deeper **still**\n>\n> - item in a quote\n\nout",
    "```python\ndef f():\n\treturn '😀'\n```\n\n    indented\n    code\n\n---\n\nafter the rule",
    "a *b* **c** ***d*** `e` ~~f~~ [g *h*](https://example.com) [js](javascript:alert(1)) ![alt](x.png)",
    "<b>raw</b> &amp; &nbsp; &copy; \\*not\\*",
    "| head | *second* |\n|------|---------:|\n| 1 | `2` |\n| longer cell | x |",
    "😀 emoji 👩‍👩‍👧 before *an emphasis* and 𝄞 [a link 🎵](https://x.example)\n\n# 😀 heading",
    "Ünïcödé e\u0301 composed\r\nwith CRLF\r\n\r\n## and a heading",
]


def document_text(document) -> str:
    """The document's text with Qt's block and line separators as the "\\n" the rendered text has."""
    return document.toRawText().replace("\u2029", "\n").replace("\u2028", "\n")


def selected(document, start: int, end: int) -> str:
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n").replace("\u2028", "\n")


@pytest.mark.parametrize("markdown", CORPUS)
def test_document_holds_exactly_the_rendered_text(qapp, markdown):
    article = render_article(markdown)
    document = build_document(article)
    # toPlainText() shows a no-break space as a space; toRawText() keeps every character.
    assert document.toPlainText() == article.text.replace("\xa0", " ")
    assert document_text(document) == article.text
    assert document.characterCount() - 1 == utf16_position(article.text, len(article.text))
    to_qt = utf16_positions(article.text)
    for item in (*article.blocks, *article.spans):
        start, end = utf16_position(article.text, item.start), utf16_position(article.text, item.end)
        assert (to_qt(item.start), to_qt(item.end)) == (start, end)
        assert selected(document, start, end) == article.text[item.start : item.end]


@pytest.mark.parametrize("markdown", CORPUS)
def test_one_qt_block_per_rendered_block(qapp, markdown):
    article = render_article(markdown)
    document = build_document(article)
    assert document.blockCount() == max(len(article.blocks), 1)
    for number, block in enumerate(article.blocks):
        qt_block = document.findBlockByNumber(number)
        assert qt_block.position() == utf16_position(article.text, block.start)
        assert qt_block.blockFormat().intProperty(QUOTE_LEVEL_PROPERTY) == block.quote_depth
        if block.kind == "heading":
            assert qt_block.blockFormat().headingLevel() == block.level
            assert qt_block.charFormat().fontWeight() == QFont.Weight.Bold
        if block.kind == "code":
            assert qt_block.charFormat().fontFixedPitch()
        if block.kind == "rule":
            assert qt_block.blockFormat().hasProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth)


def test_list_markers_are_drawn_by_qt_lists_not_written_in_the_text(qapp):
    markdown = "- a\n  - b\n- c\n\n7) seven\n8) eight"
    article = render_article(markdown)
    document = build_document(article)
    assert document.toPlainText() == "a\nb\nc\nseven\neight"
    markers, styles = [], []
    for number, block in enumerate(article.blocks):
        text_list = document.findBlockByNumber(number).textList()
        assert text_list is not None
        styles.append(text_list.format().style())
        if block.item.ordered:
            markers.append(text_list.itemText(document.findBlockByNumber(number)))
    assert markers == ["7)", "8)"]
    assert styles[:3] == [
        QTextListFormat.Style.ListDisc,
        QTextListFormat.Style.ListCircle,
        QTextListFormat.Style.ListDisc,
    ]
    # "a" and "c" are items of one list, so the outer list counts on after the nested one.
    first, third = document.findBlockByNumber(0).textList(), document.findBlockByNumber(2).textList()
    assert first.count() == 2 and first.itemNumber(document.findBlockByNumber(2)) == 1
    assert first.format().indent() < document.findBlockByNumber(1).textList().format().indent()
    assert third is not None


def char_format_at(document, position):
    cursor = QTextCursor(document)
    cursor.setPosition(position + 1)
    return cursor.charFormat()


def test_inline_styles_and_inert_links(qapp):
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Link, QColor("#123456"))
    markdown = "*em* **st** `co` ~~del~~ [link](javascript:alert(1)) ![pic](p.png)"
    article = render_article(markdown)
    document = build_document(article, palette=palette)
    text = article.text
    fmt = {
        kind: char_format_at(document, text.index(word))
        for kind, word in (
            ("em", "em"),
            ("st", "st"),
            ("co", "co"),
            ("del", "del"),
            ("link", "link"),
            ("pic", "pic"),
        )
    }
    assert fmt["em"].fontItalic()
    assert fmt["st"].fontWeight() == QFont.Weight.Bold
    assert fmt["co"].fontFixedPitch()
    assert fmt["del"].fontStrikeOut()
    link = fmt["link"]
    assert link.fontUnderline() and link.foreground().color() == QColor("#123456")
    assert link.property(HREF_PROPERTY) == "javascript:alert(1)"
    assert not link.isAnchor() and link.anchorHref() == ""  # nothing a click could follow
    assert fmt["pic"].property(IMAGE_SOURCE_PROPERTY) == "p.png"
    assert document.resource(1, "p.png") is None  # nothing fetched


# ------------------------------------------------------------------ the pane


@pytest.fixture
def pane(qtbot):
    widget = ArticlePane()
    qtbot.addWidget(widget)
    widget.resize(500, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def annotate(library, body, quotes):
    """A song with one article of *body*, annotated at each quote (first occurrence) like the CLI does."""
    song = library.songs.add("Song", lyrics="la")
    article = library.articles.add(song.id, "Article", body)
    text = library.annotations.target_text(song.id, "article", article.id)
    for quote in quotes:
        library.annotations.add(
            song.id, anchors_for_quote(text, quote, 1), target="article", article_id=article.id
        )
    return library.articles.for_song(song.id), library.annotations.for_song(song.id)


def highlighted(pane):
    selections = pane.browser.extraSelections()  # keep the list: each cursor lives as long as it
    return sorted(s.cursor.selectedText().replace("\u2029", "\n").replace("\u2028", "\n") for s in selections)


def test_pane_highlights_the_demo_annotations_at_their_words(pane, library):
    song = library.songs.all()[0]
    pane.show_articles(library.articles.for_song(song.id), library.annotations.for_song(song.id))
    quotes = sorted(
        f.quote for a in library.annotations.for_song(song.id) if a.target == "article" for f in a.fragments
    )
    assert quotes == [
        "a slant rhyme that makes the listener lean into the next line",
        "the last time it is cut short after two lines",
    ]
    assert highlighted(pane) == quotes
    assert pane.browser.toPlainText() == pane.rendered.text


def test_pane_highlights_by_offset_past_emoji_styles_and_line_breaks(pane, empty_library):
    body = (
        "# 😀 Heading\n\nIntro with 👩‍👩‍👧 and *words* here.\n\n> If the dark,\\\n> then the **road**,\n\n"
        "- item one 🎵\n- item *two*\n\nSame words here. Same words here."
    )
    quotes = ["words here", "dark,\nthen the road", "one 🎵\nitem two", "Heading\nIntro"]
    articles, annotations = annotate(empty_library, body, quotes)
    pane.show_articles(articles, annotations)
    assert highlighted(pane) == sorted(quotes)
    first = next(
        h for h in pane.browser.highlights if "words" in selected(pane.browser.document(), h.start, h.end)
    )
    text = pane.rendered.text
    assert first.start == utf16_position(text, text.index("words here"))  # the first of three, past emoji


def test_pane_selection_maps_back_to_rendered_offsets(pane, empty_library):
    articles, annotations = annotate(empty_library, "😀 *emoji* then 𝄞 **clef** text", [])
    pane.show_articles(articles, annotations)
    text = pane.rendered.text
    start = text.index("clef")
    cursor = QTextCursor(pane.browser.document())
    cursor.setPosition(utf16_position(text, start))
    cursor.setPosition(utf16_position(text, start + 4), QTextCursor.MoveMode.KeepAnchor)
    pane.browser.setTextCursor(cursor)
    assert pane.selected_range() == (articles[0].id, start, start + 4)
    pane.browser.moveCursor(QTextCursor.MoveOperation.Start)
    assert pane.selected_range() is None


def link_point(pane, word):
    browser = pane.browser
    cursor = QTextCursor(browser.document())
    cursor.setPosition(utf16_position(pane.rendered.text, pane.rendered.text.index(word) + 2))
    return browser.cursorRect(cursor).center()


def test_clicking_a_link_does_not_navigate(qtbot, pane, empty_library):
    body = "Read [the site](https://example.com) or [run](javascript:alert(1)) now."
    articles, annotations = annotate(empty_library, body, [])
    pane.show_articles(articles, annotations)
    browser = pane.browser
    before = browser.toPlainText()
    for word in ("the site", "run"):
        with qtbot.assertNotEmitted(browser.anchorClicked), qtbot.assertNotEmitted(browser.sourceChanged):
            qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=link_point(pane, word))
        assert browser.source().isEmpty()
        assert browser.toPlainText() == before
        assert browser.anchorAt(link_point(pane, word)) == ""
    assert browser.viewport().cursor().shape() != Qt.CursorShape.PointingHandCursor


def test_hovering_a_link_tells_where_it_points(pane, empty_library):
    articles, annotations = annotate(empty_library, "Read [the site](https://example.com/a?b=1&c=2) now.", [])
    pane.show_articles(articles, annotations)
    point = link_point(pane, "the site")
    browser = pane.browser
    event = QHelpEvent(QEvent.Type.ToolTip, point, browser.viewport().mapToGlobal(point))
    assert browser.viewportEvent(event)
    assert "https://example.com/a?b=1&amp;c=2" in QToolTip.text()
    assert "not opened" in QToolTip.text()
    QToolTip.hideText()


def test_a_new_palette_retypesets_with_its_colours(pane, empty_library):
    articles, annotations = annotate(
        empty_library, "A [link](https://x.example) and *its words*", ["its words"]
    )
    pane.show_articles(articles, annotations)
    dark = QPalette(pane.palette())
    for role, colour in (
        (QPalette.ColorRole.Base, "#1e1e20"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Link, "#8ab4f8"),
    ):
        dark.setColor(role, QColor(colour))
    pane.setPalette(dark)
    text = pane.browser.toPlainText()
    link = char_format_at(pane.browser.document(), text.index("link"))
    assert link.foreground().color() == QColor("#8ab4f8")
    assert highlighted(pane) == ["its words"]


def test_switching_articles_highlights_each_ones_annotations(pane, empty_library):
    song = empty_library.songs.add("Song", lyrics="la")
    first = empty_library.articles.add(song.id, "First", "alpha *beta* gamma")
    second = empty_library.articles.add(song.id, "Second", "# delta\n\nepsilon")
    for article, quote in ((first, "beta gamma"), (second, "delta\nepsilon")):
        text = empty_library.annotations.target_text(song.id, "article", article.id)
        empty_library.annotations.add(
            song.id, anchors_for_quote(text, quote, 1), target="article", article_id=article.id
        )
    pane.show_articles(empty_library.articles.for_song(song.id), empty_library.annotations.for_song(song.id))
    assert highlighted(pane) == ["beta gamma"]
    pane.tab_bar.setCurrentIndex(1)
    assert highlighted(pane) == ["delta\nepsilon"]


MARKDOWN_PIECES = st.sampled_from(
    [
        *"ab *_`#>-+1.)[]()!<>&;\\|~:\n \t",
        "&amp;",
        "&nbsp;",
        "😀",
        "e\u0301",
        "\u2028",
        "\ufdd0",
        "\ufffc",
        "```",
        "    ",
        "---",
        "| a | b |\n|---|---|\n",
        "](x)",
        "![",
        "\\\n",
        "  \n",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(markdown=st.text() | st.lists(MARKDOWN_PIECES, max_size=50).map("".join))
def test_any_markdown_builds_a_document_with_its_rendered_text(qapp, markdown):
    article = render_article(markdown)
    document = build_document(article)
    assert document_text(document) == article.text
    for span in article.spans:
        start, end = utf16_position(article.text, span.start), utf16_position(article.text, span.end)
        assert selected(document, start, end) == article.text[span.start : span.end]


def test_screen_point_helper_is_inside_the_viewport(pane, empty_library):
    # Guards the link tests above: the point they click is on the text, not off in the margin.
    articles, annotations = annotate(empty_library, "Read [the site](https://example.com) now.", [])
    pane.show_articles(articles, annotations)
    point = link_point(pane, "the site")
    assert pane.browser.viewport().rect().contains(point)
    assert isinstance(point, QPoint)
