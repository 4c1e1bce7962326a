"""A song with thousands of highlights: what is drawn is what drawing all of them at once draws.

Past `EAGER_SELECTIONS` background runs, only those in view are made extra selections when the song
is shown; the others are made as they come into view, before the view paints them. The gutter's
line numbers of thousands of places are read from the text at once, and equal Qt's own.
"""

import pytest
from PySide6.QtWidgets import QPlainTextEdit

import lyricpad.gui.highlight_layers as highlight_layers
from lyricpad.core.models import Annotation, Lens
from lyricpad.gui.highlight_layers import EAGER_SELECTIONS, HighlightDrawing, visible_span
from lyricpad.gui.highlights import Highlight
from lyricpad.gui.lyrics_highlights import _BlockIndex, _lines_of

LINES = 1200
LENSES = [Lens(f"l{n}", f"lens {n}", colour, n) for n, colour in enumerate(["#d9455f", "#2a9d8f", "#e9c46a"])]
TEXT = "\n".join(f"line {n} where the river takes the light" for n in range(LINES))


def marked(editor: QPlainTextEdit) -> list[Highlight]:
    """Every line highlighted (words 2-3), every third one also whole, under another lens."""
    document = editor.document()
    highlights = []
    for n in range(LINES):
        block = document.findBlockByNumber(n)
        start = block.position()
        a = Annotation(f"a{n}", "s", "lyrics", None, LENSES[n % 3], "", "anchored", ())
        highlights.append(Highlight(start + 5, start + 14, a))
        if n % 3 == 0:
            whole = Annotation(f"w{n}", "s", "lyrics", None, LENSES[(n + 1) % 3], "", "anchored", ())
            highlights.append(Highlight(start, start + block.length() - 1, whole))
    return highlights


def editor_with(qtbot, highlights_of=marked, selected: str = "") -> tuple[QPlainTextEdit, HighlightDrawing]:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.resize(500, 300)
    editor.show()
    qtbot.waitExposed(editor)
    editor.setPlainText(TEXT)
    qtbot.waitUntil(lambda: editor.verticalScrollBar().isVisible())
    drawing = HighlightDrawing(editor)
    drawing.show(highlights_of(editor), [], selected)
    return editor, drawing


def selections(editor: QPlainTextEdit) -> list[tuple[int, int, str]]:
    return sorted(
        (s.cursor.selectionStart(), s.cursor.selectionEnd(), s.format.background().color().name())
        for s in editor.extraSelections()
    )


def scroll_to(editor: QPlainTextEdit, line: int) -> None:
    editor.verticalScrollBar().setValue(line)  # a plain-text view scrolls by lines


@pytest.fixture
def eager(monkeypatch):
    """Every run made a selection at once, as before there were many."""
    monkeypatch.setattr(highlight_layers, "EAGER_SELECTIONS", 10**9)


def test_a_song_with_many_highlights_makes_the_selections_in_view_only(qtbot):
    editor, drawing = editor_with(qtbot)
    runs = drawing.layers.backgrounds
    assert len(runs) > EAGER_SELECTIONS
    first, last = visible_span(editor)
    in_view = {(r.start, r.end) for r in runs if r.start < last and r.end > first}
    made = {(start, end) for start, end, _ in selections(editor)}
    assert in_view and in_view <= made
    assert len(made) < len(runs) / 4  # lines out of view are not laid out for nothing
    assert drawing.waiting == len(runs) - len(made)


def test_scrolled_into_view_highlights_are_drawn_as_drawing_them_all_at_once_draws(qtbot, eager_drawn):
    editor, drawing = editor_with(qtbot)
    for line in (LINES // 2, LINES - 10, 7):
        scroll_to(editor, line)
        shown = editor.viewport().grab().toImage()  # painted: what came into view was made first
        assert shown == eager_drawn(line)
    first, last = visible_span(editor)
    runs = [r for r in drawing.layers.backgrounds if r.start < last and r.end > first]
    assert {(r.start, r.end) for r in runs} <= {(s, e) for s, e, _ in selections(editor)}


@pytest.fixture
def eager_drawn(qtbot, monkeypatch):
    """The viewport, scrolled to a line, of an editor whose every highlight was made at once."""
    with monkeypatch.context() as patch:
        patch.setattr(highlight_layers, "EAGER_SELECTIONS", 10**9)
        editor, drawing = editor_with(qtbot)
    assert drawing.waiting == 0

    def drawn(line: int):
        scroll_to(editor, line)
        return editor.viewport().grab().toImage()

    return drawn


@pytest.mark.parametrize("selected", ["a4", "a40", ""])  # in view, out of view, none
def test_finished_lazy_selections_equal_eager_ones_in_order_and_format(qtbot, monkeypatch, selected):
    lazy_editor, lazy = editor_with(qtbot, selected=selected)
    lazy.finish()
    assert lazy.waiting == 0
    monkeypatch.setattr(highlight_layers, "EAGER_SELECTIONS", 10**9)
    eager_editor, _ = editor_with(qtbot, selected=selected)

    def in_order(editor):
        return [
            (
                s.cursor.selectionStart(),
                s.cursor.selectionEnd(),
                s.format.background().color().name(),
                s.format.background().color().alpha(),
            )
            for s in editor.extraSelections()
        ]

    assert in_order(lazy_editor) == in_order(eager_editor)  # the selected one last: painted on top


def test_an_edit_of_one_annotation_far_from_view_keeps_the_others_waiting(qtbot):
    editor, drawing = editor_with(qtbot)
    highlights = marked(editor)
    waiting = drawing.waiting
    at = next(i for i, h in enumerate(highlights) if h.annotation.id == "a901")  # alone on its line
    moved = highlights[at]
    recoloured = Annotation(moved.annotation.id, "s", "lyrics", None, LENSES[2], "", "anchored", ())
    highlights[at] = Highlight(moved.start, moved.end, recoloured)
    drawing.show(highlights, [], "", {recoloured.id})
    assert drawing.relaid < 10
    assert 0 < drawing.waiting <= waiting
    drawing.finish()
    colours = {(s, e): c for s, e, c in selections(editor)}
    assert colours[(moved.start, moved.end)] == "#e9c46a"  # was #2a9d8f


def test_block_numbers_read_from_the_text_equal_qts(qtbot):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText("ab\ncd\u2028ef\n\n\nx\u00a0y\n\nlast")
    document = editor.document()
    index = _BlockIndex(document)
    count = document.characterCount()
    a = Annotation("a", "s", "lyrics", None, None, "", "anchored", ())
    for start in range(-1, count + 3):
        for end in range(start + 1, count + 4):
            highlight = Highlight(start, end, a)
            assert index.lines_of(highlight) == _lines_of(document, highlight), (start, end)
