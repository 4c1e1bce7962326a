"""Issue 18's review of the Search panel and the find bar in a real window, with real keys and clicks:
no freeze while searching, rows that keep their snippet, a narrow panel, View > Library over a tab,
the hit's own place, one current match, and what Esc and empty words do."""

from __future__ import annotations

import sqlite3

import pytest
from gui_testing import settle
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from lyricpad.core.demo import DEMO_TITLE
from lyricpad.core.search_query import parse
from lyricpad.core.store import Library
from lyricpad.gui.library_search import hit_ordinal
from lyricpad.gui.library_search_panel import HIT_ROLE, MARKS, heading_in_view, snippet_in_view
from lyricpad.gui.window_layout import MIN_PANE_WIDTH, NARROW_SIDEBAR_WIDTH, NARROW_WIDTH

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
GULLS_LINES = (8, 39)
LONG_ARTICLE_TITLE = "A Very Long Article Title About Harbours, Gulls and the Sea at Night, Annotated"


def gull_lyrics() -> str:
    """Fifty invented lines; the word gulls on lines 8 and 39 only."""
    return "\n".join(
        f"the gulls cry over the pier, line {n}" if n in GULLS_LINES else f"an invented verse, line {n}"
        for n in range(1, 51)
    )


@pytest.fixture
def library_path(demo_path):
    with Library.open(demo_path) as lib:
        song = lib.songs.add("Gull Song", artist="Ada Quay", lyrics=gull_lyrics())
        lib.articles.add(song.id, LONG_ARTICLE_TITLE, "The gulls circle the harbour all night long.")
    return demo_path


def press(qtbot, widget, key, modifiers=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(widget, key, modifiers)
    QApplication.processEvents()


def searched(qtbot, panel):
    qtbot.waitUntil(lambda: not panel._timer.isActive() and not panel.is_searching())
    return panel


def open_search(qtbot, win, words=""):
    win.lyrics_pane.setFocus()
    press(qtbot, win.lyrics_pane, Qt.Key.Key_F, CTRL_SHIFT)
    panel = win.menus.search.panel
    assert panel.query_edit.hasFocus()
    if words:
        qtbot.keyClicks(panel.query_edit, words)
        searched(qtbot, panel)
    return panel


def hits(panel) -> list[dict]:
    return [panel.results.item(i).data(HIT_ROLE) for i in range(panel.results.count())]


# ---------------------------------------------------------------- 1. never a freeze


def test_a_search_runs_off_the_gui_thread_and_the_latest_words_win(qtbot, open_window, library_path):
    win = open_window(library_path, DEMO_TITLE)
    panel = open_search(qtbot, win, "gulls")
    assert panel.results.count() and panel.results.isEnabled()
    shown: list[str] = []
    panel.results.model().rowsInserted.connect(
        lambda _parent, first, last: shown.extend(
            panel.results.item(i).text() for i in range(first, last + 1)
        )
    )
    panel.query_edit.setText("gulls pier")
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)  # no events processed after it
    # The page is read by the worker: until its answer comes back through the event loop the old
    # hits stay, greyed, and the panel says it is searching.
    assert panel.is_searching() and panel.status_label.text() == "Searching…"
    assert not panel.results.isEnabled()
    panel.query_edit.setText("lantern")  # typed on before the answer: the older search is dropped
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    searched(qtbot, panel)
    assert shown and not any(text.startswith("Gull Song") for text in shown)
    assert panel.results.isEnabled() and all("Gull Song" not in h["song_title"] for h in hits(panel))
    assert win.session.current_song_id == win.session.resolve_song(DEMO_TITLE).id


# ---------------------------------------------------------------- 2 and 6. rows keep heading and snippet


def test_a_long_heading_stays_on_one_line_and_keeps_where_the_hit_is(qapp):
    bold_font = QFont(qapp.font())
    bold_font.setBold(True)
    bold = QFontMetrics(bold_font)
    hit = {"song_title": "Gull Song", "artist": "Ada Quay", "where": "article", "kind": "article"}
    hit["title"] = LONG_ARTICLE_TITLE
    for width in (150, 250, 400):
        shown = heading_in_view(hit, bold, width)
        assert bold.horizontalAdvance(shown) <= width and shown.startswith("Gull")
    quote = {"song_title": "A Song With A Long Name " * 3, "artist": "", "where": "lyrics", "kind": "quote"}
    assert heading_in_view(quote, bold, 250).endswith("· lyrics highlight")


def test_the_marked_words_of_a_snippet_stay_in_view(qapp):
    metrics = QFontMetrics(qapp.font())
    bold_font = QFont(qapp.font())
    bold_font.setBold(True)
    bold = QFontMetrics(bold_font)
    snippet = f"…an invented verse / an invented verse / the {MARKS[0]}gulls{MARKS[1]} cry over the pier…"
    for width in (120, 170, 300):
        shown = snippet_in_view(snippet, metrics, bold, width)
        before = shown[: shown.index(MARKS[0])]
        assert metrics.horizontalAdvance(before) + bold.horizontalAdvance("gulls") <= width
    assert snippet_in_view(snippet, metrics, bold, 2000) == snippet  # room enough: nothing cut


@pytest.mark.parametrize(("width", "height"), [(1024, 700), (1280, 800)])
def test_the_panel_is_as_narrow_as_the_sidebar_and_its_rows_show_both_lines(
    qtbot, open_window, library_path, shots, width, height
):
    win = open_window(library_path, "Gull Song")
    settle(qtbot, win, width, height)
    panel = open_search(qtbot, win, "gulls")
    qtbot.wait(50)
    dock = win.menus.search.dock
    if width < NARROW_WIDTH:
        # 3. The sidebar's narrow width: the reading panes keep their room.
        assert dock.width() <= NARROW_SIDEBAR_WIDTH + 30
        assert min(win.splitter.sizes()) >= MIN_PANE_WIDTH
    else:
        assert dock.width() == win.library_dock.width()  # tabbed with the sidebar
    kinds = {h["kind"] for h in hits(panel)}
    assert {"song", "article"} <= kinds
    rect = panel.results.visualRect(panel.results.model().index(0, 0))
    assert rect.height() >= 2 * panel.results.fontMetrics().lineSpacing()
    shots(win, f"library-search-{width}x{height}")


# ---------------------------------------------------------------- 4. View > Library over a tab


def test_view_library_raises_the_sidebar_tabbed_behind_the_search(qtbot, open_window, library_path):
    win = open_window(library_path, DEMO_TITLE)
    settle(qtbot, win, 1280, 800)
    open_search(qtbot, win)
    qtbot.wait(20)
    toggle = win.library_dock.toggleViewAction()
    assert win.library_dock.visibleRegion().isEmpty() and not toggle.isChecked()  # behind the Search tab
    press(qtbot, win.lyrics_pane, Qt.Key.Key_L, CTRL_SHIFT)
    qtbot.wait(20)
    assert not win.library_dock.isHidden() and not win.library_dock.visibleRegion().isEmpty()
    assert toggle.isChecked()
    press(qtbot, win.lyrics_pane, Qt.Key.Key_L, CTRL_SHIFT)
    assert win.library_dock.isHidden() and not toggle.isChecked()
    press(qtbot, win.lyrics_pane, Qt.Key.Key_L, CTRL_SHIFT)
    assert not win.library_dock.isHidden() and toggle.isChecked()


# ---------------------------------------------------------------- 5. the hit's own place


def test_the_place_a_hit_names_is_the_one_counted():
    lyrics = gull_lyrics()
    query = parse("gulls", live=True)
    assert hit_ordinal(query, {}, lyrics) == 0
    assert hit_ordinal(query, {"line": 39}, lyrics) == 1
    assert hit_ordinal(query, {"offset": lyrics.index("gulls cry over the pier, line 39")}, lyrics) == 1
    assert hit_ordinal(query, {"line": 8}, lyrics) == 0
    assert hit_ordinal(query, {"line": 500}, lyrics) == 0  # no such line: the first


def test_enter_on_a_lyrics_hit_goes_to_the_line_its_snippet_shows(qtbot, open_window, library_path):
    win = open_window(library_path, DEMO_TITLE)
    panel = open_search(qtbot, win, "gulls")
    row = next(
        i for i, h in enumerate(hits(panel)) if h["song_title"] == "Gull Song" and h["where"] == "lyrics"
    )
    item = panel.results.item(row)
    hit = dict(item.data(HIT_ROLE))
    assert hit.get("line", 8) == 8  # the store's snippet shows the first place it finds...
    # ...and the one of a hit whose snippet shows line 39 says so:
    lyrics = gull_lyrics()
    hit.update(line=39, offset=lyrics.index("gulls cry over the pier, line 39"))
    item.setData(HIT_ROLE, hit)
    line = 39
    panel.results.setFocus()
    panel.results.setCurrentRow(row)
    press(qtbot, panel.results, Qt.Key.Key_Return)
    assert win.lyrics_pane.textCursor().selectedText() == "gulls"
    assert win.lyrics_pane.flashing_lines() == [(line, line)]


# ---------------------------------------------------------------- 7. one current match


def test_the_find_bar_keeps_one_current_match_and_esc_clears_it(qtbot, open_window, library_path, shots):
    win = open_window(library_path, "Gull Song")
    win.article_pane.open_article(win.current_song.articles()[0].id)
    win.lyrics_pane.setFocus()
    press(qtbot, win.lyrics_pane, Qt.Key.Key_F, CTRL)
    bar = win.menus.search.find_bar
    qtbot.keyClicks(bar.edit, "gulls")
    assert bar.count_label.text() == "1 of 3"
    assert win.lyrics_pane.textCursor().selectedText() == "gulls"
    assert win.lyrics_pane.flashing_lines() == []  # the word is selected, not its whole line flashed
    press(qtbot, bar.edit, Qt.Key.Key_F3)
    press(qtbot, bar.edit, Qt.Key.Key_F3)
    assert bar.count_label.text() == "3 of 3"
    assert win.article_pane.browser.textCursor().selectedText() == "gulls"
    assert not win.lyrics_pane.textCursor().hasSelection()  # not two current matches
    shots(win, "find-bar-match-in-article")
    press(qtbot, bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert not win.article_pane.browser.textCursor().hasSelection()
    assert not win.lyrics_pane.textCursor().hasSelection()


def test_a_selection_of_the_users_own_is_not_cleared_by_the_find_bar(qtbot, open_window, library_path):
    win = open_window(library_path, "Gull Song")
    press(qtbot, win.lyrics_pane, Qt.Key.Key_F, CTRL)
    bar = win.menus.search.find_bar
    qtbot.keyClicks(bar.edit, "gulls")
    cursor = win.lyrics_pane.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(5, cursor.MoveMode.KeepAnchor)
    win.lyrics_pane.setTextCursor(cursor)  # the user selects other words meanwhile
    bar.edit.setFocus()
    press(qtbot, bar.edit, Qt.Key.Key_Escape)
    assert win.lyrics_pane.textCursor().selectedText() == "an in"


# ---------------------------------------------------------------- 8. Esc, and words that are no words


def test_esc_clears_the_words_then_closes_the_panel(qtbot, open_window, library_path):
    win = open_window(library_path, DEMO_TITLE)
    panel = open_search(qtbot, win, "gulls")
    press(qtbot, panel.query_edit, Qt.Key.Key_Escape)
    assert panel.query_edit.text() == "" and panel.results.count() == 0
    assert win.menus.search.dock.isVisible()
    press(qtbot, panel.query_edit, Qt.Key.Key_Escape)
    assert not win.menus.search.dock.isVisible() and win.lyrics_pane.hasFocus()
    press(qtbot, win.lyrics_pane, Qt.Key.Key_F, CTRL_SHIFT)
    assert win.menus.search.dock.isVisible() and panel.query_edit.hasFocus()


@pytest.mark.parametrize("typed", ['"', "-", "🏮", "  "])
def test_typing_no_words_says_to_type_words(qtbot, open_window, library_path, typed):
    win = open_window(library_path, DEMO_TITLE)
    panel = open_search(qtbot, win)
    panel.query_edit.setText(typed)  # set, not typed: QTest cannot type characters beyond 16 bits
    press(qtbot, panel.query_edit, Qt.Key.Key_Return)
    searched(qtbot, panel)
    assert panel.status_label.text() == "Type words to search."
    assert panel.results.count() == 0


def test_words_found_nowhere_say_nothing_found(qtbot, open_window, library_path):
    win = open_window(library_path, DEMO_TITLE)
    panel = open_search(qtbot, win, "zzyzx")
    assert panel.status_label.text() == "Nothing found." and panel.results.count() == 0


def test_a_click_on_a_hit_opens_it(qtbot, open_window, library_path):
    win = open_window(library_path, DEMO_TITLE)
    panel = open_search(qtbot, win, "pier")
    rect = panel.results.visualRect(panel.results.model().index(0, 0))
    QTest.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()
    assert win.session.current_song_id == win.session.resolve_song("Gull Song").id
    assert win.lyrics_pane.textCursor().selectedText() == "pier"


# ---------------------------------------------------------------- the review in a real window: what was typed last wins


def retype(qtbot, panel, words):
    """Select all the words and type others, no events processed: the typing pause has not ended."""
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(panel.query_edit, words)


def test_new_words_grey_the_hits_at_once_and_enter_never_opens_one_of_the_words_before(
    qtbot, open_window, library_path
):
    win = open_window(library_path, DEMO_TITLE)
    demo_id = win.session.current_song_id
    panel = open_search(qtbot, win, "gulls")
    assert any(h["song_title"] == "Gull Song" for h in hits(panel))
    opened: list[dict] = []
    panel.hit_activated.connect(opened.append)
    retype(qtbot, panel, "15432")
    assert panel.is_stale() and not panel.results.isEnabled()
    assert panel.status_label.text() == "Searching…"
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Down)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # where a user's Enter goes
    searched(qtbot, panel)
    assert panel.status_label.text() == "Nothing found." and panel.results.count() == 0
    assert opened == [] and win.session.current_song_id == demo_id
    # Words that are found: Down then Enter open the first hit of the NEW words.
    retype(qtbot, panel, "lantern")
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Down)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # where a user's Enter goes
    searched(qtbot, panel)
    assert len(opened) == 1 and opened[0] == hits(panel)[0]
    assert "Gull Song" not in opened[0]["song_title"]
    assert win.session.current_song_id == opened[0]["song_id"]


def test_down_during_the_typing_pause_goes_to_the_new_hits(qtbot, open_window, library_path):
    win = open_window(library_path, DEMO_TITLE)
    panel = open_search(qtbot, win, "gulls")
    opened: list[dict] = []
    panel.hit_activated.connect(opened.append)
    retype(qtbot, panel, "lantern")
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Down)
    searched(qtbot, panel)
    qtbot.waitUntil(panel.results.hasFocus)
    assert panel.results.currentRow() == 0 and opened == []
    assert all("Gull Song" not in h["song_title"] for h in hits(panel))


def test_f3_during_the_typing_pause_opens_the_first_new_hit(qtbot, open_window, library_path):
    win = open_window(library_path, DEMO_TITLE)
    panel = open_search(qtbot, win, "gulls")
    press(qtbot, panel.query_edit, Qt.Key.Key_Return)  # a Gull Song hit open: F3 goes on with the library
    assert win.session.current_song_id == win.session.resolve_song("Gull Song").id
    retype(qtbot, panel, "lantern")
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_F3)
    searched(qtbot, panel)
    first = hits(panel)[0]
    assert "Gull Song" not in first["song_title"] and win.session.current_song_id == first["song_id"]


def test_a_click_on_a_greyed_hit_opens_nothing_and_starts_the_search(qtbot, open_window, library_path):
    win = open_window(library_path, DEMO_TITLE)
    demo_id = win.session.current_song_id
    panel = open_search(qtbot, win, "gulls")
    opened: list[dict] = []
    panel.hit_activated.connect(opened.append)
    retype(qtbot, panel, "lantern")
    rect = panel.results.visualRect(panel.results.model().index(0, 0))
    QTest.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert not panel._timer.isActive()  # no typing pause left: the search runs
    searched(qtbot, panel)
    assert opened == [] and win.session.current_song_id == demo_id
    rect = panel.results.visualRect(panel.results.model().index(0, 0))
    QTest.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()
    assert opened == [hits(panel)[0]]


def test_the_library_shown_after_the_search_panel_is_tabbed_with_it(qtbot, open_window, library_path):
    win = open_window(library_path, DEMO_TITLE)
    settle(qtbot, win, 1024, 700)  # a first run at this size: the sidebar starts hidden
    assert win.library_dock.isHidden()
    open_search(qtbot, win)
    search_dock = win.menus.search.dock
    press(qtbot, win.lyrics_pane, Qt.Key.Key_L, CTRL_SHIFT)
    qtbot.wait(20)
    assert win.library_dock in win.tabifiedDockWidgets(search_dock)  # a tab, not stacked above
    assert not win.library_dock.visibleRegion().isEmpty()  # raised
    assert search_dock.visibleRegion().isEmpty()
    # And the other way: the Search panel shown second joins the sidebar.
    press(qtbot, win.lyrics_pane, Qt.Key.Key_L, CTRL_SHIFT)
    press(qtbot, win.lyrics_pane, Qt.Key.Key_F, CTRL_SHIFT)
    press(qtbot, search_dock.widget().query_edit, Qt.Key.Key_Escape)  # put away
    assert search_dock.isHidden() and win.library_dock.isHidden()
    press(qtbot, win.lyrics_pane, Qt.Key.Key_L, CTRL_SHIFT)
    press(qtbot, win.lyrics_pane, Qt.Key.Key_F, CTRL_SHIFT)
    qtbot.wait(20)
    assert search_dock in win.tabifiedDockWidgets(win.library_dock)
    assert not search_dock.visibleRegion().isEmpty() and win.library_dock.visibleRegion().isEmpty()


def test_a_search_that_fails_leaves_no_hit_of_the_words_before_to_open(qtbot, open_window, library_path):
    win = open_window(library_path, DEMO_TITLE)
    demo_id = win.session.current_song_id
    panel = open_search(qtbot, win, "gulls")
    opened: list[dict] = []
    panel.hit_activated.connect(opened.append)
    with sqlite3.connect(library_path) as other:  # the library damaged behind the window's back
        other.execute("DROP TABLE songs_fts")
    retype(qtbot, panel, "lantern")
    press(qtbot, panel.query_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.status_label.text().startswith("Cannot search"))
    assert panel.results.count() == 0 and not panel.is_stale()
    press(qtbot, panel.query_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.is_searching())
    assert opened == [] and win.session.current_song_id == demo_id


@pytest.mark.parametrize("typed", ["#", "# #", " ## "])
def test_a_tag_box_of_only_hashes_asks_for_no_tag_and_the_search_runs(
    qtbot, open_window, library_path, typed
):
    win = open_window(library_path, DEMO_TITLE)
    panel = open_search(qtbot, win)
    qtbot.keyClicks(panel.tag_edit, typed)
    qtbot.keyClicks(panel.query_edit, "lantern")
    press(qtbot, panel.query_edit, Qt.Key.Key_Return)
    searched(qtbot, panel)
    assert panel.results.count() > 0 and panel.results.isEnabled()
