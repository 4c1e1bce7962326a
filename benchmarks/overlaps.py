"""Laying out overlapping highlights measured, against the same highlights side by side; run: .venv/bin/python benchmarks/overlaps.py

Three shapes of song, each against a baseline of as many highlights that do not overlap, in the
same run: `count` short places under one long highlight (Every Occurrence inside a verse
highlighted whole), `count` highlights nested inside each other, and a refresh of the lyrics pane
(layers, extra selections, one paint) with places under one long highlight. Nothing here is pass/fail.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from timing import median_seconds  # noqa: E402  (benchmarks/timing.py)

from lyricpad.core.models import Annotation, Lens  # noqa: E402

LENSES = [Lens(f"l{i}", f"Lens {i}", colour, i) for i, colour in enumerate(["#e0a000", "#3070d0", "#c03060"])]
WORD = 12
"""Characters per place: "lantern " and a bit."""


def _annotation(number: int) -> Annotation:
    return Annotation(f"a{number}", "s", "lyrics", None, LENSES[number % 3], "", "anchored", ())


def under_one(count: int) -> list:
    """`count` places of one word each, and one highlight over all of them."""
    from lyricpad.gui.highlights import Highlight

    places = [Highlight(i * WORD, i * WORD + 7, _annotation(i)) for i in range(count)]
    return [Highlight(0, count * WORD, _annotation(count)), *places]


def nested(count: int) -> list:
    """`count` highlights, each inside the one before."""
    from lyricpad.gui.highlights import Highlight

    return [Highlight(i, count * WORD * 2 - i, _annotation(i)) for i in range(count)]


def side_by_side(count: int) -> list:
    """The baseline: `count` + 1 places that do not overlap."""
    from lyricpad.gui.highlights import Highlight

    return [Highlight(i * WORD, i * WORD + 7, _annotation(i)) for i in range(count + 1)]


def layering(shape, count: int) -> tuple[float, float]:
    from lyricpad.gui.highlight_layers import layers_of

    last = count * WORD * 2
    overlapping, apart = shape(count), side_by_side(count)
    baseline = median_seconds(lambda: layers_of(apart, last), 5)
    measured = median_seconds(lambda: layers_of(overlapping, last), 5)
    return measured, baseline


def pane_refresh(count: int) -> tuple[float, float, float, float, float]:
    """Showing `count` places under one long highlight in a lyrics-sized editor (layers, selections
    and a paint), against the same places with no long highlight; then repainting it after a
    scroll (against the same with the places apart), and repainting the same view again."""
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from lyricpad.gui.highlight_layers import HighlightDrawing

    app = QApplication.instance() or QApplication([])
    lines = "\n".join("lantern and" for _ in range(count))  # 12 characters a line, one place each
    editor = QPlainTextEdit()
    editor.setReadOnly(True)
    editor.setPlainText(lines)
    editor.resize(600, 700)
    editor.show()
    app.processEvents()
    drawing = HighlightDrawing(editor)

    def show(highlights) -> None:
        drawing.show(highlights, [], "")
        editor.viewport().repaint()

    apart, overlapping = side_by_side(count), under_one(count)
    baseline = median_seconds(lambda: show(apart), 5)
    measured = median_seconds(lambda: show(overlapping), 5)
    # A repaint once the view has moved (its underlines measured anew), then a repaint of the same view.
    bar = editor.verticalScrollBar()
    moves = iter(range(10_000))

    def scroll() -> None:
        bar.setValue((next(moves) % 2) * bar.maximum() // 2)
        editor.viewport().repaint()

    moved = median_seconds(scroll, 9)
    same = median_seconds(editor.viewport().repaint, 9)
    drawing.show(apart, [], "")
    moved_apart = median_seconds(scroll, 9)
    editor.close()
    return measured, baseline, moved, moved_apart, same


def rows(count: int = 2000) -> list[tuple[str, float, float]]:
    shown, shown_apart, moved, moved_apart, same = pane_refresh(count)
    return [
        (f"layers: {count:,} places under one highlight vs {count + 1:,} apart", *layering(under_one, count)),
        (
            f"layers: {2 * count:,} places under one highlight vs {2 * count + 1:,} apart",
            *layering(under_one, 2 * count),
        ),
        (f"layers: {count:,} nested highlights vs {count + 1:,} apart", *layering(nested, count)),
        (f"lyrics pane: show {count:,} places under one highlight vs apart", shown, shown_apart),
        (f"lyrics pane: scroll and repaint, {count:,} underlined places vs apart", moved, moved_apart),
        ("lyrics pane: repaint the same view (a flash frame) vs after a scroll", same, moved),
    ]


def main() -> None:
    print(f"{'measurement':<72} {'measured':>10} {'baseline':>10} {'ratio':>8}")
    for name, measured, baseline in rows():
        print(f"{name:<72} {measured * 1000:>8.1f}ms {baseline * 1000:>8.2f}ms {measured / baseline:>8.1f}")


if __name__ == "__main__":
    main()
