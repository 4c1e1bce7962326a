"""Review R17 (5): where two highlights overlap, the current annotation's outline no longer hides the
other lens's underline (in the article and in the lyrics)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor

from lyricpad.gui.highlights import range_rects

FIRST = "first line turns the harbour"
SECOND = "turns the harbour lamps"
OVERLAP = "turns the harbour"


def select(editor, text: str) -> int:
    cursor = editor.document().find(text)
    assert not cursor.isNull(), text
    editor.setTextCursor(cursor)
    editor.setFocus(Qt.FocusReason.MouseFocusReason)
    return cursor.selectionStart()


def lens_rows(editor, start: int, end: int, colour: QColor) -> int:
    """How many pixel rows, near the bottom of the range's first line, are drawn in *colour* across half of it."""
    image = editor.viewport().grab().toImage()
    rect = range_rects(editor, start, end)[0]
    found = 0
    for y in range(int(rect.bottom()) - 10, int(rect.bottom()) + 1):
        xs = range(int(rect.left()) + 2, int(rect.right()) - 2)
        close = sum(
            1
            for x in xs
            if max(
                abs(image.pixelColor(x, y).red() - colour.red()),
                abs(image.pixelColor(x, y).green() - colour.green()),
                abs(image.pixelColor(x, y).blue() - colour.blue()),
            )
            < 40
        )
        found += close > 0.45 * len(xs)
    return found


@pytest.mark.parametrize("pane_name", ["article", "lyrics"])
def test_the_other_lens_stays_underlined_under_the_current_annotation(qtbot, window, shots, pane_name):
    if pane_name == "article":
        editor = window.article_pane.browser
    else:
        editor = window.lyrics_pane
        window.edit_lyrics_action.trigger()  # the demo's lyrics do not have the line: typed in first
        cursor = editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        editor.setTextCursor(cursor)
        editor.insertPlainText("\nThe first line turns the harbour lamps into birds")
        window.edit_lyrics_action.trigger()
        qtbot.wait(50)
        editor.verticalScrollBar().setValue(editor.verticalScrollBar().maximum())
    lenses = window.session.lenses()
    select(editor, FIRST)
    qtbot.keyClick(editor, Qt.Key.Key_2)  # Imagery
    first = window.current_song.current_id
    start = select(editor, SECOND)
    qtbot.keyClick(editor, Qt.Key.Key_4)  # Structure: the current annotation now
    assert window.current_song.current_id not in ("", first)
    qtbot.wait(50)
    shots(editor, f"17-R5-overlap-current-{pane_name}")
    green = QColor(lenses[1].colour)
    # The Imagery underline is there under the overlap while the Structure one is current...
    assert lens_rows(editor, start, start + len(OVERLAP), green) >= 2  # its height
    window.select_annotation(first)  # and the other way round (the Structure underline darkens the green)
    qtbot.wait(50)
    shots(editor, f"17-R5-overlap-other-current-{pane_name}")
