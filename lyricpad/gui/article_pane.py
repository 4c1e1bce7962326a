"""The article pane: a song's articles rendered from Markdown, read-only, with annotations highlighted."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QRegularExpression, Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QTabBar, QTextBrowser, QVBoxLayout, QWidget

from lyricpad.core.models import Annotation, Article
from lyricpad.gui.highlights import Highlight, extra_selections, show_tooltip
from lyricpad.gui.pane_header import PaneHeader

_BLOCK_MARKER = re.compile(r"^\s*(?:>\s?|[-*+]\s+|\d+[.)]\s+|#{1,6}\s+)+", re.MULTILINE)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"[*_`]+")


def rendered_words(markdown: str) -> list[str]:
    """The words of a Markdown snippet as they appear once rendered (markup removed)."""
    text = _LINK.sub(r"\1", markdown)
    text = _BLOCK_MARKER.sub("", text)
    text = _EMPHASIS.sub("", text)
    return text.split()


def find_in_rendered(document: QTextDocument, quote: str, occurrence: int = 1) -> QTextCursor | None:
    """A cursor selecting *quote* (Markdown source) in the rendered *document*, or None.

    Stored offsets count over the Markdown source, not the rendered text; until the
    window issue brings proper anchoring in rendered text, the quote is searched for.
    Any whitespace (a soft line break included) matches any whitespace, and the
    occurrence-th match is taken when there are that many.
    """
    words = rendered_words(quote)
    if not words:
        return None
    pattern = r"[\s\x{2028}\x{2029}]+".join(QRegularExpression.escape(w) for w in words)
    regex = QRegularExpression(pattern)
    found: list[QTextCursor] = []
    cursor = QTextCursor(document)
    while len(found) < max(occurrence, 1):
        cursor = document.find(regex, cursor)
        if cursor.isNull():
            break
        found.append(QTextCursor(cursor))
    if not found:
        return None
    return found[occurrence - 1] if 0 < occurrence <= len(found) else found[0]


class ArticleBrowser(QTextBrowser):
    """A QTextBrowser that never navigates and shows annotation notes on hover."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Article")
        self.setPlaceholderText("No article yet.")
        self.document().setDocumentMargin(12)
        self.highlights: list[Highlight] = []

    def viewportEvent(self, event: QEvent) -> bool:
        if show_tooltip(self, event, self.highlights):
            return True
        return super().viewportEvent(event)


class ArticlePane(QWidget):
    """A tab per article (tabs shown only when there are several), a heading, and the text."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Article pane")
        self._articles: list[Article] = []
        self._annotations: list[Annotation] = []
        self.tab_bar = QTabBar(self)
        self.tab_bar.setAccessibleName("Articles")
        self.tab_bar.setExpanding(False)
        self.tab_bar.setDocumentMode(True)
        self.tab_bar.setElideMode(Qt.TextElideMode.ElideRight)
        self.tab_bar.currentChanged.connect(self._on_tab_bar_current_changed)
        self.header = PaneHeader("Article heading", self)
        self.browser = ArticleBrowser(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.tab_bar)
        layout.addWidget(self.header)
        layout.addWidget(self.browser, 1)
        self.show_articles([], [])

    def show_articles(self, articles: list[Article], annotations: list[Annotation]) -> None:
        """Show the song's *articles*, the first one open, with their *annotations*."""
        self._articles = list(articles)
        self._annotations = [a for a in annotations if a.target == "article"]
        self.tab_bar.blockSignals(True)
        while self.tab_bar.count():
            self.tab_bar.removeTab(0)
        for article in self._articles:
            index = self.tab_bar.addTab(article.title or "Untitled")
            self.tab_bar.setTabToolTip(index, article.title)
        self.tab_bar.setCurrentIndex(0)
        self.tab_bar.blockSignals(False)
        self.tab_bar.setVisible(len(self._articles) > 1)
        self._show_article(0)

    @property
    def current_article(self) -> Article | None:
        index = self.tab_bar.currentIndex()
        return self._articles[index] if 0 <= index < len(self._articles) else None

    def reveal(self, annotation: Annotation) -> None:
        """Open the annotation's article, scroll to its passage and select it."""
        for index, article in enumerate(self._articles):
            if article.id == annotation.article_id:
                self.tab_bar.setCurrentIndex(index)  # shows the article when it changes
                break
        for highlight in self.browser.highlights:
            if highlight.annotation.id == annotation.id:
                cursor = QTextCursor(self.browser.document())
                cursor.setPosition(highlight.end)
                cursor.setPosition(highlight.start, QTextCursor.MoveMode.KeepAnchor)
                self.browser.setTextCursor(cursor)
                self.browser.ensureCursorVisible()
                return

    def _show_article(self, index: int) -> None:
        article = self._articles[index] if 0 <= index < len(self._articles) else None
        if article is None:
            # The header stays, so that the text starts level with the lyrics beside it.
            self.header.set_text("No article", "")
            self.browser.clear()
            self.browser.highlights = []
            self.browser.setExtraSelections([])
            return
        byline = " · ".join(
            x for x in (f"by {article.author}" if article.author else "", article.source) if x
        )
        self.header.set_text(article.title or "Untitled article", byline)
        self.browser.setMarkdown(article.body)
        self._apply_highlights(article)
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)

    def _apply_highlights(self, article: Article) -> None:
        document = self.browser.document()
        highlights = []
        for annotation in self._annotations:
            if annotation.article_id != article.id or annotation.status == "orphaned":
                continue
            for fragment in annotation.fragments:
                cursor = find_in_rendered(document, fragment.quote, fragment.occurrence)
                if cursor is not None:
                    highlights.append(Highlight(cursor.selectionStart(), cursor.selectionEnd(), annotation))
        self.browser.highlights = highlights
        self.browser.setExtraSelections(extra_selections(document, highlights, self.browser.palette()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.current_article is not None:
            self._apply_highlights(self.current_article)

    def _on_tab_bar_current_changed(self, index: int) -> None:
        self._show_article(index)
