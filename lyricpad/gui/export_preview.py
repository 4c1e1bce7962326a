"""The export dialog's preview: the file as it will be written, coloured like source, in a fixed-width font."""

from __future__ import annotations

from pygments.lexers.data import JsonLexer
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from lyricpad.core.lexers import MarkdownSourceLexer
from lyricpad.gui.pygments_highlighter import PygmentsHighlighter


def _fixed_font() -> QFont:
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font = QFont()
    font.setFamilies([fixed.family()])
    font.setFixedPitch(True)
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


class ExportPreview(QPlainTextEdit):
    """The export's text, read-only, coloured by pygments (Markdown or JSON) in a style that follows the palette."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAccessibleName(self.tr("Export preview"))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFont(_fixed_font())
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.document().setDocumentMargin(10)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 4)
        self.highlighter = PygmentsHighlighter(self.document(), MarkdownSourceLexer(), palette=self.palette())
        self._kind = "markdown"

    def show_text(self, text: str, kind: str) -> None:
        """Show *text* ("markdown" or "json"), keeping the scroll position when the kind is the same."""
        bar = self.verticalScrollBar()
        position = bar.value() if kind == self._kind else 0
        if kind != self._kind:
            self.clear()  # before the lexer changes: the old text is not highlighted twice
            self.highlighter.set_lexer(JsonLexer() if kind == "json" else MarkdownSourceLexer())
            self._kind = kind
        self.setPlainText(text)
        bar.setValue(min(position, bar.maximum()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.on_palette_changed(self.palette())
