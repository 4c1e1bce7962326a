"""Overlapping highlights of different lenses, drawn in the real window: each lens stays recognisable
(one background, the others as underlines in their colours), and the gutter shows every lens of a line."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor

from lyricpad.core.models import Annotation, Lens
from lyricpad.gui.highlight_layers import MAX_UNDERLINES, PLUS_SIZE, UNDERLINE_HEIGHT, layers_of
from lyricpad.gui.highlights import LIGHT_ALPHA, Highlight, range_rects
from lyricpad.gui.lyrics_gutter import MARK_WIDTH

IMAGERY, RHYME, QUESTION = QColor("#3aa655"), QColor("#8e5cc9"), QColor("#d9455f")


def near(colour: QColor, other: QColor, tolerance: int) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour.getRgb()[:3], other.getRgb()[:3], strict=True))


def over(base: QColor, colour: QColor, alpha: int = LIGHT_ALPHA) -> QColor:
    """*colour* at opacity *alpha* laid over *base*, as the painter composes a highlight."""
    a = alpha / 255
    return QColor(
        *(round(c * a + b * (1 - a)) for c, b in zip(colour.getRgb()[:3], base.getRgb()[:3], strict=True))
    )


def darker_of(colour: QColor, other: QColor) -> QColor:
    """Each channel the darker of the two: a bar drawn over a light page without hiding the letters."""
    return QColor(*(min(a, b) for a, b in zip(colour.getRgb()[:3], other.getRgb()[:3], strict=True)))


def highlight(qtbot, pane, text, key):
    """Select *text* in *pane* (the lyrics pane or the article browser) and press a lens number key."""
    cursor = pane.document().find(text)
    assert not cursor.isNull(), text
    pane.setFocus(Qt.FocusReason.MouseFocusReason)
    pane.setTextCursor(cursor)
    qtbot.keyClick(pane, key)


def unselect(pane, panel):
    """No text selected and no annotation current: every highlight drawn as it is at rest."""
    cursor = pane.textCursor()
    cursor.clearSelection()  # where it is: moving it would scroll
    pane.setTextCursor(cursor)
    panel.set_selected_annotation("")


def layered(widget, text):
    """(background pixels, underline pixels) of the first line of *text* as *widget* draws it now.

    The background is sampled above the stacked underlines, the underline band is the first
    level's two rows at the bottom of the line.
    """
    start = widget.document().find(text).selectionStart()
    rect = range_rects(widget, start, start + len(text))[0]
    image = widget.viewport().grab().toImage()
    left, right = round(rect.left()) + 1, round(rect.right()) - 1
    bottom = round(rect.bottom())
    background = [
        image.pixelColor(x, y)
        for x in range(left, right)
        for y in range(round(rect.top()) + 1, bottom - UNDERLINE_HEIGHT * MAX_UNDERLINES - 1)
    ]
    underline = [image.pixelColor(x, y) for x in range(left, right) for y in (bottom - 2, bottom - 1)]
    return background, underline


def assert_layered(widget, text, outer: QColor, inner: QColor) -> None:
    """Over *text* the *outer* lens alone is the background (no blend with *inner*), *inner* underlines it."""
    base = widget.palette().color(widget.palette().ColorRole.Base)
    background, underline = layered(widget, text)
    clean = sum(near(p, over(base, outer), 6) for p in background)
    muddy = sum(near(p, over(over(base, outer), inner), 6) for p in background)
    assert clean > len(background) * 0.4 and muddy < clean // 10, (clean, muddy, len(background))
    bar = darker_of(inner, over(base, outer))
    assert sum(near(p, bar, 12) for p in underline) > len(underline) * 0.6


def test_overlapping_lenses_in_the_lyrics_keep_their_colours_and_the_gutter_shows_them_all(
    window, qtbot, shots
):
    window.resize(1280, 800)
    pane = window.lyrics_pane
    highlight(qtbot, pane, "folding up their wings", Qt.Key.Key_3)  # Rhyme & sound inside Imagery
    highlight(qtbot, pane, "lights", Qt.Key.Key_6)  # Question
    # As the user sees it: "lights" current (its lens whole and stronger), Imagery underlined there.
    shots(window, "17-H2-overlap-lyrics-1280x800")
    window.resize(1024, 700)
    shots(window, "17-H2-overlap-lyrics-1024x700")
    unselect(pane, pane)
    assert_layered(pane, "folding up", IMAGERY, RHYME)
    assert_layered(pane, "lights", IMAGERY, QUESTION)

    gutter = pane.gutter.grab().toImage()
    block = pane.document().findBlockByNumber(1)
    top = round(pane.blockBoundingGeometry(block).translated(pane.contentOffset()).top())
    x = pane.gutter.width() - MARK_WIDTH - 2 + MARK_WIDTH // 2
    column = [
        gutter.pixelColor(x, y) for y in range(top, top + round(pane.blockBoundingRect(block).height()))
    ]
    for lens in (IMAGERY, QUESTION, RHYME):
        assert sum(near(p, lens, 10) for p in column) >= 2, lens.name()
    window.resize(1280, 800)
    unselect(pane, pane)
    assert_layered(pane, "folding up", IMAGERY, RHYME)


def test_overlapping_lenses_in_the_article_keep_their_colours(window, qtbot, shots):
    window.resize(1024, 700)
    browser = window.article_pane.browser
    highlight(qtbot, browser, "slant rhyme", Qt.Key.Key_3)  # Rhyme & sound inside the demo's Question
    browser.scroll_to(browser.document().find("slant rhyme").selectionStart())
    shots(
        window, "17-H2-overlap-article-1024x700"
    )  # "slant rhyme" current: its lens whole, Question under it
    window.resize(1280, 800)
    shots(window, "17-H2-overlap-article-1280x800")
    for size in ((1280, 800), (1024, 700)):
        window.resize(*size)
        unselect(browser, window.article_pane)
        assert_layered(browser, "slant", QUESTION, RHYME)


def test_a_lens_overlapping_itself_is_not_darkened(window, qtbot):
    window.resize(1024, 700)
    pane = window.lyrics_pane
    highlight(qtbot, pane, "lights are", Qt.Key.Key_2)  # Imagery inside the demo's Imagery line
    unselect(pane, pane)
    base = pane.palette().color(pane.palette().ColorRole.Base)
    background, underline = layered(pane, "lights are")
    once = sum(near(p, over(base, IMAGERY), 6) for p in background)
    twice = sum(near(p, over(over(base, IMAGERY), IMAGERY), 6) for p in background)
    assert once > len(background) * 0.4 and twice < once // 10
    assert sum(near(p, darker_of(IMAGERY, over(base, IMAGERY)), 12) for p in underline) > len(underline) * 0.6


def annotation(name: str, colour: str) -> Annotation:
    lens = Lens(id=name, name=name, colour=colour, position=0)
    return Annotation(name, "s", "lyrics", None, lens, "", "anchored", ())


def test_underlines_stack_on_levels_that_hold_along_each_highlight():
    outer, a, b, c, d = (annotation(n, "#000000") for n in "oabcd")
    highlights = [
        Highlight(0, 100, outer),
        Highlight(10, 30, a),
        Highlight(20, 40, b),
        Highlight(25, 35, c),
        Highlight(26, 28, d),
        Highlight(50, 60, d),
    ]
    layers = layers_of(highlights, 200)
    assert [(r.start, r.end, r.highlight.annotation.id) for r in layers.backgrounds] == [(0, 100, "o")]
    levels = {(r.start, r.highlight.annotation.id): r.level for r in layers.underlines}
    # Each on its own level where they overlap; "d" past MAX_UNDERLINES there, back on 0 alone.
    assert levels == {(10, "a"): 0, (20, "b"): 1, (25, "c"): 2, (26, "d"): 3, (50, "d"): 0}
    # The selected annotation is the background over its whole length, the outer one underlined there.
    layers = layers_of(highlights[:2], 200, selected="a")
    assert [(r.start, r.end, r.highlight.annotation.id) for r in layers.backgrounds] == [
        (0, 10, "o"),
        (30, 100, "o"),
        (10, 30, "a"),
    ]
    assert [(r.start, r.end, r.level) for r in layers.underlines] == [(10, 30, 0)]


def test_more_lenses_than_underlines_and_marks_show_a_plus(window, qtbot, shots):
    window.resize(1280, 800)
    pane = window.lyrics_pane
    for key in (Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6):
        highlight(qtbot, pane, "lights", key)  # five lenses on one word of the Imagery line
    unselect(pane, pane)
    pane.moveCursor(QTextCursor.MoveOperation.Start)  # the text cursor away from the "+"
    text = pane.palette().color(pane.palette().ColorRole.Text)
    start = pane.document().find("lights").selectionStart()
    rect = range_rects(pane, start, start + len("lights"))[0]
    image = pane.viewport().grab().toImage()
    # A "+" just after the word, beside the three underlines.
    corner = [
        image.pixelColor(x, y)
        for x in range(round(rect.right()) + 1, round(rect.right()) + PLUS_SIZE + 3)
        for y in range(round(rect.bottom()) - MAX_UNDERLINES * UNDERLINE_HEIGHT - 3, round(rect.bottom()) + 1)
    ]
    assert sum(near(p, text, 60) for p in corner) >= PLUS_SIZE
    # Beside the line: four marks and a "+" left of them, in the text colour.
    gutter = pane.gutter.grab().toImage()
    block = pane.document().findBlockByNumber(1)
    top = round(pane.blockBoundingGeometry(block).translated(pane.contentOffset()).top())
    height = round(pane.blockBoundingRect(block).height())
    x = pane.gutter.width() - MARK_WIDTH - 2
    plus = [
        gutter.pixelColor(px, y) for px in range(x - 7, x - 1) for y in range(top + height - 7, top + height)
    ]
    assert sum(near(p, text, 60) for p in plus) >= 5
    column = [gutter.pixelColor(x + 1, y) for y in range(top, top + height)]
    assert sum(not near(p, gutter.pixelColor(0, top), 10) for p in column) >= height - 4  # 4 marks, 3 gaps
    shots(window, "17-H2-overlap-many-1280x800")
    window.resize(1024, 700)
    shots(window, "17-H2-overlap-many-1024x700")
