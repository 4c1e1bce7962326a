"""Final trial E: Ctrl+E with the study view on hides its strip and margin, but the lyrics stay where they were."""

from __future__ import annotations

from gui_testing import settle, study_computed


def line_top_in_window(window, line: int) -> int:
    """Where 1-based *line* starts, in the window's coordinates."""
    pane = window.lyrics_pane
    block = pane.document().findBlockByNumber(line - 1)
    top = pane.blockBoundingGeometry(block).translated(pane.contentOffset()).top()
    return pane.viewport().mapTo(window, pane.viewport().rect().topLeft()).y() + round(top)


def test_edit_mode_keeps_the_lines_where_they_were(qtbot, open_window, demo_path, shots):
    window = open_window(demo_path)
    settle(qtbot, window, 1024, 700)
    window.study_view.set_shown(True)
    study_computed(qtbot, window, 50)
    outline = window.study_view.outline
    assert outline.isVisible() and outline.height() > 20
    before = [line_top_in_window(window, n) for n in (1, 8, 15)]
    shots(window, "trial-E-study-before-edit")
    window.edit_lyrics_action.trigger()
    qtbot.waitUntil(window.lyrics_pane.is_editing)
    qtbot.wait(30)
    assert not outline.isVisible() and not window.study_view.margin.isVisible()
    assert [line_top_in_window(window, n) for n in (1, 8, 15)] == before
    shots(window, "trial-E-study-edit-mode")
    window.edit_lyrics_action.trigger()  # back to reading: the strip is there again, the lines too
    qtbot.waitUntil(lambda: not window.lyrics_pane.is_editing())
    qtbot.wait(30)
    assert outline.isVisible() and [line_top_in_window(window, n) for n in (1, 8, 15)] == before
    # With the study view off, nothing holds room above the lyrics.
    window.study_view.set_shown(False)
    qtbot.wait(30)
    assert line_top_in_window(window, 1) < before[0] - 20
