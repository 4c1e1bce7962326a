"""Highlights laid out again only near the annotations that changed give what laying out all of them gives."""

import random

from PySide6.QtWidgets import QPlainTextEdit

from lyricpad.core.models import Annotation, Lens
from lyricpad.gui.highlight_layers import INCREMENTAL_LIMIT, HighlightDrawing, layers_of
from lyricpad.gui.highlights import Highlight

LENSES = [Lens(f"l{n}", f"lens {n}", colour, n) for n, colour in enumerate(["#d9455f", "#2a9d8f", "#e9c46a"])]


def annotation(name: str, lens: int) -> Annotation:
    return Annotation(name, "s", "lyrics", None, LENSES[lens], "", "anchored", ())


def drawn(editor: QPlainTextEdit, drawing: HighlightDrawing) -> dict:
    """Everything the drawing shows, in a form two drawings can be compared by (every selection made,
    those waiting to come into view too)."""
    drawing.finish()

    def run(r):
        return (r.start, r.end, r.highlight.annotation.id, r.level)

    return {
        "backgrounds": [run(r) for r in drawing.layers.backgrounds],  # in order: the selected one last
        "underlines": sorted(run(r) for r in drawing.layers.underlines),
        "selections": [
            (s.cursor.selectionStart(), s.cursor.selectionEnd(), s.format.background().color().name())
            for s in editor.extraSelections()
        ],
    }


def fresh(qtbot, text: str, highlights: list[Highlight], selected: str) -> dict:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText(text)
    drawing = HighlightDrawing(editor)
    drawing.show(highlights, [], selected)
    return drawn(editor, drawing)


def test_changing_a_few_annotations_lays_out_their_clusters_only_and_draws_the_same(qtbot):
    rng = random.Random(18)
    text = "\n".join(f"line {n} with a few words on it" for n in range(60))
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText(text)
    drawing = HighlightDrawing(editor)

    def place(name: str) -> list[Highlight]:
        a = annotation(name, rng.randrange(len(LENSES)))
        places = []
        for _ in range(rng.choice([1, 1, 1, 2])):
            start = rng.randrange(len(text) - 40)
            places.append(Highlight(start, start + rng.randint(1, 40), a))
        return places

    by_name = {f"a{n}": place(f"a{n}") for n in range(40)}
    selected = ""

    def flat() -> list[Highlight]:
        return [h for name in sorted(by_name) for h in by_name[name]]

    drawing.show(flat(), [], selected)
    assert drawing.relaid == len(flat())
    for step in range(150):
        changed: set[str] = set()
        for _ in range(rng.choice([0, 1, 1, 1, 2, 3])):
            kind = rng.choice(["add", "remove", "change"])
            if kind == "add" or not by_name:
                name = f"b{step}_{len(changed)}"
                by_name[name] = place(name)
            elif kind == "remove":
                name = rng.choice(sorted(by_name))
                del by_name[name]
            else:
                name = rng.choice(sorted(by_name))
                by_name[name] = place(name)
            changed.add(name)
        if rng.random() < 0.3:
            selected = rng.choice(["", *sorted(by_name)])
        highlights = flat()
        drawing.show(highlights, [], selected, changed)
        assert drawn(editor, drawing) == fresh(qtbot, text, highlights, selected), (step, changed)
        if not changed:
            # Only the selection moved, or nothing: at most the clusters of the two selected ones.
            assert drawing.relaid <= len(highlights)
    # The layering itself is the one layers_of gives for all of them.
    full = layers_of(flat(), len(text), selected)
    assert sorted((r.start, r.end) for r in drawing.layers.backgrounds) == sorted(
        (r.start, r.end) for r in full.backgrounds
    )


def test_one_change_among_many_apart_lays_out_that_one_only(qtbot):
    text = "\n".join(f"line {n}" for n in range(2000))
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText(text)
    blocks = [editor.document().findBlockByNumber(n) for n in range(2000)]
    highlights = [
        Highlight(b.position(), b.position() + 4, annotation(f"a{n}", n % 3)) for n, b in enumerate(blocks)
    ]
    drawing = HighlightDrawing(editor)
    drawing.show(highlights, [], "")
    assert drawing.relaid == 2000
    moved = Highlight(
        highlights[700].start, highlights[700].end, annotation("a700", 2 if 700 % 3 != 2 else 0)
    )
    highlights = [*highlights[:700], moved, *highlights[701:]]
    drawing.show(highlights, [], "", {"a700"})
    assert drawing.relaid == 1
    drawing.show(highlights, [], "a5", set())  # a click chose one: it alone is drawn again
    assert drawing.relaid == 1
    assert drawn(editor, drawing) == fresh(qtbot, text, highlights, "a5")


def test_many_changed_at_once_or_an_edited_text_are_laid_out_whole(qtbot):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText("\n".join(f"line {n}" for n in range(200)))
    highlights = [Highlight(n * 7, n * 7 + 4, annotation(f"a{n}", n % 3)) for n in range(150)]
    drawing = HighlightDrawing(editor)
    drawing.show(highlights, [], "")
    drawing.show(highlights, [], "", {f"a{n}" for n in range(INCREMENTAL_LIMIT + 1)})
    assert drawing.relaid == 150
    editor.textCursor().insertText("typed ")  # the kept selections' cursors moved with the text
    drawing.show(highlights, [], "", {"a1"})
    assert drawing.relaid == 150
