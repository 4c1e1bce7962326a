"""The article pane's read page: an article rendered from Markdown, its highlights and quotations drawn."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor

from lyricpad.app.positions import code_point_position
from lyricpad.core.markdown import RenderedArticle, render_article
from lyricpad.gui.article_browser import article_places
from lyricpad.gui.article_document import fill_document
from lyricpad.gui.quote_links_view import article_quote_places

if TYPE_CHECKING:
    from lyricpad.core.models import Annotation, Article, QuoteLink
    from lyricpad.gui.article_browser import ArticleBrowser


class ArticleReading:
    """What the `ArticleBrowser` shows: one article rendered, with its annotations and quotations drawn.

    It renders an article again only when its body changed (the scroll stays), redraws the
    highlights alone when only the annotations, quote links or selected annotation did, and
    typesets the document again when the browser's palette or font changes. Offsets of the
    annotations count over ``rendered.text``.
    """

    def __init__(self, browser: ArticleBrowser):
        self.browser = browser
        self.rendered: RenderedArticle | None = None
        self.rendered_id = ""  # the article shown, and the body it was rendered from
        self._rendered_body = ""
        self.annotations: list[Annotation] = []  # the song's article annotations
        self.links: list[QuoteLink] = []  # the song's quote links, and the lyrics they quote
        self.lyrics = ""
        self.selected_id = ""
        browser.style_changed.connect(self._on_browser_style_changed)

    def show(self, article: Article) -> None:
        """Show *article*: rendered anew when it is another one (from the top) or its body changed."""
        if self.rendered_id != article.id:
            self._render(article)
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        elif self._rendered_body != article.body:
            scroll = self.browser.verticalScrollBar().value()
            self._render(article)
            self.browser.verticalScrollBar().setValue(scroll)
        else:
            self.redraw()

    def clear(self) -> None:
        """Show no article at all."""
        self.rendered, self.rendered_id, self._rendered_body = None, "", ""
        browser = self.browser
        browser.clear()
        browser.highlights = []
        browser.proposals = []
        browser.quote_places = []
        browser.setExtraSelections([])

    def redraw(self) -> None:
        """Draw the highlights and quotations again from the data, the document left alone."""
        highlights, proposals = article_places(self.annotations, self.rendered, self.rendered_id)
        self.browser.show_places(highlights, proposals, self.selected_id)
        self.browser.show_quotes(
            article_quote_places(self.links, self.rendered, self.rendered_id, self.lyrics)
        )

    def selected_range(self) -> tuple[str, int, int] | None:
        """(article_id, start, end) of the selection in code points over the rendered text; None for blanks."""
        if self.rendered is None or not self.rendered_id:
            return None
        cursor = self.browser.textCursor()
        if not cursor.hasSelection() or not cursor.selectedText().strip():
            return None
        text = self.rendered.text
        return (
            self.rendered_id,
            code_point_position(text, cursor.selectionStart()),
            code_point_position(text, cursor.selectionEnd()),
        )

    def flash_annotation(self, annotation_id: str) -> None:
        """Scroll to the annotation's first passage, put the cursor there and flash it (orphaned: nothing)."""
        browser = self.browser
        highlights = [h for h in browser.highlights if h.annotation.id == annotation_id]
        highlights = highlights or [h for h in browser.proposals if h.annotation.id == annotation_id]
        if not highlights:
            return  # orphaned: nothing in the text to show
        first = min(highlights, key=lambda h: h.start)
        cursor = QTextCursor(browser.document())
        cursor.setPosition(first.start)
        browser.setTextCursor(cursor)
        browser.scroll_to(first.start)
        browser.flash(annotation_id)

    def flash_quotation(self, link_id: str) -> bool:
        """Scroll to the quotation of link *link_id* and flash it; False when it is not drawn."""
        place = next((p for p in self.browser.quote_places if p.link.id == link_id), None)
        if place is None:
            return False
        self.browser.scroll_to(place.start)
        self.browser.flash_range(place.start, place.end)
        return True

    def _render(self, article: Article) -> None:
        self.rendered = render_article(article.body)
        self.rendered_id = article.id
        self._rendered_body = article.body
        self._typeset()

    def _typeset(self) -> None:
        """(Re)build the document from the rendered article in the browser's palette and font."""
        if self.rendered is None:
            return
        fill_document(self.browser.document(), self.rendered, self.browser.palette(), self.browser.font())
        self.redraw()

    def _on_browser_style_changed(self) -> None:
        if self.rendered is None:
            return
        browser = self.browser
        scroll = browser.verticalScrollBar().value()
        cursor = browser.textCursor()
        anchor, position = cursor.anchor(), cursor.position()
        self._typeset()
        cursor = QTextCursor(browser.document())
        cursor.setPosition(anchor)
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        browser.setTextCursor(cursor)
        browser.verticalScrollBar().setValue(scroll)
