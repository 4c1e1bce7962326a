"""The annotations drawn over the lyrics: where they are as the text is edited, the one selected, the one flashing."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEasingCurve, QObject, QPoint, QTimer, QVariantAnimation
from PySide6.QtGui import QColor, QPainter, QPalette, QTextCursor, QTextDocument

from lyricpad.core.models import Annotation
from lyricpad.gui.highlight_layers import INCREMENTAL_LIMIT, HighlightDrawing
from lyricpad.gui.highlights import (
    Highlight,
    character_at,
    lens_colour,
    outline_colour,
    paint_outline,
    range_rects,
)
from lyricpad.gui.lyrics_gutter import GutterMark
from lyricpad.gui.lyrics_places import moved_highlights, places_from

if TYPE_CHECKING:
    from lyricpad.gui.lyrics_pane import LyricsPane

REVEAL_FLASH_MS = 600
"""How long a revealed passage is drawn stronger, so the eye finds it after the jump."""

FLASH_ALPHA = 110
"""Opacity of the lens colour laid over a flashing passage, above the selection that hides its highlight."""

LINES_FLASH_MS = 1800
"""How long lyric lines shown from a quotation in the article flash, fading out (long: the eye crosses the window)."""

LINES_FLASH_ALPHA = 130
"""Opacity of the selection colour laid over lyric lines that flash, at its brightest."""


class LyricsHighlights(QObject):
    """The lyrics pane's highlights and proposed places, in document positions, and how they are drawn."""

    def __init__(self, pane: LyricsPane):
        super().__init__(pane)
        self._pane = pane
        self.highlights: list[Highlight] = []
        # Proposed places of annotations that need review: drawn apart, never as highlights.
        self.proposals: list[Highlight] = []
        self.selected = ""
        self._places: dict[str, tuple[list[Highlight], list[Highlight]]] | None = None
        """Each annotation's places as last placed, over the text of ``_places_key`` (None: to work out)."""
        self._places_key: tuple = ()
        self.drawing = HighlightDrawing(pane)
        """The highlights as drawn: a background per stretch of text, overlapping ones underlined."""
        self.flash_id = ""
        self.flash_spans: list[tuple[int, int]] = []
        """Document ranges of whole lines flashing after ``flash_lines`` ([] once over)."""
        self.lines_strength = 0.0
        """How strongly the lines flash now: 1 at first, fading to 0 (held, then faster)."""
        self._lines_fade = QVariantAnimation(self)
        self._lines_fade.setStartValue(1.0)
        self._lines_fade.setEndValue(0.0)
        self._lines_fade.setDuration(LINES_FLASH_MS)
        self._lines_fade.setEasingCurve(QEasingCurve.Type.InCubic)
        self._lines_fade.valueChanged.connect(self._on_lines_fade_value_changed)
        self._lines_fade.finished.connect(self._on_lines_fade_finished)
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(REVEAL_FLASH_MS)
        self._flash_timer.timeout.connect(self._on_flash_timer_timeout)

    def place(
        self,
        annotations: list[Annotation],
        stored: str,
        changes: list[tuple[int, int, int]],
        changed: Collection[str] | None = None,
    ) -> None:
        """Place *annotations*, whose offsets count over the *stored* lyrics, through the *changes* typed since.

        *changed*: the ids of the only annotations that differ from the last call's (None: any
        may); the others keep their places, and only what is near the changed ones is drawn again.
        """
        key = (stored, tuple(changes))
        if (
            changed is None
            or self._places is None
            or key != self._places_key
            or len(changed) > INCREMENTAL_LIMIT
        ):
            self.highlights, self.proposals = places_from(annotations, stored, changes, self._pane.target)
            self._places = _places_by_id(self.highlights, self.proposals)
            self._places_key = key
            self.apply()
            return
        changed_ones = [a for a in annotations if a.id in changed]
        fresh = _places_by_id(*places_from(changed_ones, stored, changes, self._pane.target))
        old_highlights, old_proposals = self.highlights, self.proposals
        places = {}
        for annotation in annotations:  # the order places_from gives: the annotations' order
            found = fresh.get(annotation.id) if annotation.id in changed else self._places.get(annotation.id)
            if found is not None:
                places[annotation.id] = found
        self._places = places
        self.highlights = [h for found, _ in places.values() for h in found]
        self.proposals = [p for _, found in places.values() for p in found]
        moved = [h for h in [*old_highlights, *old_proposals] if h.annotation.id in changed]
        moved += [h for found in fresh.values() for h in [*found[0], *found[1]]]
        self.apply(frozenset(changed), moved)

    def follow_edit(self, position: int, removed: int, added: int) -> None:
        """Move every place with its words after an edit of the document."""
        # Proposals move with the words too: typing never leaves one on the wrong text.
        self.highlights = moved_highlights(self.highlights, position, removed, added)
        self.proposals = moved_highlights(self.proposals, position, removed, added)
        self._places = None  # kept places count over the text before the edit
        self.apply()

    def apply(self, changed: frozenset[str] | None = None, moved: list[Highlight] | None = None) -> None:
        """Draw the highlights, and mark their lines in the gutter with every lens there.

        A line's marks are its highlights' lenses, each once, in the order they start, then
        the lenses of the places proposed there (drawn hollow by the gutter). With *changed*
        (the ids of the only annotations changed) and *moved* (their places before and after),
        only the lines of those places are marked again.
        """
        self.refresh_selections(changed)
        pane = self._pane
        document = pane.document()
        if changed is None or moved is None:
            pane.gutter.marks = self._gutter_marks(self.highlights, self.proposals)
        else:
            lines: set[int] = set()
            for highlight in moved:
                first, last = _lines_of(document, highlight)
                if first >= 0:
                    lines.update(range(first, last + 1))
            if lines:
                top = document.findBlockByNumber(min(lines))
                bottom = document.findBlockByNumber(max(lines))
                low = top.position()
                high = bottom.position() + bottom.length() if bottom.isValid() else document.characterCount()

                def near(highlights: list[Highlight]) -> list[Highlight]:
                    return [h for h in highlights if h.start < high and max(h.start, h.end - 1) >= low]

                marks = pane.gutter.marks
                for number in lines:
                    marks.pop(number, None)
                marks.update(self._gutter_marks(near(self.highlights), near(self.proposals), lines))
        pane.gutter.update()

    def _gutter_marks(
        self, highlights: list[Highlight], proposals: list[Highlight], lines: set[int] | None = None
    ) -> dict[int, list[GutterMark]]:
        """The marks of *highlights* and *proposals* by block number (of *lines* only, when given)."""
        document = self._pane.document()
        if len(highlights) + len(proposals) > _FEW_PLACES:
            lines_of = _BlockIndex(document).lines_of
        else:
            lines_of = partial(_lines_of, document)
        palette = self._pane.palette()
        marks: dict[int, list[GutterMark]] = {}
        colours: dict[str | None, QColor] = {}  # by the lens's colour: one QColor per lens, not per highlight
        ordered = sorted(highlights, key=lambda h: (h.start, h.start - h.end))
        proposed = sorted(proposals, key=lambda h: (h.start, h.start - h.end))
        for proposal, group in ((False, ordered), (True, proposed)):
            for highlight in group:
                first, last = lines_of(highlight)
                if first < 0:
                    continue
                lens = highlight.annotation.lens
                key = lens.colour if lens is not None else None
                colour = colours.get(key)
                if colour is None:
                    colour = colours[key] = lens_colour(highlight.annotation, palette)
                mark = GutterMark(colour, proposal)
                for number in range(first, last + 1):
                    if lines is not None and number not in lines:
                        continue
                    line_marks = marks.setdefault(number, [])
                    if mark not in line_marks:
                        line_marks.append(mark)
        return marks

    def refresh_selections(self, changed: Collection[str] | None = frozenset()) -> None:
        """Draw the highlights again: *changed* are the ids of the only annotations whose places differ
        from the last drawing (none by default: the selected one changed, which the drawing sees)."""
        self.drawing.show(self.highlights, self.proposals, self.selected, changed)

    def annotations_at(self, position: int) -> list[str]:
        """Ids of the annotations covering document *position*, topmost (shortest, then later) first,
        proposed places after every highlight."""
        covering = [
            (h.end - h.start, -i, h.annotation.id)
            for i, h in enumerate(self.highlights)
            if h.start <= position < h.end
        ]
        proposed = [
            (h.end - h.start, -i, h.annotation.id)
            for i, h in enumerate(self.proposals)
            if h.start <= position < h.end
        ]
        ids = [annotation_id for *_, annotation_id in [*sorted(covering), *sorted(proposed)]]
        return list(dict.fromkeys(ids))

    def ids_near(self, point: QPoint | None) -> list[str]:
        """The annotations under viewport *point*, or at the text cursor (None)."""
        pane = self._pane
        if point is not None:
            position = character_at(pane, point)
            return self.annotations_at(position) if position >= 0 else []
        cursor = pane.textCursor()
        position = cursor.selectionStart()
        ids = self.annotations_at(position)
        if not ids and position > 0 and not cursor.hasSelection():
            ids = self.annotations_at(position - 1)  # the cursor just after a highlighted word
        return ids

    def reveal(self, annotation: Annotation) -> None:
        """Put the cursor at the annotation's first place, centre it and flash it.

        Nothing is selected: the selection's colour would hide the lens colour being shown.
        """
        pane = self._pane
        for highlight in [*self.highlights, *self.proposals]:
            if highlight.annotation.id == annotation.id:
                cursor = QTextCursor(pane.document())
                cursor.setPosition(highlight.start)
                pane.setTextCursor(cursor)
                pane.centerCursor()
                self.flash_id = annotation.id
                self._flash_timer.start()
                pane.viewport().update()
                return

    def stop_flash(self) -> None:
        self._flash_timer.stop()
        self.flash_id = ""
        self._lines_fade.stop()
        self.flash_spans = []

    def flash_lines(self, places: list[tuple[int, int]]) -> None:
        """Flash the 1-based line ranges *places* (their text, as a selection would cover it)."""
        document = self._pane.document()
        spans = []
        for first, last in places:
            top, bottom = document.findBlockByNumber(first - 1), document.findBlockByNumber(last - 1)
            if top.isValid() and bottom.isValid():
                spans.append((top.position(), bottom.position() + max(bottom.length() - 1, 0)))
        self.flash_spans = spans
        self._lines_fade.stop()
        self.lines_strength = 1.0
        self._lines_fade.start()
        self._pane.viewport().update()

    def _paint_flashing_lines(self) -> None:
        pane = self._pane
        fill = pane.palette().color(QPalette.ColorRole.Highlight)
        fill.setAlpha(round(LINES_FLASH_ALPHA * self.lines_strength))
        edge = pane.palette().color(QPalette.ColorRole.Highlight)
        edge.setAlpha(round(255 * self.lines_strength))
        painter = QPainter(pane.viewport())
        height = pane.viewport().height()
        for start, end in self.flash_spans:
            rects = [r for r in range_rects(pane, start, end) if r.bottom() >= 0 and r.top() <= height]
            for rect in rects:
                painter.fillRect(rect.adjusted(-2, 0, 2, 0), fill)
            if rects:
                paint_outline(painter, rects, edge, 2.0)
        painter.end()

    def paint_emphasis(self) -> None:
        """Underline overlapped highlights, box proposed places, outline the selected annotation's
        passages, fill and outline the one flashing after a reveal.

        A proposed place is outlined with a dashed line: it is not the annotation's place yet.
        """
        self.drawing.paint()
        if self.flash_spans:
            self._paint_flashing_lines()
        wanted = {self.selected, self.flash_id} - {""}
        if not wanted:
            return
        pane = self._pane
        painter: QPainter | None = None
        palette = pane.palette()
        height = pane.viewport().height()
        proposed = set(map(id, self.proposals))
        for highlight in [*self.highlights, *self.proposals]:
            annotation = highlight.annotation
            if annotation.id not in wanted:
                continue
            rects = range_rects(pane, highlight.start, highlight.end)
            rects = [r for r in rects if r.bottom() >= 0 and r.top() <= height]
            if not rects:
                continue
            if painter is None:
                painter = QPainter(pane.viewport())
            edge = outline_colour(annotation, palette)
            if annotation.id == self.flash_id:
                fill = lens_colour(annotation, palette)
                fill.setAlpha(FLASH_ALPHA)
                for rect in rects:
                    painter.fillRect(rect, fill)
                paint_outline(painter, rects, edge, 2.0, dashed=id(highlight) in proposed)
            else:
                paint_outline(painter, rects, edge, dashed=id(highlight) in proposed)
        if painter is not None:
            painter.end()

    def _on_lines_fade_value_changed(self, value: float) -> None:
        self.lines_strength = float(value)
        self._pane.viewport().update()

    def _on_lines_fade_finished(self) -> None:
        self.flash_spans = []
        self.lines_strength = 0.0
        self._pane.viewport().update()

    def _on_flash_timer_timeout(self) -> None:
        self.flash_id = ""
        self._pane.viewport().update()


def _places_by_id(
    highlights: list[Highlight], proposals: list[Highlight]
) -> dict[str, tuple[list[Highlight], list[Highlight]]]:
    """The places of each annotation: (its highlights, its proposed places), in the lists' order."""
    places: dict[str, tuple[list[Highlight], list[Highlight]]] = {}
    for index, group in enumerate((highlights, proposals)):
        for highlight in group:
            places.setdefault(highlight.annotation.id, ([], []))[index].append(highlight)
    return places


class _BlockIndex:
    """Block numbers of document positions, as `_lines_of` finds them, from one read of the text:
    for the thousands of highlights of a song, bisection in Python rather than two calls into Qt each."""

    def __init__(self, document: QTextDocument):
        raw = document.toRawText()  # a position per character; a block ends at each U+2029
        self._starts = [0, *(m.end() for m in _BLOCK_END.finditer(raw))]
        self._count = document.characterCount()

    def lines_of(self, highlight: Highlight) -> tuple[int, int]:
        """`_lines_of(document, highlight)`."""
        if not 0 <= highlight.start < self._count:
            return -1, -1
        starts = self._starts
        first = bisect_right(starts, highlight.start) - 1
        return first, bisect_right(starts, max(highlight.start, highlight.end - 1)) - 1


_BLOCK_END = re.compile("\u2029")
_FEW_PLACES = 50
"""Up to this many places, `_lines_of` asks Qt for each; past it, the text is read once (`_BlockIndex`)."""


def _lines_of(document: QTextDocument, highlight: Highlight) -> tuple[int, int]:
    """The first and last block numbers *highlight* covers (-1, -1 when outside the document)."""
    first = document.findBlock(highlight.start).blockNumber()
    if first < 0:
        return -1, -1
    last = document.findBlock(max(highlight.start, highlight.end - 1)).blockNumber()
    return first, last if last >= 0 else document.blockCount() - 1
