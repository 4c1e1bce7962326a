"""How highlights are laid on the text: one lens as background, overlapping ones underlined, proposals hatched."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from heapq import heappop, heappush

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPalette,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from lyricpad.gui.highlights import (
    Highlight,
    highlight_colour,
    is_dark,
    lens_colour,
    outline_colour,
    range_rects,
    selected_highlight_colour,
)

UNDERLINE_HEIGHT = 2
"""Height in pixels of each lens underline under an overlapped passage."""

MAX_UNDERLINES = 3
"""Underlines stacked under one passage at most; more lenses there are told by a small "+"."""

PLUS_SIZE = 5
"""Width and height of the "+" drawn after a passage with more lenses than underlines."""

HATCH_LIGHT_ALPHA = 130
HATCH_DARK_ALPHA = 190
"""Opacity of the diagonal hatching over a proposed place: seen at a glance, the text still readable."""

PROPOSAL_OUTLINE_WIDTH = 1
"""Width of the dashed box around every proposed place (the one being reviewed gets a wider one)."""


@dataclass(frozen=True)
class Run:
    """A stretch of document [start, end) drawn for *highlight*: as background, or as underline *level*."""

    start: int
    end: int
    highlight: Highlight
    level: int = -1


@dataclass(frozen=True)
class Layers:
    """Overlapping highlights sorted out: one background per stretch of text, the others underlined."""

    backgrounds: list[Run]
    underlines: list[Run]


def _rank(highlight: Highlight, index: int, selected: str) -> tuple:
    # The annotation being worked on shows whole; else the outer (longer, then earlier) one.
    return (
        highlight.annotation.id != selected,
        highlight.start - highlight.end,
        highlight.start,
        index,
    )


def layers_of(highlights: list[Highlight], last: int, selected: str = "") -> Layers:
    """Split *highlights* (clipped to document position *last*) into backgrounds and underlines.

    Every stretch of text gets one background only, the highest ranked highlight over it (the
    selected annotation's, else the longest, then the earliest), so colours never blend into
    mud; every other highlight there is an underline at its own level, the same level along its
    whole length so that it reads as one line. Levels past MAX_UNDERLINES are all MAX_UNDERLINES
    (drawn as one "+"). O(n log n): this runs on every click on an annotation.
    """
    spans = []
    for index, highlight in enumerate(highlights):
        start, end = min(highlight.start, last), min(highlight.end, last)
        if start < end:
            spans.append((start, end, index))
    ranks = {index: _rank(highlights[index], index, selected) for *_, index in spans}
    owner_runs = _owner_runs(spans, ranks)
    backgrounds = [
        Run(start, end, highlights[index]) for index, runs in owner_runs.items() for start, end in runs
    ]
    # Selected last (painted on top), then by place: a stable order for the extra selections.
    backgrounds.sort(key=lambda r: (r.highlight.annotation.id == selected, r.start, r.end))
    # Where a highlight is not the background, it is underlined.
    under_runs: dict[int, list[tuple[int, int]]] = {}
    for start, end, index in spans:
        pieces, at = [], start
        for a, b in owner_runs.get(index, []):
            if a > at:
                pieces.append((at, a))
            at = b
        if at < end:
            pieces.append((at, end))
        if pieces:
            under_runs[index] = pieces
    # The highest ranked takes the lowest free level. Runs on one level never overlap, so each
    # level is a sorted list of disjoint runs that a binary search answers.
    starts: list[list[int]] = [[] for _ in range(MAX_UNDERLINES)]
    ends: list[list[int]] = [[] for _ in range(MAX_UNDERLINES)]
    underlines: list[Run] = []
    for index in sorted(under_runs, key=ranks.__getitem__):
        runs = under_runs[index]
        level = next(
            (n for n in range(MAX_UNDERLINES) if not any(_overlaps(starts[n], ends[n], *r) for r in runs)),
            MAX_UNDERLINES,
        )
        if level < MAX_UNDERLINES:
            for start, end in runs:
                at = bisect_left(starts[level], start)
                starts[level].insert(at, start)
                ends[level].insert(at, end)
        underlines.extend(Run(start, end, highlights[index], level) for start, end in runs)
    return Layers(backgrounds, underlines)


def _owner_runs(spans: list[tuple[int, int, int]], ranks: dict[int, tuple]) -> dict[int, list[list[int]]]:
    """For each highlight index, the stretches [start, end) where it ranks highest of those there.

    A sweep over the places where highlights start or end, with the open highlights in a heap by
    rank; one that has ended leaves the heap only when it comes to the top.
    """
    edges = sorted({p for start, end, _ in spans for p in (start, end)})
    by_start = sorted(spans)
    owner_runs: dict[int, list[list[int]]] = {}
    heap: list[tuple[tuple, int, int]] = []
    cursor = 0
    for a, b in zip(edges, edges[1:], strict=False):
        while cursor < len(by_start) and by_start[cursor][0] <= a:
            start, end, index = by_start[cursor]
            heappush(heap, (ranks[index], end, index))
            cursor += 1
        while heap and heap[0][1] <= a:
            heappop(heap)
        if not heap:
            continue
        runs = owner_runs.setdefault(heap[0][2], [])
        if runs and runs[-1][1] == a:
            runs[-1][1] = b
        else:
            runs.append([a, b])
    return owner_runs


def _overlaps(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the disjoint runs given by sorted *starts* and *ends*."""
    before = bisect_left(starts, end)  # the runs starting before *end*; the last of them ends latest
    return before > 0 and ends[before - 1] > start


def visible_span(editor: QPlainTextEdit | QTextEdit) -> tuple[int, int]:
    """The document positions [first, last) of the blocks shown in *editor*'s viewport."""
    viewport = editor.viewport()
    top = editor.cursorForPosition(QPoint(0, 0)).block()
    bottom = editor.cursorForPosition(QPoint(viewport.width(), viewport.height())).block()
    # One block more each way: a block partly in view at an edge is drawn whole.
    top = top.previous() if top.previous().isValid() else top
    bottom = bottom.next() if bottom.next().isValid() else bottom
    return top.position(), bottom.position() + bottom.length()


def in_view(runs: list, span: tuple[int, int]) -> list:
    """The runs (anything with start and end) touching document *span*."""
    first, last = span
    return [r for r in runs if r.start < last and r.end > first]


def paint_underlines(
    editor: QPlainTextEdit | QTextEdit, geometry: list[tuple[Run, list[QRectF]]], raise_by: float = 0.0
) -> None:
    """Draw each underline run of *geometry* (with its rectangles in the viewport) *raise_by* pixels
    above the bottom of its line, stacked by level.

    Levels past MAX_UNDERLINES are not drawn; a small "+" just after the passage says they are there.
    """
    if not geometry:
        return
    palette = editor.palette()
    height = editor.viewport().height()
    painter = QPainter(editor.viewport())
    # Over the text, yet the letters stay whole: on a light page a bar only darkens what is
    # lighter than itself (the background), so dark letters show through it; the reverse on a dark page.
    dark = is_dark(palette)
    mode = (
        QPainter.CompositionMode.CompositionMode_Lighten
        if dark
        else QPainter.CompositionMode.CompositionMode_Darken
    )
    painter.setCompositionMode(mode)
    for run, all_rects in geometry:
        rects = [r for r in all_rects if r.bottom() >= 0 and r.top() <= height]
        if not rects:
            continue
        if run.level >= MAX_UNDERLINES:
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
            _paint_more(painter, rects[-1], palette, raise_by)
            painter.setCompositionMode(mode)
            continue
        colour = lens_colour(run.highlight.annotation, palette)
        for rect in rects:
            y = rect.bottom() - raise_by - UNDERLINE_HEIGHT * (run.level + 1)
            painter.fillRect(QRectF(rect.left(), y, rect.width(), UNDERLINE_HEIGHT), colour)
    painter.end()


def _paint_more(painter: QPainter, rect: QRectF, palette: QPalette, raise_by: float) -> None:
    """A "+" just right of *rect*, level with the stacked underlines (over the gap after the words)."""
    centre = QPointF(
        rect.right() + PLUS_SIZE / 2 + 1,
        rect.bottom() - raise_by - UNDERLINE_HEIGHT * MAX_UNDERLINES / 2,
    )
    painter.save()
    painter.setPen(QPen(QColor(palette.color(QPalette.ColorRole.Text)), 1.5))
    half = PLUS_SIZE / 2
    painter.drawLine(centre - QPointF(half, 0), centre + QPointF(half, 0))
    painter.drawLine(centre - QPointF(0, half), centre + QPointF(0, half))
    painter.restore()


def background_selections(
    document: QTextDocument, layers: Layers, palette: QPalette, selected: str = ""
) -> list[QTextEdit.ExtraSelection]:
    """One selection per background run, the *selected* annotation's in a stronger colour and last.

    One format is made per colour, not per run.
    """
    formats: dict[tuple[str, bool], QTextCharFormat] = {}
    selections = []
    for run in layers.backgrounds:
        annotation = run.highlight.annotation
        is_selected = annotation.id == selected
        key = (annotation.lens.colour if annotation.lens is not None else "", is_selected)
        text_format = formats.get(key)
        if text_format is None:
            text_format = QTextCharFormat()
            colour = selected_highlight_colour if is_selected else highlight_colour
            text_format.setBackground(colour(annotation, palette))
            formats[key] = text_format
        selections.append(_extra_selection(document, run.start, run.end, text_format))
    return selections


def proposal_selections(
    document: QTextDocument, proposals: list[Highlight], palette: QPalette
) -> list[QTextEdit.ExtraSelection]:
    """The proposed places of needs_review annotations: hatched in the lens colour, with a wavy underline.

    Not filled like a highlight: the place is only a guess until the user accepts it, and the
    hatching tells it from an anchored highlight at a glance (`paint_proposals` boxes it too).
    """
    last = max(document.characterCount() - 1, 0)
    selections = []
    for proposal in proposals:
        start, end = min(proposal.start, last), min(proposal.end, last)
        if start >= end:
            continue
        annotation = proposal.annotation
        hatch = lens_colour(annotation, palette)
        hatch.setAlpha(HATCH_DARK_ALPHA if is_dark(palette) else HATCH_LIGHT_ALPHA)
        text_format = QTextCharFormat()
        text_format.setBackground(QBrush(hatch, Qt.BrushStyle.BDiagPattern))
        text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        text_format.setUnderlineColor(outline_colour(annotation, palette))
        selections.append(_extra_selection(document, start, end, text_format))
    return selections


def paint_proposals(editor: QPlainTextEdit | QTextEdit, proposals: list[Highlight]) -> None:
    """A thin dashed box in the lens colour around every proposed place in view."""
    if not proposals:
        return
    palette = editor.palette()
    height = editor.viewport().height()
    painter = QPainter(editor.viewport())
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for proposal in proposals:
        # Crisp, on whole pixels: a thin dashed line smoothed over two rows fades to nothing.
        colour = outline_colour(proposal.annotation, palette)
        painter.setPen(QPen(colour, PROPOSAL_OUTLINE_WIDTH, Qt.PenStyle.DashLine))
        for rect in range_rects(editor, proposal.start, proposal.end):
            if rect.bottom() >= 0 and rect.top() <= height:
                painter.drawRect(rect.toAlignedRect().adjusted(0, 0, -1, -1))
    painter.end()


def _extra_selection(
    document: QTextDocument, start: int, end: int, text_format: QTextCharFormat
) -> QTextEdit.ExtraSelection:
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    selection = QTextEdit.ExtraSelection()
    selection.cursor = cursor
    selection.format = text_format
    return selection


class HighlightDrawing:
    """An editor's highlights as drawn: layered into extra selections, underlines and proposals painted.

    The rectangles of the underlines are worked out for the blocks in view only, and kept until
    the text, its layout, the view or the highlights change: a flash or a hover repaints many times.
    """

    def __init__(self, editor: QPlainTextEdit | QTextEdit):
        self._editor = editor
        self.layers = Layers([], [])
        """The highlights as drawn: a background per stretch of text, overlapping ones underlined."""
        self.proposals: list[Highlight] = []
        self._geometry_key: tuple = ()
        self._geometry: list[tuple[Run, list[QRectF]]] = []

    def show(self, highlights: list[Highlight], proposals: list[Highlight], selected: str) -> None:
        """Lay out *highlights* and *proposals* (document positions) as the editor's extra selections,
        *selected*'s stronger, and repaint."""
        editor = self._editor
        document, palette = editor.document(), editor.palette()
        self.layers = layers_of(highlights, max(document.characterCount() - 1, 0), selected)
        self.proposals = proposals
        self._geometry_key = ()
        editor.setExtraSelections(
            background_selections(document, self.layers, palette, selected)
            + proposal_selections(document, proposals, palette)
        )
        editor.viewport().update()

    def paint(self) -> None:
        """Paint the underlines and the proposed places' boxes in view (from the editor's paintEvent)."""
        span = visible_span(self._editor)
        paint_underlines(self._editor, self._underline_geometry(span))
        paint_proposals(self._editor, in_view(self.proposals, span))

    def _underline_geometry(self, span: tuple[int, int]) -> list[tuple[Run, list[QRectF]]]:
        editor = self._editor
        document = editor.document()
        key = (
            span,
            document.revision(),
            editor.viewport().size().toTuple(),
            editor.horizontalScrollBar().value(),
            editor.verticalScrollBar().value(),
            editor.font().key(),
            document.defaultFont().key(),
            document.documentLayout().documentSize().toTuple(),
        )
        if key != self._geometry_key:
            first, last = span  # a run longer than the view is measured in view only
            self._geometry = [
                (run, range_rects(editor, max(run.start, first), min(run.end, last)))
                for run in in_view(self.layers.underlines, span)
            ]
            self._geometry_key = key
        return self._geometry
