"""The annotations drawn over the lyrics: where they are as the text is edited, the one selected, the one flashing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEasingCurve, QObject, QPoint, QTimer, QVariantAnimation
from PySide6.QtGui import QPainter, QPalette, QTextCursor

from lyricpad.core.models import Annotation
from lyricpad.gui.highlight_layers import HighlightDrawing
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

    def place(self, annotations: list[Annotation], stored: str, changes: list[tuple[int, int, int]]) -> None:
        """Place *annotations*, whose offsets count over the *stored* lyrics, through the *changes* typed since."""
        self.highlights, self.proposals = places_from(annotations, stored, changes)
        self.apply()

    def follow_edit(self, position: int, removed: int, added: int) -> None:
        """Move every place with its words after an edit of the document."""
        # Proposals move with the words too: typing never leaves one on the wrong text.
        self.highlights = moved_highlights(self.highlights, position, removed, added)
        self.proposals = moved_highlights(self.proposals, position, removed, added)
        self.apply()

    def apply(self) -> None:
        """Draw the highlights, and mark their lines in the gutter with every lens there.

        A line's marks are its highlights' lenses, each once, in the order they start, then
        the lenses of the places proposed there (drawn hollow by the gutter).
        """
        self.refresh_selections()
        pane = self._pane
        document = pane.document()
        palette = pane.palette()
        marks: dict[int, list[GutterMark]] = {}
        ordered = sorted(self.highlights, key=lambda h: (h.start, h.start - h.end))
        proposed = sorted(self.proposals, key=lambda h: (h.start, h.start - h.end))
        for proposal, highlights in ((False, ordered), (True, proposed)):
            for highlight in highlights:
                first = document.findBlock(highlight.start).blockNumber()
                last = document.findBlock(max(highlight.start, highlight.end - 1)).blockNumber()
                if first < 0:
                    continue
                if last < 0:
                    last = document.blockCount() - 1
                mark = GutterMark(lens_colour(highlight.annotation, palette), proposal)
                for number in range(first, last + 1):
                    line_marks = marks.setdefault(number, [])
                    if mark not in line_marks:
                        line_marks.append(mark)
        pane.gutter.marks = marks
        pane.gutter.update()

    def refresh_selections(self) -> None:
        self.drawing.show(self.highlights, self.proposals, self.selected)

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
