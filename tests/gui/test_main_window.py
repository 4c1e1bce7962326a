"""The first window on the demo library: sidebar, lyrics, article, annotations, and --screenshot."""

import shiboken6
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QPalette
from PySide6.QtWidgets import QToolTip

from lyricpad.app.annotation_model import AnnotationRole
from lyricpad.app.session import Session
from lyricpad.app.settings import Settings
from lyricpad.core.anchoring import anchors_for_quote
from lyricpad.core.demo import DEMO_ARTICLE_TITLE, DEMO_ARTIST, DEMO_TITLE
from lyricpad.core.store import Library
from lyricpad.gui.highlights import DARK_ALPHA, LIGHT_ALPHA
from lyricpad.gui.main_window import MainWindow
from lyricpad.main import main

DEMO_NAME = f"{DEMO_TITLE} — {DEMO_ARTIST}"
LYRIC_FRAGMENTS = 6  # 1 + 3 (the refrain, every chorus) + 1 + 1


def lyric_annotations(window):
    return [a for a in window.session.annotations(window.session.current_song_id) if a.target == "lyrics"]


def highlight_alpha(pane) -> int:
    selections = pane.extraSelections()  # keep the list: each format lives as long as it
    return selections[0].format.background().color().alpha()


def annotation_rows(panel):
    """(group label, annotation id) of every annotation row, in view order."""
    model = panel.model
    rows = []
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            rows.append((group.data(), model.index(r, 0, group).data(AnnotationRole.ID)))
    return rows


def click_annotation(qtbot, panel, annotation_id):
    index = panel.index_of(annotation_id)
    panel.view.scrollTo(index)
    qtbot.mouseClick(
        panel.view.viewport(), Qt.MouseButton.LeftButton, pos=panel.view.visualRect(index).center()
    )


def test_window_opens_on_the_demo_song(window):
    song = window.session.song(window.session.current_song_id)
    assert song.title == DEMO_TITLE
    assert window.windowTitle() == f"lyricpad — {DEMO_NAME}"
    assert window.song_header.title() == DEMO_TITLE


def test_sidebar_lists_the_demo_song_and_marks_it_current(window):
    sidebar = window.sidebar
    assert sidebar.visible_song_count() == 1
    assert sidebar.proxy.index(0, 0).data() == DEMO_NAME
    assert sidebar.list_view.currentIndex().data() == DEMO_NAME


def test_lyrics_pane_shows_the_lyrics_with_a_highlight_per_fragment(window):
    pane = window.lyrics_pane
    song = window.session.song(window.session.current_song_id)
    assert pane.toPlainText() == song.lyrics
    assert pane.isReadOnly()
    selections = pane.extraSelections()
    assert len(selections) == LYRIC_FRAGMENTS
    quotes = sorted(s.cursor.selectedText() for s in selections)
    expected = sorted(f.quote for a in lyric_annotations(window) for f in a.fragments)
    assert quotes == expected
    # Translucent, so that overlapping highlights stay visible.
    assert all(0 < s.format.background().color().alpha() < 255 for s in selections)


def test_article_pane_renders_the_markdown_with_its_annotations(window):
    pane = window.article_pane
    text = pane.browser.toPlainText()
    assert "Light against dark water" in text
    assert "##" not in text
    assert pane.header.title() == DEMO_ARTICLE_TITLE
    assert not pane.browser.openLinks() and not pane.browser.openExternalLinks()
    highlighted = sorted(s.cursor.selectedText() for s in pane.browser.extraSelections())
    # The first quote spans a soft line break in the Markdown source; rendered, it is a space.
    assert highlighted == [
        "a slant rhyme that makes the listener lean into the next line",
        "the last time it is cut short after two lines",
    ]


def test_annotations_panel_lists_every_annotation_grouped_by_text(window):
    rows = annotation_rows(window.annotations_panel)
    assert len(rows) == 6
    groups = [group for group, _ in rows]
    assert groups == ["Lyrics"] * 4 + [f"Article: {DEMO_ARTICLE_TITLE}"] * 2
    index = window.annotations_panel.index_of(rows[0][1])
    assert index.data(AnnotationRole.LENS_NAME) == "Imagery"
    assert index.data(AnnotationRole.LENS_COLOUR).startswith("#")
    assert index.data(AnnotationRole.TAGS) == ["personification", "verse-1"]
    assert "*" not in index.data(AnnotationRole.NOTE_LINE)  # Markdown emphasis is shown plain


def test_clicking_a_lyrics_annotation_goes_to_its_passage(qtbot, window):
    target = lyric_annotations(window)[-1]  # far from the top: the cursor must move there
    click_annotation(qtbot, window.annotations_panel, target.id)
    cursor = window.lyrics_pane.textCursor()
    assert cursor.position() == target.first.start
    assert not cursor.hasSelection()  # outlined as the current one: a selection would hide its lens


def test_clicking_an_article_annotation_goes_to_its_passage(qtbot, window):
    article_rows = [aid for group, aid in annotation_rows(window.annotations_panel) if group != "Lyrics"]
    click_annotation(qtbot, window.annotations_panel, article_rows[-1])
    browser = window.article_pane.browser
    passage = browser.document().find("the last time it is cut short after two lines")
    assert browser.textCursor().position() == passage.selectionStart()
    assert not browser.textCursor().hasSelection()


def test_hovering_a_highlight_shows_its_note(qtbot, window):
    pane = window.lyrics_pane
    target = lyric_annotations(window)[0]
    cursor = pane.textCursor()
    cursor.setPosition(target.first.start + 3)
    point = pane.cursorRect(cursor).center() + QPoint(2, 0)
    event = QHelpEvent(QEvent.Type.ToolTip, point, pane.viewport().mapToGlobal(point))
    assert pane.viewportEvent(event)
    assert "Lamps as birds" in QToolTip.text()
    assert "Imagery" in QToolTip.text()
    QToolTip.hideText()


def test_filter_narrows_the_sidebar_without_changing_the_song(qtbot, open_window, demo_path):
    with Library.open(demo_path) as library:
        library.songs.add("Paper Boats", artist="Wren Alder", lyrics="Fold the paper, fold it twice")
    window = open_window(demo_path, DEMO_TITLE)
    sidebar = window.sidebar
    assert sidebar.visible_song_count() == 2
    qtbot.keyClicks(sidebar.filter_edit, "PAPER")
    assert sidebar.visible_song_count() == 1
    assert sidebar.proxy.index(0, 0).data() == "Paper Boats — Wren Alder"
    assert window.session.song(window.session.current_song_id).title == DEMO_TITLE
    sidebar.filter_edit.clear()
    assert sidebar.visible_song_count() == 2


def test_choosing_a_song_in_the_sidebar_opens_it(qtbot, open_window, demo_path):
    with Library.open(demo_path) as library:
        library.songs.add("Paper Boats", artist="Wren Alder", lyrics="Fold the paper, fold it twice")
    window = open_window(demo_path, DEMO_TITLE)
    window.library_dock.show()  # the offscreen screen is 800 px wide: a window under 1100 px starts without it
    view = window.sidebar.list_view
    index = next(
        view.model().index(r, 0) for r in range(2) if view.model().index(r, 0).data().startswith("Paper")
    )
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert window.windowTitle() == "lyricpad — Paper Boats — Wren Alder"
    assert window.lyrics_pane.toPlainText() == "Fold the paper, fold it twice"
    assert window.lyrics_pane.extraSelections() == []
    assert window.annotations_panel.annotation_count() == 0
    assert window.article_pane.browser.toPlainText() == ""


def test_closing_remembers_the_song_for_next_time(qtbot, open_window, demo_path):
    with Library.open(demo_path) as library:
        paper = library.songs.add("Paper Boats", artist="Wren Alder", lyrics="Fold the paper")
    window = open_window(demo_path, "Paper Boats")
    window.close()
    again = open_window(demo_path)
    assert again.session.current_song_id == paper.id


def test_status_bar_shows_library_path_and_counts(window, demo_path):
    assert str(demo_path) in window._path_label.text()
    assert window._counts_label.text() == "1 song  │  this song: 1 article, 6 annotations"


def test_main_widgets_have_accessible_names(window):
    widgets = [
        window.sidebar.filter_edit,
        window.sidebar.list_view,
        window.lyrics_pane,
        window.article_pane.browser,
        window.annotations_panel.view,
    ]
    assert all(w.accessibleName() for w in widgets)


def test_screenshot_writes_a_png_of_the_window(qapp, demo_path, tmp_path, capsys):
    png = tmp_path / "shot.png"
    assert main(["--library", str(demo_path), "--screenshot", str(png)]) == 0
    assert capsys.readouterr().out.strip() == str(png)
    assert png.stat().st_size > 0
    image = QImage(str(png))
    assert not image.isNull()
    assert image.width() == 1280


def test_an_empty_library_opens_an_empty_window(open_window, tmp_path):
    path = tmp_path / "empty.sqlite"
    with Library.open(path, seed_demo=False) as library:
        library.set_meta("demo_seeded", "never")  # as if the user had removed the demo
    window = open_window(path)
    assert window.windowTitle() == "lyricpad"
    assert window.sidebar.visible_song_count() == 0
    assert window.lyrics_pane.toPlainText() == ""
    assert window.annotations_panel.annotation_count() == 0
    assert window._counts_label.text() == "0 songs"


def test_quit_is_ctrl_q_and_closes_the_window(window):
    assert window.menus.quit_action.shortcut().toString() == "Ctrl+Q"
    window.menus.quit_action.trigger()
    assert not window.isVisible()


def test_highlights_follow_a_dark_palette(window):
    dark = QPalette(window.palette())
    for role, colour in ((QPalette.ColorRole.Base, "#1e1e20"), (QPalette.ColorRole.Text, "#e6e6e6")):
        dark.setColor(role, QColor(colour))
    assert highlight_alpha(window.lyrics_pane) == LIGHT_ALPHA
    window.setPalette(dark)
    assert highlight_alpha(window.lyrics_pane) == DARK_ALPHA
    assert len(window.article_pane.browser.extraSelections()) == 2


def test_line_numbers_can_be_hidden(window):
    width = window.lyrics_pane.viewportMargins().left()
    assert width > 0
    window.menus.line_numbers_action.setChecked(False)
    assert window.lyrics_pane.viewportMargins().left() == 0


def test_highlights_land_on_their_text_after_emoji(open_window, demo_path):
    # The store counts code points, Qt counts UTF-16 units: 🎸 is one of the first, two of the second.
    lyrics = "🎸🎸 strum the rain\nand 🌧 drum the roof"
    with Library.open(demo_path) as library:
        song = library.songs.add("Weather Band", lyrics=lyrics)
        for quote in ("strum", "drum the roof"):
            library.annotations.add(song.id, anchors_for_quote(lyrics, quote, 1), note=quote)
    window = open_window(demo_path, "Weather Band")
    selections = window.lyrics_pane.extraSelections()
    assert sorted(s.cursor.selectedText() for s in selections) == ["drum the roof", "strum"]


def test_the_undo_stack_may_outlive_the_window(qtbot, demo_path):
    session = Session.open(demo_path)
    try:
        window = MainWindow(session, Settings())
        song_id = session.songs()[0].id
        session.song_edits.update(song_id, title="Renamed")
        assert window.undo_action.text().startswith("&Undo ")
        window.deleteLater()
        qtbot.waitUntil(lambda: not shiboken6.isValid(window.undo_action))
        session.undo_stack.undo()  # says "nothing more to undo" to a window that is gone: no error
        session.undo_stack.clear()
    finally:
        session.close()
