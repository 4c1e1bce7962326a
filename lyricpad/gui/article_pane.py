"""The article pane: a song's articles rendered from Markdown, read-only, with annotations highlighted."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent, QTextCursor
from PySide6.QtWidgets import QTabBar, QTextBrowser, QToolTip, QVBoxLayout, QWidget

from lyricpad.app.positions import code_point_position, utf16_position
from lyricpad.core.markdown import RenderedArticle, render_article
from lyricpad.core.models import Annotation, Article
from lyricpad.gui.article_document import (
    HREF_PROPERTY,
    IMAGE_SOURCE_PROPERTY,
    QUOTE_LEVEL_PROPERTY,
    fill_document,
    format_property_at,
    quote_bar_colour,
    quote_indent,
)
from lyricpad.gui.highlights import Highlight, annotations_at, extra_selections, show_tooltip
from lyricpad.gui.pane_header import PaneHeader

QUOTE_BAR_WIDTH = 3


class ArticleBrowser(QTextBrowser):
    """A QTextBrowser that never navigates, draws block-quote bars and shows notes on hover."""

    style_changed = Signal()
    """The palette or font changed: colours and sizes baked into the document are out of date."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # Links carry no anchor at all (their target is kept as data), so nothing here can
        # follow one; these stay off in case anchored text ever arrives some other way.
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Article")
        self.setPlaceholderText("No article yet.")
        self.document().setDocumentMargin(12)
        self.highlights: list[Highlight] = []

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Here rather than in the pane: a parent hears of a new palette before its children have it.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.style_changed.emit()

    def viewportEvent(self, event: QEvent) -> bool:
        if self._show_link_tooltip(event):
            return True
        if show_tooltip(self, event, self.highlights):
            return True
        return super().viewportEvent(event)

    def _show_link_tooltip(self, event: QEvent) -> bool:
        """Over a link or an image (and no highlight), say where it points; it is never opened."""
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        point = QPointF(event.pos()) + QPointF(
            self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        )
        position = self.document().documentLayout().hitTest(point, Qt.HitTestAccuracy.ExactHit)
        if position < 0 or annotations_at(self.highlights, position):
            return False
        href = format_property_at(self.document(), position, HREF_PROPERTY)
        source = format_property_at(self.document(), position, IMAGE_SOURCE_PROPERTY)
        if href:
            text = f"Link to <b>{html.escape(href)}</b><br><small>Links are not opened from lyricpad.</small>"
        elif source:
            text = f"Image <b>{html.escape(source)}</b><br><small>Images are not loaded; this is its description.</small>"
        else:
            return False
        QToolTip.showText(event.globalPos(), f"<qt>{text}</qt>", self.viewport())
        return True

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._paint_quote_bars(event)

    def _paint_quote_bars(self, event: QPaintEvent) -> None:
        """A bar left of quoted blocks per level of quoting, unbroken from one quoted block to the next."""
        document = self.document()
        layout = document.documentLayout()
        step = quote_indent(document.defaultFont())
        dx = document.documentMargin() - self.horizontalScrollBar().value()
        dy = -self.verticalScrollBar().value()
        colour = quote_bar_colour(self.palette())
        painter: QPainter | None = None
        block = self.cursorForPosition(event.rect().topLeft()).block()
        if block.previous().isValid():  # its bar may bridge the gap down to the first block shown
            block = block.previous()
        bottom = event.rect().bottom()
        while block.isValid():
            rect = layout.blockBoundingRect(block).translated(0, dy)
            if rect.top() > bottom:
                break
            level = block.blockFormat().intProperty(QUOTE_LEVEL_PROPERTY)
            following = block.next()
            next_level = (
                following.blockFormat().intProperty(QUOTE_LEVEL_PROPERTY) if following.isValid() else 0
            )
            next_top = (
                layout.blockBoundingRect(following).top() + dy if following.isValid() else rect.bottom()
            )
            for depth in range(level):
                if painter is None:
                    painter = QPainter(self.viewport())
                # Reach down to the next block when it is quoted as deep: the bar bridges the gap.
                end = next_top if next_level > depth else rect.bottom()
                x = dx + depth * step + step * 0.2
                painter.fillRect(QRectF(x, rect.top(), QUOTE_BAR_WIDTH, end - rect.top()), colour)
            block = following
        if painter is not None:
            painter.end()


class ArticlePane(QWidget):
    """A tab per article (tabs shown only when there are several), a heading, and the text."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Article pane")
        self._articles: list[Article] = []
        self._annotations: list[Annotation] = []
        self._rendered: RenderedArticle | None = None
        self.tab_bar = QTabBar(self)
        self.tab_bar.setAccessibleName("Articles")
        self.tab_bar.setExpanding(False)
        self.tab_bar.setDocumentMode(True)
        self.tab_bar.setElideMode(Qt.TextElideMode.ElideRight)
        self.tab_bar.currentChanged.connect(self._on_tab_bar_current_changed)
        self.header = PaneHeader("Article heading", self)
        self.browser = ArticleBrowser(self)
        self.browser.style_changed.connect(self._on_browser_style_changed)
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

    @property
    def rendered(self) -> RenderedArticle | None:
        """The open article as rendered: offsets of its annotations count over ``rendered.text``."""
        return self._rendered

    def selected_range(self) -> tuple[int, int] | None:
        """The selection as code-point offsets over the rendered text (None when nothing is selected)."""
        cursor = self.browser.textCursor()
        if self._rendered is None or not cursor.hasSelection():
            return None
        text = self._rendered.text
        return code_point_position(text, cursor.selectionStart()), code_point_position(
            text, cursor.selectionEnd()
        )

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
            self._rendered = None
            self.browser.clear()
            self.browser.highlights = []
            self.browser.setExtraSelections([])
            return
        byline = " · ".join(
            x for x in (f"by {article.author}" if article.author else "", article.source) if x
        )
        self.header.set_text(article.title or "Untitled article", byline)
        self._rendered = render_article(article.body)
        self._typeset()
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)

    def _typeset(self) -> None:
        """(Re)build the document from the rendered article in the browser's palette and font."""
        if self._rendered is None:
            return
        fill_document(self.browser.document(), self._rendered, self.browser.palette(), self.browser.font())
        self._apply_highlights()

    def _apply_highlights(self) -> None:
        article = self.current_article
        text = self._rendered.text if self._rendered is not None else ""
        highlights = []
        for annotation in self._annotations:
            if article is None or annotation.article_id != article.id or annotation.status == "orphaned":
                continue
            for fragment in annotation.fragments:
                start, end = utf16_position(text, fragment.start), utf16_position(text, fragment.end)
                highlights.append(Highlight(start, end, annotation))
        self.browser.highlights = highlights
        document = self.browser.document()
        self.browser.setExtraSelections(extra_selections(document, highlights, self.browser.palette()))

    def _on_browser_style_changed(self) -> None:
        if self._rendered is None:
            return
        scroll = self.browser.verticalScrollBar().value()
        cursor = self.browser.textCursor()
        anchor, position = cursor.anchor(), cursor.position()
        self._typeset()
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(anchor)
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        self.browser.setTextCursor(cursor)
        self.browser.verticalScrollBar().setValue(scroll)

    def _on_tab_bar_current_changed(self, index: int) -> None:
        self._show_article(index)
