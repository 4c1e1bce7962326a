"""How highlights are laid on the text: one lens as background, overlapping ones underlined, proposals hatched."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Collection
from dataclasses import dataclass
from heapq import heappop, heappush

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, Qt
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
OUTLINE_ROOM = 2
"""How far the underlines within the current annotation's passage are raised: its outline (up to 2 px
wide, drawn after them) runs along the bottom of the line, where they would be."""
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


INCREMENTAL_LIMIT = 50
"""More annotations than this changed at once (a bulk edit, an undo of many): they are laid out again whole."""


def affected_highlights(
    old: list[Highlight], new: list[Highlight], ids: set[str], last: int
) -> tuple[list[Highlight], set[int]]:
    """What changing the annotations *ids* (from *old* to *new* highlights) lays out again.

    Layers are worked out per cluster of overlapping highlights (one cluster never changes
    another's), so only the clusters, over *old* and *new* together, holding a changed highlight
    are laid out again. Returns the *new* highlights in them (in *new*'s order) and the ids
    (``id()``) of the highlights whose runs they replace. The old highlights not in *new* are the
    changed ones' (the others are the same objects).
    """
    gone = [h for h in old if h.annotation.id in ids]
    candidates = [*gone, *new]
    inside: set[int] = set()
    starts: list[int] = []
    ends: list[int] = []
    grown = [h for h in candidates if h.annotation.id in ids]
    while grown:  # the region grows by the highlights overlapping it, until none is left
        for highlight in grown:
            inside.add(id(highlight))
            start, end = min(highlight.start, last), min(highlight.end, last)
            if start < end:
                starts, ends = _merged(starts, ends, start, end)
        grown = []
        low, high = (starts[0], ends[-1]) if starts else (0, 0)
        for highlight in candidates:
            # Most are far from the region: told apart by two comparisons (*high* <= *last*).
            if highlight.start >= high or highlight.end <= low or id(highlight) in inside:
                continue
            start, end = min(highlight.start, last), min(highlight.end, last)
            if start < end and _overlaps_any(starts, ends, start, end):
                grown.append(highlight)
    return [h for h in new if id(h) in inside], inside


def _merged(starts: list[int], ends: list[int], start: int, end: int) -> tuple[list[int], list[int]]:
    """The disjoint sorted intervals (*starts*, *ends*) with [start, end) added (overlapping ones joined)."""
    first = bisect_left(ends, start)  # the first interval ending at or after *start*
    last = bisect_right(starts, end)  # past the last interval starting at or before *end*
    if first < last:
        start, end = min(start, starts[first]), max(end, ends[last - 1])
    return starts[:first] + [start] + starts[last:], ends[:first] + [end] + ends[last:]


def _overlaps_any(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """Whether [start, end) shares a character with one of the disjoint sorted intervals."""
    at = bisect_right(starts, start) - 1  # the last interval starting at or before *start*
    if at >= 0 and ends[at] > start:
        return True
    return at + 1 < len(starts) and starts[at + 1] < end


EAGER_SELECTIONS = 300
"""Up to this many background runs are made extra selections at once. Past it, a run is made one when
it is first painted in view (`_before_paint`): making a run's selection lays out its lines (Qt measures
where it lies), and 2,000 of them at once would hold the window for tens of milliseconds, for lines
that may never be scrolled to."""


class HighlightDrawing(QObject):
    """An editor's highlights as drawn: layered into extra selections, underlines and proposals painted.

    The rectangles of the underlines are worked out for the blocks in view only, and kept until
    the text, its layout, the view or the highlights change: a flash or a hover repaints many times.
    When told which annotations changed, only their clusters of overlapping highlights are laid
    out again, and the other extra selections are kept as they were. Of many highlights, those in
    view are made selections, the others as they come into view (`EAGER_SELECTIONS`).
    """

    def __init__(self, editor: QPlainTextEdit | QTextEdit):
        super().__init__(editor)
        self._editor = editor
        self.layers = Layers([], [])
        """The highlights as drawn: a background per stretch of text, overlapping ones underlined."""
        self.proposals: list[Highlight] = []
        self.relaid = 0
        """How many highlights the last `show` laid out (all of them, or those near a change)."""
        self._geometry_key: tuple = ()
        self._geometry: list[tuple[Run, list[QRectF]]] = []
        self._highlights: list[Highlight] = []
        self._selected = ""
        self._selected_spans: list[tuple[int, int]] = []  # the selected annotation's highlights
        self._state: tuple = ()  # what the kept selections were made over: text revision, length, palette
        # One per background run, in its order; None: not made yet (not in view since it was laid out).
        self._selections: list[QTextEdit.ExtraSelection | None] = []
        self._waiting = 0  # how many of _selections are None
        self._proposal_selections: list[QTextEdit.ExtraSelection] = []
        self._formats: dict[tuple[str, bool], QTextCharFormat] = {}
        self._palette = QPalette()
        self._checked_span: tuple[int, int] | None = None  # the view whose runs were all made
        self._watching = False  # the viewport's paints, from the first `show` (the editor is built then)

    @property
    def waiting(self) -> int:
        """How many background runs are not extra selections yet: none has been in view since it was laid out."""
        return self._waiting

    def show(
        self,
        highlights: list[Highlight],
        proposals: list[Highlight],
        selected: str,
        changed: Collection[str] | None = None,
    ) -> None:
        """Lay out *highlights* and *proposals* (document positions) as the editor's extra selections,
        *selected*'s stronger, and repaint.

        *changed*: the ids of the only annotations whose highlights differ from the last call's
        (None: any may differ). A change of *selected* is seen here.
        """
        editor = self._editor
        document, palette = editor.document(), editor.palette()
        last = max(document.characterCount() - 1, 0)
        state = (document.revision(), last, palette.cacheKey())
        self._palette = palette
        if changed is None or state != self._state or len(changed) > INCREMENTAL_LIMIT:
            self._lay_out_all(highlights, last, selected, palette)
        else:
            ids = set(changed)
            if selected != self._selected:
                ids |= {self._selected, selected} - {""}
            if ids:
                self._lay_out_changed(highlights, ids, last, selected, palette)
            else:
                self.relaid = 0
        self._highlights, self._selected, self._state = highlights, selected, state
        self._selected_spans = [
            (h.start, h.end) for h in highlights if selected and h.annotation.id == selected
        ]
        self.proposals = proposals
        self._geometry_key = ()
        self._proposal_selections = proposal_selections(document, proposals, palette)
        self._waiting = self._selections.count(None)
        self._checked_span = None
        self._apply()
        self._watch(bool(self._waiting))
        editor.viewport().update()

    def _watch(self, watch: bool) -> None:
        """Hear the viewport's paints while some run waits for its selection, and only then."""
        if watch != self._watching:
            viewport = self._editor.viewport()
            (viewport.installEventFilter if watch else viewport.removeEventFilter)(self)
            self._watching = watch

    def _apply(self) -> None:
        made = [s for s in self._selections if s is not None] if self._waiting else self._selections
        self._editor.setExtraSelections(made + self._proposal_selections)

    def _lay_out_all(self, highlights: list[Highlight], last: int, selected: str, palette: QPalette) -> None:
        self._formats = {}
        self.layers = layers_of(highlights, last, selected)
        runs = self.layers.backgrounds
        if len(runs) <= EAGER_SELECTIONS:
            self._selections = [self._selection(run, selected, palette) for run in runs]
        else:
            self._selections = [None] * len(runs)
            self._waiting = len(runs)
            self._make_in_view(visible_span(self._editor), selected)
        self.relaid = len(highlights)

    def _lay_out_changed(
        self, highlights: list[Highlight], ids: set[str], last: int, selected: str, palette: QPalette
    ) -> None:
        relaid, dropped = affected_highlights(self._highlights, highlights, ids, last)
        part = layers_of(relaid, last, selected)
        kept = [
            (run, selection)
            for run, selection in zip(self.layers.backgrounds, self._selections, strict=True)
            if id(run.highlight) not in dropped
        ]

        def order(pair: tuple[Run, QTextEdit.ExtraSelection | None]) -> tuple:
            # The order `layers_of` gives: the selected last (painted on top), then by place.
            run = pair[0]
            return (run.highlight.annotation.id == selected, run.start, run.end)

        for run in part.backgrounds:  # the kept ones are in that order already
            insort(kept, (run, self._selection(run, selected, palette)), key=order)
        underlines = [run for run in self.layers.underlines if id(run.highlight) not in dropped]
        self.layers = Layers([run for run, _ in kept], underlines + part.underlines)
        self._selections = [selection for _, selection in kept]
        self.relaid = len(relaid)

    def _selection(self, run: Run, selected: str, palette: QPalette) -> QTextEdit.ExtraSelection:
        annotation = run.highlight.annotation
        is_selected = annotation.id == selected
        key = (annotation.lens.colour if annotation.lens is not None else "", is_selected)
        text_format = self._formats.get(key)
        if text_format is None:
            text_format = QTextCharFormat()
            colour = selected_highlight_colour if is_selected else highlight_colour
            text_format.setBackground(colour(annotation, palette))
            self._formats[key] = text_format
        return _extra_selection(self._editor.document(), run.start, run.end, text_format)

    def _make_in_view(self, span: tuple[int, int], selected: str) -> int:
        """Make the selections not made yet of the runs touching document *span*, *selected*'s
        stronger; how many."""
        made = 0
        runs, selections = self.layers.backgrounds, self._selections
        first, last = span
        for index, selection in enumerate(selections):
            if selection is None:
                run = runs[index]
                if run.start < last and run.end > first:
                    selections[index] = self._selection(run, selected, self._palette)
                    made += 1
        self._waiting -= made
        return made

    def finish(self) -> None:
        """Make every selection still waiting, as if the whole text had been in view."""
        everything = (0, max(self._editor.document().characterCount(), 1))
        if self._waiting and self._make_in_view(everything, self._selected):
            self._apply()
        self._watch(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # getattr: while an editor is destroyed with runs still waiting, its viewport's last events
        # can reach this filter through a wrapper whose Python attributes are already gone.
        if (
            getattr(self, "_waiting", 0)
            and event.type() == QEvent.Type.Paint
            and watched is self._editor.viewport()
        ):
            self._before_paint()
        return False

    def _before_paint(self) -> None:
        """Runs come into view whose selections are not made: make them, before the view paints them."""
        span = visible_span(self._editor)
        if span != self._checked_span:  # a flash repaints many times: the view is looked at once
            self._checked_span = span
            if self._make_in_view(span, self._selected):
                self._apply()
                self._watch(bool(self._waiting))

    def paint(self) -> None:
        """Paint the underlines and the proposed places' boxes in view (from the editor's paintEvent)."""
        span = visible_span(self._editor)
        geometry = self._underline_geometry(span)
        spans = self._selected_spans
        # Under the current annotation's outline, raised clear of it (the whole run: it reads as one line).
        inside = [
            (run, rects) for run, rects in geometry if any(run.start < e and run.end > s for s, e in spans)
        ]
        if inside:
            raised = set(map(id, inside))
            paint_underlines(self._editor, [pair for pair in geometry if id(pair) not in raised])
            paint_underlines(self._editor, inside, raise_by=OUTLINE_ROOM)
        else:
            paint_underlines(self._editor, geometry)
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
