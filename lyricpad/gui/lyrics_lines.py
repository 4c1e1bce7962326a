"""The lyrics pane counted in 1-based lines: select, find, flash and drag whole lines."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDrag, QTextCursor

from lyricpad.gui.lyric_drag import lyric_lines_mime
from lyricpad.gui.lyrics_editing import document_text

if TYPE_CHECKING:
    from collections.abc import Iterator

    from PySide6.QtCore import QMimeData

    from lyricpad.gui.lyrics_highlights import LyricsHighlights
    from lyricpad.gui.lyrics_pane import LyricsPane
    from lyricpad.gui.text_loading import SlicedLoader


class ShownLine(NamedTuple):
    """A line of the lyrics on screen, in viewport (and gutter) heights."""

    number: int
    """1-based."""
    top: int
    """The top of the line's block: all its wrapped rows."""
    height: int
    text_top: int
    """The top of its first row, where a gutter writes beside it."""
    text_height: int


class LyricsLines:
    """The lines of a `LyricsPane`, numbered as the gutter, quote links and the CLI count them.

    The gutter selects and drags by line, a quotation or a search hit is shown as a range of
    lines; long lyrics still loading a slice at a time are loaded whole first.
    """

    def __init__(self, pane: LyricsPane, loader: SlicedLoader, marks: LyricsHighlights):
        self._pane = pane
        self._loader = loader
        self._marks = marks

    def select_lines(self, first: int, last: int) -> None:
        """Select whole lines first..last, without the last line break (see ``LyricsPane.select_lines``)."""
        pane = self._pane
        self._loader.finish()
        document = pane.document()
        count = document.blockCount()
        first, last = min(max(first, 1), count), min(max(last, 1), count)
        top = document.findBlockByNumber(min(first, last) - 1)
        bottom = document.findBlockByNumber(max(first, last) - 1)
        start, end = top.position(), bottom.position() + bottom.length() - 1
        cursor = QTextCursor(document)
        if first <= last:
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        else:
            cursor.setPosition(end)
            cursor.setPosition(start, QTextCursor.MoveMode.KeepAnchor)
        pane.setTextCursor(cursor)
        pane.ensureCursorVisible()

    def selected_lines(self) -> tuple[int, int]:
        """First and last lines the selection (or the cursor) touches."""
        cursor = self._pane.textCursor()
        document = self._pane.document()
        first = document.findBlock(cursor.selectionStart()).blockNumber() + 1
        last = document.findBlock(cursor.selectionEnd()).blockNumber() + 1
        return first, last

    def shown_between(self, top: int, bottom: int) -> Iterator[ShownLine]:
        """The visible lines that reach between viewport heights *top* and *bottom* (a paint's rect), in order."""
        pane = self._pane
        block = pane.firstVisibleBlock()
        y = round(pane.blockBoundingGeometry(block).translated(pane.contentOffset()).top())
        while block.isValid() and y <= bottom:
            height = round(pane.blockBoundingRect(block).height())
            if block.isVisible() and y + height >= top:
                # Level with the block's first row, wherever the layout put it.
                first_row = block.layout().lineAt(0)
                text_top = y + round(first_row.y()) if first_row.isValid() else y
                text_height = (
                    round(first_row.height()) if first_row.isValid() else pane.fontMetrics().height()
                )
                yield ShownLine(block.blockNumber() + 1, y, height, text_top, text_height)
            block = block.next()
            y += height

    def anchor_line(self) -> int:
        """The line of the selection's fixed end (the cursor's line when nothing is selected)."""
        return self._pane.document().findBlock(self._pane.textCursor().anchor()).blockNumber() + 1

    def line_at(self, y: float) -> int:
        """The line shown at viewport (or gutter) height *y*."""
        return self._pane.cursorForPosition(QPoint(0, int(y))).blockNumber() + 1

    def show_lines(self, places: list[tuple[int, int]]) -> None:
        """Scroll to the first of the line ranges *places* and flash them all; the selection stays."""
        pane = self._pane
        self._loader.finish()
        count = pane.document().blockCount()
        places = [(first, last) for first, last in places if 1 <= first <= last <= count]
        if not places:
            return
        first = min(f for f, _ in places)
        block = pane.document().findBlockByNumber(first - 1)
        # A third down the pane, so the lines before it show as context (as a reveal in the article).
        bar = pane.verticalScrollBar()
        top = pane.blockBoundingGeometry(block).translated(pane.contentOffset()).top()
        if top < 0 or top > pane.viewport().height() * 2 // 3:
            visible_lines = max(1, pane.viewport().height() // max(1, pane.fontMetrics().lineSpacing()))
            bar.setValue(max(0, block.firstLineNumber() - visible_lines // 3))
        self._marks.flash_lines(places)

    def flashing_lines(self) -> list[tuple[int, int]]:
        """The line ranges flashing after ``show_lines`` ([] once the flash is over)."""
        document = self._pane.document()
        return [
            (document.findBlock(start).blockNumber() + 1, document.findBlock(end).blockNumber() + 1)
            for start, end in self._marks.flash_spans
        ]

    def mime(self, first: int, last: int) -> QMimeData | None:
        """Lines *first*..*last* of the lyrics shown, to drag into an article; None without a song or in Edit mode."""
        pane = self._pane
        song_id = pane.song_id()
        if song_id is None or pane.is_editing():
            return None
        self._loader.finish()
        lines = document_text(pane.document()).split("\n")
        if not 1 <= first <= last <= len(lines):
            return None
        return lyric_lines_mime(song_id, first, last, lines[first - 1 : last])

    def drag_selection(self) -> None:
        """Drag the lines the selection touches out of the pane (into an article, as a quotation)."""
        mime = self.mime(*self.selected_lines())
        if mime is None:
            return
        drag = QDrag(self._pane)
        drag.setMimeData(mime)
        drag.exec(Qt.DropAction.CopyAction)
