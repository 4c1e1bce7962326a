"""The selection's blue never hides a lens colour: it goes once highlighted, and when the focus leaves the pane."""

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QPalette, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from lyricpad.core.store import Library

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def span_of(editor, words: str) -> tuple[int, int]:
    cursor = editor.document().find(words)
    assert not cursor.isNull(), words
    return cursor.selectionStart(), cursor.selectionEnd()


def point_at(editor, position: int) -> QPoint:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    rect = editor.cursorRect(cursor)
    return QPoint(rect.left() + 1, rect.center().y())


def drag_over(editor, words: str) -> None:
    """Select *words* (on one line) with a real mouse drag on the editor's viewport."""
    start, end = span_of(editor, words)
    cursor = QTextCursor(editor.document())
    cursor.setPosition(start)
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()
    first, last = point_at(editor, start), point_at(editor, end)
    QTest.mousePress(editor.viewport(), LEFT, NONE, first)
    QTest.mouseMove(editor.viewport(), last)
    QTest.mouseRelease(editor.viewport(), LEFT, NONE, last)
    assert editor.textCursor().selectedText() == words


def words_rect(editor, words: str) -> QRect:
    """The viewport rectangle of *words* (on one line), a pixel inside each edge."""
    start, end = span_of(editor, words)
    first, last = QTextCursor(editor.document()), QTextCursor(editor.document())
    first.setPosition(start)
    last.setPosition(end)
    a, b = editor.cursorRect(first), editor.cursorRect(last)
    assert a.top() == b.top(), "the words must sit on one line"
    return QRect(QPoint(a.left() + 2, a.top() + 1), QPoint(b.left() - 2, a.bottom() - 1))


def colours_in(editor, rect: QRect) -> list[QColor]:
    """Every pixel of viewport *rect* as painted now."""
    QApplication.processEvents()
    image = editor.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    return [
        image.pixelColor(int(x * ratio), int(y * ratio))
        for x in range(rect.left(), rect.right(), 2)
        for y in range(rect.top(), rect.bottom(), 2)
    ]


def selection_blue(editor) -> QColor:
    return editor.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)


def near(a: QColor, b: QColor, tolerance: int = 12) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def lens_colour(path, annotation_id: str) -> QColor:
    with Library.open(path) as library:
        return QColor(library.annotations.get(annotation_id).lens.colour)


def assert_lens_colour_shows(editor, words: str, lens: QColor) -> None:
    """No pixel of *words* is the selection's blue, and most are tinted towards the lens colour."""
    pixels = colours_in(editor, words_rect(editor, words))
    blue = selection_blue(editor)
    assert not any(near(p, blue) for p in pixels), "the selection's blue still covers the words"
    base = editor.palette().color(QPalette.ColorRole.Base)
    tinted = [p for p in pixels if not near(p, base, 6) and abs(p.hueF() - lens.hueF()) < 0.08]
    assert len(tinted) > len(pixels) // 2, "the lens colour does not show"


@pytest.mark.parametrize("pane", ["article", "lyrics"])
def test_the_selection_goes_once_highlighted_so_the_lens_colour_shows(window, demo_path, qtbot, shots, pane):
    window.resize(1024, 700)
    if pane == "article":
        editor, words = window.article_pane.browser, "a quiet song"
    else:
        editor, words = window.lyrics_pane, "the gulls have"
    drag_over(editor, words)
    assert any(near(p, selection_blue(editor)) for p in colours_in(editor, words_rect(editor, words)))
    qtbot.keyClick(editor, Qt.Key.Key_2)  # Imagery
    made = window.selected_annotation_id
    assert made and not editor.textCursor().hasSelection()
    assert_lens_colour_shows(editor, words, lens_colour(demo_path, made))
    # Clicking into the other pane, deleting and undoing bring no blue back either.
    other = window.lyrics_pane if pane == "article" else window.article_pane.browser
    QTest.mouseClick(other.viewport(), LEFT, NONE, QPoint(40, 40))
    qtbot.keyClick(other, Qt.Key.Key_Delete)
    window.undo_action.trigger()
    assert not editor.textCursor().hasSelection()
    assert_lens_colour_shows(editor, words, lens_colour(demo_path, made))
    shots(window, f"17-H3-highlighted-{pane}-1024x700")
    window.resize(1280, 800)
    editor.ensureCursorVisible()
    assert_lens_colour_shows(editor, words, lens_colour(demo_path, made))
    shots(window, f"17-H3-highlighted-{pane}-1280x800")


def test_focus_leaving_for_another_part_of_the_window_drops_the_selection(window, qtbot):
    browser = window.article_pane.browser
    drag_over(browser, "a quiet song")
    filter_box = window.annotations_panel.text_filter
    QTest.mouseClick(filter_box, LEFT, NONE, filter_box.rect().center())
    assert filter_box.hasFocus()
    assert not browser.textCursor().hasSelection()
    pane = window.lyrics_pane
    drag_over(pane, "the gulls have")
    QTest.mouseClick(filter_box, LEFT, NONE, filter_box.rect().center())
    assert not pane.textCursor().hasSelection()


def test_the_other_reading_pane_keeps_it_so_a_quotation_can_be_linked_to_lines(window, qtbot):
    browser, pane = window.article_pane.browser, window.lyrics_pane
    drag_over(browser, "a quiet song")
    pane.setFocus(Qt.FocusReason.MouseFocusReason)
    pane.select_lines(2, 3)  # as a drag over the line numbers does
    assert browser.textCursor().selectedText() == "a quiet song"
    qtbot.keyClick(pane, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # Link to Lyrics Lines
    assert any(link.quote == "a quiet song" for link in window.current_song.links())


def test_a_selection_left_in_the_article_goes_when_the_focus_moves_on_from_the_lyrics(window, qtbot):
    # Article -> lyrics keeps it (for a link); lyrics -> the list or the note means the user is done with it.
    browser, pane = window.article_pane.browser, window.lyrics_pane
    drag_over(browser, "a quiet song")
    QTest.mouseClick(pane.viewport(), LEFT, NONE, point_at(pane, span_of(pane, "the gulls")[0]))
    assert pane.hasFocus() and browser.textCursor().selectedText() == "a quiet song"
    filter_box = window.annotations_panel.text_filter
    QTest.mouseClick(filter_box, LEFT, NONE, filter_box.rect().center())
    assert not browser.textCursor().hasSelection()


def test_a_selection_left_in_the_article_goes_after_delete_and_undo_in_the_lyrics(window, qtbot):
    browser, pane = window.article_pane.browser, window.lyrics_pane
    drag_over(browser, "a quiet song")
    drag_over(pane, "the gulls have")
    qtbot.keyClick(pane, Qt.Key.Key_1)  # a highlight in the lyrics: the article's leftover goes with it
    assert not browser.textCursor().hasSelection()
    drag_over(browser, "a quiet song")
    QTest.mouseClick(pane.viewport(), LEFT, NONE, point_at(pane, span_of(pane, "kettle")[0]))
    qtbot.keyClick(pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Undo
    assert not browser.textCursor().hasSelection()


def test_a_floating_annotations_dock_is_part_of_the_window_too(window, qtbot):
    window.annotations_dock.setFloating(True)
    qtbot.waitUntil(window.annotations_dock.isVisible)
    browser = window.article_pane.browser
    drag_over(browser, "a quiet song")
    filter_box = window.annotations_panel.text_filter
    window.annotations_dock.activateWindow()
    QTest.mouseClick(filter_box, LEFT, NONE, filter_box.rect().center())
    qtbot.waitUntil(filter_box.hasFocus)
    assert not browser.textCursor().hasSelection()


def test_a_context_menu_keeps_the_selection_it_is_about(window, qtbot):
    browser = window.article_pane.browser
    drag_over(browser, "a quiet song")
    point = point_at(browser, span_of(browser, "sending")[0])
    QTest.mouseClick(browser.viewport(), Qt.MouseButton.RightButton, NONE, point)
    # The window system follows a right click with a menu event (the offscreen one does not).
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, browser.viewport().mapToGlobal(point))
    QApplication.sendEvent(browser.viewport(), event)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    assert browser.textCursor().selectedText() == "a quiet song"
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert browser.textCursor().selectedText() == "a quiet song"


def test_a_dialog_opened_over_the_window_keeps_it_for_when_the_user_comes_back(window, qtbot):
    browser = window.article_pane.browser
    drag_over(browser, "a quiet song")
    qtbot.keyClick(
        browser, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = window.open_lens_dialog()
    dialog.activateWindow()
    qtbot.waitUntil(
        lambda: QApplication.focusWidget() is not None and dialog.isAncestorOf(QApplication.focusWidget())
    )
    assert browser.textCursor().selectedText() == "a quiet song"
    dialog.close()


def test_placing_a_highlight_that_needs_review_drops_the_selection_too(window, demo_path, qtbot):
    pane = window.lyrics_pane
    window.edit_lyrics_action.trigger()
    cursor = pane.document().find("harbour")
    cursor.setPosition(cursor.selectionEnd() - 1)
    pane.setTextCursor(cursor)
    qtbot.keyClick(pane, Qt.Key.Key_Backspace)  # "harbor": the first highlight needs review
    window.edit_lyrics_action.trigger()
    (lost,) = [a for a in window.current_song.needing_review()]
    window.annotations_panel.select_annotation(lost.id)
    drag_over(pane, "the gulls have")
    qtbot.keyClick(
        pane, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    with Library.open(demo_path) as library:
        placed = library.annotations.get(lost.id)
    assert (placed.status, placed.quote) == ("anchored", "the gulls have")
    assert not pane.textCursor().hasSelection()
    assert_lens_colour_shows(pane, "the gulls have", QColor(placed.lens.colour))


# ------------------------------------------- a selection kept in the other pane


DARK = QPalette(QColor("#2b2b2b"))


def mean_lightness(pixels: list[QColor]) -> float:
    return sum(p.lightnessF() for p in pixels) / len(pixels)


@pytest.mark.parametrize("palette", ["light", "dark"])
@pytest.mark.parametrize("pane", ["article", "lyrics"])
def test_a_selection_kept_in_the_pane_without_focus_is_a_pale_wash_over_the_lens_colour(
    window, demo_path, qtbot, shots, pane, palette
):
    window.resize(1024, 700)
    if palette == "dark":
        window.setPalette(DARK)
        qtbot.wait(20)
    if pane == "article":
        editor, words, other = window.article_pane.browser, "a quiet song", window.lyrics_pane
    else:
        editor, words, other = window.lyrics_pane, "the gulls have", window.article_pane.browser
    drag_over(editor, words)
    qtbot.keyClick(editor, Qt.Key.Key_2)  # Imagery
    lens = lens_colour(demo_path, window.selected_annotation_id)
    drag_over(editor, words)  # selected again, over its highlight: for Link to Lyrics Lines, say
    QTest.mouseClick(other.viewport(), LEFT, NONE, QPoint(40, 40))
    assert other.hasFocus() and not editor.hasFocus()
    assert editor.textCursor().selectedText() == words  # kept: Ctrl+K needs it
    assert_lens_colour_shows(editor, words, lens)
    # Still seen as selected: a grey wash (darker on a light page, lighter on a dark one).
    washed = colours_in(editor, words_rect(editor, words))
    cursor = editor.textCursor()
    cursor.clearSelection()
    editor.setTextCursor(cursor)
    shift = mean_lightness(washed) - mean_lightness(colours_in(editor, words_rect(editor, words)))
    assert (shift < -0.04) if palette == "light" else (shift > 0.04), shift
    # The words keep their colour: the darkest (lightest) ink is the text colour, not the selection's.
    text = editor.palette().color(QPalette.ColorRole.Text)
    ink = min(washed, key=lambda p: abs(p.lightnessF() - text.lightnessF()))
    assert abs(ink.lightnessF() - text.lightnessF()) < 0.25
    drag_over(editor, words)
    QTest.mouseClick(other.viewport(), LEFT, NONE, QPoint(40, 40))
    if pane == "article":
        shots(window, f"17-F1-kept-selection-{palette}-1024x700")
        window.resize(1280, 800)
        editor.ensureCursorVisible()
        assert_lens_colour_shows(editor, words, lens)
        shots(window, f"17-F1-kept-selection-{palette}-1280x800")


# ------------------------------------------------------ revealing an annotation


def click_row(window, annotation_id: str) -> None:
    panel = window.annotations_panel
    index = panel.index_of(annotation_id)
    panel.view.scrollTo(index)
    QTest.mouseClick(panel.view.viewport(), LEFT, NONE, panel.view.visualRect(index).center())


@pytest.mark.parametrize("target", ["article", "lyrics"])
def test_revealing_an_annotation_outlines_it_and_selects_no_text(window, demo_path, qtbot, shots, target):
    window.resize(1024, 700)
    (shown,) = [a for a in window.current_song.annotations() if a.target == target][:1]
    editor = window.article_pane.browser if target == "article" else window.lyrics_pane
    start, end = span_of(editor, shown.quote[:24])
    words = " ".join(shown.quote.split()[:2])
    drag_over(editor, words)  # the user had selected words there
    click_row(window, shown.id)
    qtbot.waitUntil(lambda: window.selected_annotation_id == shown.id)
    assert not editor.textCursor().hasSelection()
    assert editor.textCursor().position() == start
    qtbot.waitUntil(lambda: not editor.flash_id if target == "article" else not editor.flashing_annotation())
    assert_lens_colour_shows(editor, words, lens_colour(demo_path, shown.id))
    shots(window, f"17-F1-revealed-{target}-1024x700")
