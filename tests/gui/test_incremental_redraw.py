"""A one-annotation edit redraws that annotation only, and the window then shows what a fresh build shows.

The window's lyrics pane and annotations list after each edit (highlight by keys, re-lens, delete,
undo, redo, a click choosing one, a lens recoloured: a change of them all) are compared with a
lyrics pane and a list built afresh from the same song, and with a window opened afresh at the end.
"""

import pytest
from PySide6.QtCore import Qt
from test_overlap_drawing import highlight

from lyricpad.app.annotation_model import AnnotationRole
from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.store import Library
from lyricpad.gui.annotations_panel import AnnotationsPanel
from lyricpad.gui.lyrics_pane import LyricsPane

LINES = 150
TITLE = "Many Marks"


@pytest.fixture
def many_path(tmp_path):
    """A song of 150 lines, 120 of them highlighted one by one, and lines 10-12 also as one verse."""
    path = tmp_path / "many.sqlite"
    lib = Library.open(path, seed_demo=False)
    lyrics = "\n".join(f"line {n} where the river takes the light" for n in range(1, LINES + 1))
    song = lib.songs.add(TITLE, lyrics=lyrics)
    lenses = [lens.id for lens in lib.lenses.all()]
    with lib.write():
        for n in range(1, 121):
            lib.annotations.add(
                song.id, [anchor_for_lines(lyrics, n, n)], lens_id=lenses[n % 3], note=f"n{n}"
            )
        lib.annotations.add(song.id, [anchor_for_lines(lyrics, 10, 12)], lens_id=lenses[3], note="verse")
    lib.close()
    return path


def pane_state(pane: LyricsPane) -> dict:
    def run(r):
        return (r.start, r.end, r.highlight.annotation.id, r.level)

    drawing = pane._marks.drawing
    return {
        "highlights": sorted((h.start, h.end, h.annotation.id) for h in pane.highlights),
        "proposals": sorted((h.start, h.end, h.annotation.id) for h in pane.proposals),
        "backgrounds": [run(r) for r in drawing.layers.backgrounds],
        "underlines": sorted(run(r) for r in drawing.layers.underlines),
        "selections": [
            (s.cursor.selectionStart(), s.cursor.selectionEnd(), s.format.background().color().name())
            for s in pane.extraSelections()
        ],
        "gutter": {
            line: [(mark.colour.name(), mark.proposed) for mark in marks]
            for line, marks in pane.gutter.marks.items()
        },
    }


def list_state(panel: AnnotationsPanel) -> list:
    proxy = panel.proxy
    roles = [
        AnnotationRole.ID,
        AnnotationRole.LENS_COLOUR,
        AnnotationRole.NOTE_LINE,
        AnnotationRole.STATUS,
        AnnotationRole.IN_TRASH,
        Qt.ItemDataRole.DisplayRole,
    ]
    groups = []
    for g in range(proxy.rowCount()):
        heading = proxy.index(g, 0)
        rows = [
            tuple(proxy.index(r, 0, heading).data(role) for role in roles)
            for r in range(proxy.rowCount(heading))
        ]
        groups.append((heading.data(AnnotationRole.GROUP_KEY), heading.data(), rows))
    return groups


def built_afresh(qtbot, window) -> tuple[dict, list]:
    """What a lyrics pane and a list built from scratch on the window's current song show."""
    current = window.current_song
    pane, panel = LyricsPane(), AnnotationsPanel()  # never shown; deleted once read
    pane.observe(current)
    panel.observe(current)
    pane.set_selected_annotation(current.current_id)
    state = pane_state(pane), list_state(panel)
    pane.deleteLater()
    panel.deleteLater()
    return state


def assert_as_built_afresh(qtbot, window) -> None:
    pane, listed = built_afresh(qtbot, window)
    assert pane_state(window.lyrics_pane) == pane
    assert list_state(window.annotations_panel) == listed


class ModelSignals:
    def __init__(self, model):
        self.seen: list[str] = []
        model.modelReset.connect(lambda: self.seen.append("reset"))
        model.layoutChanged.connect(lambda *_: self.seen.append("layout"))
        model.rowsInserted.connect(lambda *_: self.seen.append("inserted"))
        model.rowsRemoved.connect(lambda *_: self.seen.append("removed"))
        model.dataChanged.connect(lambda *_: self.seen.append("data"))

    def take(self) -> list[str]:
        seen, self.seen = self.seen, []
        return seen


def test_one_annotation_edits_redraw_that_one_and_match_a_fresh_build(qtbot, open_window, many_path):
    window = open_window(many_path, TITLE)
    session, pane = window.session, window.lyrics_pane
    drawing = pane._marks.drawing
    signals = ModelSignals(window.annotations_panel.model)
    assert drawing.relaid == 121
    assert_as_built_afresh(qtbot, window)

    # Highlight with the keyboard: line 130 (alone) with lens key 2.
    highlight(qtbot, pane, "line 130 where", Qt.Key.Key_2)
    new_id = window.current_song.current_id
    assert new_id and window.current_song.annotation(new_id).quote == "line 130 where"
    assert drawing.relaid == 1
    assert signals.take() == ["inserted"]
    assert_as_built_afresh(qtbot, window)

    # Another lens for it (the note editor's request).
    lenses = [lens.id for lens in session.library.lenses.all()]
    session.annotation_edits.set_lens(new_id, lenses[4])
    assert drawing.relaid == 1
    assert signals.take() == ["data"]
    assert_as_built_afresh(qtbot, window)

    # Inside the verse: its cluster (the verse and lines 10-12) is laid out again, nothing else.
    verse = next(a for a in window.current_song.annotations() if a.note == "verse")
    session.annotation_edits.set_lens(verse.id, lenses[0])
    assert drawing.relaid == 4
    assert_as_built_afresh(qtbot, window)

    # Delete (to the trash), undo, redo, undo the highlight itself: each as built afresh.
    line_11 = next(a for a in window.current_song.annotations() if a.note == "n11")
    session.annotation_edits.delete(line_11.id)
    assert drawing.relaid == 3  # the verse and line 10 and 12, without line 11
    assert_as_built_afresh(qtbot, window)
    for step in (session.undo_stack.undo, session.undo_stack.redo, session.undo_stack.undo):
        step()
        assert drawing.relaid <= 4
        assert_as_built_afresh(qtbot, window)
    assert "reset" not in signals.take()
    session.undo_stack.undo()  # the verse's lens
    session.undo_stack.undo()  # the new highlight's lens
    session.undo_stack.undo()  # the new highlight: gone
    assert window.current_song.annotation(new_id) is None
    assert drawing.relaid <= 1
    assert_as_built_afresh(qtbot, window)

    # A click on a highlight chooses it: the two chosen (before and now) are drawn again.
    window.select_annotation(line_11.id)
    assert drawing.relaid <= 4
    assert_as_built_afresh(qtbot, window)

    # A lens recoloured changes every annotation of it: all are laid out again.
    session.lens_edits.update(lenses[1], colour="#123456")
    assert drawing.relaid == 121
    assert "reset" not in signals.take()
    assert_as_built_afresh(qtbot, window)

    # And a window opened afresh on the library draws the same.
    drawn, listed = pane_state(pane), list_state(window.annotations_panel)
    chosen = window.current_song.current_id
    again = open_window(many_path, TITLE)
    again.select_annotation(chosen)
    assert pane_state(again.lyrics_pane) == drawn
    assert list_state(again.annotations_panel) == listed


def test_an_article_annotation_leaves_the_lyrics_alone(qtbot, window):
    article_pane = window.article_pane
    marks = window.lyrics_pane._marks
    placed = marks.highlights
    browser = article_pane.browser
    cursor = browser.document().find("the")
    assert not cursor.isNull()
    browser.setFocus(Qt.FocusReason.MouseFocusReason)
    browser.setTextCursor(cursor)
    qtbot.keyClick(browser, Qt.Key.Key_1)
    new_id = window.current_song.current_id
    assert new_id and window.current_song.annotation(new_id).target == "article"
    # The lyrics were not placed nor laid out again for it; the pane still shows what a fresh one shows.
    assert marks.highlights is placed
    assert marks.drawing.relaid == 0
    assert_as_built_afresh(qtbot, window)


def test_rows_measured_once_are_measured_again_in_a_bigger_font(qtbot, window):
    view = window.annotations_panel.view
    heading = view.model().index(0, 0)
    row = view.model().index(0, 0, heading)
    before = view.visualRect(row).height()
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    view.setFont(font)
    qtbot.waitUntil(
        lambda: view.visualRect(view.model().index(0, 0, view.model().index(0, 0))).height() > before
    )
