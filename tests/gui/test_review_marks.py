"""Annotations sent to Needs review by an edit keep a visible, hatched and boxed mark at their proposed
place, in the lyrics, their gutter and the article, unlike an anchored highlight."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from lyricpad.core.store import Library
from lyricpad.gui.highlight_layers import HATCH_LIGHT_ALPHA
from lyricpad.gui.highlights import lens_colour, outline_colour, range_rects
from lyricpad.gui.lyrics_gutter import MARK_WIDTH

HARBOUR = "The harbour lights are folding up their wings,"
SLANT = "a slant rhyme that makes the listener lean into the next line"


def near(colour: QColor, other: QColor, tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour.getRgb()[:3], other.getRgb()[:3], strict=True))


def over(base: QColor, colour: QColor, alpha: int) -> QColor:
    """*colour* at opacity *alpha* (0-255) laid over *base*, as the painter composes it."""
    a = alpha / 255
    return QColor(
        *(round(c * a + b * (1 - a)) for c, b in zip(colour.getRgb()[:3], base.getRgb()[:3], strict=True))
    )


def stored(path, quote):
    with Library.open(path) as library:
        (song,) = library.songs.all()
        (found,) = [a for a in library.annotations.for_song(song.id) if a.quote == quote]
        return found


def pixels_in(image, rect, inset=1):
    return [
        image.pixelColor(x, y)
        for x in range(round(rect.left()) + inset, round(rect.right()) - inset)
        for y in range(round(rect.top()) + inset, round(rect.bottom()) - inset)
    ]


def boxed(image, rect, edge) -> bool:
    """Whether a dashed line in colour *edge* runs along the top of *rect* (hatching crosses it only here and there)."""
    left, right = round(rect.left()), round(rect.right())
    top = [
        max(
            near(image.pixelColor(x, y), edge, 60)
            for y in range(round(rect.top()) - 1, round(rect.top()) + 2)
        )
        for x in range(left, right)
    ]
    return sum(top) > len(top) * 0.4


def send_harbour_to_review(window, qtbot):
    """Take the "u" out of "harbour" in Edit mode, as a user would, and leave Edit mode (it saves)."""
    pane = window.lyrics_pane
    window.edit_lyrics_action.trigger()
    cursor = pane.document().find("harbour")
    cursor.setPosition(cursor.selectionEnd() - 1)
    pane.setTextCursor(cursor)
    qtbot.keyClick(pane, Qt.Key.Key_Backspace)
    window.edit_lyrics_action.trigger()


def test_a_proposed_place_in_the_lyrics_is_hatched_and_boxed_and_its_gutter_mark_hollow(
    window, demo_path, qtbot, shots
):
    window.resize(1024, 700)
    send_harbour_to_review(window, qtbot)
    review = stored(demo_path, HARBOUR)
    assert review.status == "needs_review"
    pane = window.lyrics_pane
    (proposal,) = pane.proposals
    cursor = pane.textCursor()
    cursor.clearSelection()
    pane.setTextCursor(cursor)
    window.lyrics_pane.set_selected_annotation("")
    palette = pane.palette()
    image = pane.viewport().grab().toImage()
    base = palette.color(palette.ColorRole.Base)
    rects = range_rects(pane, proposal.start, proposal.end)
    inside = [p for r in rects for p in pixels_in(image, r)]
    hatch = over(base, lens_colour(review, palette), HATCH_LIGHT_ALPHA)
    # Hatched: lines in the lens colour with the page showing between them, never a plain fill.
    hatched = sum(near(p, hatch, 30) for p in inside)
    plain = sum(near(p, base, 8) for p in inside)
    assert hatched > len(inside) // 20 and plain > len(inside) // 5
    # Boxed: a dashed line in the lens colour runs down the left edge of the place.
    first = rects[0]
    edge = outline_colour(review, palette)
    assert boxed(image, first, edge)

    # In the gutter: hollow in the lens colour beside the line, where an anchored line's mark is filled.
    gutter = pane.gutter.grab().toImage()
    background = gutter.pixelColor(1, 1)
    x = pane.gutter.width() - MARK_WIDTH - 2

    def mark_column(line):
        block = pane.document().findBlockByNumber(line - 1)
        top = round(pane.blockBoundingGeometry(block).translated(pane.contentOffset()).top())
        middle = top + round(pane.blockBoundingRect(block).height()) // 2
        return [gutter.pixelColor(x + dx, middle) for dx in range(MARK_WIDTH)]

    border, *inner, far = mark_column(2)
    assert near(border, lens_colour(review, palette), 10) and near(far, lens_colour(review, palette), 10)
    assert all(near(p, background, 6) for p in inner)
    chorus = next(h.annotation for h in pane.highlights if h.annotation.quote.startswith("So light"))
    assert all(near(p, lens_colour(chorus, palette), 10) for p in mark_column(8))
    shots(window, "17-H2-review-mark-1024x700")
    window.resize(1280, 800)
    shots(window, "17-H2-review-mark-1280x800")


def test_a_proposed_place_in_the_article_is_hatched_and_boxed(open_window, demo_path, shots):
    with Library.open(demo_path) as library:
        (song,) = library.songs.all()
        (article,) = library.articles.for_song(song.id)
        library.articles.update(article.id, body=article.body.replace("a slant rhyme", "a half rhyme"))
    review = stored(demo_path, SLANT)
    assert review.status == "needs_review"
    window = open_window(demo_path)
    window.resize(1280, 800)
    browser = window.article_pane.browser
    (proposal,) = [p for p in browser.proposals if p.annotation.id == review.id]
    browser.scroll_to(proposal.start)
    window.article_pane.set_selected_annotation("")
    shots(window, "17-H2-review-article-1280x800")
    palette = browser.palette()
    image = browser.viewport().grab().toImage()
    rects = range_rects(browser, proposal.start, proposal.end)
    inside = [p for r in rects for p in pixels_in(image, r)]
    base = palette.color(palette.ColorRole.Base)
    hatched = sum(near(p, over(base, lens_colour(review, palette), HATCH_LIGHT_ALPHA), 30) for p in inside)
    plain = sum(near(p, base, 8) for p in inside)
    assert hatched > len(inside) // 20 and plain > len(inside) // 5
    edge = outline_colour(review, palette)
    first = rects[0]
    assert boxed(image, first, edge)
    window.resize(1024, 700)
    browser.scroll_to(proposal.start)
    shots(window, "17-H2-review-article-1024x700")
