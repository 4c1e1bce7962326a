"""Issue 19, the study view and the translation on together at 1280x800: the study margin on the lyrics, the
translation beside them line by line (its lines as tall as the lyric lines, which may wrap), both
remembered across a restart."""

from __future__ import annotations

from gui_testing import settle, study_computed, wrapped_lines
from library_testing import without_chord_lines
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from screen_runs import ran_on_screen, start_on_test_screen

from lyricpad.core.store import Library
from lyricpad.gui.window_layout import RESET_MESSAGE

start_on_test_screen()  # the tests run on a 1280x800 screen (screen_runs.py)


def german(lyrics: str) -> list[str]:
    """A line-by-line translation of *lyrics*, headers and blank lines kept in their places."""
    lines = []
    for number, line in enumerate(lyrics.split("\n"), 1):
        if not line.strip():
            lines.append("")
        elif line.startswith("["):
            lines.append(line.replace("Verse", "Strophe").replace("Chorus", "Refrain"))
        else:
            lines.append(f"Zeile {number}: die Lichter")
    return lines


def translated(path) -> tuple[str, str]:
    """Give the demo song a translation and add a song without one: their ids."""
    with Library.open(path) as library:
        song = without_chord_lines(library, library.songs.all()[0])
        library.translations.set(song.id, german(song.lyrics), language="de")
        other = library.songs.add("Untranslated", lyrics="one line\nanother line").id
    return song.id, other


def tops(window, pane) -> list[int]:
    """Where each line shown in *pane* starts, in window coordinates (lines out of sight left out)."""
    origin = pane.viewport().mapTo(window, QPoint(0, 0)).y()
    height = pane.viewport().height()
    found, block = [], pane.document().firstBlock()
    while block.isValid():
        top = round(pane.blockBoundingGeometry(block).translated(pane.contentOffset()).top())
        if 0 <= top < height - pane.fontMetrics().height():
            found.append((block.blockNumber() + 1, origin + top))
        block = block.next()
    return found


def out_of_step(window) -> list[tuple[int, int, int]]:
    """The lines shown in both panes whose lyric and translation do not start at the same height."""
    lyrics = dict(tops(window, window.lyrics_pane))
    translation = dict(tops(window, window.translation_view.pane))
    both = sorted(set(lyrics) & set(translation))
    assert len(both) > 10, (lyrics, translation)
    return [
        (line, lyrics[line], translation[line]) for line in both if abs(lyrics[line] - translation[line]) > 1
    ]


def drag(handle, left: int) -> None:
    centre = handle.rect().center()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, pos=centre)
    QTest.mouseMove(handle, centre + QPoint(-left, 0))
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=centre + QPoint(-left, 0))


def test_the_study_margin_and_the_translation_show_together_line_by_line(
    request, qtbot, open_window, demo_path, shots
):
    if ran_on_screen(request, 1280, 800):
        return
    translated(demo_path)
    window = open_window(demo_path)
    settle(qtbot, window, 1280, 800)
    study, translation = window.study_view, window.translation_view
    translation.set_shown(True)
    study.set_shown(True)  # after the translation: the centre is split again for the margin
    study_computed(qtbot, window, 100)
    assert study.margin.isVisible() and study.outline.isVisible()
    assert translation.column.isVisible() and translation.pane.width() >= 250
    assert study.margin.geometry().left() >= window.lyrics_pane.viewport().geometry().right()
    assert out_of_step(window) == []
    shots(window, "19-study-view-and-translation-1280x800")

    # The user drags the lyrics narrower until lines wrap beside the margin: each translation line
    # stands as tall as its lyric line.
    drag(window.splitter.handle(1), window.splitter.sizes()[0] - 380)
    qtbot.waitUntil(lambda: len(wrapped_lines(window.lyrics_pane)) >= 3)
    qtbot.wait(50)
    assert wrapped_lines(translation.pane) == []  # the translation's lines themselves never wrap
    assert out_of_step(window) == []
    shots(window, "19-study-view-and-translation-wrapped-1280x800")

    # Bigger text (View > Bigger Text): the lines wrap anew (the margin may drop its stress column to
    # make room, so not always more of them), in both panes' new font; still in step.
    before = window.lyrics_pane.document().lineCount()
    window.window_layout.zoom(2)
    qtbot.waitUntil(lambda: window.lyrics_pane.document().lineCount() != before)
    assert translation.pane.font().pointSizeF() == window.lyrics_pane.font().pointSizeF()
    qtbot.wait(50)
    assert out_of_step(window) == []

    # Scrolled by one row into a wrapped line, the lyrics go on to the next line: the panes stay in step.
    window.resize(1280, 520)
    qtbot.wait(50)
    first = wrapped_lines(window.lyrics_pane)[0]
    bar = window.lyrics_pane.verticalScrollBar()
    start = window.lyrics_pane.document().findBlockByNumber(first - 1).firstLineNumber()
    bar.setValue(start)
    qtbot.wait(20)
    bar.setValue(start + 1)
    qtbot.wait(50)
    assert window.lyrics_pane.firstVisibleBlock().blockNumber() == first  # the line after it, whole
    assert translation.pane.firstVisibleBlock().blockNumber() == first
    assert out_of_step(window) == []


def test_both_views_are_remembered_and_the_translation_comes_back_on_a_translated_song(
    request, qtbot, open_window, demo_path
):
    if ran_on_screen(request, 1280, 800):
        return
    song, other = translated(demo_path)
    window = open_window(demo_path, song)
    settle(qtbot, window, 1280, 800)
    window.study_view.set_shown(True)
    window.translation_view.show_action.trigger()  # View > Translation
    study_computed(qtbot, window, 100)
    window.close()

    again = open_window(demo_path, other)  # a song without a translation first
    study_computed(qtbot, again, 100)
    view = again.translation_view
    assert again.study_view.is_shown() and again.study_view.margin.isVisible()
    assert view.is_shown() and not view.show_action.isEnabled() and not view.column.isVisible()
    assert again.statusBar().currentMessage() != RESET_MESSAGE  # the saved layout fitted
    again.session.select_song(song)
    qtbot.waitUntil(view.column.isVisible)
    study_computed(qtbot, again, 100)
    assert view.show_action.isEnabled() and again.study_view.margin.isVisible()
    assert out_of_step(again) == []
    view.show_action.trigger()  # off: remembered off
    assert not view.column.isVisible()
    again.close()

    third = open_window(demo_path, song)
    qtbot.wait(50)
    assert not third.translation_view.is_shown() and not third.translation_view.column.isVisible()
    assert third.study_view.is_shown()


def test_a_restart_with_the_translation_shown_keeps_the_saved_layout(request, qtbot, open_window, demo_path):
    if ran_on_screen(request, 1280, 800):
        return
    song, _other = translated(demo_path)
    window = open_window(demo_path, song)
    settle(qtbot, window, 1280, 800)
    window.study_view.set_shown(True)
    window.translation_view.set_shown(True)
    study_computed(qtbot, window, 100)
    sizes = window.splitter.sizes()
    window.close()

    again = open_window(demo_path, song)
    qtbot.waitUntil(again.translation_view.column.isVisible)
    study_computed(qtbot, again, 100)
    assert again.statusBar().currentMessage() != RESET_MESSAGE
    assert abs(again.splitter.sizes()[0] - sizes[0]) <= 2  # the lyrics as wide as the user left them
