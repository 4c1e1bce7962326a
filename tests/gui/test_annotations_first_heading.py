"""Review R17 (6): no empty band above the first group of the annotations list, rows still of one height."""

from __future__ import annotations

from PySide6.QtCore import Qt

from lyricpad.app.annotation_model import AnnotationRole
from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.gui.annotations_delegate import heading_band


def title_top(view, row: int = 0) -> int:
    """Where the title of heading *row* starts in the list's viewport."""
    index = view.model().index(row, 0)
    assert index.data(AnnotationRole.IS_GROUP)
    return heading_band(view.visualRect(index), view.font()).top()


def test_the_first_heading_starts_at_the_top_of_the_list(qtbot, window, shots):
    view = window.annotations_panel.view
    song = window.current_song.song
    lines = [n for n, text in enumerate(song.lyrics.split("\n"), 1) if text.strip()][:30]  # enough to scroll
    for line in lines:
        window.session.annotation_edits.create(song.id, [anchor_for_lines(song.lyrics, line, line)])
    qtbot.wait(50)
    assert view.model().rowCount() >= 1 and view.uniformRowHeights()
    view.scrollToTop()
    assert title_top(view) <= 2  # no band of the row's height less its title above it
    shots(window.annotations_panel, "17-R6-first-heading")
    # Scrolled away and back, by the bar and by the keys: the same.
    bar = view.verticalScrollBar()
    assert bar.maximum() > bar.minimum()
    bar.setValue(bar.maximum())
    qtbot.wait(20)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    view.scrollTo(view.model().index(0, 0))
    qtbot.wait(20)
    assert title_top(view) <= 2
    # Headings further down keep the space that parts them from the group above.
    groups = [
        r for r in range(view.model().rowCount()) if view.model().index(r, 0).data(AnnotationRole.IS_GROUP)
    ]
    if len(groups) > 1:
        second = view.model().index(groups[1], 0)
        view.scrollTo(second)
        rect = view.visualRect(second)
        assert heading_band(rect, view.font()).top() - rect.top() > 10


def test_a_new_songs_first_group_starts_at_the_top_too(qtbot, open_window, demo_path, shots):
    """The list's rows fit without scrolling: no band either (a first annotation, a first translation note)."""
    from lyricpad.core.store import Library

    lyrics = "So light a lantern\nset it on the water\nand let it go"
    with Library.open(demo_path) as library:
        song_id = library.songs.add("New Lantern", lyrics=lyrics).id
    window = open_window(demo_path, song_id)
    window.resize(1024, 700)
    view = window.annotations_panel.view
    assert view.model().rowCount() == 0
    window.session.annotation_edits.create(song_id, [anchor_for_lines(lyrics, 2, 2)])
    qtbot.wait(50)
    assert view.model().rowCount() == 1  # the Lyrics heading (its annotation under it)
    assert title_top(view) <= 2
    window.session.annotation_edits.create(song_id, [anchor_for_lines(lyrics, 3, 3)])
    qtbot.wait(50)
    assert title_top(view) <= 2
    shots(window.annotations_panel, "17-R6-new-song-first-heading")
