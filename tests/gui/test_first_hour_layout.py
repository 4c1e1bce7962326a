"""Issue 17, the window's layout in a new user's first hour: long place labels, layouts that do not fit,
room for the reading panes, elided headers, and the hint in an empty song's lyrics pane."""

from __future__ import annotations

import pytest
from gui_testing import wrapped_lines
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from screen_runs import ran_on_screen, start_on_test_screen

from lyricpad.core.anchoring import anchor_for_range, find_occurrences
from lyricpad.core.store import Library
from lyricpad.gui.window_layout import (
    ANNOTATIONS_WIDTH,
    ARTICLE_LEAST_TEXT,
    EMPTY_ARTICLE_WIDTH,
    MIN_PANE_WIDTH,
    NARROW_ANNOTATIONS_WIDTH,
    NARROW_SIDEBAR_WIDTH,
    NARROW_WIDTH,
    RESET_MESSAGE,
)

start_on_test_screen()  # the tests at 1024x700 and 1280x800 run on a screen of that size (screen_runs.py)

LANTERN = "So light a lantern for the ferry"
LONG_TITLE = "The Long Invented Ballad of Lanterns, Harbours, Ferries and the Sea at Night (Extended)"
SIZES = [(1024, 700), (1280, 800)]
CTRL = Qt.KeyboardModifier.ControlModifier


def three_hundred_lines() -> str:
    """An invented 300-line song whose lantern line comes back 40 times (lines 22, 29 … 295)."""
    return "\n".join(
        LANTERN if n > 20 and n % 7 == 1 else f"An invented verse, line {n}, rolling on and on"
        for n in range(1, 301)
    )


@pytest.fixture
def long_song(demo_path):
    with Library.open(demo_path) as library:
        song = library.songs.add(LONG_TITLE, artist="Wren Alder", lyrics=three_hundred_lines())
    return song.id


def click(qtbot, widget):
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())
    qtbot.wait(10)


def stored_song(path, song_id):
    with Library.open(path) as library:
        return library.songs.get(song_id)


def on_screen(qtbot, window, width, height):
    """The window opened on a screen of this size starts at this size, as a first run lays it out."""
    assert (window.width(), window.height()) == (width, height)
    qtbot.wait(50)


def article_text_width(window) -> int:
    browser = window.article_pane.browser
    return browser.viewport().width() - round(2 * browser.document().documentMargin())


# ---------------------------------------------------------------- many places


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_forty_places_wrap_in_the_note_panel_and_never_widen_the_window(
    request, qtbot, open_window, demo_path, long_song, shots, width, height
):
    if ran_on_screen(request, width, height):
        return
    window = open_window(demo_path, LONG_TITLE)
    on_screen(qtbot, window, width, height)
    lyrics = window.session.song(long_song).lyrics
    places = [anchor_for_range(lyrics, p, p + len(LANTERN)) for p in find_occurrences(lyrics, LANTERN)]
    assert len(places) == 40
    made = window.session.annotation_edits.create(long_song, places, lens_id=window.session.lenses()[0].id)
    panel = window.annotations_panel
    index = panel.index_of(made)
    panel.view.scrollTo(index)
    QTest.mouseClick(
        panel.view.viewport(), Qt.MouseButton.LeftButton, pos=panel.view.visualRect(index).center()
    )
    editor = window.note_editor
    qtbot.waitUntil(lambda: editor.current_annotation_id == made)
    qtbot.wait(50)

    label = editor.place_label
    assert label.text() == "Lyrics · lines 22, 29 … 295 (40 places)"
    assert "Lyrics · lines 22, 29, 36, 43," in label.toolTip() and ", 295</td>" in label.toolTip()
    # The window kept its width, nothing in it asks for more, and the reading panes kept their room.
    assert window.width() == width
    assert window.minimumSizeHint().width() <= width
    assert window.note_dock.width() <= ANNOTATIONS_WIDTH + 20
    assert min(window.splitter.sizes()) >= MIN_PANE_WIDTH
    # The label is drawn inside the note panel, its text wrapped rather than cut.
    inside = label.mapTo(editor, QPoint(label.width(), 0)).x()
    assert 0 < inside <= editor.width()
    assert label.heightForWidth(label.width()) >= label.fontMetrics().height()
    shots(window, f"17-h1-forty-places-{width}x{height}")


def test_the_place_label_wraps_when_the_note_panel_is_narrow(qtbot, open_window, demo_path, long_song):
    window = open_window(demo_path, LONG_TITLE)
    lyrics = window.session.song(long_song).lyrics
    places = [anchor_for_range(lyrics, p, p + len(LANTERN)) for p in find_occurrences(lyrics, LANTERN)]
    made = window.session.annotation_edits.create(long_song, places)
    window.select_annotation(made)
    label = window.note_editor.place_label
    # Wider than its one line would allow: two lines, not a wider panel.
    one_line = label.fontMetrics().horizontalAdvance(label.text())
    assert label.heightForWidth(one_line // 2) > label.heightForWidth(one_line + 10)
    assert label.minimumSizeHint().width() < one_line


# ---------------------------------------------------------------- saved layouts


def test_a_saved_layout_too_wide_for_the_screen_comes_back_as_the_default(qtbot, open_window, demo_path):
    window = open_window(demo_path)
    first = (window.width(), window.annotations_dock.width(), window.library_dock.isVisible())
    # What the widened window of issue 17 saved: far wider than the screen, the docks taking it all.
    window.resize(1529, 700)
    qtbot.wait(20)
    window.resizeDocks([window.annotations_dock], [1230], Qt.Orientation.Horizontal)
    qtbot.wait(50)
    assert min(window.splitter.sizes()) < 200
    window.close()

    again = open_window(demo_path)
    qtbot.wait(50)
    available = again.screen().availableGeometry()
    assert again.width() <= available.width() and again.height() <= available.height()
    assert (again.width(), again.annotations_dock.width(), again.library_dock.isVisible()) == first
    assert again.statusBar().currentMessage() == RESET_MESSAGE


def test_a_saved_layout_that_fits_is_kept(qtbot, open_window, demo_path):
    window = open_window(demo_path)
    window.resize(760, 640)
    qtbot.wait(50)
    window.splitter.setSizes([300, 150])
    sizes = window.splitter.sizes()
    window.close()

    again = open_window(demo_path)
    qtbot.wait(50)
    assert (again.width(), again.height()) == (760, 640)
    assert again.splitter.sizes() == sizes
    assert again.statusBar().currentMessage() == ""


# ---------------------------------------------------------------- room for reading


def test_a_narrow_window_starts_without_the_sidebar_which_the_view_menu_brings_back(window, qtbot):
    # The suite's offscreen screen is 800 px wide: the window starts narrower than NARROW_WIDTH.
    assert window.width() < NARROW_WIDTH
    assert not window.library_dock.isVisible()
    toggle = window.library_dock.toggleViewAction()
    view_menu = window.menuBar().actions()[2].menu()
    assert toggle in view_menu.actions() and not toggle.isChecked()
    assert window.lyrics_pane.hasFocus()  # not a hidden song list
    toggle.trigger()
    assert window.library_dock.isVisible()


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_reading_panes_get_the_width(request, qtbot, open_window, demo_path, shots, width, height):
    if ran_on_screen(request, width, height):
        return
    window = open_window(demo_path)
    on_screen(qtbot, window, width, height)
    lyrics, article = window.splitter.sizes()
    assert min(lyrics, article) >= MIN_PANE_WIDTH
    # The demo's longest line (46 characters) stays one line on screen: no lyric line wraps.
    assert wrapped_lines(window.lyrics_pane) == []
    assert window.annotations_dock.width() <= ANNOTATIONS_WIDTH + 10
    assert window.library_dock.isVisible() == (width >= NARROW_WIDTH)
    if width >= 1280:
        # The docks narrow (not below their least widths) until the article has room for long lines of text.
        assert article >= 420 and article_text_width(window) >= 380
        assert window.library_dock.width() >= NARROW_SIDEBAR_WIDTH
        assert window.annotations_dock.width() >= NARROW_ANNOTATIONS_WIDTH - 2
    else:
        assert article_text_width(window) >= ARTICLE_LEAST_TEXT
    shots(window, f"17-h1-demo-{width}x{height}")


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_a_song_without_an_article_gives_the_lyrics_the_room_until_one_is_opened(
    request, qtbot, open_window, demo_path, shots, width, height
):
    if ran_on_screen(request, width, height):
        return
    # Short lines: beside an article such lyrics get the least share, about 280 px at 1024x700.
    short = "\n".join(f"Invented line {n}, short" for n in range(1, 41))
    with Library.open(demo_path) as library:
        song_id = library.songs.add("Short Lines", artist="Wren Alder", lyrics=short).id
    window = open_window(demo_path, "Short Lines")
    on_screen(qtbot, window, width, height)
    pane = window.article_pane
    lyrics, article = window.splitter.sizes()
    assert article == EMPTY_ARTICLE_WIDTH and lyrics > article + 100
    # The empty pane keeps its hint and button, whole.
    assert pane.empty_label.isVisible() and pane.new_article_button.isVisible()
    assert pane.empty_page.rect().contains(pane.new_article_button.geometry())
    assert pane.empty_label.width() >= pane.empty_label.minimumSizeHint().width()
    shots(window, f"17-F1-no-article-{width}x{height}")
    # A wider window widens the lyrics alone.
    window.resize(width + 100, height)
    qtbot.waitUntil(lambda: window.splitter.sizes()[0] >= lyrics + 90)
    assert window.splitter.sizes()[1] == article
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.splitter.sizes()[0] == lyrics)

    # Another song, with an article: the article has its room back; and back again.
    demo = next(s.id for s in window.session.songs() if s.id != song_id)
    window.sidebar.song_requested.emit(demo)
    qtbot.wait(20)
    assert min(window.splitter.sizes()) >= MIN_PANE_WIDTH
    window.sidebar.song_requested.emit(song_id)
    qtbot.wait(20)
    assert window.splitter.sizes() == [lyrics, article]

    # A new article opens with its room, Undo takes both away again.
    QTest.mouseClick(pane.new_article_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(pane.is_editing)
    shared = window.splitter.sizes()
    assert min(shared) >= MIN_PANE_WIDTH and shared[1] > article + 100 and shared[0] < lyrics - 100
    shots(window, f"17-F1-new-article-{width}x{height}")
    pane.flush()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: pane.current_article is None)
    assert window.splitter.sizes() == [lyrics, article]


LIBRARY_KEYS = (Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def toggle_library(qtbot, window):
    """Ctrl+Shift+L, as the reviewer pressed it."""
    shown = window.library_dock.isVisible()
    QTest.keyClick(window, *LIBRARY_KEYS)
    qtbot.waitUntil(lambda: window.library_dock.isVisible() != shown)
    qtbot.wait(50)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_library_takes_its_room_from_the_article_and_hiding_it_gives_it_back(
    request, qtbot, open_window, demo_path, shots, width, height
):
    if ran_on_screen(request, width, height):
        return
    window = open_window(demo_path)
    on_screen(qtbot, window, width, height)
    first = window.splitter.sizes()
    assert wrapped_lines(window.lyrics_pane) == []
    toggle_library(qtbot, window)
    shots(window, f"17-R1-library-toggled-{width}x{height}")
    lyrics, article = window.splitter.sizes()
    if window.library_dock.isVisible():  # 1024: brought back
        # No room for the lines beside the article's least and the Annotations' least: the lyrics
        # wrap, the article keeps its least, and the status bar says how to give them room.
        assert article_text_width(window) >= ARTICLE_LEAST_TEXT
        assert lyrics >= MIN_PANE_WIDTH
        hint = "hide Annotations and Note (Ctrl+Shift+A, Ctrl+Shift+O)"
        assert hint in window.statusBar().currentMessage()
        toggle_library(qtbot, window)
        assert window.statusBar().currentMessage() == ""  # no longer true
        for key in (Qt.Key.Key_A, Qt.Key.Key_O):  # as the message says
            QTest.keyClick(window, key, LIBRARY_KEYS[1])
        qtbot.waitUntil(lambda: not window.annotations_dock.isVisible() and not window.note_dock.isVisible())
        QTest.keyClick(window, *LIBRARY_KEYS)
        qtbot.waitUntil(window.library_dock.isVisible)
        qtbot.wait(50)
        assert wrapped_lines(window.lyrics_pane) == []  # the Annotations' room went to the lyrics
        shots(window, f"17-R1-library-without-annotations-{width}x{height}")
        for key in (Qt.Key.Key_L, Qt.Key.Key_A, Qt.Key.Key_O):
            QTest.keyClick(window, key, LIBRARY_KEYS[1])
        qtbot.waitUntil(lambda: window.note_dock.isVisible() and not window.library_dock.isVisible())
        qtbot.wait(50)
    else:  # 1280: hidden, its width goes to the article, the lyrics keep theirs
        assert lyrics == first[0] and article >= first[1] + NARROW_SIDEBAR_WIDTH
        assert wrapped_lines(window.lyrics_pane) == []
        toggle_library(qtbot, window)
    # Back as it was: the lyrics' lines whole, the article with the rest.
    assert [abs(a - b) <= 1 for a, b in zip(window.splitter.sizes(), first, strict=True)] == [True, True]
    assert wrapped_lines(window.lyrics_pane) == []


def test_the_library_borrows_from_a_wide_annotations_column_and_gives_it_back(
    request, qtbot, open_window, demo_path
):
    if ran_on_screen(request, 1280, 800):
        return
    window = open_window(demo_path)
    on_screen(qtbot, window, 1280, 800)
    toggle_library(qtbot, window)  # hidden
    column = window.annotations_dock
    window.resizeDocks([column], [430], Qt.Orientation.Horizontal)  # as the user dragged it
    qtbot.wait(50)
    widened = column.width()
    toggle_library(qtbot, window)  # back: the lyrics would wrap beside the article's least
    assert wrapped_lines(window.lyrics_pane) == []
    assert NARROW_ANNOTATIONS_WIDTH <= column.width() < widened
    assert article_text_width(window) >= ARTICLE_LEAST_TEXT
    toggle_library(qtbot, window)  # hidden again: the column has its width back
    assert abs(column.width() - widened) <= 1


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_a_song_without_an_article_keeps_its_lines_whole_beside_the_library(
    request, qtbot, open_window, demo_path, shots, width, height
):
    if ran_on_screen(request, width, height):
        return
    lines = "\n".join(f"An invented verse, line {n}, rolling on and on" for n in range(1, 41))
    with Library.open(demo_path) as library:
        library.songs.add("Long Lines", artist="Wren Alder", lyrics=lines)
    window = open_window(demo_path, "Long Lines")
    on_screen(qtbot, window, width, height)
    if not window.library_dock.isVisible():
        toggle_library(qtbot, window)
    pane = window.article_pane
    assert wrapped_lines(window.lyrics_pane) == []
    # The empty article pane gave way, its hint and button still whole.
    assert pane.empty_label.isVisible() and pane.empty_page.rect().contains(
        pane.new_article_button.geometry()
    )
    assert pane.empty_label.width() >= pane.empty_label.minimumSizeHint().width()
    shots(window, f"17-R3-no-article-with-library-{width}x{height}")


def test_a_split_the_user_dragged_comes_back_with_the_article_and_is_saved(qtbot, open_window, demo_path):
    with Library.open(demo_path) as library:
        song_id = library.songs.add("Short Lines", artist="Wren Alder", lyrics="An invented line").id
    window = open_window(demo_path)
    window.resize(760, 640)  # saved and restored as it is: it fits the 800 px offscreen screen
    qtbot.wait(50)
    window.window_layout.split_panes()
    handle = window.splitter.handle(1)
    centre = handle.rect().center()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, pos=centre)
    QTest.mouseMove(handle, centre + QPoint(-60, 0))
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=centre + QPoint(-60, 0))
    dragged = window.splitter.sizes()
    window.sidebar.song_requested.emit(song_id)
    qtbot.wait(20)
    assert window.splitter.sizes()[0] > dragged[0] + 40
    window.sidebar.song_requested.emit(next(s.id for s in window.session.songs() if s.id != song_id))
    qtbot.wait(20)
    assert window.splitter.sizes() == dragged
    window.sidebar.song_requested.emit(song_id)
    qtbot.wait(20)
    window.close()  # saved with the song without an article shown: as the user left it beside one
    again = open_window(demo_path)
    qtbot.wait(50)
    again.sidebar.song_requested.emit(next(s.id for s in again.session.songs() if s.id != song_id))
    qtbot.wait(20)
    assert abs(again.splitter.sizes()[0] - dragged[0]) <= 2


def test_pane_headers_elide_long_titles_and_show_them_whole_in_a_tooltip(
    request, qtbot, open_window, demo_path, long_song, shots
):
    if ran_on_screen(request, 1024, 700):
        return
    with Library.open(demo_path) as library:
        library.articles.add(
            long_song, "An Invented Article With a Title Far Too Long for Its Pane Header", "Body."
        )
    window = open_window(demo_path, LONG_TITLE)
    on_screen(qtbot, window, 1024, 700)
    for header, full in (
        (window.song_header, LONG_TITLE),
        (window.article_pane.header, "An Invented Article With a Title Far Too Long for Its Pane Header"),
    ):
        title = header._title
        assert header.title() == full
        assert title.text().endswith("…") and title.text() != full
        assert title.toolTip() == full
        assert title.fontMetrics().horizontalAdvance(title.text()) <= title.width()
    assert window.width() == 1024
    shots(window, "17-h1-long-titles-1024x700")


# ---------------------------------------------------------------- the empty song


@pytest.fixture
def empty_window(open_window, demo_path, qtbot):
    with Library.open(demo_path) as library:
        song = library.songs.add("Blank Page", artist="Wren Alder")
    window = open_window(demo_path, "Blank Page")
    window.song_id = song.id
    return window


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_an_empty_song_offers_paste_import_and_typing(
    request, qtbot, open_window, demo_path, shots, width, height
):
    if ran_on_screen(request, width, height):
        return
    with Library.open(demo_path) as library:
        library.songs.add("Blank Page", artist="Wren Alder")
    window = open_window(demo_path, "Blank Page")
    on_screen(qtbot, window, width, height)
    hint = window.empty_song_hint
    assert hint.isVisible()
    assert [b.text() for b in (hint.paste_button, hint.import_button, hint.type_button)] == [
        "Paste Lyrics",
        "Import File…",
        "Type Them (Ctrl+E)",
    ]
    assert window.lyrics_pane.placeholderText() == "No lyrics yet."
    # Drawn inside the lyrics pane, below its placeholder line, all of it visible.
    viewport = window.lyrics_pane.viewport()
    assert viewport.rect().contains(hint.geometry())
    assert hint.y() > window.lyrics_pane.fontMetrics().lineSpacing()
    image = window.lyrics_pane.grab().toImage()
    button = hint.type_button
    centre = button.mapTo(window.lyrics_pane, button.rect().center())
    assert image.pixelColor(centre) != image.pixelColor(QPoint(image.width() // 2, image.height() - 20))
    shots(window, f"17-h1-empty-song-{width}x{height}")


def test_a_song_with_lyrics_shows_no_hint(window):
    assert not window.empty_song_hint.isVisible()


def test_paste_lyrics_saves_them_as_one_undoable_edit(qtbot, empty_window, demo_path):
    window = empty_window
    QGuiApplication.clipboard().setText("Invented line one\r\nInvented line two\n")
    click(qtbot, window.empty_song_hint.paste_button)
    assert stored_song(demo_path, window.song_id).lyrics.startswith("Invented line one\nInvented line two")
    assert window.lyrics_pane.toPlainText().startswith("Invented line one")
    assert not window.lyrics_pane.is_editing()
    assert not window.empty_song_hint.isVisible()
    assert window.statusBar().currentMessage() == "Pasted the lyrics. Ctrl+Z undoes it."
    assert window.session.undo_stack.undoText()  # the same kind of step as typing in Edit mode

    window.lyrics_pane.setFocus()
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_Z, CTRL)
    assert stored_song(demo_path, window.song_id).lyrics == ""
    qtbot.waitUntil(window.empty_song_hint.isVisible)
    assert window.statusBar().currentMessage() == ""  # "…undoes it." is no longer true


def test_paste_with_nothing_on_the_clipboard_says_so_and_changes_nothing(qtbot, empty_window, demo_path):
    window = empty_window
    QGuiApplication.clipboard().setText("  \n ")
    undo_count = window.session.undo_stack.count()
    click(qtbot, window.empty_song_hint.paste_button)
    assert window.statusBar().currentMessage() == "The clipboard holds no text to paste as lyrics."
    assert stored_song(demo_path, window.song_id).lyrics == ""
    assert window.session.undo_stack.count() == undo_count
    assert window.empty_song_hint.isVisible()


def test_type_them_opens_edit_mode_and_typing_is_saved(qtbot, empty_window, demo_path):
    window = empty_window
    click(qtbot, window.empty_song_hint.type_button)
    pane = window.lyrics_pane
    assert pane.is_editing() and window.edit_lyrics_action.isChecked()
    assert not window.empty_song_hint.isVisible()
    assert pane.hasFocus()
    qtbot.keyClicks(pane, "An invented first line")
    qtbot.keyClick(pane, Qt.Key.Key_E, CTRL)  # Ctrl+E again: done
    assert not pane.is_editing()
    assert stored_song(demo_path, window.song_id).lyrics == "An invented first line"
    assert not window.empty_song_hint.isVisible()


def test_import_file_asks_for_a_lyrics_file_for_this_song(qtbot, empty_window, monkeypatch):
    window = empty_window
    asked = []
    monkeypatch.setattr(window.files, "ask_lyrics_file", lambda: asked.append("asked") or "")
    songs = len(window.session.songs())
    click(qtbot, window.empty_song_hint.import_button)
    assert asked == ["asked"]  # (test_empty_song_import.py: what it does with the file)
    assert len(window.session.songs()) == songs  # cancelled: nothing imported


def test_the_hint_leaves_when_another_song_is_shown(qtbot, empty_window):
    window = empty_window
    assert window.empty_song_hint.isVisible()
    demo = next(s.id for s in window.session.songs() if s.id != window.song_id)
    window.sidebar.song_requested.emit(demo)
    assert not window.empty_song_hint.isVisible()
    window.sidebar.song_requested.emit(window.song_id)
    assert window.empty_song_hint.isVisible()


def test_pasted_lyrics_ending_with_a_newline_are_300_lines_not_301(qtbot, empty_window, demo_path):
    window = empty_window
    QGuiApplication.clipboard().setText(three_hundred_lines() + "\n")
    steps = window.session.undo_stack.count()
    click(qtbot, window.empty_song_hint.paste_button)
    stored = stored_song(demo_path, window.song_id).lyrics
    assert stored == three_hundred_lines()  # the final newline ended line 300
    assert window.lyrics_pane.blockCount() == 300
    assert window.lyrics_pane.document().lastBlock().text() == three_hundred_lines().rsplit("\n", 1)[1]
    assert window.session.undo_stack.count() == steps + 1  # still one step
    window.lyrics_pane.setFocus()
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_Z, CTRL)
    assert stored_song(demo_path, window.song_id).lyrics == ""


def test_a_final_newline_pasted_in_edit_mode_goes_when_it_ends_blank_lines_inside_stay(
    qtbot, empty_window, demo_path
):
    window = empty_window
    pane = window.lyrics_pane
    qtbot.keyClick(pane, Qt.Key.Key_E, CTRL)
    assert pane.is_editing()
    qtbot.keyClicks(pane, "Invented one")
    qtbot.keyClick(pane, Qt.Key.Key_Return)
    qtbot.keyClick(pane, Qt.Key.Key_Return)  # a blank line between verses: kept
    QGuiApplication.clipboard().setText("Invented two\nInvented three\n")
    qtbot.keyClick(pane, Qt.Key.Key_V, CTRL)
    assert pane.document().lastBlock().text() == ""  # while editing, the cursor's new line is there
    qtbot.keyClick(pane, Qt.Key.Key_E, CTRL)
    assert not pane.is_editing()
    lyrics = "Invented one\n\nInvented two\nInvented three"
    assert stored_song(demo_path, window.song_id).lyrics == lyrics
    assert pane.toPlainText() == lyrics and pane.blockCount() == 4


def test_a_blank_last_line_already_there_stays_when_edit_mode_changes_nothing(qtbot, open_window, demo_path):
    with Library.open(demo_path) as library:
        song = library.songs.add("Ends Blank", artist="Wren Alder", lyrics="Invented a\nInvented b\n")
    window = open_window(demo_path, "Ends Blank")
    pane = window.lyrics_pane
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_E, CTRL)
    qtbot.keyClick(pane, Qt.Key.Key_E, CTRL)
    assert stored_song(demo_path, song.id).lyrics == "Invented a\nInvented b\n"
    assert pane.blockCount() == 3


def test_a_blank_last_line_already_there_stays_when_a_word_above_is_edited(qtbot, open_window, demo_path):
    with Library.open(demo_path) as library:
        song = library.songs.add("Ends Blank", artist="Wren Alder", lyrics="Invented a\nInvented b\n")
    window = open_window(demo_path, "Ends Blank")
    pane = window.lyrics_pane
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_E, CTRL)
    cursor = pane.textCursor()
    cursor.setPosition(len("Invented a"))
    pane.setTextCursor(cursor)
    qtbot.keyClicks(pane, "h")
    qtbot.keyClick(pane, Qt.Key.Key_E, CTRL)
    assert stored_song(demo_path, song.id).lyrics == "Invented ah\nInvented b\n"
    assert pane.blockCount() == 3
