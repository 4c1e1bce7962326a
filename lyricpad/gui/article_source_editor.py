"""The article pane's edit page: an article's title and Markdown source, saved as they are typed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QSignalBlocker, Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from lyricpad.app.autosave import Autosave
from lyricpad.core.lexers import MarkdownSourceLexer
from lyricpad.core.models import Article
from lyricpad.core.text import normalise_line
from lyricpad.gui.lyric_drag import dragged_lines, lyric_blockquote
from lyricpad.gui.pygments_highlighter import PygmentsHighlighter


class ArticleSourceEdit(QPlainTextEdit):
    """The Markdown source of an article, coloured by pygments in a style that follows the palette."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Article Markdown source"))
        self.setPlaceholderText(
            self.tr("Write in Markdown: # a heading, *emphasis*, **strong**, > a quote, - a list")
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # Only the family is set: the size still follows the pane's font, so zooming reaches it.
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font = QFont()
        font.setFamilies([fixed.family()])
        font.setFixedPitch(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.setFont(font)
        self.document().setDocumentMargin(12)
        self.highlighter = PygmentsHighlighter(self.document(), MarkdownSourceLexer(), palette=self.palette())
        self._set_tab_stops()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.on_palette_changed(self.palette())
        elif event.type() == QEvent.Type.FontChange:
            self._set_tab_stops()

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return dragged_lines(source) is not None or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        dragged = dragged_lines(source)
        if dragged is None:
            super().insertFromMimeData(source)
            return
        self.insert_lyric_quote(*dragged)

    def insert_lyric_quote(self, first: int, last: int, lines: list[str]) -> None:
        """Insert lyric lines *first*..*last* at the cursor as a blockquote of their own, as one undo step.

        Blank lines are added around it where needed, so it neither joins the paragraph it is
        dropped into nor takes in the text after it.
        """
        cursor = self.textCursor()
        cursor.clearSelection()
        block = cursor.block()
        if cursor.positionInBlock() == 0 and block.text().strip():
            # At the start of a line of text: the quote goes before that paragraph.
            before = "\n" if block.previous().isValid() and block.previous().text().strip() else ""
            after = "\n\n"
        else:
            before = "\n\n" if block.text()[: cursor.positionInBlock()].strip() else ""
            if not before and block.previous().isValid() and block.previous().text().strip():
                before = "\n"
            rest = block.text()[cursor.positionInBlock() :]
            following = block.next()
            if rest.strip():
                after = "\n\n"
            elif following.isValid() and following.text().strip():
                after = "\n"
            else:
                after = ""
        cursor.beginEditBlock()
        cursor.insertText(before + lyric_blockquote(first, last, lines) + after)
        cursor.endEditBlock()
        if after:
            cursor.movePosition(QTextCursor.MoveOperation.PreviousCharacter, n=len(after))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def _set_tab_stops(self) -> None:
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 4)


class ArticleSourceEditor(QWidget):
    """Edits one article's title and source, and emits them to be saved; it saves nothing itself.

    The source is saved while typing (see Autosave); the title when the field is left, on
    Enter, or on ``flush()``.
    """

    article_edited = Signal(str, str)
    """(article_id, body): the whole Markdown source as typed."""

    article_title_edited = Signal(str, str)
    """(article_id, title): the title field was changed and left (or Enter, or ``flush()``)."""

    def __init__(self, pause_ms: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._saved_title = ""  # normalised: a title typed back as it was is not emitted
        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName(self.tr("Article title"))
        self.title_edit.setPlaceholderText(self.tr("Article title"))
        self.title_edit.setClearButtonEnabled(True)
        self.title_edit.editingFinished.connect(self._on_title_edit_editing_finished)
        self.source_edit = ArticleSourceEdit(self)
        self.source_edit.textChanged.connect(self._on_source_edit_text_changed)
        self.autosave = Autosave(pause_ms, self.source_edit.toPlainText, self._save_body, parent=self)
        """Saves the source while it is typed, for the article being edited (its key)."""
        editing = QVBoxLayout(self)
        editing.setContentsMargins(0, 0, 0, 0)
        editing.setSpacing(4)
        title_label = QLabel(self.tr("&Title"), self)
        title_label.setBuddy(self.title_edit)
        title_row = QHBoxLayout()
        title_row.setContentsMargins(10, 2, 10, 4)
        title_row.setSpacing(8)
        title_row.addWidget(title_label)
        title_row.addWidget(self.title_edit, 1)
        editing.addLayout(title_row)
        editing.addWidget(self.source_edit, 1)
        QWidget.setTabOrder(self.title_edit, self.source_edit)

    @property
    def article_id(self) -> str:
        """The article whose source the editor holds, "" for none."""
        return self.autosave.key or ""

    def load(self, article: Article) -> None:
        """Put *article*'s source and title in the editor (what was typed for another one is emitted first)."""
        if self.article_id and self.article_id != article.id:
            self.flush()
        self.autosave.switch(article.id, article.body)
        self._saved_title = normalise_line(article.title)
        with QSignalBlocker(self.source_edit):
            self.source_edit.setPlainText(article.body)
        with QSignalBlocker(self.title_edit):
            self.title_edit.setText(article.title)

    def reconcile(self, article: Article) -> None:
        """The library's *article* arrived while its source is being edited: keep what is newer."""
        if self.autosave.reload(article.body):
            # Changed from elsewhere (an undo in the Edit menu): show it, the cursor where it was.
            position = self.source_edit.textCursor().position()
            scroll = self.source_edit.verticalScrollBar().value()
            with QSignalBlocker(self.source_edit):
                self.source_edit.setPlainText(article.body)
            cursor = self.source_edit.textCursor()
            cursor.setPosition(min(position, self.source_edit.document().characterCount() - 1))
            self.source_edit.setTextCursor(cursor)
            self.source_edit.verticalScrollBar().setValue(scroll)
        typing_title = (
            self.title_edit.hasFocus() and normalise_line(self.title_edit.text()) != self._saved_title
        )
        self._saved_title = normalise_line(article.title)
        if not typing_title and self.title_edit.text() != article.title:
            with QSignalBlocker(self.title_edit):
                self.title_edit.setText(article.title)

    def flush(self) -> None:
        """Emit a pending edit of the source or the title now."""
        if not self.article_id:
            return
        self.autosave.flush()  # emits the source typed since the last save through _save_body
        self._emit_title()

    def close_article(self) -> None:
        """Edit nothing any more (what was typed is emitted first)."""
        self.flush()
        self.autosave.close()

    def _save_body(self, article_id: str, text: str) -> None:
        self.article_edited.emit(article_id, text)

    def _emit_title(self) -> None:
        title = self.title_edit.text()
        if normalise_line(title) == self._saved_title:
            return
        self._saved_title = normalise_line(title)
        self.article_title_edited.emit(self.article_id, title)

    def _on_source_edit_text_changed(self) -> None:
        self.autosave.changed()  # nothing is saved while no article is open: the autosave has no key

    def _on_title_edit_editing_finished(self) -> None:
        if self.article_id:
            self._emit_title()
