"""The lyrics pane: read-only lyrics with line numbers and annotation highlights."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontDatabase, QPainter, QPaintEvent, QPalette, QResizeEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from lyricpad.app.positions import utf16_position
from lyricpad.core.lexers import LyricsLexer
from lyricpad.core.models import Annotation, Song
from lyricpad.gui.highlights import Highlight, extra_selections, lens_colour, show_tooltip
from lyricpad.gui.pygments_highlighter import PygmentsHighlighter

GUTTER_PADDING = 8
MARK_WIDTH = 3
"""Width of the lens-coloured mark the gutter draws beside annotated lines."""


class LineNumberGutter(QWidget):
    """The strip left of the lyrics showing line numbers; the pane does the painting."""

    def __init__(self, pane: LyricsPane):
        super().__init__(pane)
        self._pane = pane
        self.setAccessibleName("Line numbers")

    def sizeHint(self) -> QSize:
        return QSize(self._pane.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._pane.paint_gutter(self, event)


class LyricsPane(QPlainTextEdit):
    """Shows one song's lyrics, numbered like the CLI counts lines, with its annotations highlighted."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # State first: setting the font below already sends events to the overrides.
        self._highlights: list[Highlight] = []
        self._line_marks: dict[int, QColor] = {}
        self._gutter_visible = True
        self._gutter = LineNumberGutter(self)
        self._syntax = PygmentsHighlighter(self.document(), LyricsLexer(), palette=self.palette())
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAccessibleName("Lyrics")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # Monospace keeps chord lines aligned over the words they belong to.
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), self.font().pointSizeF()))
        self.setFont(font)
        self.document().setDocumentMargin(8)
        self.blockCountChanged.connect(self._on_document_block_count_changed)
        self.updateRequest.connect(self._on_editor_update_request)
        self.cursorPositionChanged.connect(self._gutter.update)
        self._update_gutter_width()

    # ------------------------------------------------------------------ content

    def show_song(self, song: Song | None, annotations: list[Annotation]) -> None:
        """Show *song*'s lyrics with its lyric *annotations* highlighted (None: empty pane)."""
        if song is None:
            self.setPlaceholderText("")
            self.setPlainText("")
        else:
            self.setPlaceholderText("No lyrics yet.")
            self.setPlainText(song.lyrics)
        text = song.lyrics if song else ""
        self._highlights = [
            Highlight(utf16_position(text, f.start), utf16_position(text, f.end), annotation)
            for annotation in annotations
            if annotation.target == "lyrics" and annotation.status != "orphaned"
            for f in annotation.fragments
        ]
        self._apply_highlights()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    @property
    def highlights(self) -> list[Highlight]:
        return list(self._highlights)

    def reveal(self, annotation: Annotation) -> None:
        """Scroll to the annotation's first place and select it, the cursor at its start."""
        for highlight in self._highlights:
            if highlight.annotation.id == annotation.id:
                cursor = QTextCursor(self.document())
                cursor.setPosition(highlight.end)
                cursor.setPosition(highlight.start, QTextCursor.MoveMode.KeepAnchor)
                self.setTextCursor(cursor)
                self.centerCursor()
                return

    def _apply_highlights(self) -> None:
        self.setExtraSelections(extra_selections(self.document(), self._highlights, self.palette()))
        self._line_marks = {}
        for highlight in self._highlights:
            first = self.document().findBlock(highlight.start).blockNumber()
            last = self.document().findBlock(max(highlight.start, highlight.end - 1)).blockNumber()
            for number in range(first, last + 1):
                self._line_marks.setdefault(number, lens_colour(highlight.annotation, self.palette()))
        self._gutter.update()

    # ------------------------------------------------------------------- gutter

    def set_line_numbers_visible(self, visible: bool) -> None:
        self._gutter_visible = visible
        self._gutter.setVisible(visible)
        self._update_gutter_width()

    def line_numbers_visible(self) -> bool:
        return self._gutter_visible

    def gutter_width(self) -> int:
        if not self._gutter_visible:
            return 0
        digits = max(2, len(str(self.blockCount())))
        return GUTTER_PADDING * 2 + MARK_WIDTH + self.fontMetrics().horizontalAdvance("9") * digits

    def _update_gutter_width(self) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)
        self._place_gutter()

    def _place_gutter(self) -> None:
        area = self.contentsRect()
        self._gutter.setGeometry(QRect(area.left(), area.top(), self.gutter_width(), area.height()))

    def paint_gutter(self, gutter: QWidget, event: QPaintEvent) -> None:
        """Paint the line numbers of the visible blocks, level with each block's first line."""
        palette = self.palette()
        painter = QPainter(gutter)
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.Window))
        painter.setFont(self.font())
        number_right = gutter.width() - GUTTER_PADDING - MARK_WIDTH
        if self.document().isEmpty():
            painter.end()  # no line 1 to number: the placeholder text shows instead
            return
        current = self.textCursor().blockNumber()
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        while block.isValid() and top <= event.rect().bottom():
            height = round(self.blockBoundingRect(block).height())
            if block.isVisible() and top + height >= event.rect().top():
                number = block.blockNumber()
                role = QPalette.ColorRole.Text if number == current else QPalette.ColorRole.PlaceholderText
                painter.setPen(palette.color(role))
                # Level with the block's first line, wherever the layout put it.
                first_line = block.layout().lineAt(0)
                line_top = top + round(first_line.y()) if first_line.isValid() else top
                line_height = (
                    round(first_line.height()) if first_line.isValid() else self.fontMetrics().height()
                )
                painter.drawText(
                    QRect(0, line_top, number_right, line_height),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    str(number + 1),
                )
                mark = self._line_marks.get(number)
                if mark is not None:
                    painter.fillRect(QRect(gutter.width() - MARK_WIDTH - 2, top, MARK_WIDTH, height), mark)
            block = block.next()
            top += height
        painter.end()

    # --------------------------------------------------------------- Qt events

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_gutter()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._syntax.on_palette_changed(self.palette())
            self._apply_highlights()
        elif event.type() == QEvent.Type.FontChange:
            self._update_gutter_width()

    def viewportEvent(self, event: QEvent) -> bool:
        if show_tooltip(self, event, self._highlights):
            return True
        return super().viewportEvent(event)

    # -------------------------------------------------------------------- slots

    def _on_document_block_count_changed(self, _count: int) -> None:
        self._update_gutter_width()

    def _on_editor_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())
        if rect.contains(self.viewport().rect()):
            self._update_gutter_width()
